// SIMD operations lowered in a shorter form compute what the instructions they stand for
// compute: a constant shift count inside the instruction (also fused with the operation that
// computed the shifted value), a v128.const right operand inside the instruction, an extend fused
// with the multiply or add that consumes it or reading a shuffled half directly, a product
// feeding an add, and an address addition folded into a load.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "harness.hpp"

namespace weft::interp {
namespace {

using runtime::TrapCode;
using runtime::ValRaw;
using testing::Harness;

class SimdShortcuts : public ::testing::TestWithParam<compile::BoundsChecks> {
 protected:
  Harness h{GetParam()};

  // Runs export `name` on the given arguments; returns its v128 result.
  std::vector<uint8_t> run(runtime::Instance* m, const char* name, std::vector<ValRaw> args) {
    if (h.call_raw(m, name, args) != TrapCode::None || args.empty()) return {};
    return std::vector<uint8_t>(args[0].v128, args[0].v128 + 16);
  }
};

ValRaw bytes_value(const uint8_t (&b)[16]) {
  ValRaw v{};
  std::memcpy(v.v128, b, 16);
  return v;
}
ValRaw i32_value(int32_t x) {
  ValRaw v{};
  v.i32 = static_cast<uint32_t>(x);
  return v;
}

constexpr uint8_t kInput[16] = {0x81, 0x02, 0xf3, 0x74, 0x05, 0xe6, 0x37, 0x88,
                                0xff, 0x00, 0x7f, 0x80, 0x12, 0xfe, 0x34, 0x9c};

TEST_P(SimdShortcuts, ShiftByAConstantMatchesShiftByAVariable) {
  const char* shifts[] = {"i8x16.shl",   "i8x16.shr_s", "i8x16.shr_u", "i16x8.shl",
                          "i16x8.shr_s", "i16x8.shr_u", "i32x4.shl",   "i32x4.shr_s",
                          "i32x4.shr_u", "i64x2.shl",   "i64x2.shr_s", "i64x2.shr_u"};
  // Counts below, at and above every lane width, and negative ones (taken modulo the width).
  const int32_t counts[] = {0,  1,  3,  7,   8,   9,  15, 16,  17,  31,         32,       33,
                            63, 64, 65, 255, 256, -1, -8, -63, -64, 0x7fffffff, INT32_MIN};
  for (const char* op : shifts) {
    for (int32_t count : counts) {
      const std::string wat = std::string("(module (func (export \"const\") (param v128) ") +
                              "(result v128) (" + op + " (local.get 0) (i32.const " +
                              std::to_string(count) + "))) (func (export \"var\") (param v128 " +
                              "i32) (result v128) (" + op + " (local.get 0) (local.get 1))))";
      auto m = h.instantiate(wat);
      ASSERT_TRUE(m) << m.error().to_string();
      const auto by_const = run(*m, "const", {bytes_value(kInput)});
      const auto by_var = run(*m, "var", {bytes_value(kInput), i32_value(count)});
      ASSERT_EQ(by_const.size(), 16u) << op << " " << count;
      EXPECT_EQ(by_const, by_var) << op << " " << count;
    }
  }
}

TEST_P(SimdShortcuts, ShiftByAConstantReducesTheCountModuloTheLaneWidth) {
  auto m = h.instantiate(R"((module
    (func (export "shr_u") (param v128) (result v128) (i16x8.shr_u (local.get 0) (i32.const 17)))
    (func (export "shr_s") (param v128) (result v128) (i8x16.shr_s (local.get 0) (i32.const -1)))
    (func (export "shl") (param v128) (result v128) (i64x2.shl (local.get 0) (i32.const 64)))))");
  ASSERT_TRUE(m) << m.error().to_string();
  std::vector<uint8_t> expected(16);
  for (int i = 0; i < 8; ++i) {  // shift by 1
    const uint16_t x = static_cast<uint16_t>(kInput[2 * i] | kInput[2 * i + 1] << 8);
    expected[2 * i] = static_cast<uint8_t>(x >> 1);
    expected[2 * i + 1] = static_cast<uint8_t>(x >> 9);
  }
  EXPECT_EQ(run(*m, "shr_u", {bytes_value(kInput)}), expected);
  for (int i = 0; i < 16; ++i) expected[i] = kInput[i] & 0x80 ? 0xff : 0;  // shift by 7
  EXPECT_EQ(run(*m, "shr_s", {bytes_value(kInput)}), expected);
  EXPECT_EQ(run(*m, "shl", {bytes_value(kInput)}),
            std::vector<uint8_t>(std::begin(kInput), std::end(kInput)));  // shift by 0
}

constexpr uint8_t kOther[16] = {0x10, 0xff, 0x03, 0x80, 0x7f, 0x01, 0xc4, 0x55,
                                0x00, 0x9a, 0x66, 0xfe, 0x21, 0x43, 0x8d, 0x02};

TEST_P(SimdShortcuts, ExtendFeedingMultiplyOrAddMatchesTheTwoInstructions) {
  const char* extends[] = {"i16x8.extend_low_i8x16_s",  "i16x8.extend_low_i8x16_u",
                           "i16x8.extend_high_i8x16_s", "i16x8.extend_high_i8x16_u",
                           "i32x4.extend_low_i16x8_s",  "i32x4.extend_low_i16x8_u",
                           "i32x4.extend_high_i16x8_s", "i32x4.extend_high_i16x8_u"};
  for (const char* ext : extends) {
    const std::string shape(ext, 5);
    for (const char* what : {".mul", ".add"}) {
      const std::string bin = shape + what, e = std::string("(") + ext + " (local.get 1))";
      // Apart (through a local, so nothing fuses), with the extended operand on the right, on
      // the left, next to a constant, and extending a temp.
      const std::string wat =
          "(module"
          " (func (export \"apart\") (param v128 v128) (result v128) (local v128)"
          "  (local.set 2 " +
          e + ") (" + bin +
          " (local.get 0) (local.get 2)))"
          " (func (export \"right\") (param v128 v128) (result v128)"
          "  (" +
          bin + " (local.get 0) " + e +
          "))"
          " (func (export \"left\") (param v128 v128) (result v128)"
          "  (" +
          bin + " " + e +
          " (local.get 0)))"
          " (func (export \"const\") (param v128 v128) (result v128)"
          "  (" +
          bin +
          " (v128.const i8x16 0x10 0xff 0x03 0x80 0x7f 0x01 0xc4 0x55 0 0x9a"
          "   0x66 0xfe 0x21 0x43 0x8d 0x02) " +
          e +
          "))"
          " (func (export \"temp\") (param v128 v128) (result v128)"
          "  (" +
          bin + " (local.get 0) (" + ext + " (v128.xor (local.get 1) (local.get 0))))))";
      auto m = h.instantiate(wat);
      ASSERT_TRUE(m) << m.error().to_string();
      const auto apart = run(*m, "apart", {bytes_value(kOther), bytes_value(kInput)});
      ASSERT_EQ(apart.size(), 16u) << bin << " " << ext;
      EXPECT_EQ(run(*m, "right", {bytes_value(kOther), bytes_value(kInput)}), apart) << ext;
      EXPECT_EQ(run(*m, "left", {bytes_value(kOther), bytes_value(kInput)}), apart) << ext;
      EXPECT_EQ(run(*m, "const", {bytes_value(kInput), bytes_value(kInput)}), apart) << ext;
      uint8_t mixed[16];
      for (int i = 0; i < 16; ++i) mixed[i] = kInput[i] ^ kOther[i];
      EXPECT_EQ(run(*m, "temp", {bytes_value(kOther), bytes_value(mixed)}), apart) << ext;
    }
  }
}

TEST_P(SimdShortcuts, ExtendOfAShuffledHalfMatchesTheTwoInstructions) {
  const char* extends[] = {"i16x8.extend_low_i8x16_s", "i16x8.extend_high_i8x16_u",
                           "i32x4.extend_low_i16x8_u", "i32x4.extend_high_i16x8_s",
                           "i64x2.extend_low_i32x4_s", "i64x2.extend_high_i32x4_u"};
  // Whole halves of a or b in either place, and patterns that are not a whole half in order.
  const char* shuffles[] = {"8 9 10 11 12 13 14 15 0 0 0 0 0 0 0 0",
                            "0 0 0 0 0 0 0 0 8 9 10 11 12 13 14 15",
                            "0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15",
                            "24 25 26 27 28 29 30 31 16 17 18 19 20 21 22 23",
                            "16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31",
                            "9 10 11 12 13 14 15 16 9 10 11 12 13 14 15 16",
                            "4 5 6 7 8 9 10 11 4 5 6 7 8 9 10 11",
                            "15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0"};
  for (const char* ext : extends) {
    for (const char* lanes : shuffles) {
      const std::string shuffle =
          std::string("(i8x16.shuffle ") + lanes + " (local.get 0) (local.get 1))";
      const std::string wat =
          "(module"
          " (func (export \"apart\") (param v128 v128) (result v128) (local v128)"
          "  (local.set 2 " +
          shuffle + ") (" + ext +
          " (local.get 2)))"
          " (func (export \"fused\") (param v128 v128) (result v128)"
          "  (" +
          ext + " " + shuffle + ")))";
      auto m = h.instantiate(wat);
      ASSERT_TRUE(m) << m.error().to_string();
      const auto apart = run(*m, "apart", {bytes_value(kInput), bytes_value(kOther)});
      ASSERT_EQ(apart.size(), 16u);
      EXPECT_EQ(run(*m, "fused", {bytes_value(kInput), bytes_value(kOther)}), apart)
          << ext << " of " << lanes;
    }
  }
}

TEST_P(SimdShortcuts, BinaryResultShiftedByAConstantMatchesTheTwoInstructions) {
  const int32_t counts[] = {0, 1, 15, 16, 17, 31, 32, 33, -1};
  for (const char* shape : {"i16x8", "i32x4"}) {
    for (const char* bin : {".add", ".sub", ".mul"}) {
      for (const char* shift : {".shl", ".shr_s", ".shr_u"}) {
        for (int32_t count : counts) {
          const std::string b = std::string(shape) + bin, sh = std::string(shape) + shift;
          const std::string wat =
              "(module"
              " (func (export \"apart\") (param v128 v128 i32) (result v128) (local v128)"
              "  (local.set 3 (" +
              b +
              " (local.get 0) (local.get 1)))"
              "  (" +
              sh +
              " (local.get 3) (local.get 2)))"
              " (func (export \"fused\") (param v128 v128 i32) (result v128)"
              "  (" +
              sh + " (" + b + " (local.get 0) (local.get 1)) (i32.const " + std::to_string(count) +
              "))))";
          auto m = h.instantiate(wat);
          ASSERT_TRUE(m) << m.error().to_string();
          const std::vector<ValRaw> args = {bytes_value(kInput), bytes_value(kOther),
                                            i32_value(count)};
          const auto apart = run(*m, "apart", args);
          ASSERT_EQ(apart.size(), 16u);
          EXPECT_EQ(run(*m, "fused", args), apart) << sh << " of " << b << " by " << count;
        }
      }
    }
  }
}

TEST_P(SimdShortcuts, ConstantRightOperandMatchesTheOperandFromASlot) {
  // Operations where the operand order matters, so the constant must stay on the right.
  const char* ops[] = {"i8x16.sub",
                       "i8x16.narrow_i16x8_s",
                       "i8x16.swizzle",
                       "v128.andnot",
                       "i16x8.q15mulr_sat_s",
                       "i32x4.dot_i16x8_s",
                       "f32x4.div",
                       "f64x2.pmin",
                       "i8x16.lt_u",
                       "i64x2.sub",
                       "i16x8.extmul_high_i8x16_u",
                       "i8x16.avgr_u"};
  for (const char* op : ops) {
    const std::string wat =
        std::string("(module") +
        " (func (export \"slot\") (param v128 v128) (result v128)"
        "  (" +
        op +
        " (local.get 0) (local.get 1)))"
        " (func (export \"const\") (param v128) (result v128)"
        "  (" +
        op +
        " (local.get 0) (v128.const i8x16 0x10 0xff 0x03 0x80 0x7f 0x01 0xc4 0x55 0"
        "   0x9a 0x66 0xfe 0x21 0x43 0x8d 0x02))))";
    auto m = h.instantiate(wat);
    ASSERT_TRUE(m) << m.error().to_string();
    const auto by_slot = run(*m, "slot", {bytes_value(kInput), bytes_value(kOther)});
    ASSERT_EQ(by_slot.size(), 16u);
    EXPECT_EQ(run(*m, "const", {bytes_value(kInput)}), by_slot) << op;
  }
}

// Equal lanes, where a float lane may be any NaN when the other is a NaN: which operand's
// payload a float operation passes on is left open by the spec (and by the compiled SSE code).
bool same_lanes(const std::string& shape, const std::vector<uint8_t>& x,
                const std::vector<uint8_t>& y) {
  if (x.size() != 16 || y.size() != 16) return false;
  const size_t width = shape == "f32x4" ? 4 : shape == "f64x2" ? 8 : 0;
  if (width == 0) return x == y;
  for (size_t i = 0; i < 16; i += width) {
    uint64_t a = 0, b = 0;
    std::memcpy(&a, x.data() + i, width);
    std::memcpy(&b, y.data() + i, width);
    const uint64_t exponent = width == 4 ? 0x7f800000u : 0x7ff0000000000000u;
    const uint64_t sign = width == 4 ? 0x80000000u : 0x8000000000000000u;
    const auto is_nan = [&](uint64_t v) {
      return (v & exponent) == exponent && (v & ~sign) != exponent;
    };
    if (a != b && !(is_nan(a) && is_nan(b))) return false;
  }
  return true;
}

TEST_P(SimdShortcuts, ProductFeedingAnAddMatchesTheTwoInstructions) {
  // Lanes of every shape from the same bytes, with NaNs of distinct payloads in the float lanes.
  uint8_t a[16], b[16], c[16];
  std::memcpy(a, kInput, 16);
  std::memcpy(b, kOther, 16);
  for (int i = 0; i < 16; ++i) c[i] = static_cast<uint8_t>(kInput[i] + 3 * kOther[i]);
  const uint32_t nan1 = 0x7fc01234, nan2 = 0xffc04321;
  std::memcpy(a + 4, &nan1, 4);
  std::memcpy(c + 4, &nan2, 4);
  std::memcpy(c + 8, &nan1, 4);
  for (const char* shape : {"i16x8", "i32x4", "f32x4", "f64x2"}) {
    const std::string mul = std::string(shape) + ".mul", add = std::string(shape) + ".add";
    const std::string product = "(" + mul + " (local.get 0) (local.get 1))";
    const std::string wat =
        "(module"
        " (func (export \"apart_left\") (param v128 v128 v128) (result v128) (local v128)"
        "  (local.set 3 " +
        product + ") (" + add +
        " (local.get 3) (local.get 2)))"
        " (func (export \"apart_right\") (param v128 v128 v128) (result v128) (local v128)"
        "  (local.set 3 " +
        product + ") (" + add +
        " (local.get 2) (local.get 3)))"
        " (func (export \"left\") (param v128 v128 v128) (result v128)"
        "  (" +
        add + " " + product +
        " (local.get 2)))"
        " (func (export \"right\") (param v128 v128 v128) (result v128)"
        "  (" +
        add + " (local.get 2) " + product + ")))";
    auto m = h.instantiate(wat);
    ASSERT_TRUE(m) << m.error().to_string();
    const std::vector<ValRaw> args = {bytes_value(a), bytes_value(b), bytes_value(c)};
    const auto apart_left = run(*m, "apart_left", args);
    const auto apart_right = run(*m, "apart_right", args);
    ASSERT_EQ(apart_left.size(), 16u);
    EXPECT_TRUE(same_lanes(shape, run(*m, "left", args), apart_left)) << shape;
    EXPECT_TRUE(same_lanes(shape, run(*m, "right", args), apart_right)) << shape;
  }
}

TEST_P(SimdShortcuts, LoadWithTheAddressAdditionFoldedInWrapsAndTraps) {
  auto m = h.instantiate(R"((module (memory 1)
    (data (i32.const 16) "\00\01\02\03\04\05\06\07\08\09\0a\0b\0c\0d\0e\0f\10\11\12\13")
    (func (export "imm") (param i32) (result v128)
      (v128.load offset=2 (i32.add (local.get 0) (i32.const 16))))
    (func (export "reg") (param i32 i32) (result v128)
      (v128.load offset=2 (i32.add (local.get 0) (local.get 1))))
    (func (export "widen") (param i32) (result v128)
      (v128.load8x8_u offset=1 (i32.add (local.get 0) (i32.const 16))))))");
  ASSERT_TRUE(m) << m.error().to_string();
  std::vector<uint8_t> from18(16), widened(16, 0);
  for (int i = 0; i < 16; ++i) from18[i] = static_cast<uint8_t>(i + 2);
  for (int i = 0; i < 8; ++i) widened[2 * i] = static_cast<uint8_t>(i + 1);
  EXPECT_EQ(run(*m, "imm", {i32_value(0)}), from18);
  std::vector<uint8_t> from2(16, 0);
  from2[15] = 1;
  EXPECT_EQ(run(*m, "imm", {i32_value(-16)}), from2);                  // the sum wraps to 0, + 2
  EXPECT_EQ(run(*m, "reg", {i32_value(-32), i32_value(48)}), from18);  // wraps to 16
  EXPECT_EQ(run(*m, "widen", {i32_value(0)}), widened);
  // The i32 sum wraps before the offset is added, so the access lands past the end, never at
  // a small address.
  std::vector<ValRaw> v = {i32_value(-16 - 2)};
  EXPECT_EQ(h.call_raw(*m, "imm", v), TrapCode::MemoryOutOfBounds);  // 0xfffffffe + 2
  v = {i32_value(65536 - 16 - 2 - 15)};
  EXPECT_EQ(h.call_raw(*m, "imm", v), TrapCode::MemoryOutOfBounds);
  v = {i32_value(65536), i32_value(-32)};
  EXPECT_EQ(h.call_raw(*m, "reg", v), TrapCode::None);  // 65504 + 2: the last 16 bytes but 14
  v = {i32_value(-2), i32_value(0)};
  EXPECT_EQ(h.call_raw(*m, "reg", v), TrapCode::MemoryOutOfBounds);  // 0xfffffffe + 2
}

INSTANTIATE_TEST_SUITE_P(BoundsModes, SimdShortcuts,
                         ::testing::Values(compile::BoundsChecks::Explicit,
                                           compile::BoundsChecks::GuardPages));

}  // namespace
}  // namespace weft::interp
