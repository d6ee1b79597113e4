// v128 values in the interpreter's frames: two-slot locals and temps, and every way a v128
// moves (calls in all forms, host calls, branches, select, globals, multi-value returns),
// plus 16-byte accesses at the end of memory in both bounds-check modes.
#include <gtest/gtest.h>

#include <cstring>

#include "harness.hpp"

namespace weft::interp {
namespace {

using runtime::TrapCode;
using runtime::ValRaw;
using testing::Harness;

ValRaw i32x4(uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
  ValRaw v{};
  const uint32_t lanes[4] = {a, b, c, d};
  std::memcpy(v.v128, lanes, 16);
  return v;
}
ValRaw i32(uint32_t x) {
  ValRaw v{};
  v.i32 = x;
  return v;
}
bool same_v128(const ValRaw& a, const ValRaw& b) {
  return std::memcmp(a.v128, b.v128, 16) == 0;
}

class V128Frames : public ::testing::TestWithParam<compile::BoundsChecks> {
 protected:
  Harness h{GetParam()};
};

TEST_P(V128Frames, ParamsAndLocalsOfMixedWidthKeepTheirValues) {
  auto m = h.instantiate(R"((module
    (func (export "f") (param i32 v128 i32 v128) (result v128 i32 v128)
      (local v128 i64 i32)
      (local.set 4 (i32x4.add (local.get 1) (local.get 3)))
      (local.set 6 (i32.add (local.get 0) (local.get 2)))
      (local.get 3) (local.get 6) (local.get 4))))");
  ASSERT_TRUE(m) << m.error().to_string();
  std::vector<ValRaw> v = {i32(5), i32x4(1, 2, 3, 4), i32(7), i32x4(10, 20, 30, 40)};
  ASSERT_EQ(h.call_raw(*m, "f", v), TrapCode::None);
  ASSERT_EQ(v.size(), 3u);
  EXPECT_TRUE(same_v128(v[0], i32x4(10, 20, 30, 40)));
  EXPECT_EQ(v[1].i32, 12u);
  EXPECT_TRUE(same_v128(v[2], i32x4(11, 22, 33, 44)));
}

TEST_P(V128Frames, MultiValueReturnSwapsV128AndScalar) {
  auto m = h.instantiate(R"((module
    (func (export "swap") (param i32 v128) (result v128 i32) (local.get 1) (local.get 0))))");
  ASSERT_TRUE(m) << m.error().to_string();
  std::vector<ValRaw> v = {i32(9), i32x4(1, 2, 3, 4)};
  ASSERT_EQ(h.call_raw(*m, "swap", v), TrapCode::None);
  EXPECT_TRUE(same_v128(v[0], i32x4(1, 2, 3, 4)));
  EXPECT_EQ(v[1].i32, 9u);
}

TEST_P(V128Frames, BranchesMoveV128sDownTheStack) {
  // br_if out of a block whose result sits below a dropped scalar and a pending local; and a
  // loop carrying a v128 parameter.
  auto m = h.instantiate(R"((module
    (func (export "out") (param i32 v128) (result i32 v128)
      (block (result i32 v128)
        (i32.const 1)
        (drop (i32.const 2))
        (local.get 1)
        (br_if 0 (local.get 0))
        (drop) (drop)
        (i32.const 3) (v128.const i32x4 7 7 7 7)))
    (func (export "loop") (param i32) (result v128)
      (v128.const i32x4 0 0 0 0)
      (loop (param v128) (result v128)
        (i32x4.add (v128.const i32x4 1 2 3 4))
        (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
        (br_if 0 (local.get 0))))))");
  ASSERT_TRUE(m) << m.error().to_string();
  std::vector<ValRaw> v = {i32(1), i32x4(5, 6, 7, 8)};
  ASSERT_EQ(h.call_raw(*m, "out", v), TrapCode::None);
  EXPECT_EQ(v[0].i32, 1u);
  EXPECT_TRUE(same_v128(v[1], i32x4(5, 6, 7, 8)));
  v = {i32(0), i32x4(5, 6, 7, 8)};
  ASSERT_EQ(h.call_raw(*m, "out", v), TrapCode::None);
  EXPECT_EQ(v[0].i32, 3u);
  EXPECT_TRUE(same_v128(v[1], i32x4(7, 7, 7, 7)));
  v = {i32(3)};
  ASSERT_EQ(h.call_raw(*m, "loop", v), TrapCode::None);
  EXPECT_TRUE(same_v128(v[0], i32x4(3, 6, 9, 12)));
}

