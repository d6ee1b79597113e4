// Fuel (Config::consume_fuel): wasm spends about one unit per instruction, traps with
// "all fuel consumed" when it runs out, and the store stays usable for a refuelled call.
#include <gtest/gtest.h>

#include <cstdint>

#include "api_test_support.hpp"
#include "weft/weft.hpp"

namespace {

constexpr const char* kCounter = R"((module
  (import "env" "work" (func $work (param i32)))
  ;; Nine instructions per iteration.
  (func $count (export "count") (param $n i32) (result i32)
    (local $i i32)
    (block $done
      (loop $top
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $top)))
    (local.get $i))
  (func (export "call_host") (param i32) (call $work (local.get 0)))
  (func $forever (export "recurse") (call $forever))
  (func (export "nothing"))
))";

struct Fixture : weft_test::Instantiated {
  explicit Fixture(const weft::Config& config) : BasicInstantiated(config) {
    linker.func_wrap("env", "work", [](weft::Caller<int>& caller, int32_t n) {
      for (int32_t i = 0; i < n; ++i) ++caller.data();  // costs wasm nothing
    });
    EXPECT_TRUE(from_text(kCounter));
  }
  weft::Result<int32_t> count(int32_t n) {
    auto f = instance->get_typed_func<int32_t(int32_t)>(store, "count");
    if (!f) return f.error();
    return f->call(store, n);
  }
  uint64_t fuel() {
    weft::Result<uint64_t> left = store.get_fuel();
    EXPECT_TRUE(left) << left.error().to_string();
    return left ? *left : 0;
  }
};

weft::Config fuel_config() {
  return weft::Config().consume_fuel(true);
}

TEST(Fuel, IsAnErrorWhenTheEngineDoesNotConsumeFuel) {
  Fixture f{weft::Config()};
  EXPECT_FALSE(f.store.set_fuel(10));
  weft::Result<uint64_t> left = f.store.get_fuel();
  ASSERT_FALSE(left);
  EXPECT_EQ(left.error().message, "fuel is not configured in this store");
  // And code runs without any accounting.
  weft::Result<int32_t> out = f.count(1000);
  ASSERT_TRUE(out) << out.error().to_string();
  EXPECT_EQ(*out, 1000);
}

TEST(Fuel, ConfigSettersChainAndGettersReadBack) {
  const weft::Config config =
      weft::Config().consume_fuel(true).epoch_interruption(true).explicit_bounds_checks(true);
  EXPECT_TRUE(config.consume_fuel());
  EXPECT_TRUE(config.epoch_interruption());
  EXPECT_TRUE(config.explicit_bounds_checks());
  EXPECT_FALSE(weft::Config().consume_fuel());
  weft::Engine engine(config);
  EXPECT_TRUE(engine.config().consume_fuel());
}

TEST(Fuel, ANewStoreHasNoneAndTrapsAtOnce) {
  Fixture f{fuel_config()};
  EXPECT_EQ(f.fuel(), 0u);
  weft::Result<int32_t> out = f.count(1);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().kind, weft::ErrorKind::Trap);
  EXPECT_EQ(out.error().trap, weft::TrapCode::OutOfFuel);
  EXPECT_EQ(out.error().message, "all fuel consumed");
}

TEST(Fuel, ALoopConsumesAboutItsInstructionCount) {
  Fixture f{fuel_config()};
  ASSERT_TRUE(f.store.set_fuel(1'000'000));
  EXPECT_EQ(f.fuel(), 1'000'000u);
  constexpr int32_t kIterations = 1000;
  weft::Result<int32_t> out = f.count(kIterations);
  ASSERT_TRUE(out) << out.error().to_string();
  EXPECT_EQ(*out, kIterations);
  const uint64_t used = 1'000'000 - f.fuel();
  // Nine instructions per iteration, and a few around the loop.
  EXPECT_GE(used, 9u * kIterations);
  EXPECT_LE(used, 9u * kIterations + 30);

  // Twice the iterations, about twice the fuel: get_fuel keeps decreasing.
  const uint64_t before = f.fuel();
  ASSERT_TRUE(f.count(2 * kIterations));
  const uint64_t used2 = before - f.fuel();
  EXPECT_GE(used2, 2 * used - 30);
  EXPECT_LE(used2, 2 * used + 30);
}

TEST(Fuel, RunningOutTrapsAndARefuelledStoreContinues) {
  Fixture f{fuel_config()};
  ASSERT_TRUE(f.store.set_fuel(500));
  weft::Result<int32_t> out = f.count(1000);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().trap, weft::TrapCode::OutOfFuel);
  EXPECT_EQ(f.fuel(), 0u);
  // The trap's frame is the loop's function.
  ASSERT_FALSE(out.error().backtrace.empty());
  EXPECT_EQ(out.error().backtrace[0].func_name, "count");

  ASSERT_TRUE(f.store.set_fuel(100'000));
  out = f.count(1000);
  ASSERT_TRUE(out) << out.error().to_string();
  EXPECT_EQ(*out, 1000);
  EXPECT_LT(f.fuel(), 100'000u);
  EXPECT_GT(f.fuel(), 0u);
}

TEST(Fuel, ExactlyEnoughFuelSucceedsAndOneLessTraps) {
  Fixture f{fuel_config()};
  ASSERT_TRUE(f.store.set_fuel(1'000'000));
  ASSERT_TRUE(f.count(10));
  const uint64_t cost = 1'000'000 - f.fuel();
  ASSERT_TRUE(f.store.set_fuel(cost));
  EXPECT_TRUE(f.count(10));
  EXPECT_EQ(f.fuel(), 0u);
  ASSERT_TRUE(f.store.set_fuel(cost - 1));
  weft::Result<int32_t> out = f.count(10);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().trap, weft::TrapCode::OutOfFuel);
}

TEST(Fuel, HostFunctionsCostNothing) {
  Fixture f{fuel_config()};
  auto call_host = f.instance->get_typed_func<void(int32_t)>(f.store, "call_host");
  ASSERT_TRUE(call_host);
  ASSERT_TRUE(f.store.set_fuel(1000));
  ASSERT_TRUE(call_host->call(f.store, 1));
  const uint64_t small = 1000 - f.fuel();
  ASSERT_TRUE(f.store.set_fuel(1000));
  ASSERT_TRUE(call_host->call(f.store, 1'000'000));
  EXPECT_EQ(1000 - f.fuel(), small);
  EXPECT_LE(small, 5u);
  EXPECT_EQ(f.store.data(), 1'000'001);
}

TEST(Fuel, EndlessRecursionRunsOutOfFuelBeforeTheStack) {
  Fixture f{fuel_config()};
  auto recurse = f.instance->get_typed_func<void()>(f.store, "recurse");
  ASSERT_TRUE(recurse);
  ASSERT_TRUE(f.store.set_fuel(5000));
  weft::Result<void> out = recurse->call(f.store);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().trap, weft::TrapCode::OutOfFuel);
}

TEST(Fuel, AnEmptyFunctionCostsNothing) {
  Fixture f{fuel_config()};
  auto nothing = f.instance->get_typed_func<void()>(f.store, "nothing");
  ASSERT_TRUE(nothing);
  EXPECT_TRUE(nothing->call(f.store));  // no fuel at all, and no instruction to pay for
}

TEST(Fuel, WorksWithExplicitBoundsChecks) {
  Fixture f{fuel_config().explicit_bounds_checks(true)};
  ASSERT_TRUE(f.store.set_fuel(100));
  weft::Result<int32_t> out = f.count(1000);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().trap, weft::TrapCode::OutOfFuel);
}

}  // namespace
