// Handles to a store's memories, tables and globals, and Extern (any exportable entity).
// Handles are plain pointers: valid while their store lives.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "weft/func.hpp"
#include "weft/result.hpp"
#include "weft/types.hpp"
#include "weft/val.hpp"

namespace weft {

namespace runtime {
class LinearMemory;
class Table;
struct Global;
}  // namespace runtime

class Memory {
 public:
  Memory() = default;
  explicit Memory(runtime::LinearMemory* memory) : memory_(memory) {}

  // The bytes in use; the span is invalidated by grow().
  std::span<uint8_t> data(StoreContext& store) const;
  uint64_t data_size(StoreContext& store) const;
  uint64_t size(StoreContext& store) const;  // in pages
  // Grows by `delta` pages; returns the old size in pages.
  Result<uint64_t> grow(StoreContext& store, uint64_t delta) const;
  MemoryType type(StoreContext& store) const;

  explicit operator bool() const { return memory_ != nullptr; }
  runtime::LinearMemory* raw() const { return memory_; }

 private:
  runtime::LinearMemory* memory_ = nullptr;
};

class Table {
 public:
  Table() = default;
  explicit Table(runtime::Table* table) : table_(table) {}

  std::optional<Val> get(StoreContext& store, uint64_t index) const;
  Result<void> set(StoreContext& store, uint64_t index, const Val& value) const;
  uint64_t size(StoreContext& store) const;
  // Grows by `delta` elements set to `init`; returns the old size.
  Result<uint64_t> grow(StoreContext& store, uint64_t delta, const Val& init) const;
  TableType type(StoreContext& store) const;

  explicit operator bool() const { return table_ != nullptr; }
  runtime::Table* raw() const { return table_; }

 private:
  runtime::Table* table_ = nullptr;
};

class Global {
 public:
  Global() = default;
  explicit Global(runtime::Global* global) : global_(global) {}

  Val get(StoreContext& store) const;
  // Fails for an immutable global or a value of another type.
  Result<void> set(StoreContext& store, const Val& value) const;
  GlobalType type(StoreContext& store) const;

  explicit operator bool() const { return global_ != nullptr; }
  runtime::Global* raw() const { return global_; }

 private:
  runtime::Global* global_ = nullptr;
};

// Any entity an instance exports or an import needs; only the member matching `kind` is set.
struct Extern {
  ExternKind kind = ExternKind::Func;
  Func func;
  Memory memory;
  Table table;
  Global global;

  Extern() = default;
  Extern(Func f) : kind(ExternKind::Func), func(f) {}
  Extern(Memory m) : kind(ExternKind::Memory), memory(m) {}
  Extern(Table t) : kind(ExternKind::Table), table(t) {}
  Extern(Global g) : kind(ExternKind::Global), global(g) {}
};

}  // namespace weft
