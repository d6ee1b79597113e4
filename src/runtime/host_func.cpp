#include "runtime/host_func.hpp"

namespace weft::runtime {

Result<std::shared_ptr<HostFunc>> HostFunc::create(TypeRegistry& types, ir::FuncType type,
                                                   HostEntry entry) {
  Result<uint32_t> index = types.intern(type);
  if (!index) return std::move(index).error();
  return std::make_shared<HostFunc>(Key{}, std::move(type), *index, std::move(entry));
}

HostFunc::HostFunc(Key, ir::FuncType type, uint32_t type_index, HostEntry entry)
    : type_(std::move(type)), entry_(std::move(entry)) {
  // The context exists so that wasm entering a trampoline with it finds its way back here;
  // everything an instance context has stays null.
  vmctx_.host_funcref = &funcref_;
  vmctx_.host_func = this;
  funcref_.array_call = host_array_call;
  funcref_.wasm_call = nullptr;
  funcref_.type_index = type_index;
  funcref_.vmctx = &vmctx_;
}

TrapCode host_array_call(const VMFuncRef* callee, VMContext* caller, ValRaw* values, size_t count) {
  // Wasm frames may be below: no exception may leave. The API's entries turn exceptions into
  // errors themselves (api/host_entry.hpp); this catches what a runtime-level callback lets go.
  try {
    return HostFunc::of(callee->vmctx).call(caller, std::span<ValRaw>(values, count));
  } catch (...) {
    return TrapCode::HostError;
  }
}

}  // namespace weft::runtime
