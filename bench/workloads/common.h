/* Shared by every workload. Each is a whole program, built natively and as a WASI command
   (wasm32-wasi), that defines `WORKLOAD { ... }`: a function of `percent` that does a fixed amount
   of work and returns a checksum, which main() prints, so every engine's output can be compared
   with native's. `percent` (argv[1], default 250) scales the work: the default takes 1-3 s natively,
   smaller values make quick runs for profiling. Workloads print integers only and use their own
   random numbers, so glibc and wasi-libc give identical output. */
#ifndef WEFT_BENCH_COMMON_H
#define WEFT_BENCH_COMMON_H

#include <stdio.h>
#include <stdlib.h>

static unsigned long long workload(unsigned percent);

/* Scales a round count by percent, keeping at least one round. */
static inline unsigned scaled(unsigned rounds, unsigned percent) {
  unsigned long long n = (unsigned long long)rounds * percent / 100;
  return n == 0 ? 1 : (unsigned)n;
}

/* A small deterministic generator (xorshift32), the same on every libc. */
static inline unsigned next_random(unsigned* state) {
  unsigned x = *state;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  *state = x;
  return x;
}

#ifndef WEFT_BENCH_DEFAULT_PERCENT
#define WEFT_BENCH_DEFAULT_PERCENT 250
#endif

int main(int argc, char** argv) {
  unsigned percent = argc > 1 ? (unsigned)atoi(argv[1]) : WEFT_BENCH_DEFAULT_PERCENT;
  printf("%llu\n", workload(percent == 0 ? 1 : percent));
  return 0;
}

#define WORKLOAD static unsigned long long workload(unsigned percent)

#endif
