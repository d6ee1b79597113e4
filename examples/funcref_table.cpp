// funcref_table: a table of function references. The host fills the table's slots with a
// host function and with one of the module's own functions; wasm calls through the table with
// call_indirect; and the host calls the table's entries directly with Func::call.
#include <cstdio>

#include "weft/weft.hpp"

constexpr const char* kWat = R"((module
  (type $binop (func (param i32 i32) (result i32)))
  (table (export "ops") 4 funcref)
  (func $sub (type $binop) (i32.sub (local.get 0) (local.get 1)))
  (func $add (export "add") (type $binop) (i32.add (local.get 0) (local.get 1)))
  (elem (i32.const 0) $sub)             ;; slot 0 is filled by the module itself

  ;; apply(slot, a, b) = ops[slot](a, b); traps when the slot is empty or of another type.
  (func (export "apply") (param $slot i32) (param $a i32) (param $b i32) (result i32)
    (call_indirect (type $binop) (local.get $a) (local.get $b) (local.get $slot)))
))";

int main() {
  weft::Engine engine;
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
  std::optional<weft::Table> ops = instance->get_table(store, "ops");
  std::optional<weft::Func> add = instance->get_func(store, "add");
  auto apply = instance->get_typed_func<int32_t(int32_t, int32_t, int32_t)>(store, "apply");
  if (!ops || !add || !apply) return 1;

  // Func::wrap makes a host function that belongs to this store; its wasm type comes from the
  // C++ signature, here (i32, i32) -> i32, the same as $binop, so call_indirect accepts it.
  weft::Func mul = weft::Func::wrap(store, [](int32_t a, int32_t b) { return a * b; });
  // A function of another type: calling it through $binop is a trap, not undefined behaviour.
  weft::Func negate = weft::Func::wrap(store, [](int32_t a) { return -a; });
  if (!mul || !negate) return 1;

  // Fill slots 1..3 from the host; slot 0 already holds $sub from the elem segment.
  if (!ops->set(store, 1, weft::Val::from_funcref(*add)) ||
      !ops->set(store, 2, weft::Val::from_funcref(mul)) ||
      !ops->set(store, 3, weft::Val::from_funcref(negate))) {
    return 1;
  }

  // wasm calls every slot with call_indirect.
  int32_t sum = 0;
  for (int32_t slot = 0; slot < 3; ++slot) {
    weft::Result<int32_t> r = apply->call(store, slot, 7, 3);
    if (!r) return 1;
    std::printf("wasm: ops[%d](7, 3) = %d\n", slot, *r);
    sum += *r;
  }
  weft::Result<int32_t> mismatch = apply->call(store, 3, 7, 3);
  std::printf("wasm: ops[3](7, 3) traps: %s\n", mismatch ? "no" : mismatch.error().message.c_str());

  // The host calls the entries itself, with dynamically typed values.
  for (uint64_t slot = 0; slot < ops->size(store); ++slot) {
    std::optional<weft::Val> entry = ops->get(store, slot);
    if (!entry || !entry->funcref()) continue;
    weft::Func f = entry->funcref();
    if (f.type(store) != add->type(store)) {
      std::printf("host: ops[%llu] takes %zu parameter(s), skipped\n",
                  static_cast<unsigned long long>(slot), f.type(store).params.size());
      continue;
    }
    const weft::Val args[] = {weft::Val(int32_t{20}), weft::Val(int32_t{4})};
    weft::Val results[1];
    if (!f.call(store, args, results)) return 1;
    std::printf("host: ops[%llu](20, 4) = %d\n", static_cast<unsigned long long>(slot),
                results[0].i32());
  }

  // Growing the table adds empty slots; calling one traps with the spec's message.
  weft::Result<uint64_t> old_size = ops->grow(store, 2, weft::Val::from_funcref(weft::Func()));
  if (!old_size) return 1;
  weft::Result<int32_t> empty = apply->call(store, 5, 1, 1);
  std::printf("grew from %llu to %llu slots; wasm: ops[5](1, 1) traps: %s\n",
              static_cast<unsigned long long>(*old_size),
              static_cast<unsigned long long>(ops->size(store)),
              empty ? "no" : empty.error().message.c_str());
  return sum == 4 + 10 + 21 && !mismatch && !empty ? 0 : 1;
}
