// Typing of function bodies: regular instructions from the opcode table, control flow,
// multi-value blocks and the polymorphic stack of unreachable code.
#include <gtest/gtest.h>

#include "expect.hpp"
#include "test_module.hpp"

namespace weft::validate::testing {
namespace {

const ValType i32 = ValType::i32(), i64 = ValType::i64(), f32 = ValType::f32(),
              f64 = ValType::f64();

Result<void> body(Code code, std::vector<ValType> results = {}, std::vector<ValType> params = {},
                  std::vector<ir::LocalDecl> locals = {}) {
  TestModule t;
  t.func(code, std::move(results), std::move(params), std::move(locals));
  return t.validate();
}

TEST(BodyTyping, RegularInstructionsFollowTheOpcodeTable) {
  EXPECT_TRUE(IsValid(body(Code().i32_const(1).i32_const(2).op(Opcode::I32Add).end(), {i32})));
  EXPECT_TRUE(IsValid(body(Code().i64_const(1).op(Opcode::I64Eqz).end(), {i32})));
  EXPECT_TRUE(IsValid(body(Code().f64_const().op(Opcode::I64TruncSatF64U).end(), {i64})));
  EXPECT_TRUE(IsValid(body(Code().i32_const(1).op(Opcode::I32Extend8S).end(), {i32})));
  EXPECT_TRUE(IsValid(body(Code().op(Opcode::Nop).end())));
  EXPECT_TRUE(IsInvalid(body(Code().i32_const(1).i64_const(2).op(Opcode::I32Add).end(), {i32}),
                        "type mismatch"));
  EXPECT_TRUE(IsInvalid(body(Code().f32_const().op(Opcode::F64Neg).end(), {f64}), "type mismatch"));
}

TEST(BodyTyping, MismatchPointsAtTheInstruction) {
  TestModule t;
  // i32.const 1 (2 bytes), f32.const (5 bytes), then i32.add at offset 7.
  t.func(Code().i32_const(1).f32_const().op(Opcode::I32Add).end(), {i32});
  EXPECT_TRUE(IsInvalid(t.validate(), "type mismatch", t.m.functions[0].body.offset + 7));
}

TEST(BodyTyping, StackUnderflowAndLeftoversAreMismatches) {
  EXPECT_TRUE(IsInvalid(body(Code().op(Opcode::I32Add).end(), {i32}), "type mismatch"));
  EXPECT_TRUE(IsInvalid(body(Code().end(), {i32}), "type mismatch"));
  EXPECT_TRUE(IsInvalid(body(Code().i32_const(0).end()), "type mismatch"));
  EXPECT_TRUE(IsInvalid(body(Code().i32_const(0).i32_const(0).end(), {i32}), "type mismatch"));
  EXPECT_TRUE(IsInvalid(body(Code().op(Opcode::Drop).end()), "type mismatch"));
}

TEST(BodyTyping, BlocksSeeOnlyTheirOwnOperands) {
  // The outer i32 is not visible inside the block.
  EXPECT_TRUE(
      IsInvalid(body(Code().i32_const(1).op(Opcode::Block).u8(kVoid).op(Opcode::Drop).end().end()),
                "type mismatch"));
  EXPECT_TRUE(IsValid(body(Code().op(Opcode::Block).u8(kI32).i32_const(1).end().end(), {i32})));
  EXPECT_TRUE(IsInvalid(body(Code().op(Opcode::Block).u8(kI32).i64_const(1).end().end(), {i32}),
                        "type mismatch"));
}

TEST(BodyTyping, MultiValueBlocksTakeAndReturnSeveralValues) {
  TestModule t;
  const uint32_t sig = t.type({i32, i64}, {i64, i32});
  // (i32.const 1) (i64.const 2) (block (type sig) (local.set 0 swap...)) simplified: drop both,
  // push.
  Code code;
  code.i32_const(1).i64_const(2).op(Opcode::Block).u32(sig);
  code.op(Opcode::Drop).op(Opcode::Drop).i64_const(3).i32_const(4).end();
  code.op(Opcode::Drop).op(Opcode::Drop).end();
  t.func(code);
  EXPECT_TRUE(IsValid(t.validate()));

  TestModule loop;
  const uint32_t loop_sig = loop.type({i32}, {i32});
  // A branch to a loop carries the loop's parameters.
  Code l;
  l.i32_const(1).op(Opcode::Loop).u32(loop_sig).op_u32(Opcode::BrIf, 0).i32_const(7).end().end();
  loop.func(l, {i32});
  EXPECT_TRUE(IsInvalid(loop.validate(), "type mismatch"));  // br_if pops the condition only

  TestModule ok;
  const uint32_t s2 = ok.type({i32}, {i32});
  Code good;
  good.i32_const(1).op(Opcode::Loop).u32(s2).i32_const(0).op_u32(Opcode::BrIf, 0).end().end();
  ok.func(good, {i32});
  EXPECT_TRUE(IsValid(ok.validate()));
}

TEST(BodyTyping, UnknownBlockTypeIndex) {
  EXPECT_TRUE(IsInvalid(body(Code().op(Opcode::Block).u32(5).end().end()), "unknown type"));
}

TEST(BodyTyping, IfWithoutElseMustNotChangeTypes) {
  EXPECT_TRUE(
      IsInvalid(body(Code().i32_const(0).op(Opcode::If).u8(kI32).i32_const(1).end().end(), {i32}),
                "type mismatch"));
  EXPECT_TRUE(IsValid(body(Code()
                               .i32_const(0)
                               .op(Opcode::If)
                               .u8(kI32)
                               .i32_const(1)
                               .op(Opcode::Else)
                               .i32_const(2)
                               .end()
                               .end(),
                           {i32})));
  EXPECT_TRUE(IsInvalid(body(Code()
                                 .i32_const(0)
                                 .op(Opcode::If)
                                 .u8(kI32)
                                 .i32_const(1)
                                 .op(Opcode::Else)
                                 .i64_const(2)
                                 .end()
                                 .end(),
                             {i32}),
                        "type mismatch"));
  // The condition must be an i32.
  EXPECT_TRUE(
      IsInvalid(body(Code().i64_const(0).op(Opcode::If).u8(kVoid).end().end()), "type mismatch"));
}

TEST(BodyTyping, IfWithParamsPassesThemThroughWithoutElse) {
  TestModule t;
  const uint32_t sig = t.type({i32}, {i32});
  t.func(Code().i32_const(5).i32_const(1).op(Opcode::If).u32(sig).end().end(), {i32});
  EXPECT_TRUE(IsValid(t.validate()));
}

TEST(BodyTyping, BranchesCheckLabelTypes) {
  EXPECT_TRUE(IsValid(body(
      Code().op(Opcode::Block).u8(kI32).i32_const(1).op_u32(Opcode::Br, 0).end().end(), {i32})));
  EXPECT_TRUE(IsInvalid(
      body(Code().op(Opcode::Block).u8(kI32).i64_const(1).op_u32(Opcode::Br, 0).end().end(), {i32}),
      "type mismatch"));
  EXPECT_TRUE(IsInvalid(body(Code().op_u32(Opcode::Br, 1).end()), "unknown label"));
  EXPECT_TRUE(IsValid(body(Code().i32_const(3).op_u32(Opcode::Br, 0).end(), {i32})));
  EXPECT_TRUE(IsValid(body(Code().i64_const(3).op(Opcode::Return).end(), {i64})));
  EXPECT_TRUE(
      IsInvalid(body(Code().i32_const(3).op(Opcode::Return).end(), {i64}), "type mismatch"));
}

TEST(BodyTyping, BrIfLeavesTheLabelTypes) {
  EXPECT_TRUE(IsValid(body(Code()
                               .op(Opcode::Block)
                               .u8(kI32)
                               .i32_const(1)
                               .i32_const(0)
                               .op_u32(Opcode::BrIf, 0)
                               .end()
                               .end(),
                           {i32})));
}

TEST(BodyTyping, BrTableTargetsMustAgree) {
  Code ok;
  ok.op(Opcode::Block).u8(kI32).op(Opcode::Block).u8(kI32);
  ok.i32_const(1).i32_const(0).op(Opcode::BrTable).u32(2).u32(0).u32(1).u32(0);
  ok.end().end().end();
  EXPECT_TRUE(IsValid(body(ok, {i32})));

  Code arity;
  arity.op(Opcode::Block).u8(kVoid).op(Opcode::Block).u8(kI32);
  arity.i32_const(1).i32_const(0).op(Opcode::BrTable).u32(1).u32(1).u32(0);
  arity.end().op(Opcode::Drop).end().end();
  EXPECT_TRUE(IsInvalid(body(arity), "type mismatch"));

  Code label;
  label.i32_const(0).op(Opcode::BrTable).u32(1).u32(0).u32(3).end();
  EXPECT_TRUE(IsInvalid(body(label), "unknown label"));

  // A count larger than the bytes left is malformed, not an allocation.
  Code huge;
  huge.i32_const(0).op(Opcode::BrTable).u32(0xfffffff0u).u32(0).end();
  EXPECT_TRUE(IsMalformed(body(huge), "unexpected end"));
}

TEST(BodyTyping, UnreachableCodeIsPolymorphic) {
  EXPECT_TRUE(IsValid(body(Code().op(Opcode::Unreachable).op(Opcode::I32Add).end(), {i32})));
  EXPECT_TRUE(IsValid(body(Code().op(Opcode::Unreachable).op(Opcode::Drop).end())));
  EXPECT_TRUE(IsValid(body(Code().op(Opcode::Unreachable).end(), {i32, f64})));
  EXPECT_TRUE(IsValid(body(Code().op(Opcode::Unreachable).op(Opcode::Select).end(), {i64})));
  EXPECT_TRUE(IsValid(body(Code().op(Opcode::Unreachable).op(Opcode::RefIsNull).end(), {i32})));
  EXPECT_TRUE(
      IsValid(body(Code().i32_const(0).op_u32(Opcode::Br, 0).op(Opcode::I32Eqz).end(), {i32})));
  EXPECT_TRUE(
      IsValid(body(Code().op(Opcode::Unreachable).op(Opcode::BrTable).u32(0).u32(0).end(), {i32})));
  // Known operand types are still checked.
  EXPECT_TRUE(
      IsInvalid(body(Code().op(Opcode::Unreachable).i64_const(0).op(Opcode::I32Add).end(), {i32}),
                "type mismatch"));
  EXPECT_TRUE(
      IsInvalid(body(Code().op(Opcode::Unreachable).i64_const(0).end(), {i32}), "type mismatch"));
  // A select of bottom and i64 yields i64, which does not match the i32 result.
  EXPECT_TRUE(IsInvalid(
      body(Code().op(Opcode::Unreachable).i64_const(0).i32_const(0).op(Opcode::Select).end(),
           {i32}),
      "type mismatch"));
  // Unreachability ends with the block: after it the stack is concrete again.
  EXPECT_TRUE(IsInvalid(
      body(Code().op(Opcode::Block).u8(kVoid).op(Opcode::Unreachable).end().op(Opcode::Drop).end()),
      "type mismatch"));
  // br_table in dead code still checks the label arities.
  Code dead;
  dead.op(Opcode::Block).u8(kVoid).op(Opcode::Block).u8(kI32).op(Opcode::Unreachable);
  dead.op(Opcode::BrTable).u32(1).u32(0).u32(1).end().op(Opcode::Drop).end().end();
  EXPECT_TRUE(IsInvalid(body(dead), "type mismatch"));
}

TEST(BodyTyping, SelectNeedsMatchingNumericOperands) {
  EXPECT_TRUE(
      IsValid(body(Code().i32_const(1).i32_const(2).i32_const(0).op(Opcode::Select).end(), {i32})));
  EXPECT_TRUE(
      IsInvalid(body(Code().i32_const(1).i64_const(2).i32_const(0).op(Opcode::Select).end(), {i32}),
                "type mismatch"));
  // References need the typed form.
  Code refs;
  refs.op(Opcode::RefNull).u8(kFuncRef).op(Opcode::RefNull).u8(kFuncRef).i32_const(0);
  EXPECT_TRUE(
      IsInvalid(body(Code(refs).op(Opcode::Select).op(Opcode::Drop).end()), "type mismatch"));
  EXPECT_TRUE(IsValid(
      body(Code(refs).op(Opcode::SelectT).u32(1).u8(kFuncRef).end(), {ValType::funcref()})));
  EXPECT_TRUE(IsInvalid(
      body(Code(refs).op(Opcode::SelectT).u32(1).u8(kExternRef).end(), {ValType::externref()}),
      "type mismatch"));
  EXPECT_TRUE(IsInvalid(body(Code(refs).op(Opcode::SelectT).u32(2).u8(kFuncRef).u8(kFuncRef).end(),
                             {ValType::funcref()}),
                        "invalid result arity"));
  EXPECT_TRUE(IsInvalid(body(Code(refs).op(Opcode::SelectT).u32(0).end(), {ValType::funcref()}),
                        "invalid result arity"));
}

TEST(BodyTyping, LocalsIncludeParamsAndDeclaredRuns) {
  EXPECT_TRUE(IsValid(body(Code()
                               .op_u32(Opcode::LocalGet, 0)
                               .op_u32(Opcode::LocalGet, 2)
                               .op(Opcode::I64Add)
                               .op_u32(Opcode::LocalTee, 1)
                               .end(),
                           {i64}, {i64}, {{2, i64}})));
  EXPECT_TRUE(IsInvalid(
      body(Code().op_u32(Opcode::LocalGet, 3).op(Opcode::Drop).end(), {}, {i64}, {{2, i64}}),
      "unknown local 3"));
  EXPECT_TRUE(IsInvalid(body(Code().f32_const().op_u32(Opcode::LocalSet, 0).end(), {}, {i32}),
                        "type mismatch"));
}

TEST(BodyTyping, ManyLocalsAreNotExpanded) {
  // 2^31 declared locals: valid, and checked without one entry per local.
  EXPECT_TRUE(IsValid(body(Code().op_u32(Opcode::LocalGet, 0x7fffffff).end(), {f32}, {},
                           {{0x40000000, i32}, {0x40000000, f32}})));
  EXPECT_TRUE(IsInvalid(body(Code().op_u32(Opcode::LocalGet, 0x80000000).op(Opcode::Drop).end(), {},
                             {}, {{0x40000000, i32}, {0x40000000, f32}}),
                        "unknown local"));
  EXPECT_TRUE(IsMalformed(body(Code().end(), {}, {i32}, {{0xffffffff, i32}}), "too many locals"));
}

TEST(BodyTyping, GlobalsCheckIndexAndMutability) {
  TestModule t;
  t.import_global(i32, false);
  t.global(i64, true, Code().i64_const(0).end());
  t.func(Code()
             .op_u32(Opcode::GlobalGet, 0)
             .op(Opcode::Drop)
             .i64_const(1)
             .op_u32(Opcode::GlobalSet, 1)
             .end());
  EXPECT_TRUE(IsValid(t.validate()));

  TestModule immutable;
  immutable.import_global(i32, false);
  immutable.func(Code().i32_const(1).op_u32(Opcode::GlobalSet, 0).end());
  EXPECT_TRUE(IsInvalid(immutable.validate(), "global is immutable"));

  TestModule unknown;
  unknown.import_global(i32, false);
  unknown.func(Code().op_u32(Opcode::GlobalGet, 1).op(Opcode::Drop).end());
  EXPECT_TRUE(IsInvalid(unknown.validate(), "unknown global 1"));
}

TEST(BodyTyping, CallsUseTheCalleeSignature) {
  TestModule t;
  const uint32_t sig = t.type({i32, i64}, {f32});
  t.import_func(sig);
  t.func(Code().i32_const(1).i64_const(2).op_u32(Opcode::Call, 0).end(), {f32});
  EXPECT_TRUE(IsValid(t.validate()));

  TestModule bad;
  const uint32_t s = bad.type({i32, i64}, {f32});
  bad.import_func(s);
  bad.func(Code().i64_const(1).i32_const(2).op_u32(Opcode::Call, 0).end(), {f32});
  EXPECT_TRUE(IsInvalid(bad.validate(), "type mismatch"));
  bad.set_body(0, Code().op_u32(Opcode::Call, 9).end());
  EXPECT_TRUE(IsInvalid(bad.validate(), "unknown function 9"));
}

TEST(BodyTyping, CallIndirectNeedsAFuncrefTableAndAType) {
  TestModule t;
  const uint32_t sig = t.type({i32}, {i32});
  t.table();
  t.func(Code().i32_const(1).i32_const(0).op(Opcode::CallIndirect).u32(sig).u32(0).end(), {i32});
  EXPECT_TRUE(IsValid(t.validate()));

  TestModule no_table;
  const uint32_t s1 = no_table.type({}, {});
  no_table.func(Code().i32_const(0).op(Opcode::CallIndirect).u32(s1).u32(0).end());
  EXPECT_TRUE(IsInvalid(no_table.validate(), "unknown table"));

  TestModule no_type;
  no_type.table();
  no_type.func(Code().i32_const(0).op(Opcode::CallIndirect).u32(7).u32(0).end());
  EXPECT_TRUE(IsInvalid(no_type.validate(), "unknown type"));

  TestModule externs;
  const uint32_t s2 = externs.type({}, {});
  externs.table(ValType::externref());
  externs.func(Code().i32_const(0).op(Opcode::CallIndirect).u32(s2).u32(0).end());
  EXPECT_TRUE(IsInvalid(externs.validate(), "type mismatch"));
}

}  // namespace
}  // namespace weft::validate::testing
