// Memory, bulk memory, table and reference instructions: their indices, immediates and typing.
#include <gtest/gtest.h>

#include "expect.hpp"
#include "test_module.hpp"

namespace weft::validate::testing {
namespace {

const ValType i32 = ValType::i32(), i64 = ValType::i64();

TEST(MemoryInstructions, LoadsAndStoresNeedAMemoryAndNaturalAlignment) {
  TestModule ok;
  ok.memory();
  ok.func(
      Code().i32_const(0).i32_const(0).mem(Opcode::I64Load32U, 2).mem(Opcode::I64Store, 3).end());
  EXPECT_TRUE(IsValid(ok.validate()));

  TestModule align;
  align.memory();
  align.func(Code().i32_const(0).mem(Opcode::I32Load16S, 2).op(Opcode::Drop).end());
  EXPECT_TRUE(IsInvalid(align.validate(), "alignment must not be larger than natural"));

  TestModule none;
  none.func(Code().i32_const(0).mem(Opcode::I32Load, 2).op(Opcode::Drop).end());
  EXPECT_TRUE(IsInvalid(none.validate(), "unknown memory 0"));

  TestModule addr;
  addr.memory();
  addr.func(Code().i64_const(0).mem(Opcode::F32Load, 2).op(Opcode::Drop).end());
  EXPECT_TRUE(IsInvalid(addr.validate(), "type mismatch"));
}

TEST(MemoryInstructions, SizeAndGrowTakeAZeroByte) {
  TestModule t;
  t.memory();
  t.func(Code().op(Opcode::MemorySize).u8(0).op(Opcode::MemoryGrow).u8(0).end(), {i32});
  EXPECT_TRUE(IsValid(t.validate()));

  TestModule nonzero;
  nonzero.memory();
  nonzero.func(Code().op(Opcode::MemorySize).u8(1).end(), {i32});
  EXPECT_TRUE(IsMalformed(nonzero.validate(), "zero byte expected"));

  // A zero written as a two-byte LEB128 is not the reserved byte either.
  TestModule leb;
  leb.memory();
  leb.func(Code().op(Opcode::MemorySize).raw({0x80, 0x00}).end(), {i32});
  EXPECT_TRUE(IsMalformed(leb.validate(), "zero byte expected"));

  TestModule none;
  none.func(Code().op(Opcode::MemorySize).u8(0).end(), {i32});
  EXPECT_TRUE(IsInvalid(none.validate(), "unknown memory"));
}

TEST(MemoryInstructions, MultiMemoryReadsIndices) {
  ir::Features f;
  f.multi_memory = true;
  TestModule t;
  t.memory();
  t.memory();
  // memarg with bit 6: memory index 1 follows the alignment.
  t.func(Code()
             .i32_const(0)
             .op(Opcode::I32Load)
             .u32(0x40 | 2)
             .u32(1)
             .u32(0)
             .op(Opcode::MemorySize)
             .u32(1)
             .op(Opcode::I32Add)
             .op(Opcode::Drop)
             .end());
  EXPECT_TRUE(IsValid(t.validate(f)));
  // Without multi-memory, bit 6 is part of the alignment (invalid), and memory.size's index must
  // be a zero byte (malformed, which wins: the spec decodes everything before validating).
  EXPECT_TRUE(IsMalformed(t.validate(), "zero byte expected"));

  TestModule bad;
  bad.memory();
  bad.func(Code().op(Opcode::MemorySize).u32(3).op(Opcode::Drop).end());
  EXPECT_TRUE(IsInvalid(bad.validate(f), "unknown memory 3"));
}

TEST(BulkMemory, DataIndicesNeedTheDataCountSection) {
  TestModule t;
  t.memory();
  t.passive_data();
  t.func(Code()
             .i32_const(0)
             .i32_const(0)
             .i32_const(0)
             .op(Opcode::MemoryInit)
             .u32(0)
             .u8(0)
             .op(Opcode::DataDrop)
             .u32(0)
             .end());
  EXPECT_TRUE(IsValid(t.validate()));

  TestModule no_count;
  no_count.memory();
  no_count.passive_data(false);
  no_count.func(Code().op(Opcode::DataDrop).u32(0).end());
  EXPECT_TRUE(IsMalformed(no_count.validate(), "data count section required"));

  TestModule unknown;
  unknown.memory();
  unknown.passive_data();
  unknown.func(Code().op(Opcode::DataDrop).u32(1).end());
  EXPECT_TRUE(IsInvalid(unknown.validate(), "unknown data segment 1"));

  TestModule no_memory;
  no_memory.passive_data();
  no_memory.func(
      Code().i32_const(0).i32_const(0).i32_const(0).op(Opcode::MemoryInit).u32(0).u8(0).end());
  EXPECT_TRUE(IsInvalid(no_memory.validate(), "unknown memory 0"));
}

TEST(BulkMemory, CopyAndFill) {
  TestModule t;
  t.memory();
  t.func(Code()
             .i32_const(0)
             .i32_const(0)
             .i32_const(0)
             .op(Opcode::MemoryCopy)
             .u8(0)
             .u8(0)
             .i32_const(0)
             .i32_const(0)
             .i32_const(0)
             .op(Opcode::MemoryFill)
             .u8(0)
             .end());
  EXPECT_TRUE(IsValid(t.validate()));

  TestModule wrong;
  wrong.memory();
  wrong.func(Code().i32_const(0).i64_const(0).i32_const(0).op(Opcode::MemoryFill).u8(0).end());
  EXPECT_TRUE(IsInvalid(wrong.validate(), "type mismatch"));

  TestModule none;
  none.func(Code().i32_const(0).i32_const(0).i32_const(0).op(Opcode::MemoryCopy).u8(0).u8(0).end());
  EXPECT_TRUE(IsInvalid(none.validate(), "unknown memory 0"));
}

TEST(TableInstructions, GetSetSizeGrowFill) {
  TestModule t;
  t.table(ValType::externref());
  Code c;
  c.i32_const(0).op_u32(Opcode::TableGet, 0).op(Opcode::Drop);
  c.i32_const(0).op(Opcode::RefNull).u8(kExternRef).op_u32(Opcode::TableSet, 0);
  c.op(Opcode::RefNull).u8(kExternRef).i32_const(1).op_u32(Opcode::TableGrow, 0).op(Opcode::Drop);
  c.i32_const(0).op(Opcode::RefNull).u8(kExternRef).i32_const(1).op_u32(Opcode::TableFill, 0);
  c.op_u32(Opcode::TableSize, 0).end();
  t.func(c, {i32});
  EXPECT_TRUE(IsValid(t.validate()));

  TestModule wrong_ref;
  wrong_ref.table(ValType::externref());
  wrong_ref.func(
      Code().i32_const(0).op(Opcode::RefNull).u8(kFuncRef).op_u32(Opcode::TableSet, 0).end());
  EXPECT_TRUE(IsInvalid(wrong_ref.validate(), "type mismatch"));

  TestModule none;
  none.func(Code().op_u32(Opcode::TableSize, 0).end(), {i32});
  EXPECT_TRUE(IsInvalid(none.validate(), "unknown table 0"));
}

TEST(TableInstructions, InitCopyAndDropCheckSegmentsAndTypes) {
  TestModule t;
  t.table();
  t.table(ValType::externref());
  ir::ElemSegment funcs;  // passive funcref segment
  t.m.elems.push_back(funcs);
  Code ok;
  ok.i32_const(0).i32_const(0).i32_const(0).op(Opcode::TableInit).u32(0).u32(0);
  ok.op(Opcode::ElemDrop).u32(0);
  ok.i32_const(0).i32_const(0).i32_const(0).op(Opcode::TableCopy).u32(1).u32(1).end();
  t.func(ok);
  EXPECT_TRUE(IsValid(t.validate()));

  t.set_body(
      0, Code().i32_const(0).i32_const(0).i32_const(0).op(Opcode::TableInit).u32(0).u32(1).end());
  EXPECT_TRUE(IsInvalid(t.validate(), "type mismatch"));
  Code copy;
  copy.i32_const(0).i32_const(0).i32_const(0).op(Opcode::TableCopy).u32(0).u32(1).end();
  t.set_body(0, copy);
  EXPECT_TRUE(IsInvalid(t.validate(), "type mismatch"));
  Code drop;
  drop.op(Opcode::ElemDrop).u32(4).end();
  t.set_body(0, drop);
  EXPECT_TRUE(IsInvalid(t.validate(), "unknown elem segment 4"));
}

TEST(References, NullIsNullAndFunc) {
  TestModule t;
  const uint32_t f =
      t.func(Code().op(Opcode::RefNull).u8(kExternRef).op(Opcode::RefIsNull).end(), {i32});
  t.declare({f});
  t.func(Code().op_u32(Opcode::RefFunc, f).end(), {ValType::funcref()});
  EXPECT_TRUE(IsValid(t.validate()));

  TestModule undeclared;
  const uint32_t g = undeclared.func(Code().end());
  undeclared.func(Code().op_u32(Opcode::RefFunc, g).end(), {ValType::funcref()});
  EXPECT_TRUE(IsInvalid(undeclared.validate(), "undeclared function reference"));
  // An export declares it too.
  undeclared.export_("g", ir::ExternKind::Func, g);
  EXPECT_TRUE(IsValid(undeclared.validate()));

  TestModule by_global;
  const uint32_t h = by_global.func(Code().end());
  by_global.global(ValType::funcref(), false, Code().op_u32(Opcode::RefFunc, h).end());
  by_global.func(Code().op_u32(Opcode::RefFunc, h).end(), {ValType::funcref()});
  EXPECT_TRUE(IsValid(by_global.validate()));

  TestModule unknown;
  unknown.func(Code().op_u32(Opcode::RefFunc, 7).end(), {ValType::funcref()});
  EXPECT_TRUE(IsInvalid(unknown.validate(), "unknown function 7"));

  TestModule not_ref;
  not_ref.func(Code().i32_const(0).op(Opcode::RefIsNull).end(), {i32});
  EXPECT_TRUE(IsInvalid(not_ref.validate(), "type mismatch"));

  TestModule bad_heap;
  bad_heap.func(Code().op(Opcode::RefNull).u8(0x7f).op(Opcode::Drop).end());
  EXPECT_TRUE(IsMalformed(bad_heap.validate(), "malformed reference type"));
  (void)i64;
}

}  // namespace
}  // namespace weft::validate::testing
