// fuel: bounding how much work untrusted wasm may do. With Config::consume_fuel(true), wasm
// spends about one unit of fuel per instruction; when the store's fuel runs out the call traps
// with TrapCode::OutOfFuel, and the store stays usable once it is given fuel again.
#include <cinttypes>
#include <cstdio>

#include "weft/weft.hpp"

constexpr const char* kWat = R"((module
  ;; sum(n) = 0 + 1 + ... + (n - 1), a loop of a few instructions per step.
  (func (export "sum") (param $n i32) (result i64)
    (local $i i32) (local $total i64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $total (i64.add (local.get $total) (i64.extend_i32_u (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $total))
  ;; A guest that never stops on its own.
  (func (export "spin") (loop $forever (br $forever)))
))";

int main() {
  // Fuel is an engine setting: it decides the code modules compile to (fuel checks or none).
  weft::Engine engine(weft::Config().consume_fuel(true));
  weft::Result<weft::Module> module = weft::Module::from_text(engine, kWat);
  if (!module) {
    std::fprintf(stderr, "compile error: %s\n", module.error().to_string().c_str());
    return 1;
  }
  weft::Store<int> store(engine, 0);
  weft::Result<weft::Instance> instance = weft::Linker<int>(engine).instantiate(store, *module);
  if (!instance) {
    std::fprintf(stderr, "instantiation error: %s\n", instance.error().to_string().c_str());
    return 1;
  }
  auto sum = instance->get_typed_func<int64_t(int32_t)>(store, "sum");
  auto spin = instance->get_typed_func<void()>(store, "spin");
  if (!sum || !spin) return 1;

  // A store starts with no fuel at all: give it a budget before calling anything.
  constexpr uint64_t kBudget = 100000;
  if (!store.set_fuel(kBudget)) return 1;
  weft::Result<int64_t> total = sum->call(store, 1000);
  if (!total) {
    std::fprintf(stderr, "sum: %s\n", total.error().to_string().c_str());
    return 1;
  }
  const uint64_t left = *store.get_fuel();
  std::printf("sum(1000) = %" PRId64 ", using %" PRIu64 " of %" PRIu64 " fuel\n", *total,
              kBudget - left, kBudget);

  // The runaway guest: it runs until the fuel is gone, then the call returns a trap value.
  if (!store.set_fuel(kBudget)) return 1;
  weft::Result<void> stopped = spin->call(store);
  const bool out_of_fuel = !stopped && stopped.error().kind == weft::ErrorKind::Trap &&
                           stopped.error().trap == weft::TrapCode::OutOfFuel;
  std::printf("spin() stopped: %s (out of fuel: %s), fuel left %" PRIu64 "\n",
              stopped ? "no" : stopped.error().message.c_str(), out_of_fuel ? "yes" : "no",
              *store.get_fuel());

  // Refuelled, the same store and instance go on working.
  if (!store.set_fuel(kBudget)) return 1;
  weft::Result<int64_t> again = sum->call(store, 10);
  std::printf("after refuelling, sum(10) = %" PRId64 "\n", again ? *again : -1);
  return *total == 499500 && out_of_fuel && again && *again == 45 ? 0 : 1;
}
