#include "text/wat_parser.hpp"

#include <gtest/gtest.h>

namespace weft::text {
namespace {

using Bytes = std::vector<uint8_t>;

ir::Module parse(std::string_view src) {
  auto m = parse_wat(src);
  EXPECT_TRUE(m.has_value()) << m.error().to_string();
  return m ? std::move(*m) : ir::Module{};
}

Bytes range(const ir::Module& m, ir::ByteRange r) {
  auto s = m.span(r);
  return Bytes(s.begin(), s.end());
}

Bytes body(std::string_view src, size_t func = 0) {
  ir::Module m = parse(src);
  if (func >= m.functions.size()) return {};
  return range(m, m.functions[func].body);
}

Error error_of(std::string_view src) {
  auto m = parse_wat(src);
  EXPECT_FALSE(m.has_value()) << src;
  return m ? Error{} : m.error();
}

TEST(WatInstructions, FoldedAndFlatEncodeTheSame) {
  const Bytes expected = {0x20, 0x00, 0x41, 0x01, 0x6a, 0x0b};
  EXPECT_EQ(body("(func (param i32) (result i32) local.get 0 i32.const 1 i32.add)"), expected);
  EXPECT_EQ(body("(func (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))"),
            expected);
  EXPECT_EQ(
      body("(module (func (param $x i32) (result i32) (i32.add (local.get $x) (i32.const 1))))"),
      expected);
}

TEST(WatInstructions, FoldedIfPutsConditionFirst) {
  EXPECT_EQ(body("(func (param i32) (result i32)"
                 "  (if (result i32) (local.get 0) (then (i32.const 1)) (else (i32.const 2))))"),
            (Bytes{0x20, 0x00, 0x04, 0x7f, 0x41, 0x01, 0x05, 0x41, 0x02, 0x0b, 0x0b}));
  EXPECT_EQ(body("(func (if (i32.const 0) (then nop)))"),
            (Bytes{0x41, 0x00, 0x04, 0x40, 0x01, 0x0b, 0x0b}));
}

TEST(WatInstructions, LabelsResolveToDepths) {
  EXPECT_EQ(body("(func block $a loop $b br $a br $b br 1 end end)"),
            (Bytes{0x02, 0x40, 0x03, 0x40, 0x0c, 0x01, 0x0c, 0x00, 0x0c, 0x01, 0x0b, 0x0b, 0x0b}));
  EXPECT_EQ(body("(func (block $l (block $l (br $l))))"),
            (Bytes{0x02, 0x40, 0x02, 0x40, 0x0c, 0x00, 0x0b, 0x0b, 0x0b}));
  EXPECT_EQ(body("(func (block $a (br_table $a 0 $a (i32.const 0))))"),
            (Bytes{0x02, 0x40, 0x41, 0x00, 0x0e, 0x02, 0x00, 0x00, 0x00, 0x0b, 0x0b}));
  EXPECT_EQ(body("(func block $l end $l)"), (Bytes{0x02, 0x40, 0x0b, 0x0b}));
}

TEST(WatInstructions, LabelErrors) {
  EXPECT_EQ(error_of("(func block $a end $b)").message, "mismatching label");
  EXPECT_EQ(error_of("(func block end $b)").message, "mismatching label");
  EXPECT_EQ(error_of("(func (i32.const 1) if $a else $b end)").message, "mismatching label");
  EXPECT_EQ(error_of("(func (block $l (br $m)))").message, "unknown label");
  EXPECT_EQ(error_of("(func block)").message, "unexpected token");
  EXPECT_EQ(error_of("(func end)").message, "unexpected token");
}

TEST(WatInstructions, BlockTypes) {
  ir::Module m = parse(
      "(type $t (func (param i32) (result i32)))"
      "(func (block (result i64) (i64.const 0) drop))"
      "(func (i32.const 1) (block (param i32) (result i32)) drop)"
      "(func (i32.const 1) (block (type $t)) drop)"
      "(func (block (result i32 i32) (i32.const 1) (i32.const 2)) drop drop)");
  EXPECT_EQ(range(m, m.functions[0].body)[1], 0x7e);
  EXPECT_EQ(range(m, m.functions[1].body)[3], 0x00);  // reuses $t
  EXPECT_EQ(range(m, m.functions[2].body)[3], 0x00);
  // [] -> [] for the functions, then [] -> [i32 i32] for the multi-value block, in first-use order.
  ASSERT_EQ(m.types.size(), 3u);
  EXPECT_EQ(m.func_type(1), (ir::FuncType{}));
  EXPECT_EQ(m.func_type(2).results.size(), 2u);
  EXPECT_EQ(range(m, m.functions[3].body)[1], 0x02);
}

TEST(WatInstructions, TypeUseMustMatchInlineSignature) {
  EXPECT_EQ(error_of("(type $t (func (param i32))) (func (type $t) (param i64))").message,
            "inline function type");
  EXPECT_EQ(
      error_of("(type $t (func)) (func (block (type $t) (result i32) (i32.const 0)) drop)").message,
      "inline function type");
  EXPECT_EQ(error_of("(func (result i32) (param i32) (i32.const 0))").message, "unexpected token");
  EXPECT_EQ(error_of("(func (nop) (local i32))").message, "unexpected token");
}

TEST(WatInstructions, MemargOffsetAndAlign) {
  EXPECT_EQ(body("(memory 1) (func (drop (i32.load offset=0x10 align=2 (i32.const 0))))"),
            (Bytes{0x41, 0x00, 0x28, 0x01, 0x10, 0x1a, 0x0b}));
  EXPECT_EQ(body("(memory 1) (func (drop (i64.load (i32.const 0))))"),
            (Bytes{0x41, 0x00, 0x29, 0x03, 0x00, 0x1a, 0x0b}));
  EXPECT_EQ(error_of("(memory 1) (func (drop (i32.load align=3 (i32.const 0))))").message,
            "alignment must be a power of two");
  EXPECT_EQ(error_of("(memory 1) (func (drop (i32.load offset=4294967296 (i32.const 0))))").message,
            "i32 constant out of range");
}

TEST(WatInstructions, ConstantsEncodeSignedLebAndRawFloats) {
  EXPECT_EQ(body("(func (drop (i32.const 0xffffffff)) (drop (i64.const -128)))"),
            (Bytes{0x41, 0x7f, 0x1a, 0x42, 0x80, 0x7f, 0x1a, 0x0b}));
  EXPECT_EQ(body("(func (drop (f32.const -0x1p-1)) (drop (f64.const nan:0x1)))"),
            (Bytes{0x43, 0x00, 0x00, 0x00, 0xbf, 0x1a, 0x44, 0x01, 0, 0, 0, 0, 0, 0xf0, 0x7f, 0x1a,
                   0x0b}));
  EXPECT_EQ(error_of("(func (drop (i32.const 4294967296)))").message, "constant out of range");
  EXPECT_EQ(error_of("(func (drop (f32.const 1e39)))").message, "constant out of range");
  EXPECT_EQ(error_of("(func (drop (i32.const 0x)))").message, "unknown operator");
  EXPECT_EQ(error_of("(func (drop (i32.const)))").message, "unexpected token");
}

TEST(WatInstructions, Simd) {
  Bytes b = body("(func (drop (v128.const i16x8 1 2 3 4 5 6 7 -1)))");
  EXPECT_EQ(b,
            (Bytes{0xfd, 0x0c, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0xff, 0xff, 0x1a, 0x0b}));
  b = body("(func (drop (v128.const f32x4 1 0 0 -0)))");
  EXPECT_EQ(Bytes(b.begin() + 2, b.begin() + 6), (Bytes{0, 0, 0x80, 0x3f}));
  EXPECT_EQ(Bytes(b.begin() + 14, b.begin() + 18), (Bytes{0, 0, 0, 0x80}));
  b = body(
      "(func (param v128) (drop (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31"
      " (local.get 0) (local.get 0))))");
  EXPECT_EQ(b[4], 0xfd);
  EXPECT_EQ(b[5], 0x0d);
  EXPECT_EQ(b[21], 31);
  EXPECT_EQ(body("(memory 1) (func (param v128) (drop (v128.load8_lane offset=1 3 (i32.const 0)"
                 " (local.get 0))))"),
            (Bytes{0x41, 0x00, 0x20, 0x00, 0xfd, 0x54, 0x00, 0x01, 0x03, 0x1a, 0x0b}));
  EXPECT_EQ(body("(func (param v128) (drop (i32x4.extract_lane 3 (local.get 0))))"),
            (Bytes{0x20, 0x00, 0xfd, 0x1b, 0x03, 0x1a, 0x0b}));
  EXPECT_EQ(error_of("(func (drop (v128.const i32x4 0 0 0)))").message,
            "wrong number of lane literals");
  EXPECT_EQ(error_of("(func (param v128) (drop (i32x4.extract_lane 256 (local.get 0))))").message,
            "malformed lane index");
}

TEST(WatInstructions, SelectCallIndirectAndTableOps) {
  EXPECT_EQ(
      body("(func (result i32) (select (result i32) (i32.const 1) (i32.const 2) (i32.const 3)))"),
      (Bytes{0x41, 0x01, 0x41, 0x02, 0x41, 0x03, 0x1c, 0x01, 0x7f, 0x0b}));
  ir::Module m = parse(
      "(type $v (func)) (table $a 1 funcref) (table $b 1 funcref)"
      "(elem $e func) (func $f)"
      "(func (call_indirect $b (type $v) (i32.const 0))"
      "      (table.copy $a $b (i32.const 0) (i32.const 0) (i32.const 0))"
      "      (table.init $b $e (i32.const 0) (i32.const 0) (i32.const 0))"
      "      (table.init $e (i32.const 0) (i32.const 0) (i32.const 0))"
      "      (drop (ref.null extern)) (drop (ref.func $f)))");
  const Bytes b = range(m, m.functions[1].body);
  EXPECT_EQ(Bytes(b.begin() + 2, b.begin() + 5), (Bytes{0x11, 0x00, 0x01}));
  EXPECT_EQ(Bytes(b.begin() + 11, b.begin() + 15), (Bytes{0xfc, 0x0e, 0x00, 0x01}));
  EXPECT_EQ(Bytes(b.begin() + 21, b.begin() + 25), (Bytes{0xfc, 0x0c, 0x00, 0x01}));
  EXPECT_EQ(Bytes(b.begin() + 31, b.begin() + 35), (Bytes{0xfc, 0x0c, 0x00, 0x00}));
  EXPECT_EQ(Bytes(b.begin() + 35, b.end()), (Bytes{0xd0, 0x6f, 0x1a, 0xd2, 0x00, 0x1a, 0x0b}));
}

TEST(WatModule, InlineImportsAndExports) {
  ir::Module m = parse(
      "(func $i (import \"m\" \"f\") (param i32))"
      "(global $g (export \"g\") (import \"m\" \"g\") (mut i64))"
      "(table (export \"t\") (import \"m\" \"t\") 1 2 funcref)"
      "(memory (import \"m\" \"mem\") 1)"
      "(func $d (export \"d1\") (export \"d2\") (call $i (i32.const 0)))");
  ASSERT_EQ(m.imports.size(), 4u);
  EXPECT_EQ(m.num_imported_funcs, 1u);
  EXPECT_EQ(m.num_imported_globals, 1u);
  EXPECT_EQ(m.num_imported_tables, 1u);
  EXPECT_EQ(m.num_imported_memories, 1u);
  EXPECT_TRUE(m.imports[1].global.mut);
  EXPECT_EQ(m.imports[2].table.limits.max, 2u);
  ASSERT_EQ(m.exports.size(), 4u);
  EXPECT_EQ(m.exports[2].name, "d1");
  EXPECT_EQ(m.exports[2].index, 1u);
  EXPECT_EQ(m.names.functions.at(0), "i");
  EXPECT_EQ(m.names.functions.at(1), "d");
}

TEST(WatModule, ImportsMustPrecedeDefinitions) {
  EXPECT_EQ(error_of("(func) (import \"\" \"\" (func))").message, "import after function");
  EXPECT_EQ(error_of("(memory 0) (import \"\" \"\" (global i32))").message, "import after memory");
  EXPECT_EQ(error_of("(global i32 (i32.const 0)) (func (import \"\" \"\"))").message,
            "import after global");
}

TEST(WatModule, InlineElemAndData) {
  ir::Module m = parse(
      "(func $f) (table $t funcref (elem $f $f 0))"
      "(memory (data \"ab\" \"\\01\"))");
  ASSERT_EQ(m.tables.size(), 1u);
  EXPECT_EQ(m.tables[0].type.limits.min, 3u);
  EXPECT_EQ(m.tables[0].type.limits.max, 3u);
  ASSERT_EQ(m.elems.size(), 1u);
  EXPECT_EQ(m.elems[0].mode, ir::SegmentMode::Active);
  EXPECT_EQ(m.elems[0].func_indices, (std::vector<uint32_t>{0, 0, 0}));
  EXPECT_EQ(range(m, m.elems[0].offset.code), (Bytes{0x41, 0x00, 0x0b}));
  ASSERT_EQ(m.memories.size(), 1u);
  EXPECT_EQ(m.memories[0].type.limits.min, 1u);
  ASSERT_EQ(m.datas.size(), 1u);
  EXPECT_EQ(range(m, m.datas[0].init), (Bytes{'a', 'b', 1}));
  ir::Module e = parse(
      "(table 0 funcref) (table externref (elem (ref.null extern) (item (ref.null extern))))");
  EXPECT_EQ(e.tables[1].type.limits.min, 2u);
  EXPECT_TRUE(e.elems[0].uses_exprs);
  EXPECT_EQ(e.elems[0].table, 1u);
}

TEST(WatModule, ElemSegmentForms) {
  ir::Module m = parse(
      "(table $t 10 funcref) (func $f) (global $g i32 (i32.const 1))"
      "(elem funcref (ref.func $f) (item ref.null func))"  // passive, expressions
      "(elem declare func $f)"
      "(elem (table $t) (offset (global.get $g)) func $f $f)"
      "(elem (i32.const 2) $f)"  // legacy: table 0, bare function indices
      "(elem $e (table 0) (i32.const 3) funcref (ref.func 0))");
  ASSERT_EQ(m.elems.size(), 5u);
  EXPECT_EQ(m.elems[0].mode, ir::SegmentMode::Passive);
  EXPECT_TRUE(m.elems[0].uses_exprs);
  EXPECT_EQ(range(m, m.elems[0].exprs[0].code), (Bytes{0xd2, 0x00, 0x0b}));
  EXPECT_EQ(range(m, m.elems[0].exprs[1].code), (Bytes{0xd0, 0x70, 0x0b}));
  EXPECT_EQ(m.elems[1].mode, ir::SegmentMode::Declarative);
  EXPECT_EQ(m.elems[2].mode, ir::SegmentMode::Active);
  EXPECT_EQ(range(m, m.elems[2].offset.code), (Bytes{0x23, 0x00, 0x0b}));
  EXPECT_EQ(m.elems[2].func_indices.size(), 2u);
  EXPECT_EQ(range(m, m.elems[3].offset.code), (Bytes{0x41, 0x02, 0x0b}));
  EXPECT_EQ(m.elems[3].func_indices, (std::vector<uint32_t>{0}));
  EXPECT_TRUE(m.elems[4].uses_exprs);
}

TEST(WatModule, DataSegmentForms) {
  ir::Module m = parse(
      "(memory $m 1) (data \"p\") (data (memory $m) (offset (i32.const 8)) \"a\")"
      "(data (i32.const 1) \"b\" \"c\") (data $d 0 (i32.const 2))"
      "(func (memory.init $d (i32.const 0) (i32.const 0) (i32.const 0)) (data.drop 0))");
  ASSERT_EQ(m.datas.size(), 4u);
  EXPECT_EQ(m.datas[0].mode, ir::SegmentMode::Passive);
  EXPECT_EQ(range(m, m.datas[1].offset.code), (Bytes{0x41, 0x08, 0x0b}));
  EXPECT_EQ(range(m, m.datas[2].init), (Bytes{'b', 'c'}));
  EXPECT_EQ(m.datas[3].init.size, 0u);
  EXPECT_EQ(m.data_count, 4u);
  const Bytes b = range(m, m.functions[0].body);
  EXPECT_EQ(Bytes(b.begin() + 6, b.begin() + 10), (Bytes{0xfc, 0x08, 0x03, 0x00}));
  EXPECT_EQ(Bytes(b.begin() + 10, b.end()), (Bytes{0xfc, 0x09, 0x00, 0x0b}));
}

TEST(WatModule, ImplicitTypesAreAppendedInFirstUseOrder) {
  ir::Module m = parse(
      "(func $f (result f64) (f64.const 0))"
      "(func $g (param i32))"
      "(func $h (result f64) (f64.const 1))"
      "(type $t (func (param i32)))");
  ASSERT_EQ(m.types.size(), 2u);
  EXPECT_EQ(m.functions[0].type_index, 1u);
  EXPECT_EQ(m.functions[1].type_index, 0u);
  EXPECT_EQ(m.functions[2].type_index, 1u);
  EXPECT_EQ(m.rec_groups.size(), 2u);
}

TEST(WatModule, LocalsAndNames) {
  ir::Module m = parse(
      "(module $mod (func $f (param $a i32) (param f32) (local $x i64) (local i64 f64)"
      "  (local.set $x (i64.const 0)) (drop (local.get $a))))");
  EXPECT_EQ(m.names.module, "mod");
  const ir::Function& f = m.functions[0];
  ASSERT_EQ(f.locals.size(), 2u);
  EXPECT_EQ(f.locals[0].count, 2u);
  EXPECT_EQ(f.locals[0].type, ir::ValType::i64());
  EXPECT_EQ(f.num_locals, 3u);
  EXPECT_EQ(m.names.locals.at(0).at(0), "a");
  EXPECT_EQ(m.names.locals.at(0).at(2), "x");
  EXPECT_EQ(range(m, f.body)[3], 0x02);  // local.set $x
}

TEST(WatModule, DuplicateAndUnknownNames) {
  EXPECT_EQ(error_of("(func $f) (func $f)").message, "duplicate func");
  EXPECT_EQ(error_of("(import \"\" \"\" (func $f)) (func $f)").message, "duplicate func");
  EXPECT_EQ(error_of("(func (param $x i32) (local $x i32))").message, "duplicate local");
  EXPECT_EQ(error_of("(global $g i32 (i32.const 0)) (global $g i32 (i32.const 0))").message,
            "duplicate global");
  EXPECT_EQ(error_of("(memory $m 1) (memory $m 1)").message, "duplicate memory");
  EXPECT_EQ(error_of("(table $t 1 funcref) (table $t 1 funcref)").message, "duplicate table");
  EXPECT_EQ(error_of("(func call $nope)").message, "unknown function");
  EXPECT_EQ(error_of("(func (local.get $nope))").message, "unknown local");
  EXPECT_EQ(error_of("(func (start $f))").message, "unexpected token");
  EXPECT_EQ(error_of("(func $a) (start $a) (start $a)").message, "multiple start sections");
  EXPECT_EQ(error_of("(func (export \"\\80\"))").message, "malformed UTF-8 encoding");
}

TEST(WatModule, ForwardReferences) {
  ir::Module m = parse(
      "(func (call $later) (global.set $g (i32.const 1)))"
      "(global $g (mut i32) (i32.const 0)) (func $later)");
  EXPECT_EQ(range(m, m.functions[0].body), (Bytes{0x10, 0x01, 0x41, 0x01, 0x24, 0x00, 0x0b}));
}

TEST(WatModule, SourceMapAndErrorPositions) {
  ir::Module m = parse("(module\n  (func\n    i32.const 1\n    drop))");
  ASSERT_GE(m.source_map.size(), 3u);
  EXPECT_EQ(m.source_map[0].offset, m.functions[0].body.offset);
  EXPECT_EQ(m.source_map[0].line, 3u);
  EXPECT_EQ(m.source_map[0].column, 5u);
  EXPECT_EQ(m.source_map[1].line, 4u);
  const ir::SourceLoc* loc = m.source_loc(m.functions[0].body.offset + 2);
  ASSERT_NE(loc, nullptr);
  EXPECT_EQ(loc->line, 4u);

  auto e = parse_wat("(module\n (func (i32.const 0x)))", SourcePos{10, 3});
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(e.error().kind, ErrorKind::Malformed);
  EXPECT_EQ(e.error().line, 11u);
  EXPECT_EQ(e.error().column, 19u);
  auto first_line = parse_wat("(func (i32.const 0x))", SourcePos{7, 5});
  ASSERT_FALSE(first_line.has_value());
  EXPECT_EQ(first_line.error().line, 7u);
  EXPECT_EQ(first_line.error().column, 22u);
}

TEST(WatModule, DeepNestingDoesNotRecurse) {
  std::string src = "(func (result i32) ";
  for (int i = 0; i < 50000; ++i) src += "(i32.eqz ";
  src += "(i32.const 0)";
  for (int i = 0; i < 50000; ++i) src += ")";
  src += ")";
  ir::Module m = parse(src);
  EXPECT_EQ(m.functions[0].body.size, 50000u + 3u);
}

}  // namespace
}  // namespace weft::text
