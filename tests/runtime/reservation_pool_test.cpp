#include "runtime/reservation_pool.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "runtime/memory.hpp"

namespace weft::runtime {
namespace {

ir::MemoryType memory_type(uint64_t min, std::optional<uint64_t> max) {
  ir::MemoryType t;
  t.limits.min = min;
  t.limits.max = max;
  return t;
}

// Whether the byte at `p` can be read, without faulting: the kernel reports EFAULT instead.
bool readable(const uint8_t* p) {
  int fds[2];
  if (pipe(fds) != 0) return false;
  const bool ok = write(fds[1], p, 1) == 1;
  close(fds[0]);
  close(fds[1]);
  return ok;
}

std::unique_ptr<LinearMemory> make_memory(uint64_t min, std::optional<uint64_t> max) {
  Result<LinearMemory*> m = LinearMemory::create(memory_type(min, max));
  EXPECT_TRUE(m);
  return std::unique_ptr<LinearMemory>(m ? *m : nullptr);
}

// Reuse of a dirty reservation, for a memory of `first_pages` grown to `grown_pages`.
void expect_reused_reservation_is_clean(uint64_t first_pages, uint64_t grown_pages,
                                        uint64_t next_pages) {
  uint8_t* old_base = nullptr;
  {
    std::unique_ptr<LinearMemory> memory = make_memory(first_pages, std::nullopt);
    ASSERT_TRUE(memory);
    ASSERT_EQ(memory->grow(grown_pages - first_pages), static_cast<int64_t>(first_pages));
    std::memset(memory->base(), 0xAB, memory->size_bytes());
    old_base = memory->base();
  }
  std::unique_ptr<LinearMemory> memory = make_memory(next_pages, next_pages);
  ASSERT_TRUE(memory);
  EXPECT_EQ(memory->base(), old_base);  // the pool hands back the last reservation released
  EXPECT_EQ(memory->pages(), next_pages);
  for (uint64_t i = 0; i < memory->size_bytes(); i += 997) ASSERT_EQ(memory->base()[i], 0) << i;
  if (next_pages != 0) EXPECT_EQ(memory->base()[memory->size_bytes() - 1], 0);
  EXPECT_FALSE(readable(memory->base() + memory->size_bytes()));
  if (grown_pages > next_pages) {
    EXPECT_FALSE(readable(memory->base() + grown_pages * kWasmPageSize - 1));
  }
  EXPECT_EQ(memory->grow(1), -1);  // the new memory's own maximum applies
}

TEST(ReservationPool, SmallReusedMemoryIsZeroedAndGuarded) {
  expect_reused_reservation_is_clean(1, 2, 1);
}

TEST(ReservationPool, LargeReusedMemoryIsZeroedAndGuarded) {
  expect_reused_reservation_is_clean(1, 40, 3);
}

TEST(ReservationPool, ReusedReservationCanStartLargerThanBefore) {
  expect_reused_reservation_is_clean(1, 2, 20);
}

TEST(ReservationPool, ReusedReservationCanStartEmpty) {
  expect_reused_reservation_is_clean(1, 3, 0);
}

}  // namespace
}  // namespace weft::runtime
