// Conversion semantics: trapping and saturating truncation at their exact boundaries, correctly
// rounded integer -> float conversion, NaN handling of promote/demote, reinterpretation.
// Edge cases from the spec suite's conversions.wast; the rounding of integer -> float is also
// checked against an integer-only reference model on boundary and pseudo-random inputs.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "interp/ops/conversions.hpp"

namespace weft::interp::ops {
namespace {

using runtime::TrapCode;

uint32_t F(float x) {
  return f32_to_bits(x);
}
uint64_t D(double x) {
  return f64_to_bits(x);
}

constexpr uint32_t kF32Inf = 0x7f80'0000u;
constexpr uint64_t kF64Inf = 0x7ff0'0000'0000'0000u;
constexpr uint32_t kF32NaNs[] = {0x7fc0'0000u, 0xffc0'0000u, 0x7fa0'0000u, 0xffa0'0000u,
                                 0x7f80'0001u};
constexpr uint64_t kF64NaNs[] = {0x7ff8'0000'0000'0000u, 0xfff8'0000'0000'0000u,
                                 0x7ff4'0000'0000'0000u, 0x7ff0'0000'0000'0001u};

template <typename T>
::testing::AssertionResult Gives(Checked<T> r, T expected) {
  if (!r.ok()) return ::testing::AssertionFailure() << "trapped " << runtime::trap_message(r.trap);
  if (r.value != expected) return ::testing::AssertionFailure() << "gave " << r.value;
  return ::testing::AssertionSuccess();
}

template <typename T>
::testing::AssertionResult Traps(Checked<T> r, TrapCode code) {
  if (r.trap != code) {
    return ::testing::AssertionFailure() << "expected " << runtime::trap_message(code) << ", got "
                                         << runtime::trap_message(r.trap) << " value " << r.value;
  }
  return ::testing::AssertionSuccess();
}

TEST(OpsConversions, TruncF32ToI32Boundaries) {
  EXPECT_TRUE(Gives(i32_trunc_f32_s(F(-2147483648.0f)), 0x8000'0000u));
  EXPECT_TRUE(Gives(i32_trunc_f32_s(F(2147483520.0f)), 2147483520u));
  EXPECT_TRUE(Gives(i32_trunc_f32_s(F(-1.9f)), 0xffff'ffffu));
  EXPECT_TRUE(Gives(i32_trunc_f32_s(F(-0x1p-149f)), 0u));
  EXPECT_TRUE(Traps(i32_trunc_f32_s(F(2147483648.0f)), TrapCode::IntegerOverflow));
  EXPECT_TRUE(Traps(i32_trunc_f32_s(F(-2147483904.0f)), TrapCode::IntegerOverflow));
  EXPECT_TRUE(Gives(i32_trunc_f32_u(F(4294967040.0f)), 0xffff'ff00u));
  EXPECT_TRUE(Gives(i32_trunc_f32_u(F(-0x1.fffffep-1f)), 0u));
  EXPECT_TRUE(Traps(i32_trunc_f32_u(F(4294967296.0f)), TrapCode::IntegerOverflow));
  EXPECT_TRUE(Traps(i32_trunc_f32_u(F(-1.0f)), TrapCode::IntegerOverflow));
}

TEST(OpsConversions, TruncF64ToI32Boundaries) {
  EXPECT_TRUE(Gives(i32_trunc_f64_s(D(-2147483648.9)), 0x8000'0000u));
  EXPECT_TRUE(Gives(i32_trunc_f64_s(D(2147483647.9)), 0x7fff'ffffu));
  EXPECT_TRUE(Traps(i32_trunc_f64_s(D(2147483648.0)), TrapCode::IntegerOverflow));
  EXPECT_TRUE(Traps(i32_trunc_f64_s(D(-2147483649.0)), TrapCode::IntegerOverflow));
  EXPECT_TRUE(Gives(i32_trunc_f64_u(D(-0.99999)), 0u));
  EXPECT_TRUE(Gives(i32_trunc_f64_u(D(-0x1.fffffffffffffp-1)), 0u));
  EXPECT_TRUE(Gives(i32_trunc_f64_u(D(4294967295.9)), 0xffff'ffffu));
  EXPECT_TRUE(Gives(i32_trunc_f64_u(D(1e8)), 100000000u));
  EXPECT_TRUE(Traps(i32_trunc_f64_u(D(4294967296.0)), TrapCode::IntegerOverflow));
  EXPECT_TRUE(Traps(i32_trunc_f64_u(D(-1.0)), TrapCode::IntegerOverflow));
  EXPECT_TRUE(Traps(i32_trunc_f64_u(D(1e16)), TrapCode::IntegerOverflow));
}

TEST(OpsConversions, TruncToI64Boundaries) {
  constexpr uint64_t kMin = 0x8000'0000'0000'0000u;
  EXPECT_TRUE(Gives(i64_trunc_f32_s(F(-9223372036854775808.0f)), kMin));
  EXPECT_TRUE(Gives(i64_trunc_f32_s(F(9223371487098961920.0f)), uint64_t{9223371487098961920u}));
  EXPECT_TRUE(Traps(i64_trunc_f32_s(F(9223372036854775808.0f)), TrapCode::IntegerOverflow));
  EXPECT_TRUE(Traps(i64_trunc_f32_s(F(-9223373136366403584.0f)), TrapCode::IntegerOverflow));
  EXPECT_TRUE(Gives(i64_trunc_f32_u(F(18446742974197923840.0f)), uint64_t{18446742974197923840u}));
  EXPECT_TRUE(Gives(i64_trunc_f32_u(F(-0x1.fffffep-1f)), uint64_t{0}));
  EXPECT_TRUE(Traps(i64_trunc_f32_u(F(18446744073709551616.0f)), TrapCode::IntegerOverflow));
  EXPECT_TRUE(Gives(i64_trunc_f64_s(D(-9223372036854775808.0)), kMin));
  EXPECT_TRUE(Gives(i64_trunc_f64_s(D(9223372036854774784.0)), uint64_t{9223372036854774784u}));
  EXPECT_TRUE(Traps(i64_trunc_f64_s(D(9223372036854775808.0)), TrapCode::IntegerOverflow));
  EXPECT_TRUE(Traps(i64_trunc_f64_s(D(-9223372036854777856.0)), TrapCode::IntegerOverflow));
  EXPECT_TRUE(Gives(i64_trunc_f64_u(D(18446744073709549568.0)), uint64_t{18446744073709549568u}));
  EXPECT_TRUE(Gives(i64_trunc_f64_u(D(-0.99999)), uint64_t{0}));
  EXPECT_TRUE(Traps(i64_trunc_f64_u(D(18446744073709551616.0)), TrapCode::IntegerOverflow));
  EXPECT_TRUE(Traps(i64_trunc_f64_u(D(-1.0)), TrapCode::IntegerOverflow));
}

TEST(OpsConversions, TruncOfNanIsAnInvalidConversionAndOfInfinityAnOverflow) {
  for (uint32_t nan : kF32NaNs) {
    EXPECT_TRUE(Traps(i32_trunc_f32_s(nan), TrapCode::InvalidConversionToInteger));
    EXPECT_TRUE(Traps(i32_trunc_f32_u(nan), TrapCode::InvalidConversionToInteger));
    EXPECT_TRUE(Traps(i64_trunc_f32_s(nan), TrapCode::InvalidConversionToInteger));
    EXPECT_TRUE(Traps(i64_trunc_f32_u(nan), TrapCode::InvalidConversionToInteger));
  }
  for (uint64_t nan : kF64NaNs) {
    EXPECT_TRUE(Traps(i32_trunc_f64_s(nan), TrapCode::InvalidConversionToInteger));
    EXPECT_TRUE(Traps(i32_trunc_f64_u(nan), TrapCode::InvalidConversionToInteger));
    EXPECT_TRUE(Traps(i64_trunc_f64_s(nan), TrapCode::InvalidConversionToInteger));
    EXPECT_TRUE(Traps(i64_trunc_f64_u(nan), TrapCode::InvalidConversionToInteger));
  }
  for (uint32_t inf : {kF32Inf, kF32Inf | 0x8000'0000u}) {
    EXPECT_TRUE(Traps(i32_trunc_f32_s(inf), TrapCode::IntegerOverflow));
    EXPECT_TRUE(Traps(i64_trunc_f32_u(inf), TrapCode::IntegerOverflow));
  }
  for (uint64_t inf : {kF64Inf, kF64Inf | 0x8000'0000'0000'0000u}) {
    EXPECT_TRUE(Traps(i32_trunc_f64_u(inf), TrapCode::IntegerOverflow));
    EXPECT_TRUE(Traps(i64_trunc_f64_s(inf), TrapCode::IntegerOverflow));
  }
}

// Checks one float -> integer truncation against a wider exact model: the value's trunc() must be
// in [lo, hi] to convert, and then it converts to exactly that.
template <typename Int, typename Fl, typename Op, typename SatOp>
void ExpectMatchesModel(Fl x, Op op, SatOp sat) {
  const long double t = std::trunc(static_cast<long double>(x));
  const auto lo = static_cast<long double>(std::numeric_limits<Int>::min());
  const auto hi = static_cast<long double>(std::numeric_limits<Int>::max());
  const auto r = op(std::bit_cast<std::conditional_t<sizeof(Fl) == 4, uint32_t, uint64_t>>(x));
  const auto s = sat(std::bit_cast<std::conditional_t<sizeof(Fl) == 4, uint32_t, uint64_t>>(x));
  using U = std::make_unsigned_t<Int>;
  if (t >= lo && t <= hi) {
    const auto expected = static_cast<U>(static_cast<Int>(t));
    EXPECT_TRUE(Gives<U>(r, expected)) << std::hexfloat << x;
    EXPECT_EQ(s, expected) << std::hexfloat << x;
  } else {
    EXPECT_TRUE(Traps(r, TrapCode::IntegerOverflow)) << std::hexfloat << x;
    EXPECT_EQ(s, static_cast<U>(t < 0 ? std::numeric_limits<Int>::min()
                                      : std::numeric_limits<Int>::max()))
        << std::hexfloat << x;
  }
}

// Every value within a few ulps of every range boundary converts or overflows as the exact model
// says. (long double holds every f32/f64 value and every 64-bit integer exactly on x86-64.)
TEST(OpsConversions, TruncMatchesExactModelNearEveryBoundary) {
  if (std::numeric_limits<long double>::digits < 64) GTEST_SKIP() << "needs 64-bit long double";
  const double anchors[] = {0.0,          -1.0,          1.0,           2147483647.0,
                            2147483648.0, -2147483648.0, -2147483649.0, 4294967295.0,
                            4294967296.0, 0x1p63,        -0x1p63,       0x1p64};
  for (double anchor : anchors) {
    float f = static_cast<float>(anchor);
    double d = anchor;
    for (int i = 0; i < 6; ++i) f = std::nextafter(f, -INFINITY), d = std::nextafter(d, -INFINITY);
    for (int i = 0; i < 12; ++i) {
      ExpectMatchesModel<int32_t>(f, i32_trunc_f32_s, i32_trunc_sat_f32_s);
      ExpectMatchesModel<uint32_t>(f, i32_trunc_f32_u, i32_trunc_sat_f32_u);
      ExpectMatchesModel<int64_t>(f, i64_trunc_f32_s, i64_trunc_sat_f32_s);
      ExpectMatchesModel<uint64_t>(f, i64_trunc_f32_u, i64_trunc_sat_f32_u);
      ExpectMatchesModel<int32_t>(d, i32_trunc_f64_s, i32_trunc_sat_f64_s);
      ExpectMatchesModel<uint32_t>(d, i32_trunc_f64_u, i32_trunc_sat_f64_u);
      ExpectMatchesModel<int64_t>(d, i64_trunc_f64_s, i64_trunc_sat_f64_s);
      ExpectMatchesModel<uint64_t>(d, i64_trunc_f64_u, i64_trunc_sat_f64_u);
      f = std::nextafter(f, INFINITY);
      d = std::nextafter(d, INFINITY);
    }
  }
  // The f64 -> i32 signed range reaches below -2^31 (any value above -2^31 - 1 truncates into it).
  ExpectMatchesModel<int32_t>(-2147483648.5, i32_trunc_f64_s, i32_trunc_sat_f64_s);
  ExpectMatchesModel<int32_t>(std::nextafter(-2147483649.0, 0.0), i32_trunc_f64_s,
                              i32_trunc_sat_f64_s);
}

TEST(OpsConversions, SaturatingTruncClampsAndMapsNanToZero) {
  EXPECT_EQ(i32_trunc_sat_f32_s(F(2147483648.0f)), 0x7fff'ffffu);
  EXPECT_EQ(i32_trunc_sat_f32_s(F(-2147483904.0f)), 0x8000'0000u);
  EXPECT_EQ(i32_trunc_sat_f32_s(kF32Inf), 0x7fff'ffffu);
  EXPECT_EQ(i32_trunc_sat_f32_u(F(-1.0f)), 0u);
  EXPECT_EQ(i32_trunc_sat_f32_u(kF32Inf), 0xffff'ffffu);
  EXPECT_EQ(i32_trunc_sat_f64_s(D(-2147483649.0)), 0x8000'0000u);
  EXPECT_EQ(i32_trunc_sat_f64_s(D(-2147483648.9)), 0x8000'0000u);
  EXPECT_EQ(i32_trunc_sat_f64_u(D(1e16)), 0xffff'ffffu);
  EXPECT_EQ(i32_trunc_sat_f64_u(D(-0.99999)), 0u);
  EXPECT_EQ(i64_trunc_sat_f32_s(kF32Inf | 0x8000'0000u), 0x8000'0000'0000'0000u);
  EXPECT_EQ(i64_trunc_sat_f32_u(F(18446744073709551616.0f)), 0xffff'ffff'ffff'ffffu);
  EXPECT_EQ(i64_trunc_sat_f64_s(D(9223372036854775808.0)), 0x7fff'ffff'ffff'ffffu);
  EXPECT_EQ(i64_trunc_sat_f64_u(D(-1e300)), 0u);
  for (uint32_t nan : kF32NaNs) {
    EXPECT_EQ(i32_trunc_sat_f32_s(nan), 0u);
    EXPECT_EQ(i32_trunc_sat_f32_u(nan), 0u);
    EXPECT_EQ(i64_trunc_sat_f32_s(nan), 0u);
    EXPECT_EQ(i64_trunc_sat_f32_u(nan), 0u);
  }
  for (uint64_t nan : kF64NaNs) {
    EXPECT_EQ(i32_trunc_sat_f64_s(nan), 0u);
    EXPECT_EQ(i32_trunc_sat_f64_u(nan), 0u);
    EXPECT_EQ(i64_trunc_sat_f64_s(nan), 0u);
    EXPECT_EQ(i64_trunc_sat_f64_u(nan), 0u);
  }
}

TEST(OpsConversions, IntegerToFloatRoundsOnceToNearestEven) {
  EXPECT_EQ(f32_convert_i32_s(16777217), F(16777216.0f));
  EXPECT_EQ(f32_convert_i32_s(static_cast<uint32_t>(-16777219)), F(-16777220.0f));
  EXPECT_EQ(f32_convert_i32_s(0x8000'0000u), F(-2147483648.0f));
  EXPECT_EQ(f32_convert_i32_u(0x8000'0081u), F(0x1.000002p+31f));
  EXPECT_EQ(f32_convert_i32_u(0xffff'fe80u), F(0x1.fffffcp+31f));
  EXPECT_EQ(f32_convert_i32_u(0xffff'ffffu), F(4294967296.0f));
  // Rounding through double first would give 0x1p+53 and 0x1.fffffcp+62 for these two.
  EXPECT_EQ(f32_convert_i64_s(0x0020'0000'2000'0001u), F(0x1.000002p+53f));
  EXPECT_EQ(f32_convert_i64_s(0xffdf'ffff'dfff'ffffu), F(-0x1.000002p+53f));
  EXPECT_EQ(f32_convert_i64_s(0x7fff'ff40'0000'0001u), F(0x1.fffffep+62f));
  EXPECT_EQ(f32_convert_i64_u(0x0020'0000'2000'0001u), F(0x1.000002p+53f));
  EXPECT_EQ(f32_convert_i64_u(0x7fff'ff40'0000'0001u), F(0x1.fffffep+62f));
  EXPECT_EQ(f32_convert_i64_u(0x8000'0080'0000'0001u), F(0x1.000002p+63f));
  EXPECT_EQ(f32_convert_i64_u(0xffff'fe80'0000'0001u), F(0x1.fffffep+63f));
  EXPECT_EQ(f32_convert_i64_u(0xffff'ffff'ffff'ffffu), F(0x1p+64f));
  EXPECT_EQ(f64_convert_i32_u(0xffff'ffffu), D(4294967295.0));
  EXPECT_EQ(f64_convert_i32_s(0x8000'0000u), D(-2147483648.0));
  EXPECT_EQ(f64_convert_i64_s(9007199254740993u), D(9007199254740992.0));
  EXPECT_EQ(f64_convert_i64_s(static_cast<uint64_t>(-9007199254740995)), D(-9007199254740996.0));
  EXPECT_EQ(f64_convert_i64_u(0x8000'0000'0000'0401u), D(0x1.0000000000001p+63));
  EXPECT_EQ(f64_convert_i64_u(0xffff'ffff'ffff'fbffu), D(0x1.fffffffffffffp+63));
  EXPECT_EQ(f64_convert_i64_u(0xffff'ffff'ffff'fc00u), D(0x1p+64));  // the tie goes to even
  EXPECT_EQ(f64_convert_i64_u(0xffff'ffff'ffff'ffffu), D(0x1p+64));
}

// Round-to-nearest-even of an unsigned magnitude to `digits` significant bits, in integers only.
template <typename Fl>
Fl RoundMagnitude(uint64_t v) {
  constexpr int kDigits = std::numeric_limits<Fl>::digits;
  const int width = std::bit_width(v);
  if (width <= kDigits) return static_cast<Fl>(v);  // exact
  int shift = width - kDigits;
  uint64_t mantissa = v >> shift;
  const uint64_t rest = v & ((uint64_t{1} << shift) - 1);
  const uint64_t half = uint64_t{1} << (shift - 1);
  if (rest > half || (rest == half && (mantissa & 1))) ++mantissa;
  return std::ldexp(static_cast<Fl>(mantissa), shift);  // exact: mantissa <= 2^digits
}

template <typename Fl>
Fl RoundSigned(int64_t v) {
  const uint64_t magnitude = v < 0 ? uint64_t{0} - static_cast<uint64_t>(v) : v;
  const Fl m = RoundMagnitude<Fl>(magnitude);
  return v < 0 ? -m : m;
}

TEST(OpsConversions, IntegerToFloatMatchesIntegerReferenceModel) {
  std::vector<uint64_t> inputs;
  // Values around every rounding boundary: a 24/53-bit mantissa followed by a half and sticky bits.
  for (int top = 0; top < 64; ++top) {
    const uint64_t high = uint64_t{1} << top;
    for (uint64_t low : {0ull, 1ull, 2ull, 3ull}) {
      for (int gap : {22, 23, 24, 25, 51, 52, 53, 54}) {
        if (gap >= top) continue;
        const uint64_t half = uint64_t{1} << (top - gap - 1);
        for (uint64_t delta : {half - 1, half, half + 1, 3 * half})
          inputs.push_back(high + delta + low);
      }
      inputs.push_back(high - low);
      inputs.push_back(high + low);
    }
  }
  uint64_t state = 0x9e37'79b9'7f4a'7c15u;  // splitmix64
  for (int i = 0; i < 20000; ++i) {
    state += 0x9e37'79b9'7f4a'7c15u;
    uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xbf58'476d'1ce4'e5b9u;
    z = (z ^ (z >> 27)) * 0x94d0'49bb'1331'11ebu;
    z ^= z >> 31;
    inputs.push_back(z >> (i % 64));
  }
  for (uint64_t v : inputs) {
    const auto s = static_cast<int64_t>(v);
    ASSERT_EQ(f32_convert_i64_u(v), F(RoundMagnitude<float>(v))) << std::hex << v;
    ASSERT_EQ(f64_convert_i64_u(v), D(RoundMagnitude<double>(v))) << std::hex << v;
    ASSERT_EQ(f32_convert_i64_s(v), F(RoundSigned<float>(s))) << std::hex << v;
    ASSERT_EQ(f64_convert_i64_s(v), D(RoundSigned<double>(s))) << std::hex << v;
    const auto w = static_cast<uint32_t>(v);
    ASSERT_EQ(f32_convert_i32_u(w), F(RoundMagnitude<float>(w))) << std::hex << w;
    ASSERT_EQ(f32_convert_i32_s(w), F(RoundSigned<float>(static_cast<int32_t>(w))))
        << std::hex << w;
    ASSERT_EQ(f64_convert_i32_u(w), D(static_cast<double>(w)));
    ASSERT_EQ(f64_convert_i32_s(w), D(static_cast<double>(static_cast<int32_t>(w))));
  }
}

TEST(OpsConversions, PromoteAndDemoteValues) {
  EXPECT_EQ(f64_promote_f32(F(0x1p-149f)), D(0x1p-149));
  EXPECT_EQ(f64_promote_f32(F(-0.0f)), D(-0.0));
  EXPECT_EQ(f64_promote_f32(F(0x1.fffffep+127f)), D(0x1.fffffep+127));
  EXPECT_EQ(f64_promote_f32(kF32Inf), kF64Inf);
  EXPECT_EQ(f32_demote_f64(D(0x1.fffffefffffffp+127)), F(0x1.fffffep+127f));
  EXPECT_EQ(f32_demote_f64(D(0x1.fffffffffffffp+127)), kF32Inf);  // rounds up past the max
  EXPECT_EQ(f32_demote_f64(D(0x1.0000010000000p+0)), F(1.0f));    // tie to even
  EXPECT_EQ(f32_demote_f64(D(0x1.0000030000000p+0)), F(0x1.000004p+0f));
  EXPECT_EQ(f32_demote_f64(D(0x1p-150)), F(0.0f));  // tie to even, into the zero
  EXPECT_EQ(f32_demote_f64(D(0x1.0000000000001p-150)), F(0x1p-149f));
  EXPECT_EQ(f32_demote_f64(D(-0x1p-1074)), F(-0.0f));
  EXPECT_EQ(f32_demote_f64(kF64Inf | 0x8000'0000'0000'0000u), kF32Inf | 0x8000'0000u);
}

TEST(OpsConversions, PromoteAndDemoteNanFollowPropagationRules) {
  EXPECT_EQ(f64_promote_f32(0x7fc0'0000u), 0x7ff8'0000'0000'0000u);
  EXPECT_EQ(f64_promote_f32(0xffc0'0000u), 0xfff8'0000'0000'0000u);
  EXPECT_EQ(f64_promote_f32(0x7fa0'0000u), 0x7ffc'0000'0000'0000u);  // quieted, payload kept
  EXPECT_TRUE(is_arithmetic_nan(f64_promote_f32(0x7f80'0001u)));
  EXPECT_FALSE(is_canonical_nan(f64_promote_f32(0x7f80'0001u)));
  EXPECT_EQ(f32_demote_f64(0x7ff8'0000'0000'0000u), 0x7fc0'0000u);
  EXPECT_EQ(f32_demote_f64(0xfff8'0000'0000'0000u), 0xffc0'0000u);
  EXPECT_EQ(f32_demote_f64(0x7ff4'0000'0000'0000u), 0x7fe0'0000u);
  // A payload only in the low bits that f32 cannot hold still gives a NaN, not infinity.
  EXPECT_TRUE(is_arithmetic_nan(f32_demote_f64(0x7ff0'0000'0000'0001u)));
}

TEST(OpsConversions, ReinterpretCopiesBits) {
  EXPECT_EQ(i32_reinterpret_f32(0x7fa0'0000u), 0x7fa0'0000u);
  EXPECT_EQ(f32_reinterpret_i32(0xffa0'0001u), 0xffa0'0001u);
  EXPECT_EQ(i64_reinterpret_f64(0x7ff4'0000'0000'0001u), 0x7ff4'0000'0000'0001u);
  EXPECT_EQ(f64_reinterpret_i64(0x8000'0000'0000'0000u), 0x8000'0000'0000'0000u);
}

}  // namespace
}  // namespace weft::interp::ops