TEST_P(V128Frames, BranchPlacesResultsByTheLabelsWidths) {
  // Below the branch's values sits a scalar where the label's v128 result goes: the
  // destinations follow the label's types, not what the stack holds there at the branch.
  auto m = h.instantiate(R"((module
    (func (export "f") (param i32) (result v128 i32)
      (block (result v128 i32)
        (i32.const 1) (v128.const i32x4 1 2 3 4) (i32.const 5)
        (br_if 0 (local.get 0))
        (br 0)))))");
  ASSERT_TRUE(m) << m.error().to_string();
  for (uint32_t taken : {0u, 1u}) {
    std::vector<ValRaw> v = {i32(taken)};
    ASSERT_EQ(h.call_raw(*m, "f", v), TrapCode::None);
    EXPECT_TRUE(same_v128(v[0], i32x4(1, 2, 3, 4)));
    EXPECT_EQ(v[1].i32, 5u);
  }
}

TEST_P(V128Frames, BrTableAndIfCarryV128Results) {
  auto m = h.instantiate(R"((module
    (func (export "f") (param i32) (result v128)
      (block (result v128)
        (block (result v128)
          (v128.const i32x4 1 1 1 1)
          (br_table 0 1 (local.get 0)))
        (if (result v128) (i32.eqz (local.get 0))
          (then (v128.const i32x4 2 2 2 2))
          (else (v128.const i32x4 3 3 3 3)))
        (i32x4.add)))))");
  ASSERT_TRUE(m) << m.error().to_string();
  std::vector<ValRaw> v = {i32(0)};
  ASSERT_EQ(h.call_raw(*m, "f", v), TrapCode::None);
  EXPECT_TRUE(same_v128(v[0], i32x4(3, 3, 3, 3)));
  v = {i32(1)};
  ASSERT_EQ(h.call_raw(*m, "f", v), TrapCode::None);
  EXPECT_TRUE(same_v128(v[0], i32x4(1, 1, 1, 1)));
}

