// The store's funcref arena and module registry together (DESIGN.md, "The store and its
// function references"): funcrefs stay where they were allocated, host funcrefs wait on the
// holes list until a registered module brings a wasm-to-array trampoline for their type, and
// wasm then calls them through that trampoline.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "../interp/harness.hpp"
#include "runtime/func_refs.hpp"
#include "runtime/host_func.hpp"
#include "runtime/store.hpp"
#include "runtime/table.hpp"

namespace weft::runtime {
namespace {

using testing::Harness;

const ir::FuncType kUnary{{ir::ValType::i32()}, {ir::ValType::i32()}};

TEST(FuncRefArena, AddressesAndContentsSurviveThousandsOfLaterAllocations) {
  FuncRefArena arena;
  VMFuncRef* first = *arena.allocate();
  first->type_index = 7;
  std::vector<VMFuncRef*> refs{first};
  for (uint32_t i = 1; i < 5000; ++i) {
    Result<VMFuncRef*> r = arena.allocate();
    ASSERT_TRUE(r);
    (*r)->type_index = 7 + i;
    refs.push_back(*r);
  }
  for (uint32_t i = 0; i < refs.size(); ++i) {
    EXPECT_EQ(refs[i]->type_index, 7 + i);
    if (i > 0) {
      EXPECT_NE(refs[i], refs[i - 1]);
    }
  }
  EXPECT_EQ(refs[0], first);
  EXPECT_EQ(arena.allocated(), 5000u);
}

TEST(FuncRefHoles, HostFunctionBeforeAnyModuleIsAHole) {
  Harness h;
  int calls = 0;
  Result<VMFuncRef*> host = h.store().new_host_func(kUnary, [&](std::span<ValRaw> values) {
    ++calls;
    values[0].i32 = values[0].i32 + 100;
    return TrapCode::None;
  });
  ASSERT_TRUE(host);
  EXPECT_EQ((*host)->wasm_call, nullptr);
  EXPECT_EQ(h.store().funcrefs().holes(), 1u);
  EXPECT_EQ(h.store().modules().size(), 0u);
}

TEST(FuncRefHoles, RegisteringAModuleWithTheTypeFillsTheHoleAndWasmCallsThroughIt) {
  Harness h;
  int calls = 0;
  VMFuncRef* host = *h.store().new_host_func(kUnary, [&](std::span<ValRaw> values) {
    ++calls;
    values[0].i32 = values[0].i32 + 100;
    return TrapCode::None;
  });
  // Another type, which the module below does not have: it stays on the holes list.
  VMFuncRef* other = *h.store().new_host_func(ir::FuncType{{ir::ValType::f64()}, {}},
                                              [](std::span<ValRaw>) { return TrapCode::None; });
  ASSERT_EQ(h.store().funcrefs().holes(), 2u);

  Result<Instance*> instance = h.instantiate(R"((module
    (type $unary (func (param i32) (result i32)))
    (table (export "table") 1 funcref)
    (func (export "call_slot0") (param i32) (result i32)
      (call_indirect (type $unary) (local.get 0) (i32.const 0)))
  ))");
  ASSERT_TRUE(instance) << instance.error().to_string();
  EXPECT_EQ(h.store().modules().size(), 1u);
  const compile::CompiledFunc* trampoline = h.store().modules().trampoline(host->type_index);
  ASSERT_NE(trampoline, nullptr);
  EXPECT_EQ(host->wasm_call, trampoline);
  EXPECT_EQ((*instance)->code().trampolines.data(), trampoline);  // type index 0 of the module
  EXPECT_EQ(other->wasm_call, nullptr);
  EXPECT_EQ(h.store().funcrefs().holes(), 1u);

  Table* table = (*instance)->find_export("table")->table;
  table->set(0, reinterpret_cast<uintptr_t>(host));
  EXPECT_EQ(h.call1(*instance, "call_slot0", {5}), 105u);
  EXPECT_EQ(calls, 1);
}

TEST(FuncRefHoles, HostFunctionsMadeAfterRegistrationGetTheTrampolineAtOnce) {
  Harness h;
  ASSERT_TRUE(h.instantiate(R"((module (type (func (param i32) (result i32)))))"));
  VMFuncRef* host =
      *h.store().new_host_func(kUnary, [](std::span<ValRaw>) { return TrapCode::None; });
  EXPECT_NE(host->wasm_call, nullptr);
  EXPECT_EQ(h.store().funcrefs().holes(), 0u);
}

TEST(FuncRefHoles, ImportedHostFunctionsAreCalledThroughTheTrampolineWithTheirCaller) {
  Harness h;
  VMContext* seen_caller = nullptr;
  Result<std::shared_ptr<HostFunc>> host =
      HostFunc::create(h.store().types(), kUnary, [&](VMContext* caller, std::span<ValRaw> values) {
        seen_caller = caller;
        values[0].i32 = values[0].i32 * 3;
        return TrapCode::None;
      });
  ASSERT_TRUE(host);
  VMFuncRef* ref = *h.store().new_host_func(*host);
  Extern import;
  import.func = ref;
  Result<Instance*> instance = h.instantiate(R"((module
    (import "host" "triple" (func $triple (param i32) (result i32)))
    (func (export "run") (param i32) (result i32) (call $triple (local.get 0)))
  ))",
                                             {&import, 1});
  ASSERT_TRUE(instance) << instance.error().to_string();
  EXPECT_NE(ref->wasm_call, nullptr);
  EXPECT_EQ(h.call1(*instance, "run", {14}), 42u);
  EXPECT_EQ(seen_caller, (*instance)->vmctx());
  EXPECT_EQ(seen_caller->store, &h.store());
}

TEST(FuncRefHoles, ATrapInTheHostFunctionUnwindsThroughTheTrampoline) {
  Harness h;
  VMFuncRef* host = *h.store().new_host_func(
      kUnary, [](std::span<ValRaw>) { return TrapCode::IntegerDivideByZero; });
  Result<Instance*> instance = h.instantiate(R"((module
    (type $unary (func (param i32) (result i32)))
    (table (export "table") 1 funcref)
    (func (export "call_slot0") (param i32) (result i32)
      (i32.add (i32.const 1) (call_indirect (type $unary) (local.get 0) (i32.const 0))))
  ))");
  ASSERT_TRUE(instance);
  (*instance)->find_export("table")->table->set(0, reinterpret_cast<uintptr_t>(host));
  EXPECT_EQ(h.call(*instance, "call_slot0", {1}), TrapCode::IntegerDivideByZero);
  // The interpreter's state is intact afterwards.
  EXPECT_EQ(h.call(*instance, "call_slot0", {1}), TrapCode::IntegerDivideByZero);
}

}  // namespace
}  // namespace weft::runtime
