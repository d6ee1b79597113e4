// Float instruction semantics on raw bits, with edge cases from the spec suite's f32.wast,
// f64.wast, f32_bitwise.wast, f32_cmp.wast and float_misc.wast (and their f64 twins).
#include <gtest/gtest.h>

#include <cstdint>

#include "interp/ops/float_ops.hpp"

namespace weft::interp::ops {
namespace {

uint32_t F(float x) {
  return f32_to_bits(x);
}
uint64_t D(double x) {
  return f64_to_bits(x);
}

constexpr uint32_t kF32Nan = 0x7fc0'0000u;          // canonical
constexpr uint32_t kF32NegNan = 0xffc0'0000u;       // canonical, negative
constexpr uint32_t kF32QNanPayload = 0x7fe0'0000u;  // quiet, non-canonical payload
constexpr uint32_t kF32SNan = 0x7fa0'0000u;         // signalling (quiet bit clear)
constexpr uint64_t kF64Nan = 0x7ff8'0000'0000'0000u;
constexpr uint64_t kF64SNan = 0x7ff4'0000'0000'0000u;
constexpr uint64_t kF64QNanPayload = 0x7ffc'0000'0000'0000u;

constexpr uint32_t kF32Inf = 0x7f80'0000u;
constexpr uint64_t kF64Inf = 0x7ff0'0000'0000'0000u;
constexpr uint32_t kF32NegZero = 0x8000'0000u;
constexpr uint64_t kF64NegZero = 0x8000'0000'0000'0000u;

TEST(OpsFloat, NanClassification) {
  EXPECT_TRUE(is_canonical_nan(kF32Nan));
  EXPECT_TRUE(is_canonical_nan(kF32NegNan));
  EXPECT_FALSE(is_canonical_nan(kF32QNanPayload));
  EXPECT_TRUE(is_arithmetic_nan(kF32QNanPayload));
  EXPECT_FALSE(is_arithmetic_nan(kF32SNan));
  EXPECT_TRUE(is_nan_bits(kF32SNan));
  EXPECT_FALSE(is_nan_bits(kF32Inf));
  EXPECT_TRUE(is_canonical_nan(kF64Nan));
  EXPECT_FALSE(is_arithmetic_nan(kF64SNan));
  EXPECT_FALSE(is_nan_bits(kF64Inf));
}

TEST(OpsFloat, ArithmeticRoundsToNearestEven) {
  EXPECT_EQ(f32_add(F(1.0f), F(0x1p-24f)), F(1.0f));
  EXPECT_EQ(f32_add(F(1.0f), F(0x1.000002p-24f)), F(0x1.000002p+0f));
  EXPECT_EQ(f32_add(F(0x1.000002p+23f), F(0.5f)), F(0x1.000004p+23f));
  EXPECT_EQ(f32_add(F(0x1p-149f), F(0x1.fffffcp-127f)), F(0x1p-126f));
  EXPECT_EQ(f64_add(D(1.0), D(0x1p-53)), D(1.0));
  EXPECT_EQ(f64_add(D(0x1p+63), D(1024.25)), D(0x1.0000000000001p+63));
  EXPECT_EQ(f64_add(D(9007199254740992.0), D(1.00001)), D(9007199254740994.0));
  EXPECT_EQ(f32_sub(F(0x1.000002p+0f), F(0x1p-24f)), F(1.0f));
  EXPECT_EQ(f64_sub(D(1.0), D(1.0)), D(0.0));                   // x - x is +0 in round-to-nearest
  EXPECT_EQ(f32_mul(F(0x1p-126f), F(0x1p-23f)), F(0x1p-149f));  // subnormals are not flushed
  EXPECT_EQ(f32_mul(F(0x1p-149f), F(0.5f)), F(0.0f));
  EXPECT_EQ(f64_mul(D(1e200), D(1e200)), kF64Inf);
  EXPECT_EQ(f32_div(F(1.0f), F(3.0f)), F(0x1.555556p-2f));
  EXPECT_EQ(f64_div(D(1.0), D(-0.0)), kF64Inf | kF64NegZero);
  EXPECT_EQ(f32_sqrt(F(2.0f)), F(0x1.6a09e6p+0f));
  EXPECT_EQ(f64_sqrt(D(2.0)), D(0x1.6a09e667f3bcdp+0));
  EXPECT_EQ(f32_sqrt(kF32NegZero), kF32NegZero);
  EXPECT_EQ(f64_sqrt(kF64Inf), kF64Inf);
}

TEST(OpsFloat, MultiplyThenAddIsNeverFused) {
  // x*x = 1 + 2^-27 + 2^-56, whose last term rounds away; a fused multiply-add would keep it.
  const uint64_t x = D(1.0 + 0x1p-28);
  EXPECT_EQ(f64_sub(f64_mul(x, x), D(1.0 + 0x1p-27)), D(0.0));
  const uint32_t y = F(1.0f + 0x1p-13f);
  EXPECT_EQ(f32_sub(f32_mul(y, y), F(1.0f + 0x1p-12f)), F(0.0f));
}

// Operands pass through a volatile so that the compiler cannot see them: with a constant operand
// LLVM may fold x * 1.0 or x - 0.0 to x and hand back a signalling NaN unquieted. An interpreter's
// operands are never compile-time constants, so only tests need this.
template <typename T>
T Opaque(T v) {
  volatile T hidden = v;
  return hidden;
}

TEST(OpsFloat, ArithmeticNanPropagation) {
  const uint32_t one = Opaque(F(1.0f)), zero = Opaque(F(0.0f)), inf = Opaque(kF32Inf);
  const uint32_t nan = Opaque(kF32Nan), snan = Opaque(kF32SNan);
  const uint32_t qnan = Opaque(kF32QNanPayload), neg_nan = Opaque(kF32NegNan);
  // Invalid operations produce a canonical NaN.
  EXPECT_TRUE(is_canonical_nan(f32_sub(inf, inf)));
  EXPECT_TRUE(is_canonical_nan(f32_mul(inf, zero)));
  EXPECT_TRUE(is_canonical_nan(f32_div(zero, f32_neg(zero))));
  EXPECT_TRUE(is_canonical_nan(f32_sqrt(f32_neg(one))));
  // A canonical NaN input gives a canonical NaN; any other NaN input an arithmetic one.
  EXPECT_TRUE(is_canonical_nan(f32_add(nan, one)));
  EXPECT_TRUE(is_canonical_nan(f32_mul(one, neg_nan)));
  EXPECT_TRUE(is_canonical_nan(f32_sqrt(neg_nan)));
  EXPECT_TRUE(is_arithmetic_nan(f32_add(snan, one)));
  EXPECT_TRUE(is_arithmetic_nan(f32_sub(snan, zero)));
  EXPECT_TRUE(is_arithmetic_nan(f32_mul(snan, one)));
  EXPECT_TRUE(is_arithmetic_nan(f32_div(one, snan)));
  EXPECT_TRUE(is_arithmetic_nan(f32_sqrt(snan)));
  EXPECT_TRUE(is_arithmetic_nan(f32_sub(qnan, snan)));

  const uint64_t d_one = Opaque(D(1.0)), d_zero = Opaque(D(0.0)), d_inf = Opaque(kF64Inf);
  const uint64_t d_nan = Opaque(kF64Nan), d_snan = Opaque(kF64SNan);
  const uint64_t d_qnan = Opaque(kF64QNanPayload);
  EXPECT_TRUE(is_canonical_nan(f64_add(d_inf, f64_neg(d_inf))));
  EXPECT_TRUE(is_canonical_nan(f64_sqrt(Opaque(D(-0x1p-1074)))));
  EXPECT_TRUE(is_canonical_nan(f64_div(d_zero, d_zero)));
  EXPECT_TRUE(is_canonical_nan(f64_sub(d_nan, d_one)));
  EXPECT_TRUE(is_arithmetic_nan(f64_add(d_snan, d_zero)));
  EXPECT_TRUE(is_arithmetic_nan(f64_mul(d_snan, d_one)));
  EXPECT_TRUE(is_arithmetic_nan(f64_div(d_snan, d_one)));
  EXPECT_TRUE(is_arithmetic_nan(f64_sqrt(d_snan)));
  EXPECT_TRUE(is_arithmetic_nan(f64_div(d_qnan, d_zero)));
}

TEST(OpsFloat, MinMaxOrderSignedZerosAndPropagateNan) {
  EXPECT_EQ(f32_min(F(0.0f), kF32NegZero), kF32NegZero);
  EXPECT_EQ(f32_min(kF32NegZero, F(0.0f)), kF32NegZero);
  EXPECT_EQ(f32_max(F(0.0f), kF32NegZero), F(0.0f));
  EXPECT_EQ(f32_max(kF32NegZero, F(0.0f)), F(0.0f));
  EXPECT_EQ(f64_min(D(0.0), kF64NegZero), kF64NegZero);
  EXPECT_EQ(f64_max(kF64NegZero, D(0.0)), D(0.0));
  EXPECT_EQ(f32_min(F(-1.0f), F(0x1p-149f)), F(-1.0f));
  EXPECT_EQ(f32_max(kF32Inf | kF32NegZero, F(-1.0f)), F(-1.0f));
  EXPECT_EQ(f64_min(D(2.5), D(2.5)), D(2.5));
  EXPECT_EQ(f64_max(kF64Inf, D(1e308)), kF64Inf);
  for (uint32_t nan : {kF32Nan, kF32NegNan}) {
    EXPECT_TRUE(is_canonical_nan(f32_min(nan, F(1.0f))));
    EXPECT_TRUE(is_canonical_nan(f32_max(F(-0.0f), nan)));
    EXPECT_TRUE(is_canonical_nan(f32_min(nan, nan)));
  }
  EXPECT_TRUE(is_arithmetic_nan(f32_min(kF32SNan, F(1.0f))));
  EXPECT_TRUE(is_arithmetic_nan(f32_max(kF32Inf, kF32SNan)));
  EXPECT_TRUE(is_arithmetic_nan(f32_max(kF32QNanPayload, kF32QNanPayload)));
  EXPECT_TRUE(is_canonical_nan(f64_min(kF64Nan, kF64Inf)));
  EXPECT_TRUE(is_arithmetic_nan(f64_max(D(0.0), kF64SNan)));
}

TEST(OpsFloat, SignOperationsKeepNanPayloads) {
  EXPECT_EQ(f32_abs(kF32SNan | kF32NegZero), kF32SNan);
  EXPECT_EQ(f32_neg(kF32SNan), kF32SNan | kF32NegZero);
  EXPECT_EQ(f32_neg(kF32NegZero), F(0.0f));
  EXPECT_EQ(f32_abs(F(-0x1p-149f)), F(0x1p-149f));
  EXPECT_EQ(f32_copysign(kF32SNan, F(-0.0f)), kF32SNan | kF32NegZero);
  EXPECT_EQ(f32_copysign(F(1.5f), kF32NegNan), F(-1.5f));
  EXPECT_EQ(f32_copysign(F(-1.5f), kF32Nan), F(1.5f));
  EXPECT_EQ(f64_abs(kF64SNan | kF64NegZero), kF64SNan);
  EXPECT_EQ(f64_neg(kF64QNanPayload), kF64QNanPayload | kF64NegZero);
  EXPECT_EQ(f64_copysign(kF64SNan, kF64NegZero), kF64SNan | kF64NegZero);
  EXPECT_EQ(f64_copysign(D(-0x1p-1074), D(0.0)), D(0x1p-1074));
}

TEST(OpsFloat, RoundingKeepsTheSignOfZero) {
  EXPECT_EQ(f32_ceil(F(-0.5f)), kF32NegZero);
  EXPECT_EQ(f32_ceil(F(0x1p-149f)), F(1.0f));
  EXPECT_EQ(f32_floor(F(-0.0f)), kF32NegZero);
  EXPECT_EQ(f32_floor(F(-0x1p-149f)), F(-1.0f));
  EXPECT_EQ(f32_trunc(F(-0.9f)), kF32NegZero);
  EXPECT_EQ(f32_nearest(F(-0.5f)), kF32NegZero);
  EXPECT_EQ(f32_nearest(F(0x1.fffffep-2f)), F(0.0f));
  EXPECT_EQ(f64_ceil(D(-0.5)), kF64NegZero);
  EXPECT_EQ(f64_floor(D(-0x1p-1074)), D(-1.0));
  EXPECT_EQ(f64_trunc(D(-0.9)), kF64NegZero);
  EXPECT_EQ(f64_nearest(D(-0.5)), kF64NegZero);
}

TEST(OpsFloat, RoundingAtTheEdgeOfTheIntegers) {
  EXPECT_EQ(f32_ceil(F(0x1.fffffep+22f)), F(0x1p+23f));
  EXPECT_EQ(f32_ceil(F(-0x1.fffffep+22f)), F(-0x1.fffffcp+22f));
  EXPECT_EQ(f32_ceil(F(0x1.fffffep+23f)), F(0x1.fffffep+23f));
  EXPECT_EQ(f32_floor(F(-0x1.fffffep+22f)), F(-0x1p+23f));
  EXPECT_EQ(f32_floor(F(88607.0f)), F(88607.0f));
  EXPECT_EQ(f32_trunc(F(0x1.fffffep+22f)), F(0x1.fffffcp+22f));
  EXPECT_EQ(f64_ceil(D(0x1.fffffffffffffp+51)), D(0x1p+52));
  EXPECT_EQ(f64_floor(D(-0x1.fffffffffffffp+51)), D(-0x1p+52));
  EXPECT_EQ(f64_trunc(D(-0x1.fffffffffffffp+51)), D(-0x1.ffffffffffffep+51));
  EXPECT_EQ(f32_ceil(kF32Inf), kF32Inf);
  EXPECT_EQ(f64_floor(kF64Inf | kF64NegZero), kF64Inf | kF64NegZero);
}

TEST(OpsFloat, NearestRoundsHalfToEven) {
  EXPECT_EQ(f32_nearest(F(0.5f)), F(0.0f));
  EXPECT_EQ(f32_nearest(F(1.5f)), F(2.0f));
  EXPECT_EQ(f32_nearest(F(2.5f)), F(2.0f));
  EXPECT_EQ(f32_nearest(F(4.5f)), F(4.0f));
  EXPECT_EQ(f32_nearest(F(-3.5f)), F(-4.0f));
  EXPECT_EQ(f32_nearest(F(-4.5f)), F(-4.0f));
  EXPECT_EQ(f32_nearest(F(0x1.fffffep+22f)), F(0x1p+23f));
  EXPECT_EQ(f32_nearest(F(0x1.000002p+23f)), F(0x1.000002p+23f));
  EXPECT_EQ(f32_nearest(F(0x1.fffffep+47f)), F(0x1.fffffep+47f));
  EXPECT_EQ(f64_nearest(D(4.5)), D(4.0));
  EXPECT_EQ(f64_nearest(D(-3.5)), D(-4.0));
  EXPECT_EQ(f64_nearest(D(0x1.fffffffffffffp+51)), D(0x1p+52));
  EXPECT_EQ(f64_nearest(D(0x1.0000000000001p+52)), D(0x1.0000000000001p+52));
  EXPECT_EQ(f64_nearest(D(0x1.fffffffffffffp-2)), D(0.0));
}

TEST(OpsFloat, RoundingQuietsNanInputs) {
  for (auto round : {f32_ceil, f32_floor, f32_trunc, f32_nearest}) {
    EXPECT_EQ(round(kF32Nan), kF32Nan);
    EXPECT_EQ(round(kF32NegNan), kF32NegNan);
    EXPECT_EQ(round(kF32SNan), kF32SNan | 0x0040'0000u);  // payload kept, quiet bit set
    EXPECT_EQ(round(kF32QNanPayload), kF32QNanPayload);
  }
  for (auto round : {f64_ceil, f64_floor, f64_trunc, f64_nearest}) {
    EXPECT_EQ(round(kF64Nan | kF64NegZero), kF64Nan | kF64NegZero);
    EXPECT_TRUE(is_arithmetic_nan(round(kF64SNan)));
    EXPECT_EQ(round(kF64QNanPayload), kF64QNanPayload);
  }
}

TEST(OpsFloat, ComparisonsAreFalseOnNanExceptNe) {
  for (uint32_t nan : {kF32Nan, kF32NegNan, kF32SNan}) {
    EXPECT_FALSE(f32_eq(nan, nan));
    EXPECT_TRUE(f32_ne(nan, nan));
    EXPECT_FALSE(f32_lt(nan, F(0.0f)));
    EXPECT_FALSE(f32_gt(F(0.0f), nan));
    EXPECT_FALSE(f32_le(nan, kF32Inf));
    EXPECT_FALSE(f32_ge(kF32Inf, nan));
  }
  for (uint64_t nan : {kF64Nan, kF64SNan}) {
    EXPECT_FALSE(f64_eq(nan, nan));
    EXPECT_TRUE(f64_ne(nan, D(1.0)));
    EXPECT_FALSE(f64_lt(D(1.0), nan));
    EXPECT_FALSE(f64_gt(nan, D(1.0)));
    EXPECT_FALSE(f64_le(nan, nan));
    EXPECT_FALSE(f64_ge(nan, nan));
  }
}

TEST(OpsFloat, ComparisonsTreatZerosAsEqual) {
  EXPECT_TRUE(f32_eq(kF32NegZero, F(0.0f)));
  EXPECT_FALSE(f32_ne(kF32NegZero, F(0.0f)));
  EXPECT_FALSE(f32_lt(kF32NegZero, F(0.0f)));
  EXPECT_TRUE(f32_le(F(0.0f), kF32NegZero));
  EXPECT_TRUE(f32_lt(F(0x1p-149f), F(0x1p-148f)));
  EXPECT_TRUE(f32_gt(kF32Inf, F(0x1.fffffep+127f)));
  EXPECT_TRUE(f32_ge(F(-1.0f), kF32Inf | kF32NegZero));
  EXPECT_TRUE(f64_eq(D(0.0), kF64NegZero));
  EXPECT_TRUE(f64_ge(kF64NegZero, D(0.0)));
  EXPECT_FALSE(f64_gt(kF64NegZero, D(0.0)));
  EXPECT_TRUE(f64_lt(D(-0x1p-1074), kF64NegZero));
}

}  // namespace
}  // namespace weft::interp::ops
