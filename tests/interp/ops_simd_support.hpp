// Helpers shared by the SIMD semantics tests: building a V128 from lanes, reading its lanes
// back, and hiding values from the optimizer.
#pragma once

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <vector>

#include "interp/ops/simd_value.hpp"

namespace weft::interp::ops::simd_test {

// The compilers fold operations on constants (x * 1.0 keeps a signalling NaN unquieted when
// folded), so operands pass through a volatile copy, as an interpreter's run-time values would.
inline V128 opaque(const V128& v) {
  volatile uint8_t bytes[16];
  for (int i = 0; i < 16; ++i) bytes[i] = v.bytes[i];
  V128 r;
  for (int i = 0; i < 16; ++i) r.bytes[i] = bytes[i];
  return r;
}

template <typename T>
V128 make(std::initializer_list<T> lanes) {
  V128 v{};
  unsigned i = 0;
  for (T x : lanes) set_lane<T>(v, i++, x);
  return opaque(v);
}

template <typename T>
std::vector<T> lanes(const V128& v) {
  std::vector<T> r;
  for (unsigned i = 0; i < kLanes<T>; ++i) r.push_back(get_lane<T>(v, i));
  return r;
}

template <typename T>
V128 splat_of(T x) {
  V128 v;
  for (unsigned i = 0; i < kLanes<T>; ++i) set_lane<T>(v, i, x);
  return opaque(v);
}

inline uint32_t F(float x) {
  uint32_t b;
  std::memcpy(&b, &x, 4);
  return b;
}
inline uint64_t D(double x) {
  uint64_t b;
  std::memcpy(&b, &x, 8);
  return b;
}

}  // namespace weft::interp::ops::simd_test
