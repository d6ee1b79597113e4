// What stores share and what they own (DESIGN.md, "The store and its function references"):
// an InstancePre's definitions and pre-patched funcrefs are shared by every store made from it
// and outlive the Linker and the InstancePre; a Linker's host function is one object for all
// stores; a host function made for one store dies with it; and stores on several threads may
// use one Engine, Module, InstancePre and Linker at once.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "runtime/func_refs.hpp"
#include "runtime/store.hpp"
#include "weft/weft.hpp"

namespace {

// Counts the live copies of itself, so a test can see how many callables exist.
struct Counted {
  explicit Counted(std::atomic<int>* live) : live_(live) { ++*live_; }
  Counted(const Counted& other) : live_(other.live_) { ++*live_; }
  Counted& operator=(const Counted&) = delete;
  ~Counted() { --*live_; }
  std::atomic<int>* live_;
};

struct Data {
  int32_t host_calls = 0;
};

constexpr const char* kApp = R"((module
  (import "host" "add" (func $add (param i32 i32) (result i32)))
  (export "add" (func $add))
  (func (export "add_twice") (param i32) (result i32)
    (call $add (call $add (local.get 0) (local.get 0)) (local.get 0)))
))";

weft::Module compile(const weft::Engine& engine, const char* wat) {
  weft::Result<weft::Module> m = weft::Module::from_text(engine, wat);
  EXPECT_TRUE(m) << m.error().to_string();
  return *m;
}

void define_add(weft::Linker<Data>& linker, std::atomic<int>* live) {
  linker.func_wrap("host", "add",
                   [counted = Counted(live)](weft::Caller<Data>& caller, int32_t a, int32_t b) {
                     ++caller.data().host_calls;
                     return a + b;
                   });
}

TEST(StoreSharing, InstancesOutliveTheirLinkerAndInstancePre) {
  weft::Engine engine;
  const weft::Module app = compile(engine, kApp);
  std::atomic<int> live{0};
  weft::Store<Data> store(engine, Data{});
  weft::Instance instance;
  {
    weft::Linker<Data> linker(engine);
    define_add(linker, &live);
    weft::Result<weft::InstancePre<Data>> pre = linker.instantiate_pre(app);
    ASSERT_TRUE(pre) << pre.error().to_string();
    weft::Result<weft::Instance> made = pre->instantiate(store);
    ASSERT_TRUE(made) << made.error().to_string();
    instance = *made;
  }                           // the Linker and the InstancePre are gone
  EXPECT_EQ(live.load(), 1);  // the store keeps the host function alive
  auto add_twice = instance.get_typed_func<int32_t(int32_t)>(store, "add_twice");
  ASSERT_TRUE(add_twice);
  weft::Result<int32_t> r = add_twice->call(store, 7);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(*r, 21);
  EXPECT_EQ(store.data().host_calls, 2);
}

TEST(StoreSharing, ALinkerHostFunctionIsOneObjectForEveryStore) {
  weft::Engine engine;
  const weft::Module app = compile(engine, kApp);
  std::atomic<int> live{0};
  std::vector<std::unique_ptr<weft::Store<Data>>> stores;
  std::vector<weft::Func> exported;
  {
    weft::Linker<Data> linker(engine);
    define_add(linker, &live);
    EXPECT_EQ(live.load(), 1);
    weft::Result<weft::InstancePre<Data>> pre = linker.instantiate_pre(app);
    ASSERT_TRUE(pre);
    for (int i = 0; i < 5; ++i) {
      stores.push_back(std::make_unique<weft::Store<Data>>(engine, Data{}));
      weft::Result<weft::Instance> instance = pre->instantiate(*stores.back());
      ASSERT_TRUE(instance) << instance.error().to_string();
      exported.push_back(*instance->get_func(*stores.back(), "add"));
    }
    EXPECT_EQ(live.load(), 1);  // no copy per store
  }
  // The import is the InstancePre's pre-patched funcref, shared by all stores, and already
  // callable from wasm: no store had a hole to fill.
  for (size_t i = 0; i < stores.size(); ++i) {
    EXPECT_EQ(exported[i], exported[0]);
    EXPECT_NE(exported[i].raw()->wasm_call, nullptr);
    EXPECT_EQ(stores[i]->raw().funcrefs().holes(), 0u);
    const weft::Val args[2] = {weft::Val(int32_t{2}), weft::Val(int32_t{3})};
    weft::Val results[1];
    ASSERT_TRUE(exported[i].call(*stores[i], args, results));
    EXPECT_EQ(results[0].i32(), 5);
    EXPECT_EQ(stores[i]->data().host_calls, 1);  // each call reached its own store's data
  }
  EXPECT_EQ(live.load(), 1);
  stores.pop_back();
  EXPECT_EQ(live.load(), 1);
  stores.clear();
  EXPECT_EQ(live.load(), 0);  // the last store released it
}

