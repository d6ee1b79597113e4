// Statically typed calls in both directions: TypedFunc<R(Args...)> calls wasm with C++ values,
// and the host-function adapters let a plain C++ callable (with an optional leading Caller<T>&)
// become a wasm function. Values: int32_t, uint32_t, int64_t, uint64_t, float, double, Func
// (funcref) and ExternRef (externref). Results: void, one value, or std::tuple of values.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "api/alloc_guard.hpp"
#include "weft/func.hpp"
#include "weft/result.hpp"
#include "weft/store.hpp"
#include "weft/types.hpp"
#include "weft/val.hpp"

namespace weft {

template <typename S>
struct WasmScalar;
template <>
struct WasmScalar<int32_t> {
  static ValType type() { return ValType::i32(); }
  static int32_t from_val(const Val& v) { return v.i32(); }
  static Val to_val(int32_t v) { return Val(v); }
};
template <>
struct WasmScalar<uint32_t> {
  static ValType type() { return ValType::i32(); }
  static uint32_t from_val(const Val& v) { return static_cast<uint32_t>(v.i32()); }
  static Val to_val(uint32_t v) { return Val(static_cast<int32_t>(v)); }
};
template <>
struct WasmScalar<int64_t> {
  static ValType type() { return ValType::i64(); }
  static int64_t from_val(const Val& v) { return v.i64(); }
  static Val to_val(int64_t v) { return Val(v); }
};
template <>
struct WasmScalar<uint64_t> {
  static ValType type() { return ValType::i64(); }
  static uint64_t from_val(const Val& v) { return static_cast<uint64_t>(v.i64()); }
  static Val to_val(uint64_t v) { return Val(static_cast<int64_t>(v)); }
};
template <>
struct WasmScalar<float> {
  static ValType type() { return ValType::f32(); }
  static float from_val(const Val& v) { return v.f32(); }
  static Val to_val(float v) { return Val(v); }
};
template <>
struct WasmScalar<double> {
  static ValType type() { return ValType::f64(); }
  static double from_val(const Val& v) { return v.f64(); }
  static Val to_val(double v) { return Val(v); }
};

template <>
struct WasmScalar<Func> {
  static ValType type() { return ValType::funcref(); }
  static Func from_val(const Val& v) { return v.funcref(); }
  static Val to_val(Func v) { return Val::from_funcref(v); }
};
template <>
struct WasmScalar<ExternRef> {
  static ValType type() { return ValType::externref(); }
  static ExternRef from_val(const Val& v) { return ExternRef{v.externref()}; }
  static Val to_val(ExternRef v) { return Val::from_externref(v); }
};

// The results of a function as C++ sees them: void, one value, or a std::tuple of values.
template <typename R>
struct WasmResults {
  static constexpr size_t count = 1;
  static std::vector<ValType> types() { return {WasmScalar<R>::type()}; }
  static R from_vals(const Val* v) { return WasmScalar<R>::from_val(v[0]); }
  static void to_vals(const R& r, Val* out) { out[0] = WasmScalar<R>::to_val(r); }
};
template <>
struct WasmResults<void> {
  static constexpr size_t count = 0;
  static std::vector<ValType> types() { return {}; }
};
template <typename... S>
struct WasmResults<std::tuple<S...>> {
  static constexpr size_t count = sizeof...(S);
  static std::vector<ValType> types() { return {WasmScalar<S>::type()...}; }
  static std::tuple<S...> from_vals(const Val* v) {
    return [&]<size_t... I>(std::index_sequence<I...>) {
      return std::tuple<S...>{WasmScalar<S>::from_val(v[I])...};
    }(std::index_sequence_for<S...>());
  }
  static void to_vals(const std::tuple<S...>& r, Val* out) {
    [&]<size_t... I>(std::index_sequence<I...>) {
      ((out[I] = WasmScalar<S>::to_val(std::get<I>(r))), ...);
    }(std::index_sequence_for<S...>());
  }
};

template <typename Sig>
class TypedFunc;

template <typename R, typename... Args>
class TypedFunc<R(Args...)> {
 public:
  static FuncType func_type() {
    return FuncType{{WasmScalar<Args>::type()...}, WasmResults<R>::types()};
  }
  // Fails when `f` does not have exactly the type R(Args...).
  static Result<TypedFunc> from(StoreContext& store, Func f) {
    return detail::without_exceptions([&]() -> Result<TypedFunc> {
      if (f.type(store) != func_type()) {
        return Error{ErrorKind::Other, "function type mismatch: expected " +
                                           to_string(func_type()) + ", got " +
                                           to_string(f.type(store))};
      }
      return TypedFunc(f);
    });
  }

  Result<R> call(StoreContext& store, Args... args) const {
    const std::array<Val, sizeof...(Args)> in{WasmScalar<Args>::to_val(args)...};
    if constexpr (std::is_void_v<R>) {
      return func_.call(store, in, {});
    } else {
      std::array<Val, WasmResults<R>::count> out;
      Result<void> done = func_.call(store, in, out);
      if (!done) return std::move(done).error();
      return WasmResults<R>::from_vals(out.data());
    }
  }

