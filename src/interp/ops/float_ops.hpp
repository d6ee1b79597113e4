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
// One caveat for tests only: when an operand is a compile-time constant, LLVM may fold x * 1.0,
// x / 1.0 or x - 0.0 to x and so return a signalling NaN unquieted. An interpreter's operands are
// run-time values, so this never happens there; tests hide their constants (see ops_float_test).
//
// Code generation (x86-64, clang -O2): arithmetic is one SSE instruction; sqrt adds a branch,
// taken only for negative or NaN inputs, to libm (for errno); ceil/floor/trunc/nearest are a few
// inline SSE2 instructions, or one roundss/roundsd when the build enables SSE4.1 (frint* on
// AArch64). No function here calls out of line on its fast path.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

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
#if defined(__SSE4_1__) || defined(__aarch64__)
#define WEFT_OPS_HARDWARE_ROUNDING 1
#else
#define WEFT_OPS_HARDWARE_ROUNDING 0
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
constexpr Bits min_bits(Bits a, Bits b) {
  const auto x = to_float(a), y = to_float(b);
  if (x < y) return a;
  if (y < x) return b;
  if (x == y) return a | b;  // identical, or -0 and +0: the sign bit set wins
  return FloatLayout<Bits>::kCanonicalNaN;
}

template <typename Bits>
constexpr Bits max_bits(Bits a, Bits b) {
  const auto x = to_float(a), y = to_float(b);
  if (x > y) return a;
  if (y > x) return b;
  if (x == y) return a & b;  // identical, or -0 and +0: the sign bit clear wins
  return FloatLayout<Bits>::kCanonicalNaN;
}

template <typename Bits>
constexpr Bits abs_bits(Bits a) {
  return a & ~FloatLayout<Bits>::kSignBit;
}

template <typename Bits>
constexpr Bits neg_bits(Bits a) {
  return a ^ FloatLayout<Bits>::kSignBit;
}

template <typename Bits>
constexpr Bits copysign_bits(Bits a, Bits b) {
  constexpr Bits kSign = FloatLayout<Bits>::kSignBit;
  return (a & ~kSign) | (b & kSign);
}

enum class Rounding { Ceil, Floor, Trunc, Nearest };

// With SSE4.1 (roundss/roundsd) or on AArch64 (frint*) each rounding is one instruction.
template <Rounding R, typename F>
inline F round_by_instruction(F x) {
  if constexpr (R == Rounding::Ceil) {
    return std::ceil(x);
  } else if constexpr (R == Rounding::Floor) {
    return std::floor(x);
  } else if constexpr (R == Rounding::Trunc) {
    return std::trunc(x);
  } else if constexpr (!WEFT_OPS_HAS_ROUNDEVEN) {
    return std::nearbyint(x);  // wasm code always runs in round-to-nearest-even mode
  } else if constexpr (sizeof(F) == 4) {
    return __builtin_roundevenf(x);
  } else {
    return __builtin_roundeven(x);
  }
}

// Without those instructions the compilers call libm, and a call in an interpreter handler
// spills every caller-saved register that carries interpreter state. This inline version needs
// only SSE2: for |x| < 2^mantissa_bits, (|x| + 2^m) - 2^m is |x| rounded to an integer in the
// current rounding mode (wasm code always runs in round-to-nearest-even), which is `nearest`;
// the others step by one from it toward their direction. The result takes x's sign, which is
// right for all four (ceil(-0.5) = -0, floor(0.5) = +0). Larger magnitudes are integers already.
template <Rounding R, typename F>
inline F round_by_arithmetic(F x) {
  constexpr F kNoFraction = static_cast<F>(uint64_t{1} << (std::numeric_limits<F>::digits - 1));
  const F magnitude = std::fabs(x);
  if (!(magnitude < kNoFraction)) return x;
  F r = (magnitude + kNoFraction) - kNoFraction;
  if constexpr (R == Rounding::Trunc) {
    if (r > magnitude) r -= F{1};
  } else if constexpr (R == Rounding::Ceil) {
    r = std::copysign(r, x);
    if (r < x) r += F{1};
  } else if constexpr (R == Rounding::Floor) {
    r = std::copysign(r, x);
    if (r > x) r -= F{1};
  }
  return std::copysign(r, x);
}

// A NaN input gets its quiet bit set here (payload kept) rather than trusting the library or the
// instruction to quiet it.
template <Rounding R, typename Bits>
inline Bits round_to_integer(Bits a) {
  const auto x = to_float(a);
  if (x != x) [[unlikely]]
    return quiet_nan(a);
#if WEFT_OPS_HARDWARE_ROUNDING
  return to_bits<Bits>(round_by_instruction<R>(x));
#else
  return to_bits<Bits>(round_by_arithmetic<R>(x));
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
  return detail::min_bits(a, b);
}
constexpr uint32_t f32_max(uint32_t a, uint32_t b) {
  return detail::max_bits(a, b);
}
constexpr uint32_t f32_abs(uint32_t a) {
  return detail::abs_bits(a);
}
constexpr uint32_t f32_neg(uint32_t a) {
  return detail::neg_bits(a);
}
constexpr uint32_t f32_copysign(uint32_t a, uint32_t b) {
  return detail::copysign_bits(a, b);
}
inline uint32_t f32_ceil(uint32_t a) {
  return detail::round_to_integer<detail::Rounding::Ceil>(a);
}
inline uint32_t f32_floor(uint32_t a) {
  return detail::round_to_integer<detail::Rounding::Floor>(a);
}
inline uint32_t f32_trunc(uint32_t a) {
  return detail::round_to_integer<detail::Rounding::Trunc>(a);
}
inline uint32_t f32_nearest(uint32_t a) {
  return detail::round_to_integer<detail::Rounding::Nearest>(a);
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
  return detail::min_bits(a, b);
}
constexpr uint64_t f64_max(uint64_t a, uint64_t b) {
  return detail::max_bits(a, b);
}
constexpr uint64_t f64_abs(uint64_t a) {
  return detail::abs_bits(a);
}
constexpr uint64_t f64_neg(uint64_t a) {
  return detail::neg_bits(a);
}
constexpr uint64_t f64_copysign(uint64_t a, uint64_t b) {
  return detail::copysign_bits(a, b);
}
inline uint64_t f64_ceil(uint64_t a) {
  return detail::round_to_integer<detail::Rounding::Ceil>(a);
}
inline uint64_t f64_floor(uint64_t a) {
  return detail::round_to_integer<detail::Rounding::Floor>(a);
}
inline uint64_t f64_trunc(uint64_t a) {
  return detail::round_to_integer<detail::Rounding::Trunc>(a);
}
inline uint64_t f64_nearest(uint64_t a) {
  return detail::round_to_integer<detail::Rounding::Nearest>(a);
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
