// Chains (compile/chain_ops.hpp) compute what the two instructions they replace compute: every
// pair of chainable operations of every family, with the intermediate on either side of the
// second operation and with immediates in both places, checked against the operations'
// semantics in interp/ops/ over values at the edges of each type.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "harness.hpp"
#include "interp/ops/ops.hpp"

namespace weft::interp {
namespace {

using testing::Harness;

struct ChainOp {
  const char* wat;  // the instruction's name after "<type>."
  uint64_t (*eval)(uint64_t, uint64_t);
};

template <auto F, typename T>
uint64_t as_bits(uint64_t a, uint64_t b) {
  return static_cast<uint64_t>(F(static_cast<T>(a), static_cast<T>(b)));
}

struct Family {
  const char* type;
  std::vector<ChainOp> ops;
  bool immediates;
  std::vector<uint64_t> values;
};

const std::vector<Family>& families() {
  static const std::vector<Family> all = {
      {"i32",
       {{"add", as_bits<ops::i32_add, uint32_t>},
        {"sub", as_bits<ops::i32_sub, uint32_t>},
        {"mul", as_bits<ops::i32_mul, uint32_t>},
        {"and", as_bits<ops::i32_and, uint32_t>},
        {"or", as_bits<ops::i32_or, uint32_t>},
        {"xor", as_bits<ops::i32_xor, uint32_t>},
        {"shl", as_bits<ops::i32_shl, uint32_t>},
        {"shr_s", as_bits<ops::i32_shr_s, uint32_t>},
        {"shr_u", as_bits<ops::i32_shr_u, uint32_t>},
        {"rotl", as_bits<ops::i32_rotl, uint32_t>},
        {"rotr", as_bits<ops::i32_rotr, uint32_t>}},
       true,
       {0, 1, 31, 33, 0x7fffffff, 0x80000000, 0xfffffffe, 0x12345678}},
      {"i64",
       {{"add", as_bits<ops::i64_add, uint64_t>},
        {"sub", as_bits<ops::i64_sub, uint64_t>},
        {"mul", as_bits<ops::i64_mul, uint64_t>},
        {"and", as_bits<ops::i64_and, uint64_t>},
        {"or", as_bits<ops::i64_or, uint64_t>},
        {"xor", as_bits<ops::i64_xor, uint64_t>},
        {"shl", as_bits<ops::i64_shl, uint64_t>},
        {"shr_s", as_bits<ops::i64_shr_s, uint64_t>},
        {"shr_u", as_bits<ops::i64_shr_u, uint64_t>},
        {"rotl", as_bits<ops::i64_rotl, uint64_t>},
        {"rotr", as_bits<ops::i64_rotr, uint64_t>}},
       true,
       {0, 1, 63, 65, 0x7fffffffffffffff, 0x8000000000000000, 0xfffffffffffffffe,
        0x123456789abcdef0}},
      {"f32",
       {{"add", as_bits<ops::f32_add, uint32_t>},
        {"sub", as_bits<ops::f32_sub, uint32_t>},
        {"mul", as_bits<ops::f32_mul, uint32_t>},
        {"div", as_bits<ops::f32_div, uint32_t>}},
       false,
       // 0, -0, 1.5, -3, 1e30, inf, a denormal, 7
       {0, 0x80000000, 0x3fc00000, 0xc0400000, 0x7149f2ca, 0x7f800000, 0x00000003, 0x40e00000}},
      {"f64",
       {{"add", as_bits<ops::f64_add, uint64_t>},
        {"sub", as_bits<ops::f64_sub, uint64_t>},
        {"mul", as_bits<ops::f64_mul, uint64_t>},
        {"div", as_bits<ops::f64_div, uint64_t>}},
       false,
       {0, 0x8000000000000000, 0x3ff8000000000000, 0xc008000000000000, 0x7e37e43c8800759c,
        0x7ff0000000000000, 0x0000000000000003, 0x401c000000000000}},
  };
  return all;
}

// Immediates: a negative one (sign-extended from the chain's 32 bits) and, for i64, one that
// does not fit 32 bits (left unchained), so both lowerings are checked.
std::vector<int64_t> immediates(const std::string& type) {
  if (type == "i64") return {-3, int64_t{0x123456789}};
  return {-3, 1000};
}

std::string function(const std::string& name, const std::string& type, const std::string& body) {
  return "(func (export \"" + name + "\") (param " + type + " " + type + " " + type + ") (result " +
         type + ") " + body + ")\n";
}

class Chains : public ::testing::TestWithParam<size_t> {
 protected:
  Harness h{compile::BoundsChecks::GuardPages};
};

TEST_P(Chains, EveryPairMatchesTheTwoInstructions) {
  const Family& fam = families()[GetParam()];
  const std::string t = fam.type;
  const size_t n = fam.ops.size();
  std::string wat = "(module\n";
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      const std::string f1 = t + "." + fam.ops[i].wat, f2 = t + "." + fam.ops[j].wat;
      const std::string id = std::to_string(i) + "_" + std::to_string(j);
      const std::string inner = "(" + f1 + " (local.get 0) (local.get 1))";
      wat += function("left" + id, t, "(" + f2 + " " + inner + " (local.get 2))");
      wat += function("right" + id, t, "(" + f2 + " (local.get 2) " + inner + ")");
      if (!fam.immediates) continue;
      for (size_t q = 0; q < 2; ++q) {
        const int64_t k = immediates(t)[q];
        const std::string c = "(" + t + ".const " + std::to_string(k) + ")";
        const std::string kid = std::to_string(q) + "_" + id;
        const std::string inner_imm = "(" + f1 + " (local.get 0) " + c + ")";
        wat += function("imm" + kid, t, "(" + f2 + " " + inner_imm + " " + c + ")");
        wat += function("kleft" + kid, t, "(" + f2 + " " + c + " " + inner + ")");
      }
    }
  }
  wat += ")";
  auto m = h.instantiate(wat);
  ASSERT_TRUE(m) << m.error().to_string();

