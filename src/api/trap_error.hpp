// The errors of calls into wasm that end in a trap: the trap's code and message, or the error of
// the host function that failed, with the wasm frames the failure unwound as its backtrace.
#pragma once

#include "base/result.hpp"
#include "ir/module.hpp"
#include "runtime/store.hpp"
#include "runtime/vm.hpp"

namespace weft {
class StoreContext;
}

namespace weft::api {

// ErrorKind::Trap with `code` and the specification's message for it (or `message`).
Error trap_error(runtime::TrapCode code, const char* message = nullptr);

// The Error for a call of `callee` through its array entry that returned `trap`: for
// TrapCode::HostError the failing host function's error (kept in the store), else
// ErrorKind::Trap with the specification's message and `trap` set. The wasm frames the call
// unwound are appended to its backtrace, after any it brought from a call nested deeper.
Error call_error(StoreContext& store, const runtime::VMFuncRef* callee, runtime::TrapCode trap);

// The same for an instantiation of `module` into `store` that failed with `error` (a trap or a
// host error in the start function gets the start function's frames).
Error instantiation_error(StoreContext& store, const ir::Module& module, Error error);

// Appends to error.backtrace the frames the interpreter recorded for the trap that ended a call
// of `callee` (none when it recorded none), innermost first, named from the name sections.
void add_backtrace(runtime::Store& store, const runtime::VMFuncRef* callee, Error& error);

}  // namespace weft::api
