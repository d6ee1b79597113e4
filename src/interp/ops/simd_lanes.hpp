// WebAssembly SIMD instructions that move lanes rather than compute on them: splat,
// extract_lane, replace_lane, i8x16.shuffle, i8x16.swizzle, and the reductions to an i32
// (v128.any_true, iNxM.all_true, iNxM.bitmask).
//
// Scalar operands and results use the interpreter's raw forms: i32/f32 as uint32_t, i64/f64 as
// uint64_t. A lane-index immediate is reduced modulo the lane count (validation already bounds
// it); extract_lane_s/_u of 8- and 16-bit lanes sign- or zero-extend to the i32 result.
#pragma once

#include <cstdint>
#include <cstring>

#include "interp/ops/simd_value.hpp"

namespace weft::interp::ops {
namespace detail {

template <typename T>
inline V128 splat(T x) {
  V128 r;
  for (unsigned i = 0; i < kLanes<T>; ++i) set_lane<T>(r, i, x);
  return r;
}

template <typename T>
inline V128 replace_lane(const V128& a, unsigned lane, T x) {
  V128 r = a;
  set_lane<T>(r, lane, x);
  return r;
}

// Bit i of the result is the top bit of lane i.
template <typename T>
inline uint32_t bitmask(const V128& a) {
  uint32_t mask = 0;
  for (unsigned i = 0; i < kLanes<T>; ++i) {
    mask |= static_cast<uint32_t>(get_lane<T>(a, i) >> (sizeof(T) * 8 - 1)) << i;
  }
  return mask;
}

template <typename T>
inline uint32_t all_true(const V128& a) {
  for (unsigned i = 0; i < kLanes<T>; ++i) {
    if (get_lane<T>(a, i) == 0) return 0;
  }
  return 1;
}

}  // namespace detail

inline namespace WEFT_SIMD_IMPL {

// ---- splat ----
inline V128 i8x16_splat(uint32_t x) {
  return detail::splat(static_cast<uint8_t>(x));
}
inline V128 i16x8_splat(uint32_t x) {
  return detail::splat(static_cast<uint16_t>(x));
}
inline V128 i32x4_splat(uint32_t x) {
  return detail::splat(x);
}
inline V128 i64x2_splat(uint64_t x) {
  return detail::splat(x);
}
inline V128 f32x4_splat(uint32_t bits) {
  return detail::splat(bits);
}
inline V128 f64x2_splat(uint64_t bits) {
  return detail::splat(bits);
}

// ---- extract_lane ----
inline uint32_t i8x16_extract_lane_s(const V128& a, unsigned lane) {
  return static_cast<uint32_t>(
      static_cast<int32_t>(static_cast<int8_t>(get_lane<uint8_t>(a, lane))));
}
inline uint32_t i8x16_extract_lane_u(const V128& a, unsigned lane) {
  return get_lane<uint8_t>(a, lane);
}
inline uint32_t i16x8_extract_lane_s(const V128& a, unsigned lane) {
  return static_cast<uint32_t>(
      static_cast<int32_t>(static_cast<int16_t>(get_lane<uint16_t>(a, lane))));
}
inline uint32_t i16x8_extract_lane_u(const V128& a, unsigned lane) {
  return get_lane<uint16_t>(a, lane);
}
inline uint32_t i32x4_extract_lane(const V128& a, unsigned lane) {
  return get_lane<uint32_t>(a, lane);
}
inline uint64_t i64x2_extract_lane(const V128& a, unsigned lane) {
  return get_lane<uint64_t>(a, lane);
}
inline uint32_t f32x4_extract_lane(const V128& a, unsigned lane) {
  return get_lane<uint32_t>(a, lane);
}
inline uint64_t f64x2_extract_lane(const V128& a, unsigned lane) {
  return get_lane<uint64_t>(a, lane);
}

// ---- replace_lane: an i32 operand is truncated to an 8- or 16-bit lane ----
inline V128 i8x16_replace_lane(const V128& a, unsigned lane, uint32_t x) {
  return detail::replace_lane(a, lane, static_cast<uint8_t>(x));
}
inline V128 i16x8_replace_lane(const V128& a, unsigned lane, uint32_t x) {
  return detail::replace_lane(a, lane, static_cast<uint16_t>(x));
}
inline V128 i32x4_replace_lane(const V128& a, unsigned lane, uint32_t x) {
  return detail::replace_lane(a, lane, x);
}
inline V128 i64x2_replace_lane(const V128& a, unsigned lane, uint64_t x) {
  return detail::replace_lane(a, lane, x);
}
inline V128 f32x4_replace_lane(const V128& a, unsigned lane, uint32_t bits) {
  return detail::replace_lane(a, lane, bits);
}
inline V128 f64x2_replace_lane(const V128& a, unsigned lane, uint64_t bits) {
  return detail::replace_lane(a, lane, bits);
}

// ---- shuffle / swizzle ----
#if WEFT_SIMD_PSHUFB
// pshufb: byte i of the result is byte (m[i] & 15) of x, or 0 where bit 7 of m[i] is set. Only
// for a host with SSSE3 (the caller checks, or the build enables it).
WEFT_TARGET_SSSE3 inline V128 i8x16_shuffle_pshufb(const V128& a, const V128& b,
                                                   const V128& lanes) {
  const __m128i index = _mm_and_si128(detail::to_m128i(lanes), _mm_set1_epi8(31));
  const __m128i in_b = _mm_cmpgt_epi8(index, _mm_set1_epi8(15));
  const __m128i from_a = _mm_shuffle_epi8(detail::to_m128i(a), _mm_or_si128(index, in_b));
  // index - 16 is negative (bit 7 set) exactly for a's bytes.
  const __m128i from_b =
      _mm_shuffle_epi8(detail::to_m128i(b), _mm_sub_epi8(index, _mm_set1_epi8(16)));
  return detail::from_m128i(_mm_or_si128(from_a, from_b));
}
WEFT_TARGET_SSSE3 inline V128 i8x16_swizzle_pshufb(const V128& a, const V128& indices) {
  // Adding 0x70 with unsigned saturation keeps the low four bits of an index below 16 and
  // sets bit 7 of every larger one.
  const __m128i m = _mm_adds_epu8(detail::to_m128i(indices), _mm_set1_epi8(0x70));
  return detail::from_m128i(_mm_shuffle_epi8(detail::to_m128i(a), m));
}
#endif
// Result byte i is byte lanes[i] of the 32-byte concatenation a:b. Validation bounds each index
// by 32; the `& 31` keeps an unvalidated immediate inside the two operands all the same.
inline V128 i8x16_shuffle(const V128& a, const V128& b, const uint8_t (&lanes)[16]) {
  uint8_t both[32];
  std::memcpy(both, a.bytes, 16);
  std::memcpy(both + 16, b.bytes, 16);
  V128 r;
  for (unsigned i = 0; i < 16; ++i) r.bytes[i] = both[lanes[i] & 31];
  return r;
}
inline V128 i8x16_shuffle(const V128& a, const V128& b, const V128& lanes) {
#if WEFT_SIMD_PSHUFB && defined(__SSSE3__)
  return i8x16_shuffle_pshufb(a, b, lanes);
#else
  return i8x16_shuffle(a, b, lanes.bytes);
#endif
}
// Result byte i is byte indices[i] of a, or 0 when that index is 16 or more.
inline V128 i8x16_swizzle(const V128& a, const V128& indices) {
#if WEFT_SIMD_PSHUFB && defined(__SSSE3__)
  return i8x16_swizzle_pshufb(a, indices);
#else
  V128 r;
  for (unsigned i = 0; i < 16; ++i) {
    const uint8_t index = indices.bytes[i];
    r.bytes[i] = index < 16 ? a.bytes[index] : uint8_t{0};
  }
  return r;
#endif
}

// ---- reductions ----
inline uint32_t v128_any_true(const V128& a) {
  return (get_lane<uint64_t>(a, 0) | get_lane<uint64_t>(a, 1)) != 0 ? 1u : 0u;
}

inline uint32_t i8x16_all_true(const V128& a) {
#if WEFT_SIMD_SSE2
  const __m128i x = detail::to_m128i(a);
  return _mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_setzero_si128())) == 0 ? 1u : 0u;
#else
  return detail::all_true<uint8_t>(a);
#endif
}
inline uint32_t i16x8_all_true(const V128& a) {
#if WEFT_SIMD_SSE2
  const __m128i x = detail::to_m128i(a);
  return _mm_movemask_epi8(_mm_cmpeq_epi16(x, _mm_setzero_si128())) == 0 ? 1u : 0u;
#else
  return detail::all_true<uint16_t>(a);
#endif
}
inline uint32_t i32x4_all_true(const V128& a) {
#if WEFT_SIMD_SSE2
  const __m128i x = detail::to_m128i(a);
  return _mm_movemask_epi8(_mm_cmpeq_epi32(x, _mm_setzero_si128())) == 0 ? 1u : 0u;
#else
  return detail::all_true<uint32_t>(a);
#endif
}
// A 64-bit lane is zero when both of its 32-bit halves are.
inline uint32_t i64x2_all_true(const V128& a) {
#if WEFT_SIMD_SSE2
  const __m128i halves_zero = _mm_cmpeq_epi32(detail::to_m128i(a), _mm_setzero_si128());
  const __m128i lanes_zero =
      _mm_and_si128(halves_zero, _mm_shuffle_epi32(halves_zero, _MM_SHUFFLE(2, 3, 0, 1)));
  return _mm_movemask_epi8(lanes_zero) == 0 ? 1u : 0u;
#else
  return detail::all_true<uint64_t>(a);
#endif
}

