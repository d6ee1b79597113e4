// Backtraces: a trap, or a host error unwinding through wasm, comes back with the wasm frames it
// passed, innermost first, named from the name section where the module has one.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "api_test_support.hpp"
#include "weft/weft.hpp"

namespace {

std::vector<uint32_t> indices(const weft::Error& error) {
  std::vector<uint32_t> out;
  for (const weft::BacktraceFrame& f : error.backtrace) out.push_back(f.func_index);
  return out;
}
std::vector<std::string> names(const weft::Error& error) {
  std::vector<std::string> out;
  for (const weft::BacktraceFrame& f : error.backtrace) out.push_back(f.func_name);
  return out;
}

constexpr const char* kChain = R"((module $app
  (func $outer (export "run") (call $middle))
  (func $middle (call $inner))
  (func $inner unreachable)
))";

TEST(Backtrace, NamesAThreeDeepChainEndingInUnreachable) {
  weft_test::Instantiated t;
  ASSERT_TRUE(t.from_text(kChain));
  auto run = t.instance->get_typed_func<void()>(t.store, "run");
  ASSERT_TRUE(run);
  weft::Result<void> out = run->call(t.store);
  ASSERT_FALSE(out);
  const weft::Error& e = out.error();
  EXPECT_EQ(e.kind, weft::ErrorKind::Trap);
  EXPECT_EQ(e.trap, weft::TrapCode::Unreachable);
  EXPECT_EQ(e.message, "unreachable");
  EXPECT_EQ(indices(e), (std::vector<uint32_t>{2, 1, 0}));
  EXPECT_EQ(names(e), (std::vector<std::string>{"inner", "middle", "outer"}));
  for (const weft::BacktraceFrame& f : e.backtrace) EXPECT_EQ(f.module_name, "app");

  // The record is taken: a later successful call of another function brings no stale frames,
  // and a second trap brings the same frames again.
  out = run->call(t.store);
  ASSERT_FALSE(out);
  EXPECT_EQ(indices(out.error()), (std::vector<uint32_t>{2, 1, 0}));
}

// The same chain as a binary module without a name section.
const uint8_t kChainBinary[] = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,        // header
    0x01, 0x04, 0x01, 0x60, 0x00, 0x00,                    // type 0: [] -> []
    0x03, 0x04, 0x03, 0x00, 0x00, 0x00,                    // three functions of type 0
    0x07, 0x07, 0x01, 0x03, 'r',  'u',  'n',  0x00, 0x00,  // export "run" = func 0
    0x0a, 0x0f, 0x03,                                      // code: three bodies
    0x04, 0x00, 0x10, 0x01, 0x0b,                          // func 0: call 1
    0x04, 0x00, 0x10, 0x02, 0x0b,                          // func 1: call 2
    0x03, 0x00, 0x00, 0x0b,                                // func 2: unreachable
};

TEST(Backtrace, GivesIndicesWithoutANameSection) {
  weft_test::Instantiated t;
  ASSERT_TRUE(t.from_binary(kChainBinary));
  auto run = t.instance->get_typed_func<void()>(t.store, "run");
  ASSERT_TRUE(run);
  weft::Result<void> out = run->call(t.store);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().trap, weft::TrapCode::Unreachable);
  EXPECT_EQ(indices(out.error()), (std::vector<uint32_t>{2, 1, 0}));
  for (const weft::BacktraceFrame& f : out.error().backtrace) {
    EXPECT_EQ(f.func_name, "");
    EXPECT_EQ(f.module_name, "");
  }
}

TEST(Backtrace, AHostErrorGetsTheFramesItUnwound) {
  weft_test::Instantiated t;
  t.linker.func_wrap("env", "fail", []() -> weft::Result<void> {
    return weft::Error{weft::ErrorKind::Other, "boom"};
  });
  ASSERT_TRUE(t.from_text(R"((module
    (import "env" "fail" (func $fail))
    (func $a (export "run") (call $b))
    (func $b (call $fail))
  ))"));
  auto run = t.instance->get_typed_func<void()>(t.store, "run");
  ASSERT_TRUE(run);
  weft::Result<void> out = run->call(t.store);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().kind, weft::ErrorKind::Other);
  EXPECT_EQ(out.error().message, "boom");
  // Imported functions come first in the index space.
  EXPECT_EQ(indices(out.error()), (std::vector<uint32_t>{2, 1}));
  EXPECT_EQ(names(out.error()), (std::vector<std::string>{"b", "a"}));
}

