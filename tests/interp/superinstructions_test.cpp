// The lowering's superinstructions compute what the instructions they replace compute: copies
// joined in pairs, a product feeding an add, an add of two values folded into a memory access,
// and an i32 result that is also a branch condition (through a temp or a local).
#include <gtest/gtest.h>

#include <bit>

#include "harness.hpp"

namespace weft::interp {
namespace {

using runtime::TrapCode;
using testing::Harness;

class Superinstructions : public ::testing::TestWithParam<compile::BoundsChecks> {
 protected:
  Harness h{GetParam()};
};

TEST_P(Superinstructions, JoinedCopiesRunInOrder) {
  // Rotates four locals through each other: every local.set is a copy, and consecutive copies
  // become pairs, the second of which reads what the first wrote.
  auto m = h.instantiate(R"((module
      (func (export "rotate") (param i32 i32 i32 i32 i32) (result i32)
        (local i32)
        (loop $l
          (local.set 5 (local.get 0))
          (local.set 0 (local.get 1))
          (local.set 1 (local.get 2))
          (local.set 2 (local.get 3))
          (local.set 3 (local.get 5))
          (br_if $l (local.tee 4 (i32.sub (local.get 4) (i32.const 1)))))
        (i32.add (i32.mul (local.get 0) (i32.const 1000))
                 (i32.add (i32.mul (local.get 1) (i32.const 100))
                          (i32.add (i32.mul (local.get 2) (i32.const 10)) (local.get 3)))))))");
  ASSERT_TRUE(m) << m.error().to_string();
  EXPECT_EQ(h.call1(*m, "rotate", {1, 2, 3, 4, 1}), 2341u);
  EXPECT_EQ(h.call1(*m, "rotate", {1, 2, 3, 4, 3}), 4123u);
  EXPECT_EQ(h.call1(*m, "rotate", {1, 2, 3, 4, 4}), 1234u);
}

TEST_P(Superinstructions, ProductFeedingAnAddMatchesTheTwoInstructions) {
  auto m = h.instantiate(R"((module
      (func (export "i32_after") (param i32 i32 i32) (result i32)
        (i32.add (i32.mul (local.get 0) (local.get 1)) (local.get 2)))
      (func (export "i32_before") (param i32 i32 i32) (result i32)
        (i32.add (local.get 2) (i32.mul (local.get 0) (local.get 1))))
      (func (export "i64") (param i64 i64 i64) (result i64)
        (i64.add (i64.mul (local.get 0) (local.get 1)) (local.get 2)))
      (func (export "f32") (param f32 f32 f32) (result f32)
        (f32.add (local.get 2) (f32.mul (local.get 0) (local.get 1))))
      (func (export "f64") (param f64 f64 f64) (result f64)
        (f64.add (f64.mul (local.get 0) (local.get 1)) (local.get 2)))))");
  ASSERT_TRUE(m) << m.error().to_string();
  EXPECT_EQ(h.call1(*m, "i32_after", {0x10000, 0x10001, 5}), 0x10005u);  // wraps
  EXPECT_EQ(h.call1(*m, "i32_before", {7, 6, 0xffffffffu}), 41u);
  EXPECT_EQ(h.call1(*m, "i64", {1ull << 40, 1ull << 30, 9}), 9u);
  const auto f32 = [](float x) { return uint64_t{std::bit_cast<uint32_t>(x)}; };
  EXPECT_EQ(h.call1(*m, "f32", {f32(3.0f), f32(0.5f), f32(-1.0f)}), f32(0.5f));
  // Rounded after the multiply, as two instructions: a fused multiply-add would give 2^-104.
  const double x = 1.0 + 0x1p-52;
  const auto f64 = [](double v) { return std::bit_cast<uint64_t>(v); };
  EXPECT_EQ(h.call1(*m, "f64", {f64(x), f64(x), f64(-(1.0 + 0x1p-51))}), f64(0.0));
}

TEST_P(Superinstructions, AddOfTwoValuesFoldsIntoLoadsAndStores) {
  // The sum wraps at 2^32 before the static offset is added, as i32.add does.
  auto m = h.instantiate(R"((module (memory 1)
      (func (export "load") (param i32 i32) (result i32)
        (i32.load8_u offset=1 (i32.add (local.get 0) (local.get 1))))
      (func (export "store") (param i32 i32 i32)
        (i32.store8 offset=2 (i32.add (local.get 0) (local.get 1)) (local.get 2)))
      (func (export "store_imm") (param i32 i32)
        (i32.store16 (i32.add (local.get 0) (local.get 1)) (i32.const 0x1234)))))");
  ASSERT_TRUE(m) << m.error().to_string();
  EXPECT_EQ(h.call(*m, "store", {0xfffffff0u, 0x11, 55}), TrapCode::None);  // byte 1 + 2
  EXPECT_EQ(h.call1(*m, "load", {2, 0}), 55u);                              // byte 3
  EXPECT_EQ(h.call1(*m, "load", {0xffffffffu, 3}), 55u);
  EXPECT_EQ(h.call(*m, "store_imm", {100, 0xfffffffeu}), TrapCode::None);  // bytes 98, 99
  EXPECT_EQ(h.call1(*m, "load", {90, 8}), 0x12u);                          // byte 99
  EXPECT_EQ(h.call(*m, "load", {65534, 1}), TrapCode::MemoryOutOfBounds);
  EXPECT_EQ(h.call(*m, "store", {65530, 4, 0}), TrapCode::MemoryOutOfBounds);
  EXPECT_EQ(h.call(*m, "store_imm", {65535, 0}), TrapCode::MemoryOutOfBounds);
}

