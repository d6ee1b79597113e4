/* Nested loops with loads and stores: integer matrix multiply. */
#include "common.h"

#define N 160
static unsigned a[N][N], b[N][N], c[N][N];

WORKLOAD {
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j) {
      a[i][j] = (unsigned)(i * 31 + j * 17) & 255;
      b[i][j] = (unsigned)(i * 7 + j * 13) & 255;
    }
  unsigned long long total = 0;
  for (unsigned round = 0, rounds = scaled(400, percent); round < rounds; ++round) {
    for (int i = 0; i < N; ++i)
      for (int j = 0; j < N; ++j) {
        unsigned sum = 0;
        for (int k = 0; k < N; ++k) sum += a[i][k] * b[k][j];
        c[i][j] = sum + round;
      }
    for (int i = 0; i < N; ++i) total += c[i][(i * 7) % N];
    a[round % N][(round * 3) % N] ^= (unsigned)total & 7;
  }
  return total;
}
