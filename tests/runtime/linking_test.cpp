#include <gtest/gtest.h>

#include "../interp/harness.hpp"
#include "runtime/spectest.hpp"

namespace weft::runtime {
namespace {

using testing::Harness;

const Extern* find(const NamedExterns& externs, std::string_view name) {
  for (const auto& [n, e] : externs) {
    if (n == name) return &e;
  }
  return nullptr;
}

TEST(Linking, FunctionImportNeedsTheSameType) {
  Harness h;
  Result<NamedExterns> spectest = make_spectest(h.store());
  ASSERT_TRUE(spectest);
  const Extern print_i32 = *find(*spectest, "print_i32");
  EXPECT_TRUE(h.instantiate(R"((module (import "m" "f" (func (param i32)))))", {&print_i32, 1}));
  Result<Instance*> bad =
      h.instantiate(R"((module (import "m" "f" (func (param i64)))))", {&print_i32, 1});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::Link);
  EXPECT_EQ(bad.error().message,
            "incompatible import type for \"m\" \"f\": expected func [i64] -> [], found "
            "func [i32] -> []");
}

TEST(Linking, KindMismatchIsIncompatible) {
  Harness h;
  Result<NamedExterns> spectest = make_spectest(h.store());
  ASSERT_TRUE(spectest);
  const Extern memory = *find(*spectest, "memory");
  Result<Instance*> bad =
      h.instantiate(R"((module (import "m" "t" (table 1 funcref))))", {&memory, 1});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::Link);
}

TEST(Linking, LimitsFollowSubtyping) {
  Harness h;
  Result<NamedExterns> spectest = make_spectest(h.store());
  ASSERT_TRUE(spectest);
  const Extern memory = *find(*spectest, "memory");  // (memory 1 2)
  EXPECT_TRUE(h.instantiate(R"((module (import "m" "mem" (memory 0))))", {&memory, 1}));
  EXPECT_TRUE(h.instantiate(R"((module (import "m" "mem" (memory 1 3))))", {&memory, 1}));
  EXPECT_FALSE(h.instantiate(R"((module (import "m" "mem" (memory 2))))", {&memory, 1}));
  EXPECT_FALSE(h.instantiate(R"((module (import "m" "mem" (memory 0 1))))", {&memory, 1}));
  const Extern table = *find(*spectest, "table");  // (table 10 20 funcref)
  EXPECT_TRUE(h.instantiate(R"((module (import "m" "t" (table 5 funcref))))", {&table, 1}));
  EXPECT_FALSE(h.instantiate(R"((module (import "m" "t" (table 5 externref))))", {&table, 1}));
}

TEST(Linking, GlobalMutabilityMustMatch) {
  Harness h;
  Result<NamedExterns> spectest = make_spectest(h.store());
  ASSERT_TRUE(spectest);
  const Extern g = *find(*spectest, "global_i32");
  EXPECT_TRUE(h.instantiate(R"((module (import "m" "g" (global i32))))", {&g, 1}));
  EXPECT_FALSE(h.instantiate(R"((module (import "m" "g" (global (mut i32)))))", {&g, 1}));
  EXPECT_FALSE(h.instantiate(R"((module (import "m" "g" (global i64))))", {&g, 1}));
}

TEST(Instantiation, TrappingSegmentKeepsEarlierWrites) {
  Harness h;
  Result<Instance*> exporter = h.instantiate(R"((module (memory (export "mem") 1)))");
  ASSERT_TRUE(exporter);
  const Extern mem = *(*exporter)->find_export("mem");
  Result<Instance*> failed = h.instantiate(R"((module (import "m" "mem" (memory 1))
      (data (i32.const 0) "\2a") (data (i32.const 65536) "x")))",
                                           {&mem, 1});
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().kind, ErrorKind::Trap);
  EXPECT_EQ(failed.error().message, "out of bounds memory access");
  EXPECT_EQ(mem.memory->base()[0], 0x2a);
}

TEST(Instantiation, StartFunctionTrapFailsInstantiation) {
  Harness h;
  Result<Instance*> failed = h.instantiate(R"((module (func $s unreachable) (start $s)))");
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().kind, ErrorKind::Trap);
  EXPECT_EQ(failed.error().message, "unreachable");
}

}  // namespace
}  // namespace weft::runtime
