#include "weft/instance.hpp"

#include "runtime/instance.hpp"
#include "weft/linker.hpp"

namespace weft {

static Extern to_extern(const runtime::Extern& e) {
  switch (e.kind) {
    case ExternKind::Func:
      return Extern(Func(e.func));
    case ExternKind::Table:
      return Extern(Table(e.table));
    case ExternKind::Memory:
      return Extern(Memory(e.memory));
    case ExternKind::Global:
      return Extern(Global(e.global));
    case ExternKind::Tag:
      break;
  }
  Extern tag;
  tag.kind = ExternKind::Tag;
  return tag;
}

std::optional<Extern> instance_export(runtime::Instance* instance, std::string_view name) {
  if (instance == nullptr) return std::nullopt;
  const runtime::Extern* e = instance->find_export(name);
  if (e == nullptr) return std::nullopt;
  return to_extern(*e);
}

std::vector<std::string> instance_export_names(runtime::Instance* instance) {
  std::vector<std::string> names;
  for (const auto& [name, value] : instance->exports()) names.push_back(name);
  return names;
}

std::optional<Extern> Instance::get_export(StoreContext&, std::string_view name) const {
  return instance_export(instance_, name);
}

std::optional<Func> Instance::get_func(StoreContext& store, std::string_view name) const {
  std::optional<Extern> e = get_export(store, name);
  if (!e || e->kind != ExternKind::Func) return std::nullopt;
  return e->func;
}

std::optional<Memory> Instance::get_memory(StoreContext& store, std::string_view name) const {
  std::optional<Extern> e = get_export(store, name);
  if (!e || e->kind != ExternKind::Memory) return std::nullopt;
  return e->memory;
}

std::optional<Table> Instance::get_table(StoreContext& store, std::string_view name) const {
  std::optional<Extern> e = get_export(store, name);
  if (!e || e->kind != ExternKind::Table) return std::nullopt;
  return e->table;
}

std::optional<Global> Instance::get_global(StoreContext& store, std::string_view name) const {
  std::optional<Extern> e = get_export(store, name);
  if (!e || e->kind != ExternKind::Global) return std::nullopt;
  return e->global;
}

}  // namespace weft
