// callback: wasm calls a host function, and the host function calls back into wasm.
// The host's "map_sum" adds up f(0) + f(1) + ... + f(n-1), where f is a function the calling
// module exports: the host finds it through its Caller, which also stands in for the store.
#include <cstdio>

#include "weft/weft.hpp"

constexpr const char* kWat = R"((module
  (import "host" "map_sum" (func $map_sum (param i32) (result i32)))
  ;; f(x) = x * x, called by the host while "run" is still on the stack.
  (func (export "f") (param $x i32) (result i32)
    (i32.mul (local.get $x) (local.get $x)))
  (func (export "run") (param $n i32) (result i32)
    (call $map_sum (local.get $n)))
))";

int main() {
  weft::Engine engine;
  weft::Result<weft::Module> module = weft::Module::from_text(engine, kWat);
  if (!module) {
    std::fprintf(stderr, "compile error: %s\n", module.error().to_string().c_str());
    return 1;
  }

  weft::Linker<int> linker(engine);
  // Returning Result<int32_t> lets the host function fail: an Error it returns unwinds through
  // the wasm frames and comes back unchanged to whoever called "run".
  linker.func_wrap("host", "map_sum",
                   [](weft::Caller<int>& caller, int32_t n) -> weft::Result<int32_t> {
                     // The export of the instance that is calling us right now.
                     std::optional<weft::Extern> f_export = caller.get_export("f");
                     if (!f_export || f_export->kind != weft::ExternKind::Func) {
                       return weft::Error{weft::ErrorKind::Other, "the caller exports no \"f\""};
                     }
                     // A Caller converts to the store, so it can be passed wherever a handle
                     // wants one: this is what makes re-entering wasm possible.
                     auto f = weft::TypedFunc<int32_t(int32_t)>::from(caller, f_export->func);
                     if (!f) return f.error();
                     int32_t sum = 0;
                     for (int32_t i = 0; i < n; ++i) {
                       weft::Result<int32_t> y = f->call(caller, i);
                       if (!y) return y.error();  // a trap in f propagates as an error
                       sum += *y;
                       ++caller.data();  // counts the callbacks
                     }
                     return sum;
                   });

  weft::Store<int> store(engine, 0);
  weft::Result<weft::Instance> instance = linker.instantiate(store, *module);
  if (!instance) {
    std::fprintf(stderr, "instantiation error: %s\n", instance.error().to_string().c_str());
    return 1;
  }
  auto run = instance->get_typed_func<int32_t(int32_t)>(store, "run");
  if (!run) {
    std::fprintf(stderr, "%s\n", run.error().to_string().c_str());
    return 1;
  }
  weft::Result<int32_t> sum = run->call(store, 10);
  if (!sum) {
    std::fprintf(stderr, "error: %s\n", sum.error().to_string().c_str());
    return 1;
  }
  std::printf("sum of squares below 10 = %d, computed with %d callbacks into wasm\n", *sum,
              store.data());
  return *sum == 285 && store.data() == 10 ? 0 : 1;
}