TEST(Backtrace, ATrapInANestedCallKeepsItsFramesAndGetsTheOuterOnes) {
  weft_test::BasicInstantiated<weft::Instance> t;
  t.linker.func_wrap("env", "reenter",
                     [](weft::Caller<weft::Instance>& caller) -> weft::Result<void> {
                       auto crash = caller.data().get_typed_func<void()>(caller, "crash");
                       if (!crash) return crash.error();
                       weft::Result<void> inner = crash->call(caller);
                       EXPECT_FALSE(inner);
                       if (inner) return {};
                       EXPECT_EQ(names(inner.error()), std::vector<std::string>{"crash"});
                       return inner;
                     });
  ASSERT_TRUE(t.from_text(R"((module
    (import "env" "reenter" (func $reenter))
    (func $crash (export "crash") (unreachable))
    (func $entry (export "run") (call $reenter))
  ))"));
  t.store.data() = *t.instance;
  auto run = t.instance->get_typed_func<void()>(t.store, "run");
  ASSERT_TRUE(run);
  weft::Result<void> out = run->call(t.store);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().trap, weft::TrapCode::Unreachable);
  EXPECT_EQ(names(out.error()), (std::vector<std::string>{"crash", "entry"}));
}

constexpr const char* kOutOfBounds = R"((module
  (memory 1)
  (func $load (param i32) (result i32) (i32.load (local.get 0)))
  (func $run (export "run") (result i32) (call $load (i32.const 70000)))
  (type $t (func (param i32) (result i32)))
  (table 1 funcref)
  (elem (i32.const 0) $load)
  (func $indirect (export "indirect") (result i32)
    (call_indirect (type $t) (i32.const 70000) (i32.const 0)))
))";

void check_out_of_bounds_frames(const weft::Config& config, bool exact_indirect) {
  weft_test::Instantiated t(config);
  ASSERT_TRUE(t.from_text(kOutOfBounds));
  auto run = t.instance->get_typed_func<int32_t()>(t.store, "run");
  ASSERT_TRUE(run);
  weft::Result<int32_t> out = run->call(t.store);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().trap, weft::TrapCode::MemoryOutOfBounds);
  EXPECT_EQ(names(out.error()), (std::vector<std::string>{"load", "run"}));

  auto indirect = t.instance->get_typed_func<int32_t()>(t.store, "indirect");
  ASSERT_TRUE(indirect);
  out = indirect->call(t.store);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().trap, weft::TrapCode::MemoryOutOfBounds);
  if (exact_indirect) {
    EXPECT_EQ(names(out.error()), (std::vector<std::string>{"load", "indirect"}));
  } else {
    // A guard-page fault leaves no pc: the callee of an indirect call is not known.
    ASSERT_FALSE(out.error().backtrace.empty());
    EXPECT_EQ(out.error().backtrace.back().func_name, "indirect");
  }
}

TEST(Backtrace, OutOfBoundsWithExplicitChecks) {
  check_out_of_bounds_frames(weft::Config().explicit_bounds_checks(true), true);
}

TEST(Backtrace, OutOfBoundsWithGuardPages) {
  check_out_of_bounds_frames(weft::Config(), false);
}

TEST(Backtrace, AStartFunctionTrapFailsInstantiationWithItsFrames) {
  weft::Engine engine;
  auto module = weft::Module::from_text(engine, R"((module
    (func $helper (unreachable))
    (func $init (call $helper))
    (start $init)
  ))");
  ASSERT_TRUE(module) << module.error().to_string();
  weft::Store<int> store(engine, 0);
  weft::Linker<int> linker(engine);
  auto instance = linker.instantiate(store, *module);
  ASSERT_FALSE(instance);
  EXPECT_EQ(instance.error().kind, weft::ErrorKind::Trap);
  EXPECT_EQ(instance.error().trap, weft::TrapCode::Unreachable);
  EXPECT_EQ(names(instance.error()), (std::vector<std::string>{"helper", "init"}));
}

TEST(Backtrace, DeepRecursionKeepsTheInnermostFrames) {
  weft_test::Instantiated t;
  ASSERT_TRUE(t.from_text(R"((module
    (func $rec (export "run") (call $rec))
  ))"));
  auto run = t.instance->get_typed_func<void()>(t.store, "run");
  ASSERT_TRUE(run);
  weft::Result<void> out = run->call(t.store);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().trap, weft::TrapCode::CallStackExhausted);
  ASSERT_GE(out.error().backtrace.size(), 100u);
  EXPECT_LE(out.error().backtrace.size(), 1000u);
  for (const weft::BacktraceFrame& f : out.error().backtrace) EXPECT_EQ(f.func_name, "rec");
}

TEST(Backtrace, OtherErrorsHaveNone) {
  weft_test::Instantiated t;
  ASSERT_TRUE(t.from_text(R"((module
    (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))))"));
  auto add = t.instance->get_func(t.store, "add");
  ASSERT_TRUE(add);
  weft::Val args[] = {weft::Val(int32_t{1})};
  weft::Val results[1];
  weft::Result<void> out = add->call(t.store, args, results);  // one argument short
  ASSERT_FALSE(out);
  EXPECT_TRUE(out.error().backtrace.empty());
  EXPECT_EQ(out.error().trap, weft::TrapCode::None);
}

}  // namespace
