#include "runtime/store.hpp"

#include <new>
#include <string>

#include "runtime/instance.hpp"

namespace weft::runtime {
namespace {

bool limits_match(const ir::Limits& actual, const ir::Limits& expected) {
  if (actual.min < expected.min) return false;
  if (!expected.max) return true;
  return actual.max && *actual.max <= *expected.max;
}

}  // namespace

// The epoch of stores whose embedder has no engine counter to offer.
static const std::atomic<uint64_t> g_epoch_at_rest{0};

Store::Store(TypeRegistry& types) : types_(types) {
  limits_.epoch = &g_epoch_at_rest;
  host_context_.store = this;
  host_context_.limits = &limits_;
}
Store::~Store() = default;

Result<LinearMemory*> Store::new_memory(const ir::MemoryType& type) {
  if (limiter_ != nullptr) {
    const std::optional<uint64_t> max = type.limits.max;
    if (type.limits.min > kMaxMemory32Pages ||
        !limiter_->memory_growing(0, static_cast<size_t>(type.limits.min * kWasmPageSize),
                                  max && *max <= kMaxMemory32Pages
                                      ? std::optional<size_t>(*max * kWasmPageSize)
                                      : std::nullopt)) {
      return Error{ErrorKind::Other, "memory minimum size of " + std::to_string(type.limits.min) +
                                         " pages exceeds memory limits"};
    }
  }
  Result<LinearMemory*> m = LinearMemory::create(type);
  if (!m) return m;
  (*m)->set_limiter(&limiter_);
  std::unique_ptr<LinearMemory> owned(*m);  // freed if the list cannot grow
  memories_.push_back(std::move(owned));
  return m;
}

Result<Table*> Store::new_table(const ir::TableType& type, uint64_t init) {
  if (limiter_ != nullptr && !limiter_->table_growing(0, type.limits.min, type.limits.max)) {
    return Error{ErrorKind::Other, "table minimum size of " + std::to_string(type.limits.min) +
                                       " elements exceeds table limits"};
  }
  Result<Table*> t = Table::create(type, init);
  if (!t) return t;
  (*t)->set_limiter(&limiter_);
  std::unique_ptr<Table> owned(*t);
  tables_.push_back(std::move(owned));
  return t;
}

Result<Global*> Store::new_global(const ir::GlobalType& type, ValRaw value) {
  std::unique_ptr<Global> g(new (std::nothrow) Global{type, GlobalCell{value}});
  if (g == nullptr) return Error::out_of_memory();
  Global* const raw = g.get();
  globals_.push_back(std::move(g));
  return raw;
}

Result<VMFuncRef*> Store::new_host_func(ir::FuncType type, HostCallback callback) {
  Result<std::shared_ptr<HostFunc>> host = HostFunc::create(
      types_, std::move(type),
      [callback = std::move(callback)](VMContext*, std::span<ValRaw> values) {
        return callback(values);
      });
  if (!host) return std::move(host).error();
  return new_host_func(std::move(*host));
}

Result<VMFuncRef*> Store::new_host_func(std::shared_ptr<const HostFunc> host) {
  const VMFuncRef& model = host->funcref();
  const compile::CompiledFunc* trampoline = modules_.trampoline(model.type_index);
  if (trampoline == nullptr) funcrefs_.reserve_hole();  // so a hole is never lost
  funcrefs_.keep_alive(std::move(host));
  Result<VMFuncRef*> ref = funcrefs_.allocate();
  if (!ref) return ref;
  **ref = model;
  (*ref)->wasm_call = trampoline;
  if (trampoline == nullptr) funcrefs_.note_hole(*ref);
  return ref;
}

void Store::register_module(std::shared_ptr<const compile::ModuleCode> code,
                            std::span<const uint32_t> canonical_types) {
  if (!modules_.add(std::move(code), canonical_types)) return;
  funcrefs_.fill([this](uint32_t type) -> const void* { return modules_.trampoline(type); });
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
