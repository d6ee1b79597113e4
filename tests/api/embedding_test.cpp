// The embedding API end to end: modules from text, host functions, typed and dynamic calls,
// traps and host errors as values, memories, globals, tables, linking and InstancePre.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "api_test_support.hpp"
#include "weft/weft.hpp"

namespace {

struct Host {
  int32_t logged_sum = 0;
  std::vector<int32_t> logged;
};

constexpr const char* kApp = R"((module
  (import "env" "add" (func $add (param i32 i32) (result i32)))
  (import "env" "log" (func $log (param i32)))
  (func (export "run") (param i32 i32) (result i32)
    (local $r i32)
    (local.set $r (call $add (local.get 0) (local.get 1)))
    (call $log (local.get $r))
    (local.get $r))
))";

TEST(Embedding, TargetProgramShapeCallsHostFunctionsFromWasm) {
  weft::Config config;
  weft::Engine engine(config);
  weft::Result<weft::Module> module = weft::Module::from_text(engine, kApp);
  ASSERT_TRUE(module) << module.error().to_string();
  weft::Store<Host> store(engine, Host{});
  weft::Linker<Host> linker(engine);
  linker.func_wrap("env", "add", [](weft::Caller<Host>&, int32_t a, int32_t b) { return a + b; });
  linker.func_new("env", "log", weft::FuncType({weft::ValType::i32()}, {}),
                  [](weft::Caller<Host>& caller, std::span<const weft::Val> args,
                     std::span<weft::Val>) -> weft::Result<void> {
                    caller.data().logged.push_back(args[0].i32());
                    return {};
                  });
  weft::Result<weft::InstancePre<Host>> pre = linker.instantiate_pre(*module);
  ASSERT_TRUE(pre) << pre.error().to_string();
  weft::Result<weft::Instance> instance = pre->instantiate(store);
  ASSERT_TRUE(instance) << instance.error().to_string();
  auto run = instance->get_typed_func<int32_t(int32_t, int32_t)>(store, "run");
  ASSERT_TRUE(run) << run.error().to_string();
  weft::Result<int32_t> out = run->call(store, 1, 2);
  ASSERT_TRUE(out) << out.error().to_string();
  EXPECT_EQ(*out, 3);
  EXPECT_EQ(store.data().logged, std::vector<int32_t>{3});

  weft::Func twice = weft::Func::wrap(store, [](int32_t x) { return 2 * x; });
  ASSERT_TRUE(twice);
  weft::Val args[] = {weft::Val(int32_t{21})};
  weft::Val results[1];
  ASSERT_TRUE(twice.call(store, args, results));
  EXPECT_EQ(results[0].i32(), 42);
}

TEST(Embedding, TypedCallsWithSeveralSignatures) {
  weft_test::Instantiated t;
  ASSERT_TRUE(t.from_text(R"((module
    (func (export "nothing"))
    (func (export "i64_add") (param i64 i64) (result i64) (i64.add (local.get 0) (local.get 1)))
    (func (export "f32_mul") (param f32 f32) (result f32) (f32.mul (local.get 0) (local.get 1)))
    (func (export "f64_mix") (param i32 f64) (result f64)
      (f64.add (f64.convert_i32_s (local.get 0)) (local.get 1)))
    (func (export "answer") (result i32) (i32.const 42))
  ))"));

  auto nothing = t.instance->get_typed_func<void()>(t.store, "nothing");
  ASSERT_TRUE(nothing);
  EXPECT_TRUE(nothing->call(t.store));
  auto i64_add = t.instance->get_typed_func<int64_t(int64_t, int64_t)>(t.store, "i64_add");
  ASSERT_TRUE(i64_add);
  EXPECT_EQ(*i64_add->call(t.store, int64_t{1} << 40, 5), (int64_t{1} << 40) + 5);
  auto f32_mul = t.instance->get_typed_func<float(float, float)>(t.store, "f32_mul");
  ASSERT_TRUE(f32_mul);
  EXPECT_EQ(*f32_mul->call(t.store, 1.5f, 4.0f), 6.0f);
  auto f64_mix = t.instance->get_typed_func<double(int32_t, double)>(t.store, "f64_mix");
  ASSERT_TRUE(f64_mix);
  EXPECT_EQ(*f64_mix->call(t.store, -2, 0.25), -1.75);
  auto answer = t.instance->get_typed_func<uint32_t()>(t.store, "answer");
  ASSERT_TRUE(answer);
  EXPECT_EQ(*answer->call(t.store), 42u);

  // A signature that does not match is an error, not a call.
  auto wrong = t.instance->get_typed_func<int32_t(int32_t)>(t.store, "i64_add");
  EXPECT_FALSE(wrong);
  EXPECT_FALSE(t.instance->get_typed_func<void()>(t.store, "missing"));
}

