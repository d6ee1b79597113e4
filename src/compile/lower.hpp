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
Result<std::shared_ptr<ModuleCode>> lower_module(const ir::Module& module, HandlerTable handlers,
                                                 const LowerOptions& options);

}  // namespace weft::compile
