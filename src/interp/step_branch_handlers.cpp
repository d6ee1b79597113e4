// The handlers of the steps (compile/step_branch_ops.hpp): an i32 add whose sum is compared and
// branched on, for every comparison, operand form and branch sense.
#include <cstddef>
#include <cstdint>

#include "compile/step_branch_ops.hpp"
#include "interp/dispatch.hpp"
#include "interp/ops/ops.hpp"

namespace weft::interp {
namespace {

using compile::high_half;
using compile::low_half;
using compile::StepBranchKey;

// [h][dst|a][k][b][target]
template <bool kStepImm, auto Compare, bool kCompareImm, bool kWhen>
WEFT_HANDLER_CC HandlerResult step_branch(WEFT_HANDLER_ARGS) {
  const Cell w = pc[1];
  const uint32_t k = kStepImm ? low_half(pc[2]) : static_cast<uint32_t>(WEFT_SLOT(low_half(pc[2])));
  const uint32_t sum = static_cast<uint32_t>(WEFT_SLOT(high_half(w))) + k;
  WEFT_SLOT(low_half(w)) = sum;
  const uint32_t b = kCompareImm ? static_cast<uint32_t>(pc[3])
                                 : static_cast<uint32_t>(WEFT_SLOT(low_half(pc[3])));
  if (static_cast<bool>(Compare(sum, b)) == kWhen) {
    pc = reinterpret_cast<const Cell*>(pc[4]);
    WEFT_DISPATCH();
  }
  WEFT_NEXT(5);
}

#define WEFT_STEP_BRANCH_FN(ident, fn) &ops::fn,
constexpr bool (*kCompares[])(uint32_t,
                              uint32_t) = {WEFT_STEP_BRANCH_COMPARES(WEFT_STEP_BRANCH_FN)};
#undef WEFT_STEP_BRANCH_FN

template <size_t I>
const void* step_branch_handler() {
  constexpr StepBranchKey k = compile::step_branch_key(I);
  return WEFT_H((step_branch<k.step_imm, kCompares[k.compare], k.compare_imm, k.when>));
}

}  // namespace

void write_step_branch_handlers(const void** out) {
  write_generated_handlers<compile::kStepBranchOpCount>(
      out, [](auto i) { return step_branch_handler<decltype(i)::value>(); });
}

}  // namespace weft::interp
