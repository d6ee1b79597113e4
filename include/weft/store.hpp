// Stores own every runtime object (instances, memories, tables, globals, functions); handles
// into a store stay valid exactly as long as the store. Store<T> adds the embedder's data T,
// which host functions reach through Caller<T>::data().
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

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