  const uint64_t mask = t == "i32" || t == "f32" ? 0xffffffffu : ~uint64_t{0};
  const auto& vs = fam.values;
  size_t checked = 0;
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      const auto f1 = fam.ops[i].eval, f2 = fam.ops[j].eval;
      const std::string id = std::to_string(i) + "_" + std::to_string(j);
      for (size_t x = 0; x < vs.size(); ++x) {
        // Three operands from the edge values, varied so every value meets every position.
        const uint64_t a = vs[x], b = vs[(x * 3 + 1) % vs.size()], c = vs[(x * 5 + 2) % vs.size()];
        const uint64_t tmp = f1(a, b) & mask;
        ASSERT_EQ(h.call1(*m, "left" + id, {a, b, c}), f2(tmp, c) & mask)
            << t << " " << fam.ops[i].wat << " then " << fam.ops[j].wat << " on the left";
        ASSERT_EQ(h.call1(*m, "right" + id, {a, b, c}), f2(c, tmp) & mask)
            << t << " " << fam.ops[i].wat << " then " << fam.ops[j].wat << " on the right";
        checked += 2;
        if (!fam.immediates) continue;
        for (size_t q = 0; q < 2; ++q) {
          const int64_t k = immediates(t)[q];
          const uint64_t kb = static_cast<uint64_t>(k) & mask;
          const std::string kid = std::to_string(q) + "_" + id;
          ASSERT_EQ(h.call1(*m, "imm" + kid, {a, b, c}), f2(f1(a, kb) & mask, kb) & mask)
              << t << " " << fam.ops[i].wat << " then " << fam.ops[j].wat << " with " << k;
          ASSERT_EQ(h.call1(*m, "kleft" + kid, {a, b, c}), f2(kb, tmp) & mask)
              << t << " " << k << " " << fam.ops[j].wat << " of " << fam.ops[i].wat;
          checked += 2;
        }
      }
    }
  }
  EXPECT_GT(checked, n * n * vs.size());
}

