// Integer instruction semantics, with edge cases taken from the spec suite's i32.wast / i64.wast.
#include <gtest/gtest.h>

#include <cstdint>

#include "interp/ops/int_ops.hpp"

namespace weft::interp::ops {
namespace {

using runtime::TrapCode;

constexpr uint32_t kI32Min = 0x8000'0000u;
constexpr uint64_t kI64Min = 0x8000'0000'0000'0000u;
constexpr uint32_t kM1 = 0xffff'ffffu;
constexpr uint64_t kM1_64 = 0xffff'ffff'ffff'ffffu;

template <typename T>
void ExpectValue(Checked<T> r, T expected) {
  EXPECT_EQ(r.trap, TrapCode::None);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.value, expected);
}

template <typename T>
void ExpectTrap(Checked<T> r, TrapCode code) {
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.trap, code);
}

TEST(OpsInt, AddSubMulWrapAround) {
  EXPECT_EQ(i32_add(0x7fff'ffff, 1), kI32Min);
  EXPECT_EQ(i32_add(kI32Min, kI32Min), 0u);
  EXPECT_EQ(i32_sub(kI32Min, 1), 0x7fff'ffffu);
  EXPECT_EQ(i32_mul(0x0123'4567, 0x7654'3210), 0x358e'7470u);
  EXPECT_EQ(i32_mul(kI32Min, kM1), kI32Min);
  EXPECT_EQ(i64_add(0x7fff'ffff'ffff'ffff, 1), kI64Min);
  EXPECT_EQ(i64_sub(kI64Min, 1), 0x7fff'ffff'ffff'ffffu);
  EXPECT_EQ(i64_mul(0x0123'4567'89ab'cdef, 0xfedc'ba98'7654'3210), 0x2236'd88f'e561'8cf0u);
  EXPECT_EQ(i64_mul(kI64Min, kM1_64), kI64Min);
}

TEST(OpsInt, DivisionByZeroTraps) {
  ExpectTrap(i32_div_s(1, 0), TrapCode::IntegerDivideByZero);
  ExpectTrap(i32_div_u(1, 0), TrapCode::IntegerDivideByZero);
  ExpectTrap(i32_rem_s(1, 0), TrapCode::IntegerDivideByZero);
  ExpectTrap(i32_rem_u(1, 0), TrapCode::IntegerDivideByZero);
  ExpectTrap(i32_div_s(0, 0), TrapCode::IntegerDivideByZero);
  ExpectTrap(i64_div_s(1, 0), TrapCode::IntegerDivideByZero);
  ExpectTrap(i64_div_u(1, 0), TrapCode::IntegerDivideByZero);
  ExpectTrap(i64_rem_s(1, 0), TrapCode::IntegerDivideByZero);
  ExpectTrap(i64_rem_u(1, 0), TrapCode::IntegerDivideByZero);
}

TEST(OpsInt, SignedDivisionOfMinByMinusOneOverflows) {
  ExpectTrap(i32_div_s(kI32Min, kM1), TrapCode::IntegerOverflow);
  ExpectTrap(i64_div_s(kI64Min, kM1_64), TrapCode::IntegerOverflow);
  // The same operands are fine unsigned, and for the remainder, which is 0.
  ExpectValue(i32_div_u(kI32Min, kM1), 0u);
  ExpectValue(i32_rem_s(kI32Min, kM1), 0u);
  ExpectValue(i64_rem_s(kI64Min, kM1_64), uint64_t{0});
  ExpectValue(i32_rem_s(0x7fff'ffff, kM1), 0u);
}

TEST(OpsInt, DivisionTruncatesTowardZero) {
  ExpectValue(i32_div_s(static_cast<uint32_t>(-5), 2), static_cast<uint32_t>(-2));
  ExpectValue(i32_div_s(5, static_cast<uint32_t>(-2)), static_cast<uint32_t>(-2));
  ExpectValue(i32_div_s(static_cast<uint32_t>(-7), static_cast<uint32_t>(-3)), 2u);
  ExpectValue(i32_div_s(kI32Min, 2), 0xc000'0000u);
  ExpectValue(i32_div_u(kI32Min, 2), 0x4000'0000u);
  ExpectValue(i32_div_u(static_cast<uint32_t>(-5), 2), 0x7fff'fffdu);
  ExpectValue(i32_div_u(0x8ff0'0ff0, 0x10001), 0x8fefu);
  ExpectValue(i64_div_s(kI64Min, 2), 0xc000'0000'0000'0000u);
  ExpectValue(i64_div_u(0x8ff0'0ff0'0ff0'0ff0, 0x1'0000'0001), uint64_t{0x8ff0'0fefu});
}

TEST(OpsInt, RemainderTakesTheDividendsSign) {
  ExpectValue(i32_rem_s(static_cast<uint32_t>(-5), 2), kM1);
  ExpectValue(i32_rem_s(5, static_cast<uint32_t>(-2)), 1u);
  ExpectValue(i32_rem_s(static_cast<uint32_t>(-7), static_cast<uint32_t>(-3)), kM1);
  ExpectValue(i32_rem_s(kI32Min, 2), 0u);
  ExpectValue(i32_rem_u(static_cast<uint32_t>(-5), 2), 1u);
  ExpectValue(i32_rem_u(0x8ff0'0ff0, 0x10001), 0x8001u);
  ExpectValue(i64_rem_s(static_cast<uint64_t>(-7), 3), kM1_64);
  ExpectValue(i64_rem_u(0x8ff0'0ff0'0ff0'0ff0, 0x1'0000'0001), uint64_t{0x8000'0001});
  ExpectValue(i64_rem_u(kI64Min, kM1_64), kI64Min);
}

TEST(OpsInt, Bitwise) {
  EXPECT_EQ(i32_and(0xf0f0'ffff, 0xfffff0f0), 0xf0f0'f0f0u);
  EXPECT_EQ(i32_or(0xf0f0'ffff, 0xfffff0f0), kM1);
  EXPECT_EQ(i32_xor(0xf0f0'ffff, 0xfffff0f0), 0x0f0f'0f0fu);
  EXPECT_EQ(i64_xor(kM1_64, kI64Min), 0x7fff'ffff'ffff'ffffu);
}

TEST(OpsInt, ShiftCountIsTakenModuloTheWidth) {
  EXPECT_EQ(i32_shl(1, 31), kI32Min);
  EXPECT_EQ(i32_shl(1, 32), 1u);
  EXPECT_EQ(i32_shl(1, kM1), kI32Min);
  EXPECT_EQ(i32_shr_s(kI32Min, 31), kM1);
  EXPECT_EQ(i32_shr_s(kI32Min, 32), kI32Min);
  EXPECT_EQ(i32_shr_s(0x4000'0000, 0x8000'0001), 0x2000'0000u);
  EXPECT_EQ(i32_shr_u(kI32Min, 31), 1u);
  EXPECT_EQ(i32_shr_u(kM1, 33), 0x7fff'ffffu);
  EXPECT_EQ(i64_shl(1, 63), kI64Min);
  EXPECT_EQ(i64_shl(1, 64), 1u);
  EXPECT_EQ(i64_shr_s(kI64Min, 63), kM1_64);
  EXPECT_EQ(i64_shr_s(kI64Min, 64), kI64Min);
  EXPECT_EQ(i64_shr_u(kM1_64, 65), 0x7fff'ffff'ffff'ffffu);
  EXPECT_EQ(i64_shr_u(kI64Min, 0x8000'0000'0000'003f), 1u);
}

TEST(OpsInt, Rotates) {
  EXPECT_EQ(i32_rotl(0xabcd'9876, 1), 0x579b'30edu);
  EXPECT_EQ(i32_rotl(0xfe00'dc00, 4), 0xe00d'c00fu);
  EXPECT_EQ(i32_rotl(0xb0c1'd2e3, 0x0005), 0x183a'5c76u);
  EXPECT_EQ(i32_rotl(0xb0c1'd2e3, 0xff05), 0x183a'5c76u);
  EXPECT_EQ(i32_rotl(1, 32), 1u);
  EXPECT_EQ(i32_rotr(0xb0c1'd2e3, 0x0005), 0x1d86'0e97u);
  EXPECT_EQ(i32_rotr(1, 1), kI32Min);
  EXPECT_EQ(i32_rotr(1, 0), 1u);
  EXPECT_EQ(i64_rotl(0xabcd'1234'ef56'7809, 0xf5), 0x0135'79a2'469d'eacfu);
  EXPECT_EQ(i64_rotl(0xabcd'7294'ef56'7809, 0xffff'ffff'ffff'ffed), 0xcf01'3579'ae52'9deau);
  EXPECT_EQ(i64_rotl(1, 64), 1u);
  EXPECT_EQ(i64_rotr(0xabcd'1234'ef56'7809, 0xf5), 0x6891'a77a'b3c0'4d5eu);
  EXPECT_EQ(i64_rotr(0xabcd'7294'ef56'7809, 0xffff'ffff'ffff'ffed), 0x94a7'7ab3'c04d'5e6bu);
  EXPECT_EQ(i64_rotr(1, 1), kI64Min);
}

TEST(OpsInt, BitCounts) {
  EXPECT_EQ(i32_clz(0), 32u);
  EXPECT_EQ(i32_clz(kM1), 0u);
  EXPECT_EQ(i32_clz(0x0000'8000), 16u);
  EXPECT_EQ(i32_ctz(0), 32u);
  EXPECT_EQ(i32_ctz(kI32Min), 31u);
  EXPECT_EQ(i32_popcnt(kM1), 32u);
  EXPECT_EQ(i32_popcnt(0xaaaa'5555), 16u);
  EXPECT_EQ(i32_popcnt(0xdead'beef), 24u);
  EXPECT_EQ(i64_clz(0), 64u);
  EXPECT_EQ(i64_clz(1), 63u);
  EXPECT_EQ(i64_ctz(0), 64u);
  EXPECT_EQ(i64_ctz(0x0000'0001'0000'0000), 32u);
  EXPECT_EQ(i64_popcnt(kM1_64), 64u);
  EXPECT_EQ(i64_popcnt(0xdead'beef'dead'beef), 48u);
  EXPECT_EQ(i64_popcnt(0x9999'9999'aaaa'aaaa), 32u);
}

TEST(OpsInt, Comparisons) {
  EXPECT_TRUE(i32_eqz(0));
  EXPECT_FALSE(i32_eqz(kI32Min));
  EXPECT_TRUE(i64_eqz(0));
  EXPECT_FALSE(i64_eqz(kI64Min));
  EXPECT_TRUE(i32_lt_s(kI32Min, 0));
  EXPECT_FALSE(i32_lt_u(kI32Min, 0));
  EXPECT_TRUE(i32_gt_u(kM1, 0x7fff'ffff));
  EXPECT_FALSE(i32_gt_s(kM1, 0x7fff'ffff));
  EXPECT_TRUE(i32_le_s(kI32Min, kI32Min));
  EXPECT_TRUE(i32_le_u(0, kI32Min));
  EXPECT_FALSE(i32_ge_s(kI32Min, 1));
  EXPECT_TRUE(i32_ge_u(kI32Min, 1));
  EXPECT_TRUE(i32_eq(kI32Min, kI32Min));
  EXPECT_TRUE(i32_ne(kI32Min, 0x7fff'ffff));
  EXPECT_TRUE(i64_lt_s(kI64Min, 0));
  EXPECT_FALSE(i64_lt_u(kI64Min, 0));
  EXPECT_TRUE(i64_gt_u(kM1_64, 1));
  EXPECT_FALSE(i64_gt_s(kM1_64, 1));
  EXPECT_TRUE(i64_le_s(kM1_64, 0));
  EXPECT_FALSE(i64_le_u(kM1_64, 0));
  EXPECT_TRUE(i64_ge_s(0, kM1_64));
  EXPECT_FALSE(i64_ge_u(0, kM1_64));
  EXPECT_TRUE(i64_eq(kM1_64, kM1_64));
  EXPECT_FALSE(i64_ne(kM1_64, kM1_64));
}

TEST(OpsInt, SignExtensionInPlace) {
  EXPECT_EQ(i32_extend8_s(0x7f), 0x7fu);
  EXPECT_EQ(i32_extend8_s(0x80), 0xffff'ff80u);
  EXPECT_EQ(i32_extend8_s(0x0123'4580), 0xffff'ff80u);
  EXPECT_EQ(i32_extend16_s(0x7fff), 0x7fffu);
  EXPECT_EQ(i32_extend16_s(0x8000), 0xffff'8000u);
  EXPECT_EQ(i32_extend16_s(0xfedc'0000), 0u);
  EXPECT_EQ(i64_extend8_s(0xfedc'ba98'7654'3280), 0xffff'ffff'ffff'ff80u);
  EXPECT_EQ(i64_extend16_s(0x8000), 0xffff'ffff'ffff'8000u);
  EXPECT_EQ(i64_extend32_s(0x7fff'ffff), 0x7fff'ffffu);
  EXPECT_EQ(i64_extend32_s(0x8000'0000), 0xffff'ffff'8000'0000u);
  EXPECT_EQ(i64_extend32_s(0x0123'4567'0000'0000), 0u);
}

TEST(OpsInt, WrapAndExtendBetweenWidths) {
  EXPECT_EQ(i32_wrap_i64(0xffff'fffe'ffff'ffff), 0xffff'ffffu);
  EXPECT_EQ(i32_wrap_i64(0x1'0000'0000), 0u);
  EXPECT_EQ(i64_extend_i32_s(0x8000'0000), 0xffff'ffff'8000'0000u);
  EXPECT_EQ(i64_extend_i32_s(0x7fff'ffff), 0x7fff'ffffu);
  EXPECT_EQ(i64_extend_i32_u(0x8000'0000), 0x8000'0000u);
  EXPECT_EQ(i64_extend_i32_u(kM1), 0xffff'ffffu);
}

// The whole integer set is usable in constant expressions, so the compiler can fold it.
static_assert(i32_div_s(7, 2).value == 3);
static_assert(i32_rem_s(kI32Min, kM1).ok());
static_assert(i64_rotr(1, 1) == kI64Min);
static_assert(i32_extend8_s(0xff) == kM1);

}  // namespace
}  // namespace weft::interp::ops
