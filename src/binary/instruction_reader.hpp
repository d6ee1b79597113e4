// Reading instruction opcodes and immediates: the one place that knows how each opcode and each
// ir::Imm layout is encoded, and which malformations they can have.
//
// Two consumers share it. The module decoder scans constant expressions with read_immediates()
// to find their ends; validate/'s BodyDecoder calls the per-layout readers below from its own
// per-opcode handlers, so that decoding an instruction is one switch, not two. The readers are
// inline because BodyDecoder's loop runs them for every instruction of every body.
//
// Errors follow base/reader.hpp: a reader fails the Reader (sticky) with the reference
// interpreter's wording and offset, and returns a default value. What needs more context than
// the bytes (unknown indices, alignment, lane ranges, typing) is left to the validator.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>

#include "base/reader.hpp"
#include "binary/primitives.hpp"
#include "binary/types_reader.hpp"
#include "ir/features.hpp"
#include "ir/opcodes.hpp"
#include "ir/types.hpp"

namespace weft::binary {

// --- Opcodes ------------------------------------------------------------------------------------

// Encoding → opcode, precomputed from ir/opcodes.def. kNoOpcode marks undefined encodings (and
// the prefix bytes themselves in the single-byte table). Prefixed codes above 255 are undefined
// in every supported proposal.
inline constexpr uint16_t kNoOpcode = 0xffff;

struct OpcodeDecodeTables {
  std::array<uint16_t, 256> single{};
  std::array<uint16_t, 256> prefix_fc{};
  std::array<uint16_t, 256> prefix_fd{};

  constexpr OpcodeDecodeTables() {
    single.fill(kNoOpcode);
    prefix_fc.fill(kNoOpcode);
    prefix_fd.fill(kNoOpcode);
    uint16_t index = 0;
#define WEFT_OP(ident, name, prefix, code, imm, sig, arg) add(prefix, code, index++);
#include "ir/opcodes.def"
#undef WEFT_OP
  }

