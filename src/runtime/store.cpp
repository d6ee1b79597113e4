#include "runtime/store.hpp"

#include <new>

#include "runtime/instance.hpp"

namespace weft::runtime {
namespace {

TrapCode host_array_call(const VMFuncRef* callee, VMContext*, ValRaw* values, size_t count) {
  const auto* host = reinterpret_cast<const HostFunc*>(callee->vmctx);
  return host->callback(std::span<ValRaw>(values, count));
}

bool limits_match(const ir::Limits& actual, const ir::Limits& expected) {
  if (actual.min < expected.min) return false;
  if (!expected.max) return true;
  return actual.max && *actual.max <= *expected.max;
}

}  // namespace

Store::Store(TypeRegistry& types) : types_(types) {}
Store::~Store() = default;

Result<LinearMemory*> Store::new_memory(const ir::MemoryType& type) {
  Result<LinearMemory*> m = LinearMemory::create(type);
  if (!m) return m;
  memories_.emplace_back(*m);
  return m;
}

Result<Table*> Store::new_table(const ir::TableType& type, uint64_t init) {
  Result<Table*> t = Table::create(type, init);
  if (!t) return t;
  tables_.emplace_back(*t);
  return t;
}

Result<Global*> Store::new_global(const ir::GlobalType& type, ValRaw value) {
  auto* g = new (std::nothrow) Global{type, GlobalCell{value}};
  if (g == nullptr) return Error::out_of_memory();
  globals_.emplace_back(g);
  return g;
}

Result<VMFuncRef*> Store::new_host_func(ir::FuncType type, HostCallback callback) {
  Result<uint32_t> index = types_.intern(type);
  if (!index) return std::move(index).error();
  auto* host = new (std::nothrow) HostFunc{std::move(type), std::move(callback)};
  if (host == nullptr) return Error::out_of_memory();
  host_funcs_.emplace_back(host);
  Result<VMFuncRef*> ref = funcrefs_.allocate();
  if (!ref) return ref;
  (*ref)->array_call = host_array_call;
  (*ref)->wasm_call = nullptr;
  (*ref)->type_index = *index;
  (*ref)->vmctx = reinterpret_cast<VMContext*>(host);
  funcrefs_.note_hole(*ref);
  return ref;
}

Instance* Store::adopt(std::unique_ptr<Instance> instance) {
  instances_.push_back(std::move(instance));
  return instances_.back().get();
}

bool extern_matches(TypeRegistry& types, const ir::Module& importer, const ir::Import& import,
                    const Extern& value) {
  if (value.kind != import.kind) return false;
  switch (import.kind) {
    case ir::ExternKind::Func: {
      Result<uint32_t> expected = types.intern(importer.func_type(import.func_type));
      return expected && *expected == value.func->type_index;
    }
    case ir::ExternKind::Table: {
      const ir::TableType actual = value.table->current_type();
      return actual.element == import.table.element &&
             limits_match(actual.limits, import.table.limits);
    }
    case ir::ExternKind::Memory:
      return limits_match(value.memory->current_type().limits, import.memory.limits);
    case ir::ExternKind::Global:
      return value.global->type.mut == import.global.mut &&
             value.global->type.type == import.global.type;
    case ir::ExternKind::Tag:
      return false;
  }
  return false;
}

}  // namespace weft::runtime
