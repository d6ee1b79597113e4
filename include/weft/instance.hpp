// Instance: a handle to an instantiated module in a store. Valid while its store lives.
#pragma once

#include <optional>
#include <string_view>

#include "api/alloc_guard.hpp"
#include "weft/externs.hpp"
#include "weft/func.hpp"
#include "weft/result.hpp"
#include "weft/store.hpp"
#include "weft/typed_func.hpp"

namespace weft {

class Instance {
 public:
  Instance() = default;
  explicit Instance(runtime::Instance* instance) : instance_(instance) {}

  std::optional<Extern> get_export(StoreContext& store, std::string_view name) const;
  std::optional<Func> get_func(StoreContext& store, std::string_view name) const;
  std::optional<Memory> get_memory(StoreContext& store, std::string_view name) const;
  std::optional<Table> get_table(StoreContext& store, std::string_view name) const;
  std::optional<Global> get_global(StoreContext& store, std::string_view name) const;
  // Fails when there is no such function or its type differs from Sig.
  template <typename Sig>
  Result<TypedFunc<Sig>> get_typed_func(StoreContext& store, std::string_view name) const {
    return detail::without_exceptions([&]() -> Result<TypedFunc<Sig>> {
      std::optional<Func> f = get_func(store, name);
      if (!f) {
        return Error{ErrorKind::Other, "no exported function named '" + std::string(name) + "'"};
      }
      return TypedFunc<Sig>::from(store, *f);
    });
  }

  runtime::Instance* raw() const { return instance_; }

 private:
  runtime::Instance* instance_ = nullptr;
};

}  // namespace weft
