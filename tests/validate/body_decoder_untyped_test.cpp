// BodyDecoder without operand types: a visitor on validated code that keeps its own stack
// (kReadsOperandTypes = false) gets the same instructions, immediates and dead-code flags as a
// typed one, while the decoder keeps no operand types.
#include <gtest/gtest.h>

#include <vector>

#include "expect.hpp"
#include "test_module.hpp"
#include "validate/body_decoder.hpp"

namespace weft::validate::testing {
namespace {

struct Seen {
  Opcode op;
  uint64_t offset;
  bool dead;
  uint32_t index;
  int64_t constant;
  uint64_t memory_offset;
  uint32_t stack_height;
  bool operator==(const Seen&) const = default;
};

template <bool kReadsTypes>
struct Recorder : NullVisitor {
  static constexpr bool kReadsOperandTypes = kReadsTypes;
  std::vector<Seen> seen;
  template <class D>
  bool on_instruction(D& d, const Instruction& ins) {
    int64_t constant = 0;
    if (ins.op == Opcode::I32Const) constant = ins.value.i32;
    if (ins.op == Opcode::I64Const) constant = ins.value.i64;
    const bool memory = ins.op == Opcode::I32Load || ins.op == Opcode::I32Store;
    seen.push_back({ins.op, ins.offset, ins.dead, ins.index, constant,
                    memory ? ins.memarg.offset : 0, d.stack_height()});
    return true;
  }
};

template <bool kReadsTypes>
std::vector<Seen> record(TestModule& t) {
  ModuleContext ctx(t.m, ir::Features::wasm2());
  Recorder<kReadsTypes> r;
  BodyDecoder<Recorder<kReadsTypes>, false> decoder(ctx, r);
  EXPECT_TRUE(IsValid(decoder.decode_function(0)));
  return r.seen;
}

TEST(BodyDecoderUntyped, SeesWhatATypedVisitorSees) {
  TestModule t;
  t.memory();
  Code c;
  c.op(Opcode::Block).u8(kVoid);
  c.i32_const(-8000).i32_const(100).op(Opcode::I32Add);  // two-byte constants
  c.op_u32(Opcode::LocalSet, 0);
  c.i32_const(0).op_u32(Opcode::LocalGet, 0).mem(Opcode::I32Store, 2, 40);
  c.i32_const(0).mem(Opcode::I32Load, 2, 300).op(Opcode::Drop);
  c.i64_const(-123456789012).op(Opcode::Drop);
  c.op_u32(Opcode::Br, 0);
  c.op_u32(Opcode::LocalGet, 0).op(Opcode::Drop);  // dead
  c.end().end();
  t.func(c, {}, {}, {{1, ValType::i32()}});
  const std::vector<Seen> typed = record<true>(t);
  std::vector<Seen> untyped = record<false>(t);
  ASSERT_EQ(untyped.size(), typed.size());
  for (size_t i = 0; i < typed.size(); ++i) {
    EXPECT_EQ(untyped[i].stack_height, 0u) << i;  // no operand types kept
    untyped[i].stack_height = typed[i].stack_height;
    EXPECT_EQ(untyped[i], typed[i]) << i;
  }
  EXPECT_EQ(typed[1].constant, -8000);
  EXPECT_EQ(typed[2].constant, 100);
  EXPECT_EQ(typed[7].memory_offset, 40u);
  EXPECT_EQ(typed[9].memory_offset, 300u);
  EXPECT_FALSE(typed[13].dead);
  EXPECT_TRUE(typed[14].dead);
}

}  // namespace
}  // namespace weft::validate::testing
