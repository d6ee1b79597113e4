// IEEE 754 bit layout of f32 and f64 held as raw bits, and the WebAssembly NaN classes.
//
// The interpreter keeps floats as their bit patterns (uint32_t / uint64_t) so that a signalling
// NaN is never altered by moving it around; only arithmetic converts to float/double, and only
// for the duration of the one hardware instruction that implements it.
#pragma once

#include <bit>
#include <cstdint>

namespace weft::interp::ops {

template <typename Bits>
struct FloatLayout;

template <>
struct FloatLayout<uint32_t> {
  using Float = float;
  static constexpr int kMantissaBits = 23;
  static constexpr uint32_t kSignBit = 0x8000'0000u;
  static constexpr uint32_t kExponentMask = 0x7f80'0000u;
  static constexpr uint32_t kMantissaMask = 0x007f'ffffu;
  static constexpr uint32_t kQuietBit = 0x0040'0000u;
  static constexpr uint32_t kCanonicalNaN = 0x7fc0'0000u;  // positive; the sign is free
};

template <>
struct FloatLayout<uint64_t> {
  using Float = double;
  static constexpr int kMantissaBits = 52;
  static constexpr uint64_t kSignBit = 0x8000'0000'0000'0000u;
  static constexpr uint64_t kExponentMask = 0x7ff0'0000'0000'0000u;
  static constexpr uint64_t kMantissaMask = 0x000f'ffff'ffff'ffffu;
  static constexpr uint64_t kQuietBit = 0x0008'0000'0000'0000u;
  static constexpr uint64_t kCanonicalNaN = 0x7ff8'0000'0000'0000u;
};

template <typename Bits>
constexpr bool is_nan_bits(Bits b) {
  using L = FloatLayout<Bits>;
  return (b & ~L::kSignBit) > L::kExponentMask;
}

// nan:canonical in the spec suite: a NaN whose payload is exactly the quiet bit, either sign.
template <typename Bits>
constexpr bool is_canonical_nan(Bits b) {
  using L = FloatLayout<Bits>;
  return (b & ~L::kSignBit) == L::kCanonicalNaN;
}

// nan:arithmetic in the spec suite: a NaN with the quiet bit set, any other payload, either sign.
template <typename Bits>
constexpr bool is_arithmetic_nan(Bits b) {
  using L = FloatLayout<Bits>;
  return (b & (L::kExponentMask | L::kQuietBit)) == (L::kExponentMask | L::kQuietBit);
}

// Setting the quiet bit keeps a canonical NaN canonical and makes any other NaN arithmetic,
// which is exactly what the spec's NaN propagation allows for a one-input operation.
template <typename Bits>
constexpr Bits quiet_nan(Bits nan) {
  return nan | FloatLayout<Bits>::kQuietBit;
}

constexpr float f32_from_bits(uint32_t b) {
  return std::bit_cast<float>(b);
}
constexpr double f64_from_bits(uint64_t b) {
  return std::bit_cast<double>(b);
}
constexpr uint32_t f32_to_bits(float f) {
  return std::bit_cast<uint32_t>(f);
}
constexpr uint64_t f64_to_bits(double d) {
  return std::bit_cast<uint64_t>(d);
}

}  // namespace weft::interp::ops
