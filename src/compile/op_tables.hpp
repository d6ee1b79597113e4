// Mappings between wasm opcodes and the interpreter's operations, generated from
// interp_ops.def: which Op implements an instruction, its operand shape, and the variants
// (immediate, checked, fused) that sit at fixed distances after it in the Op enumeration.
#pragma once

#include <optional>
#include <utility>

#include "compile/code_format.hpp"
#include "ir/opcodes.hpp"

namespace weft::compile {

inline Op op_from(ir::Opcode op) {
  switch (op) {
#define WEFT_IOP_UNARY(ident, fn, R, A) \
  case ir::Opcode::ident:               \
    return Op::ident;
#define WEFT_IOP_BINARY(ident, fn, R, A, B) \
  case ir::Opcode::ident:                   \
    return Op::ident;
#define WEFT_IOP_COMPARE(ident, fn, A) \
  case ir::Opcode::ident:              \
    return Op::ident;
#define WEFT_IOP_LOAD(ident, R, M) \
  case ir::Opcode::ident:          \
    return Op::ident;
#define WEFT_IOP_STORE(ident, V, M) \
  case ir::Opcode::ident:           \
    return Op::ident;
#define WEFT_IOP(ident)
#define WEFT_IOP_V(ident, kind, fn) \
  case ir::Opcode::ident:           \
    return Op::ident;
#include "compile/interp_ops.def"
#undef WEFT_IOP_UNARY
#undef WEFT_IOP_BINARY
#undef WEFT_IOP_COMPARE
#undef WEFT_IOP_LOAD
#undef WEFT_IOP_STORE
#undef WEFT_IOP
#undef WEFT_IOP_V
    default:
      return Op::Count;
  }
}

// Scalar shapes, then the SIMD ones (layouts in interp_ops.def).
enum class Shape : uint8_t {
  None,
  Unary,
  Binary,
  Load,
  Store,
  VUnary,
  VBinary,
  VReduce,
  VShift,
  VSplat,
  VExtract,
  VReplace,
  VLoad,
  VLoadLane,
  VStoreLane,
};

inline Shape shape_of(ir::Opcode op) {
  switch (op) {
#define WEFT_IOP_UNARY(ident, fn, R, A) \
  case ir::Opcode::ident:               \
    return Shape::Unary;
#define WEFT_IOP_BINARY(ident, fn, R, A, B) \
  case ir::Opcode::ident:                   \
    return Shape::Binary;
#define WEFT_IOP_COMPARE(ident, fn, A) \
  case ir::Opcode::ident:              \
    return Shape::Binary;
#define WEFT_IOP_LOAD(ident, R, M) \
  case ir::Opcode::ident:          \
    return Shape::Load;
#define WEFT_IOP_STORE(ident, V, M) \
  case ir::Opcode::ident:           \
    return Shape::Store;
#define WEFT_IOP(ident)
#define WEFT_IOP_V(ident, kind, fn) \
  case ir::Opcode::ident:           \
    return Shape::kind;
#include "compile/interp_ops.def"
#undef WEFT_IOP_UNARY
#undef WEFT_IOP_BINARY
#undef WEFT_IOP_COMPARE
#undef WEFT_IOP_LOAD
#undef WEFT_IOP_STORE
#undef WEFT_IOP
#undef WEFT_IOP_V
    default:
      return Shape::None;
  }
}

inline Op op_plus(Op op, int n) {
  return static_cast<Op>(static_cast<uint16_t>(op) + n);
}
inline Op next_op(Op op) {
  return op_plus(op, 1);
}

// The comparison (non-immediate form) behind `op` when it is a comparison or its Imm form.
inline std::optional<std::pair<Op, bool>> comparison_of(Op op) {
  switch (op) {
#define WEFT_IOP_UNARY(ident, fn, R, A)
#define WEFT_IOP_BINARY(ident, fn, R, A, B)
#define WEFT_IOP_COMPARE(ident, fn, A)  \
  case Op::ident:                       \
    return std::pair{Op::ident, false}; \
  case Op::ident##Imm:                  \
    return std::pair{Op::ident, true};
#define WEFT_IOP_LOAD(ident, R, M)
#define WEFT_IOP_STORE(ident, V, M)
#define WEFT_IOP(ident)
#define WEFT_IOP_V(ident, kind, fn)
#include "compile/interp_ops.def"
#undef WEFT_IOP_UNARY
#undef WEFT_IOP_BINARY
#undef WEFT_IOP_COMPARE
#undef WEFT_IOP_LOAD
#undef WEFT_IOP_STORE
#undef WEFT_IOP
#undef WEFT_IOP_V
    default:
      return std::nullopt;
  }
}

}  // namespace weft::compile
