// The last step of loading a module: validation, with a text module's error given the
// line:column of the offending instruction (through its source map) instead of a byte offset.
#pragma once

#include "base/result.hpp"
#include "ir/features.hpp"
#include "ir/module.hpp"

namespace weft::validate {

// Passes a decoding or parsing error through; otherwise validates `module` and returns it.
Result<ir::Module> validated(Result<ir::Module> module,
                             const ir::Features& features = ir::Features::wasm2());

}  // namespace weft::validate
