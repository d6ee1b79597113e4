// Interpreter behaviour through small modules: operand folding and its aliasing pitfalls,
// branches carrying values, calls, traps, and both bounds-check modes.
#include <gtest/gtest.h>

#include "harness.hpp"

namespace weft::interp {
namespace {

using runtime::TrapCode;
using testing::Harness;

class Execution : public ::testing::TestWithParam<compile::BoundsChecks> {
 protected:
  Harness h{GetParam()};
};

TEST_P(Execution, PendingLocalReadIsNotClobberedBySet) {
  // local.get 0 stays pending on the stack while local 0 is overwritten.
  auto m = h.instantiate(R"((module (func (export "f") (param i32) (result i32)
      local.get 0
      i32.const 5
      local.set 0
      local.get 0
      i32.sub)))");
  ASSERT_TRUE(m) << m.error().to_string();
  EXPECT_EQ(h.call1(*m, "f", {12}), 7u);
}

TEST_P(Execution, TeeRetargetKeepsEarlierReads) {
  auto m = h.instantiate(R"((module (func (export "f") (param i32) (result i32)
      local.get 0
      local.get 0
      i32.const 1
      i32.add
      local.tee 0
      i32.mul)))");
  ASSERT_TRUE(m) << m.error().to_string();
  EXPECT_EQ(h.call1(*m, "f", {6}), 42u);
}

TEST_P(Execution, SwapThroughMultiValueReturn) {
  auto m = h.instantiate(R"((module (func (export "swap") (param i32 i32) (result i32 i32)
      local.get 1
      local.get 0)))");
  ASSERT_TRUE(m) << m.error().to_string();
  std::vector<uint64_t> results;
  ASSERT_EQ(h.call(*m, "swap", {1, 2}, &results), TrapCode::None);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0], 2u);
  EXPECT_EQ(results[1], 1u);
}

TEST_P(Execution, BranchCarriesValuesOutOfBlocks) {
  auto m = h.instantiate(R"((module (func (export "f") (param i32) (result i32)
      (block (result i32)
        (i32.const 10)
        (br_if 0 (local.get 0))
        (drop)
        (i32.const 20)))))");
  ASSERT_TRUE(m) << m.error().to_string();
  EXPECT_EQ(h.call1(*m, "f", {1}), 10u);
  EXPECT_EQ(h.call1(*m, "f", {0}), 20u);
}

TEST_P(Execution, LoopWithParametersCountsDown) {
  auto m = h.instantiate(R"((module
      (type $t (func (param i32) (result i32)))
      (func (export "sum") (param i32) (result i32) (local $acc i32)
        (local.get 0)
        (loop $l (type $t)
          (local.tee 0)
          (local.get $acc) (i32.add) (local.set $acc)
          (local.get 0) (i32.const 1) (i32.sub)
          (local.tee 0)
          (br_if $l (local.get 0))
        )
        (drop)
        (local.get $acc))))");
  ASSERT_TRUE(m) << m.error().to_string();
  EXPECT_EQ(h.call1(*m, "sum", {10}), 55u);
}

TEST_P(Execution, BrTableSelectsTargets) {
  auto m = h.instantiate(R"((module (func (export "f") (param i32) (result i32)
      (block (result i32) (block (result i32) (block (result i32)
        (i32.const 7) (local.get 0) (br_table 0 1 2))
        (i32.const 100) (i32.add) (return))
        (i32.const 200) (i32.add) (return)))))");
  ASSERT_TRUE(m) << m.error().to_string();
  EXPECT_EQ(h.call1(*m, "f", {0}), 107u);
  EXPECT_EQ(h.call1(*m, "f", {1}), 207u);
  EXPECT_EQ(h.call1(*m, "f", {2}), 7u);
  EXPECT_EQ(h.call1(*m, "f", {99}), 7u);
}

TEST_P(Execution, RecursionComputesFactorial) {
  auto m = h.instantiate(R"((module (func $fac (export "fac") (param i64) (result i64)
      (if (result i64) (i64.eqz (local.get 0))
        (then (i64.const 1))
        (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1)))))))))");
  ASSERT_TRUE(m) << m.error().to_string();
  EXPECT_EQ(h.call1(*m, "fac", {20}), 2432902008176640000u);
}

