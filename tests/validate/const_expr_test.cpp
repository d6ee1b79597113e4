// Constant expressions: which instructions are constant, which globals they may read, types.
#include <gtest/gtest.h>

#include "expect.hpp"
#include "test_module.hpp"

namespace weft::validate::testing {
namespace {

const ValType i32 = ValType::i32(), i64 = ValType::i64(), f32 = ValType::f32();

TEST(ConstExpr, ConstantsAndImmutableImportedGlobals) {
  TestModule t;
  t.import_global(i32, false);
  t.global(i32, false, Code().op_u32(Opcode::GlobalGet, 0).end());
  t.global(i64, true, Code().i64_const(-1).end());
  t.global(ValType::v128(), false, Code().v128_const().end());
  t.global(ValType::funcref(), false, Code().op(Opcode::RefNull).u8(kFuncRef).end());
  EXPECT_TRUE(IsValid(t.validate()));
}

TEST(ConstExpr, OtherInstructionsAreNotConstant) {
  TestModule t;
  t.global(f32, false, Code().f32_const().op(Opcode::F32Neg).end());
  EXPECT_TRUE(IsInvalid(t.validate(), "constant expression required"));
  TestModule nop;
  nop.global(i32, false, Code().op(Opcode::Nop).end());
  EXPECT_TRUE(IsInvalid(nop.validate(), "constant expression required"));
  // Constness is checked before the local index.
  TestModule local;
  local.global(i32, false, Code().op_u32(Opcode::LocalGet, 0).end());
  EXPECT_TRUE(IsInvalid(local.validate(), "constant expression required"));
  TestModule add;
  add.global(i32, false, Code().i32_const(1).i32_const(2).op(Opcode::I32Add).end());
  EXPECT_TRUE(IsInvalid(add.validate(), "constant expression required"));
  ir::Features extended;
  extended.extended_const = true;
  EXPECT_TRUE(IsValid(add.validate(extended)));
}

TEST(ConstExpr, OnlyImportedGlobalsAreVisible) {
  TestModule t;
  t.global(i32, false, Code().i32_const(0).end());
  t.global(i32, false, Code().op_u32(Opcode::GlobalGet, 0).end());
  EXPECT_TRUE(IsInvalid(t.validate(), "unknown global 0"));

  TestModule data;
  data.memory();
  data.global(i32, false, Code().i32_const(0).end());
  ir::DataSegment d;
  d.mode = ir::SegmentMode::Active;
  d.offset = data.expr(Code().op_u32(Opcode::GlobalGet, 0).end());
  data.m.datas.push_back(d);
  EXPECT_TRUE(IsInvalid(data.validate(), "unknown global 0"));
}

TEST(ConstExpr, MutableGlobalsAreNotConstant) {
  TestModule t;
  t.import_global(i32, true);
  t.global(i32, false, Code().op_u32(Opcode::GlobalGet, 0).end());
  EXPECT_TRUE(IsInvalid(t.validate(), "constant expression required"));
}

TEST(ConstExpr, ResultMustBeExactlyTheType) {
  TestModule wrong;
  wrong.global(i32, false, Code().i64_const(0).end());
  EXPECT_TRUE(IsInvalid(wrong.validate(), "type mismatch"));
  TestModule empty;
  empty.global(i32, false, Code().end());
  EXPECT_TRUE(IsInvalid(empty.validate(), "type mismatch"));
  TestModule two;
  two.global(i32, false, Code().i32_const(0).i32_const(0).end());
  EXPECT_TRUE(IsInvalid(two.validate(), "type mismatch"));
}

TEST(ConstExpr, IllegalOpcodeIsMalformed) {
  TestModule t;
  t.global(i32, false, Code().raw({0xf3, 0x00, 0x0b}));
  EXPECT_TRUE(IsMalformed(t.validate(), "illegal opcode"));
}

TEST(ConstExpr, RefFuncNeedsAnExistingFunction) {
  TestModule t;
  t.global(ValType::funcref(), false, Code().op_u32(Opcode::RefFunc, 0).end());
  EXPECT_TRUE(IsInvalid(t.validate(), "unknown function 0"));
}

}  // namespace
}  // namespace weft::validate::testing
