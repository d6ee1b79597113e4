// Which WebAssembly proposals a decoder, validator or parser accepts. The default is Wasm 2.0
// (with its SIMD); Wasm 3.0 features are switched on one by one as weft implements them.
#pragma once

namespace weft::ir {

struct Features {
  bool simd = true;
  bool multi_memory = false;
  bool memory64 = false;
  bool tail_call = false;
  bool extended_const = false;
  bool exceptions = false;
  bool function_references = false;
  bool gc = false;
  bool relaxed_simd = false;
  bool threads = false;

  static constexpr Features wasm2() { return Features{}; }
};

}  // namespace weft::ir
