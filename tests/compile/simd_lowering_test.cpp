// The SIMD lowering's shortcuts: constant operands inside the instruction, fused pairs, and an
// address addition folded into a load.
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

TEST(SimdLowering, ExtendFeedingAMultiplyBecomesOneOperation) {
  auto code = lower_wat(R"((module (func (param v128 v128) (result v128)
      (i16x8.mul (local.get 0) (i16x8.extend_low_i8x16_u (local.get 1))))))");
  ASSERT_TRUE(code) << code.error().to_string();
  const std::vector<Cell>& body = (*code)->bodies[0];
  // [I16x8ExtendLowI8x16UMul][dst|a][x|-], then return.
  ASSERT_EQ(body.size(), 4u);
  EXPECT_EQ(body[0], op_cell(Op::I16x8ExtendLowI8x16UMul));
  EXPECT_EQ(body[1], pack(0, 0));
  EXPECT_EQ(body[2], pack(slot_offset(2), 0));
}

TEST(SimdLowering, ExtendFeedingAnOperationWithoutAFusedFormStaysApart) {
  auto code = lower_wat(R"((module (func (param v128 v128) (result v128)
      (i16x8.sub (local.get 0) (i16x8.extend_low_i8x16_u (local.get 1))))))");
  ASSERT_TRUE(code) << code.error().to_string();
  const std::vector<Cell>& body = (*code)->bodies[0];
  ASSERT_EQ(body.size(), 6u);
  EXPECT_EQ(body[0], op_cell(Op::I16x8ExtendLowI8x16U));
  EXPECT_EQ(body[2], op_cell(Op::I16x8Sub));
}

TEST(SimdLowering, ExtendOfAShuffledHighHalfReadsTheHalfDirectly) {
  auto code = lower_wat(R"((module (func (param v128 v128) (result v128)
      (i16x8.extend_low_i8x16_u
        (i8x16.shuffle 24 25 26 27 28 29 30 31 0 0 0 0 0 0 0 0 (local.get 0) (local.get 1))))))");
  ASSERT_TRUE(code) << code.error().to_string();
  const std::vector<Cell>& body = (*code)->bodies[0];
  // No shuffle: the high half of b (local 1, slots 2-3) extended, then return.
  ASSERT_EQ(body.size(), 3u);
  EXPECT_EQ(body[0], op_cell(Op::I16x8ExtendHighI8x16U));
  EXPECT_EQ(body[1], pack(0, slot_offset(2)));
}

TEST(SimdLowering, SumShiftedByAConstantBecomesOneOperation) {
  auto code = lower_wat(R"((module (func (param v128 v128) (result v128)
      (i16x8.shr_u (i16x8.add (local.get 0) (local.get 1)) (i32.const 8)))))");
  ASSERT_TRUE(code) << code.error().to_string();
  const std::vector<Cell>& body = (*code)->bodies[0];
  // [I16x8AddShrU][dst|a][b|count], then return.
  ASSERT_EQ(body.size(), 4u);
  EXPECT_EQ(body[0], op_cell(Op::I16x8AddShrU));
  EXPECT_EQ(body[1], pack(0, 0));
  EXPECT_EQ(body[2], pack(slot_offset(2), 8));
}

TEST(SimdLowering, ConstantRightOperandCarriesItsSixteenBytesInline) {
  auto code = lower_wat(R"((module (func (param v128) (result v128)
      (v128.and (local.get 0) (v128.const i64x2 0x00ff00ff00ff00ff 7)))))");
  ASSERT_TRUE(code) << code.error().to_string();
  const std::vector<Cell>& body = (*code)->bodies[0];
  // [V128AndImm][dst|a][low][high], then return: no Const128.
  ASSERT_EQ(body.size(), 5u);
  EXPECT_EQ(body[0], op_cell(Op::V128AndImm));
  EXPECT_EQ(body[2], 0x00ff00ff00ff00ffu);
  EXPECT_EQ(body[3], 7u);
}

TEST(SimdLowering, FloatProductFeedingAnAddChainsOnlyAsTheLeftOperand) {
  auto code = lower_wat(R"((module
      (func (param v128 v128 v128) (result v128)
        (f32x4.add (f32x4.mul (local.get 0) (local.get 1)) (local.get 2)))
      (func (param v128 v128 v128) (result v128)
        (f32x4.add (local.get 2) (f32x4.mul (local.get 0) (local.get 1))))
      (func (param v128 v128 v128) (result v128)
        (i32x4.add (local.get 2) (i32x4.mul (local.get 0) (local.get 1))))))");
  ASSERT_TRUE(code) << code.error().to_string();
  const std::vector<Cell>& left = (*code)->bodies[0];
  ASSERT_EQ(left.size(), 4u);
  EXPECT_EQ(left[0], op_cell(Op::F32x4MulAdd));
  EXPECT_EQ(left[2], pack(slot_offset(2), slot_offset(4)));
  // Float addition keeps its operand order (NaN payloads): no chain with the product right.
  EXPECT_EQ((*code)->bodies[1][0], op_cell(Op::F32x4Mul));
  EXPECT_EQ((*code)->bodies[2][0], op_cell(Op::I32x4MulAdd));  // commutative
}

TEST(SimdLowering, AddressAdditionFoldsIntoAV128Load) {
  auto code = lower_wat(R"((module (memory 1) (func (param i32) (result v128)
      (v128.load offset=8 (i32.add (local.get 0) (i32.const 16))))))");
  ASSERT_TRUE(code) << code.error().to_string();
  const std::vector<Cell>& body = (*code)->bodies[0];
  ASSERT_EQ(body.size(), 4u);
  EXPECT_EQ(body[0], op_cell(Op::V128LoadChkAdd));
  EXPECT_EQ(body[2], pack(8, 16));
}

}  // namespace
}  // namespace weft::compile
