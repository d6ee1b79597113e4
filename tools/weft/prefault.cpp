#include "prefault.hpp"

#include <link.h>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace weft::cli {
namespace {

#ifndef MADV_POPULATE_READ
constexpr int MADV_POPULATE_READ = 22;
constexpr int MADV_POPULATE_WRITE = 23;
#endif

// The most heap prefault_heap maps ahead: beyond it, faulting in as needed costs little next to
// the work that fills so much memory.
constexpr size_t kMaxPrefaultedHeap = size_t{16} << 20;

void populate(uintptr_t begin, uintptr_t end, int advice) {
  const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  begin &= ~(page - 1);
  end = (end + page - 1) & ~(page - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, advice);
}

// Only the read-only segments: their pages are in the page cache already, so mapping them all
// costs less than the faults on the ones used. The writable segment is mostly .bss that is never
// touched, and mapping a fresh page ahead saves only half of its fault: a loss on such a mix.
int populate_segments(dl_phdr_info* info, size_t, void*) {
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& header = info->dlpi_phdr[i];
    if (header.p_type != PT_LOAD || (header.p_flags & PF_W) != 0) continue;
    const uintptr_t begin = info->dlpi_addr + header.p_vaddr;
    populate(begin, begin + header.p_memsz, MADV_POPULATE_READ);
  }
  return 0;
}

// Runs before every other static constructor (priorities up to 100 are the implementation's),
// so that theirs and main's first touches already find their pages mapped.
[[gnu::constructor(101)]] void prefault_executable() {
  dl_iterate_phdr(populate_segments, nullptr);
}

}  // namespace

void prefault_heap(size_t bytes) {
  bytes = std::min(bytes, kMaxPrefaultedHeap);
#if defined(M_MMAP_THRESHOLD) && defined(M_TRIM_THRESHOLD)
  // Blocks up to this size come from the heap too (glibc would map larger ones apart, to be
  // faulted in and unmapped one by one), and the heap keeps its free top instead of trimming it.
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(bytes + (size_t{1} << 20)));
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(2 * bytes + (size_t{1} << 20)));
#endif
  // The block is carved from the heap's top; freed, it merges back into the top, from which the
  // next allocations are carved in turn.
  void* block = std::malloc(bytes);
  if (block == nullptr) return;
  const uintptr_t begin = reinterpret_cast<uintptr_t>(block);
  populate(begin, begin + bytes, MADV_POPULATE_WRITE);
  std::free(block);
}

}  // namespace weft::cli