TEST(StoreSharing, AStoreHostFunctionDiesWithItsStore) {
  weft::Engine engine;
  std::atomic<int> live{0};
  {
    weft::Store<Data> store(engine, Data{});
    weft::Func f = weft::Func::wrap(store, [counted = Counted(&live)](int32_t x) { return x + 1; });
    ASSERT_TRUE(f);
    EXPECT_EQ(live.load(), 1);
    // Made before any module was registered: a hole until one brings its type.
    EXPECT_EQ(f.raw()->wasm_call, nullptr);
    EXPECT_EQ(store.raw().funcrefs().holes(), 1u);
    weft::Val args[1] = {weft::Val(int32_t{1})};
    weft::Val results[1];
    ASSERT_TRUE(f.call(store, args, results));
    EXPECT_EQ(results[0].i32(), 2);
  }
  EXPECT_EQ(live.load(), 0);
}

TEST(StoreSharing, WasmCallsAWrappedHostFunctionThroughATableAfterItsHoleIsFilled) {
  weft::Engine engine;
  const weft::Module module = compile(engine, R"((module
    (type $unary (func (param i32) (result i32)))
    (table (export "table") 2 funcref)
    (func (export "call") (param i32 i32) (result i32)
      (call_indirect (type $unary) (local.get 1) (local.get 0)))
  ))");
  weft::Store<Data> store(engine, Data{});
  weft::Func negate = weft::Func::wrap(store, [](weft::Caller<Data>& caller, int32_t x) {
    ++caller.data().host_calls;
    return -x;
  });
  ASSERT_EQ(negate.raw()->wasm_call, nullptr);
  ASSERT_EQ(store.raw().funcrefs().holes(), 1u);
  weft::Result<weft::Instance> instance = weft::Linker<Data>(engine).instantiate(store, module);
  ASSERT_TRUE(instance) << instance.error().to_string();
  EXPECT_NE(negate.raw()->wasm_call, nullptr);  // the module's trampoline for its type
  EXPECT_EQ(store.raw().funcrefs().holes(), 0u);
  weft::Table table = *instance->get_table(store, "table");
  ASSERT_TRUE(table.set(store, 1, weft::Val::from_funcref(negate)));
  auto call = instance->get_typed_func<int32_t(int32_t, int32_t)>(store, "call");
  ASSERT_TRUE(call);
  weft::Result<int32_t> r = call->call(store, 1, 9);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(*r, -9);
  EXPECT_EQ(store.data().host_calls, 1);
  weft::Result<int32_t> uninitialized = call->call(store, 0, 9);
  ASSERT_FALSE(uninitialized);
  EXPECT_EQ(uninitialized.error().kind, weft::ErrorKind::Trap);
}

// 1,000 stores from one InstancePre on two threads. Shared by both threads: the Engine (its
// TypeRegistry takes a mutex when a type is interned), the Module (immutable), the
// InstancePre's state and the Linker's host function (immutable after construction, kept by
// atomic reference counts). Everything else belongs to one store and one thread.
TEST(StoreSharing, OneInstancePreInstantiatesIntoStoresOnTwoThreads) {
  weft::Engine engine;
  const weft::Module app = compile(engine, kApp);
  std::atomic<int> live{0};
  std::atomic<int> host_calls{0};
  std::optional<weft::Linker<Data>> linker(std::in_place, engine);
  linker->func_wrap("host", "add", [counted = Counted(&live), &host_calls](int32_t a, int32_t b) {
    host_calls.fetch_add(1, std::memory_order_relaxed);
    return a + b;
  });
  std::optional<weft::InstancePre<Data>> pre;
  {
    weft::Result<weft::InstancePre<Data>> made = linker->instantiate_pre(app);
    ASSERT_TRUE(made) << made.error().to_string();
    pre.emplace(std::move(*made));
  }
  constexpr int kStoresPerThread = 500;
  std::atomic<int> good{0};
  auto work = [&] {
    std::vector<std::unique_ptr<weft::Store<Data>>> stores;
    for (int i = 0; i < kStoresPerThread; ++i) {
      auto store = std::make_unique<weft::Store<Data>>(engine, Data{});
      weft::Result<weft::Instance> instance = pre->instantiate(*store);
      if (!instance) continue;
      auto add_twice = instance->get_typed_func<int32_t(int32_t)>(*store, "add_twice");
      auto add = instance->get_typed_func<int32_t(int32_t, int32_t)>(*store, "add");
      if (!add_twice || !add) continue;
      weft::Result<int32_t> a = add_twice->call(*store, i);  // wasm calling the host twice
      weft::Result<int32_t> b = add->call(*store, i, 1);     // the host function directly
      if (a && *a == 3 * i && b && *b == i + 1) good.fetch_add(1);
      stores.push_back(std::move(store));
    }
  };
  std::thread first(work);
  std::thread second(work);
  first.join();
  second.join();
  EXPECT_EQ(good.load(), 2 * kStoresPerThread);
  EXPECT_EQ(host_calls.load(), 2 * kStoresPerThread * 3);
  EXPECT_EQ(live.load(), 1);
  pre.reset();
  linker.reset();
  EXPECT_EQ(live.load(), 0);  // every store, and so every reference, is gone
}

}  // namespace
