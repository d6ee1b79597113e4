// BodyDecoder as a lowering sees it: a visitor receives every instruction with its immediates,
// the control frames with their types, and whether code is dead. Also checks the precomputed
// opcode tables against the opcode table they come from.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "expect.hpp"
#include "test_module.hpp"
#include "validate/body_decoder.hpp"
#include "validate/opcode_tables.hpp"

namespace weft::validate::testing {
namespace {

const ValType i32 = ValType::i32(), i64 = ValType::i64();

struct Recorder : NullVisitor {
  struct Seen {
    Opcode op;
    uint64_t offset;
    bool dead;
    uint32_t index;
    uint32_t label_arity;  // for br*, end: of the target/ending frame
    uint32_t stack_height;
    ValType type;
  };
  std::vector<Seen> seen;
  bool began = false;

  template <class D>
  void on_begin(D&) {
    began = true;
  }
  template <class D>
  bool on_instruction(D& d, const Instruction& ins) {
    uint32_t arity = 0;
    if (ins.op == Opcode::Br || ins.op == Opcode::BrIf) {
      arity = uint32_t(d.control_at(ins.index).label_types().size());
    } else if (ins.op == Opcode::End) {
      arity = uint32_t(d.control_at(0).result_types().size());
    }
    seen.push_back({ins.op, ins.offset, ins.dead, ins.index, arity, d.stack_height(), ins.type});
    return true;
  }
};

template <bool kValidate>
std::vector<Recorder::Seen> record(TestModule& t) {
  ModuleContext ctx(t.m, ir::Features::wasm2());
  Recorder r;
  BodyDecoder<Recorder, kValidate> decoder(ctx, r);
  EXPECT_TRUE(IsValid(decoder.decode_function(0)));
  EXPECT_TRUE(r.began);
  return r.seen;
}

TEST(BodyDecoderVisitor, SeesInstructionsFramesAndDeadCode) {
  TestModule t;
  Code c;
  c.op(Opcode::Block).u8(kI64);   // 0
  c.i64_const(7);                 // 2
  c.op_u32(Opcode::Br, 0);        // 4
  c.op(Opcode::I32Add);           // 6: dead
  c.op(Opcode::Drop);             // 7: dead
  c.end();                        // 8: end of block (arity 1)
  c.op_u32(Opcode::LocalSet, 0);  // 9
  c.op_u32(Opcode::LocalGet, 0);  // 11
  c.end();                        // 13: end of function
  t.func(c, {i64}, {}, {{1, i64}});
  for (const auto& seen : {record<true>(t), record<false>(t)}) {
    ASSERT_EQ(seen.size(), 9u);
    EXPECT_EQ(seen[0].op, Opcode::Block);
    EXPECT_EQ(seen[2].op, Opcode::Br);
    EXPECT_EQ(seen[2].label_arity, 1u);
    EXPECT_EQ(seen[2].offset, t.m.functions[0].body.offset + 4);
    EXPECT_FALSE(seen[2].dead);
    EXPECT_TRUE(seen[3].dead);
    EXPECT_TRUE(seen[4].dead);
    EXPECT_EQ(seen[4].type, i32);  // i32.add on unknown operands still yields an i32
    EXPECT_EQ(seen[5].op, Opcode::End);
    EXPECT_EQ(seen[5].label_arity, 1u);
    EXPECT_FALSE(seen[6].dead);
    EXPECT_EQ(seen[6].type, i64);  // local.set's local type
    EXPECT_EQ(seen[7].stack_height, 1u);
    EXPECT_EQ(seen[8].op, Opcode::End);
  }
}

struct Immediates : NullVisitor {
  std::vector<uint32_t> targets;
  int64_t constant = 0;
  MemArg memarg;
  template <class D>
  bool on_instruction(D&, const Instruction& ins) {
    if (ins.op == Opcode::BrTable) {
      targets.assign(ins.br_targets.begin(), ins.br_targets.end());
      targets.push_back(ins.index);
    }
    if (ins.op == Opcode::I64Const) constant = ins.value.i64;
    if (ins.op == Opcode::I32Load) memarg = ins.memarg;
    return true;
  }
};

struct NoCalls : NullVisitor {
  template <class D>
  bool on_opcode(D& d, Opcode op, uint64_t offset) {
    if (op != Opcode::Call) return true;
    d.fail(ErrorKind::Unsupported, offset, "no calls here");
    return false;
  }
};

TEST(BodyDecoderVisitor, ImmediatesAreDecoded) {
  TestModule t;
  t.memory();
  Code c;
  c.op(Opcode::Block).u8(kVoid).op(Opcode::Block).u8(kVoid);
  c.i64_const(-123456789012).op(Opcode::Drop);
  c.i32_const(0).mem(Opcode::I32Load, 1, 300).op(Opcode::BrTable).u32(2).u32(1).u32(0).u32(1);
  c.end().end().end();
  t.func(c);
  ModuleContext ctx(t.m, ir::Features::wasm2());
  Immediates v;
  BodyDecoder<Immediates> decoder(ctx, v);
  ASSERT_TRUE(IsValid(decoder.decode_function(0)));
  EXPECT_EQ(v.targets, (std::vector<uint32_t>{1, 0, 1}));
  EXPECT_EQ(v.constant, -123456789012);
  EXPECT_EQ(v.memarg.align_log2, 1u);
  EXPECT_EQ(v.memarg.offset, 300u);
}

TEST(BodyDecoderVisitor, AVisitorCanRejectAnInstruction) {
  TestModule t;
  t.func(Code().op_u32(Opcode::Call, 0).end());
  ModuleContext ctx(t.m, ir::Features::wasm2());
  NoCalls v;
  BodyDecoder<NoCalls> decoder(ctx, v);
  EXPECT_TRUE(Rejects(decoder.decode_function(0), ErrorKind::Unsupported, "no calls here",
                      t.m.functions[0].body.offset));
}

TEST(OpcodeTables, TypingsAgreeWithTheOpcodeTable) {
  const OpTyping& add = op_typing(Opcode::I64Add);
  EXPECT_EQ(add.num_params, 2);
  EXPECT_EQ(add.params[1], ir::ValKind::I64);
  EXPECT_EQ(add.num_results, 1);
  EXPECT_TRUE(op_typing(Opcode::Call).irregular);
  EXPECT_EQ(op_typing(Opcode::V128Store).params[1], ir::ValKind::V128);
  (void)i32;
}

}  // namespace
}  // namespace weft::validate::testing
