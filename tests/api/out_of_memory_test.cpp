// Out of memory is an error value, never an abort: each operation of the embedding API runs
// with its 1st, 2nd, 3rd, ... allocation failing, until it runs to the end without reaching the
// failure. Every failing run must return ErrorKind::OutOfMemory (or succeed, when the failed
// allocation was optional), and the store must stay usable afterwards. Under the sanitizer
// build, LeakSanitizer checks that nothing a failing run allocated is lost.
//
// This file replaces the global operator new of the test_api binary (replacement_new.cpp's
// job in other projects): every form asks weft::testing::allocation_allowed() first, which
// counts allocations of the current thread only while a sweep has armed it.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <optional>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "base/alloc_failure.hpp"
#include "binary/encoder.hpp"
#include "ir/module.hpp"
#include "text/wat_parser.hpp"
#include "weft/weft.hpp"

// --- The replacement allocation functions (forwarding to malloc/free, which the sanitizers
// track like any allocation). ------------------------------------------------------------------

namespace {

void* allocate(std::size_t size) noexcept {
  if (!weft::testing::allocation_allowed()) return nullptr;
  return std::malloc(size == 0 ? 1 : size);
}

void* allocate_aligned(std::size_t size, std::align_val_t alignment) noexcept {
  if (!weft::testing::allocation_allowed()) return nullptr;
  const auto a = static_cast<std::size_t>(alignment);
  const std::size_t rounded = (size + a - 1) / a * a;
  return std::aligned_alloc(a, rounded == 0 ? a : rounded);
}

}  // namespace

