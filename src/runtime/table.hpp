// A table of references: funcref elements are `const VMFuncRef*`, externref elements host bits;
// 0 is null in both.
#pragma once

#include <cstddef>
#include <cstdint>

#include "base/result.hpp"
#include "ir/types.hpp"
#include "runtime/resource_limiter.hpp"

namespace weft::runtime {

inline constexpr uint64_t kMaxTableElements = 10'000'000;

class Table {
 public:
  static Result<Table*> create(const ir::TableType& type, uint64_t init);
  ~Table();
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;

  uint64_t* elements() const { return elements_; }
  uint32_t size() const { return size_; }
  ir::ValType element_type() const { return type_.element; }
  ir::TableType current_type() const;
  // table.grow: the old size, or -1 when the limits or the host refuse, or memory runs out
  // (then *out_of_memory is set, when given).
  int64_t grow(uint64_t delta, uint64_t init, bool* out_of_memory = nullptr);
  // The store's limiter slot, consulted by grow() when it holds a limiter. The slot must outlive
  // the table (the store owns both).
  void set_limiter(ResourceLimiter* const* slot) { limiter_ = slot; }
  // The declared maximum, for a ResourceLimiter.
  std::optional<uint64_t> maximum() const { return type_.limits.max; }

  uint64_t get(uint32_t i) const { return elements_[i]; }
  void set(uint32_t i, uint64_t v) { elements_[i] = v; }

  static constexpr size_t elements_offset() { return offsetof(Table, elements_); }
  static constexpr size_t size_offset() { return offsetof(Table, size_); }

 private:
  Table() = default;

  uint64_t* elements_ = nullptr;
  uint32_t size_ = 0;
  uint64_t capacity_ = 0;
  uint64_t max_ = 0;
  ir::TableType type_;
  ResourceLimiter* const* limiter_ = nullptr;
};

}  // namespace weft::runtime
