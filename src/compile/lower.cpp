// The lowering pass over one function body: control instructions, plain instructions and the
// module driver (eager, or one function on demand). The visitor itself is in lowering.hpp,
// its SIMD instructions in lower_simd.cpp.
#include "compile/lower.hpp"

#include <mutex>
#include <new>

#include "compile/lowering.hpp"

namespace weft::compile {
namespace lowering {

bool Lowering::lower(const Instruction& ins) {
  const Opcode op = ins.op;
  if (!live_) [[unlikely]] {
    // Dead code: only the block structure is followed, to find where code is live again.
    switch (op) {
      case Opcode::Block:
      case Opcode::Loop:
      case Opcode::If:
      case Opcode::Else:
      case Opcode::End:
        return lower_control(ins);
      default:
        return true;
    }
  }
  switch (op) {
    // The most frequent instructions emit no code: they are lowered here, inline in the
    // decoder's loop, rather than through lower_plain's large switch.
    case Opcode::LocalGet: {
      if (!begin_plain(op)) return false;
      Entry e;
      e.kind = Entry::Local;
      e.wide = ins.type.is_vec();
      e.local = local_slot(ins.index);
      push(e);
      return true;
    }
    case Opcode::I32Const:
      if (!begin_plain(op)) return false;
      push(constant(static_cast<uint32_t>(ins.value.i32)));
      return true;
    case Opcode::I64Const:
      if (!begin_plain(op)) return false;
      push(constant(static_cast<uint64_t>(ins.value.i64)));
      return true;
    case Opcode::Block:
    case Opcode::Loop:
    case Opcode::If:
      if (interruptible_) charge(op);
      return lower_control(ins);
    case Opcode::Else:
    case Opcode::End:
      return lower_control(ins);
    default:
      return begin_plain(op) && lower_plain(ins);
  }
}

bool Lowering::lower_control(const Instruction& ins) {
  switch (ins.op) {
    case Opcode::Block:
      if (live_) flush_all();
      open_label(LabelKind::Block, ins.block);
      return true;
    case Opcode::Loop:
      if (live_) flush_all();
      open_label(LabelKind::Loop, ins.block);
      labels_.back().loop_start = here();
      label_bound();
      if (live_) start_block(true);
      return true;
    case Opcode::If: {
      if (!live_) {
        open_label(LabelKind::If, ins.block);
        return true;
      }
      const uint32_t h = height() - 1;
      const Entry cond = pop();
      flush_all();
      const uint32_t cond_slot = operand(cond, h);
      open_label(LabelKind::If, ins.block);
      if (!fuse_condition(cond, h, false)) {
        emit_op(Op::BrUnless);
        emit(pack(cond_slot, 0));
      }
      labels_.back().else_fixup = emit_fixup();
      start_block(false);
      return true;
    }
    case Opcode::Else: {
      Label& l = labels_.back();
      if (!l.entered_live) return true;
      if (live_) {
        for (uint32_t k = 0; k < l.num_results; ++k) materialize(l.base + k);
        emit_jump_to(l);
      }
      bind(l.else_fixup);
      l.else_fixup = kNone;
      label_bound();
      reset_stack(l, false);
      live_ = true;
      start_block(false);
      return true;
    }
    case Opcode::End: {
      Label& l = labels_.back();
      if (l.kind == LabelKind::Function) {
        if (live_) emit_return();
        return true;
      }
      if (!l.entered_live) {
        labels_.pop_back();
        return true;
      }
      if (live_) {
        for (uint32_t k = 0; k < l.num_results; ++k) materialize(l.base + k);
      }
      for (size_t f : l.fixups) bind(f);
      if (l.else_fixup != kNone) bind(l.else_fixup);
      label_bound();
      reset_stack(l, true);
      live_ = true;
      labels_.pop_back();
      start_block(false);
      return true;
    }
    default:
      return false;
  }
}

bool Lowering::lower_plain(const Instruction& ins) {
  switch (ins.op) {
    case Opcode::Nop:
      return true;
    case Opcode::Unreachable:
      emit_op(Op::Unreachable);
      live_ = false;
      return true;
    case Opcode::Br:
      emit_branch(ins.index);
      live_ = false;
      return true;
    case Opcode::Return:
      emit_return();
      live_ = false;
      return true;
    case Opcode::BrIf: {
      const uint32_t h = height() - 1;
      const Entry cond = pop();
      const uint32_t cond_slot = operand(cond, h);
      Label& l = labels_[labels_.size() - 1 - ins.index];
      if (l.kind != LabelKind::Function && !needs_moves(l)) {
        if (!fuse_condition(cond, h, true)) {
          emit_op(Op::BrIf);
          emit(pack(cond_slot, 0));
        }
        if (l.kind == LabelKind::Loop) {
          emit_target(l.loop_start);
        } else {
          l.fixups.push_back(emit_fixup());
        }
        return true;
      }
      if (!fuse_condition(cond, h, false)) {
        emit_op(Op::BrUnless);
        emit(pack(cond_slot, 0));
      }
      const size_t skip = emit_fixup();
      producer_end_ = kNone;
      emit_branch(ins.index);
      bind(skip);
      label_bound();
      return true;
    }
    case Opcode::BrTable: {
      const uint32_t h = height() - 1;
      const Entry index = pop();
      const uint32_t index_slot = operand(index, h);
      const uint32_t count = static_cast<uint32_t>(ins.br_targets.size());
      std::vector<uint32_t> depths(ins.br_targets.begin(), ins.br_targets.end());
      depths.push_back(ins.index);
      emit_op(Op::BrTable);
      emit(pack(index_slot, count));
      std::vector<size_t> words(depths.size());
      for (size_t i = 0; i < depths.size(); ++i) words[i] = emit_fixup();
      // Targets that need moves (or are returns) get a stub after the table, one per depth.
      std::vector<std::pair<uint32_t, size_t>> stubs;
      for (size_t i = 0; i < depths.size(); ++i) {
        Label& l = labels_[labels_.size() - 1 - depths[i]];
        if (l.kind != LabelKind::Function && !needs_moves(l)) {
          if (l.kind == LabelKind::Loop) {
            code_[words[i]] = l.loop_start;
          } else {
            l.fixups.push_back(words[i]);
          }
          continue;
        }
        auto it = std::find_if(stubs.begin(), stubs.end(),
                               [&](const auto& s) { return s.first == depths[i]; });
        if (it == stubs.end()) {
          stubs.emplace_back(depths[i], here());
          label_bound();
          emit_branch(depths[i]);
          it = stubs.end() - 1;
        }
        code_[words[i]] = it->second;
      }
      live_ = false;
      return true;
    }
    case Opcode::Call:
    case Opcode::CallIndirect: {
      const bool indirect = ins.op == Opcode::CallIndirect;
      const uint32_t type_index = indirect ? ins.index : module_.func_type_index(ins.index);
      const ir::FuncType& ft = module_.func_type(type_index);
      uint32_t index_slot = 0;
      if (indirect) {
        const uint32_t h = height() - 1;
        const Entry index = pop();
        index_slot = operand(index, h);
      }
      const uint32_t n = static_cast<uint32_t>(ft.params.size());
      const uint32_t base = height() - n;
      for (uint32_t h = base; h < height(); ++h) materialize(h);
      const Cell sig = reinterpret_cast<uintptr_t>(&out_.signatures[type_index]);
      if (indirect) {
        emit_op(Op::CallIndirect);
        emit(pack(ins.index, ins.index2));
        emit(pack(index_slot, off(temp(base))));
        emit(sig);
      } else if (ins.index < module_.num_imported_funcs) {
        emit_op(Op::CallFuncRef);
        emit(pack(ins.index, off(temp(base))));
        emit(sig);
      } else {
        emit_op(Op::CallDirect);
        emit(reinterpret_cast<uintptr_t>(&out_.funcs[ins.index - module_.num_imported_funcs]));
        emit(pack(off(temp(base)), 0));
      }
      producer_end_ = kNone;
      stack_.resize(base);
      for (ir::ValType t : ft.results) push_temp(t.is_vec());
      return true;
    }
    case Opcode::Drop:
      pop();
      return true;
    case Opcode::Select:
    case Opcode::SelectT: {
      const uint32_t hc = height() - 1;
      const Entry c = pop();
      const Entry b = pop();
      const Entry a = pop();
      const uint32_t ha = hc - 2;
      const uint32_t sa = operand(a, ha), sb = operand(b, ha + 1), sc = operand(c, hc);
      emit_op(a.wide ? Op::Select128 : Op::Select);
      const size_t w = here();
      emit(pack(off(temp(ha)), sc));
      emit(pack(sa, sb));
      produced(w, ha, a.wide);
      return true;
    }
    case Opcode::LocalSet:
    case Opcode::LocalTee: {
      const uint32_t x = local_slot(ins.index);
      const uint32_t h = height() - 1;
      const Entry v = pop();
      bool wrote_out = false;
      for (uint32_t i = 0; i < height(); ++i) {
        if (stack_[i].kind == Entry::Local && stack_[i].local == x) {
          materialize(i);
          wrote_out = true;
        }
      }
      if (!wrote_out && retargetable(v, h)) {
        retarget(x);
      } else if (!(v.kind == Entry::Local && v.local == x)) {
        move_to(v, h, x);
      }
      producer_end_ = kNone;
      if (ins.op == Opcode::LocalTee) {
        Entry local;
        local.kind = Entry::Local;
        local.wide = v.wide;
        local.local = x;
        push(v.kind == Entry::Const ? v : local);
      }
      return true;
    }
    case Opcode::GlobalGet: {
      const bool wide = ins.type.is_vec();
      emit_op(wide ? Op::GlobalGet128 : Op::GlobalGet);
      const size_t w = here();
      emit(pack(off(temp(height())), ins.index));
      produced(w, height(), wide);
      return true;
    }
    case Opcode::GlobalSet: {
      const uint32_t h = height() - 1;
      const Entry v = pop();
      const uint32_t s = operand(v, h);
      emit_op(v.wide ? Op::GlobalSet128 : Op::GlobalSet);
      emit(pack(s, ins.index));
      return true;
    }
    case Opcode::F32Const:
      push(constant(ins.value.f32_bits));
      return true;
    case Opcode::F64Const:
      push(constant(ins.value.f64_bits));
      return true;
    case Opcode::RefNull:
      push(constant(0));
      return true;
    case Opcode::V128Const: {
      Entry e = constant(0);
      e.wide = true;
      std::memcpy(&e.value, ins.value.bytes, 8);
      std::memcpy(&e.value_hi, ins.value.bytes + 8, 8);
      push(e);
      return true;
    }
    case Opcode::RefFunc:
      return lower_index_only(Op::RefFunc, ins.index);
    case Opcode::RefIsNull:
      return lower_one_operand(Op::RefIsNull);
    case Opcode::MemorySize:
      return lower_index_only(Op::MemorySize, ins.index);
    case Opcode::MemoryGrow:
      return lower_one_operand(Op::MemoryGrow);
    case Opcode::TableGet:
      return lower_one_operand(Op::TableGet, ins.index);
    case Opcode::TableSet: {
      const uint32_t h = height() - 2;
      const Entry v = pop();
      const Entry i = pop();
      const uint32_t si = operand(i, h), sv = operand(v, h + 1);
      emit_op(Op::TableSet);
      emit(pack(si, sv));
      emit(ins.index);
      return true;
    }
    case Opcode::TableSize:
      return lower_index_only(Op::TableSize, ins.index);
    case Opcode::TableGrow: {
      const uint32_t h = height() - 2;
      const Entry n = pop();
      const Entry init = pop();
      const uint32_t si = operand(init, h), sn = operand(n, h + 1);
      emit_op(Op::TableGrow);
      const size_t w = here();
      emit(pack(off(temp(h)), si));
      emit(pack(sn, ins.index));
      produced(w, h);
      return true;
    }
    case Opcode::ElemDrop:
    case Opcode::DataDrop:
      emit_op(ins.op == Opcode::ElemDrop ? Op::ElemDrop : Op::DataDrop);
      emit(pack(ins.index, 0));
      return true;
    case Opcode::TableFill:
    case Opcode::TableCopy:
    case Opcode::TableInit:
    case Opcode::MemoryFill:
    case Opcode::MemoryCopy:
    case Opcode::MemoryInit: {
      const uint32_t h = height() - 3;
      const Entry n = pop();
      const Entry b = pop();
      const Entry a = pop();
      const uint32_t sa = operand(a, h), sb = operand(b, h + 1), sn = operand(n, h + 2);
      switch (ins.op) {
        case Opcode::TableFill:
          emit_op(Op::TableFill);
          emit(pack(sa, sb));
          emit(pack(sn, ins.index));
          break;
        case Opcode::TableCopy:
        case Opcode::TableInit:  // the same layout: [a|b][n|0][index|index2]
          emit_op(ins.op == Opcode::TableCopy ? Op::TableCopy : Op::TableInit);
          emit(pack(sa, sb));
          emit(pack(sn, 0));
          emit(pack(ins.index, ins.index2));
          break;
        case Opcode::MemoryFill:
          emit_op(Op::MemoryFill);
          emit(pack(sa, sb));
          emit(pack(sn, 0));
          break;
        case Opcode::MemoryCopy:
          emit_op(Op::MemoryCopy);
          emit(pack(sa, sb));
          emit(pack(sn, 0));
          break;
        default:
          emit_op(Op::MemoryInit);
          emit(pack(sa, sb));
          emit(pack(sn, ins.index));
          break;
      }
      return true;
    }
    default:
      break;
  }

  const Op op = op_from(ins.op);
  const bool checked = options_.bounds == BoundsChecks::Explicit;
  switch (shape_of(ins.op)) {
    case Shape::Unary:
      return lower_one_operand(op);
    case Shape::Binary: {
      const uint32_t h = height() - 2;
      const Entry b = pop();
      const Entry a = pop();
      // A constant operand becomes the immediate: the right one, or the left one of a
      // commutative operation (the other operand then read from its own height).
      const std::optional<ChainLink> link = chain_link(op);
      const bool swap = b.kind != Entry::Const && a.kind == Entry::Const && link &&
                        link->commutative && !link->imm;
      if (b.kind == Entry::Const || swap) {
        const Entry& x = swap ? b : a;
        const uint32_t hx = swap ? h + 1 : h;
        const uint64_t k = swap ? a.value : b.value;
        if (retargetable(x, hx) && (fuse_chain(next_op(op), ChainMode::Imm, h, k) ||
                                    fuse_load_chain(next_op(op), ChainMode::Imm, h, k)))
          return true;
        const uint32_t sx = operand(x, hx);
        emit_op(next_op(op));
        const size_t w = here();
        emit(pack(off(temp(h)), sx));
        emit(k);
        produced(w, h);
        return true;
      }
      const uint32_t sa = operand(a, h);
      const uint32_t sb = operand(b, h + 1);
      if (fuse_multiply_add(op, a, b, h, sa, sb)) return true;
      if (retargetable(b, h + 1) && (fuse_chain(op, ChainMode::TempRight, h, sa) ||
                                     fuse_load_chain(op, ChainMode::TempRight, h, sa)))
        return true;
      if (retargetable(a, h) && (fuse_chain(op, ChainMode::TempLeft, h, sb) ||
                                 fuse_load_chain(op, ChainMode::TempLeft, h, sb)))
        return true;
      emit_op(op);
      const size_t w = here();
      emit(pack(off(temp(h)), sa));
      emit(pack(sb, 0));
      produced(w, h);
      return true;
    }
    case Shape::Load:
      return lower_load(op, ins.memarg.offset, checked, /*wide=*/false, /*has_abs=*/true);
    case Shape::Store: {
      const uint32_t h = height() - 2;
      const Entry v = pop();
      const Entry a = pop();
      uint32_t base, k;
      bool reg;
      if (fold_address_add(a, h, ins.memarg.offset, base, k, reg)) {
        if (v.kind == Entry::Const) {
          emit_op(op_plus(op, (reg ? 10 : 6) + (checked ? 1 : 0)));
          emit(pack(base, 0));
          emit(pack(static_cast<uint32_t>(ins.memarg.offset), k));
          emit(v.value);
          return true;
        }
        const uint32_t sv = operand(v, h + 1);
        emit_op(op_plus(op, (reg ? 8 : 4) + (checked ? 1 : 0)));
        emit(pack(base, sv));
        emit(pack(static_cast<uint32_t>(ins.memarg.offset), k));
        return true;
      }
      if (a.kind == Entry::Const) {  // a constant address: add the offset now
        const uint64_t ea = uint64_t{static_cast<uint32_t>(a.value)} + ins.memarg.offset;
        if (v.kind == Entry::Const) {
          emit_op(op_plus(op, checked ? 15 : 14));
          emit(pack(0, 0));
          emit(ea);
          emit(v.value);
          return true;
        }
        const uint32_t sv = operand(v, h + 1);
        emit_op(op_plus(op, checked ? 13 : 12));
        emit(pack(0, sv));
        emit(ea);
        return true;
      }
      const uint32_t sa = operand(a, h);
      if (v.kind == Entry::Const) {
        emit_op(op_plus(op, checked ? 3 : 2));
        emit(pack(sa, 0));
        emit(ins.memarg.offset);
        emit(v.value);
        return true;
      }
      const uint32_t sv = operand(v, h + 1);
      emit_op(checked ? next_op(op) : op);
      emit(pack(sa, sv));
      emit(ins.memarg.offset);
      return true;
    }
    case Shape::None:
    default:
      return lower_simd(ins);
  }
}

}  // namespace lowering

using lowering::Lowering;

// What lowering one function on demand needs, kept with the ModuleCode it lowers into. The
// mutex serializes lowerings of the module (they share the Lowering's scratch space).
class LazyLowering {
 public:
  LazyLowering(const ir::Module& module, HandlerTable handlers, const LowerOptions& options,
               ModuleCode& out)
      : options_(options),
        context_(module, ir::Features::wasm2()),
        lowering_(module, handlers, options_, out),
        decoder_(context_, lowering_) {}

