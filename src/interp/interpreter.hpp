// The interpreter's public face for runtime users: compiling a module's functions to the
// interpreter's code, and the array-call entry that runs them (VMFuncRef::array_call).
#pragma once

#include <cstddef>
#include <memory>
#include <span>

#include "base/result.hpp"
#include "compile/code_format.hpp"
#include "ir/module.hpp"
#include "runtime/vm.hpp"

namespace weft::interp {

struct Config {
  // GuardPages needs install_fault_handler(); Explicit works everywhere.
  compile::BoundsChecks bounds = compile::BoundsChecks::GuardPages;
  // Fuel and epoch checks (compile::LowerOptions); off, the code has none and pays nothing.
  bool consume_fuel = false;
  bool epoch_interruption = false;
  // Lower each function on its first call rather than all of them in compile_module (the
  // module is validated in full either way). Lazy, the ir::Module must outlive the code's runs.
  bool lazy_lowering = true;
};

// Lowers every function of a validated module, or prepares each to be lowered on first call.
Result<std::shared_ptr<compile::ModuleCode>> compile_module(const ir::Module& module,
                                                            const Config& config);

// The array-call entry of every interpreted function.
runtime::TrapCode array_call(const runtime::VMFuncRef* callee, runtime::VMContext* caller,
                             runtime::ValRaw* values, size_t count);

// One wasm frame of a trap, as the interpreter knows it: a code address inside the function's
// body (or, with `is_func`, what should be its CompiledFunc: verify before use) and the
// context it ran in. The embedder maps it back to a function index with the instances'
// compile::ModuleCode; frames it cannot map (trampolines) it skips.
struct TraceFrame {
  const void* where = nullptr;
  bool is_func = false;
  runtime::VMContext* ctx = nullptr;
};
inline constexpr uint32_t kMaxTraceFrames = 1000;  // the innermost ones are kept

// The wasm frames, innermost first, of the trap that just ended array_call(`callee`, ...) on
// this thread; empty when the last trap recorded was not of that call (or nothing could be
// recorded). Clears the record; the span stays valid until wasm runs again on this thread.
std::span<const TraceFrame> take_trap_trace(const runtime::VMFuncRef* callee);

// Installs the SIGSEGV/SIGBUS handler that turns a fault in a linear memory's reservation,
// while wasm runs, into an out-of-bounds trap. Idempotent.
void install_fault_handler();

}  // namespace weft::interp
