#include "base/alloc_failure.hpp"

namespace weft::testing {
namespace {

// Plain thread-local integers: reading them never allocates, as operator new requires.
thread_local bool t_counting = false;
thread_local uint64_t t_count = 0;
thread_local uint64_t t_fail_at = 0;
thread_local bool t_failed = false;

}  // namespace

void fail_allocation_after(uint64_t n) {
  t_count = 0;
  t_fail_at = n;
  t_failed = false;
  t_counting = true;
}

void stop_failing_allocations() {
  t_counting = false;
  t_fail_at = 0;
}

uint64_t allocation_count() {
  return t_count;
}

bool allocation_failed() {
  return t_failed;
}

bool allocation_allowed() noexcept {
  if (!t_counting) return true;
  ++t_count;
  if (t_fail_at != 0 && t_count == t_fail_at) {
    t_failed = true;
    return false;
  }
  return true;
}

}  // namespace weft::testing
