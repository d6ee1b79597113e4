#include "runtime/reservation_pool.hpp"

#include <sys/mman.h>

#include <cstddef>
#include <cstring>
#include <mutex>
#include <new>
#include <optional>

#include "runtime/memory.hpp"

namespace weft::runtime {
namespace {

// Bounded so that a burst of short-lived memories cannot pin address space for long (each slot
// holds 8 GiB of PROT_NONE addresses, nothing committed beyond its resident bytes).
constexpr size_t kPoolSlots = 128;
// Larger accessible prefixes are shrunk before caching so the pool holds little committed memory.
constexpr uint64_t kMaxCachedAccessibleBytes = 16 * kWasmPageSize;
// Up to this size a memory is zeroed by storing zeros and its pages stay committed:
// madvise(MADV_DONTNEED) costs a TLB shootdown plus a fault per page on reuse, tens of
// microseconds, where a memset of a few pages costs a few.
constexpr uint64_t kMaxZeroedByStoreBytes = 4 * kWasmPageSize;
// The committed bytes all cached reservations may keep, in total.
constexpr uint64_t kMaxResidentBytes = uint64_t{16} << 20;

struct Slot {
  PooledReservation reservation;
  uint64_t resident_bytes = 0;  // counted against kMaxResidentBytes
};

struct Pool {
  std::mutex mutex;
  Slot slots[kPoolSlots];
  size_t count = 0;
  size_t being_reset = 0;  // releases between their two critical sections, holding a slot
  uint64_t resident_bytes = 0;
};

// Never destroyed: memories owned by static objects may die after any static destructor runs.
Pool& pool() {
  alignas(Pool) static unsigned char storage[sizeof(Pool)];
  static Pool* const instance = new (storage) Pool();
  return *instance;
}

// Makes the first `touched_bytes` at `base` zero again and at most kMaxCachedAccessibleBytes
// accessible; returns the accessible bytes, or nothing when the kernel refuses.
std::optional<uint64_t> reset(uint8_t* base, uint64_t touched_bytes, bool zero_by_store) {
  if (zero_by_store) {
    std::memset(base, 0, touched_bytes);
  } else if (touched_bytes != 0 && madvise(base, touched_bytes, MADV_DONTNEED) != 0) {
    // MADV_DONTNEED on private anonymous memory drops the pages: the next touch reads zeros.
    return std::nullopt;
  }
  if (touched_bytes <= kMaxCachedAccessibleBytes) return touched_bytes;
  if (mprotect(base + kMaxCachedAccessibleBytes, touched_bytes - kMaxCachedAccessibleBytes,
               PROT_NONE) != 0) {
    return std::nullopt;
  }
  return kMaxCachedAccessibleBytes;
}

}  // namespace

PooledReservation take_pooled_reservation() {
  Pool& p = pool();
  std::lock_guard<std::mutex> lock(p.mutex);
  if (p.count == 0) return {};
  const Slot& slot = p.slots[--p.count];
  p.resident_bytes -= slot.resident_bytes;
  return slot.reservation;
}

void release_reservation(uint8_t* base, uint64_t touched_bytes) {
  Pool& p = pool();
  bool zero_by_store = false;
  bool pool_full = false;
  {
    std::lock_guard<std::mutex> lock(p.mutex);
    if (p.count + p.being_reset >= kPoolSlots) {
      pool_full = true;
    } else {
      zero_by_store = touched_bytes <= kMaxZeroedByStoreBytes &&
                      p.resident_bytes + touched_bytes <= kMaxResidentBytes;
      if (zero_by_store) p.resident_bytes += touched_bytes;
      ++p.being_reset;
    }
  }
  if (pool_full) {
    munmap(base, kMemory32Reservation);
    return;
  }
  const std::optional<uint64_t> accessible = reset(base, touched_bytes, zero_by_store);
  {
    std::lock_guard<std::mutex> lock(p.mutex);
    --p.being_reset;
    if (accessible) {
      p.slots[p.count++] =
          Slot{PooledReservation{base, *accessible}, zero_by_store ? touched_bytes : 0};
      return;
    }
    if (zero_by_store) p.resident_bytes -= touched_bytes;
  }
  munmap(base, kMemory32Reservation);
}

}  // namespace weft::runtime