TEST_P(V128Frames, DirectIndirectAndHostCallsPassV128s) {
  Result<runtime::VMFuncRef*> host =
      h.store().new_host_func(ir::FuncType{{ir::ValType::i32(), ir::ValType::v128()},
                                           {ir::ValType::v128(), ir::ValType::i32()}},
                              [](std::span<runtime::ValRaw> values) {
                                uint32_t lanes[4];
                                std::memcpy(lanes, values[1].v128, 16);
                                const uint32_t scalar = values[0].i32;
                                for (uint32_t& lane : lanes) lane += scalar;
                                std::memcpy(values[0].v128, lanes, 16);
                                values[1] = ValRaw{};
                                values[1].i32 = scalar * 2;
                                return TrapCode::None;
                              });
  ASSERT_TRUE(host);
  runtime::Extern import;
  import.func = *host;
  auto m = h.instantiate(R"((module
    (import "host" "f" (func $host (param i32 v128) (result v128 i32)))
    (type $t (func (param i32 v128) (result v128 i32)))
    (table funcref (elem $twice))
    (func $twice (param i32 v128) (result v128 i32)
      (i32x4.add (local.get 1) (local.get 1)) (i32.add (local.get 0) (i32.const 1)))
    (func (export "direct") (param i32 v128) (result v128 i32)
      (call $twice (local.get 0) (local.get 1)))
    (func (export "indirect") (param i32 v128) (result v128 i32)
      (call_indirect (type $t) (local.get 0) (local.get 1) (i32.const 0)))
    (func (export "host") (param i32 v128) (result v128 i32)
      (call $host (local.get 0) (local.get 1)))))",
                         {&import, 1});
  ASSERT_TRUE(m) << m.error().to_string();
  std::vector<ValRaw> v = {i32(4), i32x4(1, 2, 3, 4)};
  ASSERT_EQ(h.call_raw(*m, "direct", v), TrapCode::None);
  EXPECT_TRUE(same_v128(v[0], i32x4(2, 4, 6, 8)));
  EXPECT_EQ(v[1].i32, 5u);
  v = {i32(4), i32x4(1, 2, 3, 4)};
  ASSERT_EQ(h.call_raw(*m, "indirect", v), TrapCode::None);
  EXPECT_TRUE(same_v128(v[0], i32x4(2, 4, 6, 8)));
  EXPECT_EQ(v[1].i32, 5u);
  v = {i32(4), i32x4(1, 2, 3, 4)};
  ASSERT_EQ(h.call_raw(*m, "host", v), TrapCode::None);
  EXPECT_TRUE(same_v128(v[0], i32x4(5, 6, 7, 8)));
  EXPECT_EQ(v[1].i32, 8u);
}

TEST_P(V128Frames, SelectAndGlobalsCarryV128s) {
  auto m = h.instantiate(R"((module
    (global $g (mut v128) (v128.const i32x4 1 2 3 4))
    (func (export "f") (param i32 v128) (result v128)
      (global.set $g (select (local.get 1) (global.get $g) (local.get 0)))
      (global.get $g))))");
  ASSERT_TRUE(m) << m.error().to_string();
  std::vector<ValRaw> v = {i32(0), i32x4(9, 9, 9, 9)};
  ASSERT_EQ(h.call_raw(*m, "f", v), TrapCode::None);
  EXPECT_TRUE(same_v128(v[0], i32x4(1, 2, 3, 4)));
  v = {i32(1), i32x4(9, 9, 9, 9)};
  ASSERT_EQ(h.call_raw(*m, "f", v), TrapCode::None);
  EXPECT_TRUE(same_v128(v[0], i32x4(9, 9, 9, 9)));
}

TEST_P(V128Frames, SixteenByteAccessesAtTheEndOfMemory) {
  auto m = h.instantiate(R"((module (memory 1)
    (func (export "store") (param i32 v128) (v128.store (local.get 0) (local.get 1)))
    (func (export "load") (param i32) (result v128) (v128.load (local.get 0)))))");
  ASSERT_TRUE(m) << m.error().to_string();
  std::vector<ValRaw> v = {i32(65520), i32x4(1, 2, 3, 4)};
  ASSERT_EQ(h.call_raw(*m, "store", v), TrapCode::None);
  v = {i32(65521), i32x4(5, 6, 7, 8)};
  EXPECT_EQ(h.call_raw(*m, "store", v), TrapCode::MemoryOutOfBounds);
  v = {i32(65521)};
  EXPECT_EQ(h.call_raw(*m, "load", v), TrapCode::MemoryOutOfBounds);
  v = {i32(0xfffffff8)};
  EXPECT_EQ(h.call_raw(*m, "load", v), TrapCode::MemoryOutOfBounds);
  // The failed store wrote nothing.
  v = {i32(65520)};
  ASSERT_EQ(h.call_raw(*m, "load", v), TrapCode::None);
  EXPECT_TRUE(same_v128(v[0], i32x4(1, 2, 3, 4)));
}

INSTANTIATE_TEST_SUITE_P(BoundsModes, V128Frames,
                         ::testing::Values(compile::BoundsChecks::Explicit,
                                           compile::BoundsChecks::GuardPages));

}  // namespace
}  // namespace weft::interp
