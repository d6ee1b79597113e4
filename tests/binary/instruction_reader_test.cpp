// The shared reader of opcodes and immediates, and the constant-expression scan built on it.
#include "binary/instruction_reader.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace weft::binary {
namespace {

using Bytes = std::vector<uint8_t>;

struct Decoded {
  bool ok = false;
  ir::Opcode op = ir::Opcode::Nop;
  Immediates imm;
  std::string error;
  uint64_t error_offset = 0;
  bool at_end = false;
};

Decoded decode_one(const Bytes& bytes, const ir::Features& features = ir::Features::wasm2()) {
  Decoded d;
  Reader r(bytes.data(), bytes.size());
  d.ok = read_opcode(r, features, d.op) &&
         read_immediates(r, ir::opcode_info(d.op).imm, features, d.imm);
  d.error = r.error_message();
  d.error_offset = r.error_offset();
  d.at_end = r.at_end();
  return d;
}

TEST(InstructionReader, PlainOpcodeWithoutImmediates) {
  const Decoded d = decode_one({0x6a});
  ASSERT_TRUE(d.ok);
  EXPECT_EQ(d.op, ir::Opcode::I32Add);
  EXPECT_TRUE(d.at_end);
}

TEST(InstructionReader, UnknownOpcodesAreIllegal) {
  Decoded d = decode_one({0x06});
  EXPECT_FALSE(d.ok);
  EXPECT_EQ(d.error, "illegal opcode 06");
  d = decode_one({0xfc, 0x12});
  EXPECT_EQ(d.error, "illegal opcode fc 12");
  d = decode_one({0xfd, 0x80, 0x02});  // beyond SIMD's last opcode
  EXPECT_EQ(d.error, "illegal opcode fd 100");
}

TEST(InstructionReader, DecodeTablesAgreeWithTheOpcodeTable) {
  for (int b = 0; b < 256; ++b) {
    const auto op = ir::opcode_from_byte(uint8_t(b));
    const uint16_t mine = kOpcodeDecodeTables.single[b];
    if (op)
      EXPECT_EQ(mine, uint16_t(*op)) << b;
    else
      EXPECT_TRUE(mine == kNoOpcode || ir::is_prefix_byte(uint8_t(b))) << b;
    const auto fc = ir::opcode_from_prefixed(0xfc, b);
    EXPECT_EQ(kOpcodeDecodeTables.prefix_fc[b], fc ? uint16_t(*fc) : kNoOpcode) << b;
    const auto fd = ir::opcode_from_prefixed(0xfd, b);
    EXPECT_EQ(kOpcodeDecodeTables.prefix_fd[b], fd ? uint16_t(*fd) : kNoOpcode) << b;
  }
}

TEST(InstructionReader, PrefixedCodeIsLeb128) {
  const Decoded d = decode_one({0xfc, 0x88, 0x80, 0x00, 0x00, 0x00});  // memory.init 0, zero byte
  ASSERT_TRUE(d.ok) << d.error;
  EXPECT_EQ(d.op, ir::Opcode::MemoryInit);
}

TEST(InstructionReader, SimdIsIllegalWhenDisabled) {
  ir::Features features;
  features.simd = false;
  const Decoded d =
      decode_one({0xfd, 0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, features);
  EXPECT_FALSE(d.ok);
  EXPECT_EQ(d.error, "illegal opcode fd 0c");
  EXPECT_TRUE(decode_one({0xfd, 0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}).ok);
}

TEST(InstructionReader, BlockTypes) {
  Decoded d = decode_one({0x02, 0x40});
  EXPECT_EQ(d.imm.block.kind, BlockKind::Empty);
  d = decode_one({0x03, 0x7e});
  EXPECT_EQ(d.imm.block.kind, BlockKind::Value);
  EXPECT_EQ(d.imm.block.value, ir::ValType::i64());
  d = decode_one({0x03, 0x7b});
  EXPECT_EQ(d.imm.block.value, ir::ValType::v128());
  d = decode_one({0x04, 0x85, 0x01});
  EXPECT_EQ(d.imm.block.kind, BlockKind::Index);
  EXPECT_EQ(d.imm.block.type_index, 133u);
  d = decode_one({0x02, 0x7a});
  EXPECT_EQ(d.error, "malformed value type");
  d = decode_one({0x02, 0x80, 0x7f});  // a negative s33 that is not a one-byte type code
  EXPECT_EQ(d.error, "malformed block type");
  EXPECT_EQ(d.error_offset, 1u);
}

TEST(InstructionReader, BlockTypeIndexIsAnS33) {
  const Bytes largest = {0xff, 0xff, 0xff, 0xff, 0x0f};  // 2^32 - 1
  Reader r(largest.data(), largest.size());
  BlockType bt;
  EXPECT_EQ(read_block_type(r, ir::Features::wasm2(), bt), int64_t{UINT32_MAX});
  EXPECT_EQ(bt.kind, BlockKind::Index);
  EXPECT_EQ(bt.type_index, UINT32_MAX);
  const Bytes negative = {0x80, 0x80, 0x80, 0x80, 0x70};  // -2^32: negative but no type code
  Reader n(negative.data(), negative.size());
  read_block_type(n, ir::Features::wasm2(), bt);
  EXPECT_EQ(n.error_message(), "malformed block type");
}

TEST(InstructionReader, BrTableKeepsItsLabels) {
  const Bytes bytes = {0x0e, 0x02, 0x00, 0x01, 0x02};
  Reader r(bytes.data(), bytes.size());
  ir::Opcode op;
  Immediates imm;
  ASSERT_TRUE(read_opcode(r, ir::Features::wasm2(), op));
  ASSERT_TRUE(read_immediates(r, ir::opcode_info(op).imm, ir::Features::wasm2(), imm));
  EXPECT_EQ(imm.count, 2u);
  EXPECT_EQ(imm.index, 2u);  // default label
  EXPECT_TRUE(r.at_end());
  Reader labels(imm.vec_begin, 2);
  EXPECT_EQ(labels.u32(), 0u);
  EXPECT_EQ(labels.u32(), 1u);
}

TEST(InstructionReader, BrTableCountIsBoundedByTheBytes) {
  Decoded d = decode_one({0x0e, 0xff, 0xff, 0xff, 0xff, 0x0f});
  EXPECT_FALSE(d.ok);
  EXPECT_EQ(d.error, "length out of bounds");
  EXPECT_EQ(d.error_offset, 1u);
  d = decode_one({0x1c, 0x05, 0x7f, 0x7f});  // select with five types, two bytes left
  EXPECT_EQ(d.error, "length out of bounds");
}

// In a function body, read on its own, the bytes run out instead (what binary.wast expects).
TEST(InstructionReader, CountsInABodyRunOutOfBytes) {
  const Bytes huge = {0xff, 0xff, 0xff, 0xff, 0x0f, 0x00};
  Reader r(huge.data(), huge.size());
  EXPECT_EQ(read_code_vector_count(r, CountCheck::UnexpectedEnd, 1), 0u);
  EXPECT_EQ(r.error_message(), "unexpected end");
  // Two labels and the default need three bytes; only two follow.
  const Bytes short_labels = {0x02, 0x00, 0x01};
  Reader s(short_labels.data(), short_labels.size());
  read_code_vector_count(s, CountCheck::UnexpectedEnd, 1);
  EXPECT_EQ(s.error_message(), "unexpected end");
  Reader fits(short_labels.data(), short_labels.size());
  EXPECT_EQ(read_code_vector_count(fits, CountCheck::UnexpectedEnd, 0), 2u);
}

TEST(InstructionReader, MemArgOffsetWidthFollowsTheMemory) {
  const Bytes bytes = {0x28, 0x02, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01};  // offset 2^35
  ir::Features features;
  features.memory64 = true;
  Reader r(bytes.data() + 1, bytes.size() - 1);
  Immediates imm;
  EXPECT_TRUE(read_immediates(r, ir::Imm::MemArg, features, imm));
  EXPECT_EQ(imm.memarg.offset, uint64_t{1} << 35);
  Reader narrow(bytes.data() + 1, bytes.size() - 1);
  EXPECT_FALSE(read_immediates(
      narrow, ir::Imm::MemArg, features, [](uint32_t) { return false; }, CountCheck::Length, imm));
  EXPECT_EQ(narrow.error_message(), "integer representation too long");
}

TEST(InstructionReader, MemArg) {
  const Decoded d = decode_one({0x28, 0x02, 0x90, 0x03});
  ASSERT_TRUE(d.ok);
  EXPECT_EQ(d.imm.memarg.align_log2, 2u);
  EXPECT_EQ(d.imm.memarg.offset, 400u);
  EXPECT_EQ(d.imm.memarg.memory, 0u);
}

TEST(InstructionReader, MemArgMemoryIndexWithMultiMemory) {
  ir::Features features;
  features.multi_memory = true;
  Decoded d = decode_one({0x28, 0x42, 0x03, 0x08}, features);
  ASSERT_TRUE(d.ok) << d.error;
  EXPECT_EQ(d.imm.memarg.align_log2, 2u);
  EXPECT_EQ(d.imm.memarg.memory, 3u);
  EXPECT_EQ(d.imm.memarg.offset, 8u);
  d = decode_one({0x28, 0x80, 0x01, 0x00}, features);
  EXPECT_EQ(d.error, "malformed memop flags");
}

TEST(InstructionReader, MemoryIndexIsAZeroByteInWasm2) {
  EXPECT_TRUE(decode_one({0x3f, 0x00}).ok);
  Decoded d = decode_one({0x40, 0x01});
  EXPECT_EQ(d.error, "zero byte expected");
  EXPECT_EQ(d.error_offset, 1u);
  // Not a LEB128 number either: a padded zero is malformed.
  d = decode_one({0x3f, 0x80, 0x00});
  EXPECT_EQ(d.error, "zero byte expected");
  d = decode_one({0xfc, 0x0a, 0x00, 0x01});
  EXPECT_EQ(d.error, "zero byte expected");
  EXPECT_EQ(d.error_offset, 3u);
}

TEST(InstructionReader, Constants) {
  Decoded d = decode_one({0x41, 0x7f});
  EXPECT_EQ(d.imm.i64, -1);
  d = decode_one({0x42, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f});
  EXPECT_EQ(d.imm.i64, INT64_MIN);
  d = decode_one({0x43, 0x00, 0x00, 0x80, 0x3f});
  EXPECT_EQ(d.imm.i64, 0x3f800000);
  d = decode_one({0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f});
  EXPECT_EQ(d.imm.i64, 0x3ff0000000000000);
  d = decode_one({0x41, 0x80, 0x80, 0x80, 0x80, 0x70});
  EXPECT_EQ(d.error, "integer too large");
}

TEST(InstructionReader, TwoIndexImmediates) {
  Decoded d = decode_one({0x11, 0x05, 0x02});
  EXPECT_EQ(d.imm.index, 5u);   // type
  EXPECT_EQ(d.imm.index2, 2u);  // table
  d = decode_one({0xfc, 0x0c, 0x07, 0x01});
  EXPECT_EQ(d.op, ir::Opcode::TableInit);
  EXPECT_EQ(d.imm.index, 7u);   // element segment
  EXPECT_EQ(d.imm.index2, 1u);  // table
}

TEST(InstructionReader, ReferenceImmediates) {
  Decoded d = decode_one({0xd0, 0x6f});
  ASSERT_TRUE(d.ok);
  EXPECT_EQ(d.imm.heap, ir::HeapType::abstract(ir::AbsHeap::Extern));
  d = decode_one({0xd0, 0x7f});
  EXPECT_EQ(d.error, "malformed reference type");
  d = decode_one({0x1c, 0x01, 0x7d});
  EXPECT_EQ(d.imm.count, 1u);
  EXPECT_EQ(d.imm.type, ir::ValType::f32());
}

TEST(InstructionReader, SimdImmediates) {
  Decoded d = decode_one({0xfd, 0x0d, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 31});
  ASSERT_TRUE(d.ok);
  EXPECT_EQ(d.op, ir::Opcode(ir::opcode_from_prefixed(0xfd, 0x0d).value()));
  EXPECT_EQ(d.imm.bytes[15], 31);
  d = decode_one({0xfd, 0x15, 0x03});  // i8x16.extract_lane_s 3
  EXPECT_EQ(d.imm.lane, 3);
  d = decode_one({0xfd, 0x54, 0x00, 0x04, 0x09});  // v128.load8_lane align=0 offset=4 lane 9
  ASSERT_TRUE(d.ok);
  EXPECT_EQ(d.imm.memarg.offset, 4u);
  EXPECT_EQ(d.imm.lane, 9);
}

TEST(ConstExprScan, StopsAfterTheClosingEnd) {
  const Bytes bytes = {0x23, 0x00, 0x41, 0x01, 0x6a, 0x0b, 0xff};
  Reader r(bytes.data(), bytes.size());
  EXPECT_TRUE(skip_const_expr(r, ir::Features::wasm2()));
  EXPECT_EQ(r.offset(), 6u);
}

TEST(ConstExprScan, EndInsideAnImmediateDoesNotEndTheExpression) {
  const Bytes bytes = {0x41, 0x0b, 0x0b};  // i32.const 11
  Reader r(bytes.data(), bytes.size());
  EXPECT_TRUE(skip_const_expr(r, ir::Features::wasm2()));
  EXPECT_EQ(r.offset(), 3u);
}

TEST(ConstExprScan, ElseOutsideABlockIsMalformed) {
  const Bytes bytes = {0x41, 0x00, 0x05, 0x0b};
  Reader r(bytes.data(), bytes.size());
  EXPECT_FALSE(skip_const_expr(r, ir::Features::wasm2()));
  EXPECT_EQ(r.error_message(), "END opcode expected");
  EXPECT_EQ(r.error_offset(), 2u);
}

TEST(ConstExprScan, MissingEndIsUnexpectedEnd) {
  const Bytes bytes = {0x41, 0x00};
  Reader r(bytes.data(), bytes.size());
  EXPECT_FALSE(skip_const_expr(r, ir::Features::wasm2()));
  EXPECT_EQ(r.error_message(), "unexpected end");
}

}  // namespace
}  // namespace weft::binary
