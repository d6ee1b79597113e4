// Epoch interruption (Config::epoch_interruption): Engine::increment_epoch, from any thread,
// stops wasm that has passed its store's deadline, at a function entry or a loop head.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>

#include "api_test_support.hpp"
#include "weft/weft.hpp"

namespace {

constexpr const char* kSpinner = R"((module $spinner
  (import "env" "reenter" (func $reenter))
  (type $void (func))
  (table 1 funcref)
  (elem (i32.const 0) $spin)
  (func $spin (export "spin") (loop $again (br $again)))
  (func $middle (call_indirect (type $void) (i32.const 0)))
  (func (export "nested") (call $middle))
  (func (export "via_host") (call $reenter))
  (func (export "answer") (result i32) (i32.const 42))
  (func (export "idle") (drop (i32.const 0)))
  (func (export "count") (param $n i32) (result i32)
    (local $i i32)
    (loop $top
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $top (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $i))
))";

struct Fixture : weft_test::BasicInstantiated<weft::Instance> {
  explicit Fixture(const weft::Config& config) : BasicInstantiated(config) {
    // Calls back into the instance's endless loop and passes its trap on.
    linker.func_wrap("env", "reenter",
                     [](weft::Caller<weft::Instance>& caller) -> weft::Result<void> {
                       auto spin = caller.data().get_typed_func<void()>(caller, "spin");
                       if (!spin) return spin.error();
                       return spin->call(caller);
                     });
    EXPECT_TRUE(from_text(kSpinner));
    if (instance) store.data() = *instance;
  }
  weft::Result<void> call(const char* name) {
    auto f = store.data().get_typed_func<void()>(store, name);
    if (!f) return f.error();
    return f->call(store);
  }
  // Calls `name` while another thread advances the epoch once, a little later.
  weft::Result<void> call_interrupted(const char* name) {
    std::thread ticker([this] {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      engine.increment_epoch();
    });
    weft::Result<void> out = call(name);
    ticker.join();
    return out;
  }
};

weft::Config epoch_config() {
  return weft::Config().epoch_interruption(true);
}

void expect_interrupted(const weft::Result<void>& out) {
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().kind, weft::ErrorKind::Trap);
  EXPECT_EQ(out.error().trap, weft::TrapCode::Interrupted);
  EXPECT_EQ(out.error().message, "interrupted");
}

TEST(Epoch, ANewStoresDeadlineHasPassedAlready) {
  Fixture f{epoch_config()};
  auto answer = f.store.data().get_typed_func<int32_t()>(f.store, "answer");
  ASSERT_TRUE(answer);
  weft::Result<int32_t> out = answer->call(f.store);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().trap, weft::TrapCode::Interrupted);
  f.store.set_epoch_deadline(1);
  out = answer->call(f.store);
  ASSERT_TRUE(out) << out.error().to_string();
  EXPECT_EQ(*out, 42);
}

TEST(Epoch, AnotherThreadStopsAnEndlessLoop) {
  Fixture f{epoch_config()};
  f.store.set_epoch_deadline(1);
  expect_interrupted(f.call_interrupted("spin"));
  // The store is still usable with a new deadline.
  f.store.set_epoch_deadline(1);
  auto count = f.store.data().get_typed_func<int32_t(int32_t)>(f.store, "count");
  ASSERT_TRUE(count);
  weft::Result<int32_t> n = count->call(f.store, 100'000);
  ASSERT_TRUE(n) << n.error().to_string();
  EXPECT_EQ(*n, 100'000);
}

TEST(Epoch, StopsALoopReachedThroughCallIndirectAndNestedCalls) {
  Fixture f{epoch_config()};
  f.store.set_epoch_deadline(1);
  weft::Result<void> out = f.call_interrupted("nested");
  expect_interrupted(out);
  ASSERT_GE(out.error().backtrace.size(), 3u);
  EXPECT_EQ(out.error().backtrace[0].func_name, "spin");
  EXPECT_EQ(out.error().backtrace[1].func_name, "middle");
}

TEST(Epoch, StopsALoopReachedThroughAHostFunction) {
  Fixture f{epoch_config()};
  f.store.set_epoch_deadline(1);
  weft::Result<void> out = f.call_interrupted("via_host");
  expect_interrupted(out);
  // The inner call's frames, then the outer one's.
  ASSERT_EQ(out.error().backtrace.size(), 2u);
  EXPECT_EQ(out.error().backtrace[0].func_name, "spin");
  EXPECT_EQ(out.error().backtrace[0].module_name, "spinner");
}

TEST(Epoch, TheDeadlineCountsTicksFromNow) {
  Fixture f{epoch_config()};
  f.engine.increment_epoch();
  f.engine.increment_epoch();
  f.store.set_epoch_deadline(2);
  f.engine.increment_epoch();
  EXPECT_TRUE(f.call("idle"));
  f.engine.increment_epoch();
  expect_interrupted(f.call("idle"));
}

TEST(Epoch, ManyThreadsMayTickAtOnce) {
  Fixture f{epoch_config()};
  f.store.set_epoch_deadline(4000);
  std::thread a([&] {
    for (int i = 0; i < 2000; ++i) f.engine.increment_epoch();
  });
  std::thread b([&] {
    for (int i = 0; i < 2000; ++i) f.engine.increment_epoch();
  });
  a.join();
  b.join();
  expect_interrupted(f.call("idle"));  // exactly 4000 ticks: the deadline is reached
}

TEST(Epoch, WithoutTheConfigNothingIsChecked) {
  Fixture f{weft::Config()};
  f.engine.increment_epoch();
  f.store.set_epoch_deadline(0);
  EXPECT_TRUE(f.call("idle"));
}

TEST(Epoch, CombinesWithFuel) {
  Fixture f{epoch_config().consume_fuel(true)};
  ASSERT_TRUE(f.store.set_fuel(1'000'000'000'000));
  f.store.set_epoch_deadline(1);
  expect_interrupted(f.call_interrupted("spin"));
  ASSERT_TRUE(f.store.set_fuel(1000));
  f.store.set_epoch_deadline(1);
  weft::Result<void> out = f.call("spin");
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().trap, weft::TrapCode::OutOfFuel);
}

}  // namespace
