// WebAssembly SIMD conversions between lane types: integer <-> float (converting, saturating
// truncation) and f32 <-> f64 (demote, promote), lane for lane the scalar conversions of
// conversions.hpp, whose rounding and NaN rules apply unchanged. The `_zero` forms fill the
// upper two i32/f32 lanes with zeros; the `_low` forms read the lower two lanes.
#pragma once

#include <cstdint>

#include "interp/ops/conversions.hpp"
#include "interp/ops/simd_value.hpp"

namespace weft::interp::ops {
inline namespace WEFT_SIMD_IMPL {

inline V128 f32x4_convert_i32x4_s(const V128& a) {
#if WEFT_SIMD_SSE2
  return detail::from_m128(_mm_cvtepi32_ps(detail::to_m128i(a)));
#else
  return detail::map_lanes<uint32_t>(a, f32_convert_i32_s);
#endif
}
// The high and low 16 bits convert exactly and the scaled high part stays exact, so the one
// addition is the only rounding, as in a direct u32 -> f32 conversion.
inline V128 f32x4_convert_i32x4_u(const V128& a) {
#if WEFT_SIMD_SSE2
  const __m128i x = detail::to_m128i(a);
  const __m128 low = _mm_cvtepi32_ps(_mm_and_si128(x, _mm_set1_epi32(0xffff)));
  const __m128 high = _mm_cvtepi32_ps(_mm_srli_epi32(x, 16));
  return detail::from_m128(_mm_add_ps(_mm_mul_ps(high, _mm_set1_ps(65536.0f)), low));
#else
  return detail::map_lanes<uint32_t>(a, f32_convert_i32_u);
#endif
}
inline V128 f64x2_convert_low_i32x4_s(const V128& a) {
#if WEFT_SIMD_SSE2
  return detail::from_m128d(_mm_cvtepi32_pd(detail::to_m128i(a)));
#else
  return v128_from_u64(f64_convert_i32_s(get_lane<uint32_t>(a, 0)),
                       f64_convert_i32_s(get_lane<uint32_t>(a, 1)));
#endif
}
// u = (u - 2^31 read as signed) + 2^31, every step exact in double.
inline V128 f64x2_convert_low_i32x4_u(const V128& a) {
#if WEFT_SIMD_SSE2
  const __m128i biased =
      _mm_xor_si128(detail::to_m128i(a), _mm_set1_epi32(static_cast<int>(0x8000'0000u)));
  return detail::from_m128d(_mm_add_pd(_mm_cvtepi32_pd(biased), _mm_set1_pd(2147483648.0)));
#else
  return v128_from_u64(f64_convert_i32_u(get_lane<uint32_t>(a, 0)),
                       f64_convert_i32_u(get_lane<uint32_t>(a, 1)));
#endif
}

// cvttps2dq gives 0x80000000 for NaN and for every out-of-range lane; the lanes at or above
// 2^31 flip it to 0x7fffffff, and NaN lanes are cleared.
inline V128 i32x4_trunc_sat_f32x4_s(const V128& a) {
#if WEFT_SIMD_SSE2
  const __m128 x = detail::to_m128(a);
  const __m128i truncated = _mm_cvttps_epi32(x);
  const __m128 too_big = _mm_cmpge_ps(x, _mm_set1_ps(2147483648.0f));
  const __m128i fixed = _mm_xor_si128(truncated, _mm_castps_si128(too_big));
  return detail::from_m128i(_mm_and_si128(fixed, _mm_castps_si128(_mm_cmpord_ps(x, x))));
#else
  return detail::map_lanes<uint32_t>(a, i32_trunc_sat_f32_s);
#endif
}
inline V128 i32x4_trunc_sat_f32x4_u(const V128& a) {
  return detail::map_lanes<uint32_t>(a, i32_trunc_sat_f32_u);
}
inline V128 i32x4_trunc_sat_f64x2_s_zero(const V128& a) {
  V128 r{};
  set_lane<uint32_t>(r, 0, i32_trunc_sat_f64_s(get_lane<uint64_t>(a, 0)));
  set_lane<uint32_t>(r, 1, i32_trunc_sat_f64_s(get_lane<uint64_t>(a, 1)));
  return r;
}
inline V128 i32x4_trunc_sat_f64x2_u_zero(const V128& a) {
  V128 r{};
  set_lane<uint32_t>(r, 0, i32_trunc_sat_f64_u(get_lane<uint64_t>(a, 0)));
  set_lane<uint32_t>(r, 1, i32_trunc_sat_f64_u(get_lane<uint64_t>(a, 1)));
  return r;
}

// NaN lanes go through the scalar bit-level path, which keeps the payload and sets the quiet
// bit whatever the hardware does.
inline V128 f32x4_demote_f64x2_zero(const V128& a) {
  V128 r{};
  set_lane<uint32_t>(r, 0, f32_demote_f64(get_lane<uint64_t>(a, 0)));
  set_lane<uint32_t>(r, 1, f32_demote_f64(get_lane<uint64_t>(a, 1)));
  return r;
}
inline V128 f64x2_promote_low_f32x4(const V128& a) {
  return v128_from_u64(f64_promote_f32(get_lane<uint32_t>(a, 0)),
                       f64_promote_f32(get_lane<uint32_t>(a, 1)));
}

}  // namespace WEFT_SIMD_IMPL
}  // namespace weft::interp::ops