 private:
  constexpr void add(uint8_t prefix, uint32_t code, uint16_t index) {
    if (code > 255) throw "opcodes.def: prefixed code above 255 needs a wider table";
    if (prefix == 0)
      single[code] = index;
    else if (prefix == 0xfc)
      prefix_fc[code] = index;
    else
      prefix_fd[code] = index;
  }
};

inline constexpr OpcodeDecodeTables kOpcodeDecodeTables{};

// Fails `r` at `at` with "illegal opcode <byte>" or, for a prefixed code, "illegal opcode
// <prefix> <code>" (hex, as the reference interpreter prints them).
[[gnu::cold]] void fail_illegal_opcode(Reader& r, uint64_t at, uint8_t byte);
[[gnu::cold]] void fail_illegal_opcode(Reader& r, uint64_t at, uint8_t prefix, uint32_t code);

// The prefixed half of read_opcode, out of line: prefixes are rare next to one-byte opcodes.
bool read_prefixed_opcode(Reader& r, const ir::Features& features, uint64_t at, uint8_t prefix,
                          ir::Opcode& op);

// Reads an opcode, prefixed or not, that starts at offset `at`. Unknown encodings and opcodes of
// disabled features fail the reader with "illegal opcode ..." at `at`. Returns false on failure.
[[gnu::always_inline]] inline bool read_opcode(Reader& r, const ir::Features& features, uint64_t at,
                                               ir::Opcode& op) {
  const uint8_t byte = r.u8();
  const uint16_t index = kOpcodeDecodeTables.single[byte];
  if (index != kNoOpcode) [[likely]] {
    op = static_cast<ir::Opcode>(index);
    return r.ok();
  }
  return read_prefixed_opcode(r, features, at, byte, op);
}
inline bool read_opcode(Reader& r, const ir::Features& features, ir::Opcode& op) {
  return read_opcode(r, features, r.offset(), op);
}

// --- Immediates, one reader per layout ----------------------------------------------------------

// MemArg, MemArgLane. `align_log2` is the alignment exponent with the memory-index flag removed.
struct MemArg {
  uint32_t align_log2 = 0;
  uint32_t memory = 0;
  uint64_t offset = 0;
};

enum class BlockKind : uint8_t { Empty, Value, Index };

// A block type as encoded: no values, one result value type, or a function type index.
struct BlockType {
  BlockKind kind = BlockKind::Empty;
  ir::ValType value;        // kind == Value
  uint32_t type_index = 0;  // kind == Index; UINT32_MAX stands for any larger s33 index
};

// Signed constants (I32, I64), with the one- and two-byte cases inline: most constants are
// small. A two-byte encoding is always well-formed (only a longest one has bits to check).
inline int32_t read_i32_immediate(Reader& r) {
  const uint8_t* p = r.pos();
  if (p < r.end() && (*p & 0x80) == 0) [[likely]] {
    r.skip(1);
    return static_cast<int8_t>(static_cast<uint8_t>(*p << 1)) >> 1;
  }
  if (r.remaining() >= 2 && (p[1] & 0x80) == 0) {
    r.skip(2);
    const uint32_t bits = (p[0] & 0x7fu) | (uint32_t{p[1]} << 7);  // 14 bits, sign in bit 13
    return static_cast<int32_t>(bits << 18) >> 18;
  }
  return r.s32();
}
inline int64_t read_i64_immediate(Reader& r) {
  const uint8_t* p = r.pos();
  if (p < r.end() && (*p & 0x80) == 0) [[likely]] {
    r.skip(1);
    return static_cast<int8_t>(static_cast<uint8_t>(*p << 1)) >> 1;
  }
  if (r.remaining() >= 2 && (p[1] & 0x80) == 0) {
    r.skip(2);
    const uint64_t bits = (p[0] & 0x7fu) | (uint64_t{p[1]} << 7);
    return static_cast<int64_t>(bits << 50) >> 50;
  }
  return r.s64();
}

// BlockType. Returns the type index as read (an s33, so it may exceed 32 bits) when the kind is
// Index, for the validator's "unknown type" message; 0 otherwise.
[[gnu::always_inline]] inline int64_t read_block_type(Reader& r, const ir::Features& features,
                                                      BlockType& out) {
  const uint8_t first = r.peek_u8();
  if (first == 0x40) {
    r.skip(1);
    out.kind = BlockKind::Empty;
    return 0;
  }
  // A one-byte negative s33 is a value type; anything else a non-negative type index.
  if ((first & 0xc0) == 0x40) {
    out.kind = BlockKind::Value;
    if (first >= 0x7c) {  // the number types, the common case, without a call
      static constexpr ir::ValType kNumberTypes[] = {ir::ValType::f64(), ir::ValType::f32(),
                                                     ir::ValType::i64(), ir::ValType::i32()};
      r.skip(1);
      out.value = kNumberTypes[first - 0x7c];
    } else {
      out.value = read_val_type(r, features);
    }
    return 0;
  }
  const uint64_t at = r.offset();
  const int64_t index = r.s33();
  out.kind = BlockKind::Index;
  out.type_index = 0;
  if (!r.ok()) return 0;
  if (index < 0) {
    r.fail_at(at, "malformed block type");
    return 0;
  }
  out.type_index = index > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(index);
  return index;
}

// How a vector count inside code (br_table's labels, select's types) that cannot fit the bytes
// left is reported. Where the reader runs to the end of the section, as for constant
// expressions, it is the reference decoder's "length out of bounds" at the count
// (binary/primitives.hpp). A function body is read on its own, bounded by its size; there the
// decoder runs out of bytes, "unexpected end", as the spec suite expects for bodies. That check
// also counts the `trailing` bytes that must follow the elements (br_table's default label).
enum class CountCheck : uint8_t { Length, UnexpectedEnd };

inline uint32_t read_code_vector_count(Reader& r, CountCheck check, uint32_t trailing) {
  if (check == CountCheck::Length) return read_length(r);
  const uint32_t count = r.u32();
  if (r.ok() && uint64_t{count} + trailing > r.remaining()) {
    r.fail("unexpected end");
    return 0;
  }
  return count;
}

// SelectT: the annotation's value types. Returns the count; `first` gets the first type.
inline uint32_t read_select_types(Reader& r, const ir::Features& features, CountCheck check,
                                  ir::ValType& first) {
  const uint32_t count = read_code_vector_count(r, check, 0);
  for (uint32_t i = 0; i < count && r.ok(); ++i) {
    const ir::ValType t = read_val_type(r, features);
    if (i == 0) first = t;
  }
  return count;
}

// MemIdx and the memory operands of MemoryInit/MemoryCopy. Before multi-memory a memory index is
// a single zero byte rather than a u32.
inline uint32_t read_memory_index(Reader& r, const ir::Features& features) {
  if (features.multi_memory) return r.u32();
  const uint64_t at = r.offset();
  const uint8_t b = r.u8();
  if (b != 0 && r.ok()) r.fail_at(at, "zero byte expected");
  return 0;
}

// MemArg. Whether the offset is a u64 depends on the memory it addresses, which only a caller
// with the module's memories knows: `offset_is64(memory)` says.
template <typename OffsetIs64>
[[gnu::always_inline]] inline void read_memarg(Reader& r, const ir::Features& features,
                                               OffsetIs64&& offset_is64, MemArg& out) {
  const uint64_t at = r.offset();
  uint32_t flags = r.u32();
  out.memory = 0;
  if (features.multi_memory) {
    // Bit 6 of the alignment field says that a memory index follows.
    if (flags & 0x40) {
      flags &= ~uint32_t{0x40};
      out.memory = r.u32();
    }
    if (flags >= 0x40 && r.ok()) r.fail_at(at, "malformed memop flags");
  }
  out.align_log2 = flags;
  out.offset = offset_is64(out.memory) ? r.u64() : r.u32();
}

// F32, F64 (raw bits), V128, Shuffle: `n` bytes copied to `out`.
inline bool read_immediate_bytes(Reader& r, void* out, size_t n) {
  return r.take(out, n);
}

// --- All immediates of one instruction ----------------------------------------------------------

// The decoded immediates of one instruction. Which fields are meaningful follows the
// instruction's ir::Imm kind; the comments name the kinds that set each field.
struct Immediates {
  // Label, FuncIdx, LocalIdx, GlobalIdx, TableIdx, MemIdx, DataIdx, ElemIdx, BrTable (default
  // label), CallIndirect (type), MemoryInit (data), TableInit (element), MemoryCopy and TableCopy
  // (destination).
  uint32_t index = 0;
  // CallIndirect (table), MemoryInit (memory), TableInit (table), MemoryCopy and TableCopy
  // (source).
  uint32_t index2 = 0;

