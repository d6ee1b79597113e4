// SIMD: lane indices, shuffles, memory accesses with lanes, and alignment.
#include <gtest/gtest.h>

#include "expect.hpp"
#include "test_module.hpp"

namespace weft::validate::testing {
namespace {

const ValType i32 = ValType::i32(), v128 = ValType::v128();

Result<void> with_memory(Code code, std::vector<ValType> results = {}) {
  TestModule t;
  t.memory();
  t.func(code, std::move(results));
  return t.validate();
}

TEST(Simd, LaneIndicesAreBoundedByTheLaneCount) {
  EXPECT_TRUE(
      IsValid(with_memory(Code().v128_const().op(Opcode::I8x16ExtractLaneS).u8(15).end(), {i32})));
  EXPECT_TRUE(
      IsInvalid(with_memory(Code().v128_const().op(Opcode::I8x16ExtractLaneS).u8(16).end(), {i32}),
                "invalid lane index"));
  EXPECT_TRUE(IsInvalid(
      with_memory(Code().v128_const().op(Opcode::F64x2ExtractLane).u8(2).end(), {ValType::f64()}),
      "invalid lane index"));
  EXPECT_TRUE(IsValid(with_memory(
      Code().v128_const().i64_const(0).op(Opcode::I64x2ReplaceLane).u8(1).end(), {v128})));
  EXPECT_TRUE(IsInvalid(
      with_memory(Code().v128_const().i32_const(0).op(Opcode::I64x2ReplaceLane).u8(1).end(),
                  {v128}),
      "type mismatch"));
}

TEST(Simd, ShuffleLanesAreBelow32) {
  Code ok;
  ok.v128_const().v128_const().op(Opcode::I8x16Shuffle);
  for (int i = 0; i < 16; ++i) ok.u8(static_cast<uint8_t>(i * 2));
  EXPECT_TRUE(IsValid(with_memory(ok.end(), {v128})));
  Code bad;
  bad.v128_const().v128_const().op(Opcode::I8x16Shuffle);
  for (int i = 0; i < 16; ++i) bad.u8(i == 7 ? 32 : 0);
  EXPECT_TRUE(IsInvalid(with_memory(bad.end(), {v128}), "invalid lane index"));
}

TEST(Simd, LoadAndStoreLanes) {
  EXPECT_TRUE(IsValid(with_memory(
      Code().i32_const(0).v128_const().mem(Opcode::V128Load16Lane, 1).u8(7).end(), {v128})));
  EXPECT_TRUE(IsInvalid(
      with_memory(Code().i32_const(0).v128_const().mem(Opcode::V128Load16Lane, 1).u8(8).end(),
                  {v128}),
      "invalid lane index"));
  EXPECT_TRUE(IsInvalid(
      with_memory(Code().i32_const(0).v128_const().mem(Opcode::V128Store64Lane, 4).u8(0).end()),
      "alignment must not be larger than natural"));
  EXPECT_TRUE(IsValid(
      with_memory(Code().i32_const(0).v128_const().mem(Opcode::V128Store64Lane, 3).u8(1).end())));
}

TEST(Simd, MemoryAccessAlignment) {
  EXPECT_TRUE(IsValid(with_memory(Code().i32_const(0).mem(Opcode::V128Load, 4).end(), {v128})));
  EXPECT_TRUE(IsInvalid(with_memory(Code().i32_const(0).mem(Opcode::V128Load, 5).end(), {v128}),
                        "alignment must not be larger than natural"));
  EXPECT_TRUE(IsInvalid(with_memory(Code().i32_const(0).mem(Opcode::V128Load8x8S, 4).end(), {v128}),
                        "alignment must not be larger than natural"));
  EXPECT_TRUE(
      IsInvalid(with_memory(Code().i32_const(0).mem(Opcode::V128Load32Zero, 3).end(), {v128}),
                "alignment must not be larger than natural"));
}

TEST(Simd, V128BlocksAndSelect) {
  EXPECT_TRUE(IsValid(with_memory(Code()
                                      .op(Opcode::Block)
                                      .u8(kV128)
                                      .v128_const()
                                      .end()
                                      .v128_const()
                                      .i32_const(1)
                                      .op(Opcode::Select)
                                      .end(),
                                  {v128})));
  EXPECT_TRUE(IsValid(with_memory(Code()
                                      .v128_const()
                                      .v128_const()
                                      .v128_const()
                                      .op(Opcode::V128Bitselect)
                                      .op(Opcode::V128AnyTrue)
                                      .end(),
                                  {i32})));
}

TEST(Simd, PrefixIsIllegalWhenSimdIsOff) {
  ir::Features f;
  f.simd = false;
  TestModule t;
  t.func(Code().v128_const().op(Opcode::Drop).end());
  EXPECT_TRUE(Rejects(t.validate(f), ErrorKind::Malformed, "illegal opcode"));
}

}  // namespace
}  // namespace weft::validate::testing
