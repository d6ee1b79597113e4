// Linker<T>: names for imports — host functions (defined once, created in each store at
// instantiation) and entities of one store (another instance's exports, a memory, ...).
// instantiate_pre() resolves a module's imports once; InstancePre<T> then instantiates the
// module into any Store<T> of the engine.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "weft/engine.hpp"
#include "weft/externs.hpp"
#include "weft/instance.hpp"
#include "weft/module.hpp"
#include "weft/result.hpp"
#include "weft/store.hpp"
#include "weft/typed_func.hpp"

namespace weft {

namespace detail {

struct HostDefinition {
  FuncType type;
  HostFn callback;
};
struct StoreDefinition {
  const StoreContext* owner;
  Extern value;
};
using Definition = std::variant<HostDefinition, StoreDefinition>;

// A module with its imports resolved to definitions, in import order.
class InstancePreCore {
 public:
  InstancePreCore(Module module, std::vector<Definition> imports)
      : module_(std::move(module)), imports_(std::move(imports)) {}
  Result<Instance> instantiate(StoreContext& store) const;
  const Module& module() const { return module_; }

 private:
  Module module_;
  std::vector<Definition> imports_;
};

class LinkerCore {
 public:
  explicit LinkerCore(const Engine& engine) : engine_(engine) {}
  void define(std::string module, std::string name, Definition definition);
  Result<InstancePreCore> instantiate_pre(const Module& module) const;

 private:
  Engine engine_;
  std::map<std::pair<std::string, std::string>, Definition, std::less<>> definitions_;
  std::optional<Error> first_error_;  // a duplicate definition, reported by instantiate_pre
};

}  // namespace detail

template <typename T>
class InstancePre {
 public:
  explicit InstancePre(detail::InstancePreCore core) : core_(std::move(core)) {}
  Result<Instance> instantiate(Store<T>& store) const { return core_.instantiate(store); }
  const Module& module() const { return core_.module(); }

 private:
  detail::InstancePreCore core_;
};

template <typename T>
class Linker {
 public:
  explicit Linker(const Engine& engine) : core_(engine) {}

  // Defines a host function from a C++ callable (see typed_func.hpp for the accepted shapes).
  template <typename F>
  Linker& func_wrap(std::string module, std::string name, F&& callable) {
    core_.define(
        std::move(module), std::move(name),
        detail::HostDefinition{detail::host_func_type<std::decay_t<F>>(),
                               detail::make_host_fn<std::decay_t<F>>(std::forward<F>(callable))});
    return *this;
  }

  // Defines a host function of a given type taking and returning Vals.
  template <typename F>
  Linker& func_new(std::string module, std::string name, FuncType type, F callable) {
    HostFn fn = [callable = std::move(callable)](StoreContext& store, runtime::Instance* instance,
                                                 std::span<const Val> args,
                                                 std::span<Val> results) mutable {
      Caller<T> caller(static_cast<Store<T>&>(store), instance);
      return callable(caller, args, results);
    };
    core_.define(std::move(module), std::move(name),
                 detail::HostDefinition{std::move(type), std::move(fn)});
    return *this;
  }

  // Defines an entity of `store`; only instantiations into that store may use it.
  Linker& define(Store<T>& store, std::string module, std::string name, Extern value) {
    core_.define(std::move(module), std::move(name), detail::StoreDefinition{&store, value});
    return *this;
  }

  // Defines every export of `instance` under the module name `module`.
  Linker& define_instance(Store<T>& store, const std::string& module, Instance instance);

  Result<InstancePre<T>> instantiate_pre(const Module& module) const {
    Result<detail::InstancePreCore> core = core_.instantiate_pre(module);
    if (!core) return std::move(core).error();
    return InstancePre<T>(std::move(*core));
  }

  Result<Instance> instantiate(Store<T>& store, const Module& module) const {
    Result<InstancePre<T>> pre = instantiate_pre(module);
    if (!pre) return std::move(pre).error();
    return pre->instantiate(store);
  }

 private:
  detail::LinkerCore core_;
};

// The names of an instance's exports, in order.
std::vector<std::string> instance_export_names(runtime::Instance* instance);

template <typename T>
Linker<T>& Linker<T>::define_instance(Store<T>& store, const std::string& module,
                                      Instance instance) {
  for (const std::string& name : instance_export_names(instance.raw())) {
    std::optional<Extern> value = instance.get_export(store, name);
    if (value) define(store, module, name, *value);
  }
  return *this;
}

}  // namespace weft
