#include "runtime/table.hpp"

#include <algorithm>
#include <cstdlib>
#include <new>

namespace weft::runtime {

Result<Table*> Table::create(const ir::TableType& type, uint64_t init) {
  if (type.limits.min > kMaxTableElements) return Error::out_of_memory();
  auto* table = new (std::nothrow) Table();
  if (table == nullptr) return Error::out_of_memory();
  table->type_ = type;
  table->max_ = type.limits.max ? std::min<uint64_t>(*type.limits.max, UINT32_MAX) : UINT32_MAX;
  if (table->grow(type.limits.min, init) < 0) {
    delete table;
    return Error::out_of_memory();
  }
  return table;
}

Table::~Table() {
  std::free(elements_);
}

ir::TableType Table::current_type() const {
  ir::TableType t = type_;
  t.limits.min = size_;
  return t;
}

int64_t Table::grow(uint64_t delta, uint64_t init) {
  const uint64_t old = size_;
  if (delta > max_ || old + delta > max_ || old + delta > kMaxTableElements) return -1;
  const uint64_t wanted = old + delta;
  if (wanted > capacity_) {
    uint64_t cap = capacity_ < 8 ? 8 : capacity_;
    while (cap < wanted) cap *= 2;
    if (cap > kMaxTableElements) cap = kMaxTableElements;
    void* p = std::realloc(elements_, cap * sizeof(uint64_t));
    if (p == nullptr) return -1;
    elements_ = static_cast<uint64_t*>(p);
    capacity_ = cap;
  }
  for (uint64_t i = old; i < wanted; ++i) elements_[i] = init;
  size_ = static_cast<uint32_t>(wanted);
  return static_cast<int64_t>(old);
}

}  // namespace weft::runtime
