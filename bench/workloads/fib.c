/* Recursive calls: naive Fibonacci. */
#include "common.h"

static unsigned fib(unsigned n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

WORKLOAD {
  volatile unsigned n = 37;
  return fib(n);
}
