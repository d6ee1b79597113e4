#include "binary/instruction_reader.hpp"

#include <cstdio>
#include <cstring>
#include <string>

#include "binary/primitives.hpp"
#include "binary/types_reader.hpp"

namespace weft::binary {

using ir::Features;
using ir::Imm;

namespace {

std::string illegal_opcode_message(uint8_t byte) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "illegal opcode %02x", byte);
  return buf;
}

std::string illegal_opcode_message(uint8_t prefix, uint32_t code) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "illegal opcode %02x %02x", prefix, code);
  return buf;
}

// Before multi-memory, a memory index is a single zero byte rather than a u32.
uint32_t read_memory_index(Reader& r, const Features& f) {
  if (f.multi_memory) return r.u32();
  const uint64_t at = r.offset();
  const uint8_t b = r.u8();
  if (b != 0 && r.ok()) r.fail_at(at, "zero byte expected");
  return 0;
}

void read_memarg(Reader& r, const Features& f, Immediates& out) {
  const uint64_t at = r.offset();
  uint32_t flags = r.u32();
  out.memory = 0;
  if (f.multi_memory) {
    // Bit 6 of the alignment field says that a memory index follows.
    if (flags & 0x40) {
      flags &= ~uint32_t{0x40};
      out.memory = r.u32();
    }
    if (flags >= 0x40 && r.ok()) r.fail_at(at, "malformed memop flags");
  }
  out.align = flags;
  out.offset = f.memory64 ? r.u64() : r.u32();
}

void read_block_type(Reader& r, const Features& f, Immediates& out) {
  const uint8_t first = r.peek_u8();
  if (first == 0x40) {
    r.u8();
    out.block = BlockKind::Empty;
    return;
  }
  if ((first & 0xc0) == 0x40) {
    // A one-byte negative s33: a value type (or a typed reference constructor).
    out.block = BlockKind::Value;
    out.type = read_val_type(r, f);
    return;
  }
  const uint64_t at = r.offset();
  const int64_t v = r.s33();
  if (v < 0 && r.ok()) r.fail_at(at, "malformed block type");
  out.block = BlockKind::TypeIndex;
  out.index = static_cast<uint32_t>(v);
}

void read_bytes(Reader& r, size_t n, Immediates& out) {
  if (r.take(out.bytes, n)) {
    int64_t bits = 0;
    std::memcpy(&bits, out.bytes, n < 8 ? n : 8);
    out.i64 = bits;
  }
}

}  // namespace

bool read_opcode(Reader& r, const Features& f, ir::Opcode& op) {
  const uint64_t at = r.offset();
  const uint8_t byte = r.u8();
  if (!r.ok()) return false;
  if (!ir::is_prefix_byte(byte)) {
    if (auto found = ir::opcode_from_byte(byte)) {
      op = *found;
      return true;
    }
    r.fail_at(at, illegal_opcode_message(byte));
    return false;
  }
  const uint32_t code = r.u32();
  if (!r.ok()) return false;
  const bool enabled = byte != 0xfd || f.simd;
  if (enabled) {
    if (auto found = ir::opcode_from_prefixed(byte, code)) {
      op = *found;
      return true;
    }
  }
  r.fail_at(at, illegal_opcode_message(byte, code));
  return false;
}

bool read_immediates(Reader& r, Imm imm, const Features& f, Immediates& out) {
  switch (imm) {
    case Imm::None:
      break;
    case Imm::BlockType:
      read_block_type(r, f, out);
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
      out.count = read_length(r);
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
      out.count = read_length(r);
      for (uint32_t i = 0; i < out.count && r.ok(); ++i) {
        const ir::ValType t = read_val_type(r, f);
        if (i == 0) out.type = t;
      }
      break;
    case Imm::MemArg:
      read_memarg(r, f, out);
      break;
    case Imm::MemIdx:
      out.index = read_memory_index(r, f);
      break;
    case Imm::I32:
      out.i64 = r.s32();
      break;
    case Imm::I64:
      out.i64 = r.s64();
      break;
    case Imm::F32:
      read_bytes(r, 4, out);
      break;
    case Imm::F64:
      read_bytes(r, 8, out);
      break;
    case Imm::HeapType:
      out.heap = read_heap_type(r, f);
      break;
    case Imm::MemoryInit:
      out.index = r.u32();
      out.index2 = read_memory_index(r, f);
      break;
    case Imm::MemoryCopy:
      out.index = read_memory_index(r, f);
      out.index2 = read_memory_index(r, f);
      break;
    case Imm::V128:
    case Imm::Shuffle:
      read_bytes(r, 16, out);
      break;
    case Imm::Lane:
      out.lane = r.u8();
      break;
    case Imm::MemArgLane:
      read_memarg(r, f, out);
      out.lane = r.u8();
      break;
  }
  return r.ok();
}

bool skip_const_expr(Reader& r, const Features& f) {
  // Depth of blocks opened inside the expression: only invalid expressions have any, but they
  // must still be delimited correctly for the validator to report them.
  uint64_t depth = 0;
  Immediates imm;
  for (;;) {
    const uint64_t at = r.offset();
    ir::Opcode op;
    if (!read_opcode(r, f, op)) return false;
    switch (op) {
      case ir::Opcode::Block:
      case ir::Opcode::Loop:
      case ir::Opcode::If:
        ++depth;
        break;
      case ir::Opcode::Else:
        if (depth == 0) {
          r.fail_at(at, "END opcode expected");
          return false;
        }
        break;
      case ir::Opcode::End:
        if (depth == 0) return true;
        --depth;
        break;
      default:
        break;
    }
    if (!read_immediates(r, ir::opcode_info(op).imm, f, imm)) return false;
  }
}

}  // namespace weft::binary
