/* Sorting: the C library's qsort (an indirect call per comparison) and a hand-written merge sort. */
#include <string.h>

#include "common.h"

#define N 200000
static unsigned data[N], scratch[N];

static int compare_unsigned(const void* a, const void* b) {
  unsigned x = *(const unsigned*)a, y = *(const unsigned*)b;
  return (x > y) - (x < y);
}

/* Bottom-up merge sort of data[0..n) through scratch. */
static void merge_sort(unsigned* values, unsigned* tmp, unsigned n) {
  for (unsigned width = 1; width < n; width *= 2) {
    for (unsigned lo = 0; lo < n; lo += 2 * width) {
      unsigned mid = lo + width < n ? lo + width : n;
      unsigned hi = lo + 2 * width < n ? lo + 2 * width : n;
      unsigned i = lo, j = mid, out = lo;
      while (i < mid && j < hi) tmp[out++] = values[i] <= values[j] ? values[i++] : values[j++];
      while (i < mid) tmp[out++] = values[i++];
      while (j < hi) tmp[out++] = values[j++];
    }
    memcpy(values, tmp, n * sizeof *values);
  }
}

static unsigned long long checksum(const unsigned* values, unsigned n) {
  unsigned long long sum = 0;
  for (unsigned i = 0; i < n; i += 97) sum = sum * 31 + values[i];
  return sum;
}

WORKLOAD {
  unsigned seed = 2463534242u;
  unsigned long long total = 0;
  for (unsigned round = 0, rounds = scaled(20, percent); round < rounds; ++round) {
    for (unsigned i = 0; i < N; ++i) data[i] = next_random(&seed) % 1000000;
    qsort(data, N, sizeof *data, compare_unsigned);
    total += checksum(data, N);
    for (unsigned i = 0; i < N; ++i) data[i] = next_random(&seed);
    merge_sort(data, scratch, N);
    total += checksum(data, N);
  }
  return total;
}
