// Stores own every runtime object (instances, memories, tables, globals, functions); handles
// into a store stay valid exactly as long as the store. Store<T> adds the embedder's data T,
// which host functions reach through Caller<T>::data().
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

#include "runtime/resource_limiter.hpp"
#include "weft/engine.hpp"
#include "weft/externs.hpp"
#include "weft/func.hpp"
#include "weft/result.hpp"
#include "weft/val.hpp"

namespace weft {

namespace runtime {
class Store;
class Instance;
}  // namespace runtime

class StoreContext;

// Decides whether a store's memories and tables may be created at, or grow to, a size: see
// StoreContext::limiter. Override memory_growing and/or table_growing (both allow by default):
//   bool memory_growing(size_t current_bytes, size_t desired_bytes,
//                       std::optional<size_t> maximum) override;
//   bool table_growing(uint64_t current, uint64_t desired,
//                      std::optional<uint64_t> maximum) override;
using ResourceLimiter = runtime::ResourceLimiter;

// What a host function learns about its call: the store and the instance that called it
// (null when called from the host directly).
using HostFn = std::function<Result<void>(StoreContext& store, runtime::Instance* caller,
                                          std::span<const Val> args, std::span<Val> results)>;

// The part of a store that does not depend on the embedder's data type.
class StoreContext {
 public:
  explicit StoreContext(const Engine& engine);
  virtual ~StoreContext();
  StoreContext(const StoreContext&) = delete;
  StoreContext& operator=(const StoreContext&) = delete;

  const Engine& engine() const { return engine_; }
  runtime::Store& raw() { return *store_; }

  Result<Func> new_host_func(const FuncType& type, HostFn callback);

  // Fuel (Config::consume_fuel): the store's remaining fuel, which wasm spends about one unit
  // per instruction it executes (host functions cost nothing) and traps with
  // TrapCode::OutOfFuel ("all fuel consumed") when it runs out, leaving 0. A store starts with
  // none. Both fail when the engine does not consume fuel.
  Result<void> set_fuel(uint64_t fuel);
  Result<uint64_t> get_fuel() const;

  // Epoch interruption (Config::epoch_interruption): wasm in this store traps with
  // TrapCode::Interrupted at its next function entry or loop head once the engine's epoch has
  // advanced `ticks_beyond_current` times from now (0: at once, which is also where a new
  // store's deadline stands).
  void set_epoch_deadline(uint64_t ticks_beyond_current);

  // Consults `limiter` before each memory or table of this store is created (the initial size;
  // a refusal fails the instantiation) or grown (memory.grow / table.grow then return -1, and
  // Memory::grow / Table::grow fail). Not owned: it must outlive the store, or be replaced
  // first; null removes it. Store<T>::limiter can take it from the store's data instead.
  void limiter(ResourceLimiter* limiter);

  // The error of the host function whose failure is unwinding through wasm right now.
  void set_host_error(Error error) { host_error_ = std::move(error); }
  std::optional<Error> take_host_error() { return std::exchange(host_error_, std::nullopt); }

 private:
  Engine engine_;
  std::unique_ptr<runtime::Store> store_;
  std::optional<Error> host_error_;
};

template <typename T>
class Store : public StoreContext {
 public:
  Store(const Engine& engine, T data) : StoreContext(engine), data_(std::move(data)) {}

  T& data() { return data_; }
  const T& data() const { return data_; }

  // As wasmtime's Store::limiter: `get` picks the limiter out of the store's data, e.g.
  // store.limiter([](Host& h) -> weft::ResourceLimiter& { return h.limits; }).
  template <typename F>
    requires std::is_invocable_r_v<ResourceLimiter&, F, T&>
  void limiter(F&& get) {
    StoreContext::limiter(&static_cast<ResourceLimiter&>(std::forward<F>(get)(data_)));
  }
  using StoreContext::limiter;

 private:
  T data_;
};

// An export of `instance` by name (used by Caller and Instance).
std::optional<Extern> instance_export(runtime::Instance* instance, std::string_view name);

template <typename T>
class Caller {
 public:
  Caller(Store<T>& store, runtime::Instance* instance) : store_(store), instance_(instance) {}

  T& data() { return store_.data(); }
  Store<T>& store() { return store_; }
  // An export of the calling instance; empty when the caller is the host.
  std::optional<Extern> get_export(std::string_view name) const {
    return instance_export(instance_, name);
  }
  // Lets handles take the caller wherever they take a store.
  operator StoreContext&() { return store_; }

 private:
  Store<T>& store_;
  runtime::Instance* instance_;
};

}  // namespace weft
