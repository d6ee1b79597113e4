// Guest iovec arrays as host iovecs pointing straight into linear memory.
#pragma once

#include <sys/uio.h>

#include <cstdint>
#include <vector>

#include "wasi/guest_memory.hpp"

namespace weft::wasi {

// At most this many buffers go to one host call (POSIX guarantees IOV_MAX >= 16; Linux 1024).
inline constexpr uint64_t kMaxIovecs = 1024;

// Reads `count` iovecs at `iovs`, each checked against memory (EFAULT otherwise); empty buffers
// are dropped and only the first kMaxIovecs are used.
uint16_t gather_iovecs(GuestMemory memory, uint64_t iovs, uint64_t count, std::vector<iovec>& out);

}  // namespace weft::wasi
