// Start-up of the command line without page faults. In a virtual machine a page fault can cost
// tens of microseconds, and a short `weft run` used to take two hundred of them, most of its time.
// Asking the kernel to map pages ahead (madvise MADV_POPULATE_*, Linux 5.14) costs about a
// microsecond a page instead. Best effort: on an older kernel the pages fault in as usual.
//
// prefault.cpp also maps the executable's own code, read-only data and writable data ahead, from
// a static constructor that runs before the others. bench/startup.sh measures the effect.
#pragma once

#include <cstddef>

namespace weft::cli {

// Makes the next `bytes` (at most 16 MiB) of heap allocations come from memory mapped ahead, and
// keeps the heap from handing freed memory back to the kernel. For a command that knows about how
// much it will allocate, such as `run` (a few times the module's size).
void prefault_heap(size_t bytes);

}  // namespace weft::cli
