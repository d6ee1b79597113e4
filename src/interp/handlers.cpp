// The interpreter's handlers, one per compile::Op (layouts in compile/interp_ops.def), and the
// table that maps each Op to its handler. Numeric semantics come from interp/ops/.
#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>
#include <memory>
#include <new>
#include <tuple>
#include <type_traits>

#include "compile/code_format.hpp"
#include "compile/lower.hpp"
#include "interp/dispatch.hpp"
#include "interp/ops/ops.hpp"
#include "runtime/instance.hpp"
#include "runtime/memory.hpp"
#include "runtime/table.hpp"

namespace weft::interp {
namespace {

using compile::CompiledFunc;
using compile::high_half;
using compile::low_half;
using runtime::TrapCode;
using runtime::ValRaw;
using runtime::VMContext;
using runtime::VMFuncRef;

template <typename T>
struct IsChecked : std::false_type {};
template <typename T>
struct IsChecked<ops::Checked<T>> : std::true_type {};

// --- Numeric ---------------------------------------------------------------------------------

template <auto F, typename R, typename A>
WEFT_HANDLER_CC HandlerResult unary(WEFT_HANDLER_ARGS) {
  const Cell w = pc[1];
  const auto r = F(static_cast<A>(WEFT_SLOT(high_half(w))));
  if constexpr (IsChecked<std::remove_cv_t<decltype(r)>>::value) {
    if (!r.ok()) [[unlikely]]
      WEFT_TRAP(r.trap);
    WEFT_SLOT(low_half(w)) = static_cast<uint64_t>(static_cast<R>(r.value));
  } else {
    WEFT_SLOT(low_half(w)) = static_cast<uint64_t>(static_cast<R>(r));
  }
  WEFT_NEXT(2);
}

template <auto F, typename R, typename A, typename B, bool kImm>
WEFT_HANDLER_CC HandlerResult binary(WEFT_HANDLER_ARGS) {
  const Cell w = pc[1];
  const A a = static_cast<A>(WEFT_SLOT(high_half(w)));
  const B b = kImm ? static_cast<B>(pc[2]) : static_cast<B>(WEFT_SLOT(low_half(pc[2])));
  const auto r = F(a, b);
  if constexpr (IsChecked<std::remove_cv_t<decltype(r)>>::value) {
    if (!r.ok()) [[unlikely]]
      WEFT_TRAP(r.trap);
    WEFT_SLOT(low_half(w)) = static_cast<uint64_t>(static_cast<R>(r.value));
  } else {
    WEFT_SLOT(low_half(w)) = static_cast<uint64_t>(static_cast<R>(r));
  }
  WEFT_NEXT(3);
}

// A comparison fused with a conditional branch, taken when the comparison equals kWhen.
template <auto F, typename A, bool kImm, bool kWhen>
WEFT_HANDLER_CC HandlerResult branch_compare(WEFT_HANDLER_ARGS) {
  const Cell w = pc[1];
  const A a = static_cast<A>(WEFT_SLOT(low_half(w)));
  const A b = kImm ? static_cast<A>(pc[2]) : static_cast<A>(WEFT_SLOT(high_half(w)));
  if (static_cast<bool>(F(a, b)) == kWhen) {
    pc = reinterpret_cast<const Cell*>(pc[kImm ? 3 : 2]);
    WEFT_DISPATCH();
  }
  WEFT_NEXT(kImm ? 4 : 3);
}

// --- Memory ----------------------------------------------------------------------------------

// An access of `size` bytes at `ea` is inside the memory's current size.
inline bool in_bounds(const VMContext* ctx, uint64_t ea, uint64_t size) {
  return ea + size <= ctx->memory0->size_bytes();
}

// The effective address of an access whose address operand is in `slot`, with the static
// offset in pc[2]; with kAdd, pc[2] packs (offset, k) and the address is slot + k (wrapping).
template <bool kAdd>
inline uint64_t effective_address(uint64_t slot, Cell w2) {
  if constexpr (kAdd) {
    return uint64_t{static_cast<uint32_t>(static_cast<uint32_t>(slot) + high_half(w2))} +
           low_half(w2);
  } else {
    return uint64_t{static_cast<uint32_t>(slot)} + w2;
  }
}

// Reads or writes an M at `ea`; with kCheck, first checks the bounds and, when they fail,
// touches nothing and returns false.
template <typename M, bool kCheck>
inline bool read_memory(const VMContext* ctx, const uint8_t* mem, uint64_t ea, M& out) {
  if constexpr (kCheck) {
    if (!in_bounds(ctx, ea, sizeof(M))) [[unlikely]]
      return false;
  }
  std::memcpy(&out, mem + ea, sizeof(M));
  return true;
}
template <typename M, bool kCheck>
inline bool write_memory(const VMContext* ctx, uint8_t* mem, uint64_t ea, const M& value) {
  if constexpr (kCheck) {
    if (!in_bounds(ctx, ea, sizeof(M))) [[unlikely]]
      return false;
  }
  std::memcpy(mem + ea, &value, sizeof(M));
  return true;
}

// How a load or store finds its address: the slot plus the offset in pc[2] (kPlain), or with
// an i32.add of an immediate (kAddImm) or of a second slot (kAddReg) folded in, pc[2] packing
// (offset, k) or (offset, slot b), or pc[2] itself for a constant address (kAbs).
enum AddressMode : int { kPlain, kAddImm, kAddReg, kAbs };

template <int kMode>
inline uint64_t access_address(uint64_t* fp, uint64_t slot, Cell w2) {
  if constexpr (kMode == kAddReg) {
    const uint32_t b = static_cast<uint32_t>(WEFT_SLOT(high_half(w2)));
    return uint64_t{static_cast<uint32_t>(static_cast<uint32_t>(slot) + b)} + low_half(w2);
  } else if constexpr (kMode == kAbs) {
    (void)slot;
    return w2;
  } else {
    return effective_address<kMode == kAddImm>(slot, w2);
  }
}

template <typename R, typename M, bool kCheck, int kMode>
WEFT_HANDLER_CC HandlerResult load(WEFT_HANDLER_ARGS) {
  const Cell w = pc[1];
  const uint64_t ea = access_address<kMode>(fp, WEFT_SLOT(high_half(w)), pc[2]);
  M v;
  if (!read_memory<M, kCheck>(ctx, mem, ea, v)) [[unlikely]]
    WEFT_TRAP(TrapCode::MemoryOutOfBounds);
  WEFT_SLOT(low_half(w)) = static_cast<uint64_t>(static_cast<R>(v));
  WEFT_NEXT(3);
}

template <typename V, typename M, bool kCheck, bool kImm, int kMode>
WEFT_HANDLER_CC HandlerResult store(WEFT_HANDLER_ARGS) {
  const Cell w = pc[1];
  const uint64_t ea = access_address<kMode>(fp, WEFT_SLOT(low_half(w)), pc[2]);
  const M v = static_cast<M>(static_cast<V>(kImm ? pc[3] : WEFT_SLOT(high_half(w))));
  if (!write_memory<M, kCheck>(ctx, mem, ea, v)) [[unlikely]]
    WEFT_TRAP(TrapCode::MemoryOutOfBounds);
  WEFT_NEXT(kImm ? 4 : 3);
}

// --- SIMD ------------------------------------------------------------------------------------

// The ops library's SIMD functions, plus the two whole-vector memory accesses it leaves to us
// (they move the bytes unchanged).
namespace vops {
using namespace ops;
inline V128 v128_load_whole(V128 loaded) {
  return loaded;
}
inline V128 v128_store_whole(const V128& v, unsigned) {
  return v;
}
}  // namespace vops

using ops::V128;

// Each SIMD handler is a preserve_none shell around a body with the ordinary convention. The
// bodies are inlined, except under AddressSanitizer: its frames for 16-byte-aligned locals
// need a stack realignment that clang cannot do in preserve_none functions.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WEFT_SIMD_BODY [[gnu::noinline]] inline
#endif
#endif
#ifndef WEFT_SIMD_BODY
#define WEFT_SIMD_BODY [[gnu::always_inline]] inline
#endif

inline V128 read_v128(const uint64_t* fp, uint32_t off) {
  return ops::v128_from_bytes(reinterpret_cast<const char*>(fp) + off);
}
inline void write_v128(uint64_t* fp, uint32_t off, const V128& v) {
  ops::v128_to_bytes(v, reinterpret_cast<char*>(fp) + off);
}

// The parameter and result types of an ops function, by value.
template <typename F>
struct FnTypes;
template <typename R, typename... A>
struct FnTypes<R (*)(A...)> {
  using Result = R;
  template <size_t I>
  using Arg = std::remove_cvref_t<std::tuple_element_t<I, std::tuple<A...>>>;
};
template <auto F, size_t I>
using ArgOf = typename FnTypes<decltype(F)>::template Arg<I>;
template <auto F>
using ResultOf = typename FnTypes<decltype(F)>::Result;

// [h][dst|a]: v128 -> v128, v128 -> i32 (reductions) or scalar -> v128 (splats).
template <auto F>
WEFT_SIMD_BODY void v_unary_body(const Cell* pc, uint64_t* fp) {
  const Cell w = pc[1];
  using A = ArgOf<F, 0>;
  A a;
  if constexpr (std::is_same_v<A, V128>) {
    a = read_v128(fp, high_half(w));
  } else {
    a = static_cast<A>(WEFT_SLOT(high_half(w)));
  }
  const auto r = F(a);
  if constexpr (std::is_same_v<std::remove_cv_t<decltype(r)>, V128>) {
    write_v128(fp, low_half(w), r);
  } else {
    WEFT_SLOT(low_half(w)) = static_cast<uint64_t>(r);
  }
}
template <auto F>
WEFT_HANDLER_CC HandlerResult v_unary(WEFT_HANDLER_ARGS) {
  v_unary_body<F>(pc, fp);
  WEFT_NEXT(2);
}

// [h][dst|a][b|-]: two v128 operands, or a v128 and a shift count.
template <auto F>
WEFT_SIMD_BODY void v_binary_body(const Cell* pc, uint64_t* fp) {
  const Cell w = pc[1];
  using B = ArgOf<F, 1>;
  B b;
  if constexpr (std::is_same_v<B, V128>) {
    b = read_v128(fp, low_half(pc[2]));
  } else {
    b = static_cast<B>(WEFT_SLOT(low_half(pc[2])));
  }
  write_v128(fp, low_half(w), F(read_v128(fp, high_half(w)), b));
}
template <auto F>
WEFT_HANDLER_CC HandlerResult v_binary(WEFT_HANDLER_ARGS) {
  v_binary_body<F>(pc, fp);
  WEFT_NEXT(3);
}

// [h][dst|a][b low][b high]: a binary operation whose right operand is a constant.
template <auto F>
WEFT_SIMD_BODY void v_binary_imm_body(const Cell* pc, uint64_t* fp) {
  const Cell w = pc[1];
  write_v128(fp, low_half(w), F(read_v128(fp, high_half(w)), ops::v128_from_u64(pc[2], pc[3])));
}
template <auto F>
WEFT_HANDLER_CC HandlerResult v_binary_imm(WEFT_HANDLER_ARGS) {
  v_binary_imm_body<F>(pc, fp);
  WEFT_NEXT(4);
}

// [h][dst|a][count]: a shift by a constant count, which F masks to the lane width.
template <auto F>
WEFT_SIMD_BODY void v_shift_imm_body(const Cell* pc, uint64_t* fp) {
  const Cell w = pc[1];
  write_v128(fp, low_half(w), F(read_v128(fp, high_half(w)), static_cast<uint32_t>(pc[2])));
}
template <auto F>
WEFT_HANDLER_CC HandlerResult v_shift_imm(WEFT_HANDLER_ARGS) {
  v_shift_imm_body<F>(pc, fp);
  WEFT_NEXT(3);
}

// [h][dst|a][x|-]: B(a, U(x)), a unary feeding a commutative binary operation at once.
template <auto U, auto B>
WEFT_SIMD_BODY void v_unary_binary_body(const Cell* pc, uint64_t* fp) {
  const Cell w = pc[1];
  write_v128(fp, low_half(w), B(read_v128(fp, high_half(w)), U(read_v128(fp, low_half(pc[2])))));
}
template <auto U, auto B>
WEFT_HANDLER_CC HandlerResult v_unary_binary(WEFT_HANDLER_ARGS) {
  v_unary_binary_body<U, B>(pc, fp);
  WEFT_NEXT(3);
}

// [h][dst|a][b|count]: S(B(a, b), count), a binary operation whose result is shifted at once.
template <auto B, auto S>
WEFT_SIMD_BODY void v_binary_shift_body(const Cell* pc, uint64_t* fp) {
  const Cell w = pc[1], w2 = pc[2];
  write_v128(fp, low_half(w),
             S(B(read_v128(fp, high_half(w)), read_v128(fp, low_half(w2))), high_half(w2)));
}
template <auto B, auto S>
WEFT_HANDLER_CC HandlerResult v_binary_shift(WEFT_HANDLER_ARGS) {
  v_binary_shift_body<B, S>(pc, fp);
  WEFT_NEXT(3);
}

// [h][dst|a][b|c]: B2(B1(a, b), c), a binary operation whose result feeds another at once.
template <auto B1, auto B2>
WEFT_SIMD_BODY void v_chain_body(const Cell* pc, uint64_t* fp) {
  const Cell w = pc[1], w2 = pc[2];
  const V128 t = B1(read_v128(fp, high_half(w)), read_v128(fp, low_half(w2)));
  write_v128(fp, low_half(w), B2(t, read_v128(fp, high_half(w2))));
}
template <auto B1, auto B2>
WEFT_HANDLER_CC HandlerResult v_chain(WEFT_HANDLER_ARGS) {
  v_chain_body<B1, B2>(pc, fp);
  WEFT_NEXT(3);
}

// [h][dst|a][lane]
template <auto F>
WEFT_SIMD_BODY void v_extract_body(const Cell* pc, uint64_t* fp) {
  const Cell w = pc[1];
  WEFT_SLOT(low_half(w)) =
      static_cast<uint64_t>(F(read_v128(fp, high_half(w)), static_cast<unsigned>(pc[2])));
}
template <auto F>
WEFT_HANDLER_CC HandlerResult v_extract(WEFT_HANDLER_ARGS) {
  v_extract_body<F>(pc, fp);
  WEFT_NEXT(3);
}

// [h][dst|a][b|lane]
template <auto F>
WEFT_SIMD_BODY void v_replace_body(const Cell* pc, uint64_t* fp) {
  const Cell w = pc[1], w2 = pc[2];
  const auto x = static_cast<ArgOf<F, 2>>(WEFT_SLOT(low_half(w2)));
  write_v128(fp, low_half(w), F(read_v128(fp, high_half(w)), high_half(w2), x));
}
template <auto F>
WEFT_HANDLER_CC HandlerResult v_replace(WEFT_HANDLER_ARGS) {
  v_replace_body<F>(pc, fp);
  WEFT_NEXT(3);
}

// The memory accesses return false, having touched nothing, when out of bounds.

// [h][dst|addr][offset]: reads an M and widens it to a v128; kMode as for scalar loads.
template <auto F, bool kCheck, int kMode>
WEFT_SIMD_BODY bool v_load_body(const Cell* pc, uint64_t* fp, uint8_t* mem, const VMContext* ctx) {
  using M = ArgOf<F, 0>;
  const Cell w = pc[1];
  const uint64_t ea = access_address<kMode>(fp, WEFT_SLOT(high_half(w)), pc[2]);
  M v;
  if (!read_memory<M, kCheck>(ctx, mem, ea, v)) [[unlikely]]
    return false;
  write_v128(fp, low_half(w), F(v));
  return true;
}
template <auto F, bool kCheck, int kMode>
WEFT_HANDLER_CC HandlerResult v_load(WEFT_HANDLER_ARGS) {
  if (!v_load_body<F, kCheck, kMode>(pc, fp, mem, ctx)) [[unlikely]]
    WEFT_TRAP(TrapCode::MemoryOutOfBounds);
  WEFT_NEXT(3);
}

// [h][dst|addr][offset][vec|lane]
template <auto F, bool kCheck>
WEFT_SIMD_BODY bool v_load_lane_body(const Cell* pc, uint64_t* fp, uint8_t* mem,
                                     const VMContext* ctx) {
  using M = ArgOf<F, 2>;
  const Cell w = pc[1], w3 = pc[3];
  const uint64_t ea = effective_address<false>(WEFT_SLOT(high_half(w)), pc[2]);
  M v;
  if (!read_memory<M, kCheck>(ctx, mem, ea, v)) [[unlikely]]
    return false;
  write_v128(fp, low_half(w), F(read_v128(fp, low_half(w3)), high_half(w3), v));
  return true;
}
template <auto F, bool kCheck>
WEFT_HANDLER_CC HandlerResult v_load_lane(WEFT_HANDLER_ARGS) {
  if (!v_load_lane_body<F, kCheck>(pc, fp, mem, ctx)) [[unlikely]]
    WEFT_TRAP(TrapCode::MemoryOutOfBounds);
  WEFT_NEXT(4);
}

// [h][addr|vec][offset][lane]: stores the M that F takes from the vector.
template <auto F, bool kCheck>
WEFT_SIMD_BODY bool v_store_lane_body(const Cell* pc, uint64_t* fp, uint8_t* mem,
                                      const VMContext* ctx) {
  using M = ResultOf<F>;
  const Cell w = pc[1];
  const uint64_t ea = effective_address<false>(WEFT_SLOT(low_half(w)), pc[2]);
  const M v = F(read_v128(fp, high_half(w)), static_cast<unsigned>(pc[3]));
  return write_memory<M, kCheck>(ctx, mem, ea, v);
}
template <auto F, bool kCheck>
WEFT_HANDLER_CC HandlerResult v_store_lane(WEFT_HANDLER_ARGS) {
  if (!v_store_lane_body<F, kCheck>(pc, fp, mem, ctx)) [[unlikely]]
    WEFT_TRAP(TrapCode::MemoryOutOfBounds);
  WEFT_NEXT(4);
}

// The irregular v128 operations, each a body and its handler.
#define WEFT_SIMD_HANDLER(name, cells)                    \
  WEFT_HANDLER_CC HandlerResult name(WEFT_HANDLER_ARGS) { \
    name##_body(pc, fp, ctx);                             \
    WEFT_NEXT(cells);                                     \
  }

WEFT_SIMD_BODY void op_v128_bitselect_body(const Cell* pc, uint64_t* fp, const VMContext*) {
  const Cell w = pc[1], w2 = pc[2];
  write_v128(fp, low_half(w),
             ops::v128_bitselect(read_v128(fp, high_half(w)), read_v128(fp, low_half(w2)),
                                 read_v128(fp, high_half(w2))));
}
WEFT_SIMD_HANDLER(op_v128_bitselect, 3)

WEFT_SIMD_BODY void op_i8x16_shuffle_body(const Cell* pc, uint64_t* fp, const VMContext*) {
  const Cell w = pc[1];
  const V128 lanes = ops::v128_from_u64(pc[3], pc[4]);
  write_v128(
      fp, low_half(w),
      ops::i8x16_shuffle(read_v128(fp, high_half(w)), read_v128(fp, low_half(pc[2])), lanes));
}
WEFT_SIMD_HANDLER(op_i8x16_shuffle, 5)

// The byte permutations with pshufb, for hosts with SSSE3 (handler_for_host picks them).
#if WEFT_SIMD_PSHUFB
WEFT_SIMD_BODY WEFT_TARGET_SSSE3 void op_i8x16_shuffle_pshufb_body(const Cell* pc, uint64_t* fp,
                                                                   const VMContext*) {
  const Cell w = pc[1];
  const V128 lanes = ops::v128_from_u64(pc[3], pc[4]);
  write_v128(fp, low_half(w),
             ops::i8x16_shuffle_pshufb(read_v128(fp, high_half(w)), read_v128(fp, low_half(pc[2])),
                                       lanes));
}
WEFT_TARGET_SSSE3 WEFT_HANDLER_CC HandlerResult op_i8x16_shuffle_pshufb(WEFT_HANDLER_ARGS) {
  op_i8x16_shuffle_pshufb_body(pc, fp, ctx);
  WEFT_NEXT(5);
}

WEFT_SIMD_BODY WEFT_TARGET_SSSE3 void op_i8x16_swizzle_pshufb_body(const Cell* pc, uint64_t* fp,
                                                                   const VMContext*) {
  const Cell w = pc[1];
  write_v128(
      fp, low_half(w),
      ops::i8x16_swizzle_pshufb(read_v128(fp, high_half(w)), read_v128(fp, low_half(pc[2]))));
}
WEFT_TARGET_SSSE3 WEFT_HANDLER_CC HandlerResult op_i8x16_swizzle_pshufb(WEFT_HANDLER_ARGS) {
  op_i8x16_swizzle_pshufb_body(pc, fp, ctx);
  WEFT_NEXT(3);
}

#endif

// Puts the handlers that need more than the build's baseline into `table` (indexed by Op) when
// the host has what they need. Run once, when the table is built.
void select_host_simd_handlers(const void** table) {
#if WEFT_SIMD_PSHUFB
  __builtin_cpu_init();  // in case this runs during static initialization
  if (!__builtin_cpu_supports("ssse3")) return;
  table[static_cast<size_t>(compile::Op::I8x16Shuffle)] =
      reinterpret_cast<const void*>(static_cast<Handler>(op_i8x16_shuffle_pshufb));
  table[static_cast<size_t>(compile::Op::I8x16Swizzle)] =
      reinterpret_cast<const void*>(static_cast<Handler>(op_i8x16_swizzle_pshufb));
#else
  (void)table;
#endif
}

// Source and destination may overlap (a branch moving values down by one slot): the whole
// source is read before the destination is written.
WEFT_SIMD_BODY void op_copy128_body(const Cell* pc, uint64_t* fp, const VMContext*) {
  const Cell w = pc[1];
  write_v128(fp, low_half(w), read_v128(fp, high_half(w)));
}
WEFT_SIMD_HANDLER(op_copy128, 2)

WEFT_SIMD_BODY void op_const128_body(const Cell* pc, uint64_t* fp, const VMContext*) {
  write_v128(fp, low_half(pc[1]), ops::v128_from_u64(pc[2], pc[3]));
}
WEFT_SIMD_HANDLER(op_const128, 4)

WEFT_SIMD_BODY void op_select128_body(const Cell* pc, uint64_t* fp, const VMContext*) {
  const Cell w1 = pc[1], w2 = pc[2];
  const bool cond = static_cast<uint32_t>(WEFT_SLOT(high_half(w1))) != 0;
  write_v128(fp, low_half(w1), read_v128(fp, cond ? low_half(w2) : high_half(w2)));
}
WEFT_SIMD_HANDLER(op_select128, 3)

WEFT_SIMD_BODY void op_global_get128_body(const Cell* pc, uint64_t* fp, const VMContext* ctx) {
  const Cell w = pc[1];
  write_v128(fp, low_half(w), ops::v128_from_bytes(ctx->globals[high_half(w)]->value.v128));
}
WEFT_SIMD_HANDLER(op_global_get128, 2)

WEFT_SIMD_BODY void op_global_set128_body(const Cell* pc, uint64_t* fp, const VMContext* ctx) {
  const Cell w = pc[1];
  ops::v128_to_bytes(read_v128(fp, low_half(w)), ctx->globals[high_half(w)]->value.v128);
}
WEFT_SIMD_HANDLER(op_global_set128, 2)

#undef WEFT_SIMD_HANDLER

// --- Control ---------------------------------------------------------------------------------

WEFT_HANDLER_CC HandlerResult op_unreachable(WEFT_HANDLER_ARGS) {
  WEFT_TRAP(TrapCode::Unreachable);
}

WEFT_HANDLER_CC HandlerResult op_exit(WEFT_HANDLER_ARGS) {
  WEFT_SYNC();
  (void)pc;
  WEFT_EXIT();
}

WEFT_HANDLER_CC HandlerResult op_copy(WEFT_HANDLER_ARGS) {
  const Cell w = pc[1];
  WEFT_SLOT(low_half(w)) = WEFT_SLOT(high_half(w));
  WEFT_NEXT(2);
}

WEFT_HANDLER_CC HandlerResult op_copy2(WEFT_HANDLER_ARGS) {
  const Cell w1 = pc[1], w2 = pc[2];
  WEFT_SLOT(low_half(w1)) = WEFT_SLOT(high_half(w1));
  WEFT_SLOT(low_half(w2)) = WEFT_SLOT(high_half(w2));
  WEFT_NEXT(3);
}

WEFT_HANDLER_CC HandlerResult op_const(WEFT_HANDLER_ARGS) {
  WEFT_SLOT(low_half(pc[1])) = pc[2];
  WEFT_NEXT(3);
}

WEFT_HANDLER_CC HandlerResult op_br(WEFT_HANDLER_ARGS) {
  pc = reinterpret_cast<const Cell*>(pc[1]);
  WEFT_DISPATCH();
}

WEFT_HANDLER_CC HandlerResult op_br_if(WEFT_HANDLER_ARGS) {
  if (static_cast<uint32_t>(WEFT_SLOT(low_half(pc[1]))) != 0) {
    pc = reinterpret_cast<const Cell*>(pc[2]);
    WEFT_DISPATCH();
  }
  WEFT_NEXT(3);
}

WEFT_HANDLER_CC HandlerResult op_br_unless(WEFT_HANDLER_ARGS) {
  if (static_cast<uint32_t>(WEFT_SLOT(low_half(pc[1]))) == 0) {
    pc = reinterpret_cast<const Cell*>(pc[2]);
    WEFT_DISPATCH();
  }
  WEFT_NEXT(3);
}

WEFT_HANDLER_CC HandlerResult op_br_table(WEFT_HANDLER_ARGS) {
  const Cell w = pc[1];
  uint32_t index = static_cast<uint32_t>(WEFT_SLOT(low_half(w)));
  const uint32_t count = high_half(w);
  if (index > count) index = count;
  pc = reinterpret_cast<const Cell*>(pc[2 + index]);
  WEFT_DISPATCH();
}

WEFT_HANDLER_CC HandlerResult op_return(WEFT_HANDLER_ARGS) {
  const Frame& f = *--st->frames_top;
  pc = f.return_pc;
  fp = f.fp;
  mem = f.mem;
  ctx = f.ctx;
  WEFT_SYNC();
  WEFT_DISPATCH();
}

// Calls a host function (a funcref without wasm_call) with the arguments at `args`, laid out
// as `sig` says; the results come back to the same slots.
[[gnu::noinline]] TrapCode call_host(const VMFuncRef* f, uint64_t* args,
                                     const compile::Signature* sig, VMContext* caller,
                                     ExecState* st) {
  const uint32_t num_params = static_cast<uint32_t>(sig->param_wide.size());
  const uint32_t num_results = static_cast<uint32_t>(sig->result_wide.size());
  const uint32_t n = num_params > num_results ? num_params : num_results;
  const uint32_t slots =
      sig->param_slots > sig->result_slots ? sig->param_slots : sig->result_slots;
  ValRaw small[16];
  ValRaw* values = small;
  std::unique_ptr<ValRaw[]> big;
  if (n > 16) {
    big.reset(new (std::nothrow) ValRaw[n]);
    if (!big) return TrapCode::CallStackExhausted;
    values = big.get();
  }
  for (uint32_t i = 0, s = 0; i < num_params; ++i) {
    values[i] = ValRaw{};
    std::memcpy(values[i].v128, args + s, sig->param_wide[i] ? 16 : 8);
    s += sig->param_wide[i] ? 2 : 1;
  }
  // A re-entry into wasm from the host puts its frames above the arguments.
  uint64_t* const saved_sp = st->sp;
  st->sp = args + slots;
  const bool saved_in_wasm = st->in_wasm;
  st->in_wasm = false;
  const TrapCode trap = f->array_call(f, caller, values, n);
  st->in_wasm = saved_in_wasm;
  st->sp = saved_sp;
  if (trap != TrapCode::None) return trap;
  for (uint32_t i = 0, s = 0; i < num_results; ++i) {
    std::memcpy(args + s, values[i].v128, sig->result_wide[i] ? 16 : 8);
    s += sig->result_wide[i] ? 2 : 1;
  }
  return TrapCode::None;
}

// Zeroes a callee's declared locals: a few stores for the common small counts, memset else.
inline void zero_locals(uint64_t* p, uint32_t n) {
  switch (n) {
    case 4:
      p[3] = 0;
      [[fallthrough]];
    case 3:
      p[2] = 0;
      [[fallthrough]];
    case 2:
      p[1] = 0;
      [[fallthrough]];
    case 1:
      p[0] = 0;
      [[fallthrough]];
    case 0:
      return;
    default:
      std::memset(p, 0, size_t{n} * sizeof(uint64_t));
  }
}

// Enters `callee` with its frame at `callee_fp`; the caller resumes at `return_pc`. The code is
// read first: a function lowered lazily by another thread meanwhile publishes its frame layout
// before its code (compile::publish_lowered).
#define WEFT_ENTER(callee, callee_fp, return_pc, new_ctx)                                     \
  do {                                                                                        \
    const CompiledFunc* cf_ = (callee);                                                       \
    uint64_t* nfp_ = (callee_fp);                                                             \
    const Cell* code_ = compile::code_acquire(*cf_);                                          \
    if (nfp_ + compile::frame_slots_relaxed(*cf_) > st->stack_end ||                          \
        st->frames_top == st->frames_end) [[unlikely]]                                        \
      WEFT_TRAP(TrapCode::CallStackExhausted);                                                \
    *st->frames_top++ = Frame{(return_pc), fp, mem, ctx};                                     \
    zero_locals(nfp_ + cf_->num_params, compile::num_locals_relaxed(*cf_) - cf_->num_params); \
    fp = nfp_;                                                                                \
    ctx = (new_ctx);                                                                          \
    mem = ctx->memory0_base;                                                                  \
    pc = code_;                                                                               \
    WEFT_SYNC();                                                                              \
    WEFT_DISPATCH();                                                                          \
  } while (0)

WEFT_HANDLER_CC HandlerResult op_call_direct(WEFT_HANDLER_ARGS) {
  const auto* callee = reinterpret_cast<const CompiledFunc*>(pc[1]);
  uint64_t* nfp = reinterpret_cast<uint64_t*>(reinterpret_cast<char*>(fp) + low_half(pc[2]));
  WEFT_ENTER(callee, nfp, pc + 3, ctx);
}

// [LazyLower][ModuleCode*][index]: the code of a function not lowered yet. The call that got
// here set the frame up for the parameters alone; lower the function, then finish the set-up
// with its real frame as WEFT_ENTER would have. Failing (out of memory, or no room for the
// frame), the call traps at the caller, as a call that could not start.
[[gnu::noinline]] bool lower_lazily(compile::ModuleCode& code, uint32_t index) {
  return compile::lower_function(code, index).has_value();
}

WEFT_HANDLER_CC HandlerResult op_lazy_lower(WEFT_HANDLER_ARGS) {
  const auto index = static_cast<uint32_t>(pc[2]);
  compile::ModuleCode& code = *reinterpret_cast<compile::ModuleCode*>(pc[1]);
  const CompiledFunc& cf = code.funcs[index];
  TrapCode trap = TrapCode::None;
  if (!lower_lazily(code, index)) {
    trap = TrapCode::OutOfMemory;
  } else if (fp + compile::frame_slots_relaxed(cf) > st->stack_end) {
    trap = TrapCode::CallStackExhausted;
  }
  if (trap != TrapCode::None) [[unlikely]] {
    const Frame caller = *--st->frames_top;
    st->trap = trap;
    st->trap_pc = caller.return_pc;
    st->trap_ctx = caller.ctx;
    WEFT_EXIT();
  }
  zero_locals(fp + cf.num_params, compile::num_locals_relaxed(cf) - cf.num_params);
  pc = compile::code_acquire(cf);
  WEFT_DISPATCH();
}

// Calls through a funcref: interpreted code directly, a host function through array_call.
#define WEFT_CALL_REF(ref, base, sig, return_pc)                                                \
  do {                                                                                          \
    const VMFuncRef* f_ = (ref);                                                                \
    uint64_t* args_ = reinterpret_cast<uint64_t*>(reinterpret_cast<char*>(fp) + (base));        \
    if (f_->wasm_call != nullptr) {                                                             \
      WEFT_ENTER(static_cast<const CompiledFunc*>(f_->wasm_call), args_, return_pc, f_->vmctx); \
    }                                                                                           \
    const TrapCode trap_ =                                                                      \
        call_host(f_, args_, reinterpret_cast<const compile::Signature*>(sig), ctx, st);        \
    if (trap_ != TrapCode::None) WEFT_TRAP(trap_);                                              \
    pc = (return_pc);                                                                           \
    WEFT_DISPATCH();                                                                            \
  } while (0)

WEFT_HANDLER_CC HandlerResult op_call_func_ref(WEFT_HANDLER_ARGS) {
  const Cell w = pc[1];
  WEFT_CALL_REF(ctx->funcs[low_half(w)], high_half(w), pc[2], pc + 3);
}

WEFT_HANDLER_CC HandlerResult op_call_indirect(WEFT_HANDLER_ARGS) {
  const Cell w1 = pc[1], w2 = pc[2];
  const runtime::Table* table = ctx->tables[high_half(w1)];
  const uint32_t index = static_cast<uint32_t>(WEFT_SLOT(low_half(w2)));
  if (index >= table->size()) [[unlikely]]
    WEFT_TRAP(TrapCode::UndefinedElement);
  const auto* f = reinterpret_cast<const VMFuncRef*>(table->get(index));
  if (f == nullptr) [[unlikely]]
    WEFT_TRAP(TrapCode::UninitializedElement);
  if (f->type_index != ctx->type_ids[low_half(w1)]) [[unlikely]] {
    WEFT_TRAP(TrapCode::IndirectCallTypeMismatch);
  }
  WEFT_CALL_REF(f, high_half(w2), pc[3], pc + 4);
}

// The body of a wasm-to-array trampoline (compile/trampolines.hpp), entered through a host
// funcref's wasm_call with ctx = the host function's context: calls the function through its
// array entry on the frame's arguments, as the caller (the frame below) did. Return follows.
WEFT_HANDLER_CC HandlerResult op_call_host(WEFT_HANDLER_ARGS) {
  const TrapCode trap = call_host(ctx->host_funcref, fp,
                                  reinterpret_cast<const compile::Signature*>(pc[1]),
                                  st->frames_top[-1].ctx, st);
  if (trap != TrapCode::None) [[unlikely]]
    WEFT_TRAP(trap);
  WEFT_NEXT(2);
}

// --- Superinstructions ----------------------------------------------------------------------

// [h][dst|x][y|z]: Add(Mul(x, y), z), the pair the lowering fuses (the product is a dead temp).
template <auto Mul, auto Add, typename T>
WEFT_HANDLER_CC HandlerResult mul_add(WEFT_HANDLER_ARGS) {
  const Cell w1 = pc[1], w2 = pc[2];
  const T product =
      Mul(static_cast<T>(WEFT_SLOT(high_half(w1))), static_cast<T>(WEFT_SLOT(low_half(w2))));
  WEFT_SLOT(low_half(w1)) =
      static_cast<uint64_t>(Add(product, static_cast<T>(WEFT_SLOT(high_half(w2)))));
  WEFT_NEXT(3);
}

// [h][dst|a][b or imm][target]: an i32 operation whose result is also a branch condition.
template <auto F, bool kImm, bool kWhen>
WEFT_HANDLER_CC HandlerResult binary_branch(WEFT_HANDLER_ARGS) {
  const Cell w = pc[1];
  const uint32_t a = static_cast<uint32_t>(WEFT_SLOT(high_half(w)));
  const uint32_t b = static_cast<uint32_t>(kImm ? pc[2] : WEFT_SLOT(low_half(pc[2])));
  const uint32_t r = F(a, b);
  WEFT_SLOT(low_half(w)) = r;
  if ((r != 0) == kWhen) {
    pc = reinterpret_cast<const Cell*>(pc[3]);
    WEFT_DISPATCH();
  }
  WEFT_NEXT(4);
}

// --- Variables and references ----------------------------------------------------------------

WEFT_HANDLER_CC HandlerResult op_select(WEFT_HANDLER_ARGS) {
  const Cell w1 = pc[1], w2 = pc[2];
  const bool cond = static_cast<uint32_t>(WEFT_SLOT(high_half(w1))) != 0;
  const uint64_t a = WEFT_SLOT(low_half(w2)), b = WEFT_SLOT(high_half(w2));
  WEFT_SLOT(low_half(w1)) = cond ? a : b;
  WEFT_NEXT(3);
}

WEFT_HANDLER_CC HandlerResult op_global_get(WEFT_HANDLER_ARGS) {
  const Cell w = pc[1];
  WEFT_SLOT(low_half(w)) = ctx->globals[high_half(w)]->value.i64;
  WEFT_NEXT(2);
}

WEFT_HANDLER_CC HandlerResult op_global_set(WEFT_HANDLER_ARGS) {
  const Cell w = pc[1];
  ctx->globals[high_half(w)]->value.i64 = WEFT_SLOT(low_half(w));
  WEFT_NEXT(2);
}

WEFT_HANDLER_CC HandlerResult op_ref_is_null(WEFT_HANDLER_ARGS) {
  const Cell w = pc[1];
  WEFT_SLOT(low_half(w)) = WEFT_SLOT(high_half(w)) == 0 ? 1 : 0;
  WEFT_NEXT(2);
}

WEFT_HANDLER_CC HandlerResult op_ref_func(WEFT_HANDLER_ARGS) {
  const Cell w = pc[1];
  WEFT_SLOT(low_half(w)) = reinterpret_cast<uintptr_t>(ctx->funcs[high_half(w)]);
  WEFT_NEXT(2);
}

// --- Tables ----------------------------------------------------------------------------------

WEFT_HANDLER_CC HandlerResult op_table_get(WEFT_HANDLER_ARGS) {
  const Cell w = pc[1];
  const runtime::Table* t = ctx->tables[pc[2]];
  const uint32_t i = static_cast<uint32_t>(WEFT_SLOT(high_half(w)));
  if (i >= t->size()) [[unlikely]]
    WEFT_TRAP(TrapCode::TableOutOfBounds);
  WEFT_SLOT(low_half(w)) = t->get(i);
  WEFT_NEXT(3);
}

WEFT_HANDLER_CC HandlerResult op_table_set(WEFT_HANDLER_ARGS) {
  const Cell w = pc[1];
  runtime::Table* t = ctx->tables[pc[2]];
  const uint32_t i = static_cast<uint32_t>(WEFT_SLOT(low_half(w)));
  if (i >= t->size()) [[unlikely]]
    WEFT_TRAP(TrapCode::TableOutOfBounds);
  t->set(i, WEFT_SLOT(high_half(w)));
  WEFT_NEXT(3);
}

WEFT_HANDLER_CC HandlerResult op_table_size(WEFT_HANDLER_ARGS) {
  const Cell w = pc[1];
  WEFT_SLOT(low_half(w)) = ctx->tables[high_half(w)]->size();
  WEFT_NEXT(2);
}

WEFT_HANDLER_CC HandlerResult op_table_grow(WEFT_HANDLER_ARGS) {
  const Cell w1 = pc[1], w2 = pc[2];
  runtime::Table* t = ctx->tables[high_half(w2)];
  const uint64_t init = WEFT_SLOT(high_half(w1));
  const uint32_t delta = static_cast<uint32_t>(WEFT_SLOT(low_half(w2)));
  WEFT_SLOT(low_half(w1)) = static_cast<uint32_t>(t->grow(delta, init));
  WEFT_NEXT(3);
}

WEFT_HANDLER_CC HandlerResult op_table_fill(WEFT_HANDLER_ARGS) {
  const Cell w1 = pc[1], w2 = pc[2];
  const TrapCode trap = runtime::table_fill(
      *ctx->tables[high_half(w2)], static_cast<uint32_t>(WEFT_SLOT(low_half(w1))),
      WEFT_SLOT(high_half(w1)), static_cast<uint32_t>(WEFT_SLOT(low_half(w2))));
  if (trap != TrapCode::None) WEFT_TRAP(trap);
  WEFT_NEXT(3);
}

WEFT_HANDLER_CC HandlerResult op_table_copy(WEFT_HANDLER_ARGS) {
  const Cell w1 = pc[1], w2 = pc[2], w3 = pc[3];
  const TrapCode trap = runtime::table_copy(*ctx->tables[low_half(w3)], *ctx->tables[high_half(w3)],
                                            static_cast<uint32_t>(WEFT_SLOT(low_half(w1))),
                                            static_cast<uint32_t>(WEFT_SLOT(high_half(w1))),
                                            static_cast<uint32_t>(WEFT_SLOT(low_half(w2))));
  if (trap != TrapCode::None) WEFT_TRAP(trap);
  WEFT_NEXT(4);
}

WEFT_HANDLER_CC HandlerResult op_table_init(WEFT_HANDLER_ARGS) {
  const Cell w1 = pc[1], w2 = pc[2], w3 = pc[3];
  const TrapCode trap = ctx->instance->table_init(low_half(w3), high_half(w3),
                                                  static_cast<uint32_t>(WEFT_SLOT(low_half(w1))),
                                                  static_cast<uint32_t>(WEFT_SLOT(high_half(w1))),
                                                  static_cast<uint32_t>(WEFT_SLOT(low_half(w2))));
  if (trap != TrapCode::None) WEFT_TRAP(trap);
  WEFT_NEXT(4);
}

WEFT_HANDLER_CC HandlerResult op_elem_drop(WEFT_HANDLER_ARGS) {
  ctx->instance->elem_drop(low_half(pc[1]));
  WEFT_NEXT(2);
}

// --- Memory management -----------------------------------------------------------------------

WEFT_HANDLER_CC HandlerResult op_memory_size(WEFT_HANDLER_ARGS) {
  WEFT_SLOT(low_half(pc[1])) = ctx->memory0->pages();
  WEFT_NEXT(2);
}

WEFT_HANDLER_CC HandlerResult op_memory_grow(WEFT_HANDLER_ARGS) {
  const Cell w = pc[1];
  const uint32_t delta = static_cast<uint32_t>(WEFT_SLOT(high_half(w)));
  WEFT_SLOT(low_half(w)) = static_cast<uint32_t>(ctx->memory0->grow(delta));
  WEFT_NEXT(2);
}

WEFT_HANDLER_CC HandlerResult op_memory_fill(WEFT_HANDLER_ARGS) {
  const Cell w1 = pc[1], w2 = pc[2];
  const TrapCode trap =
      runtime::memory_fill(*ctx->memory0, static_cast<uint32_t>(WEFT_SLOT(low_half(w1))),
                           static_cast<uint8_t>(WEFT_SLOT(high_half(w1))),
                           static_cast<uint32_t>(WEFT_SLOT(low_half(w2))));
  if (trap != TrapCode::None) WEFT_TRAP(trap);
  WEFT_NEXT(3);
}

WEFT_HANDLER_CC HandlerResult op_memory_copy(WEFT_HANDLER_ARGS) {
  const Cell w1 = pc[1], w2 = pc[2];
  const TrapCode trap = runtime::memory_copy(*ctx->memory0, *ctx->memory0,
                                             static_cast<uint32_t>(WEFT_SLOT(low_half(w1))),
                                             static_cast<uint32_t>(WEFT_SLOT(high_half(w1))),
                                             static_cast<uint32_t>(WEFT_SLOT(low_half(w2))));
  if (trap != TrapCode::None) WEFT_TRAP(trap);
  WEFT_NEXT(3);
}

WEFT_HANDLER_CC HandlerResult op_memory_init(WEFT_HANDLER_ARGS) {
  const Cell w1 = pc[1], w2 = pc[2];
  const TrapCode trap =
      ctx->instance->memory_init(high_half(w2), 0, static_cast<uint32_t>(WEFT_SLOT(low_half(w1))),
                                 static_cast<uint32_t>(WEFT_SLOT(high_half(w1))),
                                 static_cast<uint32_t>(WEFT_SLOT(low_half(w2))));
  if (trap != TrapCode::None) WEFT_TRAP(trap);
  WEFT_NEXT(3);
}

WEFT_HANDLER_CC HandlerResult op_data_drop(WEFT_HANDLER_ARGS) {
  ctx->instance->data_drop(low_half(pc[1]));
  WEFT_NEXT(2);
}

// --- Interruption checks (compile::LowerOptions::consume_fuel, epoch_interruption) ----------

// Charges the block's cost, or traps having consumed all fuel.
inline bool take_fuel(runtime::VMStoreLimits* limits, uint64_t cost) {
  if (limits->fuel < cost) [[unlikely]] {
    limits->fuel = 0;
    return false;
  }
  limits->fuel -= cost;
  return true;
}
inline bool epoch_passed(const runtime::VMStoreLimits* limits) {
  return limits->epoch->load(std::memory_order_relaxed) >= limits->epoch_deadline;
}

WEFT_HANDLER_CC HandlerResult op_fuel(WEFT_HANDLER_ARGS) {
  if (!take_fuel(ctx->limits, pc[1])) [[unlikely]]
    WEFT_TRAP(TrapCode::OutOfFuel);
  WEFT_NEXT(2);
}

WEFT_HANDLER_CC HandlerResult op_epoch(WEFT_HANDLER_ARGS) {
  if (epoch_passed(ctx->limits)) [[unlikely]]
    WEFT_TRAP(TrapCode::Interrupted);
  WEFT_NEXT(1);
}

WEFT_HANDLER_CC HandlerResult op_fuel_epoch(WEFT_HANDLER_ARGS) {
  if (epoch_passed(ctx->limits)) [[unlikely]]
    WEFT_TRAP(TrapCode::Interrupted);
  if (!take_fuel(ctx->limits, pc[1])) [[unlikely]]
    WEFT_TRAP(TrapCode::OutOfFuel);
  WEFT_NEXT(2);
}

// --- The table -------------------------------------------------------------------------------

const void* const kHandlers[] = {
#define WEFT_IOP_UNARY(ident, fn, R, A) WEFT_H((unary<&ops::fn, R, A>)),
#define WEFT_IOP_BINARY(ident, fn, R, A, B) \
  WEFT_H((binary<&ops::fn, R, A, B, false>)), WEFT_H((binary<&ops::fn, R, A, B, true>)),
#define WEFT_IOP_COMPARE(ident, fn, A)                     \
  WEFT_H((binary<&ops::fn, uint32_t, A, A, false>)),       \
      WEFT_H((binary<&ops::fn, uint32_t, A, A, true>)),    \
      WEFT_H((branch_compare<&ops::fn, A, false, true>)),  \
      WEFT_H((branch_compare<&ops::fn, A, true, true>)),   \
      WEFT_H((branch_compare<&ops::fn, A, false, false>)), \
      WEFT_H((branch_compare<&ops::fn, A, true, false>)),
#define WEFT_IOP_LOAD(ident, R, M)                                               \
  WEFT_H((load<R, M, false, kPlain>)), WEFT_H((load<R, M, true, kPlain>)),       \
      WEFT_H((load<R, M, false, kAddImm>)), WEFT_H((load<R, M, true, kAddImm>)), \
      WEFT_H((load<R, M, false, kAddReg>)), WEFT_H((load<R, M, true, kAddReg>)), \
      WEFT_H((load<R, M, false, kAbs>)), WEFT_H((load<R, M, true, kAbs>)),
#define WEFT_IOP_STORE(ident, V, M)                                                              \
  WEFT_H((store<V, M, false, false, kPlain>)), WEFT_H((store<V, M, true, false, kPlain>)),       \
      WEFT_H((store<V, M, false, true, kPlain>)), WEFT_H((store<V, M, true, true, kPlain>)),     \
      WEFT_H((store<V, M, false, false, kAddImm>)), WEFT_H((store<V, M, true, false, kAddImm>)), \
      WEFT_H((store<V, M, false, true, kAddImm>)), WEFT_H((store<V, M, true, true, kAddImm>)),   \
      WEFT_H((store<V, M, false, false, kAddReg>)), WEFT_H((store<V, M, true, false, kAddReg>)), \
      WEFT_H((store<V, M, false, true, kAddReg>)), WEFT_H((store<V, M, true, true, kAddReg>)),   \
      WEFT_H((store<V, M, false, false, kAbs>)), WEFT_H((store<V, M, true, false, kAbs>)),       \
      WEFT_H((store<V, M, false, true, kAbs>)), WEFT_H((store<V, M, true, true, kAbs>)),
#define WEFT_IOP(ident) WEFT_H(irregular_##ident),
#define WEFT_IOP_V(ident, kind, fn) WEFT_VHANDLERS_##kind(vops::fn)
#define WEFT_IOP_VFUSED(ident, u, b, ufn, bfn) WEFT_H((v_unary_binary<&vops::ufn, &vops::bfn>)),
#define WEFT_IOP_VSHIFTED(ident, b, s, bfn, sfn) WEFT_H((v_binary_shift<&vops::bfn, &vops::sfn>)),
#define WEFT_IOP_VCHAIN(ident, b1, b2, fn1, fn2, commutative) \
  WEFT_H((v_chain<&vops::fn1, &vops::fn2>)),
#define WEFT_VHANDLERS_VUnary(f) WEFT_H(v_unary<&f>),
#define WEFT_VHANDLERS_VReduce(f) WEFT_H(v_unary<&f>),
#define WEFT_VHANDLERS_VSplat(f) WEFT_H(v_unary<&f>),
#define WEFT_VHANDLERS_VBinary(f) WEFT_H(v_binary<&f>), WEFT_H(v_binary_imm<&f>),
#define WEFT_VHANDLERS_VShift(f) WEFT_H(v_binary<&f>), WEFT_H(v_shift_imm<&f>),
#define WEFT_VHANDLERS_VExtract(f) WEFT_H(v_extract<&f>),
#define WEFT_VHANDLERS_VReplace(f) WEFT_H(v_replace<&f>),
#define WEFT_VHANDLERS_VLoad(f)                                                 \
  WEFT_H((v_load<&f, false, kPlain>)), WEFT_H((v_load<&f, true, kPlain>)),       \
      WEFT_H((v_load<&f, false, kAddImm>)), WEFT_H((v_load<&f, true, kAddImm>)), \
      WEFT_H((v_load<&f, false, kAddReg>)), WEFT_H((v_load<&f, true, kAddReg>)),
#define WEFT_VHANDLERS_VLoadLane(f) \
  WEFT_H((v_load_lane<&f, false>)), WEFT_H((v_load_lane<&f, true>)),
#define WEFT_VHANDLERS_VStoreLane(f) \
  WEFT_H((v_store_lane<&f, false>)), WEFT_H((v_store_lane<&f, true>)),
#define irregular_Unreachable op_unreachable
#define irregular_Copy op_copy
#define irregular_Copy2 op_copy2
#define irregular_I32AddBrIf (binary_branch<&ops::i32_add, false, true>)
#define irregular_I32AddBrUnless (binary_branch<&ops::i32_add, false, false>)
#define irregular_I32AddImmBrIf (binary_branch<&ops::i32_add, true, true>)
#define irregular_I32AddImmBrUnless (binary_branch<&ops::i32_add, true, false>)
#define irregular_I32SubBrIf (binary_branch<&ops::i32_sub, false, true>)
#define irregular_I32SubBrUnless (binary_branch<&ops::i32_sub, false, false>)
#define irregular_I32SubImmBrIf (binary_branch<&ops::i32_sub, true, true>)
#define irregular_I32SubImmBrUnless (binary_branch<&ops::i32_sub, true, false>)
#define irregular_I32AndBrIf (binary_branch<&ops::i32_and, false, true>)
#define irregular_I32AndBrUnless (binary_branch<&ops::i32_and, false, false>)
#define irregular_I32AndImmBrIf (binary_branch<&ops::i32_and, true, true>)
#define irregular_I32AndImmBrUnless (binary_branch<&ops::i32_and, true, false>)
#define irregular_I32MulAdd (mul_add<&ops::i32_mul, &ops::i32_add, uint32_t>)
#define irregular_I64MulAdd (mul_add<&ops::i64_mul, &ops::i64_add, uint64_t>)
#define irregular_F32MulAdd (mul_add<&ops::f32_mul, &ops::f32_add, uint32_t>)
#define irregular_F64MulAdd (mul_add<&ops::f64_mul, &ops::f64_add, uint64_t>)
#define irregular_Const op_const
#define irregular_Br op_br
#define irregular_BrIf op_br_if
#define irregular_BrUnless op_br_unless
#define irregular_BrTable op_br_table
#define irregular_Return op_return
#define irregular_CallDirect op_call_direct
#define irregular_CallFuncRef op_call_func_ref
#define irregular_CallIndirect op_call_indirect
#define irregular_CallHost op_call_host
#define irregular_Select op_select
#define irregular_GlobalGet op_global_get
#define irregular_GlobalSet op_global_set
#define irregular_RefIsNull op_ref_is_null
#define irregular_RefFunc op_ref_func
#define irregular_TableGet op_table_get
#define irregular_TableSet op_table_set
#define irregular_TableSize op_table_size
#define irregular_TableGrow op_table_grow
#define irregular_TableFill op_table_fill
#define irregular_TableCopy op_table_copy
#define irregular_TableInit op_table_init
#define irregular_ElemDrop op_elem_drop
#define irregular_MemorySize op_memory_size
#define irregular_MemoryGrow op_memory_grow
#define irregular_MemoryFill op_memory_fill
#define irregular_MemoryCopy op_memory_copy
#define irregular_MemoryInit op_memory_init
#define irregular_DataDrop op_data_drop
#define irregular_Copy128 op_copy128
#define irregular_Const128 op_const128
#define irregular_Select128 op_select128
#define irregular_GlobalGet128 op_global_get128
#define irregular_GlobalSet128 op_global_set128
#define irregular_V128Bitselect op_v128_bitselect
#define irregular_I8x16Shuffle op_i8x16_shuffle
#define irregular_Fuel op_fuel
#define irregular_Epoch op_epoch
#define irregular_FuelEpoch op_fuel_epoch
#define irregular_LazyLower op_lazy_lower
#include "compile/interp_ops.def"
#undef WEFT_IOP_UNARY
#undef WEFT_IOP_BINARY
#undef WEFT_IOP_COMPARE
#undef WEFT_IOP_LOAD
#undef WEFT_IOP_STORE
#undef WEFT_IOP
#undef WEFT_IOP_V
#undef WEFT_IOP_VFUSED
#undef WEFT_IOP_VSHIFTED
#undef WEFT_IOP_VCHAIN
};
static_assert(std::size(kHandlers) == static_cast<size_t>(compile::Op::ChainFirst));

const Cell kExitCode[1] = {reinterpret_cast<uintptr_t>(static_cast<Handler>(op_exit))};

}  // namespace

const void* const* handler_table() {
  static const std::array<const void*, compile::kOpCount> table = [] {
    std::array<const void*, compile::kOpCount> t{};
    std::copy(std::begin(kHandlers), std::end(kHandlers), t.begin());
    write_chain_handlers(t.data() + static_cast<size_t>(compile::Op::ChainFirst));
    write_step_branch_handlers(t.data() + static_cast<size_t>(compile::Op::StepBranchFirst));
    write_load_chain_handlers(t.data() + static_cast<size_t>(compile::Op::LoadChainFirst));
    select_host_simd_handlers(t.data());
    return t;
  }();
  return table.data();
}
const Cell* exit_code() {
  return kExitCode;
}

}  // namespace weft::interp
