// Steps: an i32.add (or i32.sub of a constant, as the add of its negation) whose result the
// next instruction compares, the comparison being the condition of a br_if or if. It is the
// test at the bottom of nearly every counted loop (`i += step; if (i < n) continue`), and as
// one operation it costs one dispatch where it cost two. The sum is still written: it is the
// loop variable.
//
// Layout [h][dst|a][k][b][target]: dst = a + k; branch to target when (dst CMP b) == when.
// k is an immediate (low 32 bits) or a slot (low half); b is an immediate (the whole word) or
// a slot (low half).
//
// The operations sit after the chains in the Op enumeration, numbered by step_branch_index().
#pragma once

#include <cstddef>
#include <cstdint>

namespace weft::compile {

// X(Ident, fn): the i32 comparisons, in the order that numbers them.
#define WEFT_STEP_BRANCH_COMPARES(X)                                                               \
  X(I32Eq, i32_eq)                                                                                 \
  X(I32Ne, i32_ne) X(I32LtS, i32_lt_s) X(I32LtU, i32_lt_u) X(I32GtS, i32_gt_s) X(I32GtU, i32_gt_u) \
      X(I32LeS, i32_le_s) X(I32LeU, i32_le_u) X(I32GeS, i32_ge_s) X(I32GeU, i32_ge_u)

#define WEFT_STEP_BRANCH_COUNT(ident, fn) +1
inline constexpr size_t kStepBranchCompares = 0 WEFT_STEP_BRANCH_COMPARES(WEFT_STEP_BRANCH_COUNT);
#undef WEFT_STEP_BRANCH_COUNT

struct StepBranchKey {
  bool step_imm = false;  // k is an immediate
  uint8_t compare = 0;    // index in WEFT_STEP_BRANCH_COMPARES
  bool compare_imm = false;
  bool when = true;  // branch when the comparison is true (br_if) or false (br_unless)
};

inline constexpr size_t kStepBranchOpCount = kStepBranchCompares * 8;

constexpr size_t step_branch_index(const StepBranchKey& k) {
  return ((k.compare * size_t{2} + (k.compare_imm ? 1 : 0)) * 2 + (k.when ? 1 : 0)) * 2 +
         (k.step_imm ? 1 : 0);
}

constexpr StepBranchKey step_branch_key(size_t index) {
  StepBranchKey k;
  k.step_imm = index % 2 == 1;
  index /= 2;
  k.when = index % 2 == 1;
  index /= 2;
  k.compare_imm = index % 2 == 1;
  k.compare = static_cast<uint8_t>(index / 2);
  return k;
}

static_assert(step_branch_index(step_branch_key(kStepBranchOpCount - 1)) == kStepBranchOpCount - 1);

}  // namespace weft::compile
