#include "weft/linker.hpp"

#include "interp/interpreter.hpp"
#include "ir/module.hpp"
#include "runtime/instance.hpp"
#include "runtime/store.hpp"

namespace weft::detail {

static std::string import_name(const ir::Import& import) {
  return "\"" + import.module + "\" \"" + import.name + "\"";
}

void LinkerCore::define(std::string module, std::string name, Definition definition) {
  auto key = std::make_pair(std::move(module), std::move(name));
  if (definitions_.count(key) != 0) {
    if (!first_error_) {
      first_error_ =
          Error{ErrorKind::Link, "\"" + key.first + "\" \"" + key.second + "\" defined twice"};
    }
    return;
  }
  definitions_.emplace(std::move(key), std::move(definition));
}

Result<InstancePreCore> LinkerCore::instantiate_pre(const Module& module) const {
  if (first_error_) return *first_error_;
  if (module.engine().state() != engine_.state()) {
    return Error{ErrorKind::Link, "module and linker belong to different engines"};
  }
  const ir::Module& m = *module.ir();
  std::vector<Definition> imports;
  for (const ir::Import& import : m.imports) {
    auto it = definitions_.find(std::make_pair(import.module, import.name));
    if (it == definitions_.end()) {
      return Error{ErrorKind::Link, "unknown import " + import_name(import)};
    }
    // Host functions can be checked now; store entities are checked against their current
    // sizes when instantiated.
    if (const auto* host = std::get_if<HostDefinition>(&it->second)) {
      if (import.kind != ExternKind::Func || host->type != m.func_type(import.func_type)) {
        return Error{ErrorKind::Link, "incompatible import type for " + import_name(import)};
      }
    }
    imports.push_back(it->second);
  }
  return InstancePreCore(module, std::move(imports));
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
  if (store.engine().state() != module_.engine().state()) {
    return Error{ErrorKind::Link, "store and module belong to different engines"};
  }
  const ir::Module& m = *module_.ir();
  std::vector<runtime::Extern> externs;
  externs.reserve(imports_.size());
  for (size_t i = 0; i < imports_.size(); ++i) {
    if (const auto* host = std::get_if<HostDefinition>(&imports_[i])) {
      Result<Func> f = store.new_host_func(host->type, host->callback);
      if (!f) return std::move(f).error();
      externs.push_back(to_runtime(Extern(*f)));
    } else {
      const auto& entity = std::get<StoreDefinition>(imports_[i]);
      if (entity.owner != &store) {
        return Error{ErrorKind::Link,
                     "import " + import_name(m.imports[i]) + " is defined in another store"};
      }
      externs.push_back(to_runtime(entity.value));
    }
  }
  Result<runtime::Instance*> instance = runtime::Instance::instantiate(
      store.raw(), module_.ir(), module_.code(), externs, interp::array_call);
  if (!instance) {
    if (std::optional<Error> host = store.take_host_error()) return std::move(*host);
    return std::move(instance).error();
  }
  return Instance(*instance);
}

}  // namespace weft::detail
