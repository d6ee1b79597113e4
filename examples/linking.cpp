// linking: two modules linked together. "lib" exports a memory and a function; "app" imports
// both. Linker::define_instance names every export of lib's instance under the module name
// "lib", so app's imports resolve to the very same memory and function (no copies).
#include <cstdio>

#include "weft/weft.hpp"

constexpr const char* kLibWat = R"((module
  (memory (export "memory") 1)
  ;; sum(ptr, len): the sum of the len bytes at ptr.
  (func (export "sum") (param $ptr i32) (param $len i32) (result i32)
    (local $total i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $len)))
        (local.set $total (i32.add (local.get $total) (i32.load8_u (local.get $ptr))))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 1)))
        (local.set $len (i32.sub (local.get $len) (i32.const 1)))
        (br $next)))
    (local.get $total))
))";

constexpr const char* kAppWat = R"((module
  (import "lib" "memory" (memory 1))
  (import "lib" "sum" (func $sum (param i32 i32) (result i32)))
  ;; run(n): writes 1, 2, ..., n at address 100 of lib's memory, then asks lib to add them up.
  (func (export "run") (param $n i32) (result i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store8 (i32.add (i32.const 100) (local.get $i))
                    (i32.add (local.get $i) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (call $sum (i32.const 100) (local.get $n)))
))";

int main() {
  weft::Engine engine;
  weft::Result<weft::Module> lib = weft::Module::from_text(engine, kLibWat);
  weft::Result<weft::Module> app = weft::Module::from_text(engine, kAppWat);
  if (!lib || !app) {
    std::fprintf(stderr, "compile error: %s\n",
                 (lib ? app.error() : lib.error()).to_string().c_str());
    return 1;
  }

  weft::Store<int> store(engine, 0);
  weft::Linker<int> linker(engine);

  // Instantiate the library first; its exports are entities of this store.
  weft::Result<weft::Instance> lib_instance = linker.instantiate(store, *lib);
  if (!lib_instance) {
    std::fprintf(stderr, "lib: %s\n", lib_instance.error().to_string().c_str());
    return 1;
  }
  // Now "lib" "memory" and "lib" "sum" are defined for every later instantiation in this store.
  // (A linker holding store entities can only instantiate into that store.)
  linker.define_instance(store, "lib", *lib_instance);

  weft::Result<weft::Instance> app_instance = linker.instantiate(store, *app);
  if (!app_instance) {
    std::fprintf(stderr, "app: %s\n", app_instance.error().to_string().c_str());
    return 1;
  }
  auto run = app_instance->get_typed_func<int32_t(int32_t)>(store, "run");
  if (!run) return 1;
  weft::Result<int32_t> total = run->call(store, 10);
  if (!total) {
    std::fprintf(stderr, "trap: %s\n", total.error().to_string().c_str());
    return 1;
  }
  std::printf("app wrote 1..10 into lib's memory, lib summed them: %d\n", *total);

  // The memory really is shared: the bytes app stored are visible through lib's export.
  std::optional<weft::Memory> memory = lib_instance->get_memory(store, "memory");
  if (!memory) return 1;
  const int last = memory->data(store)[109];
  std::printf("lib's memory at address 109 holds %d\n", last);

  // Linking is checked by type: a module expecting a different signature does not link.
  weft::Result<weft::Module> wrong = weft::Module::from_text(
      engine, R"((module (import "lib" "sum" (func (param i64) (result i64)))))");
  weft::Result<weft::Instance> refused =
      wrong ? linker.instantiate(store, *wrong) : weft::Result<weft::Instance>(wrong.error());
  std::printf("a mismatched import is refused: %s\n",
              refused ? "no" : refused.error().to_string().c_str());
  return *total == 55 && last == 10 && !refused ? 0 : 1;
}