  BlockType block;    // BlockType
  ir::ValType type;   // SelectT's first type
  ir::HeapType heap;  // HeapType
  MemArg memarg;      // MemArg, MemArgLane
  uint8_t lane = 0;   // Lane, MemArgLane

  // BrTable: the label count and where the labels start (u32 each); SelectT: the type count.
  uint32_t count = 0;
  const uint8_t* vec_begin = nullptr;

  // I32, I64 (sign-extended into i64), F32, F64 (raw bits in the low bytes), V128, Shuffle.
  int64_t i64 = 0;
  uint8_t bytes[16] = {};
};

// Reads the immediates of kind `imm` that follow an opcode, with memory offsets of the width
// `offset_is64(memory)` says and vector counts checked as `count_check` says. Fails the reader
// on malformed input and returns false.
template <typename OffsetIs64>
bool read_immediates(Reader& r, ir::Imm imm, const ir::Features& features, OffsetIs64&& offset_is64,
                     CountCheck count_check, Immediates& out) {
  using ir::Imm;
  switch (imm) {
    case Imm::None:
      break;
    case Imm::BlockType:
      read_block_type(r, features, out.block);
      break;
    case Imm::Label:
    case Imm::FuncIdx:
    case Imm::LocalIdx:
    case Imm::GlobalIdx:
    case Imm::TableIdx:
    case Imm::DataIdx:
    case Imm::ElemIdx:
      out.index = r.u32();
      break;
    case Imm::BrTable:
      out.count = read_code_vector_count(r, count_check, 1);
      out.vec_begin = r.pos();
      for (uint32_t i = 0; i < out.count && r.ok(); ++i) r.u32();
      out.index = r.u32();
      break;
    case Imm::CallIndirect:
    case Imm::TableInit:
    case Imm::TableCopy:
      out.index = r.u32();
      out.index2 = r.u32();
      break;
    case Imm::SelectT:
      out.count = read_select_types(r, features, count_check, out.type);
      break;
    case Imm::MemArg:
      read_memarg(r, features, offset_is64, out.memarg);
      break;
    case Imm::MemIdx:
      out.index = read_memory_index(r, features);
      break;
    case Imm::I32:
      out.i64 = read_i32_immediate(r);
      break;
    case Imm::I64:
      out.i64 = read_i64_immediate(r);
      break;
    case Imm::F32:
    case Imm::F64:
    case Imm::V128:
    case Imm::Shuffle: {
      const size_t n = imm == Imm::F32 ? 4 : imm == Imm::F64 ? 8 : 16;
      if (read_immediate_bytes(r, out.bytes, n)) {
        int64_t bits = 0;
        std::memcpy(&bits, out.bytes, n < 8 ? n : 8);
        out.i64 = bits;
      }
      break;
    }
    case Imm::HeapType:
      out.heap = read_heap_type(r, features);
      break;
    case Imm::MemoryInit:
      out.index = r.u32();
      out.index2 = read_memory_index(r, features);
      break;
    case Imm::MemoryCopy:
      out.index = read_memory_index(r, features);
      out.index2 = read_memory_index(r, features);
      break;
    case Imm::Lane:
      out.lane = r.u8();
      break;
    case Imm::MemArgLane:
      read_memarg(r, features, offset_is64, out.memarg);
      out.lane = r.u8();
      break;
  }
  return r.ok();
}

// The same for code inside sections (constant expressions): memory offsets are u64 exactly when
// memory64 is enabled, and counts are checked with CountCheck::Length.
bool read_immediates(Reader& r, ir::Imm imm, const ir::Features& features, Immediates& out);

// Reads a constant expression's instructions up to and including the `end` that closes it,
// without validating them (validate/ does). Nested blocks are tracked so that the right `end`
// closes the expression. Returns false (with the reader failed) on malformed bytes.
bool skip_const_expr(Reader& r, const ir::Features& features);

}  // namespace weft::binary
