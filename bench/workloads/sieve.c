/* Integer loops over memory: repeated sieve of Eratosthenes. */
#include "common.h"

#define N 1000000
static unsigned char composite[N];

WORKLOAD {
  unsigned long long total = 0;
  for (unsigned round = 0, rounds = scaled(600, percent); round < rounds; ++round) {
    for (int i = 0; i < N; ++i) composite[i] = 0;
    for (int i = 2; (long)i * i < N; ++i) {
      if (composite[i]) continue;
      for (int j = i * i; j < N; j += i) composite[j] = 1;
    }
    for (int i = 2; i < N; ++i) total += !composite[i];
  }
  return total;
}
