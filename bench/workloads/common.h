/* Shared by every workload: each defines `unsigned long long run(void)`, which does a fixed amount
   of work and returns a checksum. Built for wasm it is exported as `run`; built natively,
   main() prints the checksum, so outputs can be compared across engines. */
#ifndef WEFT_BENCH_COMMON_H
#define WEFT_BENCH_COMMON_H

#if defined(__wasm__)
#define WORKLOAD __attribute__((export_name("run"))) unsigned long long run(void)
#else
#include <stdio.h>
unsigned long long run(void);
int main(void) {
  printf("%llu\n", run());
  return 0;
}
#define WORKLOAD unsigned long long run(void)
#endif

#endif
