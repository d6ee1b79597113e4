// SIMD operations lowered with a constant operand inside the instruction compute what the
// general form computes from a slot, for every value of the constant the spec allows.
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
  const char* shifts[] = {"i8x16.shl", "i8x16.shr_s", "i8x16.shr_u", "i16x8.shl",
                          "i16x8.shr_s", "i16x8.shr_u", "i32x4.shl", "i32x4.shr_s",
                          "i32x4.shr_u", "i64x2.shl", "i64x2.shr_s", "i64x2.shr_u"};
  // Counts below, at and above every lane width, and negative ones (taken modulo the width).
  const int32_t counts[] = {0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 255, 256,
                            -1, -8, -63, -64, 0x7fffffff, INT32_MIN};
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

INSTANTIATE_TEST_SUITE_P(BoundsModes, SimdShortcuts,
                         ::testing::Values(compile::BoundsChecks::Explicit,
                                           compile::BoundsChecks::GuardPages));

}  // namespace
}  // namespace weft::interp
