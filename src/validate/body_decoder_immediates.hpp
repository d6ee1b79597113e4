// BodyDecoder's immediate readers and index checks, and the syntax-only scan that finds
// malformed code without typing it. Included by body_decoder.hpp only.
#pragma once

#include <string>

#include "validate/body_decoder.hpp"

namespace weft::validate {

// --- Immediates --------------------------------------------------------------------------------

template <typename V, bool kValidate>
bool BodyDecoder<V, kValidate>::read_value_type(ir::ValType& out) {
  const uint64_t offset = reader_.offset();
  switch (reader_.u8()) {
    case 0x7f:
      out = ir::ValType::i32();
      return true;
    case 0x7e:
      out = ir::ValType::i64();
      return true;
    case 0x7d:
      out = ir::ValType::f32();
      return true;
    case 0x7c:
      out = ir::ValType::f64();
      return true;
    case 0x7b:
      if (!ctx_.features.simd) break;
      out = ir::ValType::v128();
      return true;
    case 0x70:
      out = ir::ValType::funcref();
      return true;
    case 0x6f:
      out = ir::ValType::externref();
      return true;
    default:
      break;
  }
  if (reader_.ok()) fail(ErrorKind::Malformed, offset, "malformed value type");
  return false;
}

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::read_block_type(BlockType& bt) {
  const uint64_t offset = reader_.offset();
  const uint8_t first = reader_.peek_u8();
  if (first == 0x40) {
    reader_.skip(1);
    bt.kind = BlockKind::Empty;
    return;
  }
  // A one-byte negative s33 is a value type; anything else a non-negative type index.
  if ((first & 0xc0) == 0x40) {
    bt.kind = BlockKind::Value;
    read_value_type(bt.value);
    return;
  }
  const int64_t index = reader_.s33();
  if (!reader_.ok()) return;
  if (index < 0) {
    fail(ErrorKind::Malformed, offset, "malformed block type");
    return;
  }
  bt.kind = BlockKind::Index;
  bt.type_index = static_cast<uint32_t>(std::min<int64_t>(index, UINT32_MAX));
  if (index > UINT32_MAX || !module_.is_func_type(bt.type_index)) {
    fail(ErrorKind::Invalid, ins_.offset, "unknown type " + std::to_string(index));
  }
}

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::read_memarg(uint8_t natural_align_log2) {
  MemArg& m = ins_.memarg;
  m.align_log2 = reader_.u32();
  m.memory = 0;
  if ((m.align_log2 & 0x40) && ctx_.features.multi_memory) {
    m.align_log2 &= ~0x40u;
    m.memory = reader_.u32();
  }
  if (ctx_.features.memory64 && m.memory < ctx_.memory_is64.size() && memory_is64(m.memory)) {
    m.offset = reader_.u64();
  } else {
    m.offset = reader_.u32();
  }
  if (!reader_.ok()) return;
  if constexpr (kValidate) {
    if (!check_memory(m.memory)) return;
    if (m.align_log2 > natural_align_log2) {
      fail(ErrorKind::Invalid, ins_.offset, "alignment must not be larger than natural");
    }
  }
}

template <typename V, bool kValidate>
uint32_t BodyDecoder<V, kValidate>::read_memory_index() {
  if (ctx_.features.multi_memory) return reader_.u32();
  // Before multi-memory the index is a reserved single zero byte, not a LEB128 number.
  const uint64_t offset = reader_.offset();
  if (reader_.u8() != 0 && reader_.ok()) {
    fail(ErrorKind::Malformed, offset, "zero byte expected");
  }
  return 0;
}

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::read_lane(uint8_t lanes) {
  ins_.lane = reader_.u8();
  if (kValidate && ins_.lane >= lanes && reader_.ok()) {
    fail(ErrorKind::Invalid, ins_.offset, "invalid lane index");
  }
}

template <typename V, bool kValidate>
bool BodyDecoder<V, kValidate>::check_index(uint32_t index, uint32_t count, const char* what) {
  if (!kValidate || index < count) return true;
  fail(ErrorKind::Invalid, ins_.offset,
       std::string("unknown ") + what + " " + std::to_string(index));
  return false;
}

template <typename V, bool kValidate>
bool BodyDecoder<V, kValidate>::check_func_type(uint32_t type_index) {
  if (!kValidate || module_.is_func_type(type_index)) return true;
  fail(ErrorKind::Invalid, ins_.offset, "unknown type " + std::to_string(type_index));
  return false;
}

template <typename V, bool kValidate>
Error BodyDecoder<V, kValidate>::missing_end_error(bool at_function_level) const {
  // The bytes ran out with frames open. The reference decoder would read on past the body:
  // into the end of the module ("unexpected end of section or function"), into a byte 0x0b
  // taken as the missing `end` (then the section is too long: "section size mismatch") or into
  // the next body's first byte ("END opcode expected"). Say what it would say.
  const uint64_t end = reader_.offset();
  std::string message = "END opcode expected";
  if (end >= module_.bytes.size()) {
    message = "unexpected end of section or function";
  } else if (at_function_level && module_.bytes[end] == 0x0b) {
    message = "section size mismatch";
  }
  return Error::at_offset(ErrorKind::Malformed, end, std::move(message));
}

template <typename V, bool kValidate>
Result<void> BodyDecoder<V, kValidate>::scan_syntax(uint32_t defined_index) {
  const ir::Function& fn = module_.functions[defined_index];
  if (uint64_t{fn.body.offset} + fn.body.size > module_.bytes.size()) {
    return Error::at_offset(ErrorKind::Malformed, fn.body.offset,
                            "unexpected end of section or function");
  }
  reader_ = Reader(module_.bytes.data() + fn.body.offset, fn.body.size, fn.body.offset);
  error_kind_ = ErrorKind::Malformed;
  syntax_only_ = true;
  const bool simd = ctx_.features.simd;
  uint32_t depth = 0;  // open blocks inside the body
  bool finished = false;
  while (!reader_.at_end() && !finished) {
    ins_.offset = reader_.offset();
    const uint8_t byte = reader_.u8();
    uint16_t index = kOpcodeDecodeTables.single[byte];
    if (index == kNoOpcode && (byte == 0xfc || (byte == 0xfd && simd))) {
      const uint32_t code = reader_.u32();
      if (code <= 255) {
        index = byte == 0xfc ? kOpcodeDecodeTables.prefix_fc[code]
                             : kOpcodeDecodeTables.prefix_fd[code];
      }
    }
    if (!reader_.ok()) break;
    if (index == kNoOpcode) {
      fail(ErrorKind::Malformed, ins_.offset, "illegal opcode");
      break;
    }
    const auto op = static_cast<ir::Opcode>(index);
    skip_immediates(op);
    if (op == ir::Opcode::Block || op == ir::Opcode::Loop || op == ir::Opcode::If) {
      ++depth;
    } else if (op == ir::Opcode::End) {
      if (depth == 0)
        finished = true;
      else
        --depth;
    }
  }
  syntax_only_ = false;
  if (!reader_.ok()) return make_error();
  if (!finished) return missing_end_error(depth == 0);
  if (!reader_.at_end()) {
    return Error::at_offset(ErrorKind::Malformed, reader_.offset(), "section size mismatch");
  }
  return {};
}

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::skip_immediates(ir::Opcode op) {
  using ir::Imm;
  const OpTyping& t = op_typing(op);
  switch (t.imm) {
    case Imm::None:
      break;
    case Imm::BlockType:
      read_block_type(ins_.block);
      break;
    case Imm::Label:
    case Imm::FuncIdx:
    case Imm::LocalIdx:
    case Imm::GlobalIdx:
    case Imm::TableIdx:
    case Imm::ElemIdx:
      reader_.u32();
      break;
    case Imm::DataIdx:
    case Imm::MemoryInit:
      reader_.u32();
      if (t.imm == Imm::MemoryInit) read_memory_index();
      if (reader_.ok() && !module_.data_count) {
        fail(ErrorKind::Malformed, ins_.offset, "data count section required");
      }
      break;
    case Imm::BrTable: {
      const uint32_t count = reader_.u32();
      if (count >= reader_.remaining()) {
        reader_.fail("unexpected end");
        break;
      }
      for (uint32_t i = 0; i <= count; ++i) reader_.u32();
      break;
    }
    case Imm::CallIndirect:
    case Imm::TableInit:
    case Imm::TableCopy:
      reader_.u32();
      reader_.u32();
      break;
    case Imm::SelectT: {
      const uint32_t count = reader_.u32();
      if (count > reader_.remaining()) {
        reader_.fail("unexpected end");
        break;
      }
      ir::ValType ignored;
      for (uint32_t i = 0; i < count && read_value_type(ignored); ++i) {
      }
      break;
    }
    case Imm::MemArg:
      read_memarg(t.arg);
      break;
    case Imm::MemArgLane:
      read_memarg(t.arg);
      reader_.u8();
      break;
    case Imm::MemIdx:
      read_memory_index();
      break;
    case Imm::MemoryCopy:
      read_memory_index();
      read_memory_index();
      break;
    case Imm::I32:
      reader_.s32();
      break;
    case Imm::I64:
      reader_.s64();
      break;
    case Imm::F32:
      reader_.skip(4);
      break;
    case Imm::F64:
      reader_.skip(8);
      break;
    case Imm::V128:
    case Imm::Shuffle:
      reader_.skip(16);
      break;
    case Imm::Lane:
      reader_.u8();
      break;
    case Imm::HeapType: {
      const uint64_t offset = reader_.offset();
      const uint8_t heap = reader_.u8();
      if (reader_.ok() && heap != 0x70 && heap != 0x6f) {
        fail(ErrorKind::Malformed, offset, "malformed reference type");
      }
      break;
    }
  }
}

}  // namespace weft::validate