TEST_P(Execution, InfiniteRecursionTrapsInsteadOfCrashing) {
  auto m = h.instantiate(R"((module (func $f (export "f") (call $f))))");
  ASSERT_TRUE(m) << m.error().to_string();
  EXPECT_EQ(h.call(*m, "f", {}), TrapCode::CallStackExhausted);
  // The thread's interpreter stack is usable again afterwards.
  auto ok = h.instantiate(R"((module (func (export "g") (result i32) (i32.const 3))))");
  ASSERT_TRUE(ok);
  EXPECT_EQ(h.call1(*ok, "g", {}), 3u);
}

TEST_P(Execution, TrapsCarryTheirCodes) {
  auto m = h.instantiate(R"((module (memory 1)
      (table 2 funcref) (elem (i32.const 0) $a)
      (func $a (result i32) (i32.const 1))
      (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
      (func (export "load") (param i32) (result i32) (i32.load offset=4 (local.get 0)))
      (func (export "store") (param i32) (i64.store (local.get 0) (i64.const 1)))
      (func (export "trunc") (param f32) (result i32) (i32.trunc_f32_s (local.get 0)))
      (func (export "icall") (param i32) (result i32) (call_indirect (result i32) (local.get 0)))
      (func (export "icall_bad") (param i32) (result i64)
        (call_indirect (result i64) (local.get 0)))
      (func (export "unreachable") unreachable)))");
  ASSERT_TRUE(m) << m.error().to_string();
  EXPECT_EQ(h.call(*m, "div", {1, 0}), TrapCode::IntegerDivideByZero);
  EXPECT_EQ(h.call(*m, "div", {0x80000000u, 0xffffffffu}), TrapCode::IntegerOverflow);
  EXPECT_EQ(h.call1(*m, "load", {65532 - 4}), 0u);
  EXPECT_EQ(h.call(*m, "load", {65533 - 4}), TrapCode::MemoryOutOfBounds);
  EXPECT_EQ(h.call(*m, "load", {0xffffffffu}), TrapCode::MemoryOutOfBounds);
  EXPECT_EQ(h.call(*m, "store", {65529}), TrapCode::MemoryOutOfBounds);
  EXPECT_EQ(h.call(*m, "trunc", {0x7fc00000u}), TrapCode::InvalidConversionToInteger);
  EXPECT_EQ(h.call1(*m, "icall", {0}), 1u);
  EXPECT_EQ(h.call(*m, "icall", {1}), TrapCode::UninitializedElement);
  EXPECT_EQ(h.call(*m, "icall", {2}), TrapCode::UndefinedElement);
  EXPECT_EQ(h.call(*m, "icall_bad", {0}), TrapCode::IndirectCallTypeMismatch);
  EXPECT_EQ(h.call(*m, "unreachable", {}), TrapCode::Unreachable);
}

TEST_P(Execution, MemoryGrowMakesNewPagesAccessible) {
  auto m = h.instantiate(R"((module (memory 1 3)
      (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
      (func (export "poke") (param i32) (result i32)
        (i32.store8 (local.get 0) (i32.const 9)) (i32.load8_u (local.get 0)))))");
  ASSERT_TRUE(m) << m.error().to_string();
  EXPECT_EQ(h.call(*m, "poke", {70000}), TrapCode::MemoryOutOfBounds);
  EXPECT_EQ(h.call1(*m, "grow", {1}), 1u);
  EXPECT_EQ(h.call1(*m, "poke", {70000}), 9u);
  EXPECT_EQ(h.call1(*m, "grow", {5}), 0xffffffffu);
}

TEST_P(Execution, HostFunctionCanReenterWasm) {
  runtime::VMFuncRef* inner = nullptr;
  Result<runtime::VMFuncRef*> host = h.store().new_host_func(
      ir::FuncType{{ir::ValType::i32()}, {ir::ValType::i32()}},
      [&inner](std::span<runtime::ValRaw> values) {
        return inner->array_call(inner, nullptr, values.data(), values.size());
      });
  ASSERT_TRUE(host);
  runtime::Extern import;
  import.func = *host;
  auto m = h.instantiate(R"((module (import "host" "f" (func $h (param i32) (result i32)))
      (func (export "double") (param i32) (result i32) (i32.add (local.get 0) (local.get 0)))
      (func (export "outer") (param i32) (result i32)
        (i32.add (i32.const 1) (call $h (local.get 0))))))",
                         {&import, 1});
  ASSERT_TRUE(m) << m.error().to_string();
  inner = (*m)->find_export("double")->func;
  EXPECT_EQ(h.call1(*m, "outer", {20}), 41u);
}

