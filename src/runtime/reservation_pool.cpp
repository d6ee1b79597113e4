#include "runtime/reservation_pool.hpp"

#include <sys/mman.h>

#include <cstddef>
#include <mutex>
#include <new>

#include "runtime/memory.hpp"

namespace weft::runtime {
namespace {

// Bounded so that a burst of short-lived memories cannot pin address space for long.
constexpr size_t kPoolSlots = 16;
// Larger accessible prefixes are shrunk before caching so the pool holds little committed memory.
constexpr uint64_t kMaxCachedAccessibleBytes = 16 * kWasmPageSize;

struct Pool {
  std::mutex mutex;
  PooledReservation slots[kPoolSlots];
  size_t count = 0;
};

// Never destroyed: memories owned by static objects may die after any static destructor runs.
Pool& pool() {
  alignas(Pool) static unsigned char storage[sizeof(Pool)];
  static Pool* const instance = new (storage) Pool();
  return *instance;
}

}  // namespace

PooledReservation take_pooled_reservation() {
  Pool& p = pool();
  std::lock_guard<std::mutex> lock(p.mutex);
  if (p.count == 0) return {};
  return p.slots[--p.count];
}

void release_reservation(uint8_t* base, uint64_t touched_bytes) {
  uint64_t accessible = touched_bytes;
  bool reusable = true;
  // MADV_DONTNEED on private anonymous memory drops the pages: the next touch reads zeros.
  if (touched_bytes != 0 && madvise(base, touched_bytes, MADV_DONTNEED) != 0) reusable = false;
  if (reusable && accessible > kMaxCachedAccessibleBytes) {
    if (mprotect(base + kMaxCachedAccessibleBytes, accessible - kMaxCachedAccessibleBytes,
                 PROT_NONE) != 0) {
      reusable = false;
    }
    accessible = kMaxCachedAccessibleBytes;
  }
  if (reusable) {
    Pool& p = pool();
    std::lock_guard<std::mutex> lock(p.mutex);
    if (p.count < kPoolSlots) {
      p.slots[p.count++] = PooledReservation{base, accessible};
      return;
    }
  }
  munmap(base, kMemory32Reservation);
}

}  // namespace weft::runtime
