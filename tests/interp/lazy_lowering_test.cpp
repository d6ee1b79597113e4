// Lazy lowering (interp::Config::lazy_lowering): a function is lowered on its first call, by
// whichever entry reaches it first (the host, a direct call, a call through a table), with the
// same results as lowering everything up front, also when two threads get there at once.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string_view>
#include <thread>
#include <vector>

#include "compile/lower.hpp"
#include "interp/interpreter.hpp"
#include "runtime/instance.hpp"
#include "runtime/store.hpp"
#include "text/wat_parser.hpp"
#include "validate/validator.hpp"

namespace weft {
namespace {

struct Compiled {
  std::shared_ptr<const ir::Module> module;
  std::shared_ptr<compile::ModuleCode> code;
};

Compiled compile(std::string_view wat, bool lazy) {
  Result<ir::Module> parsed = text::parse_wat(wat);
  EXPECT_TRUE(parsed) << parsed.error().to_string();
  if (!parsed) return {};
  Result<void> valid = validate::validate_module(*parsed);
  EXPECT_TRUE(valid) << valid.error().to_string();
  auto module = std::make_shared<const ir::Module>(std::move(*parsed));
  interp::Config config;
  config.bounds = compile::BoundsChecks::Explicit;
  config.lazy_lowering = lazy;
  Result<std::shared_ptr<compile::ModuleCode>> code = interp::compile_module(*module, config);
  EXPECT_TRUE(code) << code.error().to_string();
  if (!code) return {};
  return {module, *code};
}

// A store with one instance of a compiled module, whose exports the test calls.
class Instantiated {
 public:
  explicit Instantiated(const Compiled& c) : store_(types_) {
    Result<runtime::Instance*> made =
        runtime::Instance::instantiate(store_, c.module, c.code, {}, interp::array_call);
    EXPECT_TRUE(made) << made.error().to_string();
    if (made) instance_ = *made;
  }

  runtime::TrapCode call(std::string_view name, std::vector<uint64_t> args,
                         uint64_t* result = nullptr) {
    const runtime::Extern* e = instance_->find_export(name);
    if (e == nullptr || e->kind != ir::ExternKind::Func) return runtime::TrapCode::HostError;
    std::vector<runtime::ValRaw> values(args.size() + 2);
    for (size_t i = 0; i < args.size(); ++i) values[i].i64 = args[i];
    const runtime::TrapCode trap =
        e->func->array_call(e->func, nullptr, values.data(), values.size());
    if (result != nullptr) *result = values[0].i64;
    return trap;
  }

  runtime::Instance* instance() { return instance_; }

