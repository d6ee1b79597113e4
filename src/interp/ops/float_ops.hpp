// WebAssembly float instructions (f32.* and f64.*, numeric, same-type) on raw bits.
//
// Naming: the instruction's text name with '.' replaced by '_' (f32.copysign -> f32_copysign).
// f32 values are uint32_t bit patterns and f64 values uint64_t; comparisons return bool.
//
// NaN results follow the spec's propagation rule: if every NaN input is canonical the result is a
// canonical NaN, otherwise an arithmetic NaN (quiet bit set). add/sub/mul/div/sqrt get this from
// IEEE 754 hardware (x86 SSE and AArch64 both return a quieted input NaN or a canonical default
// NaN); min/max return the canonical NaN; ceil/floor/trunc/nearest set the quiet bit of their
// input. abs/neg/copysign touch only the sign bit and keep every NaN payload, signalling or not.
// The project compiles with -ffp-contract=off, so no mul+add pair is ever fused.
//
// Code generation (x86-64 baseline, clang -O2): arithmetic is one SSE instruction; sqrt adds a
// never-taken branch to libm for negative inputs (errno); ceil/floor/trunc/nearest call libm
// (ceilf, roundevenf, ...) unless the build enables SSE4.1, where each becomes one roundss/sd.
#pragma once

#include <cmath>
#include <cstdint>

#include "interp/ops/float_bits.hpp"

// roundeven is round-half-even whatever the rounding mode (clang, GCC 10+; glibc 2.25+).
#if defined(__has_builtin)
#if __has_builtin(__builtin_roundeven) && __has_builtin(__builtin_roundevenf)
#define WEFT_OPS_HAS_ROUNDEVEN 1
#endif
#endif
#ifndef WEFT_OPS_HAS_ROUNDEVEN
#define WEFT_OPS_HAS_ROUNDEVEN 0
#endif

