// Mappings between wasm opcodes and the interpreter's operations, generated from
// interp_ops.def: which Op implements an instruction, its operand shape, and the variants
// (immediate, checked, fused) that sit at fixed distances after it in the Op enumeration.
#pragma once

#include <array>
#include <optional>
#include <utility>

#include "compile/code_format.hpp"
#include "ir/opcodes.hpp"

namespace weft::compile {

[[gnu::always_inline]] inline Op op_from(ir::Opcode op) {
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

[[gnu::always_inline]] inline Shape shape_of(ir::Opcode op) {
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

// An operation a chain may start or end with (chain_ops.hpp): its family, its index in the
// family's list, whether it is the Imm form, and whether it commutes.
struct ChainLink {
  ChainFamily family = ChainFamily::I32;
  uint8_t index = 0;
  bool imm = false;
  bool commutative = false;
};

namespace detail {
struct ChainMember {
  Op op;
  bool commutative;
};
#define WEFT_CHAIN_MEMBER(ident, fn, commutative) ChainMember{Op::ident, commutative},
inline constexpr ChainMember kChainI32[] = {WEFT_CHAIN_I32_OPS(WEFT_CHAIN_MEMBER)};
inline constexpr ChainMember kChainI64[] = {WEFT_CHAIN_I64_OPS(WEFT_CHAIN_MEMBER)};
inline constexpr ChainMember kChainF32[] = {WEFT_CHAIN_F32_OPS(WEFT_CHAIN_MEMBER)};
inline constexpr ChainMember kChainF64[] = {WEFT_CHAIN_F64_OPS(WEFT_CHAIN_MEMBER)};
#undef WEFT_CHAIN_MEMBER

// Per Op: its ChainLink, when it can be part of a chain.
struct ChainLinkTable {
  std::array<std::optional<ChainLink>, kOpCount> links{};
  constexpr ChainLinkTable() {
    const ChainMember* families[] = {kChainI32, kChainI64, kChainF32, kChainF64};
    for (size_t f = 0; f < kChainFamilies; ++f) {
      for (size_t i = 0; i < kChainOpsPerFamily[f]; ++i) {
        const ChainMember& m = families[f][i];
        const size_t op = static_cast<size_t>(m.op);
        const auto family = static_cast<ChainFamily>(f);
        links[op] = ChainLink{family, static_cast<uint8_t>(i), false, m.commutative};
        // The Imm form follows each binary operation (chains of floats take no immediates,
        // load chains do).
        links[op + 1] = ChainLink{family, static_cast<uint8_t>(i), true, m.commutative};
      }
    }
  }
};
inline constexpr ChainLinkTable kChainLinkTable;
}  // namespace detail

inline std::optional<ChainLink> chain_link(Op op) {
  return detail::kChainLinkTable.links[static_cast<size_t>(op)];
}

inline Op chain_op(const ChainKey& key) {
  return op_plus(Op::ChainFirst, static_cast<int>(chain_index(key)));
}

// The operation that runs VUnary `unary` and gives its result at once to the commutative
// VBinary `binary` (WEFT_IOP_VFUSED), or Op::Count when there is none.
inline Op vector_unary_binary(Op unary, Op binary) {
#define WEFT_IOP_UNARY(ident, fn, R, A)
#define WEFT_IOP_BINARY(ident, fn, R, A, B)
#define WEFT_IOP_COMPARE(ident, fn, A)
#define WEFT_IOP_LOAD(ident, R, M)
#define WEFT_IOP_STORE(ident, V, M)
#define WEFT_IOP(ident)
#define WEFT_IOP_V(ident, kind, fn)
#define WEFT_IOP_VFUSED(ident, u, b, ufn, bfn) \
  if (unary == Op::u && binary == Op::b) return Op::ident;
#include "compile/interp_ops.def"
#undef WEFT_IOP_UNARY
#undef WEFT_IOP_BINARY
#undef WEFT_IOP_COMPARE
#undef WEFT_IOP_LOAD
#undef WEFT_IOP_STORE
#undef WEFT_IOP
#undef WEFT_IOP_V
#undef WEFT_IOP_VFUSED
  return Op::Count;
}

// The index of `op` (a comparison's non-immediate form) among the steps' comparisons.
inline std::optional<uint8_t> step_branch_compare(Op op) {
  uint8_t i = 0;
#define WEFT_STEP_BRANCH_MATCH(ident, fn) \
  if (op == Op::ident) return i;          \
  ++i;
  WEFT_STEP_BRANCH_COMPARES(WEFT_STEP_BRANCH_MATCH)
#undef WEFT_STEP_BRANCH_MATCH
  return std::nullopt;
}

inline Op step_branch_op(const StepBranchKey& key) {
  return op_plus(Op::StepBranchFirst, static_cast<int>(step_branch_index(key)));
}

// The operation that runs VBinary `binary` and shifts its result at once by a constant count
// with VShift `shift` (WEFT_IOP_VSHIFTED), or Op::Count when there is none.
inline Op vector_binary_shift(Op binary, Op shift) {
#define WEFT_IOP_UNARY(ident, fn, R, A)
#define WEFT_IOP_BINARY(ident, fn, R, A, B)
#define WEFT_IOP_COMPARE(ident, fn, A)
#define WEFT_IOP_LOAD(ident, R, M)
#define WEFT_IOP_STORE(ident, V, M)
#define WEFT_IOP(ident)
#define WEFT_IOP_V(ident, kind, fn)
#define WEFT_IOP_VSHIFTED(ident, b, s, bfn, sfn) \
  if (binary == Op::b && shift == Op::s) return Op::ident;
#include "compile/interp_ops.def"
#undef WEFT_IOP_UNARY
#undef WEFT_IOP_BINARY
#undef WEFT_IOP_COMPARE
#undef WEFT_IOP_LOAD
#undef WEFT_IOP_STORE
#undef WEFT_IOP
#undef WEFT_IOP_V
#undef WEFT_IOP_VSHIFTED
  return Op::Count;
}

// The chain family of a full-width load, unchecked, with its address plain (`add` false) or
// with an i32.add of a constant folded in (`add` true): the loads a load chain starts with.
struct LoadLink {
  ChainFamily family;
  bool add;
};
inline std::optional<LoadLink> load_link(Op op) {
  constexpr std::pair<Op, ChainFamily> kLoads[] = {{Op::I32Load, ChainFamily::I32},
                                                   {Op::I64Load, ChainFamily::I64},
                                                   {Op::F32Load, ChainFamily::F32},
                                                   {Op::F64Load, ChainFamily::F64}};
  for (const auto& [load, family] : kLoads) {
    if (op == load) return LoadLink{family, false};
    if (op == op_plus(load, 2)) return LoadLink{family, true};  // Ident##Add (interp_ops.def)
  }
  return std::nullopt;
}

inline Op load_chain_op(const LoadChainKey& key) {
  return op_plus(Op::LoadChainFirst, static_cast<int>(load_chain_index(key)));
}

// The operation that runs VBinary `first` and gives its result at once to VBinary `second`
// (WEFT_IOP_VCHAIN) as its left operand, or as its right one when `second` is commutative
// (`right`); nothing when there is none.
inline std::optional<Op> vector_chain(Op first, Op second, bool right) {
#define WEFT_IOP_UNARY(ident, fn, R, A)
#define WEFT_IOP_BINARY(ident, fn, R, A, B)
#define WEFT_IOP_COMPARE(ident, fn, A)
#define WEFT_IOP_LOAD(ident, R, M)
#define WEFT_IOP_STORE(ident, V, M)
#define WEFT_IOP(ident)
#define WEFT_IOP_V(ident, kind, fn)
#define WEFT_IOP_VCHAIN(ident, b1, b2, fn1, fn2, commutative) \
  if (first == Op::b1 && second == Op::b2 && (!right || commutative)) return Op::ident;
#include "compile/interp_ops.def"
#undef WEFT_IOP_UNARY
#undef WEFT_IOP_BINARY
#undef WEFT_IOP_COMPARE
#undef WEFT_IOP_LOAD
#undef WEFT_IOP_STORE
#undef WEFT_IOP
#undef WEFT_IOP_V
#undef WEFT_IOP_VCHAIN
  return std::nullopt;
}

}  // namespace weft::compile
