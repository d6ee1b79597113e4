// Host functions: C++ code with a wasm function type. A HostFunc is the callee context of its
// funcrefs (their vmctx points at its VMContext), and nothing in it belongs to one store: the
// store comes from the caller's context. So one HostFunc can back funcrefs in many stores (a
// Linker's functions), or in one store that alone keeps it alive (Func::wrap).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <span>

#include "base/result.hpp"
#include "ir/types.hpp"
#include "runtime/type_registry.hpp"
#include "runtime/vm.hpp"

namespace weft::runtime {

// Runs the host code. `caller` is the calling instance's context, or the store's host context
// when the host itself calls (Store::host_context()); either way caller->store is the store.
// `values` holds the arguments on entry and receives the results.
using HostEntry = std::function<TrapCode(VMContext* caller, std::span<ValRaw> values)>;

class HostFunc {
  struct Key {};  // lets create() use make_shared while the constructor stays private

 public:
  static Result<std::shared_ptr<HostFunc>> create(TypeRegistry& types, ir::FuncType type,
                                                  HostEntry entry);
  HostFunc(Key, ir::FuncType type, uint32_t type_index, HostEntry entry);
  HostFunc(const HostFunc&) = delete;
  HostFunc& operator=(const HostFunc&) = delete;

  const ir::FuncType& type() const { return type_; }
  uint32_t type_index() const { return funcref_.type_index; }
  // The function's funcref with a null wasm_call: stores and InstancePres copy it into their
  // own (pinned) funcrefs and fill wasm_call with a trampoline of this type.
  const VMFuncRef& funcref() const { return funcref_; }
  TrapCode call(VMContext* caller, std::span<ValRaw> values) const {
    return entry_(caller, values);
  }

  // The HostFunc whose context `vmctx` is. # Safety: vmctx must be a HostFunc's context.
  static const HostFunc& of(const VMContext* vmctx) {
    return *static_cast<const HostFunc*>(vmctx->host_func);
  }

 private:
  VMContext vmctx_;
  VMFuncRef funcref_;
  ir::FuncType type_;
  HostEntry entry_;
};

// The array_call of every host funcref.
TrapCode host_array_call(const VMFuncRef* callee, VMContext* caller, ValRaw* values, size_t count);

}  // namespace weft::runtime