TEST(Embedding, TrapsComeBackAsErrorValues) {
  weft_test::Instantiated t;
  ASSERT_TRUE(t.from_text(R"((module
    (func (export "boom") unreachable)
    (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  ))"));

  auto boom = t.instance->get_typed_func<void()>(t.store, "boom");
  ASSERT_TRUE(boom);
  weft::Result<void> trapped = boom->call(t.store);
  ASSERT_FALSE(trapped);
  EXPECT_EQ(trapped.error().kind, weft::ErrorKind::Trap);
  EXPECT_EQ(trapped.error().message, "unreachable");

  auto div = t.instance->get_typed_func<int32_t(int32_t, int32_t)>(t.store, "div");
  ASSERT_TRUE(div);
  weft::Result<int32_t> by_zero = div->call(t.store, 1, 0);
  ASSERT_FALSE(by_zero);
  EXPECT_EQ(by_zero.error().kind, weft::ErrorKind::Trap);
  EXPECT_EQ(by_zero.error().message, "integer divide by zero");
  // The store stays usable after a trap.
  EXPECT_EQ(*div->call(t.store, 7, 2), 3);
}

TEST(Embedding, HostErrorUnwindsThroughWasm) {
  weft::Engine engine;
  auto module = weft::Module::from_text(engine, R"((module
    (import "env" "fail" (func $fail (param i32) (result i32)))
    (func (export "run") (param i32) (result i32)
      (i32.add (call $fail (local.get 0)) (i32.const 1000)))
  ))");
  ASSERT_TRUE(module) << module.error().to_string();
  weft::Store<int> store(engine, 0);
  weft::Linker<int> linker(engine);
  linker.func_wrap("env", "fail",
                   [](weft::Caller<int>& caller, int32_t x) -> weft::Result<int32_t> {
                     ++caller.data();
                     if (x < 0) return weft::Error{weft::ErrorKind::Other, "negative input"};
                     return x;
                   });
  auto instance = linker.instantiate(store, *module);
  ASSERT_TRUE(instance) << instance.error().to_string();
  auto run = instance->get_typed_func<int32_t(int32_t)>(store, "run");
  ASSERT_TRUE(run);
  EXPECT_EQ(*run->call(store, 5), 1005);
  weft::Result<int32_t> failed = run->call(store, -1);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().message, "negative input");
  EXPECT_EQ(store.data(), 2);
}

