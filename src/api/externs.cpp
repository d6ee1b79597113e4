// Func, Memory, Table and Global: thin checks over the runtime's objects.
#include "weft/externs.hpp"

#include <algorithm>
#include <vector>

#include "api/alloc_guard.hpp"
#include "api/trap_error.hpp"
#include "api/val_raw.hpp"
#include "runtime/memory.hpp"
#include "runtime/store.hpp"
#include "runtime/table.hpp"
#include "weft/store.hpp"

namespace weft {

FuncType Func::type(StoreContext& store) const {
  if (ref_ == nullptr) return {};
  return store.raw().types().type(ref_->type_index);
}

Result<void> Func::call(StoreContext& store, std::span<const Val> args,
                        std::span<Val> results) const {
  if (ref_ == nullptr) {
    return api::trap_error(runtime::TrapCode::NullReference, "null function reference");
  }
  return detail::without_exceptions([&]() -> Result<void> {
    const FuncType& type = store.raw().types().type(ref_->type_index);
    if (args.size() != type.params.size() || results.size() != type.results.size()) {
      return Error{ErrorKind::Other,
                   "wrong number of arguments or results for " + to_string(type)};
    }
    // The array convention's buffer: on the stack for short signatures.
    constexpr size_t kInline = 16;
    runtime::ValRaw inline_values[kInline];
    std::vector<runtime::ValRaw> heap_values;
    runtime::ValRaw* values = inline_values;
    const size_t count = std::max<size_t>(1, std::max(type.params.size(), type.results.size()));
    if (count > kInline) {
      heap_values.resize(count);
      values = heap_values.data();
    }
    for (size_t i = 0; i < args.size(); ++i) {
      if (args[i].type() != type.params[i]) {
        return Error{ErrorKind::Other, "argument " + std::to_string(i) + " has type " +
                                           ir::to_string(args[i].type()) + ", expected " +
                                           ir::to_string(type.params[i])};
      }
      values[i] = api::to_raw(args[i]);
    }
    const runtime::TrapCode trap =
        ref_->array_call(ref_, store.raw().host_context(), values, count);
    if (trap != runtime::TrapCode::None) return api::call_error(store, ref_, trap);
    for (size_t i = 0; i < results.size(); ++i) {
      results[i] = api::from_raw(type.results[i], values[i]);
    }
    return {};
  });
}

std::span<uint8_t> Memory::data(StoreContext&) const {
  return {memory_->base(), static_cast<size_t>(memory_->size_bytes())};
}

uint64_t Memory::data_size(StoreContext&) const {
  return memory_->size_bytes();
}

uint64_t Memory::size(StoreContext&) const {
  return memory_->pages();
}

Result<uint64_t> Memory::grow(StoreContext&, uint64_t delta) const {
  return detail::without_exceptions([&]() -> Result<uint64_t> {
    const int64_t old = memory_->grow(delta);
    if (old < 0) {
      return Error{ErrorKind::Other, "failed to grow memory by " + std::to_string(delta)};
    }
    return static_cast<uint64_t>(old);
  });
}

MemoryType Memory::type(StoreContext&) const {
  return memory_->current_type();
}

std::optional<Val> Table::get(StoreContext&, uint64_t index) const {
  if (index >= table_->size()) return std::nullopt;
  runtime::ValRaw raw{};
  raw.ref = table_->get(static_cast<uint32_t>(index));
  return api::from_raw(table_->element_type(), raw);
}

// Whether `value` may be stored where `type` is expected (references of the same kind).
static bool ref_fits(const Val& value, ValType type) {
  const bool is_extern = type == ValType::externref();
  return value.type() == (is_extern ? ValType::externref() : ValType::funcref());
}

Result<void> Table::set(StoreContext&, uint64_t index, const Val& value) const {
  if (index >= table_->size()) return api::trap_error(runtime::TrapCode::TableOutOfBounds);
  if (!ref_fits(value, table_->element_type())) {
    return Error{ErrorKind::Other, "value does not match the table's element type"};
  }
  table_->set(static_cast<uint32_t>(index), api::to_raw(value).ref);
  return {};
}

uint64_t Table::size(StoreContext&) const {
  return table_->size();
}

Result<uint64_t> Table::grow(StoreContext&, uint64_t delta, const Val& init) const {
  if (!ref_fits(init, table_->element_type())) {
    return Error{ErrorKind::Other, "value does not match the table's element type"};
  }
  return detail::without_exceptions([&]() -> Result<uint64_t> {
    bool out_of_memory = false;
    const int64_t old = table_->grow(delta, api::to_raw(init).ref, &out_of_memory);
    if (out_of_memory) return Error::out_of_memory();
    if (old < 0) {
      return Error{ErrorKind::Other, "failed to grow table by " + std::to_string(delta)};
    }
    return static_cast<uint64_t>(old);
  });
}

TableType Table::type(StoreContext&) const {
  return table_->current_type();
}

Val Global::get(StoreContext&) const {
  return api::from_raw(global_->type.type, global_->cell.value);
}

Result<void> Global::set(StoreContext&, const Val& value) const {
  if (!global_->type.mut) return Error{ErrorKind::Other, "global is immutable"};
  if (value.type() != global_->type.type) {
    return Error{ErrorKind::Other, "value of type " + ir::to_string(value.type()) +
                                       " for a global of type " +
                                       ir::to_string(global_->type.type)};
  }
  global_->cell.value = api::to_raw(value);
  return {};
}

GlobalType Global::type(StoreContext&) const {
  return global_->type;
}

}  // namespace weft
