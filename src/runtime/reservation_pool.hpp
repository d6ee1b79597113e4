// A process-wide cache of linear-memory reservations. Reserving 8 GiB of addresses and
// unmapping them again costs far more than the rest of an instantiation, so a dying memory hands
// its reservation back here (zeroed and protected again) and the next memory takes it.
#pragma once

#include <cstdint>

namespace weft::runtime {

struct PooledReservation {
  uint8_t* base = nullptr;
  // The leading bytes left readable and writable (all zero); everything beyond is PROT_NONE.
  uint64_t accessible_bytes = 0;
};

// Takes a cached reservation of kMemory32Reservation bytes, or returns {nullptr, 0} when none
// is cached. Thread-safe.
PooledReservation take_pooled_reservation();

// Zeroes the first `touched_bytes` of the reservation at `base`, then caches it; unmaps it instead
// when the pool is full or the reset fails. Thread-safe.
void release_reservation(uint8_t* base, uint64_t touched_bytes);

}  // namespace weft::runtime
