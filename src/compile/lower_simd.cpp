// The lowering of SIMD instructions: shapes from interp_ops.def, plus the shortcuts (constant
// operands inline, extends and shifts fused with their neighbours).
#include "compile/lowering.hpp"

namespace weft::compile::lowering {

// An extend reads only one half (8 bytes) of its operand. When that operand is a shuffle whose
// bytes there are one whole half of the shuffle's a or b, in order, the extend of that half of
// a or b gives the same lanes: returns that extend and whether it reads b (else nothing).
std::optional<std::pair<Op, bool>> extend_of_shuffled_half(Op extend, const uint8_t (&lanes)[16]) {
  static constexpr std::pair<Op, Op> kExtends[] = {
      {Op::I16x8ExtendLowI8x16S, Op::I16x8ExtendHighI8x16S},
      {Op::I16x8ExtendLowI8x16U, Op::I16x8ExtendHighI8x16U},
      {Op::I32x4ExtendLowI16x8S, Op::I32x4ExtendHighI16x8S},
      {Op::I32x4ExtendLowI16x8U, Op::I32x4ExtendHighI16x8U},
      {Op::I64x2ExtendLowI32x4S, Op::I64x2ExtendHighI32x4S},
      {Op::I64x2ExtendLowI32x4U, Op::I64x2ExtendHighI32x4U},
  };
  const auto* it = std::find_if(std::begin(kExtends), std::end(kExtends), [&](const auto& e) {
    return e.first == extend || e.second == extend;
  });
  if (it == std::end(kExtends)) return std::nullopt;
  const unsigned read = extend == it->first ? 0 : 8;  // the half of the shuffle it reads
  const unsigned start = lanes[read];
  if (start >= 32 || start % 8 != 0) return std::nullopt;
  for (unsigned i = 1; i < 8; ++i) {
    if (lanes[read + i] != start + i) return std::nullopt;
  }
  return std::pair{start % 16 == 0 ? it->first : it->second, start >= 16};
}

// The SIMD instructions (layouts in interp_ops.def); v128 results take two slots.
bool Lowering::lower_simd(const Instruction& ins) {
  const bool checked = options_.bounds == BoundsChecks::Explicit;
  switch (ins.op) {
    case Opcode::V128Bitselect: {
      const uint32_t h = height() - 3;
      const Entry m = pop();
      const Entry b = pop();
      const Entry a = pop();
      const uint32_t sa = operand(a, h), sb = operand(b, h + 1), sm = operand(m, h + 2);
      emit_op(Op::V128Bitselect);
      const size_t w = here();
      emit(pack(off(temp(h)), sa));
      emit(pack(sb, sm));
      produced(w, h, true);
      return true;
    }
    case Opcode::I8x16Shuffle: {
      const uint32_t h = height() - 2;
      const Entry b = pop();
      const Entry a = pop();
      const uint32_t sa = operand(a, h), sb = operand(b, h + 1);
      emit_op(Op::I8x16Shuffle);
      const size_t w = here();
      emit(pack(off(temp(h)), sa));
      emit(pack(sb, 0));
      Cell lanes[2];
      std::memcpy(lanes, ins.value.bytes, 16);
      emit(lanes[0]);
      emit(lanes[1]);
      produced(w, h, true);
      return true;
    }
    default:
      break;
  }
  const Op op = op_from(ins.op);
  const Shape shape = shape_of(ins.op);
  switch (shape) {
    case Shape::VUnary:
    case Shape::VReduce:
    case Shape::VSplat: {
      const uint32_t h = height() - 1;
      const Entry a = pop();
      if (retargetable(a, h) && producer_op_ == Op::I8x16Shuffle) {
        uint8_t lanes[16];
        std::memcpy(lanes, &code_[producer_start_ + 3], 16);
        if (const auto half = extend_of_shuffled_half(op, lanes)) {
          const Cell w1 = code_[producer_start_ + 1], w2 = code_[producer_start_ + 2];
          code_.resize(producer_start_);
          producer_end_ = kNone;
          emit_op(half->first);
          const size_t w = here();
          emit(pack(off(temp(h)), half->second ? low_half(w2) : high_half(w1)));
          produced(w, h, true);
          return true;
        }
      }
      const uint32_t sa = operand(a, h);
      emit_op(op);
      const size_t w = here();
      emit(pack(off(temp(h)), sa));
      produced(w, h, shape != Shape::VReduce);
      return true;
    }
    case Shape::VBinary:
    case Shape::VShift:
    case Shape::VReplace: {
      const uint32_t h = height() - 2;
      const Entry b = pop();
      const Entry a = pop();
      if (shape == Shape::VShift && b.kind == Entry::Const) {  // the count inline: no Const
        const Op fused = retargetable(a, h) ? vector_binary_shift(producer_op_, op) : Op::Count;
        if (fused != Op::Count) {  // the shifted value just computed: one operation for both
          const Cell w1 = code_[producer_start_ + 1], w2 = code_[producer_start_ + 2];
          code_.resize(producer_start_);
          producer_end_ = kNone;
          emit_op(fused);
          const size_t w = here();
          emit(pack(off(temp(h)), high_half(w1)));
          emit(pack(low_half(w2), static_cast<uint32_t>(b.value)));
          produced(w, h, true);
          return true;
        }
        const uint32_t sa = operand(a, h);
        emit_op(next_op(op));
        const size_t w = here();
        emit(pack(off(temp(h)), sa));
        emit(static_cast<uint32_t>(b.value));
        produced(w, h, true);
        return true;
      }
      // A unary operation just computed one operand into its temp: when a fused form exists,
      // it replaces the two (the operation is commutative, so either operand may be the one).
      const bool b_fresh = retargetable(b, h + 1), a_fresh = retargetable(a, h);
      const Op fused = shape == Shape::VBinary && (a_fresh || b_fresh)
                           ? vector_unary_binary(producer_op_, op)
                           : Op::Count;
      if (fused != Op::Count) {
        const uint32_t x = high_half(code_[producer_start_ + 1]);
        code_.resize(producer_start_);
        producer_end_ = kNone;
        const uint32_t other = b_fresh ? operand(a, h) : operand(b, h + 1);
        emit_op(fused);
        const size_t w = here();
        emit(pack(off(temp(h)), other));
        emit(pack(x, 0));
        produced(w, h, true);
        return true;
      }
      // A binary operation just computed one operand: a chain runs both when one exists.
      const bool chainable = shape == Shape::VBinary && a.kind != Entry::Const &&
                             b.kind != Entry::Const && (a_fresh || b_fresh);
      const std::optional<Op> chain =
          chainable ? vector_chain(producer_op_, op, b_fresh) : std::nullopt;
      if (chain) {
        const Cell w1 = code_[producer_start_ + 1], w2 = code_[producer_start_ + 2];
        code_.resize(producer_start_);
        producer_end_ = kNone;
        const uint32_t other = b_fresh ? operand(a, h) : operand(b, h + 1);
        emit_op(*chain);
        const size_t w = here();
        emit(pack(off(temp(h)), high_half(w1)));
        emit(pack(low_half(w2), other));
        produced(w, h, true);
        return true;
      }
      if (shape == Shape::VBinary && b.kind == Entry::Const) {  // the constant inline
        const uint32_t sa = operand(a, h);
        emit_op(next_op(op));
        const size_t w = here();
        emit(pack(off(temp(h)), sa));
        emit(b.value);
        emit(b.value_hi);
        produced(w, h, true);
        return true;
      }
      const uint32_t sa = operand(a, h), sb = operand(b, h + 1);
      emit_op(op);
      const size_t w = here();
      emit(pack(off(temp(h)), sa));
      emit(pack(sb, shape == Shape::VReplace ? ins.lane : 0));
      produced(w, h, true);
      return true;
    }
    case Shape::VExtract: {
      const uint32_t h = height() - 1;
      const Entry a = pop();
      const uint32_t sa = operand(a, h);
      emit_op(op);
      const size_t w = here();
      emit(pack(off(temp(h)), sa));
      emit(ins.lane);
      produced(w, h, false);
      return true;
    }
    case Shape::VLoad:
      return lower_load(op, ins.memarg.offset, checked, /*wide=*/true, /*has_abs=*/false);
    case Shape::VLoadLane:
    case Shape::VStoreLane: {
      const uint32_t h = height() - 2;
      const Entry v = pop();
      const Entry a = pop();
      const uint32_t sa = operand(a, h), sv = operand(v, h + 1);
      emit_op(checked ? next_op(op) : op);
      const size_t w = here();
      if (shape == Shape::VLoadLane) {
        emit(pack(off(temp(h)), sa));
        emit(ins.memarg.offset);
        emit(pack(sv, ins.lane));
        produced(w, h, true);
      } else {
        emit(pack(sa, sv));
        emit(ins.memarg.offset);
        emit(ins.lane);
      }
      return true;
    }
    default:
      return unsupported(ins);
  }
}

}  // namespace weft::compile::lowering
