// Compiled against an installed weft only: the umbrella header and weft::weft.
#include <cstdio>

#include <weft/weft.hpp>

int main() {
  weft::Engine engine;
  auto module = weft::Module::from_text(engine, R"((module
    (import "host" "mul" (func $mul (param i64 i64) (result i64)))
    (func $fac (export "fac") (param $n i64) (result i64)
      (if (result i64) (i64.eqz (local.get $n))
        (then (i64.const 1))
        (else (call $mul (local.get $n) (call $fac (i64.sub (local.get $n) (i64.const 1))))))))
  )");
  if (!module) {
    std::fprintf(stderr, "%s\n", module.error().to_string().c_str());
    return 1;
  }
  weft::Linker<int> linker(engine);
  linker.func_wrap("host", "mul", [](int64_t a, int64_t b) { return a * b; });
  weft::Store<int> store(engine, 0);
  auto instance = linker.instantiate(store, *module);
  if (!instance) {
    std::fprintf(stderr, "%s\n", instance.error().to_string().c_str());
    return 1;
  }
  auto fac = instance->get_typed_func<int64_t(int64_t)>(store, "fac");
  if (!fac) return 1;
  weft::Result<int64_t> out = fac->call(store, 10);
  if (!out) {
    std::fprintf(stderr, "%s\n", out.error().to_string().c_str());
    return 1;
  }
  std::printf("consumer: fac(10) = %lld via weft::weft\n", static_cast<long long>(*out));
  return *out == 3628800 ? 0 : 1;
}
