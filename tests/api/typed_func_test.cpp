// TypedFunc and the host-function adapters beyond single scalars: several results as a
// std::tuple, and funcref (Func) and externref (ExternRef) values in both directions.
#include <gtest/gtest.h>

#include <cstdint>
#include <tuple>

#include "weft/weft.hpp"

namespace {

constexpr const char* kModule = R"((module
  (import "host" "swap" (func $swap (param i32 i64) (result i64 i32)))
  (import "host" "tag" (func $tag (param externref) (result externref)))
  (import "host" "apply" (func $apply (param funcref i32) (result i32)))
  (type $unary (func (param i32) (result i32)))
  (table $t 1 funcref)
  (elem declare func $inc)
  (func $inc (export "inc") (type $unary) (i32.add (local.get 0) (i32.const 1)))
  (func (export "pair") (param i32) (result i32 i64)
    (i32.mul (local.get 0) (i32.const 2)) (i64.extend_i32_s (local.get 0)))
  (func (export "swap_back") (param i32 i64) (result i64 i32) (call $swap (local.get 0) (local.get 1)))
  (func (export "same_ref") (param externref) (result externref) (local.get 0))
  (func (export "tag_ref") (param externref) (result externref) (call $tag (local.get 0)))
  (func (export "inc_ref") (result funcref) (ref.func $inc))
  (func (export "call_ref") (param funcref i32) (result i32)
    (table.set $t (i32.const 0) (local.get 0))
    (call_indirect (type $unary) (local.get 1) (i32.const 0)))
  (func (export "apply_inc") (param i32) (result i32) (call $apply (ref.func $inc) (local.get 0)))
))";

class TypedFuncTest : public ::testing::Test {
 protected:
  void SetUp() override {
    weft::Result<weft::Module> module = weft::Module::from_text(engine_, kModule);
    ASSERT_TRUE(module) << module.error().to_string();
    weft::Linker<int> linker(engine_);
    linker.func_wrap("host", "swap", [](int32_t a, int64_t b) { return std::tuple(b, a); });
    linker.func_wrap("host", "tag", [](weft::ExternRef r) { return weft::ExternRef{r.bits + 1}; });
    linker.func_wrap(
        "host", "apply",
        [](weft::Caller<int>& caller, weft::Func f, int32_t x) -> weft::Result<int32_t> {
          auto typed = weft::TypedFunc<int32_t(int32_t)>::from(caller, f);
          if (!typed) return std::move(typed).error();
          return typed->call(caller, x);
        });
    weft::Result<weft::Instance> instance = linker.instantiate(store_, *module);
    ASSERT_TRUE(instance) << instance.error().to_string();
    instance_ = *instance;
  }

  weft::Engine engine_;
  weft::Store<int> store_{engine_, 0};
  weft::Instance instance_;
};

TEST_F(TypedFuncTest, SeveralResultsComeBackAsATuple) {
  auto pair = instance_.get_typed_func<std::tuple<int32_t, int64_t>(int32_t)>(store_, "pair");
  ASSERT_TRUE(pair) << pair.error().to_string();
  weft::Result<std::tuple<int32_t, int64_t>> r = pair->call(store_, -21);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(*r, std::make_tuple(int32_t{-42}, int64_t{-21}));
}

TEST_F(TypedFuncTest, TheTupleTypeMustMatchTheResults) {
  auto wrong = instance_.get_typed_func<std::tuple<int64_t, int32_t>(int32_t)>(store_, "pair");
  ASSERT_FALSE(wrong);
  EXPECT_NE(wrong.error().message.find("type mismatch"), std::string::npos);
}

TEST_F(TypedFuncTest, HostFunctionsReturnSeveralResultsAsATuple) {
  auto swap =
      instance_.get_typed_func<std::tuple<int64_t, int32_t>(int32_t, int64_t)>(store_, "swap_back");
  ASSERT_TRUE(swap) << swap.error().to_string();
  weft::Result<std::tuple<int64_t, int32_t>> r = swap->call(store_, 5, int64_t{1} << 40);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(*r, std::make_tuple(int64_t{1} << 40, int32_t{5}));
}

