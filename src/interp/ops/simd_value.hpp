// The v128 value and lane access for the SIMD instructions (simd_*.hpp).
//
// A V128 is 16 bytes in WebAssembly's order: lane i of an NxM shape occupies bytes
// [i*M/8, (i+1)*M/8), little-endian. Lanes are read and written with memcpy, never through a
// typed pointer, so any lane type may alias the bytes without undefined behaviour.
//
// Implementation choice, fixed at build time: with SSE2 (baseline on x86-64) the operations use
// it where it gives exact WebAssembly semantics, and SSE4.1 adds more where the build enables it
// (-msse4.1). Defining WEFT_SIMD_SCALAR forces the portable lane-by-lane code everywhere, so tests
// can cover it on any host. Each choice puts the operations in its own inline namespace, so
// translation units built with different choices link together without breaking the one
// definition rule (the tests build both into one binary).
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#if !defined(WEFT_SIMD_SCALAR) && defined(__SSE2__)
#define WEFT_SIMD_SSE2 1
#include <emmintrin.h>
#else
#define WEFT_SIMD_SSE2 0
#endif
#if WEFT_SIMD_SSE2 && defined(__SSE4_1__)
#define WEFT_SIMD_SSE41 1
#include <smmintrin.h>
#else
#define WEFT_SIMD_SSE41 0
#endif

// SSSE3's byte shuffle (pshufb) is not in the x86-64 baseline but in nearly every x86-64 CPU:
// the byte permutations have a pshufb form, compiled for SSSE3 by a target attribute, that the
// interpreter picks at run time when the host has it (or always, when the build enables SSSE3).
#if WEFT_SIMD_SSE2 && (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
#define WEFT_SIMD_PSHUFB 1
#define WEFT_TARGET_SSSE3 __attribute__((target("ssse3")))
#include <tmmintrin.h>
#else
#define WEFT_SIMD_PSHUFB 0
#endif

#if WEFT_SIMD_SSE41
#define WEFT_SIMD_IMPL simd_sse41
#elif WEFT_SIMD_SSE2
#define WEFT_SIMD_IMPL simd_sse2
#else
#define WEFT_SIMD_IMPL simd_scalar
#endif

static_assert(std::endian::native == std::endian::little,
              "V128 lanes are stored in host order; a big-endian host needs byte swaps here");

namespace weft::interp::ops {

struct alignas(16) V128 {
  uint8_t bytes[16];

  friend bool operator==(const V128& a, const V128& b) {
    return std::memcmp(a.bytes, b.bytes, 16) == 0;
  }
};
static_assert(sizeof(V128) == 16 && std::is_trivially_copyable_v<V128>);

// Lane types are unsigned integers of the lane's width; float lanes are their bit patterns, as
// in float_ops.hpp. Signed views are taken with C++20's modular conversions where needed.
template <typename T>
inline constexpr unsigned kLanes = 16 / sizeof(T);

// The lane index is reduced modulo the lane count: validation already guarantees it is in range,
// and the reduction keeps a corrupted index from reading outside the value.
template <typename T>
inline T get_lane(const V128& v, unsigned i) {
  static_assert(std::is_unsigned_v<T>);
  T x;
  std::memcpy(&x, v.bytes + (i % kLanes<T>)*sizeof(T), sizeof(T));
  return x;
}

template <typename T>
inline void set_lane(V128& v, unsigned i, T x) {
  static_assert(std::is_unsigned_v<T>);
  std::memcpy(v.bytes + (i % kLanes<T>)*sizeof(T), &x, sizeof(T));
}

inline V128 v128_from_bytes(const void* src) {
  V128 v;
  std::memcpy(v.bytes, src, 16);
  return v;
}

inline void v128_to_bytes(const V128& v, void* dst) {
  std::memcpy(dst, v.bytes, 16);
}

// The two 64-bit halves, the form a 16-byte value takes in two general registers.
inline V128 v128_from_u64(uint64_t low, uint64_t high) {
  V128 v;
  set_lane<uint64_t>(v, 0, low);
  set_lane<uint64_t>(v, 1, high);
  return v;
}

namespace detail {

// Lane-by-lane building blocks of the portable implementation.
template <typename T, typename F>
inline V128 map_lanes(const V128& a, F f) {
  V128 r;
  for (unsigned i = 0; i < kLanes<T>; ++i) set_lane<T>(r, i, static_cast<T>(f(get_lane<T>(a, i))));
  return r;
}

template <typename T, typename F>
inline V128 zip_lanes(const V128& a, const V128& b, F f) {
  V128 r;
  for (unsigned i = 0; i < kLanes<T>; ++i) {
    set_lane<T>(r, i, static_cast<T>(f(get_lane<T>(a, i), get_lane<T>(b, i))));
  }
  return r;
}

// All ones for true, the lane result of every comparison.
template <typename T>
constexpr T lane_mask(bool b) {
  return b ? static_cast<T>(~T{0}) : T{0};
}

#if WEFT_SIMD_SSE2
inline __m128i to_m128i(const V128& v) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(v.bytes));
}
inline V128 from_m128i(__m128i x) {
  V128 v;
  _mm_storeu_si128(reinterpret_cast<__m128i*>(v.bytes), x);
  return v;
}
inline __m128 to_m128(const V128& v) {
  return _mm_loadu_ps(reinterpret_cast<const float*>(v.bytes));
}
inline V128 from_m128(__m128 x) {
  V128 v;
  _mm_storeu_ps(reinterpret_cast<float*>(v.bytes), x);
  return v;
}
inline __m128d to_m128d(const V128& v) {
  return _mm_loadu_pd(reinterpret_cast<const double*>(v.bytes));
}
inline V128 from_m128d(__m128d x) {
  V128 v;
  _mm_storeu_pd(reinterpret_cast<double*>(v.bytes), x);
  return v;
}
#endif

}  // namespace detail
}  // namespace weft::interp::ops