  const Func& func() const { return func_; }

 private:
  explicit TypedFunc(Func f) : func_(f) {}
  Func func_;
};

namespace detail {

template <typename F>
struct CallableTraits : CallableTraits<decltype(&std::decay_t<F>::operator())> {};
template <typename R, typename... A>
struct CallableTraits<R (*)(A...)> {
  using result = R;
  using args = std::tuple<A...>;
};
template <typename C, typename R, typename... A>
struct CallableTraits<R (C::*)(A...) const> : CallableTraits<R (*)(A...)> {};
template <typename C, typename R, typename... A>
struct CallableTraits<R (C::*)(A...)> : CallableTraits<R (*)(A...)> {};

template <typename A>
struct IsCaller : std::false_type {};
template <typename T>
struct IsCaller<Caller<T>&> : std::true_type {
  using data = T;
};

// The result of a host callable as wasm results: R is void, a value, a std::tuple of values,
// or Result<> of one of these.
template <typename R>
struct ResultTraits {
  static std::vector<ValType> types() { return WasmResults<R>::types(); }
  static Result<void> store(R&& r, std::span<Val> results) {
    WasmResults<R>::to_vals(r, results.data());
    return {};
  }
};
template <>
struct ResultTraits<void> {
  static std::vector<ValType> types() { return {}; }
};
template <>
struct ResultTraits<Result<void>> {
  static std::vector<ValType> types() { return {}; }
  static Result<void> store(Result<void>&& r, std::span<Val>) { return r; }
};
template <typename S>
struct ResultTraits<Result<S>> {
  static std::vector<ValType> types() { return WasmResults<S>::types(); }
  static Result<void> store(Result<S>&& r, std::span<Val> results) {
    if (!r) return std::move(r).error();
    WasmResults<S>::to_vals(*r, results.data());
    return {};
  }
};

template <typename Args>
struct ArgList;
template <typename... A>
struct ArgList<std::tuple<A...>> {
  static constexpr bool with_caller = false;
  using scalars = std::tuple<std::decay_t<A>...>;
};
template <typename First, typename... A>
requires IsCaller<First>::value struct ArgList<std::tuple<First, A...>> {
  static constexpr bool with_caller = true;
  using caller_data = typename IsCaller<First>::data;
  using scalars = std::tuple<std::decay_t<A>...>;
};

template <typename Scalars>
struct ScalarTypes;
template <typename... S>
struct ScalarTypes<std::tuple<S...>> {
  static std::vector<ValType> types() { return {WasmScalar<S>::type()...}; }
};

template <typename F>
FuncType host_func_type() {
  using Traits = CallableTraits<F>;
  using Args = ArgList<typename Traits::args>;
  return FuncType{ScalarTypes<typename Args::scalars>::types(),
                  ResultTraits<typename Traits::result>::types()};
}

// A type-erased host function calling `callable` with unpacked scalars. The argument types were
// checked by the caller of the funcref (wasm validation or Func::call).
template <typename F>
HostFn make_host_fn(F callable) {
  return [callable = std::move(callable)](StoreContext& store, runtime::Instance* instance,
                                          std::span<const Val> args,
                                          std::span<Val> results) mutable -> Result<void> {
    using Traits = CallableTraits<F>;
    using Args = ArgList<typename Traits::args>;
    using R = typename Traits::result;
    auto invoke = [&]<typename... S, size_t... I>(std::tuple<S...>*, std::index_sequence<I...>) {
      if constexpr (Args::with_caller) {
        Caller<typename Args::caller_data> caller(
            static_cast<Store<typename Args::caller_data>&>(store), instance);
        return callable(caller, WasmScalar<S>::from_val(args[I])...);
      } else {
        (void)store;
        (void)instance;
        return callable(WasmScalar<S>::from_val(args[I])...);
      }
    };
    using Scalars = typename Args::scalars;
    constexpr size_t n = std::tuple_size_v<Scalars>;
    if constexpr (std::is_void_v<R>) {
      invoke(static_cast<Scalars*>(nullptr), std::make_index_sequence<n>());
      (void)results;
      return {};
    } else {
      return ResultTraits<R>::store(
          invoke(static_cast<Scalars*>(nullptr), std::make_index_sequence<n>()), results);
    }
  };
}

}  // namespace detail

template <typename S, typename F>
Result<Func> Func::try_wrap(S& store, F&& callable) {
  using Args = detail::ArgList<typename detail::CallableTraits<std::decay_t<F>>::args>;
  if constexpr (Args::with_caller) {
    static_assert(std::is_base_of_v<Store<typename Args::caller_data>, S>,
                  "a callable taking Caller<T>& needs a Store<T>");
  }
  return detail::without_exceptions([&]() -> Result<Func> {
    const FuncType type = detail::host_func_type<std::decay_t<F>>();
    return store.new_host_func(type,
                               detail::make_host_fn<std::decay_t<F>>(std::forward<F>(callable)));
  });
}

template <typename S, typename F>
Func Func::wrap(S& store, F&& callable) {
  Result<Func> f = try_wrap(store, std::forward<F>(callable));
  return f ? *f : Func();
}

}  // namespace weft