// Load chains: a full-width load, its address plain or with a constant added, feeding each
// chainable operation from the left, the right and with a constant.
TEST_P(Chains, EveryLoadFeedingAnOperationMatchesTheTwoInstructions) {
  const Family& fam = families()[GetParam()];
  const std::string t = fam.type;
  const size_t n = fam.ops.size();
  const std::string k = t[0] == 'f' ? "1.5" : "-3";
  const uint64_t kb = t == "f32"   ? 0x3fc00000u
                      : t == "f64" ? 0x3ff8000000000000u
                      : t == "i32" ? 0xfffffffdu
                                   : ~uint64_t{2};
  std::string wat = "(module (memory 1)\n(func (export \"store\") (param i32 " + t + ") (" + t +
                    ".store offset=8 (local.get 0) (local.get 1)))\n";
  for (size_t j = 0; j < n; ++j) {
    const std::string f = t + "." + fam.ops[j].wat, id = std::to_string(j);
    const std::string sig = "(param i32 " + t + ") (result " + t + ")";
    const std::string plain = "(" + t + ".load offset=8 (local.get 0))";
    const std::string added = "(" + t + ".load (i32.add (local.get 0) (i32.const 8)))";
    wat +=
        "(func (export \"left" + id + "\") " + sig + " (" + f + " " + plain + " (local.get 1)))\n";
    wat +=
        "(func (export \"right" + id + "\") " + sig + " (" + f + " (local.get 1) " + added + "))\n";
    wat += "(func (export \"imm" + id + "\") " + sig + " (" + f + " " + added + " (" + t +
           ".const " + k + ")))\n";
  }
  wat += ")";
  auto m = h.instantiate(wat);
  ASSERT_TRUE(m) << m.error().to_string();
  const uint64_t mask = t == "i32" || t == "f32" ? 0xffffffffu : ~uint64_t{0};
  const auto& vs = fam.values;
  for (size_t x = 0; x < vs.size(); ++x) {
    const uint64_t in_memory = vs[x], other = vs[(x * 3 + 1) % vs.size()];
    const uint64_t addr = 64 + 8 * x;
    h.call1(*m, "store", {addr, in_memory});
    for (size_t j = 0; j < n; ++j) {
      const auto f = fam.ops[j].eval;
      const std::string id = std::to_string(j);
      ASSERT_EQ(h.call1(*m, "left" + id, {addr, other}), f(in_memory, other) & mask)
          << t << " load then " << fam.ops[j].wat;
      ASSERT_EQ(h.call1(*m, "right" + id, {addr, other}), f(other, in_memory) & mask)
          << t << " " << fam.ops[j].wat << " of a load";
      ASSERT_EQ(h.call1(*m, "imm" + id, {addr, other}), f(in_memory, kb) & mask)
          << t << " load then " << fam.ops[j].wat << " " << k;
    }
  }
  // The folded add wraps at 32 bits before the offset applies, and an access past the end
  // still traps.
  std::vector<runtime::ValRaw> args(2);
  args[0].i32 = 0xfffffffcu;  // + 8 wraps to 4
  ASSERT_EQ(h.call_raw(*m, "imm0", args), runtime::TrapCode::None);
  for (const char* name : {"left0", "right0", "imm0"}) {
    args.assign(2, runtime::ValRaw{});
    args[0].i32 = 65536 - 8;
    EXPECT_EQ(h.call_raw(*m, name, args), runtime::TrapCode::MemoryOutOfBounds) << name;
  }
}

INSTANTIATE_TEST_SUITE_P(Families, Chains, ::testing::Values(0, 1, 2, 3),
                         [](const ::testing::TestParamInfo<size_t>& info) {
                           return std::string(families()[info.param].type);
                         });

}  // namespace
}  // namespace weft::interp