inline uint32_t i8x16_bitmask(const V128& a) {
#if WEFT_SIMD_SSE2
  return static_cast<uint32_t>(_mm_movemask_epi8(detail::to_m128i(a)));
#else
  return detail::bitmask<uint8_t>(a);
#endif
}
// Signed saturation to bytes keeps each 16-bit lane's sign, so the byte mask is the lane mask.
inline uint32_t i16x8_bitmask(const V128& a) {
#if WEFT_SIMD_SSE2
  const __m128i packed = _mm_packs_epi16(detail::to_m128i(a), _mm_setzero_si128());
  return static_cast<uint32_t>(_mm_movemask_epi8(packed)) & 0xffu;
#else
  return detail::bitmask<uint16_t>(a);
#endif
}
inline uint32_t i32x4_bitmask(const V128& a) {
#if WEFT_SIMD_SSE2
  return static_cast<uint32_t>(_mm_movemask_ps(detail::to_m128(a)));
#else
  return detail::bitmask<uint32_t>(a);
#endif
}
inline uint32_t i64x2_bitmask(const V128& a) {
#if WEFT_SIMD_SSE2
  return static_cast<uint32_t>(_mm_movemask_pd(detail::to_m128d(a)));
#else
  return detail::bitmask<uint64_t>(a);
#endif
}

}  // namespace WEFT_SIMD_IMPL
}  // namespace weft::interp::ops
