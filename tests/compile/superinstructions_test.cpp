// The lowering emits its superinstructions where they apply (what they compute is checked by
// tests/interp/superinstructions_test.cpp).
#include <gtest/gtest.h>

#include <vector>

#include "compile/lower.hpp"
#include "compile/op_tables.hpp"
#include "lower_test_support.hpp"

namespace weft::compile {
namespace {

using test_support::op_cell;

Result<std::vector<Cell>> lower_body(std::string_view wat) {
  LowerOptions options;
  options.bounds = BoundsChecks::GuardPages;
  Result<std::shared_ptr<ModuleCode>> code = test_support::lower_wat(wat, options);
  if (!code) return std::move(code).error();
  return (*code)->bodies[0];
}

TEST(Superinstructions, ConsecutiveCopiesJoin) {
  auto body = lower_body(R"((module (func (param i32 i32 i32) (local i32)
      (local.set 3 (local.get 0))
      (local.set 0 (local.get 1))
      (local.set 1 (local.get 2)))))");
  ASSERT_TRUE(body) << body.error().to_string();
  ASSERT_EQ(body->size(), 6u);  // Copy2, Copy, Return
  EXPECT_EQ((*body)[0], op_cell(Op::Copy2));
  EXPECT_EQ((*body)[1], pack(slot_offset(3), slot_offset(0)));
  EXPECT_EQ((*body)[2], pack(slot_offset(0), slot_offset(1)));
  EXPECT_EQ((*body)[3], op_cell(Op::Copy));
  EXPECT_EQ((*body)[5], op_cell(Op::Return));
}

TEST(Superinstructions, CopiesDoNotJoinAcrossALabel) {
  auto body = lower_body(R"((module (func (param i32 i32) (local i32)
      (local.set 2 (local.get 0))
      (loop (local.set 0 (local.get 1))))))");
  ASSERT_TRUE(body) << body.error().to_string();
  EXPECT_EQ((*body)[0], op_cell(Op::Copy));
  EXPECT_EQ((*body)[2], op_cell(Op::Copy));
}

TEST(Superinstructions, ProductFeedingAnAddIsOneInstruction) {
  auto body = lower_body(R"((module (func (param f64 f64 f64) (result f64)
      (f64.add (local.get 2) (f64.mul (local.get 0) (local.get 1))))))");
  ASSERT_TRUE(body) << body.error().to_string();
  ASSERT_EQ(body->size(), 4u);
  EXPECT_EQ((*body)[0], op_cell(Op::F64MulAdd));
  EXPECT_EQ((*body)[1], pack(0, slot_offset(0)));  // into the result slot
  EXPECT_EQ((*body)[2], pack(slot_offset(1), slot_offset(2)));
}

TEST(Superinstructions, AddOfTwoSlotsFoldsIntoTheAccess) {
  auto body = lower_body(R"((module (memory 1) (func (param i32 i32) (result i32)
      (i32.load offset=8 (i32.add (local.get 0) (local.get 1))))))");
  ASSERT_TRUE(body) << body.error().to_string();
  ASSERT_EQ(body->size(), 4u);
  EXPECT_EQ((*body)[0], op_cell(Op::I32LoadAddReg));
  EXPECT_EQ((*body)[2], pack(8, slot_offset(1)));
}

TEST(Superinstructions, ConstantAddressIsFoldedWithTheOffset) {
  auto body = lower_body(R"((module (memory 1) (func (result i32)
      (i32.load offset=8 (i32.const 100)))))");
  ASSERT_TRUE(body) << body.error().to_string();
  ASSERT_EQ(body->size(), 4u);
  EXPECT_EQ((*body)[0], op_cell(Op::I32LoadAbs));
  EXPECT_EQ((*body)[2], 108u);
}

TEST(Superinstructions, TeeOfAnAddBranchesOnTheLocal) {
  auto body = lower_body(R"((module (func (param i32)
      (loop (br_if 0 (local.tee 0 (i32.add (local.get 0) (i32.const -1))))))))");
  ASSERT_TRUE(body) << body.error().to_string();
  ASSERT_EQ(body->size(), 5u);  // the fused op [h][dst|a][imm][target], then return
  EXPECT_EQ((*body)[0], op_cell(Op::I32AddImmBrIf));
  EXPECT_EQ((*body)[1], pack(slot_offset(0), slot_offset(0)));
  EXPECT_EQ((*body)[2], static_cast<Cell>(static_cast<uint32_t>(-1)));
}

TEST(Superinstructions, AndIntoIfBranchesWhenZero) {
  auto body = lower_body(R"((module (func (param i32) (result i32)
      (if (result i32) (i32.and (local.get 0) (i32.const 4))
        (then (i32.const 1)) (else (i32.const 2))))))");
  ASSERT_TRUE(body) << body.error().to_string();
  EXPECT_EQ((*body)[0], op_cell(Op::I32AndImmBrUnless));
}

