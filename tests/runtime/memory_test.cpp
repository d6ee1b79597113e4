#include "runtime/memory.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace weft::runtime {
namespace {

ir::MemoryType memory_type(uint64_t min, std::optional<uint64_t> max) {
  ir::MemoryType t;
  t.limits.min = min;
  t.limits.max = max;
  return t;
}

TEST(LinearMemory, StartsWithMinimumPagesZeroed) {
  Result<LinearMemory*> m = LinearMemory::create(memory_type(2, std::nullopt));
  ASSERT_TRUE(m);
  std::unique_ptr<LinearMemory> memory(*m);
  EXPECT_EQ(memory->pages(), 2u);
  EXPECT_EQ(memory->size_bytes(), 2 * kWasmPageSize);
  EXPECT_EQ(memory->base()[0], 0);
  EXPECT_EQ(memory->base()[2 * kWasmPageSize - 1], 0);
}

TEST(LinearMemory, GrowReturnsOldSizeAndKeepsBase) {
  Result<LinearMemory*> m = LinearMemory::create(memory_type(1, 3));
  ASSERT_TRUE(m);
  std::unique_ptr<LinearMemory> memory(*m);
  uint8_t* base = memory->base();
  memory->base()[10] = 42;
  EXPECT_EQ(memory->grow(2), 1);
  EXPECT_EQ(memory->base(), base);
  EXPECT_EQ(memory->pages(), 3u);
  EXPECT_EQ(memory->base()[10], 42);
  memory->base()[3 * kWasmPageSize - 1] = 7;  // the new pages are writable
}

TEST(LinearMemory, GrowBeyondMaximumFails) {
  Result<LinearMemory*> m = LinearMemory::create(memory_type(1, 2));
  ASSERT_TRUE(m);
  std::unique_ptr<LinearMemory> memory(*m);
  EXPECT_EQ(memory->grow(2), -1);
  EXPECT_EQ(memory->pages(), 1u);
  EXPECT_EQ(memory->grow(0), 1);
  EXPECT_EQ(memory->grow(1), 1);
  EXPECT_EQ(memory->grow(1), -1);
}

TEST(LinearMemory, Memory32CannotExceedFourGiB) {
  Result<LinearMemory*> m = LinearMemory::create(memory_type(0, std::nullopt));
  ASSERT_TRUE(m);
  std::unique_ptr<LinearMemory> memory(*m);
  EXPECT_EQ(memory->grow(kMaxMemory32Pages + 1), -1);
  EXPECT_EQ(memory->grow(uint64_t{1} << 40), -1);
}

TEST(LinearMemory, ReservationCoversEveryMemory32Address) {
  Result<LinearMemory*> m = LinearMemory::create(memory_type(1, std::nullopt));
  ASSERT_TRUE(m);
  std::unique_ptr<LinearMemory> memory(*m);
  const uintptr_t base = reinterpret_cast<uintptr_t>(memory->base());
  EXPECT_TRUE(in_memory_reservation(base));
  // The largest effective address: u32 address + u32 offset + an 8-byte access.
  EXPECT_TRUE(in_memory_reservation(base + 2 * uint64_t{UINT32_MAX} + 7));
  EXPECT_FALSE(in_memory_reservation(base + kMemory32Reservation));
  memory.reset();
  EXPECT_FALSE(in_memory_reservation(base));
}

TEST(LinearMemory, RejectsMinimumAboveFourGiB) {
  EXPECT_FALSE(LinearMemory::create(memory_type(kMaxMemory32Pages + 1, std::nullopt)));
}

}  // namespace
}  // namespace weft::runtime
