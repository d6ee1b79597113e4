// ResourceLimiter: a store asks it before creating or growing a memory or a table, whether
// wasm (memory.grow, table.grow), the host (Memory::grow, Table::grow) or instantiation wants
// the room.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "weft/weft.hpp"

namespace {

constexpr size_t kPage = 65536;

// Allows memories up to `max_bytes` and tables up to `max_elements`, and remembers each request.
class CappingLimiter : public weft::ResourceLimiter {
 public:
  struct Request {
    uint64_t current, desired;
    std::optional<uint64_t> maximum;
  };

  bool memory_growing(size_t current_bytes, size_t desired_bytes,
                      std::optional<size_t> maximum) override {
    memory_requests.push_back({current_bytes, desired_bytes, maximum});
    return desired_bytes <= max_bytes;
  }
  bool table_growing(uint64_t current, uint64_t desired, std::optional<uint64_t> maximum) override {
    table_requests.push_back({current, desired, maximum});
    return desired <= max_elements;
  }

  size_t max_bytes = 2 * kPage;
  uint64_t max_elements = 4;
  std::vector<Request> memory_requests;
  std::vector<Request> table_requests;
};

constexpr const char* kGrower = R"((module
  (memory (export "memory") 1)
  (table (export "table") 1 funcref)
  (func (export "memory_grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "table_grow") (param i32) (result i32)
    (table.grow (ref.null func) (local.get 0)))
))";

struct Fixture {
  Fixture() : store(engine, CappingLimiter{}) {
    auto compiled = weft::Module::from_text(engine, kGrower);
    EXPECT_TRUE(compiled) << compiled.error().to_string();
    if (compiled) module = *compiled;
    store.limiter([](CappingLimiter& l) -> weft::ResourceLimiter& { return l; });
  }
  weft::Instance instantiate() {
    weft::Linker<CappingLimiter> linker(engine);
    auto made = linker.instantiate(store, *module);
    EXPECT_TRUE(made) << made.error().to_string();
    return made ? *made : weft::Instance();
  }
  int32_t call(weft::Instance instance, const char* name, int32_t arg) {
    auto f = instance.get_typed_func<int32_t(int32_t)>(store, name);
    EXPECT_TRUE(f) << f.error().to_string();
    weft::Result<int32_t> out = f->call(store, arg);
    EXPECT_TRUE(out) << out.error().to_string();
    return out ? *out : -2;
  }

  weft::Engine engine;
  std::optional<weft::Module> module;
  weft::Store<CappingLimiter> store;
};

TEST(Limiter, IsAskedAboutInitialSizes) {
  Fixture f;
  f.instantiate();
  const CappingLimiter& l = f.store.data();
  ASSERT_EQ(l.memory_requests.size(), 1u);
  EXPECT_EQ(l.memory_requests[0].current, 0u);
  EXPECT_EQ(l.memory_requests[0].desired, kPage);
  EXPECT_EQ(l.memory_requests[0].maximum, std::nullopt);
  ASSERT_EQ(l.table_requests.size(), 1u);
  EXPECT_EQ(l.table_requests[0].current, 0u);
  EXPECT_EQ(l.table_requests[0].desired, 1u);
}

TEST(Limiter, RefusedMemoryGrowReturnsMinusOne) {
  Fixture f;
  weft::Instance instance = f.instantiate();
  EXPECT_EQ(f.call(instance, "memory_grow", 1), 1);   // to 2 pages: allowed
  EXPECT_EQ(f.call(instance, "memory_grow", 1), -1);  // to 3: refused
  EXPECT_EQ(f.call(instance, "memory_grow", 0), 2);   // nothing to ask about
  const auto& requests = f.store.data().memory_requests;
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[2].current, 2 * kPage);
  EXPECT_EQ(requests[2].desired, 3 * kPage);
  auto memory = instance.get_memory(f.store, "memory");
  ASSERT_TRUE(memory);
  EXPECT_EQ(memory->size(f.store), 2u);
}

