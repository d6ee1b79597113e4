// Fuel and epoch checks (LowerOptions::consume_fuel, epoch_interruption): emitted only when
// asked for, at the head of each straight-line block (fuel) and at function entries and loop
// heads (epoch), each fuel check carrying its block's instruction count.
#include <gtest/gtest.h>

#include <vector>

#include "compile/lower.hpp"
#include "lower_test_support.hpp"

namespace weft::compile {
namespace {

using test_support::op_cell;

// The first function's code; kept alive until the next call, for its absolute addresses.
const std::vector<Cell>& lower_body(std::string_view wat, bool fuel, bool epoch) {
  static std::shared_ptr<ModuleCode> kept;
  static const std::vector<Cell> kNoCode;
  LowerOptions options;
  options.consume_fuel = fuel;
  options.epoch_interruption = epoch;
  Result<std::shared_ptr<ModuleCode>> code = test_support::lower_wat(wat, options);
  EXPECT_TRUE(code) << code.error().to_string();
  if (!code) return kNoCode;
  kept = *code;
  return kept->bodies[0];
}

constexpr const char* kStraight = R"((module (func (param i32) (result i32)
    (i32.add (local.get 0) (i32.const 5)))))";

TEST(InterruptChecks, NoneUnlessAskedFor) {
  const std::vector<Cell> body = lower_body(kStraight, false, false);
  ASSERT_EQ(body.size(), 4u);
  EXPECT_EQ(body[0], op_cell(Op::I32AddImm));
}

TEST(InterruptChecks, FuelChargesTheEntryBlocksInstructions) {
  const std::vector<Cell> plain = lower_body(kStraight, false, false);  // a copy
  const std::vector<Cell> body = lower_body(kStraight, true, false);
  ASSERT_EQ(body.size(), plain.size() + 2);
  EXPECT_EQ(body[0], op_cell(Op::Fuel));
  EXPECT_EQ(body[1], 3u);  // local.get, i32.const, i32.add
  // The rest is the unchecked code.
  EXPECT_EQ(std::vector<Cell>(body.begin() + 2, body.end()), plain);
}

TEST(InterruptChecks, EpochChecksTheEntry) {
  const std::vector<Cell> body = lower_body(kStraight, false, true);
  ASSERT_EQ(body.size(), 5u);
  EXPECT_EQ(body[0], op_cell(Op::Epoch));
  EXPECT_EQ(body[1], op_cell(Op::I32AddImm));
  const std::vector<Cell> both = lower_body(kStraight, true, true);
  ASSERT_EQ(both.size(), 6u);
  EXPECT_EQ(both[0], op_cell(Op::FuelEpoch));
  EXPECT_EQ(both[1], 3u);
}

constexpr const char* kLoop = R"((module (func (param i32)
    (loop (br_if 0 (i32.lt_u (local.get 0) (i32.const 10)))))))";

TEST(InterruptChecks, ALoopBranchesBackToItsCheck) {
  const std::vector<Cell>& body = lower_body(kLoop, false, true);
  // The loop is the function's first instruction: its head check is the entry's too.
  ASSERT_GE(body.size(), 2u);
  EXPECT_EQ(body[0], op_cell(Op::Epoch));
  EXPECT_EQ(body[1], op_cell(Op::I32LtUBrIfImm));
  // [BrIfImm][a|-][imm][target]: the back edge targets the check.
  EXPECT_EQ(body[4], reinterpret_cast<uintptr_t>(body.data()));
}

TEST(InterruptChecks, FuelStartsABlockAfterEachLabel) {
  const std::vector<Cell>& body = lower_body(R"((module (func (param i32) (result i32)
      (block (br_if 0 (local.get 0)))
      (i32.const 7))))",
                                             true, false);
  // [Fuel 2][BrIf cond target][Fuel 1][Const 7 -> 0][Return]
  ASSERT_EQ(body.size(), 11u);
  EXPECT_EQ(body[0], op_cell(Op::Fuel));
  EXPECT_EQ(body[1], 2u);  // local.get, br_if (block is free)
  EXPECT_EQ(body[2], op_cell(Op::BrIf));
  EXPECT_EQ(body[4], reinterpret_cast<uintptr_t>(body.data() + 5));  // the block's end
  EXPECT_EQ(body[5], op_cell(Op::Fuel));
  EXPECT_EQ(body[6], 1u);  // i32.const
}

TEST(InterruptChecks, AFunctionOfFreeInstructionsHasNoCheck) {
  const std::vector<Cell> body = lower_body("(module (func (nop) (block) (loop)))", true, true);
  ASSERT_EQ(body.size(), 1u);
  EXPECT_EQ(body[0], op_cell(Op::Return));
}

}  // namespace
}  // namespace weft::compile
