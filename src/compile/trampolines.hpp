// Wasm-to-array trampolines: for each function type of a module, a tiny CompiledFunc that wasm
// enters like any callee and that calls the host function it was entered for through its
// array_call. A store fills the null wasm_call of host funcrefs with them (DESIGN.md, "The
// store and its function references"), so wasm calls every funcref the same way.
#pragma once

#include "base/result.hpp"
#include "compile/code_format.hpp"
#include "ir/module.hpp"

namespace weft::compile {

// Builds code.trampolines and code.trampoline_code, one per type index of `module`;
// code.signatures must be complete. `handlers` as for lower_module.
Result<void> add_wasm_to_array_trampolines(ModuleCode& code, const ir::Module& module,
                                           HandlerTable handlers);

}  // namespace weft::compile