TEST_P(Execution, FoldedAddressAddWrapsAround) {
  // (base + k) wraps at 2^32 before the static offset is added, as i32.add does.
  auto m = h.instantiate(R"((module (memory 1)
      (func (export "load") (param i32) (result i32)
        (i32.load8_u (i32.add (local.get 0) (i32.const 2))))
      (func (export "store") (param i32 i32)
        (i32.store8 offset=1 (i32.add (local.get 0) (i32.const 4)) (local.get 1)))
      (func (export "store_imm") (param i32)
        (i32.store8 (i32.add (local.get 0) (i32.const 4)) (i32.const 77)))))");
  ASSERT_TRUE(m) << m.error().to_string();
  EXPECT_EQ(h.call(*m, "store", {0xfffffffcu, 55}), TrapCode::None);  // byte 0 + 1
  EXPECT_EQ(h.call1(*m, "load", {0xffffffffu}), 55u);                 // byte 1
  EXPECT_EQ(h.call1(*m, "load", {0xfffffffeu}), 0u);                  // byte 0
  EXPECT_EQ(h.call(*m, "store_imm", {0xfffffffdu}), TrapCode::None);  // byte 1
  EXPECT_EQ(h.call1(*m, "load", {0xffffffffu}), 77u);
  EXPECT_EQ(h.call(*m, "load", {65534}), TrapCode::MemoryOutOfBounds);
  EXPECT_EQ(h.call(*m, "store", {65531, 1}), TrapCode::MemoryOutOfBounds);
  EXPECT_EQ(h.call(*m, "store_imm", {65532}), TrapCode::MemoryOutOfBounds);
}

TEST_P(Execution, FusedComparisonBranchesFollowNaNRules) {
  auto m = h.instantiate(R"((module
      (func (export "lt") (param f64 f64) (result i32)
        (block (br_if 0 (f64.lt (local.get 0) (local.get 1))) (return (i32.const 0)))
        (i32.const 1))
      (func (export "not_lt") (param f64 f64) (result i32)
        (if (result i32) (f64.lt (local.get 0) (local.get 1))
          (then (i32.const 1)) (else (i32.const 0))))
      (func (export "lt_imm") (param i64) (result i32)
        (block (br_if 0 (i64.lt_s (local.get 0) (i64.const -5))) (return (i32.const 0)))
        (i32.const 1))
      (func (export "eqz") (param i32) (result i32)
        (block (br_if 0 (i32.eqz (local.get 0))) (return (i32.const 0)))
        (i32.const 1))))");
  ASSERT_TRUE(m) << m.error().to_string();
  const uint64_t one = 0x3ff0000000000000u, two = 0x4000000000000000u, nan = 0x7ff8000000000000u;
  EXPECT_EQ(h.call1(*m, "lt", {one, two}), 1u);
  EXPECT_EQ(h.call1(*m, "lt", {two, one}), 0u);
  EXPECT_EQ(h.call1(*m, "lt", {nan, one}), 0u);
  EXPECT_EQ(h.call1(*m, "not_lt", {one, two}), 1u);
  EXPECT_EQ(h.call1(*m, "not_lt", {one, nan}), 0u);
  EXPECT_EQ(h.call1(*m, "lt_imm", {static_cast<uint64_t>(-6)}), 1u);
  EXPECT_EQ(h.call1(*m, "lt_imm", {static_cast<uint64_t>(-5)}), 0u);
  EXPECT_EQ(h.call1(*m, "eqz", {0}), 1u);
  EXPECT_EQ(h.call1(*m, "eqz", {0x100000000u}), 1u);  // only the low 32 bits count
  EXPECT_EQ(h.call1(*m, "eqz", {7}), 0u);
}

INSTANTIATE_TEST_SUITE_P(BoundsModes, Execution,
                         ::testing::Values(compile::BoundsChecks::Explicit,
                                           compile::BoundsChecks::GuardPages));

}  // namespace
}  // namespace weft::interp
