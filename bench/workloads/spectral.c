/* Float math with divisions and calls: the spectral norm of an infinite matrix (the Benchmarks
   Game's model), iterating the power method. */
#include <math.h>

#include "common.h"

#define N 1000
static double u[N], v[N], t[N];

static double a(int i, int j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }

static void multiply_av(const double* x, double* y) {
  for (int i = 0; i < N; ++i) {
    double sum = 0;
    for (int j = 0; j < N; ++j) sum += a(i, j) * x[j];
    y[i] = sum;
  }
}

static void multiply_atv(const double* x, double* y) {
  for (int i = 0; i < N; ++i) {
    double sum = 0;
    for (int j = 0; j < N; ++j) sum += a(j, i) * x[j];
    y[i] = sum;
  }
}

static void multiply_atav(const double* x, double* y) {
  multiply_av(x, t);
  multiply_atv(t, y);
}

WORKLOAD {
  for (int i = 0; i < N; ++i) u[i] = 1;
  for (unsigned i = 0, rounds = scaled(100, percent); i < rounds; ++i) {
    multiply_atav(u, v);
    multiply_atav(v, u);
  }
  double vbv = 0, vv = 0;
  for (int i = 0; i < N; ++i) vbv += u[i] * v[i], vv += v[i] * v[i];
  return (unsigned long long)(sqrt(vbv / vv) * 1e9);
}
