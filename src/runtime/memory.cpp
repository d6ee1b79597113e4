#include "runtime/memory.hpp"

#include <sys/mman.h>

#include <atomic>
#include <cstddef>
#include <new>

#include "runtime/reservation_pool.hpp"

namespace weft::runtime {
namespace {

// Reservations that a fault handler may attribute to wasm: a fixed table of atomics, so the
// signal handler can scan it without locks. A memory that finds no free entry is refused.
constexpr size_t kMaxTrackedReservations = 16384;
std::atomic<uintptr_t> g_reservations[kMaxTrackedReservations];

bool track(uintptr_t base) {
  for (auto& slot : g_reservations) {
    uintptr_t expected = 0;
    if (slot.compare_exchange_strong(expected, base)) return true;
  }
  return false;
}

void untrack(uintptr_t base) {
  for (auto& slot : g_reservations) {
    uintptr_t expected = base;
    if (slot.compare_exchange_strong(expected, 0)) return;
  }
}

}  // namespace

bool in_memory_reservation(uintptr_t address) {
  for (const auto& slot : g_reservations) {
    const uintptr_t base = slot.load(std::memory_order_relaxed);
    if (base != 0 && address >= base && address - base < kMemory32Reservation) return true;
  }
  return false;
}

namespace {

// Gives the reservation at `base`, whose first `accessible` bytes are readable and writable (and
// zero), exactly `wanted` accessible bytes.
bool set_accessible_bytes(uint8_t* base, uint64_t accessible, uint64_t wanted) {
  if (accessible > wanted) return mprotect(base + wanted, accessible - wanted, PROT_NONE) == 0;
  if (accessible < wanted) {
    return mprotect(base + accessible, wanted - accessible, PROT_READ | PROT_WRITE) == 0;
  }
  return true;
}

}  // namespace

Result<LinearMemory*> LinearMemory::create(const ir::MemoryType& type) {
  if (type.limits.is64) return Error{ErrorKind::Unsupported, "memory64 is not supported"};
  if (type.limits.min > kMaxMemory32Pages) return Error::out_of_memory();
  auto* memory = new (std::nothrow) LinearMemory();
  if (memory == nullptr) return Error::out_of_memory();
  PooledReservation reservation = take_pooled_reservation();
  if (reservation.base == nullptr) {
    void* p = mmap(nullptr, kMemory32Reservation, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
      delete memory;
      return Error::out_of_memory();
    }
    reservation = PooledReservation{static_cast<uint8_t*>(p), 0};
  }
  memory->base_ = reservation.base;
  memory->reserved_ = kMemory32Reservation;
  memory->type_ = type;
  memory->has_max_ = type.limits.max.has_value();
  memory->max_pages_ = memory->has_max_ ? *type.limits.max : kMaxMemory32Pages;
  if (memory->max_pages_ > kMaxMemory32Pages) memory->max_pages_ = kMaxMemory32Pages;
  const uint64_t bytes = type.limits.min * kWasmPageSize;
  if (!set_accessible_bytes(memory->base_, reservation.accessible_bytes, bytes)) {
    memory->size_bytes_ = reservation.accessible_bytes;  // what the destructor must zero
    delete memory;
    return Error::out_of_memory();
  }
  memory->size_bytes_ = bytes;
  if (!track(reinterpret_cast<uintptr_t>(memory->base_))) {
    delete memory;
    return Error::out_of_memory();
  }
  return memory;
}

LinearMemory::~LinearMemory() {
  if (base_ != nullptr) {
    untrack(reinterpret_cast<uintptr_t>(base_));  // a no-op when it was never tracked
    // Every byte below size_bytes_ may have been written; beyond it all is PROT_NONE.
    release_reservation(base_, size_bytes_);
  }
}

ir::MemoryType LinearMemory::current_type() const {
  ir::MemoryType t = type_;
  t.limits.min = pages();
  return t;
}

std::optional<size_t> LinearMemory::maximum_bytes() const {
  if (!has_max_) return std::nullopt;
  return static_cast<size_t>(max_pages_ * kWasmPageSize);
}

int64_t LinearMemory::grow(uint64_t delta) {
  const uint64_t old_pages = pages();
  if (delta == 0) return static_cast<int64_t>(old_pages);
  if (delta > max_pages_ || old_pages + delta > max_pages_) return -1;
  const uint64_t new_bytes = (old_pages + delta) * kWasmPageSize;
  if (limiter_ != nullptr && *limiter_ != nullptr &&
      !(*limiter_)->memory_growing(size_bytes_, new_bytes, maximum_bytes())) {
    return -1;
  }
  if (mprotect(base_ + size_bytes_, new_bytes - size_bytes_, PROT_READ | PROT_WRITE) != 0) {
    return -1;
  }
  size_bytes_ = new_bytes;
  return static_cast<int64_t>(old_pages);
}

}  // namespace weft::runtime
