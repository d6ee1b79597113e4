// Module-level rules: types of functions, limits, memories, start, exports and segments.
#include <gtest/gtest.h>

#include "expect.hpp"
#include "test_module.hpp"

namespace weft::validate::testing {
namespace {

const ValType i32 = ValType::i32(), i64 = ValType::i64();

TEST(ModuleChecks, EmptyModuleIsValid) {
  EXPECT_TRUE(IsValid(TestModule().validate()));
}

TEST(ModuleChecks, FunctionAndImportTypesMustExist) {
  TestModule t;
  t.func(5, Code().end());
  EXPECT_TRUE(IsInvalid(t.validate(), "unknown type 5"));
  TestModule imp;
  imp.import_func(2);
  EXPECT_TRUE(IsInvalid(imp.validate(), "unknown type 2"));
}

TEST(ModuleChecks, MemoryLimits) {
  TestModule ok;
  ok.memory(0, 65536);
  EXPECT_TRUE(IsValid(ok.validate()));
  TestModule too_big;
  too_big.memory(65537);
  EXPECT_TRUE(IsInvalid(too_big.validate(), "memory size must be at most 65536 pages (4GiB)"));
  TestModule max_too_big;
  max_too_big.memory(0, 0x10000000);
  EXPECT_TRUE(IsInvalid(max_too_big.validate(), "memory size must be at most 65536 pages (4GiB)"));
  TestModule min_max;
  min_max.memory(2, 1);
  EXPECT_TRUE(IsInvalid(min_max.validate(), "size minimum must not be greater than maximum"));
  TestModule imported;
  ir::Import i;
  i.name = "mem";
  i.kind = ir::ExternKind::Memory;
  i.memory.limits.min = 70000;
  imported.import(i);
  EXPECT_TRUE(IsInvalid(imported.validate(), "memory size must be at most 65536 pages"));
}

TEST(ModuleChecks, TableLimits) {
  TestModule t;
  ir::Table table;
  table.type.limits = {3, 2};
  t.m.tables.push_back(table);
  EXPECT_TRUE(IsInvalid(t.validate(), "size minimum must not be greater than maximum"));
}

TEST(ModuleChecks, AtMostOneMemoryWithoutMultiMemory) {
  TestModule t;
  ir::Import i;
  i.name = "mem";
  i.kind = ir::ExternKind::Memory;
  t.import(i);
  t.memory();
  EXPECT_TRUE(IsInvalid(t.validate(), "multiple memories"));
  ir::Features f;
  f.multi_memory = true;
  EXPECT_TRUE(IsValid(t.validate(f)));
}

TEST(ModuleChecks, StartFunctionMustBeNullary) {
  TestModule t;
  t.func(Code().end());
  t.m.start = 0;
  EXPECT_TRUE(IsValid(t.validate()));
  t.m.start = 1;
  EXPECT_TRUE(IsInvalid(t.validate(), "unknown function 1"));
  TestModule typed;
  typed.func(Code().i32_const(0).end(), {i32});
  typed.m.start = 0;
  EXPECT_TRUE(IsInvalid(typed.validate(), "start function"));
}

TEST(ModuleChecks, ExportNamesAreUniqueAndIndicesExist) {
  TestModule t;
  t.func(Code().end());
  t.memory();
  t.export_("a", ir::ExternKind::Func, 0);
  t.export_("b", ir::ExternKind::Memory, 0);
  EXPECT_TRUE(IsValid(t.validate()));
  t.export_("a", ir::ExternKind::Memory, 0);
  EXPECT_TRUE(IsInvalid(t.validate(), "duplicate export name"));

  TestModule unknown;
  unknown.export_("g", ir::ExternKind::Global, 0);
  EXPECT_TRUE(IsInvalid(unknown.validate(), "unknown global 0"));
  TestModule table;
  table.export_("t", ir::ExternKind::Table, 1);
  EXPECT_TRUE(IsInvalid(table.validate(), "unknown table 1"));
}

TEST(ModuleChecks, ActiveElementSegments) {
  TestModule t;
  t.table();
  t.func(Code().end());
  ir::ElemSegment e;
  e.mode = ir::SegmentMode::Active;
  e.offset = t.expr(Code().i32_const(0).end());
  e.func_indices = {0, 0};
  t.m.elems.push_back(e);
  EXPECT_TRUE(IsValid(t.validate()));

  t.m.elems[0].func_indices = {3};
  EXPECT_TRUE(IsInvalid(t.validate(), "unknown function 3"));
  t.m.elems[0].func_indices = {0};
  t.m.elems[0].table = 1;
  EXPECT_TRUE(IsInvalid(t.validate(), "unknown table 1"));
  t.m.elems[0].table = 0;
  t.m.elems[0].offset = t.expr(Code().i64_const(0).end());
  EXPECT_TRUE(IsInvalid(t.validate(), "type mismatch"));
  t.m.elems[0].offset = t.expr(Code().i32_const(0).end());
  t.m.elems[0].type = ValType::externref();
  t.m.elems[0].uses_exprs = true;
  t.m.elems[0].exprs = {t.expr(Code().op(Opcode::RefNull).u8(kExternRef).end())};
  EXPECT_TRUE(IsInvalid(t.validate(), "type mismatch"));  // externref items, funcref table
}

TEST(ModuleChecks, ElementExpressionsAreTyped) {
  TestModule t;
  ir::ElemSegment e;
  e.uses_exprs = true;
  e.exprs = {t.expr(Code().op(Opcode::RefNull).u8(kExternRef).end())};
  t.m.elems.push_back(e);
  EXPECT_TRUE(IsInvalid(t.validate(), "type mismatch"));
}

TEST(ModuleChecks, DataSegments) {
  TestModule t;
  t.memory();
  ir::DataSegment d;
  d.mode = ir::SegmentMode::Active;
  d.offset = t.expr(Code().i32_const(0).end());
  t.m.datas.push_back(d);
  EXPECT_TRUE(IsValid(t.validate()));
  t.m.datas[0].memory = 1;
  EXPECT_TRUE(IsInvalid(t.validate(), "unknown memory 1"));
  t.m.datas[0].memory = 0;
  t.m.datas[0].offset = t.expr(Code().i64_const(0).end());
  EXPECT_TRUE(IsInvalid(t.validate(), "type mismatch"));
  t.m.datas[0].offset = t.expr(Code().i32_const(0).end());
  t.m.data_count = 2;
  EXPECT_TRUE(IsMalformed(t.validate(), "data count and data section have inconsistent lengths"));
  (void)i64;
}

}  // namespace
}  // namespace weft::validate::testing
