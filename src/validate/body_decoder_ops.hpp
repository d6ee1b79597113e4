// BodyDecoder's instruction handlers: the table-driven path for regular instructions and the
// hand-written typing of the irregular ones (control, calls, variables, tables, memory
// management, references). Included by body_decoder.hpp only.
#pragma once

#include <cstring>

#include "validate/body_decoder.hpp"

namespace weft::validate {

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::pop_regular(const OpTyping& t, bool address64) {
  if constexpr (!kTracksTypes) return;
  const ControlFrame& f = ctrl_.back();
  const uint32_t n = t.num_params;
  if (sp_ - f.height >= n && !address64) [[likely]] {
    bool all_match = true;
    if constexpr (kValidate) {
      const ir::ValType* top = stack_.data() + (sp_ - n);
      for (uint32_t i = 0; i < n; ++i) all_match &= top[i].kind() == t.params[i];
    }
    if (all_match) [[likely]] {
      sp_ -= n;
      return;
    }
    // A bottom type matches anything; anything else is reported by the general path.
  }
  for (uint32_t i = n; i-- > 0;) {
    ir::ValType expected = kKindTypes[static_cast<int>(t.params[i])];
    if (i == 0 && address64) expected = ir::ValType::i64();
    pop_expect(expected);
  }
}

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::op_regular(ir::Opcode op) {
  const OpTyping& t = op_typing(op);
  bool address64 = false;
  switch (t.imm) {
    case ir::Imm::None:
      break;
    case ir::Imm::I32:
      ins_.value.i32 = binary::read_i32_immediate(reader_);
      break;
    case ir::Imm::I64:
      ins_.value.i64 = binary::read_i64_immediate(reader_);
      break;
    case ir::Imm::F32:
      ins_.value.f64_bits = 0;
      binary::read_immediate_bytes(reader_, &ins_.value.f32_bits, 4);
      break;
    case ir::Imm::F64:
      binary::read_immediate_bytes(reader_, &ins_.value.f64_bits, 8);
      break;
    case ir::Imm::V128:
      binary::read_immediate_bytes(reader_, ins_.value.bytes, 16);
      break;
    case ir::Imm::Shuffle:
      if (!binary::read_immediate_bytes(reader_, ins_.value.bytes, 16)) return;
      if constexpr (kValidate) {
        for (uint8_t lane : ins_.value.bytes) {
          if (lane >= 32) {
            fail(ErrorKind::Invalid, ins_.offset, "invalid lane index");
            return;
          }
        }
      }
      break;
    case ir::Imm::Lane:
      read_lane(t.arg);
      break;
    case ir::Imm::MemArg:
    case ir::Imm::MemArgLane:
      read_memarg(t.arg);
      if (t.imm == ir::Imm::MemArgLane) read_lane(static_cast<uint8_t>(16 >> t.arg));
      if (!reader_.ok()) return;
      address64 = ctx_.features.memory64 && memory_is64(ins_.memarg.memory);
      break;
    default:
      // An irregular immediate on a regular opcode means opcodes.def and this switch disagree.
      fail(ErrorKind::Unsupported, ins_.offset,
           std::string("no typing for ") + ir::opcode_name(op));
      return;
  }
  if (!reader_.ok()) return;
  if (t.irregular) [[unlikely]] {
    fail(ErrorKind::Unsupported, ins_.offset, std::string("no typing for ") + ir::opcode_name(op));
    return;
  }
  pop_regular(t, address64);
  if (t.num_results != 0) push(kKindTypes[static_cast<int>(t.result)]);
}

// --- Control -----------------------------------------------------------------------------------

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::op_block(ir::Opcode op) {
  read_block_type(ins_.block);
  if (!reader_.ok()) return;
  if (op == ir::Opcode::If) pop_expect(ir::ValType::i32());
  push_frame(op == ir::Opcode::Block  ? FrameKind::Block
             : op == ir::Opcode::Loop ? FrameKind::Loop
                                      : FrameKind::If,
             ins_.block);
}

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::op_else() {
  ControlFrame& f = ctrl_.back();
  if (f.kind != FrameKind::If) {
    // The reference decoder ends the enclosing block at `else` and then wants its `end`.
    fail(ErrorKind::Malformed, ins_.offset, "END opcode expected");
    return;
  }
  check_frame_end(f);
  f.kind = FrameKind::Else;
  f.unreachable = false;
  push_values(f.param_types());
}

template <typename V, bool kValidate>
bool BodyDecoder<V, kValidate>::op_end() {
  const ControlFrame& f = ctrl_.back();
  check_frame_end(f);
  if (kValidate && f.kind == FrameKind::If) {
    // Without an else arm the parameters pass through unchanged, so they must be the results.
    if (!std::equal(f.params, f.params + f.num_params, f.results, f.results + f.num_results)) {
      fail(ErrorKind::Invalid, ins_.offset, "type mismatch: if without else must not change types");
    }
  }
  if (!reader_.ok()) return false;
  if (!visitor_.on_instruction(*this, ins_)) {
    if (reader_.ok()) fail(ErrorKind::Invalid, ins_.offset, "rejected by visitor");
    return false;
  }
  const ir::ValType* results = f.results;
  const uint32_t num_results = f.num_results;
  ctrl_.pop_back();
  if (ctrl_.empty()) {
    if (!reader_.at_end()) {
      // Bytes after the body's final `end`: the declared body size is too large.
      fail(ErrorKind::Malformed, reader_.offset(), "section size mismatch");
      return false;
    }
    sp_ = 0;
    push_values({results, num_results});
    return true;
  }
  push_values({results, num_results});
  return false;
}

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::op_br(ir::Opcode op) {
  uint32_t depth = static_cast<uint32_t>(ctrl_.size() - 1);  // return: the function frame
  if (op != ir::Opcode::Return) {
    depth = reader_.u32();
    if (!reader_.ok()) return;
    if (kValidate && depth >= ctrl_.size()) [[unlikely]] {
      fail_unknown_label(depth);
      return;
    }
  }
  ins_.index = depth;
  if (op == ir::Opcode::BrIf) pop_expect(ir::ValType::i32());
  const std::span<const ir::ValType> types = control_at(depth).label_types();
  pop_values(types);
  if (op == ir::Opcode::BrIf) {
    push_values(types);
  } else {
    set_unreachable();
  }
}

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::fail_unknown_label(uint32_t depth) {
  fail(ErrorKind::Invalid, ins_.offset, "unknown label " + std::to_string(depth));
}

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::op_br_table() {
  // Every target takes at least one byte, and so does the default: bound the vector by the input.
  const uint32_t count =
      binary::read_code_vector_count(reader_, binary::CountCheck::UnexpectedEnd, 1);
  if (!reader_.ok()) return;
  br_targets_.resize(count);
  for (uint32_t i = 0; i < count; ++i) br_targets_[i] = reader_.u32();
  ins_.index = reader_.u32();
  ins_.br_targets = {br_targets_.data(), count};
  if (!reader_.ok()) return;
  if constexpr (kValidate) {
    const uint32_t depth_limit = static_cast<uint32_t>(ctrl_.size());
    for (uint32_t i = 0; i <= count; ++i) {
      const uint32_t depth = i < count ? br_targets_[i] : ins_.index;
      if (depth >= depth_limit) {
        fail_unknown_label(depth);
        return;
      }
    }
  }
  pop_expect(ir::ValType::i32());
  if constexpr (kValidate) {
    const std::span<const ir::ValType> default_types = control_at(ins_.index).label_types();
    for (uint32_t i = 0; i < count && reader_.ok(); ++i) {
      const std::span<const ir::ValType> types = control_at(br_targets_[i]).label_types();
      if (types.size() != default_types.size()) {
        fail(ErrorKind::Invalid, ins_.offset,
             "type mismatch: br_table targets have different arities");
        return;
      }
      check_top(types);
    }
    check_top(default_types);
  }
  set_unreachable();
}

// --- Calls ------------------------------------------------------------------------------------

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::op_call(ir::Opcode op) {
  uint32_t type_index;
  if (op == ir::Opcode::Call) {
    ins_.index = reader_.u32();
    if (!reader_.ok() ||
        !check_index(ins_.index, uint32_t(ctx_.func_type_indices.size()), "function"))
      return;
    const ir::FuncType* callee = callee_type(ins_.index);
    if (callee == nullptr) [[unlikely]] {
      check_func_type(ctx_.func_type_indices[ins_.index]);
      return;
    }
    pop_values(callee->params);
    push_values(callee->results);
    return;
  } else {
    type_index = reader_.u32();
    ins_.index = type_index;
    ins_.index2 = reader_.u32();
    if (!reader_.ok() || !check_table(ins_.index2)) return;
    ins_.type = ctx_.tables[ins_.index2].element;
    if (kValidate && ins_.type != ir::ValType::funcref()) {
      fail(ErrorKind::Invalid, ins_.offset, "type mismatch: call_indirect needs a funcref table");
      return;
    }
    if (!check_func_type(type_index)) return;
    pop_expect(table_address(ins_.index2));
  }
  const ir::FuncType& ft = module_.func_type(type_index);
  pop_values(ft.params);
  push_values(ft.results);
}

// --- Parametric and variable instructions -----------------------------------------------------

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::op_select(ir::Opcode op) {
  if (op == ir::Opcode::SelectT) {
    const uint32_t count = binary::read_select_types(reader_, ctx_.features,
                                                     binary::CountCheck::UnexpectedEnd, ins_.type);
    if (!reader_.ok()) return;
    if (kValidate && count != 1) {
      fail(ErrorKind::Invalid, ins_.offset, "invalid result arity");
      return;
    }
    pop_expect(ir::ValType::i32());
    pop_expect(ins_.type);
    pop_expect(ins_.type);
    push(ins_.type);
    return;
  }
  pop_expect(ir::ValType::i32());
  const ir::ValType t1 = pop_any();
  const ir::ValType t2 = pop_any();
  if constexpr (kValidate) {
    // Untyped select works on numbers and vectors only; references need select_t.
    const auto numeric = [](ir::ValType t) { return t.is_num() || t.is_vec() || t.is_bot(); };
    if (reader_.ok() &&
        (!numeric(t1) || !numeric(t2) || (t1 != t2 && !t1.is_bot() && !t2.is_bot()))) {
      fail(ErrorKind::Invalid, ins_.offset,
           "type mismatch: select operands " + ir::to_string(t2) + " and " + ir::to_string(t1));
      return;
    }
  }
  ins_.type = t1.is_bot() ? t2 : t1;
  push(ins_.type);
}

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::op_variable(ir::Opcode op) {
  ins_.index = reader_.u32();
  if (!reader_.ok()) return;
  using ir::Opcode;
  if (op == Opcode::GlobalGet || op == Opcode::GlobalSet) {
    if (!check_index(ins_.index, visible_globals_, "global")) return;
    const ir::GlobalType& g = ctx_.globals[ins_.index];
    ins_.type = g.type;
    if (op == Opcode::GlobalGet) {
      push(g.type);
    } else {
      if (kValidate && !g.mut) {
        fail(ErrorKind::Invalid, ins_.offset, "global is immutable");
        return;
      }
      pop_expect(g.type);
    }
    return;
  }
  if (!check_index(ins_.index, num_locals_, "local")) return;
  ins_.type = local_type(ins_.index);
  if (op == Opcode::LocalGet) {
    push(ins_.type);
  } else {
    pop_expect(ins_.type);
    if (op == Opcode::LocalTee) push(ins_.type);
  }
}

// --- Tables -----------------------------------------------------------------------------------

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::op_table(ir::Opcode op) {
  using ir::Opcode;
  const ir::ValType i32 = ir::ValType::i32();
  if (op == Opcode::ElemDrop) {
    ins_.index = reader_.u32();
    if (reader_.ok()) check_index(ins_.index, uint32_t(module_.elems.size()), "elem segment");
    return;
  }
  if (op == Opcode::TableInit) {
    ins_.index = reader_.u32();   // element segment
    ins_.index2 = reader_.u32();  // table
    if (!reader_.ok() || !check_table(ins_.index2)) return;
    if (!check_index(ins_.index, uint32_t(module_.elems.size()), "elem segment")) return;
    ins_.type = ctx_.tables[ins_.index2].element;
    if (kValidate && module_.elems[ins_.index].type != ins_.type) {
      fail(ErrorKind::Invalid, ins_.offset, "type mismatch: element segment and table differ");
      return;
    }
    pop_expect(i32);
    pop_expect(i32);
    pop_expect(table_address(ins_.index2));
    return;
  }
  if (op == Opcode::TableCopy) {
    ins_.index = reader_.u32();   // destination
    ins_.index2 = reader_.u32();  // source
    if (!reader_.ok() || !check_table(ins_.index) || !check_table(ins_.index2)) return;
    ins_.type = ctx_.tables[ins_.index].element;
    if (kValidate && ctx_.tables[ins_.index2].element != ins_.type) {
      fail(ErrorKind::Invalid, ins_.offset, "type mismatch: tables of different element types");
      return;
    }
    const ir::ValType dst = table_address(ins_.index), src = table_address(ins_.index2);
    pop_expect(dst == src ? dst : i32);
    pop_expect(src);
    pop_expect(dst);
    return;
  }
  ins_.index = reader_.u32();
  if (!reader_.ok() || !check_table(ins_.index)) return;
  ins_.type = ctx_.tables[ins_.index].element;
  const ir::ValType address = table_address(ins_.index);
  switch (op) {
    case Opcode::TableGet:
      pop_expect(address);
      push(ins_.type);
      break;
    case Opcode::TableSet:
      pop_expect(ins_.type);
      pop_expect(address);
      break;
    case Opcode::TableGrow:
      pop_expect(address);
      pop_expect(ins_.type);
      push(address);
      break;
    case Opcode::TableSize:
      push(address);
      break;
    case Opcode::TableFill:
      pop_expect(address);
      pop_expect(ins_.type);
      pop_expect(address);
      break;
    default:
      break;
  }
}

// --- Memory management ------------------------------------------------------------------------

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::op_memory(ir::Opcode op) {
  using ir::Opcode;
  const ir::ValType i32 = ir::ValType::i32();
  if (op == Opcode::MemoryInit || op == Opcode::DataDrop) {
    ins_.index = reader_.u32();  // data segment
    if (op == Opcode::MemoryInit) ins_.index2 = read_memory_index();
    if (!reader_.ok()) return;
    if (!module_.data_count) {
      // Data indices in code need the data count section, so that one pass can check them.
      fail(ErrorKind::Malformed, ins_.offset, "data count section required");
      return;
    }
    if (op == Opcode::MemoryInit && !check_memory(ins_.index2)) return;
    if (!check_index(ins_.index, ctx_.num_data_segments(), "data segment")) return;
    if (op == Opcode::MemoryInit) {
      pop_expect(i32);
      pop_expect(i32);
      pop_expect(memory_address(ins_.index2));
    }
    return;
  }
  if (op == Opcode::MemoryCopy) {
    ins_.index = read_memory_index();   // destination
    ins_.index2 = read_memory_index();  // source
    if (!reader_.ok() || !check_memory(ins_.index) || !check_memory(ins_.index2)) return;
    const ir::ValType dst = memory_address(ins_.index), src = memory_address(ins_.index2);
    pop_expect(dst == src ? dst : i32);
    pop_expect(src);
    pop_expect(dst);
    return;
  }
  ins_.index = read_memory_index();
  if (!reader_.ok() || !check_memory(ins_.index)) return;
  const ir::ValType address = memory_address(ins_.index);
  switch (op) {
    case Opcode::MemorySize:
      push(address);
      break;
    case Opcode::MemoryGrow:
      pop_expect(address);
      push(address);
      break;
    case Opcode::MemoryFill:
      pop_expect(address);
      pop_expect(i32);
      pop_expect(address);
      break;
    default:
      break;
  }
}

// --- References -------------------------------------------------------------------------------

template <typename V, bool kValidate>
void BodyDecoder<V, kValidate>::op_reference(ir::Opcode op) {
  using ir::Opcode;
  if (op == Opcode::RefNull) {
    const ir::HeapType heap = binary::read_heap_type(reader_, ctx_.features);
    if (!reader_.ok()) return;
    ins_.type = ir::ValType::ref(heap, true);
    push(ins_.type);
    return;
  }
  if (op == Opcode::RefIsNull) {
    ins_.type = pop_any();
    if (kValidate && reader_.ok() && !ins_.type.is_ref() && !ins_.type.is_bot()) {
      fail(ErrorKind::Invalid, ins_.offset,
           "type mismatch: ref.is_null needs a reference, found " + ir::to_string(ins_.type));
      return;
    }
    push(ir::ValType::i32());
    return;
  }
  // ref.func
  ins_.index = reader_.u32();
  if (!reader_.ok() ||
      !check_index(ins_.index, uint32_t(ctx_.func_type_indices.size()), "function"))
    return;
  if (kValidate && check_func_refs_ && !ctx_.is_declared_func(ins_.index)) {
    fail(ErrorKind::Invalid, ins_.offset, "undeclared function reference");
    return;
  }
  ins_.type = ir::ValType::funcref();
  push(ins_.type);
}

}  // namespace weft::validate
