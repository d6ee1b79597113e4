// Linear memory. A 32-bit memory reserves its whole reachable range up front: 4 GiB of
// addresses plus 4 GiB of static offset plus a guard page, all inaccessible except the pages
// in use. The base therefore never moves, growth is an mprotect, and compiled code may skip
// bounds checks, relying on a fault in the reservation (guard_pages.hpp) to raise the trap.
#pragma once

#include <cstddef>
#include <cstdint>

#include "base/result.hpp"
#include "ir/types.hpp"
#include "runtime/resource_limiter.hpp"

namespace weft::runtime {

inline constexpr uint64_t kWasmPageSize = 65536;
inline constexpr uint64_t kMaxMemory32Pages = 65536;
// base + zext(i32 address) + u32 offset + access size always lands inside this range.
inline constexpr uint64_t kMemory32Reservation = (uint64_t{8} << 30) + kWasmPageSize;

class LinearMemory {
 public:
  // Reserves the address range and makes the first `type.limits.min` pages accessible.
  static Result<LinearMemory*> create(const ir::MemoryType& type);
  ~LinearMemory();
  LinearMemory(const LinearMemory&) = delete;
  LinearMemory& operator=(const LinearMemory&) = delete;

  uint8_t* base() const { return base_; }
  uint64_t size_bytes() const { return size_bytes_; }
  uint64_t pages() const { return size_bytes_ / kWasmPageSize; }
  // The limits as they stand now: min is the current size in pages (for import matching).
  ir::MemoryType current_type() const;
  // Grows by `delta` pages; returns the old size in pages, or -1 when the limits or the host
  // refuse (memory.grow's result).
  int64_t grow(uint64_t delta);
  // The store's limiter slot, consulted by grow() when it holds a limiter. The slot must outlive
  // the memory (the store owns both).
  void set_limiter(ResourceLimiter* const* slot) { limiter_ = slot; }
  // The declared maximum in bytes, for a ResourceLimiter.
  std::optional<size_t> maximum_bytes() const;

  // Offsets of the fields compiled code reads.
  static constexpr size_t size_offset() { return offsetof(LinearMemory, size_bytes_); }

 private:
  LinearMemory() = default;

  uint8_t* base_ = nullptr;
  uint64_t size_bytes_ = 0;
  uint64_t reserved_ = 0;
  uint64_t max_pages_ = 0;
  bool has_max_ = false;
  ir::MemoryType type_;
  ResourceLimiter* const* limiter_ = nullptr;
};

// Whether `address` lies in the reservation of a live linear memory (safe in a signal handler).
bool in_memory_reservation(uintptr_t address);

}  // namespace weft::runtime
