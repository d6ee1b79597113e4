// The SIMD lowering's shortcuts: operands that are constants go into the instruction itself.
#include <gtest/gtest.h>

#include <vector>

#include "compile/lower.hpp"
#include "lower_test_support.hpp"

namespace weft::compile {
namespace {

using test_support::lower_wat;
using test_support::op_cell;

TEST(SimdLowering, ShiftByAConstantCarriesTheCountInline) {
  auto code = lower_wat(R"((module (func (param v128) (result v128)
      (i16x8.shr_u (local.get 0) (i32.const -3)))))");
  ASSERT_TRUE(code) << code.error().to_string();
  const std::vector<Cell>& body = (*code)->bodies[0];
  // [I16x8ShrUImm][dst|a][count] straight into the result slots, then return: no Const.
  ASSERT_EQ(body.size(), 4u);
  EXPECT_EQ(body[0], op_cell(Op::I16x8ShrUImm));
  EXPECT_EQ(body[1], pack(0, 0));
  EXPECT_EQ(body[2], 0xfffffffdu);  // the i32 bits, masked by the handler
  EXPECT_EQ(body[3], op_cell(Op::Return));
}

TEST(SimdLowering, ShiftByAVariableReadsTheCountSlot) {
  auto code = lower_wat(R"((module (func (param v128 i32) (result v128)
      (i32x4.shl (local.get 0) (local.get 1)))))");
  ASSERT_TRUE(code) << code.error().to_string();
  const std::vector<Cell>& body = (*code)->bodies[0];
  ASSERT_EQ(body.size(), 4u);
  EXPECT_EQ(body[0], op_cell(Op::I32x4Shl));
  EXPECT_EQ(low_half(body[2]), slot_offset(2));  // the i32 parameter after the v128
}

}  // namespace
}  // namespace weft::compile
