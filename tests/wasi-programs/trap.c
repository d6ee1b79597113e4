/* Stores far outside linear memory from a few calls deep: under weft this traps ("out of bounds
 * memory access") and the backtrace names the functions (built at -O0, so that they keep their
 * frames and the name section survives). Natively it crashes, so only weft runs it. */
#include <stdint.h>
#include <stdio.h>

__attribute__((noinline)) static void store_far_away(volatile int* p) {
  *p = 1;
}

__attribute__((noinline)) static void one_level_up(uintptr_t address) {
  store_far_away((volatile int*)address);
}

int main(void) {
  printf("about to trap\n");
  fflush(stdout);
  one_level_up(UINTPTR_MAX - 16);
  printf("still alive\n");
  return 0;
}
