// A test hook for failing allocations on purpose. weft itself never calls it: a test binary
// replaces the global operator new (and new[], nothrow and aligned forms) with versions that
// ask allocation_allowed() first, then can fail the N-th allocation of an operation and check
// that the operation reports ErrorKind::OutOfMemory and leaves its store usable (DESIGN.md,
// "The store and its function references"). Counting is per thread, so other threads of the
// test are not disturbed.
#pragma once

#include <cstdint>

namespace weft::testing {

// Starts counting this thread's allocations from zero; the n-th one from now (1-based) fails,
// once. n = 0 counts without failing any.
void fail_allocation_after(uint64_t n);
// Stops failing and counting; allocation_count() keeps its value.
void stop_failing_allocations();
// Allocations counted on this thread since the last fail_allocation_after().
uint64_t allocation_count();
// Whether the armed failure has happened.
bool allocation_failed();

// For the replacement operator new: counts one allocation when counting, and says whether it
// may proceed. Must not allocate.
bool allocation_allowed() noexcept;

}  // namespace weft::testing