TEST(Embedding, MemoryReadWriteAndGrowFromTheHost) {
  weft_test::Instantiated t;
  ASSERT_TRUE(t.from_text(R"((module
    (memory (export "mem") 1 3)
    (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
    (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  ))"));
  std::optional<weft::Memory> memory = t.instance->get_memory(t.store, "mem");
  ASSERT_TRUE(memory);
  EXPECT_EQ(memory->size(t.store), 1u);
  EXPECT_EQ(memory->data(t.store).size(), 65536u);

  memory->data(t.store)[8] = 0x2a;
  EXPECT_EQ(*t.instance->get_typed_func<int32_t(int32_t)>(t.store, "load")->call(t.store, 8), 0x2a);
  ASSERT_TRUE(t.instance->get_typed_func<void(int32_t, int32_t)>(t.store, "store")
                  ->call(t.store, 16, 0x01020304));
  EXPECT_EQ(memory->data(t.store)[16], 0x04);
  EXPECT_EQ(memory->data(t.store)[19], 0x01);

  weft::Result<uint64_t> old = memory->grow(t.store, 2);
  ASSERT_TRUE(old);
  EXPECT_EQ(*old, 1u);
  EXPECT_EQ(memory->size(t.store), 3u);
  EXPECT_EQ(memory->data(t.store).size(), 3u * 65536u);
  EXPECT_FALSE(memory->grow(t.store, 1));  // past the maximum
  EXPECT_TRUE(
      t.instance->get_typed_func<int32_t(int32_t)>(t.store, "load")->call(t.store, 2 * 65536));
}

TEST(Embedding, GlobalsGetAndSet) {
  weft_test::Instantiated t;
  ASSERT_TRUE(t.from_text(R"((module
    (global $counter (export "counter") (mut i32) (i32.const 7))
    (global (export "pi") f64 (f64.const 3.5))
    (func (export "bump") (global.set $counter (i32.add (global.get $counter) (i32.const 1))))
  ))"));
  std::optional<weft::Global> counter = t.instance->get_global(t.store, "counter");
  ASSERT_TRUE(counter);
  EXPECT_EQ(counter->get(t.store).i32(), 7);
  ASSERT_TRUE(t.instance->get_typed_func<void()>(t.store, "bump")->call(t.store));
  EXPECT_EQ(counter->get(t.store).i32(), 8);
  ASSERT_TRUE(counter->set(t.store, weft::Val(int32_t{100})));
  ASSERT_TRUE(t.instance->get_typed_func<void()>(t.store, "bump")->call(t.store));
  EXPECT_EQ(counter->get(t.store).i32(), 101);
  EXPECT_FALSE(counter->set(t.store, weft::Val(int64_t{1})));  // wrong type

  std::optional<weft::Global> pi = t.instance->get_global(t.store, "pi");
  ASSERT_TRUE(pi);
  EXPECT_EQ(pi->get(t.store).f64(), 3.5);
  EXPECT_FALSE(pi->set(t.store, weft::Val(1.0)));  // immutable
}

TEST(Embedding, TablesGetSetAndGrow) {
  weft_test::Instantiated t;
  ASSERT_TRUE(t.from_text(R"((module
    (table (export "t") 2 funcref)
    (func $seven (export "seven") (result i32) (i32.const 7))
    (elem (i32.const 0) $seven)
    (func (export "call") (param i32) (result i32) (call_indirect (result i32) (local.get 0)))
  ))"));
  std::optional<weft::Table> table = t.instance->get_table(t.store, "t");
  ASSERT_TRUE(table);
  EXPECT_EQ(table->size(t.store), 2u);
  EXPECT_TRUE(table->get(t.store, 0)->funcref());
  EXPECT_FALSE(table->get(t.store, 1)->funcref());
  EXPECT_FALSE(table->get(t.store, 2));

  weft::Func nine = weft::Func::wrap(t.store, []() { return int32_t{9}; });
  ASSERT_TRUE(table->set(t.store, 1, weft::Val::from_funcref(nine)));
  auto call = t.instance->get_typed_func<int32_t(int32_t)>(t.store, "call");
  ASSERT_TRUE(call);
  EXPECT_EQ(*call->call(t.store, 0), 7);
  EXPECT_EQ(*call->call(t.store, 1), 9);
  EXPECT_EQ(*table->grow(t.store, 3, weft::Val::from_funcref(weft::Func())), 2u);
  EXPECT_EQ(table->size(t.store), 5u);
  weft::Result<int32_t> null_call = call->call(t.store, 4);
  ASSERT_FALSE(null_call);
  EXPECT_EQ(null_call.error().kind, weft::ErrorKind::Trap);
}

TEST(Embedding, TwoModulesLinkedThroughTheLinker) {
  weft::Engine engine;
  auto lib = weft::Module::from_text(engine, R"((module
    (memory (export "mem") 1)
    (global (export "base") i32 (i32.const 100))
    (func (export "square") (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
  ))");
  auto app = weft::Module::from_text(engine, R"((module
    (import "lib" "square" (func $square (param i32) (result i32)))
    (import "lib" "base" (global $base i32))
    (import "lib" "mem" (memory 1))
    (func (export "run") (param i32) (result i32)
      (i32.store (i32.const 0) (i32.add (global.get $base) (call $square (local.get 0))))
      (i32.load (i32.const 0)))
  ))");
  ASSERT_TRUE(lib) << lib.error().to_string();
  ASSERT_TRUE(app) << app.error().to_string();
  weft::Store<int> store(engine, 0);
  weft::Linker<int> linker(engine);
  auto lib_instance = linker.instantiate(store, *lib);
  ASSERT_TRUE(lib_instance);
  linker.define_instance(store, "lib", *lib_instance);
  auto app_instance = linker.instantiate(store, *app);
  ASSERT_TRUE(app_instance) << app_instance.error().to_string();
  EXPECT_EQ(*app_instance->get_typed_func<int32_t(int32_t)>(store, "run")->call(store, 5), 125);
  // The memory is shared: the library's export sees what the app stored.
  EXPECT_EQ(lib_instance->get_memory(store, "mem")->data(store)[0], 125);

  weft::Store<int> other(engine, 0);
  auto elsewhere = linker.instantiate(other, *app);
  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(elsewhere.error().kind, weft::ErrorKind::Link);
}

TEST(Embedding, InstancePreInstantiatesIntoTwoStores) {
  weft::Engine engine;
  auto module = weft::Module::from_text(engine, R"((module
    (import "env" "bump" (func $bump (result i32)))
    (func (export "run") (result i32) (call $bump))
  ))");
  ASSERT_TRUE(module);
  weft::Linker<int> linker(engine);
  linker.func_wrap("env", "bump", [](weft::Caller<int>& caller) { return ++caller.data(); });
  auto pre = linker.instantiate_pre(*module);
  ASSERT_TRUE(pre) << pre.error().to_string();
  weft::Store<int> first(engine, 0);
  weft::Store<int> second(engine, 10);
  auto a = pre->instantiate(first);
  auto b = pre->instantiate(second);
  ASSERT_TRUE(a);
  ASSERT_TRUE(b);
  auto run_a = a->get_typed_func<int32_t()>(first, "run");
  auto run_b = b->get_typed_func<int32_t()>(second, "run");
  EXPECT_EQ(*run_a->call(first), 1);
  EXPECT_EQ(*run_a->call(first), 2);
  EXPECT_EQ(*run_b->call(second), 11);
  EXPECT_EQ(first.data(), 2);
  EXPECT_EQ(second.data(), 11);
}

TEST(Embedding, CallerSeesTheCallingInstancesExports) {
  weft::Engine engine;
  auto module = weft::Module::from_text(engine, R"((module
    (import "env" "peek" (func $peek (param i32) (result i32)))
    (memory (export "memory") 1)
    (data (i32.const 4) "\2a")
    (func (export "run") (result i32) (call $peek (i32.const 4)))
  ))");
  ASSERT_TRUE(module) << module.error().to_string();
  weft::Linker<std::string> linker(engine);
  linker.func_wrap("env", "peek", [](weft::Caller<std::string>& caller, int32_t address) {
    std::optional<weft::Extern> memory = caller.get_export("memory");
    if (!memory || memory->kind != weft::ExternKind::Memory) return int32_t{-1};
    caller.data() = "peeked";
    return int32_t{memory->memory.data(caller)[static_cast<size_t>(address)]};
  });
  weft::Store<std::string> store(engine, "");
  auto instance = linker.instantiate(store, *module);
  ASSERT_TRUE(instance) << instance.error().to_string();
  EXPECT_EQ(*instance->get_typed_func<int32_t()>(store, "run")->call(store), 42);
  EXPECT_EQ(store.data(), "peeked");
}

