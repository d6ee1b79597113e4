// memory: the host reads and writes a module's linear memory, and wasm sees the host's writes.
// The module uppercases ASCII text in place; the host puts the text in and reads the result out.
#include <cstdio>
#include <cstring>
#include <string>

#include "weft/weft.hpp"

constexpr const char* kWat = R"((module
  (memory (export "memory") 1 4)        ;; 1 page (64 KiB) now, at most 4
  (data (i32.const 0) "weft")           ;; bytes wasm placed there at instantiation

  ;; upper(ptr, len): turns 'a'..'z' into 'A'..'Z' in memory[ptr, ptr + len).
  (func (export "upper") (param $ptr i32) (param $len i32)
    (local $end i32) (local $c i32)
    (local.set $end (i32.add (local.get $ptr) (local.get $len)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $ptr) (local.get $end)))
        (local.set $c (i32.load8_u (local.get $ptr)))
        (if (i32.lt_u (i32.sub (local.get $c) (i32.const 97)) (i32.const 26))
          (then (i32.store8 (local.get $ptr) (i32.sub (local.get $c) (i32.const 32)))))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 1)))
        (br $next))))

  (func (export "pages") (result i32) (memory.size))
  (func (export "load_u8") (param i32) (result i32) (i32.load8_u (local.get 0)))
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
  std::optional<weft::Memory> memory = instance->get_memory(store, "memory");
  auto upper = instance->get_typed_func<void(int32_t, int32_t)>(store, "upper");
  auto pages = instance->get_typed_func<int32_t()>(store, "pages");
  auto load_u8 = instance->get_typed_func<int32_t(int32_t)>(store, "load_u8");
  if (!memory || !upper || !pages || !load_u8) {
    std::fprintf(stderr, "missing export\n");
    return 1;
  }

  // data() is the memory's bytes as a span: read what the data segment put at address 0.
  std::span<uint8_t> bytes = memory->data(store);
  std::printf("memory holds %zu bytes, starting with \"%.4s\"\n", bytes.size(),
              reinterpret_cast<const char*>(bytes.data()));

  // Write a string at address 64, let wasm transform it in place, read the result back.
  const std::string text = "hello, linear memory";
  std::memcpy(bytes.data() + 64, text.data(), text.size());
  if (!upper->call(store, 64, static_cast<int32_t>(text.size()))) return 1;
  const std::string shouted(reinterpret_cast<const char*>(bytes.data() + 64), text.size());
  std::printf("wasm uppercased it: \"%s\"\n", shouted.c_str());

  // Growing from the host. Any span taken before grow() may now dangle: take data() again.
  weft::Result<uint64_t> old_pages = memory->grow(store, 1);
  if (!old_pages) {
    std::fprintf(stderr, "grow failed: %s\n", old_pages.error().to_string().c_str());
    return 1;
  }
  bytes = memory->data(store);
  bytes[65536] = 0x7f;  // the first byte of the new page
  const int32_t seen = *load_u8->call(store, 65536);
  std::printf("grew from %llu to %d pages; wasm reads 0x%x in the new page\n",
              static_cast<unsigned long long>(*old_pages), *pages->call(store), seen);

  // Growing past the declared maximum (4 pages) fails and leaves the memory as it was.
  const bool too_far = !memory->grow(store, 10);
  std::printf("growing past the maximum fails: %s\n", too_far ? "yes" : "no");
  return shouted == "HELLO, LINEAR MEMORY" && seen == 0x7f && too_far ? 0 : 1;
}