TEST_P(Superinstructions, ConstantAddressesTakeTheirOffsetAtLowering) {
  auto m = h.instantiate(R"((module (memory 1)
      (func (export "store") (param i32) (i32.store offset=4 (i32.const 8) (local.get 0)))
      (func (export "store_imm") (i64.store8 offset=1 (i32.const 20) (i64.const 0x1ff)))
      (func (export "load") (result i32) (i32.load offset=12 (i32.const 0)))
      (func (export "load_byte") (result i32) (i32.load8_u (i32.const 21)))
      (func (export "far") (result i32) (i32.load offset=0xfffffff0 (i32.const 0x20)))))");
  ASSERT_TRUE(m) << m.error().to_string();
  EXPECT_EQ(h.call(*m, "store", {0xabcd}), TrapCode::None);
  EXPECT_EQ(h.call1(*m, "load", {}), 0xabcdu);
  EXPECT_EQ(h.call(*m, "store_imm", {}), TrapCode::None);
  EXPECT_EQ(h.call1(*m, "load_byte", {}), 0xffu);
  // address + offset passes 2^32 without wrapping, so the access is out of bounds
  EXPECT_EQ(h.call(*m, "far", {}), TrapCode::MemoryOutOfBounds);
}

TEST_P(Superinstructions, ZeroTestOfAResultBranchesWithTheSenseInverted) {
  // i32.eqz of an and, sub or add right before it: br_if taken when the result is 0, if's
  // then-arm when it is 0, and a tee'd result still written.
  auto m = h.instantiate(R"((module
      (func (export "brif") (param i32 i32) (result i32)
        (block $b (result i32)
          (br_if $b (i32.const 10) (i32.eqz (i32.and (local.get 0) (local.get 1))))
          (drop)
          (i32.const 20)))
      (func (export "if") (param i32) (result i32)
        (if (result i32) (i32.eqz (i32.sub (local.get 0) (i32.const 7)))
          (then (i32.const 1))
          (else (i32.const 2))))
      (func (export "tee") (param i32) (result i32) (local i32)
        (block $b
          (br_if $b (i32.eqz (local.tee 1 (i32.add (local.get 0) (i32.const 1))))))
        (i32.add (local.get 1) (i32.const 100)))))");
  ASSERT_TRUE(m) << m.error().to_string();
  EXPECT_EQ(h.call1(*m, "brif", {4, 3}), 10u);  // 4 & 3 == 0: taken
  EXPECT_EQ(h.call1(*m, "brif", {5, 3}), 20u);
  EXPECT_EQ(h.call1(*m, "if", {7}), 1u);
  EXPECT_EQ(h.call1(*m, "if", {8}), 2u);
  EXPECT_EQ(h.call1(*m, "tee", {0xffffffffu}), 100u);  // the sum 0 written, branch taken
  EXPECT_EQ(h.call1(*m, "tee", {4}), 105u);
}

TEST_P(Superinstructions, ResultThatIsAlsoABranchConditionIsKept) {
  auto m = h.instantiate(R"((module
      ;; local.tee of an add, then br_if on the local: counts down and keeps the counter.
      (func (export "count_down") (param i32) (result i32) (local i32)
        (loop $l
          (local.set 1 (i32.add (local.get 1) (i32.const 3)))
          (br_if $l (local.tee 0 (i32.add (local.get 0) (i32.const -1)))))
        (i32.add (local.get 1) (i32.mul (local.get 0) (i32.const 1000))))
      ;; an and straight into br_if and into if, and a sub into br_if with values to move.
      (func (export "flags") (param i32 i32) (result i32)
        (block $b (result i32)
          (br_if $b (i32.const 10) (i32.and (local.get 0) (local.get 1)))
          (drop)
          (if (result i32) (i32.and (local.get 0) (i32.const 4))
            (then (i32.const 20))
            (else (i32.const 30)))))
      (func (export "differs") (param i32 i32) (result i32)
        (block $b (result i32)
          (br_if $b (i32.const 1) (i32.sub (local.get 0) (local.get 1)))
          (drop)
          (i32.const 0)))))");
  ASSERT_TRUE(m) << m.error().to_string();
  EXPECT_EQ(h.call1(*m, "count_down", {5}), 15u);
  EXPECT_EQ(h.call1(*m, "flags", {3, 1}), 10u);
  EXPECT_EQ(h.call1(*m, "flags", {4, 3}), 20u);
  EXPECT_EQ(h.call1(*m, "flags", {2, 1}), 30u);
  EXPECT_EQ(h.call1(*m, "differs", {7, 7}), 0u);
  EXPECT_EQ(h.call1(*m, "differs", {7, 8}), 1u);
}

INSTANTIATE_TEST_SUITE_P(BoundsModes, Superinstructions,
                         ::testing::Values(compile::BoundsChecks::Explicit,
                                           compile::BoundsChecks::GuardPages));

}  // namespace
}  // namespace weft::interp
