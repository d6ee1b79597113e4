// WebAssembly float SIMD arithmetic (f32x4.* and f64x2.*: add/sub/mul/div/sqrt, min/max,
// pmin/pmax, abs/neg, ceil/floor/trunc/nearest), lane for lane the scalar instructions of
// float_ops.hpp, whose NaN rules apply unchanged.
//
// SSE's arithmetic already follows them (a quieted input NaN, or the default NaN, which is
// canonical). Its min/max do not (they return the second operand for NaN and for -0/+0), so
// min/max combine both operand orders and then put the canonical NaN in every unordered lane.
#pragma once

#include <cstdint>

#include "interp/ops/float_ops.hpp"
#include "interp/ops/simd_value.hpp"

namespace weft::interp::ops {
inline namespace WEFT_SIMD_IMPL {

#if WEFT_SIMD_SSE2
namespace impl {

inline __m128 canonical_nan_f32x4() {
  return _mm_castsi128_ps(_mm_set1_epi32(static_cast<int>(FloatLayout<uint32_t>::kCanonicalNaN)));
}
inline __m128d canonical_nan_f64x2() {
  return _mm_castsi128_pd(
      _mm_set1_epi64x(static_cast<long long>(FloatLayout<uint64_t>::kCanonicalNaN)));
}
inline __m128 select(__m128 mask, __m128 if_set, __m128 if_clear) {
  return _mm_or_ps(_mm_and_ps(mask, if_set), _mm_andnot_ps(mask, if_clear));
}
inline __m128d select(__m128d mask, __m128d if_set, __m128d if_clear) {
  return _mm_or_pd(_mm_and_pd(mask, if_set), _mm_andnot_pd(mask, if_clear));
}

}  // namespace impl
#endif

// ---- f32x4 ----
inline V128 f32x4_add(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128(_mm_add_ps(detail::to_m128(a), detail::to_m128(b)));
#else
  return detail::zip_lanes<uint32_t>(a, b, f32_add);
#endif
}
inline V128 f32x4_sub(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128(_mm_sub_ps(detail::to_m128(a), detail::to_m128(b)));
#else
  return detail::zip_lanes<uint32_t>(a, b, f32_sub);
#endif
}
inline V128 f32x4_mul(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128(_mm_mul_ps(detail::to_m128(a), detail::to_m128(b)));
#else
  return detail::zip_lanes<uint32_t>(a, b, f32_mul);
#endif
}
inline V128 f32x4_div(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128(_mm_div_ps(detail::to_m128(a), detail::to_m128(b)));
#else
  return detail::zip_lanes<uint32_t>(a, b, f32_div);
#endif
}
inline V128 f32x4_sqrt(const V128& a) {
#if WEFT_SIMD_SSE2
  return detail::from_m128(_mm_sqrt_ps(detail::to_m128(a)));
#else
  return detail::map_lanes<uint32_t>(a, f32_sqrt);
#endif
}
// -0 < +0: OR of both orders' minps keeps a set sign bit; AND of both maxps clears it.
inline V128 f32x4_min(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  const __m128 x = detail::to_m128(a), y = detail::to_m128(b);
  const __m128 both = _mm_or_ps(_mm_min_ps(x, y), _mm_min_ps(y, x));
  return detail::from_m128(impl::select(_mm_cmpunord_ps(x, y), impl::canonical_nan_f32x4(), both));
#else
  return detail::zip_lanes<uint32_t>(a, b, f32_min);
#endif
}
inline V128 f32x4_max(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  const __m128 x = detail::to_m128(a), y = detail::to_m128(b);
  const __m128 both = _mm_and_ps(_mm_max_ps(x, y), _mm_max_ps(y, x));
  return detail::from_m128(impl::select(_mm_cmpunord_ps(x, y), impl::canonical_nan_f32x4(), both));
#else
  return detail::zip_lanes<uint32_t>(a, b, f32_max);
#endif
}
// Pseudo-minimum b < a ? b : a, which is exactly minps(b, a); no NaN or zero special case.
inline V128 f32x4_pmin(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128(_mm_min_ps(detail::to_m128(b), detail::to_m128(a)));
#else
  return detail::zip_lanes<uint32_t>(a, b,
                                     [](uint32_t x, uint32_t y) { return f32_lt(y, x) ? y : x; });
#endif
}
// Pseudo-maximum a < b ? b : a, which is exactly maxps(b, a).
inline V128 f32x4_pmax(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128(_mm_max_ps(detail::to_m128(b), detail::to_m128(a)));
#else
  return detail::zip_lanes<uint32_t>(a, b,
                                     [](uint32_t x, uint32_t y) { return f32_lt(x, y) ? y : x; });
#endif
}
inline V128 f32x4_abs(const V128& a) {
#if WEFT_SIMD_SSE2
  const __m128i magnitude = _mm_set1_epi32(0x7fff'ffff);
  return detail::from_m128i(_mm_and_si128(detail::to_m128i(a), magnitude));
#else
  return detail::map_lanes<uint32_t>(a, f32_abs);
#endif
}
inline V128 f32x4_neg(const V128& a) {
#if WEFT_SIMD_SSE2
  const __m128i sign = _mm_set1_epi32(static_cast<int>(FloatLayout<uint32_t>::kSignBit));
  return detail::from_m128i(_mm_xor_si128(detail::to_m128i(a), sign));
#else
  return detail::map_lanes<uint32_t>(a, f32_neg);
#endif
}

// roundps quiets a signalling NaN and keeps its payload, as the scalar rounding does.
#if WEFT_SIMD_SSE41
#define WEFT_SIMD_ROUND(name, scalar, mode, ps_or_pd, to, from)                         \
  inline V128 name(const V128& a) {                                                     \
    return detail::from(_mm_round_##ps_or_pd(detail::to(a), mode | _MM_FROUND_NO_EXC)); \
  }
#else
#define WEFT_SIMD_ROUND(name, scalar, mode, ps_or_pd, to, from)                         \
  inline V128 name(const V128& a) {                                                     \
    return detail::map_lanes<decltype(scalar(0))>(a, [](auto x) { return scalar(x); }); \
  }
#endif
WEFT_SIMD_ROUND(f32x4_ceil, f32_ceil, _MM_FROUND_TO_POS_INF, ps, to_m128, from_m128)
WEFT_SIMD_ROUND(f32x4_floor, f32_floor, _MM_FROUND_TO_NEG_INF, ps, to_m128, from_m128)
WEFT_SIMD_ROUND(f32x4_trunc, f32_trunc, _MM_FROUND_TO_ZERO, ps, to_m128, from_m128)
WEFT_SIMD_ROUND(f32x4_nearest, f32_nearest, _MM_FROUND_TO_NEAREST_INT, ps, to_m128, from_m128)
WEFT_SIMD_ROUND(f64x2_ceil, f64_ceil, _MM_FROUND_TO_POS_INF, pd, to_m128d, from_m128d)
WEFT_SIMD_ROUND(f64x2_floor, f64_floor, _MM_FROUND_TO_NEG_INF, pd, to_m128d, from_m128d)
WEFT_SIMD_ROUND(f64x2_trunc, f64_trunc, _MM_FROUND_TO_ZERO, pd, to_m128d, from_m128d)
WEFT_SIMD_ROUND(f64x2_nearest, f64_nearest, _MM_FROUND_TO_NEAREST_INT, pd, to_m128d, from_m128d)
#undef WEFT_SIMD_ROUND

// ---- f64x2 ----
inline V128 f64x2_add(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128d(_mm_add_pd(detail::to_m128d(a), detail::to_m128d(b)));
#else
  return detail::zip_lanes<uint64_t>(a, b, f64_add);
#endif
}
inline V128 f64x2_sub(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128d(_mm_sub_pd(detail::to_m128d(a), detail::to_m128d(b)));
#else
  return detail::zip_lanes<uint64_t>(a, b, f64_sub);
#endif
}
inline V128 f64x2_mul(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128d(_mm_mul_pd(detail::to_m128d(a), detail::to_m128d(b)));
#else
  return detail::zip_lanes<uint64_t>(a, b, f64_mul);
#endif
}
inline V128 f64x2_div(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128d(_mm_div_pd(detail::to_m128d(a), detail::to_m128d(b)));
#else
  return detail::zip_lanes<uint64_t>(a, b, f64_div);
#endif
}
inline V128 f64x2_sqrt(const V128& a) {
#if WEFT_SIMD_SSE2
  return detail::from_m128d(_mm_sqrt_pd(detail::to_m128d(a)));
#else
  return detail::map_lanes<uint64_t>(a, f64_sqrt);
#endif
}
inline V128 f64x2_min(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  const __m128d x = detail::to_m128d(a), y = detail::to_m128d(b);
  const __m128d both = _mm_or_pd(_mm_min_pd(x, y), _mm_min_pd(y, x));
  return detail::from_m128d(impl::select(_mm_cmpunord_pd(x, y), impl::canonical_nan_f64x2(), both));
#else
  return detail::zip_lanes<uint64_t>(a, b, f64_min);
#endif
}
inline V128 f64x2_max(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  const __m128d x = detail::to_m128d(a), y = detail::to_m128d(b);
  const __m128d both = _mm_and_pd(_mm_max_pd(x, y), _mm_max_pd(y, x));
  return detail::from_m128d(impl::select(_mm_cmpunord_pd(x, y), impl::canonical_nan_f64x2(), both));
#else
  return detail::zip_lanes<uint64_t>(a, b, f64_max);
#endif
}
inline V128 f64x2_pmin(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128d(_mm_min_pd(detail::to_m128d(b), detail::to_m128d(a)));
#else
  return detail::zip_lanes<uint64_t>(a, b,
                                     [](uint64_t x, uint64_t y) { return f64_lt(y, x) ? y : x; });
#endif
}
inline V128 f64x2_pmax(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128d(_mm_max_pd(detail::to_m128d(b), detail::to_m128d(a)));
#else
  return detail::zip_lanes<uint64_t>(a, b,
                                     [](uint64_t x, uint64_t y) { return f64_lt(x, y) ? y : x; });
#endif
}
inline V128 f64x2_abs(const V128& a) {
#if WEFT_SIMD_SSE2
  const __m128i magnitude = _mm_set1_epi64x(0x7fff'ffff'ffff'ffff);
  return detail::from_m128i(_mm_and_si128(detail::to_m128i(a), magnitude));
#else
  return detail::map_lanes<uint64_t>(a, f64_abs);
#endif
}
inline V128 f64x2_neg(const V128& a) {
#if WEFT_SIMD_SSE2
  const __m128i sign = _mm_set1_epi64x(static_cast<long long>(FloatLayout<uint64_t>::kSignBit));
  return detail::from_m128i(_mm_xor_si128(detail::to_m128i(a), sign));
#else
  return detail::map_lanes<uint64_t>(a, f64_neg);
#endif
}

}  // namespace WEFT_SIMD_IMPL
}  // namespace weft::interp::ops
