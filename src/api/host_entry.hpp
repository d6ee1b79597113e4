// The bridge from the runtime's host-function entry (raw values, caller context) to the API's
// HostFn (Vals, StoreContext, calling instance).
#pragma once

#include "runtime/host_func.hpp"
#include "weft/store.hpp"

namespace weft::api {

// A runtime entry running `callback`. It finds its store through the caller's context, so one
// entry serves every store (a Linker's functions). Whatever `callback` returns or throws ends as
// a value: an error (std::bad_alloc: OutOfMemory) is left in the store's host error and the
// entry returns TrapCode::HostError, so no exception reaches the interpreter's frames.
runtime::HostEntry make_host_entry(FuncType type, HostFn callback);

}  // namespace weft::api
