// Modules from binary bytes and from files, and dynamically typed calls through Func.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "weft/weft.hpp"

namespace {

// (module (func (export "f") (result i32) (i32.const 42)))
constexpr uint8_t kAnswerWasm[] = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01,
                                   0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, 0x03, 0x02, 0x01,
                                   0x00, 0x07, 0x05, 0x01, 0x01, 'f',  0x00, 0x00, 0x0a,
                                   0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b};

int32_t call_f(const weft::Engine& engine, const weft::Module& module) {
  weft::Store<int> store(engine, 0);
  auto instance = weft::Linker<int>(engine).instantiate(store, module);
  if (!instance) return -1;
  auto f = instance->get_typed_func<int32_t()>(store, "f");
  if (!f) return -1;
  weft::Result<int32_t> out = f->call(store);
  return out ? *out : -1;
}

TEST(ModuleSources, FromBinaryBytes) {
  weft::Engine engine;
  auto module = weft::Module::from_binary(engine, kAnswerWasm);
  ASSERT_TRUE(module) << module.error().to_string();
  EXPECT_EQ(call_f(engine, *module), 42);
}

TEST(ModuleSources, FromBinaryAndTextFiles) {
  weft::Engine engine;
  const std::string wasm_path = testing::TempDir() + "weft_api_answer.wasm";
  const std::string wat_path = testing::TempDir() + "weft_api_answer.wat";
  FILE* f = std::fopen(wasm_path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::fwrite(kAnswerWasm, 1, sizeof kAnswerWasm, f);
  std::fclose(f);
  f = std::fopen(wat_path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::fputs("(module (func (export \"f\") (result i32) (i32.const 42)))", f);
  std::fclose(f);

  auto from_wasm = weft::Module::from_file(engine, wasm_path);
  ASSERT_TRUE(from_wasm) << from_wasm.error().to_string();
  EXPECT_EQ(call_f(engine, *from_wasm), 42);
  auto from_wat = weft::Module::from_file(engine, wat_path);
  ASSERT_TRUE(from_wat) << from_wat.error().to_string();
  EXPECT_EQ(call_f(engine, *from_wat), 42);
  std::remove(wasm_path.c_str());
  std::remove(wat_path.c_str());
}

TEST(ModuleSources, ExplicitBoundsChecksTrapOutOfBounds) {
  weft::Config config;
  config.explicit_bounds_checks(true);
  weft::Engine engine(config);
  auto module = weft::Module::from_text(engine, R"((module
    (memory 1)
    (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  ))");
  ASSERT_TRUE(module);
  weft::Store<int> store(engine, 0);
  auto instance = weft::Linker<int>(engine).instantiate(store, *module);
  ASSERT_TRUE(instance);
  auto load = instance->get_typed_func<int32_t(int32_t)>(store, "load");
  ASSERT_TRUE(load);
  EXPECT_EQ(*load->call(store, 0), 0);
  weft::Result<int32_t> out = load->call(store, 65536);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().message, "out of bounds memory access");
}

TEST(DynamicCalls, FuncCallChecksArgumentsAndReturnsResults) {
  weft::Engine engine;
  auto module = weft::Module::from_text(engine, R"((module
    (func (export "swap") (param i64 f32) (result f32 i64) (local.get 1) (local.get 0))
  ))");
  ASSERT_TRUE(module) << module.error().to_string();
  weft::Store<int> store(engine, 0);
  auto instance = weft::Linker<int>(engine).instantiate(store, *module);
  ASSERT_TRUE(instance);
  std::optional<weft::Func> swap = instance->get_func(store, "swap");
  ASSERT_TRUE(swap);
  EXPECT_EQ(swap->type(store).results.size(), 2u);

  const weft::Val args[] = {weft::Val(int64_t{-5}), weft::Val(2.5f)};
  weft::Val results[2];
  ASSERT_TRUE(swap->call(store, args, results));
  EXPECT_EQ(results[0].f32(), 2.5f);
  EXPECT_EQ(results[1].i64(), -5);

  const weft::Val wrong[] = {weft::Val(int32_t{1}), weft::Val(2.5f)};
  EXPECT_FALSE(swap->call(store, wrong, results));
  EXPECT_FALSE(swap->call(store, std::span<const weft::Val>(args, 1), results));
}

TEST(DynamicCalls, HostFunctionErrorFromADirectCall) {
  weft::Engine engine;
  weft::Store<int> store(engine, 0);
  weft::Func failing = weft::Func::wrap(store, [](int32_t) -> weft::Result<void> {
    return weft::Error{weft::ErrorKind::Other, "refused"};
  });
  const weft::Val args[] = {weft::Val(int32_t{1})};
  weft::Result<void> out = failing.call(store, args, {});
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().message, "refused");
}

TEST(DynamicCalls, HostFunctionReentersWasmThroughItsCaller) {
  weft::Engine engine;
  auto module = weft::Module::from_text(engine, R"((module
    (import "env" "twice_via_wasm" (func $host (param i32) (result i32)))
    (func (export "double") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
    (func (export "run") (param i32) (result i32) (i32.add (call $host (local.get 0)) (i32.const 1)))
  ))");
  ASSERT_TRUE(module) << module.error().to_string();
  weft::Linker<int> linker(engine);
  linker.func_wrap("env", "twice_via_wasm",
                   [](weft::Caller<int>& caller, int32_t x) -> weft::Result<int32_t> {
                     std::optional<weft::Extern> dbl = caller.get_export("double");
                     if (!dbl) return weft::Error{weft::ErrorKind::Other, "no double"};
                     const weft::Val args[] = {weft::Val(x)};
                     weft::Val results[1];
                     weft::Result<void> done = dbl->func.call(caller, args, results);
                     if (!done) return std::move(done).error();
                     return results[0].i32();
                   });
  weft::Store<int> store(engine, 0);
  auto instance = linker.instantiate(store, *module);
  ASSERT_TRUE(instance) << instance.error().to_string();
  EXPECT_EQ(*instance->get_typed_func<int32_t(int32_t)>(store, "run")->call(store, 20), 41);
}

TEST(DynamicCalls, WrappedFunctionWithCallerMutatesStoreData) {
  weft::Engine engine;
  weft::Store<int> store(engine, 1);
  weft::Func add_to_data = weft::Func::wrap(store, [](weft::Caller<int>& caller, int32_t x) {
    caller.data() += x;
    return caller.data();
  });
  auto typed = weft::TypedFunc<int32_t(int32_t)>::from(store, add_to_data);
  ASSERT_TRUE(typed);
  EXPECT_EQ(*typed->call(store, 4), 5);
  EXPECT_EQ(store.data(), 5);
}

}  // namespace
