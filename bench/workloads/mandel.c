/* Float math: the Mandelbrot set on a grid, counting iterations; each round shifts the view. */
#include "common.h"

WORKLOAD {
  const int size = 600, max_iter = 200;
  unsigned long long total = 0;
  for (unsigned round = 0, rounds = scaled(10, percent); round < rounds; ++round) {
    const double shift = 0.001 * (round % 17);
    for (int y = 0; y < size; ++y) {
      for (int x = 0; x < size; ++x) {
        double cr = 2.5 * x / size - 2.0 + shift, ci = 2.0 * y / size - 1.0;
        double zr = 0, zi = 0;
        int i = 0;
        while (i < max_iter && zr * zr + zi * zi < 4.0) {
          double t = zr * zr - zi * zi + cr;
          zi = 2.0 * zr * zi + ci;
          zr = t;
          ++i;
        }
        total += i;
      }
    }
  }
  return total;
}
