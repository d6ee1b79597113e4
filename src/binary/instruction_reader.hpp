// Reading one instruction's opcode and immediates, driven by the opcode table's immediate kinds.
//
// This is the one place that knows how each ir::Imm layout is encoded. The decoder uses it to find
// the end of constant expressions; validate/'s BodyDecoder can use it for every instruction, so
// that an immediate's encoding is written down once.
#pragma once

#include <cstdint>

#include "base/reader.hpp"
#include "ir/features.hpp"
#include "ir/opcodes.hpp"
#include "ir/types.hpp"

namespace weft::binary {

// Reads an opcode, prefixed or not. Unknown encodings and opcodes of disabled features fail the
// reader with the reference interpreter's "illegal opcode <hex>" at the opcode's offset.
// Returns false on failure.
bool read_opcode(Reader& r, const ir::Features& features, ir::Opcode& op);

enum class BlockKind : uint8_t { Empty, Value, TypeIndex };

// The decoded immediates of one instruction. Which fields are meaningful follows the
// instruction's ir::Imm kind; the comments name the kinds that set each field.
struct Immediates {
  // Label, FuncIdx, LocalIdx, GlobalIdx, TableIdx, MemIdx, DataIdx, ElemIdx, BrTable (default
  // label), CallIndirect (type), MemoryInit (data), TableInit (element), MemoryCopy and TableCopy
  // (destination), BlockType (type index).
  uint32_t index = 0;
  // CallIndirect (table), MemoryInit (memory), TableInit (table), MemoryCopy and TableCopy
  // (source).
  uint32_t index2 = 0;

  BlockKind block = BlockKind::Empty;  // BlockType
  ir::ValType type;                    // BlockType with a value type; SelectT's first type
  ir::HeapType heap;                   // HeapType

  // MemArg, MemArgLane. `align` is the log2 alignment with the memory-index flag bit removed.
  uint32_t align = 0;
  uint32_t memory = 0;
  uint64_t offset = 0;

  uint8_t lane = 0;  // Lane, MemArgLane

  // BrTable: the label count and where the labels start (u32 each); SelectT: the type count.
  uint32_t count = 0;
  const uint8_t* vec_begin = nullptr;

  // I32, I64 (sign-extended into i64), F32, F64 (raw bits in the low bytes), V128, Shuffle.
  int64_t i64 = 0;
  uint8_t bytes[16] = {};
};

// Reads the immediates of kind `imm` that follow an opcode. Fails the reader on malformed input
// ("zero byte expected", "malformed memop flags", ...) and returns false.
bool read_immediates(Reader& r, ir::Imm imm, const ir::Features& features, Immediates& out);

// Reads a constant expression's instructions up to and including the `end` that closes it,
// without validating them (validate/ does). Nested blocks are tracked so that the right `end`
// closes the expression. Returns false (with the reader failed) on malformed bytes.
bool skip_const_expr(Reader& r, const ir::Features& features);

}  // namespace weft::binary
