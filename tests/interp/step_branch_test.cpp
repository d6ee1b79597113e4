// Steps (compile/step_branch_ops.hpp) branch exactly as the add (or subtract) and comparison
// they replace, and still write the sum: every comparison, with the step and the bound as
// constants or values, in br_if and if, over values where the sum wraps and where signed and
// unsigned comparisons disagree.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "harness.hpp"
#include "interp/ops/ops.hpp"

namespace weft::interp {
namespace {

using testing::Harness;

struct Compare {
  const char* name;
  bool (*eval)(uint32_t, uint32_t);
};

const Compare kCompares[] = {
    {"eq", ops::i32_eq},     {"ne", ops::i32_ne},     {"lt_s", ops::i32_lt_s},
    {"lt_u", ops::i32_lt_u}, {"gt_s", ops::i32_gt_s}, {"gt_u", ops::i32_gt_u},
    {"le_s", ops::i32_le_s}, {"le_u", ops::i32_le_u}, {"ge_s", ops::i32_ge_s},
    {"ge_u", ops::i32_ge_u},
};

constexpr int32_t kStep = -7;  // as a constant: added, or its negation subtracted
constexpr int32_t kBound = 100;

// Params (x, step, bound). Returns the sum when the branch is taken, the sum + 1000 when not.
std::string function(const std::string& name, const std::string& cmp, const std::string& sum,
                     const std::string& bound, bool use_if) {
  const std::string cond = "(i32." + cmp + " (local.tee 0 " + sum + ") " + bound + ")";
  const std::string body =
      use_if ? "(if " + cond +
                   " (then (return (local.get 0)))) (i32.add (local.get 0) (i32.const 1000))"
             : "(block (br_if 0 " + cond +
                   ") (return (i32.add (local.get 0) (i32.const 1000)))) (local.get 0)";
  return "(func (export \"" + name + "\") (param i32 i32 i32) (result i32) " + body + ")\n";
}

TEST(StepBranch, EveryComparisonBranchesAsTheTwoInstructions) {
  Harness h{compile::BoundsChecks::GuardPages};
  const std::vector<std::string> sums = {
      "(i32.add (local.get 0) (local.get 1))",
      "(i32.add (local.get 0) (i32.const " + std::to_string(kStep) + "))",
      "(i32.sub (local.get 0) (i32.const " + std::to_string(-kStep) + "))",
  };
  const std::vector<std::string> bounds = {"(local.get 2)",
                                           "(i32.const " + std::to_string(kBound) + ")"};
  std::string wat = "(module\n";
  for (const Compare& c : kCompares)
    for (size_t s = 0; s < sums.size(); ++s)
      for (size_t b = 0; b < bounds.size(); ++b)
        for (const bool use_if : {false, true})
          wat += function(
              std::string(c.name) + std::to_string(s) + std::to_string(b) + (use_if ? "if" : "br"),
              c.name, sums[s], bounds[b], use_if);
  wat += ")";
  auto m = h.instantiate(wat);
  ASSERT_TRUE(m) << m.error().to_string();

  const uint32_t xs[] = {0, 7, 106, 107, 108, 0x80000006u, 0x7fffffffu, 0xfffffff0u};
  size_t taken = 0, not_taken = 0;
  for (const Compare& c : kCompares) {
    for (size_t s = 0; s < sums.size(); ++s) {
      for (size_t b = 0; b < bounds.size(); ++b) {
        for (const bool use_if : {false, true}) {
          const std::string name =
              std::string(c.name) + std::to_string(s) + std::to_string(b) + (use_if ? "if" : "br");
          for (const uint32_t x : xs) {
            const uint32_t step = static_cast<uint32_t>(kStep);
            const uint32_t bound = b == 0 ? x ^ 0x80000000u : static_cast<uint32_t>(kBound);
            const uint32_t sum = x + step;
            const bool branch = c.eval(sum, bound);
            (branch ? taken : not_taken)++;
            ASSERT_EQ(h.call1(*m, name, {x, step, bound}), branch ? sum : sum + 1000)
                << name << " x=" << x;
          }
        }
      }
    }
  }
  EXPECT_GT(taken, 100u);
  EXPECT_GT(not_taken, 100u);
}

TEST(StepBranch, CountedLoopRunsItsIterations) {
  Harness h{compile::BoundsChecks::GuardPages};
  auto m = h.instantiate(R"((module
      (func (export "count") (param i32 i32) (result i32) (local i32 i32)
        (loop $l
          (local.set 3 (i32.add (local.get 3) (i32.const 1)))
          (br_if $l (i32.lt_u (local.tee 2 (i32.add (local.get 2) (local.get 1)))
                              (local.get 0))))
        (local.get 3))))");
  ASSERT_TRUE(m) << m.error().to_string();
  EXPECT_EQ(h.call1(*m, "count", {100, 1}), 100u);
  EXPECT_EQ(h.call1(*m, "count", {100, 3}), 34u);
  EXPECT_EQ(h.call1(*m, "count", {0, 1}), 1u);
}

}  // namespace
}  // namespace weft::interp
