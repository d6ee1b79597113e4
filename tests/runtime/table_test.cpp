#include "runtime/table.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace weft::runtime {
namespace {

ir::TableType table_type(uint64_t min, std::optional<uint64_t> max) {
  ir::TableType t;
  t.limits.min = min;
  t.limits.max = max;
  return t;
}

TEST(Table, CreatedWithInitialValue) {
  Result<Table*> t = Table::create(table_type(3, std::nullopt), 99);
  ASSERT_TRUE(t);
  std::unique_ptr<Table> table(*t);
  EXPECT_EQ(table->size(), 3u);
  for (uint32_t i = 0; i < 3; ++i) EXPECT_EQ(table->get(i), 99u);
}

TEST(Table, GrowFillsNewElementsAndRespectsMaximum) {
  Result<Table*> t = Table::create(table_type(1, 4), 0);
  ASSERT_TRUE(t);
  std::unique_ptr<Table> table(*t);
  table->set(0, 5);
  EXPECT_EQ(table->grow(2, 7), 1);
  EXPECT_EQ(table->size(), 3u);
  EXPECT_EQ(table->get(0), 5u);
  EXPECT_EQ(table->get(1), 7u);
  EXPECT_EQ(table->get(2), 7u);
  EXPECT_EQ(table->grow(2, 0), -1);
  EXPECT_EQ(table->grow(1, 0), 3);
  EXPECT_EQ(table->grow(0, 0), 4);
}

TEST(Table, CurrentTypeReportsCurrentSize) {
  Result<Table*> t = Table::create(table_type(2, 10), 0);
  ASSERT_TRUE(t);
  std::unique_ptr<Table> table(*t);
  table->grow(3, 0);
  EXPECT_EQ(table->current_type().limits.min, 5u);
  EXPECT_EQ(table->current_type().limits.max, 10u);
}

}  // namespace
}  // namespace weft::runtime