  Result<void> lower(ModuleCode& out, uint32_t defined_index) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (is_lowered(out, defined_index)) return {};  // another thread got here first
    // The lowering's containers may throw; here, at run time, that must become an error.
    try {
      lowering_.begin_function(defined_index);
      WEFT_TRY(decoder_.decode_function(defined_index));
      return lowering_.finish_function();
    } catch (const std::bad_alloc&) {
      return Error{ErrorKind::OutOfMemory, "out of memory lowering a function"};
    }
  }

 private:
  std::mutex mutex_;
  LowerOptions options_;
  validate::ModuleContext context_;
  Lowering lowering_;
  validate::BodyDecoder<Lowering, false> decoder_;
};

Result<std::shared_ptr<ModuleCode>> lower_module(const ir::Module& module, HandlerTable handlers,
                                                 const LowerOptions& options) {
  auto code = std::make_shared<ModuleCode>();
  code->signatures.resize(module.types.size());
  for (size_t i = 0; i < module.types.size(); ++i) {
    if (!module.is_func_type(static_cast<uint32_t>(i))) continue;
    const ir::FuncType& ft = module.func_type(static_cast<uint32_t>(i));
    Signature& sig = code->signatures[i];
    for (ir::ValType t : ft.params) {
      sig.param_wide.push_back(t.is_vec() ? 1 : 0);
      sig.param_slots += t.is_vec() ? 2 : 1;
    }
    for (ir::ValType t : ft.results) {
      sig.result_wide.push_back(t.is_vec() ? 1 : 0);
      sig.result_slots += t.is_vec() ? 2 : 1;
    }
  }
  const uint32_t num_funcs = static_cast<uint32_t>(module.functions.size());
  code->funcs.resize(num_funcs);
  code->bodies.resize(num_funcs);
  // What is known before lowering; a function not lowered yet has only its parameters.
  for (uint32_t i = 0; i < num_funcs; ++i) {
    CompiledFunc& cf = code->funcs[i];
    const uint32_t type_index = module.functions[i].type_index;
    const Signature& sig = code->signatures[type_index];
    cf.num_params = cf.num_locals = cf.frame_slots = sig.param_slots;
    cf.num_results = sig.result_slots;
    cf.signature = &sig;
    cf.type_index = type_index;
    cf.func_index = module.num_imported_funcs + i;
  }
  if (options.lazy) {
    code->lazy_stubs.resize(num_funcs);
    code->lazy = std::make_shared<LazyLowering>(module, handlers, options, *code);
    const auto stub_handler =
        reinterpret_cast<uintptr_t>(handlers[static_cast<size_t>(Op::LazyLower)]);
    for (uint32_t i = 0; i < num_funcs; ++i) {
      code->lazy_stubs[i] = {stub_handler, reinterpret_cast<uintptr_t>(code.get()), i};
      code->funcs[i].code = code->lazy_stubs[i].data();
    }
    return code;
  }
  validate::ModuleContext context(module, ir::Features::wasm2());
  Lowering lowering(module, handlers, options, *code);
  validate::BodyDecoder<Lowering, false> decoder(context, lowering);
  for (uint32_t i = 0; i < num_funcs; ++i) {
    lowering.begin_function(i);
    WEFT_TRY(decoder.decode_function(i));
    WEFT_TRY(lowering.finish_function());
  }
  return code;
}

Result<void> lower_function(ModuleCode& code, uint32_t defined_index) {
  if (is_lowered(code, defined_index)) return {};
  if (code.lazy == nullptr) return Error{ErrorKind::Other, "function was never lowered"};
  return code.lazy->lower(code, defined_index);
}

bool is_lowered(const ModuleCode& code, uint32_t defined_index) {
  return code.lazy_stubs.empty() ||
         code_acquire(code.funcs[defined_index]) != code.lazy_stubs[defined_index].data();
}

}  // namespace weft::compile
