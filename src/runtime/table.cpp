#include "runtime/table.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
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
  delete[] elements_;
}

ir::TableType Table::current_type() const {
  ir::TableType t = type_;
  t.limits.min = size_;
  return t;
}

int64_t Table::grow(uint64_t delta, uint64_t init, bool* out_of_memory) {
  const uint64_t old = size_;
  if (delta > max_ || old + delta > max_ || old + delta > kMaxTableElements) return -1;
  const uint64_t wanted = old + delta;
  if (delta != 0 && limiter_ != nullptr && *limiter_ != nullptr &&
      !(*limiter_)->table_growing(old, wanted, maximum())) {
    return -1;
  }
  if (wanted > capacity_) {
    uint64_t cap = capacity_ < 8 ? 8 : capacity_;
    while (cap < wanted) cap *= 2;
    if (cap > kMaxTableElements) cap = kMaxTableElements;
    // operator new rather than realloc: allocation-failure tests count and fail it.
    uint64_t* p = new (std::nothrow) uint64_t[cap];
    if (p == nullptr) {
      if (out_of_memory != nullptr) *out_of_memory = true;
      return -1;
    }
    if (old != 0) std::memcpy(p, elements_, old * sizeof(uint64_t));
    delete[] elements_;
    elements_ = p;
    capacity_ = cap;
  }
  for (uint64_t i = old; i < wanted; ++i) elements_[i] = init;
  size_ = static_cast<uint32_t>(wanted);
  return static_cast<int64_t>(old);
}

}  // namespace weft::runtime
