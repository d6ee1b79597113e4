// BodyDecoder's checks on immediates (the reading is binary/instruction_reader.hpp's), index
// checks, and the syntax-only scan that finds malformed code without typing it. Included by
// body_decoder.hpp only.
#pragma once

#include <string>

#include "validate/body_decoder.hpp"

namespace weft::validate {

// --- Immediates --------------------------------------------------------------------------------

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::read_block_type(BlockType& bt) {
  const int64_t index = binary::read_block_type(reader_, ctx_.features, bt);
  if (bt.kind != BlockKind::Index || !reader_.ok()) [[likely]]
    return;
  if (index > UINT32_MAX || !module_.is_func_type(bt.type_index)) fail_unknown_type(index);
}

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::read_memarg(uint8_t natural_align_log2) {
  MemArg& m = ins_.memarg;
  binary::read_memarg(reader_, ctx_.features, offset_is64(), m);
  if (!reader_.ok()) return;
  if constexpr (kValidate) {
    if (!check_memory(m.memory)) return;
    if (m.align_log2 > natural_align_log2) {
      fail(ErrorKind::Invalid, ins_.offset, "alignment must not be larger than natural");
    }
  }
}

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::read_lane(uint8_t lanes) {
  ins_.lane = reader_.u8();
  if (kValidate && ins_.lane >= lanes && reader_.ok()) {
    fail(ErrorKind::Invalid, ins_.offset, "invalid lane index");
  }
}

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::fail_unknown(uint32_t index, const char* what) {
  fail(ErrorKind::Invalid, ins_.offset,
       std::string("unknown ") + what + " " + std::to_string(index));
}

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::fail_unknown_type(int64_t type_index) {
  fail(ErrorKind::Invalid, ins_.offset, "unknown type " + std::to_string(type_index));
}

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::fill_callee_types() {
  callee_types_.resize(ctx_.func_type_indices.size());
  for (size_t i = 0; i < callee_types_.size(); ++i) {
    const uint32_t type_index = ctx_.func_type_indices[i];
    callee_types_[i] = module_.is_func_type(type_index) ? &module_.func_type(type_index) : nullptr;
  }
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
  uint32_t depth = 0;  // open blocks inside the body
  bool finished = false;
  binary::Immediates immediates;
  while (!reader_.at_end() && !finished) {
    ins_.offset = reader_.offset();
    ir::Opcode op;
    if (!binary::read_opcode(reader_, ctx_.features, ins_.offset, op)) break;
    const ir::Imm imm = op_typing(op).imm;
    if (!binary::read_immediates(reader_, imm, ctx_.features, offset_is64(),
                                 binary::CountCheck::UnexpectedEnd, immediates))
      break;
    if ((imm == ir::Imm::DataIdx || imm == ir::Imm::MemoryInit) && !module_.data_count) {
      fail(ErrorKind::Malformed, ins_.offset, "data count section required");
      break;
    }
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

}  // namespace weft::validate
