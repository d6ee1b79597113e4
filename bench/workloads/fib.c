/* Recursive calls: naive Fibonacci. */
#include "common.h"

static unsigned fib(unsigned n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

WORKLOAD {
  volatile unsigned n = 32;
  unsigned long long total = 0;
  for (unsigned round = 0, rounds = scaled(100, percent); round < rounds; ++round)
    total += fib(n + (round & 1));
  return total;
}
