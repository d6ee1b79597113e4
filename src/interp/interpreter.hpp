// The interpreter's public face for runtime users: compiling a module's functions to the
// interpreter's code, and the array-call entry that runs them (VMFuncRef::array_call).
#pragma once

#include <cstddef>
#include <memory>

#include "base/result.hpp"
#include "compile/code_format.hpp"
#include "ir/module.hpp"
#include "runtime/vm.hpp"

namespace weft::interp {

struct Config {
  // GuardPages needs install_fault_handler(); Explicit works everywhere.
  compile::BoundsChecks bounds = compile::BoundsChecks::GuardPages;
};

// Lowers every function of a validated module.
Result<std::shared_ptr<compile::ModuleCode>> compile_module(const ir::Module& module,
                                                            const Config& config);

// The array-call entry of every interpreted function.
runtime::TrapCode array_call(const runtime::VMFuncRef* callee, runtime::VMContext* caller,
                             runtime::ValRaw* values, size_t count);

// Installs the SIGSEGV/SIGBUS handler that turns a fault in a linear memory's reservation,
// while wasm runs, into an out-of-bounds trap. Idempotent.
void install_fault_handler();

}  // namespace weft::interp
