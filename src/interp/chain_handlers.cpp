// The handlers of the chains and load chains (compile/chain_ops.hpp): every pair of chainable
// operations of one family, and every full-width load followed by one of them, generated from
// the families' lists in the order chain_index() and load_chain_index() number them.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "compile/chain_ops.hpp"
#include "interp/dispatch.hpp"
#include "interp/ops/ops.hpp"

namespace weft::interp {
namespace {

using compile::ChainFamily;
using compile::ChainKey;
using compile::ChainMode;
using compile::high_half;
using compile::low_half;

// [h][dst|a][b|c]: t = F1(a, b), dst = F2(t, c) (or F2(c, t)). Immediates are the 32-bit
// halves sign-extended, which for i32 leaves their bits as they are.
template <auto F1, auto F2, typename T, bool kImm1, ChainMode kMode>
WEFT_HANDLER_CC HandlerResult chain(WEFT_HANDLER_ARGS) {
  const Cell w1 = pc[1], w2 = pc[2];
  const auto imm = [](uint32_t half) {
    return static_cast<T>(static_cast<int64_t>(static_cast<int32_t>(half)));
  };
  const T a = static_cast<T>(WEFT_SLOT(high_half(w1)));
  const T b = kImm1 ? imm(low_half(w2)) : static_cast<T>(WEFT_SLOT(low_half(w2)));
  const T t = F1(a, b);
  const T c =
      kMode == ChainMode::Imm ? imm(high_half(w2)) : static_cast<T>(WEFT_SLOT(high_half(w2)));
  WEFT_SLOT(low_half(w1)) =
      static_cast<uint64_t>(kMode == ChainMode::TempRight ? F2(c, t) : F2(t, c));
  WEFT_NEXT(3);
}

// [h][dst|addr][offset|k][c]: a load chain (no bounds check: guard pages catch the access).
template <auto F, typename T, ChainMode kMode>
WEFT_HANDLER_CC HandlerResult load_chain(WEFT_HANDLER_ARGS) {
  const Cell w1 = pc[1], w2 = pc[2];
  const uint64_t ea = uint64_t{static_cast<uint32_t>(
                          static_cast<uint32_t>(WEFT_SLOT(high_half(w1))) + high_half(w2))} +
                      low_half(w2);
  T v;
  std::memcpy(&v, mem + ea, sizeof(T));
  const T c =
      kMode == ChainMode::Imm ? static_cast<T>(pc[3]) : static_cast<T>(WEFT_SLOT(low_half(pc[3])));
  WEFT_SLOT(low_half(w1)) =
      static_cast<uint64_t>(kMode == ChainMode::TempRight ? F(c, v) : F(v, c));
  WEFT_NEXT(4);
}

#define WEFT_CHAIN_FN(ident, fn, commutative) &ops::fn,
#define WEFT_CHAIN_COMMUTES(ident, fn, commutative) commutative,
constexpr uint32_t (*kI32[])(uint32_t, uint32_t) = {WEFT_CHAIN_I32_OPS(WEFT_CHAIN_FN)};
constexpr uint64_t (*kI64[])(uint64_t, uint64_t) = {WEFT_CHAIN_I64_OPS(WEFT_CHAIN_FN)};
constexpr uint32_t (*kF32[])(uint32_t, uint32_t) = {WEFT_CHAIN_F32_OPS(WEFT_CHAIN_FN)};
constexpr uint64_t (*kF64[])(uint64_t, uint64_t) = {WEFT_CHAIN_F64_OPS(WEFT_CHAIN_FN)};
constexpr bool kCommutes[][compile::kChainOpsPerFamily[0]] = {
    {WEFT_CHAIN_I32_OPS(WEFT_CHAIN_COMMUTES)},
    {WEFT_CHAIN_I64_OPS(WEFT_CHAIN_COMMUTES)},
    {WEFT_CHAIN_F32_OPS(WEFT_CHAIN_COMMUTES)},
    {WEFT_CHAIN_F64_OPS(WEFT_CHAIN_COMMUTES)},
};
#undef WEFT_CHAIN_FN
#undef WEFT_CHAIN_COMMUTES

// The key of a combination the lowering emits that runs like `k`: no immediates for floats,
// commutative second operations always take the intermediate on the left. Combinations that
// are never emitted share those handlers instead of being instantiated.
constexpr ChainKey canonical(ChainKey k) {
  if (!compile::chain_family_has_immediates(k.family)) {
    k.first_imm = false;
    if (k.mode == ChainMode::Imm) k.mode = ChainMode::TempLeft;
  }
  if (k.mode == ChainMode::TempRight && kCommutes[static_cast<size_t>(k.family)][k.second])
    k.mode = ChainMode::TempLeft;
  return k;
}

template <size_t I>
const void* chain_handler() {
  constexpr ChainKey k = canonical(compile::chain_key(I));
  if constexpr (k.family == ChainFamily::I32) {
    return WEFT_H((chain<kI32[k.first], kI32[k.second], uint32_t, k.first_imm, k.mode>));
  } else if constexpr (k.family == ChainFamily::I64) {
    return WEFT_H((chain<kI64[k.first], kI64[k.second], uint64_t, k.first_imm, k.mode>));
  } else if constexpr (k.family == ChainFamily::F32) {
    return WEFT_H((chain<kF32[k.first], kF32[k.second], uint32_t, false, k.mode>));
  } else {
    return WEFT_H((chain<kF64[k.first], kF64[k.second], uint64_t, false, k.mode>));
  }
}

template <size_t I>
const void* load_chain_handler() {
  constexpr compile::LoadChainKey k = compile::load_chain_key(I);
  constexpr ChainMode mode =
      k.mode == ChainMode::TempRight && kCommutes[static_cast<size_t>(k.family)][k.second]
          ? ChainMode::TempLeft
          : k.mode;
  if constexpr (k.family == ChainFamily::I32) {
    return WEFT_H((load_chain<kI32[k.second], uint32_t, mode>));
  } else if constexpr (k.family == ChainFamily::I64) {
    return WEFT_H((load_chain<kI64[k.second], uint64_t, mode>));
  } else if constexpr (k.family == ChainFamily::F32) {
    return WEFT_H((load_chain<kF32[k.second], uint32_t, mode>));
  } else {
    return WEFT_H((load_chain<kF64[k.second], uint64_t, mode>));
  }
}

}  // namespace

void write_chain_handlers(const void** out) {
  write_generated_handlers<compile::kChainOpCount>(
      out, [](auto i) { return chain_handler<decltype(i)::value>(); });
}

void write_load_chain_handlers(const void** out) {
  write_generated_handlers<compile::kLoadChainOpCount>(
      out, [](auto i) { return load_chain_handler<decltype(i)::value>(); });
}

}  // namespace weft::interp
