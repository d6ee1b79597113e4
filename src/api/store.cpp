#include "weft/store.hpp"

#include "api/alloc_guard.hpp"
#include "api/engine_state.hpp"
#include "api/host_entry.hpp"
#include "runtime/instance.hpp"
#include "runtime/store.hpp"

namespace weft {

StoreContext::StoreContext(const Engine& engine)
    : engine_(engine), store_(std::make_unique<runtime::Store>(engine.state()->types)) {
  store_->set_embedder(this);  // host functions find their StoreContext through it
  store_->limits().epoch = &engine.state()->epoch;
}

StoreContext::~StoreContext() = default;

Result<void> StoreContext::set_fuel(uint64_t fuel) {
  if (!engine_.config().consume_fuel()) {
    return Error{ErrorKind::Other, "fuel is not configured in this store"};
  }
  store_->limits().fuel = fuel;
  return {};
}

Result<uint64_t> StoreContext::get_fuel() const {
  if (!engine_.config().consume_fuel()) {
    return Error{ErrorKind::Other, "fuel is not configured in this store"};
  }
  return store_->limits().fuel;
}

void StoreContext::set_epoch_deadline(uint64_t ticks_beyond_current) {
  const uint64_t now = engine_.state()->epoch.load(std::memory_order_relaxed);
  runtime::VMStoreLimits& limits = store_->limits();
  limits.epoch_deadline = ticks_beyond_current > UINT64_MAX - now ? UINT64_MAX
                                                                   : now + ticks_beyond_current;
}

void StoreContext::limiter(ResourceLimiter* limiter) {
  store_->set_limiter(limiter);
}

Result<Func> StoreContext::new_host_func(const FuncType& type, HostFn callback) {
  return detail::without_exceptions([&]() -> Result<Func> {
    Result<std::shared_ptr<runtime::HostFunc>> host = runtime::HostFunc::create(
        store_->types(), type, api::make_host_entry(type, std::move(callback)));
    if (!host) return std::move(host).error();
    // Only this store holds the function: it dies with the store.
    Result<runtime::VMFuncRef*> ref = store_->new_host_func(std::move(*host));
    if (!ref) return std::move(ref).error();
    return Func(*ref);
  });
}

}  // namespace weft