TEST(Superinstructions, ZeroTestOfAnAndBranchesOnTheAnd) {
  auto body = lower_body(R"((module (func (param i32)
      (block (br_if 0 (i32.eqz (i32.and (local.get 0) (i32.const 4))))))))");
  ASSERT_TRUE(body) << body.error().to_string();
  EXPECT_EQ((*body)[0], op_cell(Op::I32AndImmBrUnless));  // taken when the and is 0
  EXPECT_EQ((*body)[2], 4u);
}

// Indices in chain_ops.hpp's lists.
constexpr uint8_t kAdd = 0, kSub = 1, kMul = 2, kXor = 5, kRotl = 9;

TEST(Superinstructions, OperationOfAResultJustComputedIsOneChain) {
  auto body = lower_body(R"((module (func (param i32 i32) (result i32)
      (i32.xor (i32.rotl (local.get 0) (i32.const 7)) (local.get 1)))))");
  ASSERT_TRUE(body) << body.error().to_string();
  ASSERT_EQ(body->size(), 4u);  // the chain into the result slot, then return
  EXPECT_EQ((*body)[0],
            op_cell(chain_op({ChainFamily::I32, kRotl, true, kXor, ChainMode::TempLeft})));
  EXPECT_EQ((*body)[1], pack(0, slot_offset(0)));
  EXPECT_EQ((*body)[2], pack(7, slot_offset(1)));
}

TEST(Superinstructions, ChainKeepsTheOperandOrderOfAFloatOperation) {
  auto body = lower_body(R"((module (func (param f64 f64 f64) (result f64)
      (f64.sub (local.get 2) (f64.mul (local.get 0) (local.get 1))))))");
  ASSERT_TRUE(body) << body.error().to_string();
  ASSERT_EQ(body->size(), 4u);
  EXPECT_EQ((*body)[0],
            op_cell(chain_op({ChainFamily::F64, kMul, false, kSub, ChainMode::TempRight})));
  EXPECT_EQ((*body)[2], pack(slot_offset(1), slot_offset(2)));
}

TEST(Superinstructions, ConstantOnTheLeftOfACommutativeOperationChainsAsImmediate) {
  auto body = lower_body(R"((module (func (param i32 i32) (result i32)
      (i32.add (i32.const -5) (i32.mul (local.get 0) (local.get 1))))))");
  ASSERT_TRUE(body) << body.error().to_string();
  ASSERT_EQ(body->size(), 4u);
  EXPECT_EQ((*body)[0], op_cell(chain_op({ChainFamily::I32, kMul, false, kAdd, ChainMode::Imm})));
  EXPECT_EQ((*body)[2], pack(slot_offset(1), static_cast<uint32_t>(-5)));
}

TEST(Superinstructions, WideI64ConstantIsNotChained) {
  auto body = lower_body(R"((module (func (param i64 i64) (result i64)
      (i64.add (i64.shl (local.get 0) (i64.const 0x123456789)) (local.get 1)))))");
  ASSERT_TRUE(body) << body.error().to_string();
  EXPECT_EQ((*body)[0], op_cell(Op::I64ShlImm));
  EXPECT_EQ((*body)[2], 0x123456789u);
  EXPECT_EQ((*body)[3], op_cell(Op::I64Add));
}

TEST(Superinstructions, ResultReadTwiceIsNotChained) {
  // The product is also stored in a local by local.tee, so it must be written.
  auto body = lower_body(R"((module (func (param i32 i32) (result i32) (local i32)
      (i32.add (local.tee 2 (i32.mul (local.get 0) (local.get 1))) (local.get 2)))))");
  ASSERT_TRUE(body) << body.error().to_string();
  EXPECT_EQ((*body)[0], op_cell(Op::I32Mul));
}

TEST(Superinstructions, StepComparedAndBranchedOnIsOneInstruction) {
  auto body = lower_body(R"((module (func (param i32)
      (loop (br_if 0 (i32.ne (local.tee 0 (i32.sub (local.get 0) (i32.const 4)))
                             (i32.const 256)))))))");
  ASSERT_TRUE(body) << body.error().to_string();
  ASSERT_EQ(body->size(), 6u);  // [h][dst|a][k][b][target], then return
  EXPECT_EQ((*body)[0], op_cell(step_branch_op({true, 1, true, true})));  // ne is index 1
  EXPECT_EQ((*body)[1], pack(slot_offset(0), slot_offset(0)));
  EXPECT_EQ((*body)[2], uint32_t{0} - 4u);  // subtracting 4 is adding -4
  EXPECT_EQ((*body)[3], 256u);
}

TEST(Superinstructions, StepIsNotFusedAcrossALabel) {
  auto body = lower_body(R"((module (func (param i32)
      (local.set 0 (i32.add (local.get 0) (i32.const 1)))
      (loop (br_if 0 (i32.lt_u (local.get 0) (i32.const 9)))))))");
  ASSERT_TRUE(body) << body.error().to_string();
  EXPECT_EQ((*body)[0], op_cell(Op::I32AddImm));
  EXPECT_EQ((*body)[3], op_cell(Op::I32LtUBrIfImm));
}

}  // namespace
}  // namespace weft::compile
