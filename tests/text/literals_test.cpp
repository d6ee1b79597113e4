#include "text/literals.hpp"

#include <gtest/gtest.h>

namespace weft::text {
namespace {

using S = LiteralStatus;

uint64_t int_bits(std::string_view s, unsigned bits) {
  uint64_t v = 0;
  EXPECT_EQ(parse_int(s, bits, v), S::Ok) << s;
  return v;
}
uint32_t f32(std::string_view s) {
  uint32_t v = 0;
  EXPECT_EQ(parse_f32(s, v), S::Ok) << s;
  return v;
}
uint64_t f64(std::string_view s) {
  uint64_t v = 0;
  EXPECT_EQ(parse_f64(s, v), S::Ok) << s;
  return v;
}
S f32_status(std::string_view s) {
  uint32_t v = 0;
  return parse_f32(s, v);
}
S f64_status(std::string_view s) {
  uint64_t v = 0;
  return parse_f64(s, v);
}
S int_status(std::string_view s, unsigned bits) {
  uint64_t v = 0;
  return parse_int(s, bits, v);
}

TEST(IntLiterals, DecimalHexSignsAndSeparators) {
  EXPECT_EQ(int_bits("0", 32), 0u);
  EXPECT_EQ(int_bits("+42", 32), 42u);
  EXPECT_EQ(int_bits("-1", 32), 0xffffffffu);
  EXPECT_EQ(int_bits("0xFFFF_ffff", 32), 0xffffffffu);
  EXPECT_EQ(int_bits("-0x8000_0000", 32), 0x80000000u);
  EXPECT_EQ(int_bits("1_000_000", 32), 1000000u);
  EXPECT_EQ(int_bits("18446744073709551615", 64), ~uint64_t{0});
  EXPECT_EQ(int_bits("-9223372036854775808", 64), uint64_t{1} << 63);
  EXPECT_EQ(int_bits("-128", 8), 0x80u);
  EXPECT_EQ(int_bits("255", 8), 0xffu);
}

TEST(IntLiterals, RangeAndShape) {
  EXPECT_EQ(int_status("4294967296", 32), S::OutOfRange);
  EXPECT_EQ(int_status("-2147483649", 32), S::OutOfRange);
  EXPECT_EQ(int_status("0x10000000000000000", 64), S::OutOfRange);
  EXPECT_EQ(int_status("-0x8000000000000001", 64), S::OutOfRange);
  EXPECT_EQ(int_status("256", 8), S::OutOfRange);
  for (const char* bad : {"", "0x", "1x", "0xg", "_1", "1_", "1__0", "0x_1", "--1", "1.0", "nan"}) {
    EXPECT_EQ(int_status(bad, 32), S::NotANumber) << bad;
  }
  uint64_t v = 0;
  EXPECT_EQ(parse_nat("-1", UINT32_MAX, v), S::NotANumber);
  EXPECT_EQ(parse_nat("+1", UINT32_MAX, v), S::NotANumber);
  EXPECT_EQ(parse_nat("0x1_0000_0000", UINT32_MAX, v), S::OutOfRange);
  EXPECT_EQ(parse_nat("0x10", UINT32_MAX, v), S::Ok);
  EXPECT_EQ(v, 16u);
}

TEST(FloatLiterals, DecimalAndHexForms) {
  EXPECT_EQ(f32("0"), 0u);
  EXPECT_EQ(f32("-0"), 0x80000000u);
  EXPECT_EQ(f32("1"), 0x3f800000u);
  EXPECT_EQ(f32("1."), 0x3f800000u);
  EXPECT_EQ(f32("1.5e0"), 0x3fc00000u);
  EXPECT_EQ(f32("1.e1"), 0x41200000u);
  EXPECT_EQ(f32("0x10"), 0x41800000u);
  EXPECT_EQ(f32("0x1p-1"), 0x3f000000u);
  EXPECT_EQ(f32("0x1.p1"), 0x40000000u);
  EXPECT_EQ(f32("0x1.8P+1"), 0x40400000u);
  EXPECT_EQ(f32("1_000.000_1"), f32("1000.0001"));
  EXPECT_EQ(f64("0x1.fffffffffffffp1023"), 0x7fefffffffffffffu);
  EXPECT_EQ(f64("1e-10"), 0x3ddb7cdfd9d7bdbbu);
}

TEST(FloatLiterals, RoundToNearestEven) {
  // Halfway between 1 and the next f32: ties to even (down); just above: up.
  EXPECT_EQ(f32("0x1.000001p0"), 0x3f800000u);
  EXPECT_EQ(f32("0x1.000003p0"), 0x3f800002u);
  EXPECT_EQ(f32("0x1.00000100000000000001p0"), 0x3f800001u);
  EXPECT_EQ(f32("+0x1.00000100000000000p-50"), f32("0x1p-50"));
  EXPECT_EQ(f32("1.000000059604644775390625"), 0x3f800000u);
  EXPECT_EQ(f32("1.00000005960464477539062501"), 0x3f800001u);
  EXPECT_EQ(f64("0x1.00000000000008p0"), 0x3ff0000000000000u);
  EXPECT_EQ(f64("0x1.00000000000018p0"), 0x3ff0000000000002u);
}

TEST(FloatLiterals, SubnormalsAndUnderflow) {
  EXPECT_EQ(f32("0x1p-149"), 1u);
  EXPECT_EQ(f32("0x1p-150"), 0u);  // tie to even: zero
  EXPECT_EQ(f32("0x1.000001p-150"), 1u);
  EXPECT_EQ(f32("-0x1p-160"), 0x80000000u);
  EXPECT_EQ(f32("1e-50"), 0u);
  EXPECT_EQ(f64("4.9406564584124654e-324"), 1u);
  EXPECT_EQ(f64("1e-400"), 0u);
  EXPECT_EQ(f64("0x0.0000000000001p-1022"), 1u);
  // Far below the smallest subnormal, written without an exponent: zero, not out of range.
  const std::string tiny = "0." + std::string(400, '0') + "1";
  EXPECT_EQ(f64(tiny), 0u);
  EXPECT_EQ(f64("-" + tiny), uint64_t{1} << 63);
  const std::string huge = "1" + std::string(400, '0');
  EXPECT_EQ(f64_status(huge), S::OutOfRange);
}

TEST(FloatLiterals, OverflowIsOutOfRange) {
  EXPECT_EQ(f32("0x1.fffffefffffffffffffp127"), 0x7f7fffffu);
  EXPECT_EQ(f32_status("0x1.ffffffp127"), S::OutOfRange);
  EXPECT_EQ(f32_status("0x1p128"), S::OutOfRange);
  EXPECT_EQ(f32_status("-1e39"), S::OutOfRange);
  EXPECT_EQ(f32("340282356779733623858607532500980858880"), 0x7f7fffffu);
  EXPECT_EQ(f32_status("340282356779733661637539395458142568448"), S::OutOfRange);
  EXPECT_EQ(f64_status("0x1p1024"), S::OutOfRange);
  EXPECT_EQ(f64_status("1e309"), S::OutOfRange);
  EXPECT_EQ(f64_status("1e99999999999999999999"), S::OutOfRange);
  EXPECT_EQ(f64("1e-99999999999999999999"), 0u);
}

TEST(FloatLiterals, InfinityAndNan) {
  EXPECT_EQ(f32("inf"), 0x7f800000u);
  EXPECT_EQ(f32("-inf"), 0xff800000u);
  EXPECT_EQ(f32("nan"), 0x7fc00000u);
  EXPECT_EQ(f32("-nan"), 0xffc00000u);
  EXPECT_EQ(f32("nan:0x1"), 0x7f800001u);
  EXPECT_EQ(f32("nan:0x7f_ffff"), 0x7fffffffu);
  EXPECT_EQ(f64("-nan:0xf_ffff_ffff_ffff"), 0xffffffffffffffffu);
  EXPECT_EQ(f32_status("nan:0x0"), S::OutOfRange);
  EXPECT_EQ(f32_status("nan:0x80_0000"), S::OutOfRange);
  EXPECT_EQ(f64_status("nan:0x10_0000_0000_0000"), S::OutOfRange);
  EXPECT_EQ(f32_status("nan:1"), S::NotANumber);
  EXPECT_EQ(f32_status("nan:canonical"), S::NotANumber);
}

TEST(FloatLiterals, MalformedShapes) {
  for (const char* bad : {".0",  ".0e0", "0e",    "0e+",  "0.0e",  "0.0e-",    "0x",     "1x",
                          "0xg", "0x.",  "0x0.g", "0x0p", "0x0p+", "0x0p-",    "0x0.0p", "0x0pA",
                          "1_",  "_1",   "1._0",  "1e_1", "0x_1",  "infinity", "++1",    ""}) {
    EXPECT_EQ(f32_status(bad), S::NotANumber) << bad;
    EXPECT_EQ(f64_status(bad), S::NotANumber) << bad;
  }
}

}  // namespace
}  // namespace weft::text
