// WebAssembly conversions between number types: float -> integer truncation (trapping and
// saturating), integer -> float conversion, f32 <-> f64, and reinterpretation. The integer-only
// conversions (wrap, extend) are in int_ops.hpp.
//
// Naming: the instruction's text name with '.' replaced by '_' (i32.trunc_f32_s ->
// i32_trunc_f32_s). Values are raw bits as in int_ops.hpp and float_ops.hpp.
#pragma once

#include <bit>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "interp/ops/checked.hpp"
#include "interp/ops/float_bits.hpp"

namespace weft::interp::ops {
namespace detail {

// Whether truncating `x` toward zero gives a value that Int can hold. Only then is the C++ cast
// from F to Int defined, so every float -> integer cast below is guarded by this test.
// The bounds are exact in F: for unsigned targets x must lie in (-1, 2^N); for signed ones in
// [-2^(N-1), 2^(N-1)), widened below to (-2^(N-1) - 1, ...) when F can represent -2^(N-1) - 1
// (f64 -> i32); when it cannot, no value of F lies between the two anyway. NaN fails every test.
template <typename Int, typename F>
constexpr bool truncates_into(F x) {
  constexpr int kBits = std::numeric_limits<Int>::digits + std::is_signed_v<Int>;
  constexpr F kTwoToBitsMinus1 = static_cast<F>(uint64_t{1} << (kBits - 1));
  if constexpr (std::is_unsigned_v<Int>) {
    return x > F{-1} && x < kTwoToBitsMinus1 * F{2};
  } else if constexpr (std::numeric_limits<F>::digits >= kBits) {
    return x > -kTwoToBitsMinus1 - F{1} && x < kTwoToBitsMinus1;
  } else {
    return x >= -kTwoToBitsMinus1 && x < kTwoToBitsMinus1;
  }
}

template <typename Int, typename Bits>
constexpr Checked<std::make_unsigned_t<Int>> trunc(Bits bits) {
  using U = std::make_unsigned_t<Int>;
  const auto x = std::bit_cast<typename FloatLayout<Bits>::Float>(bits);
  if (!truncates_into<Int>(x)) [[unlikely]] {
    return trapped<U>(x != x ? runtime::TrapCode::InvalidConversionToInteger
                             : runtime::TrapCode::IntegerOverflow);
  }
  return value(static_cast<U>(static_cast<Int>(x)));
}

template <typename Int, typename Bits>
constexpr std::make_unsigned_t<Int> trunc_sat(Bits bits) {
  using U = std::make_unsigned_t<Int>;
  const auto x = std::bit_cast<typename FloatLayout<Bits>::Float>(bits);
  if (truncates_into<Int>(x)) [[likely]]
    return static_cast<U>(static_cast<Int>(x));
  if (x != x) return 0;
  return static_cast<U>(x < 0 ? std::numeric_limits<Int>::min() : std::numeric_limits<Int>::max());
}

// Integer -> float: one correctly rounded conversion (round to nearest, ties to even). The
// compilers implement the unsigned and 64-bit cases with a single rounding step too (cvtsi2ss of
// the value halved with its lost bit kept sticky, for u64 -> f32), never by way of double.
template <typename Bits, typename Int>
constexpr Bits convert(Int i) {
  return std::bit_cast<Bits>(static_cast<typename FloatLayout<Bits>::Float>(i));
}

}  // namespace detail

// ---- float -> integer, trapping ----
constexpr Checked<uint32_t> i32_trunc_f32_s(uint32_t a) {
  return detail::trunc<int32_t>(a);
}
constexpr Checked<uint32_t> i32_trunc_f32_u(uint32_t a) {
  return detail::trunc<uint32_t>(a);
}
constexpr Checked<uint32_t> i32_trunc_f64_s(uint64_t a) {
  return detail::trunc<int32_t>(a);
}
constexpr Checked<uint32_t> i32_trunc_f64_u(uint64_t a) {
  return detail::trunc<uint32_t>(a);
}
constexpr Checked<uint64_t> i64_trunc_f32_s(uint32_t a) {
  return detail::trunc<int64_t>(a);
}
constexpr Checked<uint64_t> i64_trunc_f32_u(uint32_t a) {
  return detail::trunc<uint64_t>(a);
}
constexpr Checked<uint64_t> i64_trunc_f64_s(uint64_t a) {
  return detail::trunc<int64_t>(a);
}
constexpr Checked<uint64_t> i64_trunc_f64_u(uint64_t a) {
  return detail::trunc<uint64_t>(a);
}

// ---- float -> integer, saturating (NaN -> 0, out of range -> the nearest bound) ----
constexpr uint32_t i32_trunc_sat_f32_s(uint32_t a) {
  return detail::trunc_sat<int32_t>(a);
}
constexpr uint32_t i32_trunc_sat_f32_u(uint32_t a) {
  return detail::trunc_sat<uint32_t>(a);
}
constexpr uint32_t i32_trunc_sat_f64_s(uint64_t a) {
  return detail::trunc_sat<int32_t>(a);
}
constexpr uint32_t i32_trunc_sat_f64_u(uint64_t a) {
  return detail::trunc_sat<uint32_t>(a);
}
constexpr uint64_t i64_trunc_sat_f32_s(uint32_t a) {
  return detail::trunc_sat<int64_t>(a);
}
constexpr uint64_t i64_trunc_sat_f32_u(uint32_t a) {
  return detail::trunc_sat<uint64_t>(a);
}
constexpr uint64_t i64_trunc_sat_f64_s(uint64_t a) {
  return detail::trunc_sat<int64_t>(a);
}
constexpr uint64_t i64_trunc_sat_f64_u(uint64_t a) {
  return detail::trunc_sat<uint64_t>(a);
}

// ---- integer -> float ----
constexpr uint32_t f32_convert_i32_s(uint32_t a) {
  return detail::convert<uint32_t>(static_cast<int32_t>(a));
}
constexpr uint32_t f32_convert_i32_u(uint32_t a) {
  return detail::convert<uint32_t>(a);
}
constexpr uint32_t f32_convert_i64_s(uint64_t a) {
  return detail::convert<uint32_t>(static_cast<int64_t>(a));
}
constexpr uint32_t f32_convert_i64_u(uint64_t a) {
  return detail::convert<uint32_t>(a);
}
constexpr uint64_t f64_convert_i32_s(uint32_t a) {
  return detail::convert<uint64_t>(static_cast<int32_t>(a));
}
constexpr uint64_t f64_convert_i32_u(uint32_t a) {
  return detail::convert<uint64_t>(a);
}
constexpr uint64_t f64_convert_i64_s(uint64_t a) {
  return detail::convert<uint64_t>(static_cast<int64_t>(a));
}
constexpr uint64_t f64_convert_i64_u(uint64_t a) {
  return detail::convert<uint64_t>(a);
}

// ---- f32 <-> f64 ----
// A NaN is handled in bits (payload kept, shifted, quiet bit forced) instead of trusting the
// conversion instruction or a compiler's constant folding to quiet a signalling NaN: a canonical
// NaN stays canonical and any other NaN becomes arithmetic, as the spec requires.
constexpr uint64_t f64_promote_f32(uint32_t a) {
  using F32 = FloatLayout<uint32_t>;
  using F64 = FloatLayout<uint64_t>;
  if (is_nan_bits(a)) [[unlikely]] {
    const uint64_t sign = static_cast<uint64_t>(a & F32::kSignBit) << 32;
    const uint64_t payload = static_cast<uint64_t>(a & F32::kMantissaMask)
                             << (F64::kMantissaBits - F32::kMantissaBits);
    return sign | F64::kExponentMask | F64::kQuietBit | payload;
  }
  return std::bit_cast<uint64_t>(static_cast<double>(std::bit_cast<float>(a)));
}

constexpr uint32_t f32_demote_f64(uint64_t a) {
  using F32 = FloatLayout<uint32_t>;
  using F64 = FloatLayout<uint64_t>;
  if (is_nan_bits(a)) [[unlikely]] {
    const auto sign = static_cast<uint32_t>((a & F64::kSignBit) >> 32);
    const auto payload = static_cast<uint32_t>((a & F64::kMantissaMask) >>
                                               (F64::kMantissaBits - F32::kMantissaBits));
    return sign | F32::kExponentMask | F32::kQuietBit | payload;
  }
  return std::bit_cast<uint32_t>(static_cast<float>(std::bit_cast<double>(a)));
}

// ---- reinterpretation: the bits are already the representation ----
constexpr uint32_t i32_reinterpret_f32(uint32_t a) {
  return a;
}
constexpr uint64_t i64_reinterpret_f64(uint64_t a) {
  return a;
}
constexpr uint32_t f32_reinterpret_i32(uint32_t a) {
  return a;
}
constexpr uint64_t f64_reinterpret_i64(uint64_t a) {
  return a;
}

}  // namespace weft::interp::ops
