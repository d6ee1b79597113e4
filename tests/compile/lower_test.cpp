#include "compile/lower.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "lower_test_support.hpp"

namespace weft::compile {
namespace {

using test_support::lower_wat;

TEST(Lowering, LocalsAndConstantsFoldIntoOperands) {
  auto code = lower_wat(R"((module (func (param i32) (result i32)
      (i32.add (local.get 0) (i32.const 5)))))");
  ASSERT_TRUE(code) << code.error().to_string();
  const std::vector<Cell>& body = (*code)->bodies[0];
  // i32.add with an immediate straight into slot 0 (the result), then return: 3 + 1 cells.
  ASSERT_EQ(body.size(), 4u);
  EXPECT_EQ(body[0], static_cast<Cell>(Op::I32AddImm) + 1);
  EXPECT_EQ(low_half(body[1]), 0u);   // destination: result slot 0
  EXPECT_EQ(high_half(body[1]), 0u);  // operand: local 0
  EXPECT_EQ(body[2], 5u);
  EXPECT_EQ(body[3], static_cast<Cell>(Op::Return) + 1);
}

TEST(Lowering, FrameCoversLocalsAndTemps) {
  auto code = lower_wat(R"((module (func (param i32 i64) (local f32 f64)
      (drop (i32.add (i32.add (local.get 0) (i32.const 1)) (i32.const 2))))))");
  ASSERT_TRUE(code) << code.error().to_string();
  const CompiledFunc& f = (*code)->funcs[0];
  EXPECT_EQ(f.num_params, 2u);
  EXPECT_EQ(f.num_locals, 4u);
  EXPECT_GE(f.frame_slots, 6u);
}

TEST(Lowering, ComparisonFusesWithConditionalBranch) {
  auto code = lower_wat(R"((module (func (param i32)
      (loop (br_if 0 (i32.lt_u (local.get 0) (i32.const 10)))))))");
  ASSERT_TRUE(code) << code.error().to_string();
  const std::vector<Cell>& body = (*code)->bodies[0];
  // One fused op [h][a|-][imm][target], then return.
  ASSERT_EQ(body.size(), 5u);
  EXPECT_EQ(body[0], static_cast<Cell>(Op::I32LtUBrIfImm) + 1);
  EXPECT_EQ(body[2], 10u);
  EXPECT_EQ(body[3], reinterpret_cast<uintptr_t>(body.data()));  // the loop's start
  EXPECT_EQ(body[4], static_cast<Cell>(Op::Return) + 1);
}

TEST(Lowering, AddressAdditionFoldsIntoTheAccess) {
  auto code = lower_wat(R"((module (memory 1) (func (param i32) (result i32)
      (i32.load offset=8 (i32.add (local.get 0) (i32.const 16))))))");
  ASSERT_TRUE(code) << code.error().to_string();
  const std::vector<Cell>& body = (*code)->bodies[0];
  ASSERT_EQ(body.size(), 4u);
  EXPECT_EQ(body[0], static_cast<Cell>(Op::I32LoadChkAdd) + 1);
  EXPECT_EQ(body[2], pack(8, 16));
}

TEST(Lowering, V128LocalsTakeTwoSlots) {
  auto code = lower_wat(R"((module (func (param i32 v128 i32) (result i32) (local v128 i64)
      (local.get 2))))");
  ASSERT_TRUE(code) << code.error().to_string();
  const CompiledFunc& f = (*code)->funcs[0];
  EXPECT_EQ(f.num_params, 4u);  // i32, v128 (2), i32
  EXPECT_EQ(f.num_locals, 7u);  // then v128 (2), i64
  EXPECT_EQ(f.num_results, 1u);
  const std::vector<Cell>& body = (*code)->bodies[0];
  // local 2 sits after the v128 parameter: slot 3, copied to result slot 0.
  ASSERT_EQ(body.size(), 3u);
  EXPECT_EQ(body[0], static_cast<Cell>(Op::Copy) + 1);
  EXPECT_EQ(body[1], pack(slot_offset(0), slot_offset(3)));
}

TEST(Lowering, V128ConstantCarriesSixteenBytes) {
  auto code = lower_wat(R"((module (func (result v128) (v128.const i32x4 1 2 3 4))))");
  ASSERT_TRUE(code) << code.error().to_string();
  const std::vector<Cell>& body = (*code)->bodies[0];
  ASSERT_EQ(body.size(), 5u);
  EXPECT_EQ(body[0], static_cast<Cell>(Op::Const128) + 1);
  EXPECT_EQ(body[2], (uint64_t{2} << 32) | 1);
  EXPECT_EQ(body[3], (uint64_t{4} << 32) | 3);
  EXPECT_EQ((*code)->funcs[0].num_results, 2u);
}

TEST(Lowering, TempsAboveAV128AreShiftedByItsWidth) {
  auto code = lower_wat(R"((module (func (param i32) (result i32)
      (v128.const i64x2 0 0)
      (i32.add (local.get 0) (i32.const 1))
      (local.set 0)
      (drop)
      (local.get 0))))");
  ASSERT_TRUE(code) << code.error().to_string();
  // The v128 temp takes slots 1-2; the add would write slot 3 but is retargeted to local 0.
  EXPECT_GE((*code)->funcs[0].frame_slots, 4u);
}

}  // namespace
}  // namespace weft::compile
