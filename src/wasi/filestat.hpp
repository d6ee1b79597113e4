// filestat and timestamps, shared by the fd_* and path_* calls.
#pragma once

#include <sys/stat.h>
#include <time.h>

#include <cstdint>

#include "wasi/guest_memory.hpp"

namespace weft::wasi {

// Writes a filestat for `st` at `ptr`; false when it does not fit in memory. `filetype`
// overrides the type derived from st_mode (sockets).
bool write_filestat(GuestMemory memory, uint64_t ptr, const struct stat& st, uint8_t filetype);
uint8_t filetype_for_stat(const struct stat& st);

// The two timespecs for futimens/utimensat from WASI's (atim, mtim, fst_flags); EINVAL for a
// contradictory or unknown flag.
uint16_t times_from_flags(uint64_t atim, uint64_t mtim, uint64_t fst_flags, timespec out[2]);

}  // namespace weft::wasi
