// Byte-level faults inside bodies: opcodes, immediates and the end of the body. These are
// ErrorKind::Malformed, with the reference decoder's wording and the fault's offset.
#include <gtest/gtest.h>

#include "expect.hpp"
#include "test_module.hpp"

namespace weft::validate::testing {
namespace {

TEST(BodyBytes, IllegalOpcodesAreMalformedAtTheirOffset) {
  TestModule t;
  t.func(Code().op(Opcode::Nop).raw({0x06}).end());
  const uint64_t at = t.m.functions[0].body.offset + 1;
  EXPECT_TRUE(IsMalformed(t.validate(), "illegal opcode", at));

  TestModule prefixed;
  prefixed.func(Code().raw({0xfc, 0x7f}).end());
  EXPECT_TRUE(IsMalformed(prefixed.validate(), "illegal opcode"));

  TestModule reserved_simd;  // 0xfd 154 is unassigned
  reserved_simd.func(Code().raw({0xfd, 0x9a, 0x01}).end());
  EXPECT_TRUE(IsMalformed(reserved_simd.validate(), "illegal opcode"));

  TestModule wide;  // prefixed codes beyond 255 are not defined
  wide.func(Code().raw({0xfc, 0x80, 0x80, 0x04}).end());
  EXPECT_TRUE(IsMalformed(wide.validate(), "illegal opcode"));
}

TEST(BodyBytes, PrefixedCodesAreLeb128) {
  // 0xfc 0x80 0x00 is a two-byte encoding of i32.trunc_sat_f32_s.
  TestModule t;
  t.func(Code().f32_const().raw({0xfc, 0x80, 0x00}).end(), {ValType::i32()});
  EXPECT_TRUE(IsValid(t.validate()));
}

TEST(BodyBytes, TruncatedImmediates) {
  TestModule t;
  t.func(Code().raw({0x41, 0x80}));  // i32.const with an unfinished LEB128
  EXPECT_TRUE(IsMalformed(t.validate(), "unexpected end"));
  TestModule big;
  big.func(Code().raw({0x41, 0x80, 0x80, 0x80, 0x80, 0x10, 0x1a, 0x0b}));
  EXPECT_TRUE(IsMalformed(big.validate(), "integer too large"));
}

TEST(BodyBytes, MissingEndIsMalformed) {
  TestModule at_eof;
  at_eof.func(Code().i32_const(1).op(Opcode::Drop));
  EXPECT_TRUE(IsMalformed(at_eof.validate(), "unexpected end of section or function"));

  // Followed by another body, as in a code section: the next byte is not an `end`.
  TestModule before_next;
  before_next.func(Code().i32_const(1).op(Opcode::Drop));
  before_next.func(Code().op(Opcode::Nop).end());
  EXPECT_TRUE(IsMalformed(before_next.validate(), "END opcode expected"));

  TestModule open_block;
  open_block.func(Code().op(Opcode::Block).u8(kVoid).end());
  EXPECT_TRUE(IsMalformed(open_block.validate(), "unexpected end"));
}

TEST(BodyBytes, BytesAfterTheFinalEndAreMalformed) {
  TestModule t;
  t.func(Code().end().op(Opcode::Nop));
  EXPECT_TRUE(IsMalformed(t.validate(), "section size mismatch"));
}

TEST(BodyBytes, ElseOutsideIfIsMalformed) {
  TestModule t;
  t.func(Code().op(Opcode::Block).u8(kVoid).op(Opcode::Else).end().end());
  EXPECT_TRUE(IsMalformed(t.validate(), "END opcode expected"));
}

TEST(BodyBytes, MalformedValueTypes) {
  TestModule t;
  t.func(Code().op(Opcode::Block).u8(0x60).end().end());
  EXPECT_TRUE(IsMalformed(t.validate(), "malformed"));
  TestModule select;
  select.func(Code().op(Opcode::Unreachable).op(Opcode::SelectT).u32(1).u8(0x7a).end());
  EXPECT_TRUE(IsMalformed(select.validate(), "malformed value type"));
  // Below the number and vector codes the reference decoder reads a reference type.
  TestModule select_ref;
  select_ref.func(Code().op(Opcode::Unreachable).op(Opcode::SelectT).u32(1).u8(0x55).end());
  EXPECT_TRUE(IsMalformed(select_ref.validate(), "malformed reference type"));
  TestModule huge_select;
  huge_select.func(Code().op(Opcode::Unreachable).op(Opcode::SelectT).u32(0xffffffff).end());
  EXPECT_TRUE(IsMalformed(huge_select.validate(), "unexpected end"));
}

TEST(BodyBytes, MalformedCodeWinsOverAnEarlierInvalidInstruction) {
  // The spec decodes the whole module before validating it.
  TestModule t;
  t.func(Code().i64_const(0).end(), {ValType::i32()});  // invalid: type mismatch
  t.func(Code().op(Opcode::Nop).raw({0xff}).end());     // malformed: illegal opcode
  EXPECT_TRUE(IsMalformed(t.validate(), "illegal opcode", t.m.functions[1].body.offset + 1));

  TestModule data;
  data.memory();
  data.func(Code().i64_const(0).end(), {ValType::i32()});
  data.func(Code().op(Opcode::DataDrop).u32(0).end());
  EXPECT_TRUE(IsMalformed(data.validate(), "data count section required"));

  // Without malformed code the invalid instruction is reported.
  TestModule invalid;
  invalid.func(Code().i64_const(0).end(), {ValType::i32()});
  invalid.func(Code().op(Opcode::Nop).end());
  EXPECT_TRUE(
      IsInvalid(invalid.validate(), "type mismatch", invalid.m.functions[0].body.offset + 2));
}

TEST(BodyBytes, DeepNestingNeedsNoRecursion) {
  Code c;
  for (int i = 0; i < 100000; ++i) c.op(Opcode::Block).u8(kVoid);
  for (int i = 0; i < 100000; ++i) c.end();
  c.end();
  TestModule t;
  t.func(c);
  EXPECT_TRUE(IsValid(t.validate()));
}

}  // namespace
}  // namespace weft::validate::testing
