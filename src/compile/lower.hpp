// Lowering of validated function bodies to the interpreter's code (code_format.hpp).
#pragma once

#include <memory>

#include "base/result.hpp"
#include "compile/code_format.hpp"
#include "ir/module.hpp"

namespace weft::compile {

// Lowers every defined function of `module`, which must have passed validation. `handlers`
// gives the address of each Op's handler (interp/ provides it). Errors: OutOfMemory for
// oversized frames (ErrorKind::Unsupported remains for instructions beyond Wasm 2.0).
// With options.lazy it lowers nothing yet: each function gets its stub (code_format.hpp) and
// `module` must then outlive every run of the code (an instance keeps its module alive).
Result<std::shared_ptr<ModuleCode>> lower_module(const ir::Module& module, HandlerTable handlers,
                                                 const LowerOptions& options);

// Lowers defined function `defined_index` of lazily lowered `code` unless it already is; safe
// to call from several threads at once. Errors: OutOfMemory (including a frame too large).
Result<void> lower_function(ModuleCode& code, uint32_t defined_index);

// Whether defined function `defined_index` has its lowered code (always, without lazy).
bool is_lowered(const ModuleCode& code, uint32_t defined_index);

}  // namespace weft::compile