 private:
  runtime::TypeRegistry types_;
  runtime::Store store_;
  runtime::Instance* instance_ = nullptr;
};

std::vector<bool> lowered(const compile::ModuleCode& code) {
  std::vector<bool> out;
  for (uint32_t i = 0; i < code.funcs.size(); ++i) out.push_back(compile::is_lowered(code, i));
  return out;
}

// $sum reads locals that must start at zero although the frame below held other values; $deep
// needs more temps than its parameters, so a stale frame size would go unnoticed only by luck.
constexpr std::string_view kModule = R"((module
  (type $ii (func (param i32) (result i32)))
  (table 2 funcref)
  (elem (i32.const 0) $via_table $unused)
  (func $run (export "run") (param i32) (result i32)
    (i32.add (call $sum (local.get 0))
             (call_indirect (type $ii) (local.get 0) (i32.const 0))))
  (func $sum (param i32) (result i32) (local i32 i64 i32)
    (local.set 1 (i32.add (local.get 1) (local.get 0)))
    (i32.add (local.get 1) (i32.add (local.get 3) (i32.wrap_i64 (local.get 2)))))
  (func $via_table (param i32) (result i32)
    (call $deep (local.get 0)))
  (func $deep (param i32) (result i32)
    (i32.add (local.get 0)
      (i32.add (i32.const 1)
        (i32.add (i32.const 2) (i32.add (i32.const 3) (i32.const 4))))))
  (func $unused (param i32) (result i32) unreachable)
  (func $traps (export "traps") (param i32) (result i32)
    (call $divides (local.get 0)))
  (func $divides (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
))";

TEST(LazyLowering, LowersAFunctionOnlyWhenItIsFirstCalled) {
  const Compiled c = compile(kModule, true);
  ASSERT_TRUE(c.code);
  EXPECT_EQ(lowered(*c.code), std::vector<bool>(7, false));
  Instantiated inst(c);
  uint64_t result = 0;
  ASSERT_EQ(inst.call("run", {5}, &result), runtime::TrapCode::None);
  EXPECT_EQ(static_cast<uint32_t>(result), 5u + 5u + 10u);
  // run, sum, via_table and deep ran; unused and the two of "traps" did not.
  EXPECT_EQ(lowered(*c.code), (std::vector<bool>{true, true, true, true, false, false, false}));
  // Lowered code stays: a second call gives the same answer.
  ASSERT_EQ(inst.call("run", {7}, &result), runtime::TrapCode::None);
  EXPECT_EQ(static_cast<uint32_t>(result), 7u + 7u + 10u);
}

TEST(LazyLowering, EagerLoweringLowersEveryFunctionUpFront) {
  const Compiled c = compile(kModule, false);
  ASSERT_TRUE(c.code);
  EXPECT_EQ(lowered(*c.code), std::vector<bool>(7, true));
  EXPECT_EQ(c.code->lazy, nullptr);
  Instantiated inst(c);
  uint64_t result = 0;
  ASSERT_EQ(inst.call("run", {5}, &result), runtime::TrapCode::None);
  EXPECT_EQ(static_cast<uint32_t>(result), 20u);
}

TEST(LazyLowering, ATrapInAFunctionLoweredOnItsFirstCallNamesItsFrames) {
  const Compiled c = compile(kModule, true);
  ASSERT_TRUE(c.code);
  Instantiated inst(c);
  const runtime::Extern* e = inst.instance()->find_export("traps");
  ASSERT_NE(e, nullptr);
  std::vector<runtime::ValRaw> values(2);
  values[0].i32 = 0;
  ASSERT_EQ(e->func->array_call(e->func, nullptr, values.data(), values.size()),
            runtime::TrapCode::IntegerDivideByZero);
  const std::span<const interp::TraceFrame> trace = interp::take_trap_trace(e->func);
  ASSERT_EQ(trace.size(), 2u);
  // Innermost first: the trap's pc is in $divides' lowered body, the call's resume pc in $traps'.
  const compile::ModuleCode& code = *c.code;
  const auto in_body = [&](const void* where, uint32_t index) {
    const auto* p = static_cast<const compile::Cell*>(where);
    const std::vector<compile::Cell>& body = code.bodies[index];
    return p >= body.data() && p <= body.data() + body.size();
  };
  EXPECT_FALSE(trace[0].is_func);
  EXPECT_TRUE(in_body(trace[0].where, 6));
  EXPECT_TRUE(in_body(trace[1].where, 5));
}

// Many fresh modules, each first called from two threads at once (separate stores sharing the
// module's code): both get the right answers, and every function is lowered exactly once.
TEST(LazyLowering, TwoThreadsCallingANeverCalledFunctionAtOnceAgree) {
  constexpr int kRounds = 50;
  for (int round = 0; round < kRounds; ++round) {
    const Compiled c = compile(kModule, true);
    ASSERT_TRUE(c.code);
    Instantiated a(c), b(c);
    std::atomic<int> ready{0};
    uint64_t result_a = 0, result_b = 0;
    runtime::TrapCode trap_a = runtime::TrapCode::HostError, trap_b = trap_a;
    const auto run = [&](Instantiated& inst, uint64_t* result, runtime::TrapCode* trap) {
      ready.fetch_add(1);
      while (ready.load() < 2) std::this_thread::yield();
      *trap = inst.call("run", {uint64_t(round)}, result);
    };
    std::thread other([&] { run(b, &result_b, &trap_b); });
    run(a, &result_a, &trap_a);
    other.join();
    ASSERT_EQ(trap_a, runtime::TrapCode::None);
    ASSERT_EQ(trap_b, runtime::TrapCode::None);
    EXPECT_EQ(static_cast<uint32_t>(result_a), 2u * round + 10u);
    EXPECT_EQ(static_cast<uint32_t>(result_b), 2u * round + 10u);
    EXPECT_EQ(lowered(*c.code), (std::vector<bool>{true, true, true, true, false, false, false}));
  }
}

}  // namespace
}  // namespace weft