namespace weft::interp::ops {
namespace detail {

template <typename Bits>
using FloatOf = typename FloatLayout<Bits>::Float;

template <typename Bits>
constexpr FloatOf<Bits> to_float(Bits b) {
  return std::bit_cast<FloatOf<Bits>>(b);
}

template <typename Bits>
constexpr Bits to_bits(FloatOf<Bits> f) {
  return std::bit_cast<Bits>(f);
}

template <typename Bits>
constexpr Bits fmin(Bits a, Bits b) {
  const auto x = to_float(a), y = to_float(b);
  if (x < y) return a;
  if (y < x) return b;
  if (x == y) return a | b;  // identical, or -0 and +0: the sign bit set wins
  return FloatLayout<Bits>::kCanonicalNaN;
}

template <typename Bits>
constexpr Bits fmax(Bits a, Bits b) {
  const auto x = to_float(a), y = to_float(b);
  if (x > y) return a;
  if (y > x) return b;
  if (x == y) return a & b;  // identical, or -0 and +0: the sign bit clear wins
  return FloatLayout<Bits>::kCanonicalNaN;
}

template <typename Bits>
constexpr Bits fabs(Bits a) {
  return a & ~FloatLayout<Bits>::kSignBit;
}

template <typename Bits>
constexpr Bits fneg(Bits a) {
  return a ^ FloatLayout<Bits>::kSignBit;
}

template <typename Bits>
constexpr Bits fcopysign(Bits a, Bits b) {
  constexpr Bits kSign = FloatLayout<Bits>::kSignBit;
  return (a & ~kSign) | (b & kSign);
}

// Applies a libm/builtin rounding function to a non-NaN input. A NaN input gets its quiet bit
// set here rather than trusting the library to quiet it.
template <typename Bits, typename Round>
inline Bits round_with(Bits a, Round round) {
  const auto x = to_float(a);
  if (x != x) [[unlikely]]
    return quiet_nan(a);
  return to_bits<Bits>(round(x));
}

template <typename F>
inline F round_half_even(F x) {
#if WEFT_OPS_HAS_ROUNDEVEN
  if constexpr (sizeof(F) == 4) {
    return __builtin_roundevenf(x);
  } else {
    return __builtin_roundeven(x);
  }
#else
  return std::nearbyint(x);  // wasm code always runs in round-to-nearest-even mode
#endif
}

}  // namespace detail

// ---- f32 ----
constexpr uint32_t f32_add(uint32_t a, uint32_t b) {
  return f32_to_bits(f32_from_bits(a) + f32_from_bits(b));
}
constexpr uint32_t f32_sub(uint32_t a, uint32_t b) {
  return f32_to_bits(f32_from_bits(a) - f32_from_bits(b));
}
constexpr uint32_t f32_mul(uint32_t a, uint32_t b) {
  return f32_to_bits(f32_from_bits(a) * f32_from_bits(b));
}
constexpr uint32_t f32_div(uint32_t a, uint32_t b) {
  return f32_to_bits(f32_from_bits(a) / f32_from_bits(b));
}
inline uint32_t f32_sqrt(uint32_t a) {
  return f32_to_bits(std::sqrt(f32_from_bits(a)));
}
constexpr uint32_t f32_min(uint32_t a, uint32_t b) {
  return detail::fmin(a, b);
}
constexpr uint32_t f32_max(uint32_t a, uint32_t b) {
  return detail::fmax(a, b);
}
constexpr uint32_t f32_abs(uint32_t a) {
  return detail::fabs(a);
}
constexpr uint32_t f32_neg(uint32_t a) {
  return detail::fneg(a);
}
constexpr uint32_t f32_copysign(uint32_t a, uint32_t b) {
  return detail::fcopysign(a, b);
}
inline uint32_t f32_ceil(uint32_t a) {
  return detail::round_with(a, [](float x) { return std::ceil(x); });
}
inline uint32_t f32_floor(uint32_t a) {
  return detail::round_with(a, [](float x) { return std::floor(x); });
}
inline uint32_t f32_trunc(uint32_t a) {
  return detail::round_with(a, [](float x) { return std::trunc(x); });
}
inline uint32_t f32_nearest(uint32_t a) {
  return detail::round_with(a, [](float x) { return detail::round_half_even(x); });
}
constexpr bool f32_eq(uint32_t a, uint32_t b) {
  return f32_from_bits(a) == f32_from_bits(b);
}
constexpr bool f32_ne(uint32_t a, uint32_t b) {
  return f32_from_bits(a) != f32_from_bits(b);
}
constexpr bool f32_lt(uint32_t a, uint32_t b) {
  return f32_from_bits(a) < f32_from_bits(b);
}
constexpr bool f32_gt(uint32_t a, uint32_t b) {
  return f32_from_bits(a) > f32_from_bits(b);
}
constexpr bool f32_le(uint32_t a, uint32_t b) {
  return f32_from_bits(a) <= f32_from_bits(b);
}
constexpr bool f32_ge(uint32_t a, uint32_t b) {
  return f32_from_bits(a) >= f32_from_bits(b);
}

// ---- f64 ----
constexpr uint64_t f64_add(uint64_t a, uint64_t b) {
  return f64_to_bits(f64_from_bits(a) + f64_from_bits(b));
}
constexpr uint64_t f64_sub(uint64_t a, uint64_t b) {
  return f64_to_bits(f64_from_bits(a) - f64_from_bits(b));
}
constexpr uint64_t f64_mul(uint64_t a, uint64_t b) {
  return f64_to_bits(f64_from_bits(a) * f64_from_bits(b));
}
constexpr uint64_t f64_div(uint64_t a, uint64_t b) {
  return f64_to_bits(f64_from_bits(a) / f64_from_bits(b));
}
inline uint64_t f64_sqrt(uint64_t a) {
  return f64_to_bits(std::sqrt(f64_from_bits(a)));
}
constexpr uint64_t f64_min(uint64_t a, uint64_t b) {
  return detail::fmin(a, b);
}
constexpr uint64_t f64_max(uint64_t a, uint64_t b) {
  return detail::fmax(a, b);
}
constexpr uint64_t f64_abs(uint64_t a) {
  return detail::fabs(a);
}
constexpr uint64_t f64_neg(uint64_t a) {
  return detail::fneg(a);
}
constexpr uint64_t f64_copysign(uint64_t a, uint64_t b) {
  return detail::fcopysign(a, b);
}
inline uint64_t f64_ceil(uint64_t a) {
  return detail::round_with(a, [](double x) { return std::ceil(x); });
}
inline uint64_t f64_floor(uint64_t a) {
  return detail::round_with(a, [](double x) { return std::floor(x); });
}
inline uint64_t f64_trunc(uint64_t a) {
  return detail::round_with(a, [](double x) { return std::trunc(x); });
}
inline uint64_t f64_nearest(uint64_t a) {
  return detail::round_with(a, [](double x) { return detail::round_half_even(x); });
}
constexpr bool f64_eq(uint64_t a, uint64_t b) {
  return f64_from_bits(a) == f64_from_bits(b);
}
constexpr bool f64_ne(uint64_t a, uint64_t b) {
  return f64_from_bits(a) != f64_from_bits(b);
}
constexpr bool f64_lt(uint64_t a, uint64_t b) {
  return f64_from_bits(a) < f64_from_bits(b);
}
constexpr bool f64_gt(uint64_t a, uint64_t b) {
  return f64_from_bits(a) > f64_from_bits(b);
}
constexpr bool f64_le(uint64_t a, uint64_t b) {
  return f64_from_bits(a) <= f64_from_bits(b);
}
constexpr bool f64_ge(uint64_t a, uint64_t b) {
  return f64_from_bits(a) >= f64_from_bits(b);
}

}  // namespace weft::interp::ops
