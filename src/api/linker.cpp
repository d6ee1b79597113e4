#include "weft/linker.hpp"

#include "api/alloc_guard.hpp"
#include "api/engine_state.hpp"
#include "api/host_entry.hpp"
#include "api/trap_error.hpp"
#include "interp/interpreter.hpp"
#include "ir/module.hpp"
#include "runtime/host_func.hpp"
#include "runtime/instance.hpp"
#include "runtime/store.hpp"

namespace weft::detail {

// Immutable once built, so stores on any thread may read it at once.
struct InstancePreState {
  explicit InstancePreState(Module m) : module(std::move(m)) {}
  Module module;
  std::vector<Definition> imports;  // in import order
  // Per import: for a host function, its funcref with wasm_call set to this module's
  // trampoline for the import's type, so instances use it without filling any hole.
  std::unique_ptr<runtime::VMFuncRef[]> funcrefs;
};

static std::string import_name(const ir::Import& import) {
  return "\"" + import.module + "\" \"" + import.name + "\"";
}

void LinkerCore::add(std::string module, std::string name, Definition definition) {
  auto key = std::make_pair(std::move(module), std::move(name));
  if (definitions_.count(key) != 0) {
    note_error(
        Error{ErrorKind::Link, "\"" + key.first + "\" \"" + key.second + "\" defined twice"});
    return;
  }
  definitions_.emplace(std::move(key), std::move(definition));
}

void LinkerCore::define_host(std::string module, std::string name, FuncType type, HostFn callback) {
  Result<std::shared_ptr<runtime::HostFunc>> host = runtime::HostFunc::create(
      engine_.state()->types, type, api::make_host_entry(type, std::move(callback)));
  if (!host) return note_error(std::move(host).error());
  add(std::move(module), std::move(name), std::shared_ptr<const runtime::HostFunc>(*host));
}

void LinkerCore::define(std::string module, std::string name, StoreDefinition definition) {
  add(std::move(module), std::move(name), definition);
}

Result<InstancePreCore> LinkerCore::instantiate_pre(const Module& module) const {
  return without_exceptions([&]() -> Result<InstancePreCore> {
    if (first_error_) return *first_error_;
    if (module.engine().state() != engine_.state()) {
      return Error{ErrorKind::Link, "module and linker belong to different engines"};
    }
    const ir::Module& m = *module.ir();
    const compile::ModuleCode& code = *module.code();
    auto state = std::make_shared<InstancePreState>(module);
    state->imports.reserve(m.imports.size());
    state->funcrefs = std::make_unique<runtime::VMFuncRef[]>(m.imports.size());
    for (size_t i = 0; i < m.imports.size(); ++i) {
      const ir::Import& import = m.imports[i];
      auto it = definitions_.find(std::make_pair(import.module, import.name));
      if (it == definitions_.end()) {
        return Error{ErrorKind::Link, "unknown import " + import_name(import)};
      }
      // Host functions are checked now; store entities against their current sizes when
      // instantiated.
      if (const auto* host = std::get_if<std::shared_ptr<const runtime::HostFunc>>(&it->second)) {
        if (import.kind != ExternKind::Func) {
          return Error{ErrorKind::Link, "incompatible import type for " + import_name(import)};
        }
        Result<uint32_t> expected = engine_.state()->types.intern(m.func_type(import.func_type));
        if (!expected) return std::move(expected).error();
        if (*expected != (*host)->type_index()) {
          return Error{ErrorKind::Link, "incompatible import type for " + import_name(import)};
        }
        runtime::VMFuncRef& ref = state->funcrefs[i];
        ref = (*host)->funcref();
        if (import.func_type < code.trampolines.size()) {
          ref.wasm_call = &code.trampolines[import.func_type];
        }
      }
      state->imports.push_back(it->second);
    }
    return InstancePreCore(module, std::move(state));
  });
}

static runtime::Extern to_runtime(const Extern& e) {
  runtime::Extern out;
  out.kind = e.kind;
  out.func = e.func.raw();
  out.table = e.table.raw();
  out.memory = e.memory.raw();
  out.global = e.global.raw();
  return out;
}

Result<Instance> InstancePreCore::instantiate(StoreContext& store) const {
  return without_exceptions([&]() -> Result<Instance> {
    if (store.engine().state() != module_.engine().state()) {
      return Error{ErrorKind::Link, "store and module belong to different engines"};
    }
    const ir::Module& m = *module_.ir();
    std::vector<runtime::Extern> externs;
    externs.reserve(state_->imports.size());
    for (size_t i = 0; i < state_->imports.size(); ++i) {
      if (std::holds_alternative<std::shared_ptr<const runtime::HostFunc>>(state_->imports[i])) {
        runtime::Extern e;
        e.kind = ExternKind::Func;
        e.func = &state_->funcrefs[i];
        externs.push_back(e);
      } else {
        const auto& entity = std::get<StoreDefinition>(state_->imports[i]);
        if (entity.owner != &store) {
          return Error{ErrorKind::Link,
                       "import " + import_name(m.imports[i]) + " is defined in another store"};
        }
        externs.push_back(to_runtime(entity.value));
      }
    }
    // From here the store may point into the shared state (even a failed instantiation can
    // leave its functions in the store's tables): the store keeps it for its whole life.
    store.raw().funcrefs().keep_alive(state_);
    Result<runtime::Instance*> instance = runtime::Instance::instantiate(
        store.raw(), module_.ir(), module_.code(), externs, interp::array_call);
    if (!instance) return api::instantiation_error(store, m, std::move(instance).error());
    return Instance(*instance);
  });
}

}  // namespace weft::detail
