/* Byte-wise image blending, which clang vectorizes: the suite builds it for wasm with -msimd128,
   so it measures 128-bit SIMD (native code is auto-vectorized with SSE2). */
#include "common.h"

#define N (1 << 16)
static unsigned char a[N], b[N], out[N];

WORKLOAD {
  for (int i = 0; i < N; ++i) {
    a[i] = (unsigned char)(i * 7 + (i >> 5));
    b[i] = (unsigned char)(i * 13 + (i >> 3));
  }
  unsigned long long total = 0;
  for (unsigned round = 0, rounds = scaled(60000, percent); round < rounds; ++round) {
    const unsigned w = (unsigned)(round & 255);
    for (int i = 0; i < N; ++i) out[i] = (unsigned char)((a[i] * w + b[i] * (256 - w)) >> 8);
    for (int i = 0; i < N; i += 61) total += out[i];
    a[round & (N - 1)] ^= out[(round * 31) & (N - 1)];
  }
  return total;
}
