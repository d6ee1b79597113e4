// Chains: two binary operations of one type where the second consumes the first's result at
// once, run as one operation. The intermediate value is a temp that nothing else reads, so the
// chain never stores it, and one dispatch is saved per pair. These pairs are the commonest
// dispatch pairs of straight-line code (sha256's rotate-xor-add rounds, nbody's products and
// differences, the index arithmetic of every loop), and no single pair dominates, so every
// combination of the operations below exists rather than a hand-picked few.
//
// Layout [h][dst|a][b|c]: t = F1(a, b); dst = F2(t, c), or F2(c, t) when the intermediate is
// F2's right operand. b and c are slot offsets, or 32-bit immediates (integer families only;
// sign-extended for i64, so an i64 constant chains only when it fits).
//
// The operations sit at the end of the Op enumeration, numbered by chain_index().
#pragma once

#include <cstddef>
#include <cstdint>

namespace weft::compile {

// X(Ident, fn, commutative): the operations a chain may start or end with, per family, in the
// order that numbers them. Ident names the Op, fn the semantics in interp/ops/. None of them
// traps, so a chain never needs to say which half trapped.
#define WEFT_CHAIN_I32_OPS(X)                                                         \
  X(I32Add, i32_add, true)                                                            \
  X(I32Sub, i32_sub, false)                                                           \
  X(I32Mul, i32_mul, true) X(I32And, i32_and, true) X(I32Or, i32_or, true)            \
      X(I32Xor, i32_xor, true) X(I32Shl, i32_shl, false) X(I32ShrS, i32_shr_s, false) \
          X(I32ShrU, i32_shr_u, false) X(I32Rotl, i32_rotl, false) X(I32Rotr, i32_rotr, false)
#define WEFT_CHAIN_I64_OPS(X)                                                         \
  X(I64Add, i64_add, true)                                                            \
  X(I64Sub, i64_sub, false)                                                           \
  X(I64Mul, i64_mul, true) X(I64And, i64_and, true) X(I64Or, i64_or, true)            \
      X(I64Xor, i64_xor, true) X(I64Shl, i64_shl, false) X(I64ShrS, i64_shr_s, false) \
          X(I64ShrU, i64_shr_u, false) X(I64Rotl, i64_rotl, false) X(I64Rotr, i64_rotr, false)
// Float operations are never treated as commutative: which NaN payload comes out depends on
// the operand order, and the chain keeps the instructions' own order.
#define WEFT_CHAIN_F32_OPS(X) \
  X(F32Add, f32_add, false)   \
  X(F32Sub, f32_sub, false) X(F32Mul, f32_mul, false) X(F32Div, f32_div, false)
#define WEFT_CHAIN_F64_OPS(X) \
  X(F64Add, f64_add, false)   \
  X(F64Sub, f64_sub, false) X(F64Mul, f64_mul, false) X(F64Div, f64_div, false)

enum class ChainFamily : uint8_t { I32, I64, F32, F64 };
inline constexpr size_t kChainFamilies = 4;

// How the second operation takes its operands: the intermediate on the left and c from a slot,
// the intermediate on the right (non-commutative operations only), or the intermediate on the
// left and c an immediate.
enum class ChainMode : uint8_t { TempLeft, TempRight, Imm };
inline constexpr size_t kChainModes = 3;

#define WEFT_CHAIN_COUNT(ident, fn, commutative) +1
inline constexpr size_t kChainOpsPerFamily[kChainFamilies] = {
    0 WEFT_CHAIN_I32_OPS(WEFT_CHAIN_COUNT), 0 WEFT_CHAIN_I64_OPS(WEFT_CHAIN_COUNT),
    0 WEFT_CHAIN_F32_OPS(WEFT_CHAIN_COUNT), 0 WEFT_CHAIN_F64_OPS(WEFT_CHAIN_COUNT)};
#undef WEFT_CHAIN_COUNT

// Immediates only for integers (a float constant would not fit the 32-bit half).
constexpr bool chain_family_has_immediates(ChainFamily f) {
  return f == ChainFamily::I32 || f == ChainFamily::I64;
}

// One chain: which operations, and where their second operands come from.
struct ChainKey {
  ChainFamily family = ChainFamily::I32;
  uint8_t first = 0;       // index in the family's list
  bool first_imm = false;  // b is an immediate
  uint8_t second = 0;
  ChainMode mode = ChainMode::TempLeft;
};

// Every family takes (first, first_imm, second, mode) in full, immediates or not, so the
// numbering is one formula; combinations the lowering never emits share a handler.
constexpr size_t chain_family_size(size_t f) {
  return kChainOpsPerFamily[f] * 2 * kChainOpsPerFamily[f] * kChainModes;
}
constexpr size_t chain_family_base(ChainFamily family) {
  size_t base = 0;
  for (size_t f = 0; f < static_cast<size_t>(family); ++f) base += chain_family_size(f);
  return base;
}
inline constexpr size_t kChainOpCount =
    chain_family_base(ChainFamily::F64) + chain_family_size(static_cast<size_t>(ChainFamily::F64));

constexpr size_t chain_index(const ChainKey& k) {
  const size_t n = kChainOpsPerFamily[static_cast<size_t>(k.family)];
  return chain_family_base(k.family) +
         ((k.first * size_t{2} + (k.first_imm ? 1 : 0)) * n + k.second) * kChainModes +
         static_cast<size_t>(k.mode);
}

constexpr ChainKey chain_key(size_t index) {
  size_t f = 0;
  while (index >= chain_family_size(f)) index -= chain_family_size(f++);
  const size_t n = kChainOpsPerFamily[f];
  ChainKey k;
  k.family = static_cast<ChainFamily>(f);
  k.mode = static_cast<ChainMode>(index % kChainModes);
  index /= kChainModes;
  k.second = static_cast<uint8_t>(index % n);
  index /= n;
  k.first_imm = index % 2 == 1;
  k.first = static_cast<uint8_t>(index / 2);
  return k;
}

static_assert(chain_key(chain_index({ChainFamily::F32, 3, true, 1, ChainMode::Imm})).second == 1);
static_assert(chain_index(chain_key(kChainOpCount - 1)) == kChainOpCount - 1);

// Load chains: a full-width load (i32, i64, f32, f64; the address with an i32.add of a constant
// folded in or not, never bounds-checked) whose value the next operation of the same type
// consumes at once, as the first operation of a chain. Loads feeding arithmetic are the other
// common pair (nbody's coordinates, every array walk).
//
// Layout [h][dst|addr][offset|k][c]: v = load(u32(addr + k) + offset); dst = F(v, c), or F(c, v).
// c is a slot (low half) or, with ChainMode::Imm, the constant's whole bits.
struct LoadChainKey {
  ChainFamily family = ChainFamily::I32;
  uint8_t second = 0;
  ChainMode mode = ChainMode::TempLeft;
};

constexpr size_t load_chain_index(const LoadChainKey& k) {
  size_t base = 0;
  for (size_t f = 0; f < static_cast<size_t>(k.family); ++f) base += kChainOpsPerFamily[f];
  return (base + k.second) * kChainModes + static_cast<size_t>(k.mode);
}

constexpr LoadChainKey load_chain_key(size_t index) {
  LoadChainKey k;
  k.mode = static_cast<ChainMode>(index % kChainModes);
  size_t op = index / kChainModes;
  size_t f = 0;
  while (op >= kChainOpsPerFamily[f]) op -= kChainOpsPerFamily[f++];
  k.family = static_cast<ChainFamily>(f);
  k.second = static_cast<uint8_t>(op);
  return k;
}

inline constexpr size_t kLoadChainOpCount = (kChainOpsPerFamily[0] + kChainOpsPerFamily[1] +
                                             kChainOpsPerFamily[2] + kChainOpsPerFamily[3]) *
                                            kChainModes;
static_assert(load_chain_index(load_chain_key(kLoadChainOpCount - 1)) == kLoadChainOpCount - 1);

}  // namespace weft::compile
