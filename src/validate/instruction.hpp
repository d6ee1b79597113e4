// What BodyDecoder hands its visitors: one decoded instruction with its immediates, and the
// control frames it keeps while typing a body.
#pragma once

#include <cstdint>
#include <span>

#include "binary/instruction_reader.hpp"
#include "ir/opcodes.hpp"
#include "ir/types.hpp"

namespace weft::validate {

// Immediates whose encoding binary/instruction_reader.hpp reads, shared with it as they are.
using binary::BlockKind;
using binary::BlockType;
using binary::MemArg;

// One instruction. Which immediate fields are meaningful depends on opcode_info(op).imm and on
// the opcode, as listed per field. The decoder reuses one Instruction for a whole body, so a
// visitor must copy what it keeps.
struct Instruction {
  ir::Opcode op = ir::Opcode::Nop;
  uint64_t offset = 0;  // of the instruction's first byte in Module::bytes
  // The instruction is in unreachable code (after br, return, unreachable, ... in its block):
  // its operands may be of the bottom type and a lowering may skip it.
  bool dead = false;

  // Local, global, function (call, ref.func), table (table.*, call_indirect), type
  // (call_indirect), label depth (br, br_if; br_table's default), data or elem segment, memory
  // (memory.size/grow/fill), destination (memory.copy, table.copy).
  uint32_t index = 0;
  // call_indirect: table; memory.init: memory; table.init: table; memory.copy/table.copy: source.
  uint32_t index2 = 0;
  MemArg memarg;                         // loads, stores, SIMD memory and lane accesses
  uint8_t lane = 0;                      // extract/replace lane, load/store lane
  BlockType block;                       // block, loop, if
  std::span<const uint32_t> br_targets;  // br_table, without the default (in `index`)
  // The value type the instruction moves: local (local.*), global (global.*), operand (drop,
  // select; bottom in unreachable code), annotation (select_t), result (ref.null, ref.func),
  // table element (table.*, call_indirect's table).
  ir::ValType type;
  union {
    int32_t i32;
    int64_t i64;
    uint32_t f32_bits;
    uint64_t f64_bits;
    uint8_t bytes[16];  // v128.const, i8x16.shuffle lanes
  } value{};
};

enum class FrameKind : uint8_t { Function, Block, Loop, If, Else };

// A control frame: the function body itself (outermost) or a block, loop, if or else arm.
struct ControlFrame {
  FrameKind kind = FrameKind::Function;
  bool unreachable = false;  // the rest of this frame is dead code
  uint32_t height = 0;       // operand stack height at entry, below the block's parameters
  uint64_t offset = 0;       // of the opening instruction (or of the body)
  const ir::ValType* params = nullptr;
  const ir::ValType* results = nullptr;
  uint32_t num_params = 0;
  uint32_t num_results = 0;

  std::span<const ir::ValType> param_types() const { return {params, num_params}; }
  std::span<const ir::ValType> result_types() const { return {results, num_results}; }
  // What a branch to this frame carries: a loop's parameters, otherwise its results.
  std::span<const ir::ValType> label_types() const {
    return kind == FrameKind::Loop ? param_types() : result_types();
  }
};

}  // namespace weft::validate
