// WebAssembly integer SIMD instructions (i8x16.*, i16x8.*, i32x4.*, i64x2.* arithmetic, shifts,
// comparisons, narrowing and widening) and the v128 bitwise instructions.
//
// Naming: the instruction's text name with '.' replaced by '_' (i8x16.add_sat_s ->
// i8x16_add_sat_s). Shift counts are the i32 operand, taken modulo the lane width as the spec
// requires. Comparisons give all-ones lanes for true and zero lanes for false.
// Nothing here has undefined behaviour: lane arithmetic is done in unsigned types at least as
// wide as int (so narrow lanes are never promoted to a signed int that could overflow), and
// signed views come from C++20's modular conversions.
#pragma once

#include <bit>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "interp/ops/simd_value.hpp"

namespace weft::interp::ops {
namespace detail {

// Unsigned arithmetic type for lane type T that never promotes to int.
template <typename T>
using WideU = std::conditional_t<(sizeof(T) <= 4), uint32_t, uint64_t>;

template <typename T>
constexpr std::make_signed_t<T> signed_of(T x) {
  return static_cast<std::make_signed_t<T>>(x);
}

template <typename T>
constexpr T wrap_add(T a, T b) {
  return static_cast<T>(WideU<T>{a} + WideU<T>{b});
}
template <typename T>
constexpr T wrap_sub(T a, T b) {
  return static_cast<T>(WideU<T>{a} - WideU<T>{b});
}
template <typename T>
constexpr T wrap_mul(T a, T b) {
  return static_cast<T>(WideU<T>{a} * WideU<T>{b});
}

// Saturating arithmetic exists for 8- and 16-bit lanes only; int32 holds every exact result.
template <typename T>
constexpr T saturate_s(int32_t x) {
  using S = std::make_signed_t<T>;
  constexpr int32_t lo = std::numeric_limits<S>::min(), hi = std::numeric_limits<S>::max();
  return static_cast<T>(x < lo ? lo : x > hi ? hi : x);
}
template <typename T>
constexpr T saturate_u(int32_t x) {
  constexpr int32_t hi = std::numeric_limits<T>::max();
  return static_cast<T>(x < 0 ? 0 : x > hi ? hi : x);
}

template <typename T>
constexpr T abs_lane(T a) {
  return signed_of(a) < 0 ? wrap_sub<T>(0, a) : a;
}

template <typename T>
constexpr unsigned shift_count(uint32_t count) {
  return count & (sizeof(T) * 8 - 1);
}

template <typename T>
inline V128 shl(const V128& a, uint32_t count) {
  const unsigned n = shift_count<T>(count);
  return map_lanes<T>(a, [n](T x) { return static_cast<T>(WideU<T>{x} << n); });
}
template <typename T>
inline V128 shr_s(const V128& a, uint32_t count) {
  const unsigned n = shift_count<T>(count);
  return map_lanes<T>(a, [n](T x) { return static_cast<T>(signed_of(x) >> n); });
}
template <typename T>
inline V128 shr_u(const V128& a, uint32_t count) {
  const unsigned n = shift_count<T>(count);
  return map_lanes<T>(a, [n](T x) { return static_cast<T>(x >> n); });
}

// Widen: lane i of the result is lane (first + i) of `a`, sign- or zero-extended.
template <typename Wide, typename Narrow, bool kSigned>
constexpr Wide extend_lane(Narrow x) {
  if constexpr (kSigned) {
    return static_cast<Wide>(static_cast<std::make_signed_t<Wide>>(signed_of(x)));
  } else {
    return static_cast<Wide>(x);
  }
}

template <typename Wide, typename Narrow, bool kSigned>
inline V128 extend(const V128& a, unsigned first) {
  V128 r;
  for (unsigned i = 0; i < kLanes<Wide>; ++i) {
    set_lane<Wide>(r, i, extend_lane<Wide, Narrow, kSigned>(get_lane<Narrow>(a, first + i)));
  }
  return r;
}

// Widening multiply: the product of two extended lanes always fits the wide lane, except
// i8/i16 signed min * min which wraps exactly like the modular product.
template <typename Wide, typename Narrow, bool kSigned>
inline V128 extmul(const V128& a, const V128& b, unsigned first) {
  V128 r;
  for (unsigned i = 0; i < kLanes<Wide>; ++i) {
    const Wide x = extend_lane<Wide, Narrow, kSigned>(get_lane<Narrow>(a, first + i));
    const Wide y = extend_lane<Wide, Narrow, kSigned>(get_lane<Narrow>(b, first + i));
    set_lane<Wide>(r, i, wrap_mul<Wide>(x, y));
  }
  return r;
}

template <typename Wide, typename Narrow, bool kSigned>
inline V128 extadd_pairwise(const V128& a) {
  V128 r;
  for (unsigned i = 0; i < kLanes<Wide>; ++i) {
    const Wide x = extend_lane<Wide, Narrow, kSigned>(get_lane<Narrow>(a, 2 * i));
    const Wide y = extend_lane<Wide, Narrow, kSigned>(get_lane<Narrow>(a, 2 * i + 1));
    set_lane<Wide>(r, i, wrap_add<Wide>(x, y));
  }
  return r;
}

// Narrow: both operands' lanes, read as signed, saturated to the narrow lane's signed or
// unsigned range; `a` gives the low half of the result and `b` the high half.
template <typename Narrow, typename Wide, bool kSigned>
inline V128 narrow(const V128& a, const V128& b) {
  V128 r;
  constexpr unsigned n = kLanes<Wide>;
  for (unsigned i = 0; i < 2 * n; ++i) {
    const Wide w = i < n ? get_lane<Wide>(a, i) : get_lane<Wide>(b, i - n);
    const int32_t x = signed_of(w);
    set_lane<Narrow>(r, i, kSigned ? saturate_s<Narrow>(x) : saturate_u<Narrow>(x));
  }
  return r;
}

}  // namespace detail

inline namespace WEFT_SIMD_IMPL {

#if WEFT_SIMD_SSE2
namespace impl {

// Widening by interleaving each lane with its fill: zeros, or all ones where the lane is negative.
template <typename Narrow, bool kSigned, bool kHigh>
inline V128 extend_sse2(const V128& a) {
  const __m128i x = detail::to_m128i(a), zero = _mm_setzero_si128();
  if constexpr (sizeof(Narrow) == 1) {
    const __m128i fill = kSigned ? _mm_cmpgt_epi8(zero, x) : zero;
    return detail::from_m128i(kHigh ? _mm_unpackhi_epi8(x, fill) : _mm_unpacklo_epi8(x, fill));
  } else if constexpr (sizeof(Narrow) == 2) {
    const __m128i fill = kSigned ? _mm_cmpgt_epi16(zero, x) : zero;
    return detail::from_m128i(kHigh ? _mm_unpackhi_epi16(x, fill) : _mm_unpacklo_epi16(x, fill));
  } else {
    const __m128i fill = kSigned ? _mm_cmpgt_epi32(zero, x) : zero;
    return detail::from_m128i(kHigh ? _mm_unpackhi_epi32(x, fill) : _mm_unpacklo_epi32(x, fill));
  }
}

inline __m128i shift_count_sse2(unsigned n) {
  return _mm_cvtsi32_si128(static_cast<int>(n));
}

}  // namespace impl
#endif

// ---- bitwise ----
inline V128 v128_not(const V128& a) {
#if WEFT_SIMD_SSE2
  const __m128i x = detail::to_m128i(a);
  return detail::from_m128i(_mm_xor_si128(x, _mm_cmpeq_epi32(x, x)));
#else
  return detail::map_lanes<uint64_t>(a, [](uint64_t x) { return ~x; });
#endif
}
inline V128 v128_and(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_and_si128(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint64_t>(a, b, [](uint64_t x, uint64_t y) { return x & y; });
#endif
}
// a & ~b (note the operand order differs from SSE's andnot, which complements its first operand)
inline V128 v128_andnot(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_andnot_si128(detail::to_m128i(b), detail::to_m128i(a)));
#else
  return detail::zip_lanes<uint64_t>(a, b, [](uint64_t x, uint64_t y) { return x & ~y; });
#endif
}
inline V128 v128_or(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_or_si128(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint64_t>(a, b, [](uint64_t x, uint64_t y) { return x | y; });
#endif
}
inline V128 v128_xor(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_xor_si128(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint64_t>(a, b, [](uint64_t x, uint64_t y) { return x ^ y; });
#endif
}
// Each result bit comes from a where the mask bit is 1 and from b where it is 0.
inline V128 v128_bitselect(const V128& a, const V128& b, const V128& mask) {
#if WEFT_SIMD_SSE2
  const __m128i m = detail::to_m128i(mask);
  return detail::from_m128i(_mm_or_si128(_mm_and_si128(detail::to_m128i(a), m),
                                         _mm_andnot_si128(m, detail::to_m128i(b))));
#else
  V128 r;
  for (unsigned i = 0; i < 2; ++i) {
    const uint64_t m = get_lane<uint64_t>(mask, i);
    set_lane<uint64_t>(r, i, (get_lane<uint64_t>(a, i) & m) | (get_lane<uint64_t>(b, i) & ~m));
  }
  return r;
#endif
}

// ---- i8x16 ----
// |x| is the unsigned minimum of x and -x (-128 stays 0x80, as wasm wants).
inline V128 i8x16_abs(const V128& a) {
#if WEFT_SIMD_SSE2
  const __m128i x = detail::to_m128i(a);
  return detail::from_m128i(_mm_min_epu8(x, _mm_sub_epi8(_mm_setzero_si128(), x)));
#else
  return detail::map_lanes<uint8_t>(a, detail::abs_lane<uint8_t>);
#endif
}
inline V128 i8x16_neg(const V128& a) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_sub_epi8(_mm_setzero_si128(), detail::to_m128i(a)));
#else
  return detail::map_lanes<uint8_t>(a, [](uint8_t x) { return detail::wrap_sub<uint8_t>(0, x); });
#endif
}
inline V128 i8x16_popcnt(const V128& a) {
  return detail::map_lanes<uint8_t>(a, [](uint8_t x) { return std::popcount(x); });
}
inline V128 i8x16_add(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_add_epi8(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint8_t>(a, b, detail::wrap_add<uint8_t>);
#endif
}
inline V128 i8x16_sub(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_sub_epi8(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint8_t>(a, b, detail::wrap_sub<uint8_t>);
#endif
}
inline V128 i8x16_add_sat_s(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_adds_epi8(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint8_t>(a, b, [](uint8_t x, uint8_t y) {
    return detail::saturate_s<uint8_t>(int32_t{detail::signed_of(x)} + detail::signed_of(y));
  });
#endif
}
inline V128 i8x16_add_sat_u(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_adds_epu8(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint8_t>(
      a, b, [](uint8_t x, uint8_t y) { return detail::saturate_u<uint8_t>(int32_t{x} + y); });
#endif
}
inline V128 i8x16_sub_sat_s(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_subs_epi8(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint8_t>(a, b, [](uint8_t x, uint8_t y) {
    return detail::saturate_s<uint8_t>(int32_t{detail::signed_of(x)} - detail::signed_of(y));
  });
#endif
}
inline V128 i8x16_sub_sat_u(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_subs_epu8(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint8_t>(
      a, b, [](uint8_t x, uint8_t y) { return detail::saturate_u<uint8_t>(int32_t{x} - y); });
#endif
}
inline V128 i8x16_min_s(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE41
  return detail::from_m128i(_mm_min_epi8(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint8_t>(a, b, [](uint8_t x, uint8_t y) {
    return detail::signed_of(x) < detail::signed_of(y) ? x : y;
  });
#endif
}
inline V128 i8x16_min_u(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_min_epu8(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint8_t>(a, b, [](uint8_t x, uint8_t y) { return x < y ? x : y; });
#endif
}
inline V128 i8x16_max_s(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE41
  return detail::from_m128i(_mm_max_epi8(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint8_t>(a, b, [](uint8_t x, uint8_t y) {
    return detail::signed_of(x) > detail::signed_of(y) ? x : y;
  });
#endif
}
inline V128 i8x16_max_u(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_max_epu8(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint8_t>(a, b, [](uint8_t x, uint8_t y) { return x > y ? x : y; });
#endif
}
inline V128 i8x16_avgr_u(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_avg_epu8(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint8_t>(
      a, b, [](uint8_t x, uint8_t y) { return (uint32_t{x} + y + 1) >> 1; });
#endif
}
// SSE has no 8-bit shifts: shift 16-bit lanes and mask off the bits that crossed into the
// neighbouring byte; the arithmetic shift works on bytes doubled into 16-bit lanes.
inline V128 i8x16_shl(const V128& a, uint32_t count) {
#if WEFT_SIMD_SSE2
  const unsigned n = detail::shift_count<uint8_t>(count);
  const __m128i shifted = _mm_sll_epi16(detail::to_m128i(a), impl::shift_count_sse2(n));
  const __m128i keep = _mm_set1_epi8(static_cast<char>(static_cast<uint8_t>(0xffu << n)));
  return detail::from_m128i(_mm_and_si128(shifted, keep));
#else
  return detail::shl<uint8_t>(a, count);
#endif
}
inline V128 i8x16_shr_s(const V128& a, uint32_t count) {
#if WEFT_SIMD_SSE2
  const __m128i x = detail::to_m128i(a);
  const __m128i n = impl::shift_count_sse2(detail::shift_count<uint8_t>(count) + 8);
  const __m128i low = _mm_sra_epi16(_mm_unpacklo_epi8(x, x), n);
  const __m128i high = _mm_sra_epi16(_mm_unpackhi_epi8(x, x), n);
  return detail::from_m128i(_mm_packs_epi16(low, high));
#else
  return detail::shr_s<uint8_t>(a, count);
#endif
}
inline V128 i8x16_shr_u(const V128& a, uint32_t count) {
#if WEFT_SIMD_SSE2
  const unsigned n = detail::shift_count<uint8_t>(count);
  const __m128i shifted = _mm_srl_epi16(detail::to_m128i(a), impl::shift_count_sse2(n));
  const __m128i keep = _mm_set1_epi8(static_cast<char>(static_cast<uint8_t>(0xffu >> n)));
  return detail::from_m128i(_mm_and_si128(shifted, keep));
#else
  return detail::shr_u<uint8_t>(a, count);
#endif
}
inline V128 i8x16_narrow_i16x8_s(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_packs_epi16(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::narrow<uint8_t, uint16_t, true>(a, b);
#endif
}
inline V128 i8x16_narrow_i16x8_u(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_packus_epi16(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::narrow<uint8_t, uint16_t, false>(a, b);
#endif
}

// ---- i16x8 ----
// |x| is the signed maximum of x and -x (-32768 stays 0x8000).
inline V128 i16x8_abs(const V128& a) {
#if WEFT_SIMD_SSE2
  const __m128i x = detail::to_m128i(a);
  return detail::from_m128i(_mm_max_epi16(x, _mm_sub_epi16(_mm_setzero_si128(), x)));
#else
  return detail::map_lanes<uint16_t>(a, detail::abs_lane<uint16_t>);
#endif
}
inline V128 i16x8_neg(const V128& a) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_sub_epi16(_mm_setzero_si128(), detail::to_m128i(a)));
#else
  return detail::map_lanes<uint16_t>(a,
                                     [](uint16_t x) { return detail::wrap_sub<uint16_t>(0, x); });
#endif
}
inline V128 i16x8_add(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_add_epi16(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint16_t>(a, b, detail::wrap_add<uint16_t>);
#endif
}
inline V128 i16x8_sub(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_sub_epi16(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint16_t>(a, b, detail::wrap_sub<uint16_t>);
#endif
}
inline V128 i16x8_mul(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_mullo_epi16(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint16_t>(a, b, detail::wrap_mul<uint16_t>);
#endif
}
inline V128 i16x8_add_sat_s(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_adds_epi16(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint16_t>(a, b, [](uint16_t x, uint16_t y) {
    return detail::saturate_s<uint16_t>(int32_t{detail::signed_of(x)} + detail::signed_of(y));
  });
#endif
}
inline V128 i16x8_add_sat_u(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_adds_epu16(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint16_t>(
      a, b, [](uint16_t x, uint16_t y) { return detail::saturate_u<uint16_t>(int32_t{x} + y); });
#endif
}
inline V128 i16x8_sub_sat_s(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_subs_epi16(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint16_t>(a, b, [](uint16_t x, uint16_t y) {
    return detail::saturate_s<uint16_t>(int32_t{detail::signed_of(x)} - detail::signed_of(y));
  });
#endif
}
inline V128 i16x8_sub_sat_u(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_subs_epu16(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint16_t>(
      a, b, [](uint16_t x, uint16_t y) { return detail::saturate_u<uint16_t>(int32_t{x} - y); });
#endif
}
inline V128 i16x8_min_s(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_min_epi16(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint16_t>(a, b, [](uint16_t x, uint16_t y) {
    return detail::signed_of(x) < detail::signed_of(y) ? x : y;
  });
#endif
}
inline V128 i16x8_min_u(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE41
  return detail::from_m128i(_mm_min_epu16(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint16_t>(a, b, [](uint16_t x, uint16_t y) { return x < y ? x : y; });
#endif
}
inline V128 i16x8_max_s(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_max_epi16(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint16_t>(a, b, [](uint16_t x, uint16_t y) {
    return detail::signed_of(x) > detail::signed_of(y) ? x : y;
  });
#endif
}
inline V128 i16x8_max_u(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE41
  return detail::from_m128i(_mm_max_epu16(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint16_t>(a, b, [](uint16_t x, uint16_t y) { return x > y ? x : y; });
#endif
}
inline V128 i16x8_avgr_u(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_avg_epu16(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint16_t>(
      a, b, [](uint16_t x, uint16_t y) { return (uint32_t{x} + y + 1) >> 1; });
#endif
}
// Rounding Q15 multiply: (a * b + 2^14) >> 15, saturated; only -1.0 * -1.0 saturates.
inline V128 i16x8_q15mulr_sat_s(const V128& a, const V128& b) {
  return detail::zip_lanes<uint16_t>(a, b, [](uint16_t x, uint16_t y) {
    const int32_t product = int32_t{detail::signed_of(x)} * detail::signed_of(y);
    return detail::saturate_s<uint16_t>((product + 0x4000) >> 15);
  });
}
// SSE shifts by a register count take counts >= the width as "all bits out", but the count is
// reduced modulo the width first, so the wasm rule holds.
inline V128 i16x8_shl(const V128& a, uint32_t count) {
#if WEFT_SIMD_SSE2
  const __m128i n = _mm_cvtsi32_si128(static_cast<int>(detail::shift_count<uint16_t>(count)));
  return detail::from_m128i(_mm_sll_epi16(detail::to_m128i(a), n));
#else
  return detail::shl<uint16_t>(a, count);
#endif
}
inline V128 i16x8_shr_s(const V128& a, uint32_t count) {
#if WEFT_SIMD_SSE2
  const __m128i n = _mm_cvtsi32_si128(static_cast<int>(detail::shift_count<uint16_t>(count)));
  return detail::from_m128i(_mm_sra_epi16(detail::to_m128i(a), n));
#else
  return detail::shr_s<uint16_t>(a, count);
#endif
}
inline V128 i16x8_shr_u(const V128& a, uint32_t count) {
#if WEFT_SIMD_SSE2
  const __m128i n = _mm_cvtsi32_si128(static_cast<int>(detail::shift_count<uint16_t>(count)));
  return detail::from_m128i(_mm_srl_epi16(detail::to_m128i(a), n));
#else
  return detail::shr_u<uint16_t>(a, count);
#endif
}
inline V128 i16x8_narrow_i32x4_s(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_packs_epi32(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::narrow<uint16_t, uint32_t, true>(a, b);
#endif
}
inline V128 i16x8_narrow_i32x4_u(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE41
  return detail::from_m128i(_mm_packus_epi32(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::narrow<uint16_t, uint32_t, false>(a, b);
#endif
}
inline V128 i16x8_extend_low_i8x16_s(const V128& a) {
#if WEFT_SIMD_SSE2
  return impl::extend_sse2<uint8_t, true, false>(a);
#else
  return detail::extend<uint16_t, uint8_t, true>(a, 0);
#endif
}
inline V128 i16x8_extend_high_i8x16_s(const V128& a) {
#if WEFT_SIMD_SSE2
  return impl::extend_sse2<uint8_t, true, true>(a);
#else
  return detail::extend<uint16_t, uint8_t, true>(a, 8);
#endif
}
inline V128 i16x8_extend_low_i8x16_u(const V128& a) {
#if WEFT_SIMD_SSE2
  return impl::extend_sse2<uint8_t, false, false>(a);
#else
  return detail::extend<uint16_t, uint8_t, false>(a, 0);
#endif
}
inline V128 i16x8_extend_high_i8x16_u(const V128& a) {
#if WEFT_SIMD_SSE2
  return impl::extend_sse2<uint8_t, false, true>(a);
#else
  return detail::extend<uint16_t, uint8_t, false>(a, 8);
#endif
}
inline V128 i16x8_extmul_low_i8x16_s(const V128& a, const V128& b) {
  return detail::extmul<uint16_t, uint8_t, true>(a, b, 0);
}
inline V128 i16x8_extmul_high_i8x16_s(const V128& a, const V128& b) {
  return detail::extmul<uint16_t, uint8_t, true>(a, b, 8);
}
inline V128 i16x8_extmul_low_i8x16_u(const V128& a, const V128& b) {
  return detail::extmul<uint16_t, uint8_t, false>(a, b, 0);
}
inline V128 i16x8_extmul_high_i8x16_u(const V128& a, const V128& b) {
  return detail::extmul<uint16_t, uint8_t, false>(a, b, 8);
}
inline V128 i16x8_extadd_pairwise_i8x16_s(const V128& a) {
  return detail::extadd_pairwise<uint16_t, uint8_t, true>(a);
}
inline V128 i16x8_extadd_pairwise_i8x16_u(const V128& a) {
  return detail::extadd_pairwise<uint16_t, uint8_t, false>(a);
}

// ---- i32x4 ----
// (x ^ s) - s with s the lane's sign spread over it: x, or its two's-complement negation.
inline V128 i32x4_abs(const V128& a) {
#if WEFT_SIMD_SSE2
  const __m128i x = detail::to_m128i(a), sign = _mm_srai_epi32(x, 31);
  return detail::from_m128i(_mm_sub_epi32(_mm_xor_si128(x, sign), sign));
#else
  return detail::map_lanes<uint32_t>(a, detail::abs_lane<uint32_t>);
#endif
}
inline V128 i32x4_neg(const V128& a) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_sub_epi32(_mm_setzero_si128(), detail::to_m128i(a)));
#else
  return detail::map_lanes<uint32_t>(a,
                                     [](uint32_t x) { return detail::wrap_sub<uint32_t>(0, x); });
#endif
}
inline V128 i32x4_add(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_add_epi32(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint32_t>(a, b, detail::wrap_add<uint32_t>);
#endif
}
inline V128 i32x4_sub(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_sub_epi32(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint32_t>(a, b, detail::wrap_sub<uint32_t>);
#endif
}
inline V128 i32x4_mul(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE41
  return detail::from_m128i(_mm_mullo_epi32(detail::to_m128i(a), detail::to_m128i(b)));
#elif WEFT_SIMD_SSE2
  // pmuludq multiplies lanes 0 and 2 into 64-bit products; the odd lanes go through it shifted
  // down, and the low halves of the four products are gathered back in lane order.
  const __m128i x = detail::to_m128i(a), y = detail::to_m128i(b);
  const __m128i even = _mm_mul_epu32(x, y);
  const __m128i odd = _mm_mul_epu32(_mm_srli_epi64(x, 32), _mm_srli_epi64(y, 32));
  return detail::from_m128i(_mm_unpacklo_epi32(_mm_shuffle_epi32(even, _MM_SHUFFLE(0, 0, 2, 0)),
                                               _mm_shuffle_epi32(odd, _MM_SHUFFLE(0, 0, 2, 0))));
#else
  return detail::zip_lanes<uint32_t>(a, b, detail::wrap_mul<uint32_t>);
#endif
}
inline V128 i32x4_min_s(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE41
  return detail::from_m128i(_mm_min_epi32(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint32_t>(a, b, [](uint32_t x, uint32_t y) {
    return detail::signed_of(x) < detail::signed_of(y) ? x : y;
  });
#endif
}
inline V128 i32x4_min_u(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE41
  return detail::from_m128i(_mm_min_epu32(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint32_t>(a, b, [](uint32_t x, uint32_t y) { return x < y ? x : y; });
#endif
}
inline V128 i32x4_max_s(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE41
  return detail::from_m128i(_mm_max_epi32(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint32_t>(a, b, [](uint32_t x, uint32_t y) {
    return detail::signed_of(x) > detail::signed_of(y) ? x : y;
  });
#endif
}
inline V128 i32x4_max_u(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE41
  return detail::from_m128i(_mm_max_epu32(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint32_t>(a, b, [](uint32_t x, uint32_t y) { return x > y ? x : y; });
#endif
}
// Sum of adjacent signed 16-bit products; only (-2^15)^2 * 2 exceeds int32 and wraps, as
// pmaddwd does.
inline V128 i32x4_dot_i16x8_s(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_madd_epi16(detail::to_m128i(a), detail::to_m128i(b)));
#else
  V128 r;
  for (unsigned i = 0; i < 4; ++i) {
    uint32_t sum = 0;
    for (unsigned j = 2 * i; j < 2 * i + 2; ++j) {
      const int32_t product = int32_t{detail::signed_of(get_lane<uint16_t>(a, j))} *
                              detail::signed_of(get_lane<uint16_t>(b, j));
      sum += static_cast<uint32_t>(product);
    }
    set_lane<uint32_t>(r, i, sum);
  }
  return r;
#endif
}
inline V128 i32x4_shl(const V128& a, uint32_t count) {
#if WEFT_SIMD_SSE2
  const __m128i n = _mm_cvtsi32_si128(static_cast<int>(detail::shift_count<uint32_t>(count)));
  return detail::from_m128i(_mm_sll_epi32(detail::to_m128i(a), n));
#else
  return detail::shl<uint32_t>(a, count);
#endif
}
inline V128 i32x4_shr_s(const V128& a, uint32_t count) {
#if WEFT_SIMD_SSE2
  const __m128i n = _mm_cvtsi32_si128(static_cast<int>(detail::shift_count<uint32_t>(count)));
  return detail::from_m128i(_mm_sra_epi32(detail::to_m128i(a), n));
#else
  return detail::shr_s<uint32_t>(a, count);
#endif
}
inline V128 i32x4_shr_u(const V128& a, uint32_t count) {
#if WEFT_SIMD_SSE2
  const __m128i n = _mm_cvtsi32_si128(static_cast<int>(detail::shift_count<uint32_t>(count)));
  return detail::from_m128i(_mm_srl_epi32(detail::to_m128i(a), n));
#else
  return detail::shr_u<uint32_t>(a, count);
#endif
}
inline V128 i32x4_extend_low_i16x8_s(const V128& a) {
#if WEFT_SIMD_SSE2
  return impl::extend_sse2<uint16_t, true, false>(a);
#else
  return detail::extend<uint32_t, uint16_t, true>(a, 0);
#endif
}
inline V128 i32x4_extend_high_i16x8_s(const V128& a) {
#if WEFT_SIMD_SSE2
  return impl::extend_sse2<uint16_t, true, true>(a);
#else
  return detail::extend<uint32_t, uint16_t, true>(a, 4);
#endif
}
inline V128 i32x4_extend_low_i16x8_u(const V128& a) {
#if WEFT_SIMD_SSE2
  return impl::extend_sse2<uint16_t, false, false>(a);
#else
  return detail::extend<uint32_t, uint16_t, false>(a, 0);
#endif
}
inline V128 i32x4_extend_high_i16x8_u(const V128& a) {
#if WEFT_SIMD_SSE2
  return impl::extend_sse2<uint16_t, false, true>(a);
#else
  return detail::extend<uint32_t, uint16_t, false>(a, 4);
#endif
}
inline V128 i32x4_extmul_low_i16x8_s(const V128& a, const V128& b) {
  return detail::extmul<uint32_t, uint16_t, true>(a, b, 0);
}
inline V128 i32x4_extmul_high_i16x8_s(const V128& a, const V128& b) {
  return detail::extmul<uint32_t, uint16_t, true>(a, b, 4);
}
inline V128 i32x4_extmul_low_i16x8_u(const V128& a, const V128& b) {
  return detail::extmul<uint32_t, uint16_t, false>(a, b, 0);
}
inline V128 i32x4_extmul_high_i16x8_u(const V128& a, const V128& b) {
  return detail::extmul<uint32_t, uint16_t, false>(a, b, 4);
}
inline V128 i32x4_extadd_pairwise_i16x8_s(const V128& a) {
  return detail::extadd_pairwise<uint32_t, uint16_t, true>(a);
}
inline V128 i32x4_extadd_pairwise_i16x8_u(const V128& a) {
  return detail::extadd_pairwise<uint32_t, uint16_t, false>(a);
}

// ---- i64x2 ----
inline V128 i64x2_abs(const V128& a) {
#if WEFT_SIMD_SSE2
  const __m128i x = detail::to_m128i(a);
  const __m128i sign = _mm_shuffle_epi32(_mm_srai_epi32(x, 31), _MM_SHUFFLE(3, 3, 1, 1));
  return detail::from_m128i(_mm_sub_epi64(_mm_xor_si128(x, sign), sign));
#else
  return detail::map_lanes<uint64_t>(a, detail::abs_lane<uint64_t>);
#endif
}
inline V128 i64x2_neg(const V128& a) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_sub_epi64(_mm_setzero_si128(), detail::to_m128i(a)));
#else
  return detail::map_lanes<uint64_t>(a,
                                     [](uint64_t x) { return detail::wrap_sub<uint64_t>(0, x); });
#endif
}
inline V128 i64x2_add(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_add_epi64(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint64_t>(a, b, detail::wrap_add<uint64_t>);
#endif
}
inline V128 i64x2_sub(const V128& a, const V128& b) {
#if WEFT_SIMD_SSE2
  return detail::from_m128i(_mm_sub_epi64(detail::to_m128i(a), detail::to_m128i(b)));
#else
  return detail::zip_lanes<uint64_t>(a, b, detail::wrap_sub<uint64_t>);
#endif
}
inline V128 i64x2_mul(const V128& a, const V128& b) {
  return detail::zip_lanes<uint64_t>(a, b, detail::wrap_mul<uint64_t>);
}
inline V128 i64x2_shl(const V128& a, uint32_t count) {
#if WEFT_SIMD_SSE2
  const __m128i n = _mm_cvtsi32_si128(static_cast<int>(detail::shift_count<uint64_t>(count)));
  return detail::from_m128i(_mm_sll_epi64(detail::to_m128i(a), n));
#else
  return detail::shl<uint64_t>(a, count);
#endif
}
// SSE has no 64-bit arithmetic right shift before AVX-512.
inline V128 i64x2_shr_s(const V128& a, uint32_t count) {
  return detail::shr_s<uint64_t>(a, count);
}
inline V128 i64x2_shr_u(const V128& a, uint32_t count) {
#if WEFT_SIMD_SSE2
  const __m128i n = _mm_cvtsi32_si128(static_cast<int>(detail::shift_count<uint64_t>(count)));
  return detail::from_m128i(_mm_srl_epi64(detail::to_m128i(a), n));
#else
  return detail::shr_u<uint64_t>(a, count);
#endif
}
inline V128 i64x2_extend_low_i32x4_s(const V128& a) {
#if WEFT_SIMD_SSE2
  return impl::extend_sse2<uint32_t, true, false>(a);
#else
  return detail::extend<uint64_t, uint32_t, true>(a, 0);
#endif
}
inline V128 i64x2_extend_high_i32x4_s(const V128& a) {
#if WEFT_SIMD_SSE2
  return impl::extend_sse2<uint32_t, true, true>(a);
#else
  return detail::extend<uint64_t, uint32_t, true>(a, 2);
#endif
}
inline V128 i64x2_extend_low_i32x4_u(const V128& a) {
#if WEFT_SIMD_SSE2
  return impl::extend_sse2<uint32_t, false, false>(a);
#else
  return detail::extend<uint64_t, uint32_t, false>(a, 0);
#endif
}
inline V128 i64x2_extend_high_i32x4_u(const V128& a) {
#if WEFT_SIMD_SSE2
  return impl::extend_sse2<uint32_t, false, true>(a);
#else
  return detail::extend<uint64_t, uint32_t, false>(a, 2);
#endif
}
inline V128 i64x2_extmul_low_i32x4_s(const V128& a, const V128& b) {
  return detail::extmul<uint64_t, uint32_t, true>(a, b, 0);
}
inline V128 i64x2_extmul_high_i32x4_s(const V128& a, const V128& b) {
  return detail::extmul<uint64_t, uint32_t, true>(a, b, 2);
}
inline V128 i64x2_extmul_low_i32x4_u(const V128& a, const V128& b) {
  return detail::extmul<uint64_t, uint32_t, false>(a, b, 0);
}
inline V128 i64x2_extmul_high_i32x4_u(const V128& a, const V128& b) {
  return detail::extmul<uint64_t, uint32_t, false>(a, b, 2);
}

}  // namespace WEFT_SIMD_IMPL
}  // namespace weft::interp::ops
