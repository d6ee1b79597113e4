// WebAssembly SIMD comparisons (iNxM.eq/ne/lt/gt/le/ge, fNxM.eq/ne/lt/gt/le/ge): every lane of
// the result is all ones where the comparison holds and zero where it does not.
//
// Float comparisons follow IEEE 754 as the scalar ones do: a NaN lane compares unequal to
// everything, so only `ne` is true for it.
#pragma once

#include <cstdint>

#include "interp/ops/float_ops.hpp"
#include "interp/ops/simd_value.hpp"

namespace weft::interp::ops {
namespace detail {

enum class IntCmp { Eq, Ne, LtS, LtU, GtS, GtU, LeS, LeU, GeS, GeU };

template <typename T, IntCmp C>
constexpr bool compare_int_lane(T a, T b) {
  using S = std::make_signed_t<T>;
  const S sa = static_cast<S>(a), sb = static_cast<S>(b);
  switch (C) {
    case IntCmp::Eq:
      return a == b;
    case IntCmp::Ne:
      return a != b;
    case IntCmp::LtS:
      return sa < sb;
    case IntCmp::LtU:
      return a < b;
    case IntCmp::GtS:
      return sa > sb;
    case IntCmp::GtU:
      return a > b;
    case IntCmp::LeS:
      return sa <= sb;
    case IntCmp::LeU:
      return a <= b;
    case IntCmp::GeS:
      return sa >= sb;
    case IntCmp::GeU:
      return a >= b;
  }
  return false;
}

}  // namespace detail

inline namespace WEFT_SIMD_IMPL {
namespace impl {

#if WEFT_SIMD_SSE2
template <typename T>
inline __m128i cmpeq(__m128i a, __m128i b) {
  if constexpr (sizeof(T) == 1) return _mm_cmpeq_epi8(a, b);
  if constexpr (sizeof(T) == 2) return _mm_cmpeq_epi16(a, b);
  if constexpr (sizeof(T) == 4) return _mm_cmpeq_epi32(a, b);
}
template <typename T>
inline __m128i cmpgt_s(__m128i a, __m128i b) {
  if constexpr (sizeof(T) == 1) return _mm_cmpgt_epi8(a, b);
  if constexpr (sizeof(T) == 2) return _mm_cmpgt_epi16(a, b);
  if constexpr (sizeof(T) == 4) return _mm_cmpgt_epi32(a, b);
}
inline __m128i bit_not(__m128i a) {
  return _mm_xor_si128(a, _mm_cmpeq_epi32(a, a));
}
template <typename T>
inline __m128i sign_bits() {
  if constexpr (sizeof(T) == 1) return _mm_set1_epi8(static_cast<char>(0x80));
  if constexpr (sizeof(T) == 2) return _mm_set1_epi16(static_cast<short>(0x8000));
  if constexpr (sizeof(T) == 4) return _mm_set1_epi32(static_cast<int>(0x8000'0000u));
}

// SSE2 has equality and signed greater-than for 8/16/32-bit lanes; everything else is derived:
// unsigned orders by flipping the sign bits, the rest by swapping operands or complementing.
template <typename T, detail::IntCmp C>
inline V128 compare_ints_sse2(const V128& va, const V128& vb) {
  using detail::IntCmp;
  __m128i a = detail::to_m128i(va), b = detail::to_m128i(vb);
  constexpr bool kUnsigned =
      C == IntCmp::LtU || C == IntCmp::GtU || C == IntCmp::LeU || C == IntCmp::GeU;
  if constexpr (kUnsigned) {
    a = _mm_xor_si128(a, sign_bits<T>());
    b = _mm_xor_si128(b, sign_bits<T>());
  }
  __m128i r;
  if constexpr (C == IntCmp::Eq) {
    r = cmpeq<T>(a, b);
  } else if constexpr (C == IntCmp::Ne) {
    r = bit_not(cmpeq<T>(a, b));
  } else if constexpr (C == IntCmp::LtS || C == IntCmp::LtU) {
    r = cmpgt_s<T>(b, a);
  } else if constexpr (C == IntCmp::GtS || C == IntCmp::GtU) {
    r = cmpgt_s<T>(a, b);
  } else if constexpr (C == IntCmp::LeS || C == IntCmp::LeU) {
    r = bit_not(cmpgt_s<T>(a, b));
  } else {
    r = bit_not(cmpgt_s<T>(b, a));
  }
  return detail::from_m128i(r);
}
#endif

template <typename T, detail::IntCmp C>
inline V128 compare_ints(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  if constexpr (sizeof(T) <= 4) return compare_ints_sse2<T, C>(a, b);
#endif
  return detail::zip_lanes<T>(
      a, b, [](T x, T y) { return detail::lane_mask<T>(detail::compare_int_lane<T, C>(x, y)); });
}

}  // namespace impl

#define WEFT_SIMD_INT_COMPARE(name, T, C)                  \
  inline V128 name(const V128& a, const V128& b) {         \
    return impl::compare_ints<T, detail::IntCmp::C>(a, b); \
  }
WEFT_SIMD_INT_COMPARE(i8x16_eq, uint8_t, Eq)
WEFT_SIMD_INT_COMPARE(i8x16_ne, uint8_t, Ne)
WEFT_SIMD_INT_COMPARE(i8x16_lt_s, uint8_t, LtS)
WEFT_SIMD_INT_COMPARE(i8x16_lt_u, uint8_t, LtU)
WEFT_SIMD_INT_COMPARE(i8x16_gt_s, uint8_t, GtS)
WEFT_SIMD_INT_COMPARE(i8x16_gt_u, uint8_t, GtU)
WEFT_SIMD_INT_COMPARE(i8x16_le_s, uint8_t, LeS)
WEFT_SIMD_INT_COMPARE(i8x16_le_u, uint8_t, LeU)
WEFT_SIMD_INT_COMPARE(i8x16_ge_s, uint8_t, GeS)
WEFT_SIMD_INT_COMPARE(i8x16_ge_u, uint8_t, GeU)
WEFT_SIMD_INT_COMPARE(i16x8_eq, uint16_t, Eq)
WEFT_SIMD_INT_COMPARE(i16x8_ne, uint16_t, Ne)
WEFT_SIMD_INT_COMPARE(i16x8_lt_s, uint16_t, LtS)
WEFT_SIMD_INT_COMPARE(i16x8_lt_u, uint16_t, LtU)
WEFT_SIMD_INT_COMPARE(i16x8_gt_s, uint16_t, GtS)
WEFT_SIMD_INT_COMPARE(i16x8_gt_u, uint16_t, GtU)
WEFT_SIMD_INT_COMPARE(i16x8_le_s, uint16_t, LeS)
WEFT_SIMD_INT_COMPARE(i16x8_le_u, uint16_t, LeU)
WEFT_SIMD_INT_COMPARE(i16x8_ge_s, uint16_t, GeS)
WEFT_SIMD_INT_COMPARE(i16x8_ge_u, uint16_t, GeU)
WEFT_SIMD_INT_COMPARE(i32x4_eq, uint32_t, Eq)
WEFT_SIMD_INT_COMPARE(i32x4_ne, uint32_t, Ne)
WEFT_SIMD_INT_COMPARE(i32x4_lt_s, uint32_t, LtS)
WEFT_SIMD_INT_COMPARE(i32x4_lt_u, uint32_t, LtU)
WEFT_SIMD_INT_COMPARE(i32x4_gt_s, uint32_t, GtS)
WEFT_SIMD_INT_COMPARE(i32x4_gt_u, uint32_t, GtU)
WEFT_SIMD_INT_COMPARE(i32x4_le_s, uint32_t, LeS)
WEFT_SIMD_INT_COMPARE(i32x4_le_u, uint32_t, LeU)
WEFT_SIMD_INT_COMPARE(i32x4_ge_s, uint32_t, GeS)
WEFT_SIMD_INT_COMPARE(i32x4_ge_u, uint32_t, GeU)
// i64x2 has no unsigned orderings in WebAssembly 2.0.
WEFT_SIMD_INT_COMPARE(i64x2_eq, uint64_t, Eq)
WEFT_SIMD_INT_COMPARE(i64x2_ne, uint64_t, Ne)
WEFT_SIMD_INT_COMPARE(i64x2_lt_s, uint64_t, LtS)
WEFT_SIMD_INT_COMPARE(i64x2_gt_s, uint64_t, GtS)
WEFT_SIMD_INT_COMPARE(i64x2_le_s, uint64_t, LeS)
WEFT_SIMD_INT_COMPARE(i64x2_ge_s, uint64_t, GeS)
#undef WEFT_SIMD_INT_COMPARE

// ---- float comparisons: SSE's ordered predicates, and unordered not-equal for ne ----
#if WEFT_SIMD_SSE2
#define WEFT_SIMD_FLOAT_COMPARE(name, T, scalar_op, sse_op, to, from) \
  inline V128 name(const V128& a, const V128& b) {                    \
    return detail::from(sse_op(detail::to(a), detail::to(b)));        \
  }
#else
#define WEFT_SIMD_FLOAT_COMPARE(name, T, scalar_op, sse_op, to, from)                            \
  inline V128 name(const V128& a, const V128& b) {                                               \
    return detail::zip_lanes<T>(a, b,                                                            \
                                [](T x, T y) { return detail::lane_mask<T>(scalar_op(x, y)); }); \
  }
#endif
WEFT_SIMD_FLOAT_COMPARE(f32x4_eq, uint32_t, f32_eq, _mm_cmpeq_ps, to_m128, from_m128)
WEFT_SIMD_FLOAT_COMPARE(f32x4_ne, uint32_t, f32_ne, _mm_cmpneq_ps, to_m128, from_m128)
WEFT_SIMD_FLOAT_COMPARE(f32x4_lt, uint32_t, f32_lt, _mm_cmplt_ps, to_m128, from_m128)
WEFT_SIMD_FLOAT_COMPARE(f32x4_gt, uint32_t, f32_gt, _mm_cmpgt_ps, to_m128, from_m128)
WEFT_SIMD_FLOAT_COMPARE(f32x4_le, uint32_t, f32_le, _mm_cmple_ps, to_m128, from_m128)
WEFT_SIMD_FLOAT_COMPARE(f32x4_ge, uint32_t, f32_ge, _mm_cmpge_ps, to_m128, from_m128)
WEFT_SIMD_FLOAT_COMPARE(f64x2_eq, uint64_t, f64_eq, _mm_cmpeq_pd, to_m128d, from_m128d)
WEFT_SIMD_FLOAT_COMPARE(f64x2_ne, uint64_t, f64_ne, _mm_cmpneq_pd, to_m128d, from_m128d)
WEFT_SIMD_FLOAT_COMPARE(f64x2_lt, uint64_t, f64_lt, _mm_cmplt_pd, to_m128d, from_m128d)
WEFT_SIMD_FLOAT_COMPARE(f64x2_gt, uint64_t, f64_gt, _mm_cmpgt_pd, to_m128d, from_m128d)
WEFT_SIMD_FLOAT_COMPARE(f64x2_le, uint64_t, f64_le, _mm_cmple_pd, to_m128d, from_m128d)
WEFT_SIMD_FLOAT_COMPARE(f64x2_ge, uint64_t, f64_ge, _mm_cmpge_pd, to_m128d, from_m128d)
#undef WEFT_SIMD_FLOAT_COMPARE

}  // namespace WEFT_SIMD_IMPL
}  // namespace weft::interp::ops