TEST(Embedding, ModuleListsImportsAndExportsWithTypes) {
  weft::Engine engine;
  auto module = weft::Module::from_text(engine, kApp);
  ASSERT_TRUE(module);
  std::vector<weft::ImportType> imports = module->imports();
  ASSERT_EQ(imports.size(), 2u);
  EXPECT_EQ(imports[0].module, "env");
  EXPECT_EQ(imports[0].name, "add");
  EXPECT_EQ(imports[0].type.kind, weft::ExternKind::Func);
  EXPECT_EQ(imports[0].type.func,
            weft::FuncType({weft::ValType::i32(), weft::ValType::i32()}, {weft::ValType::i32()}));
  std::vector<weft::ExportType> exports = module->exports();
  ASSERT_EQ(exports.size(), 1u);
  EXPECT_EQ(exports[0].name, "run");
  EXPECT_EQ(exports[0].type.func.params.size(), 2u);
}

TEST(Embedding, LinkErrorsAreReported) {
  weft::Engine engine;
  auto module = weft::Module::from_text(engine, kApp);
  ASSERT_TRUE(module);
  weft::Linker<Host> linker(engine);
  auto missing = linker.instantiate_pre(*module);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, weft::ErrorKind::Link);
  linker.func_wrap("env", "add", [](int64_t a) { return a; });
  linker.func_wrap("env", "log", [](int32_t) {});
  auto mismatched = linker.instantiate_pre(*module);
  ASSERT_FALSE(mismatched);
  EXPECT_EQ(mismatched.error().kind, weft::ErrorKind::Link);
}

TEST(Embedding, BadModulesAreErrors) {
  weft::Engine engine;
  EXPECT_EQ(weft::Module::from_text(engine, "(module (func (result i32)))").error().kind,
            weft::ErrorKind::Invalid);
  const uint8_t junk[] = {0, 'a', 's', 'n'};
  EXPECT_FALSE(weft::Module::from_binary(engine, junk));
  EXPECT_EQ(weft::Module::from_file(engine, "/nonexistent/app.wasm").error().kind,
            weft::ErrorKind::Io);
}

}  // namespace
