// The interpreter's code format, which compile/ emits and interp/ executes (interp_ops.def
// lists the operations and their cell layouts).
//
// Direct threading: an operation is a run of 8-byte cells whose first word is the address of
// its handler; operands follow. compile/ does not know the handlers: the lowering takes the
// handler table (indexed by Op) from interp/ and writes addresses as it emits.
//
// Frames: a function's frame is an array of 8-byte slots [params | locals | temps]. A v128
// value takes two consecutive slots, every other value one; locals and operand-stack entries
// are laid out by the prefix sums of their widths, so the temp for operand-stack height h sits
// right after the locals at the summed width of the entries below h, and all paths meeting at
// a label agree on where values are. i32 values are zero-extended, floats raw bits, references
// pointers, v128 its 16 bytes in WebAssembly lane order. A callee's frame starts at the
// caller's first argument slot; results come back in the callee's first slots, which are the
// caller's temps at the same heights.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "compile/chain_ops.hpp"
#include "compile/step_branch_ops.hpp"

namespace weft::compile {

using Cell = uint64_t;

enum class Op : uint16_t {
#define WEFT_IOP_UNARY(ident, fn, R, A) ident,
#define WEFT_IOP_BINARY(ident, fn, R, A, B) ident, ident##Imm,
#define WEFT_IOP_COMPARE(ident, fn, A) \
  ident, ident##Imm, ident##BrIf, ident##BrIfImm, ident##BrUnless, ident##BrUnlessImm,
#define WEFT_IOP_LOAD(ident, R, M)                                                           \
  ident, ident##Chk, ident##Add, ident##ChkAdd, ident##AddReg, ident##ChkAddReg, ident##Abs, \
      ident##ChkAbs,
#define WEFT_IOP_STORE(ident, V, M)                                                             \
  ident, ident##Chk, ident##Imm, ident##ChkImm, ident##Add, ident##ChkAdd, ident##AddImm,       \
      ident##ChkAddImm, ident##AddReg, ident##ChkAddReg, ident##AddRegImm, ident##ChkAddRegImm, \
      ident##Abs, ident##ChkAbs, ident##AbsImm, ident##ChkAbsImm,
#define WEFT_IOP(ident) ident,
#define WEFT_IOP_V(ident, kind, fn) WEFT_VOPS_##kind(ident)
#define WEFT_VOPS_VUnary(ident) ident,
#define WEFT_VOPS_VBinary(ident) ident, ident##Imm,
#define WEFT_VOPS_VReduce(ident) ident,
#define WEFT_VOPS_VShift(ident) ident, ident##Imm,
#define WEFT_VOPS_VSplat(ident) ident,
#define WEFT_VOPS_VExtract(ident) ident,
#define WEFT_VOPS_VReplace(ident) ident,
#define WEFT_VOPS_VLoad(ident) \
  ident, ident##Chk, ident##Add, ident##ChkAdd, ident##AddReg, ident##ChkAddReg,
#define WEFT_VOPS_VLoadLane(ident) ident, ident##Chk,
#define WEFT_VOPS_VStoreLane(ident) ident, ident##Chk,
#include "compile/interp_ops.def"
#undef WEFT_IOP_V
#undef WEFT_VOPS_VUnary
#undef WEFT_VOPS_VBinary
#undef WEFT_VOPS_VReduce
#undef WEFT_VOPS_VShift
#undef WEFT_VOPS_VSplat
#undef WEFT_VOPS_VExtract
#undef WEFT_VOPS_VReplace
#undef WEFT_VOPS_VLoad
#undef WEFT_VOPS_VLoadLane
#undef WEFT_VOPS_VStoreLane
#undef WEFT_IOP_UNARY
#undef WEFT_IOP_BINARY
#undef WEFT_IOP_COMPARE
#undef WEFT_IOP_LOAD
#undef WEFT_IOP_STORE
#undef WEFT_IOP
  ChainFirst,  // kChainOpCount chains (chain_ops.hpp), numbered by chain_index()
  StepBranchFirst = ChainFirst + kChainOpCount,  // step_branch_ops.hpp, by step_branch_index()
  LoadChainFirst = StepBranchFirst + kStepBranchOpCount,  // by load_chain_index()
  Count = LoadChainFirst + kLoadChainOpCount,
};

inline constexpr size_t kOpCount = static_cast<size_t>(Op::Count);

// The handler address of every Op, provided by the interpreter.
using HandlerTable = const void* const*;

// Packs two slot offsets (or small indices) into one operand word.
constexpr Cell pack(uint32_t low, uint32_t high) {
  return Cell{low} | (Cell{high} << 32);
}
constexpr uint32_t low_half(Cell c) {
  return static_cast<uint32_t>(c);
}
constexpr uint32_t high_half(Cell c) {
  return static_cast<uint32_t>(c >> 32);
}
constexpr uint32_t slot_offset(uint32_t slot) {
  return slot * 8;
}

// A function type's layout in frame slots, for the calls that leave the interpreter's own
// convention (host functions, array_call entries): which values are v128 (two slots).
struct Signature {
  std::vector<uint8_t> param_wide;   // per parameter: 1 for v128
  std::vector<uint8_t> result_wide;  // per result
  uint32_t param_slots = 0;
  uint32_t result_slots = 0;
};

// One function, lowered. Stable in memory once its ModuleCode is built (direct calls and
// funcrefs point at it). A function lowered lazily (LowerOptions::lazy) starts with `code` at a
// stub [LazyLower][ModuleCode*][defined index] and its frame as its parameters alone
// (num_locals = frame_slots = num_params); the first call lowers it, which publishes
// num_locals, frame_slots, then code (publish_lowered). Callers read code first
// (code_acquire), then the frame fields, so real code always comes with its real frame.
struct CompiledFunc {
  const Cell* code = nullptr;
  uint32_t num_params = 0;   // slots holding the arguments on entry
  uint32_t num_locals = 0;   // slots of params + locals; [num_params, num_locals) start zeroed
  uint32_t frame_slots = 0;  // the whole frame, temps included
  uint32_t num_results = 0;  // slots holding the results on return
  const Signature* signature = nullptr;  // the function's type, value by value
  uint32_t type_index = 0;               // the module's type index
  uint32_t func_index = 0;               // in the module's function index space
};

inline const Cell* code_acquire(const CompiledFunc& f) {
  return __atomic_load_n(&f.code, __ATOMIC_ACQUIRE);
}
inline uint32_t num_locals_relaxed(const CompiledFunc& f) {
  return __atomic_load_n(&f.num_locals, __ATOMIC_RELAXED);
}
inline uint32_t frame_slots_relaxed(const CompiledFunc& f) {
  return __atomic_load_n(&f.frame_slots, __ATOMIC_RELAXED);
}
// Makes a lowered body the function's code; the frame layout becomes visible no later than it.
inline void publish_lowered(CompiledFunc& f, const Cell* code, uint32_t num_locals,
                            uint32_t frame_slots) {
  __atomic_store_n(&f.num_locals, num_locals, __ATOMIC_RELAXED);
  __atomic_store_n(&f.frame_slots, frame_slots, __ATOMIC_RELAXED);
  __atomic_store_n(&f.code, code, __ATOMIC_RELEASE);
}

// The code of a function not lowered yet: [LazyLower][ModuleCode*][defined index].
using LazyStubCode = std::array<Cell, 3>;

class LazyLowering;  // lower.cpp: what lowering one function on demand needs

// A wasm-to-array trampoline's code: [CallHost][Signature*][Return]. Entered like any
// CompiledFunc with the host function's context (VMContext::host_funcref says which function).
using TrampolineCode = std::array<Cell, 3>;

struct ModuleCode {
  std::vector<Signature> signatures;      // one per type index of the module
  std::vector<CompiledFunc> funcs;        // one per defined function
  std::vector<std::vector<Cell>> bodies;  // their code; never resized once built
  // Per type index, the wasm-to-array trampoline a store fills host funcref holes of that type
  // with (trampolines.hpp); code is null for a type that is not a function type. Every type
  // that imports, call_indirect or ref.func can involve is in the type section, so this covers
  // them all. Both vectors are never resized once built.
  std::vector<CompiledFunc> trampolines;
  std::vector<TrampolineCode> trampoline_code;
  // Lazy lowering only: one stub per defined function (never resized once built), and the
  // state lower_function works with (null once eager).
  std::vector<LazyStubCode> lazy_stubs;
  std::shared_ptr<LazyLowering> lazy;
};

// Where bounds are checked: by guard pages (the reservation faults), or by explicit compares.
enum class BoundsChecks : uint8_t { GuardPages, Explicit };

struct LowerOptions {
  BoundsChecks bounds = BoundsChecks::Explicit;
  // Interruption checks, emitted only when asked for (code without them is unchanged): fuel
  // charges each straight-line block's instruction count at its head and traps when the store's
  // fuel runs out; epoch checks at function entries and loop heads trap once the engine's epoch
  // reaches the store's deadline (runtime::VMStoreLimits).
  bool consume_fuel = false;
  bool epoch_interruption = false;
  // Lower each function on its first call (lower_function) instead of all up front.
  bool lazy = false;
};

}  // namespace weft::compile
