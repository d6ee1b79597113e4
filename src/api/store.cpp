#include "weft/store.hpp"

#include <vector>

#include "api/engine_state.hpp"
#include "api/val_raw.hpp"
#include "runtime/instance.hpp"
#include "runtime/store.hpp"

namespace weft {
namespace {

// The calling instance's context of the host function running on this thread: the runtime's
// host callbacks do not receive it, so our array-call entry records it around the callback.
thread_local runtime::VMContext* t_host_caller = nullptr;

runtime::TrapCode host_entry(const runtime::VMFuncRef* callee, runtime::VMContext* caller,
                             runtime::ValRaw* values, size_t count) {
  // Store::new_host_func makes a host funcref's vmctx its HostFunc.
  const auto* host = reinterpret_cast<const runtime::HostFunc*>(callee->vmctx);
  runtime::VMContext* const saved = t_host_caller;
  t_host_caller = caller;
  const runtime::TrapCode trap = host->callback(std::span<runtime::ValRaw>(values, count));
  t_host_caller = saved;
  return trap;
}

}  // namespace

StoreContext::StoreContext(const Engine& engine)
    : engine_(engine), store_(std::make_unique<runtime::Store>(engine.state()->types)) {}

StoreContext::~StoreContext() = default;

Result<Func> StoreContext::new_host_func(const FuncType& type, HostFn callback) {
  runtime::HostCallback adapter = [this, type, callback = std::move(callback)](
                                      std::span<runtime::ValRaw> values) -> runtime::TrapCode {
    std::vector<Val> args;
    args.reserve(type.params.size());
    for (size_t i = 0; i < type.params.size(); ++i) {
      args.push_back(api::from_raw(type.params[i], values[i]));
    }
    std::vector<Val> results;
    results.reserve(type.results.size());
    for (ValType t : type.results) results.push_back(api::from_raw(t, runtime::ValRaw{}));
    runtime::Instance* caller = t_host_caller ? t_host_caller->instance : nullptr;
    Result<void> done = callback(*this, caller, args, results);
    if (!done) {
      set_host_error(std::move(done).error());
      return runtime::TrapCode::HostError;
    }
    for (size_t i = 0; i < results.size(); ++i) {
      if (results[i].type() != type.results[i]) {
        set_host_error(Error{ErrorKind::Other, "host function returned a value of the wrong type"});
        return runtime::TrapCode::HostError;
      }
      values[i] = api::to_raw(results[i]);
    }
    return runtime::TrapCode::None;
  };
  Result<runtime::VMFuncRef*> ref = store_->new_host_func(type, std::move(adapter));
  if (!ref) return std::move(ref).error();
  (*ref)->array_call = host_entry;
  return Func(*ref);
}

}  // namespace weft
