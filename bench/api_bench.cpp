// Costs of the embedding API: store creation, instantiation from an InstancePre, host-to-wasm
// calls (TypedFunc and Func) and wasm-to-host calls. Each figure is printed next to its
// reference: a native C++ call through a function pointer, and a wasm-to-wasm call in the same
// loop. Run by bench/api.sh.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "weft/weft.hpp"

namespace {

// A table of 10 funcrefs filled by an elem segment, a few functions, a global, one host import
// and, optionally, a 1-page memory with data segments: a small but complete instantiation. The
// variant without memory shows how much of an instantiation is the memory's.
std::string instance_wat(bool with_memory) {
  constexpr const char* kCommon = R"(
  (import "host" "log" (func $log (param i32)))
  (table (export "table") 10 funcref)
  (global $counter (mut i32) (i32.const 0))
  (func $a (result i32) (i32.const 1))
  (func $b (result i32) (i32.const 2))
  (func $c (result i32) (i32.const 3))
  (func $d (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  (func (export "run") (param i32) (result i32)
    (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
    (call $log (global.get $counter))
    (call_indirect (result i32) (local.get 0)))
  (elem (i32.const 0) $a $b $c $a $b $c $a $b $c $a))";
  constexpr const char* kMemory = R"(
  (memory (export "memory") 1)
  (data (i32.const 0) "weft instantiation benchmark")
  (data (i32.const 1024) "\01\02\03\04\05\06\07\08"))";
  return std::string("(module") + kCommon + (with_memory ? kMemory : "") + ")";
}

constexpr const char* kCallsWat = R"((module
  (import "host" "inc" (func $host_inc (param i32) (result i32)))
  (func $inc (export "inc") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  ;; Calls $host_inc n times in a loop; returns the chained result.
  (func (export "call_host") (param $n i32) (result i32)
    (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $acc (call $host_inc (local.get $acc)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $acc))
  ;; The same loop calling a wasm function: the reference for call_host.
  (func (export "call_wasm") (param $n i32) (result i32)
    (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $acc (call $inc (local.get $acc)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $acc))
))";

[[noreturn]] void die(const char* what, const weft::Error& error) {
  std::fprintf(stderr, "%s: %s\n", what, error.to_string().c_str());
  std::exit(1);
}

template <typename T>
T must(const char* what, weft::Result<T> r) {
  if (!r) die(what, r.error());
  return std::move(*r);
}

weft::Engine make_engine(bool explicit_bounds_checks) {
  weft::Config config;
  config.explicit_bounds_checks(explicit_bounds_checks);
  return weft::Engine(config);
}

// Shows the figure in the unit it is read in: nanoseconds or microseconds per item.
void per_item(benchmark::State& state, const char* name, double items_per_iteration) {
  state.counters[name] =
      benchmark::Counter(items_per_iteration, benchmark::Counter::kIsIterationInvariantRate |
                                                  benchmark::Counter::kInvert);
}

// --- store creation and instantiation -------------------------------------------------------

void BM_StoreNew(benchmark::State& state) {
  weft::Engine engine = make_engine(state.range(0) != 0);
  for (auto _ : state) {
    weft::Store<int> store(engine, 0);
    benchmark::DoNotOptimize(&store);
  }
  per_item(state, "s/store", 1);
}
BENCHMARK(BM_StoreNew)->ArgName("explicit_bounds")->Arg(0)->Arg(1);

// Arguments: explicit bounds checks (0/1), and whether the module has its memory (0/1).
template <typename Benchmark>
void instantiate_args(Benchmark* b) {
  b->ArgNames({"explicit_bounds", "memory"})->Args({0, 1})->Args({1, 1})->Args({0, 0});
}

struct InstantiateFixture {
  weft::Engine engine;
  std::optional<weft::InstancePre<int>> pre;

  explicit InstantiateFixture(const benchmark::State& state)
      : engine(make_engine(state.range(0) != 0)) {
    const std::string wat = instance_wat(state.range(1) != 0);
    weft::Module module = must("module", weft::Module::from_text(engine, wat));
    weft::Linker<int> linker(engine);
    linker.func_wrap("host", "log", [](weft::Caller<int>& caller, int32_t) { ++caller.data(); });
    pre.emplace(must("instantiate_pre", linker.instantiate_pre(module)));
  }
};

// A fresh store per instance (how a server runs one request): store + instantiate + teardown.
void BM_InstantiateFreshStore(benchmark::State& state) {
  InstantiateFixture fx(state);
  for (auto _ : state) {
    weft::Store<int> store(fx.engine, 0);
    weft::Instance instance = must("instantiate", fx.pre->instantiate(store));
    benchmark::DoNotOptimize(instance.raw());
  }
  per_item(state, "s/instance", 1);
}
BENCHMARK(BM_InstantiateFreshStore)->Apply(instantiate_args);

// Many instances in one store (a new store every kPerStore instances, amortized): the cost of
// instantiate() itself.
void BM_Instantiate(benchmark::State& state) {
  constexpr int kPerStore = 100;
  InstantiateFixture fx(state);
  std::optional<weft::Store<int>> store;
  int in_store = kPerStore;
  for (auto _ : state) {
    if (in_store == kPerStore) {
      store.emplace(fx.engine, 0);
      in_store = 0;
    }
    weft::Instance instance = must("instantiate", fx.pre->instantiate(*store));
    benchmark::DoNotOptimize(instance.raw());
    ++in_store;
  }
  per_item(state, "s/instance", 1);
}
BENCHMARK(BM_Instantiate)->Apply(instantiate_args);

// --- host-to-wasm calls ------------------------------------------------------------------

struct CallsFixture {
  weft::Engine engine;
  weft::Store<int> store{engine, 0};
  weft::Instance instance;

  CallsFixture() {
    weft::Module module = must("module", weft::Module::from_text(engine, kCallsWat));
    weft::Linker<int> linker(engine);
    linker.func_wrap("host", "inc", [](int32_t x) { return x + 1; });
    instance = must("instantiate", linker.instantiate(store, module));
  }
};

// The reference: a call that the compiler cannot inline or elide.
__attribute__((noinline)) int32_t native_inc(int32_t x) {
  benchmark::ClobberMemory();
  return x + 1;
}

void BM_NativeCall(benchmark::State& state) {
  int32_t (*volatile f)(int32_t) = native_inc;
  int32_t x = 0;
  for (auto _ : state) x = f(x);
  benchmark::DoNotOptimize(x);
  per_item(state, "s/call", 1);
}
BENCHMARK(BM_NativeCall);

void BM_TypedFuncCall(benchmark::State& state) {
  CallsFixture fx;
  auto inc = must("inc", fx.instance.get_typed_func<int32_t(int32_t)>(fx.store, "inc"));
  int32_t x = 0;
  for (auto _ : state) {
    weft::Result<int32_t> r = inc.call(fx.store, x);
    if (!r) die("inc", r.error());
    x = *r;
  }
  benchmark::DoNotOptimize(x);
  per_item(state, "s/call", 1);
}
BENCHMARK(BM_TypedFuncCall);

void BM_FuncCall(benchmark::State& state) {
  CallsFixture fx;
  std::optional<weft::Func> inc = fx.instance.get_func(fx.store, "inc");
  if (!inc) die("inc", weft::Error{weft::ErrorKind::Other, "missing export"});
  weft::Val args[1];
  weft::Val results[1];
  int32_t x = 0;
  for (auto _ : state) {
    args[0] = weft::Val(x);
    weft::Result<void> r = inc->call(fx.store, args, results);
    if (!r) die("inc", r.error());
    x = results[0].i32();
  }
  benchmark::DoNotOptimize(x);
  per_item(state, "s/call", 1);
}
BENCHMARK(BM_FuncCall);

// --- wasm-to-host calls ------------------------------------------------------------------

constexpr int32_t kLoopCalls = 10000;

void loop_calls(benchmark::State& state, const char* export_name) {
  CallsFixture fx;
  auto loop =
      must(export_name, fx.instance.get_typed_func<int32_t(int32_t)>(fx.store, export_name));
  for (auto _ : state) {
    weft::Result<int32_t> r = loop.call(fx.store, kLoopCalls);
    if (!r) die(export_name, r.error());
    if (*r != kLoopCalls) die(export_name, weft::Error{weft::ErrorKind::Other, "wrong result"});
  }
  per_item(state, "s/call", kLoopCalls);
}

void BM_WasmToHostCall(benchmark::State& state) {
  loop_calls(state, "call_host");
}
BENCHMARK(BM_WasmToHostCall);

void BM_WasmToWasmCall(benchmark::State& state) {
  loop_calls(state, "call_wasm");
}
BENCHMARK(BM_WasmToWasmCall);

}  // namespace

BENCHMARK_MAIN();
