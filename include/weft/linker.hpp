// Linker<T>: names for imports — host functions (defined once: one object that every store
// instantiated with it shares) and entities of one store (another instance's exports, ...).
// instantiate_pre() resolves a module's imports once; InstancePre<T> then instantiates the
// module into any Store<T> of the engine.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "api/alloc_guard.hpp"
#include "weft/engine.hpp"
#include "weft/externs.hpp"
#include "weft/instance.hpp"
#include "weft/module.hpp"
#include "weft/result.hpp"
#include "weft/store.hpp"
#include "weft/typed_func.hpp"

namespace weft {

namespace runtime {
class HostFunc;
}

namespace detail {

struct StoreDefinition {
  const StoreContext* owner;
  Extern value;
};
// A host function (one object, shared by every store instantiated with it) or an entity of a
// store.
using Definition = std::variant<std::shared_ptr<const runtime::HostFunc>, StoreDefinition>;

// What an InstancePre shares with every store it instantiates into (linker.cpp): the module,
// its resolved definitions, and one funcref per host import, pre-patched with the module's
// trampoline. Each store keeps it alive, so instances outlive the Linker and the InstancePre.
struct InstancePreState;

// A module with its imports resolved to definitions, in import order.
class InstancePreCore {
 public:
  InstancePreCore(Module module, std::shared_ptr<const InstancePreState> state)
      : module_(std::move(module)), state_(std::move(state)) {}
  Result<Instance> instantiate(StoreContext& store) const;
  const Module& module() const { return module_; }
  const std::shared_ptr<const InstancePreState>& state() const { return state_; }

 private:
  Module module_;
  std::shared_ptr<const InstancePreState> state_;
};

// Finished definitions are read-only: a Linker that is no longer defined into may be used by
// many threads at once (instantiate_pre only reads it).
class LinkerCore {
 public:
  explicit LinkerCore(const Engine& engine) : engine_(engine) {}
  // A failure (a duplicate, out of memory) is kept and reported by instantiate_pre.
  void define_host(std::string module, std::string name, FuncType type, HostFn callback);
  void define(std::string module, std::string name, StoreDefinition definition);
  void note_error(Error error) noexcept {
    if (!first_error_) first_error_ = std::move(error);
  }
  Result<InstancePreCore> instantiate_pre(const Module& module) const;

 private:
  void add(std::string module, std::string name, Definition definition);

  Engine engine_;
  std::map<std::pair<std::string, std::string>, Definition, std::less<>> definitions_;
  std::optional<Error> first_error_;  // reported by instantiate_pre
};

// Runs `define` (which adds to a LinkerCore and may throw std::bad_alloc), keeping a failure
// for instantiate_pre to report.
template <typename F>
void define_or_note(LinkerCore& core, F&& define) {
  Result<void> done = without_exceptions([&]() -> Result<void> {
    std::forward<F>(define)();
    return {};
  });
  if (!done) core.note_error(std::move(done).error());
}

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
    detail::define_or_note(core_, [&] {
      core_.define_host(std::move(module), std::move(name),
                        detail::host_func_type<std::decay_t<F>>(),
                        detail::make_host_fn<std::decay_t<F>>(std::forward<F>(callable)));
    });
    return *this;
  }

  // Defines a host function of a given type taking and returning Vals.
  template <typename F>
  Linker& func_new(std::string module, std::string name, FuncType type, F callable) {
    detail::define_or_note(core_, [&] {
      HostFn fn = [callable = std::move(callable)](StoreContext& store,
                                                   runtime::Instance* instance,
                                                   std::span<const Val> args,
                                                   std::span<Val> results) mutable {
        Caller<T> caller(static_cast<Store<T>&>(store), instance);
        return callable(caller, args, results);
      };
      core_.define_host(std::move(module), std::move(name), std::move(type), std::move(fn));
    });
    return *this;
  }

  // Defines an entity of `store`; only instantiations into that store may use it.
  Linker& define(Store<T>& store, std::string module, std::string name, Extern value) {
    detail::define_or_note(core_, [&] {
      core_.define(std::move(module), std::move(name), detail::StoreDefinition{&store, value});
    });
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
  detail::define_or_note(core_, [&] {
    for (const std::string& name : instance_export_names(instance.raw())) {
      std::optional<Extern> value = instance.get_export(store, name);
      if (value) core_.define(module, name, detail::StoreDefinition{&store, *value});
    }
  });
  return *this;
}

}  // namespace weft