TEST(Limiter, RefusedTableGrowReturnsMinusOne) {
  Fixture f;
  weft::Instance instance = f.instantiate();
  EXPECT_EQ(f.call(instance, "table_grow", 3), 1);   // to 4: allowed
  EXPECT_EQ(f.call(instance, "table_grow", 1), -1);  // to 5: refused
  auto table = instance.get_table(f.store, "table");
  ASSERT_TRUE(table);
  EXPECT_EQ(table->size(f.store), 4u);
  const auto& requests = f.store.data().table_requests;
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[2].current, 4u);
  EXPECT_EQ(requests[2].desired, 5u);
}

TEST(Limiter, RefusedHostGrowthIsAnError) {
  Fixture f;
  weft::Instance instance = f.instantiate();
  auto memory = instance.get_memory(f.store, "memory");
  ASSERT_TRUE(memory);
  EXPECT_FALSE(memory->grow(f.store, 2));
  weft::Result<uint64_t> grown = memory->grow(f.store, 1);
  ASSERT_TRUE(grown) << grown.error().to_string();
  EXPECT_EQ(*grown, 1u);
  auto table = instance.get_table(f.store, "table");
  ASSERT_TRUE(table);
  EXPECT_FALSE(table->grow(f.store, 10, weft::Val::from_funcref(weft::Func())));
  EXPECT_EQ(table->size(f.store), 1u);
}

TEST(Limiter, RefusedInitialSizesFailInstantiation) {
  Fixture f;
  f.store.data().max_bytes = 0;
  weft::Linker<CappingLimiter> linker(f.engine);
  auto made = linker.instantiate(f.store, *f.module);
  ASSERT_FALSE(made);
  EXPECT_NE(made.error().message.find("exceeds memory limits"), std::string::npos)
      << made.error().message;

  f.store.data().max_bytes = kPage;
  f.store.data().max_elements = 0;
  made = linker.instantiate(f.store, *f.module);
  ASSERT_FALSE(made);
  EXPECT_NE(made.error().message.find("exceeds table limits"), std::string::npos)
      << made.error().message;

  f.store.data().max_elements = 1;
  made = linker.instantiate(f.store, *f.module);
  EXPECT_TRUE(made) << made.error().to_string();
}

TEST(Limiter, DeclaredMaximumsArePassedOn) {
  weft::Engine engine;
  CappingLimiter limiter;
  weft::Store<int> store(engine, 0);
  store.limiter(&limiter);
  auto module = weft::Module::from_text(engine, "(module (memory 1 3) (table 2 7 funcref))");
  ASSERT_TRUE(module) << module.error().to_string();
  weft::Linker<int> linker(engine);
  ASSERT_TRUE(linker.instantiate(store, *module));
  ASSERT_EQ(limiter.memory_requests.size(), 1u);
  EXPECT_EQ(limiter.memory_requests[0].maximum, std::optional<uint64_t>(3 * kPage));
  ASSERT_EQ(limiter.table_requests.size(), 1u);
  EXPECT_EQ(limiter.table_requests[0].maximum, std::optional<uint64_t>(7));
}

TEST(Limiter, RemovingTheLimiterAllowsGrowthAgain) {
  Fixture f;
  weft::Instance instance = f.instantiate();
  EXPECT_EQ(f.call(instance, "memory_grow", 5), -1);
  f.store.limiter(nullptr);
  EXPECT_EQ(f.call(instance, "memory_grow", 5), 1);
}

TEST(Limiter, DefaultMethodsAllowEverything) {
  weft::ResourceLimiter allow_all;
  weft::Engine engine;
  weft::Store<int> store(engine, 0);
  store.limiter(&allow_all);
  auto module = weft::Module::from_text(engine, R"((module (memory 1)
    (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))))");
  ASSERT_TRUE(module) << module.error().to_string();
  weft::Linker<int> linker(engine);
  auto instance = linker.instantiate(store, *module);
  ASSERT_TRUE(instance) << instance.error().to_string();
  auto grow = instance->get_typed_func<int32_t(int32_t)>(store, "grow");
  ASSERT_TRUE(grow);
  weft::Result<int32_t> out = grow->call(store, 10);
  ASSERT_TRUE(out);
  EXPECT_EQ(*out, 1);
}

}  // namespace
