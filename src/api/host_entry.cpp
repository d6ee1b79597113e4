#include "api/host_entry.hpp"

#include <array>
#include <vector>

#include "api/alloc_guard.hpp"
#include "api/val_raw.hpp"
#include "runtime/store.hpp"

namespace weft::api {
namespace {

// Converts the arguments, runs the callback and writes back its results. Short signatures use
// buffers on the stack, so the common call does not allocate.
Result<void> run_host(StoreContext& store, runtime::Instance* instance, const FuncType& type,
                      const HostFn& callback, std::span<runtime::ValRaw> values) {
  constexpr size_t kInline = 8;
  std::array<Val, kInline> inline_args, inline_results;
  std::vector<Val> heap_args, heap_results;
  // The inline buffer when `count` fits, else `heap` sized to it.
  auto buffer = [](std::array<Val, kInline>& inline_vals, std::vector<Val>& heap,
                   size_t count) -> std::span<Val> {
    if (count <= kInline) return {inline_vals.data(), count};
    heap.resize(count);
    return heap;
  };
  const std::span<Val> args = buffer(inline_args, heap_args, type.params.size());
  const std::span<Val> results = buffer(inline_results, heap_results, type.results.size());
  for (size_t i = 0; i < args.size(); ++i) args[i] = from_raw(type.params[i], values[i]);
  for (size_t i = 0; i < results.size(); ++i) {
    results[i] = from_raw(type.results[i], runtime::ValRaw{});
  }
  WEFT_TRY(callback(store, instance, args, results));
  for (size_t i = 0; i < results.size(); ++i) {
    if (results[i].type() != type.results[i]) {
      return Error{ErrorKind::Other, "host function returned a value of the wrong type"};
    }
    values[i] = to_raw(results[i]);
  }
  return {};
}

}  // namespace

runtime::HostEntry make_host_entry(FuncType type, HostFn callback) {
  return [type = std::move(type), callback = std::move(callback)](
             runtime::VMContext* caller, std::span<runtime::ValRaw> values) -> runtime::TrapCode {
    if (caller == nullptr || caller->store == nullptr || caller->store->embedder() == nullptr) {
      return runtime::TrapCode::HostError;  // not called through the API: no store to report to
    }
    auto& store = *static_cast<StoreContext*>(caller->store->embedder());
    Result<void> done = detail::without_exceptions(
        [&] { return run_host(store, caller->instance, type, callback, values); });
    if (done) return runtime::TrapCode::None;
    store.set_host_error(std::move(done).error());
    return runtime::TrapCode::HostError;
  };
}

}  // namespace weft::api