void* operator new(std::size_t size) {
  if (void* p = allocate(size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  if (void* p = allocate(size)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return allocate(size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return allocate(size);
}
void* operator new(std::size_t size, std::align_val_t alignment) {
  if (void* p = allocate_aligned(size, alignment)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size, std::align_val_t alignment) {
  if (void* p = allocate_aligned(size, alignment)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return allocate_aligned(size, alignment);
}
void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return allocate_aligned(size, alignment);
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete(void* p, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept {
  std::free(p);
}

namespace {

struct Host {
  std::vector<std::string> log;  // the host function "log" allocates here
  int32_t calls = 0;
};

constexpr const char* kApp = R"((module
  (import "host" "add" (func $add (param i32 i32) (result i32)))
  (import "host" "log" (func $log (param i32)))
  (type $unary (func (param i32) (result i32)))
  (memory (export "mem") 1 100)
  (table (export "tab") 4 1000 funcref)
  (global $counter (mut i32) (i32.const 0))
  (elem (i32.const 0) $double $add_one)
  (func $double (export "double") (type $unary) (i32.mul (local.get 0) (i32.const 2)))
  (func $add_one (type $unary) (call $add (local.get 0) (i32.const 1)))
  (func (export "call_host") (param i32) (result i32)
    (call $log (local.get 0))
    (call $add (local.get 0) (local.get 0)))
  (func (export "indirect") (param i32 i32) (result i32)
    (call_indirect (type $unary) (local.get 1) (local.get 0)))
  (func (export "grow_memory") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "grow_table") (param i32) (result i32) (table.grow (ref.null func) (local.get 0)))
  (func (export "two") (param i32) (result i32 i64)
    (local.get 0) (i64.extend_i32_s (local.get 0)))
  (data (i32.const 0) "hello")
))";

// A module without imports, to check that a store still works.
constexpr const char* kProbe = R"((module
  (func (export "answer") (result i32) (i32.const 42))
))";

// `log_type` is taken by value so that a sweep can hand over one it made before failing.
void define_host(weft::Linker<Host>& linker,
                 weft::FuncType log_type = weft::FuncType({weft::ValType::i32()}, {})) {
  linker.func_wrap("host", "add", [](weft::Caller<Host>& caller, int32_t a, int32_t b) {
    ++caller.data().calls;
    return a + b;
  });
  linker.func_new("host", "log", std::move(log_type),
                  [](weft::Caller<Host>& caller, std::span<const weft::Val> args,
                     std::span<weft::Val>) -> weft::Result<void> {
                    caller.data().log.push_back("logged value " + std::to_string(args[0].i32()));
                    return {};
                  });
}

// What a sweep saw: how many runs failed with OutOfMemory, how many succeeded although an
// allocation failed (it was optional), and the allocations of the run that reached no failure.
struct SweepCounts {
  uint64_t out_of_memory = 0;
  uint64_t tolerated = 0;
  uint64_t allocations = 0;
};

// Runs `op` with its n-th allocation failing for n = 1, 2, ... until a run does not reach the
// failure; after each failing run calls `check_store`. `op` returns a Result.
template <typename Op, typename Check>
SweepCounts sweep(const char* name, Op op, Check check_store) {
  SweepCounts counts;
  constexpr uint64_t kMaxRuns = 200'000;
  for (uint64_t n = 1; n < kMaxRuns; ++n) {
    weft::testing::fail_allocation_after(n);
    auto result = op();
    weft::testing::stop_failing_allocations();
    const bool failed = weft::testing::allocation_failed();
    if (!failed) {
      EXPECT_TRUE(result) << name
                          << ": the run without failures failed: " << result.error().to_string();
      counts.allocations = weft::testing::allocation_count();
      std::printf(
          "[ sweep    ] %-32s %6llu runs: %llu out of memory, %llu tolerated, %llu allocations\n",
          name, static_cast<unsigned long long>(n - 1),
          static_cast<unsigned long long>(counts.out_of_memory),
          static_cast<unsigned long long>(counts.tolerated),
          static_cast<unsigned long long>(counts.allocations));
      return counts;
    }
    if (result) {
      ++counts.tolerated;
    } else {
      ++counts.out_of_memory;
      EXPECT_EQ(result.error().kind, weft::ErrorKind::OutOfMemory)
          << name << ", allocation " << n << " failing: " << result.error().to_string();
    }
    check_store();
    if (::testing::Test::HasFailure()) break;
  }
  ADD_FAILURE() << name << ": no run completed";
  return counts;
}

class OutOfMemory : public ::testing::Test {
 protected:
  void SetUp() override {
    weft::Result<weft::Module> app = weft::Module::from_text(engine_, kApp);
    ASSERT_TRUE(app) << app.error().to_string();
    app_.emplace(std::move(*app));
    weft::Result<weft::Module> probe = weft::Module::from_text(engine_, kProbe);
    ASSERT_TRUE(probe) << probe.error().to_string();
    probe_.emplace(std::move(*probe));
    define_host(linker_);
  }

  // The store works: a fresh instance answers, and so do the app's instances.
  void expect_store_works() {
    weft::Result<weft::Instance> probe = weft::Linker<Host>(engine_).instantiate(store_, *probe_);
    ASSERT_TRUE(probe) << probe.error().to_string();
    auto answer = probe->get_typed_func<int32_t()>(store_, "answer");
    ASSERT_TRUE(answer);
    weft::Result<int32_t> value = answer->call(store_);
    ASSERT_TRUE(value) << value.error().to_string();
    EXPECT_EQ(*value, 42);
    if (app_instance_.raw() != nullptr) {
      auto call_host = app_instance_.get_typed_func<int32_t(int32_t)>(store_, "call_host");
      ASSERT_TRUE(call_host);
      weft::Result<int32_t> doubled = call_host->call(store_, 21);
      ASSERT_TRUE(doubled) << doubled.error().to_string();
      EXPECT_EQ(*doubled, 42);
    }
  }

  void instantiate_app() {
    weft::Result<weft::Instance> instance = linker_.instantiate(store_, *app_);
    ASSERT_TRUE(instance) << instance.error().to_string();
    app_instance_ = *instance;
  }

  weft::Engine engine_;
  std::optional<weft::Module> app_;
  std::optional<weft::Module> probe_;
  weft::Linker<Host> linker_{engine_};
  weft::Store<Host> store_{engine_, Host{}};
  weft::Instance app_instance_;
};

TEST_F(OutOfMemory, CompilingFromTextReportsOutOfMemory) {
  const SweepCounts counts = sweep(
      "Module::from_text", [&] { return weft::Module::from_text(engine_, kApp); },
      [&] { expect_store_works(); });
  EXPECT_GT(counts.out_of_memory, 0u);
}

TEST_F(OutOfMemory, CompilingFromBinaryReportsOutOfMemory) {
  weft::Result<weft::ir::Module> parsed = weft::text::parse_wat(kApp);
  ASSERT_TRUE(parsed);
  const std::vector<uint8_t> bytes = weft::binary::encode_module(*parsed);
  const SweepCounts counts = sweep(
      "Module::from_binary", [&] { return weft::Module::from_binary(engine_, bytes); },
      [&] { expect_store_works(); });
  EXPECT_GT(counts.out_of_memory, 0u);
}

TEST_F(OutOfMemory, DefiningHostFunctionsReportsOutOfMemoryAtInstantiatePre) {
  // The FuncType handed to func_new is the caller's allocation, made before each run.
  std::vector<weft::FuncType> log_types(1000, weft::FuncType({weft::ValType::i32()}, {}));
  size_t run = 0;
  const SweepCounts counts = sweep(
      "Linker::func_wrap/func_new",
      [&] {
        weft::Linker<Host> linker(engine_);
        define_host(linker, std::move(log_types.at(run++)));
        weft::testing::stop_failing_allocations();  // the report is what is under test
        return linker.instantiate_pre(*app_);
      },
      [&] { expect_store_works(); });
  EXPECT_GT(counts.out_of_memory, 0u);
}

TEST_F(OutOfMemory, InstantiatePreReportsOutOfMemory) {
  const SweepCounts counts = sweep(
      "Linker::instantiate_pre", [&] { return linker_.instantiate_pre(*app_); },
      [&] { expect_store_works(); });
  EXPECT_GT(counts.out_of_memory, 0u);
}

TEST_F(OutOfMemory, InstantiateLeavesTheStoreUsable) {
  weft::Result<weft::InstancePre<Host>> pre = linker_.instantiate_pre(*app_);
  ASSERT_TRUE(pre) << pre.error().to_string();
  const SweepCounts counts = sweep(
      "InstancePre::instantiate", [&] { return pre->instantiate(store_); },
      [&] { expect_store_works(); });
  EXPECT_GT(counts.out_of_memory, 0u);
  // Instances that failed halfway stay in the store; a complete one still works next to them.
  instantiate_app();
  expect_store_works();
}

TEST_F(OutOfMemory, WrappingHostFunctionsReportsOutOfMemory) {
  instantiate_app();
  const SweepCounts counts = sweep(
      "Func::try_wrap",
      [&] {
        return weft::Func::try_wrap(store_, [](weft::Caller<Host>& caller, int32_t x) {
          ++caller.data().calls;
          return x + 1;
        });
      },
      [&] { expect_store_works(); });
  EXPECT_GT(counts.out_of_memory, 0u);
}

TEST_F(OutOfMemory, GrowingFromTheHostReportsOutOfMemory) {
  instantiate_app();
  weft::Table table = *app_instance_.get_table(store_, "tab");
  const SweepCounts table_counts = sweep(
      "Table::grow (host)",
      [&] { return table.grow(store_, 100, weft::Val::from_funcref(weft::Func())); },
      [&] { expect_store_works(); });
  EXPECT_GT(table_counts.out_of_memory, 0u);
  weft::Memory memory = *app_instance_.get_memory(store_, "mem");
  sweep(
      "Memory::grow (host)", [&] { return memory.grow(store_, 1); }, [&] { expect_store_works(); });
  EXPECT_EQ(memory.size(store_), 2u);
}

TEST_F(OutOfMemory, GrowingFromWasmFailsAsTheInstructionsSay) {
  instantiate_app();
  auto grow_table = *app_instance_.get_typed_func<int32_t(int32_t)>(store_, "grow_table");
  auto grow_memory = *app_instance_.get_typed_func<int32_t(int32_t)>(store_, "grow_memory");
  // table.grow returns -1 when memory runs out, which is a success of the call.
  uint64_t minus_one = 0;
  sweep(
      "table.grow (wasm)",
      [&] {
        weft::Result<int32_t> r = grow_table.call(store_, 100);
        if (r && *r == -1) ++minus_one;
        return r;
      },
      [&] { expect_store_works(); });
  EXPECT_GT(minus_one, 0u);
  sweep(
      "memory.grow (wasm)", [&] { return grow_memory.call(store_, 1); },
      [&] { expect_store_works(); });
}

TEST_F(OutOfMemory, CallsReportOutOfMemory) {
  instantiate_app();
  weft::Func indirect = *app_instance_.get_func(store_, "indirect");
  sweep(
      "Func::call",
      [&] {
        const weft::Val args[2] = {weft::Val(int32_t{1}), weft::Val(int32_t{20})};
        weft::Val results[1];
        return indirect.call(store_, args, results);
      },
      [&] { expect_store_works(); });
  auto two = *app_instance_.get_typed_func<std::tuple<int32_t, int64_t>(int32_t)>(store_, "two");
  sweep(
      "TypedFunc::call", [&] { return two.call(store_, 7); }, [&] { expect_store_works(); });
}

TEST_F(OutOfMemory, CallsWithLongSignaturesReportOutOfMemory) {
  // Past the buffers kept on the stack, Func::call and the host-function bridge allocate.
  weft::Result<weft::Module> wide = weft::Module::from_text(engine_, R"((module
    (func (export "wide") (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32
                                 i32) (result i32)
      (local.get 16))
  ))");
  ASSERT_TRUE(wide) << wide.error().to_string();
  weft::Result<weft::Instance> instance = weft::Linker<Host>(engine_).instantiate(store_, *wide);
  ASSERT_TRUE(instance);
  weft::Func wasm_wide = *instance->get_func(store_, "wide");
  std::vector<weft::Val> args(17, weft::Val(int32_t{3}));
  const SweepCounts wasm_counts = sweep(
      "Func::call (17 parameters)",
      [&] {
        weft::Val results[1];
        return wasm_wide.call(store_, args, results);
      },
      [&] { expect_store_works(); });
  EXPECT_GT(wasm_counts.out_of_memory, 0u);
  weft::Func host_wide =
      weft::Func::wrap(store_, [](int32_t a, int32_t, int32_t, int32_t, int32_t, int32_t, int32_t,
                                  int32_t, int32_t i) { return a + i; });
  ASSERT_TRUE(host_wide);
  const SweepCounts host_counts = sweep(
      "host function (9 parameters)",
      [&] {
        weft::Val results[1];
        return host_wide.call(store_, std::span<const weft::Val>(args.data(), 9), results);
      },
      [&] { expect_store_works(); });
  EXPECT_GT(host_counts.out_of_memory, 0u);
}

TEST_F(OutOfMemory, HostFunctionsCalledFromWasmReportOutOfMemory) {
  instantiate_app();
  auto call_host = *app_instance_.get_typed_func<int32_t(int32_t)>(store_, "call_host");
  const SweepCounts counts = sweep(
      "host function called from wasm", [&] { return call_host.call(store_, 5); },
      [&] { expect_store_works(); });
  // The host function "log" allocates; its std::bad_alloc came back as an error value.
  EXPECT_GT(counts.out_of_memory, 0u);
}

TEST_F(OutOfMemory, GetTypedFuncReportsOutOfMemory) {
  instantiate_app();
  sweep(
      "Instance::get_typed_func",
      [&] { return app_instance_.get_typed_func<int32_t(int32_t)>(store_, "double"); },
      [&] { expect_store_works(); });
}

TEST(AllocationFailureHook, CountsOnlyTheArmedThread) {
  weft::testing::fail_allocation_after(0);
  auto* p = new int(1);
  delete p;
  std::thread other([] {
    auto* q = new int(2);
    delete q;
  });
  other.join();
  weft::testing::stop_failing_allocations();
  EXPECT_GE(weft::testing::allocation_count(), 1u);
  EXPECT_LT(weft::testing::allocation_count(), 3u);  // std::thread may allocate its state
}

}  // namespace