TEST_F(TypedFuncTest, ExternRefsPassThroughWasmAndHostFunctions) {
  auto same = instance_.get_typed_func<weft::ExternRef(weft::ExternRef)>(store_, "same_ref");
  ASSERT_TRUE(same) << same.error().to_string();
  weft::Result<weft::ExternRef> r = same->call(store_, weft::ExternRef{0x1234});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->bits, 0x1234u);
  weft::Result<weft::ExternRef> null = same->call(store_, weft::ExternRef{});
  ASSERT_TRUE(null);
  EXPECT_FALSE(*null);
  auto tag = instance_.get_typed_func<weft::ExternRef(weft::ExternRef)>(store_, "tag_ref");
  ASSERT_TRUE(tag);
  weft::Result<weft::ExternRef> tagged = tag->call(store_, weft::ExternRef{41});
  ASSERT_TRUE(tagged) << tagged.error().to_string();
  EXPECT_EQ(tagged->bits, 42u);
}

TEST_F(TypedFuncTest, FuncRefsComeBackAndGoInAsFunc) {
  auto inc_ref = instance_.get_typed_func<weft::Func()>(store_, "inc_ref");
  ASSERT_TRUE(inc_ref) << inc_ref.error().to_string();
  weft::Result<weft::Func> inc = inc_ref->call(store_);
  ASSERT_TRUE(inc);
  ASSERT_TRUE(*inc);
  EXPECT_EQ(*inc, *instance_.get_func(store_, "inc"));
  auto call_ref = instance_.get_typed_func<int32_t(weft::Func, int32_t)>(store_, "call_ref");
  ASSERT_TRUE(call_ref) << call_ref.error().to_string();
  weft::Result<int32_t> r = call_ref->call(store_, *inc, 9);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(*r, 10);
  // A host function passed in as a funcref: wasm calls it through the table.
  weft::Func times3 = weft::Func::wrap(store_, [](int32_t x) { return 3 * x; });
  weft::Result<int32_t> tripled = call_ref->call(store_, times3, 5);
  ASSERT_TRUE(tripled) << tripled.error().to_string();
  EXPECT_EQ(*tripled, 15);
  weft::Result<int32_t> null = call_ref->call(store_, weft::Func(), 5);
  ASSERT_FALSE(null);
  EXPECT_EQ(null.error().kind, weft::ErrorKind::Trap);
}

TEST_F(TypedFuncTest, HostFunctionsTakeFuncParameters) {
  auto apply = instance_.get_typed_func<int32_t(int32_t)>(store_, "apply_inc");
  ASSERT_TRUE(apply);
  weft::Result<int32_t> r = apply->call(store_, 41);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(*r, 42);
}

TEST_F(TypedFuncTest, WrappedFunctionsHaveTheirReferenceTypes) {
  weft::Func f = weft::Func::wrap(
      store_, [](weft::Func g, weft::ExternRef e) { return std::tuple(e, g, int32_t{1}); });
  ASSERT_TRUE(f);
  const weft::FuncType expected(
      {weft::ValType::funcref(), weft::ValType::externref()},
      {weft::ValType::externref(), weft::ValType::funcref(), weft::ValType::i32()});
  EXPECT_EQ(f.type(store_), expected);
  auto typed = weft::TypedFunc<std::tuple<weft::ExternRef, weft::Func, int32_t>(
      weft::Func, weft::ExternRef)>::from(store_, f);
  ASSERT_TRUE(typed) << typed.error().to_string();
  weft::Result<std::tuple<weft::ExternRef, weft::Func, int32_t>> r =
      typed->call(store_, f, weft::ExternRef{7});
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(std::get<0>(*r).bits, 7u);
  EXPECT_EQ(std::get<1>(*r), f);
  EXPECT_EQ(std::get<2>(*r), 1);
}

}  // namespace
