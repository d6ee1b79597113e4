// Start-up of the command line with fewer page faults. A short `weft run` used to take two hundred
// of them, a large part of its time in a virtual machine, where a fault traps to the kernel and a
// fresh page may first have to be backed by the host. Asking the kernel to map pages ahead
// (madvise MADV_POPULATE_*, Linux 5.14) skips the traps: for code and read-only data, already in
// the page cache, that makes them nearly free; for fresh anonymous memory the saving is about
// half a page's cost, so only memory that will be used is worth mapping ahead. Best effort: on an
// older kernel the pages fault in as usual.
//
// prefault.cpp maps the executable's code and read-only data ahead from a static constructor
// that runs before the others. bench/startup.sh measures the effect.
#pragma once

#include <cstddef>

namespace weft::cli {

// Makes the next `bytes` (at most 16 MiB) of heap allocations come from memory mapped ahead, and
// keeps the heap from handing freed memory back to the kernel. For a command that knows about how
// much it will allocate, such as `run` (about three times the module's size).
void prefault_heap(size_t bytes);

}  // namespace weft::cli
