// weft's side of the differential test: instantiates one module, calls every exported function
// in export order with zero/null arguments, and prints one line per event in the format that
// run_v8.mjs prints for V8, so differential.py can compare the two line by line:
//
//   call NAME              before calling an export
//   skip NAME              an export JavaScript cannot call (v128 in its signature)
//   log TYPE VALUE...      a call of an imported function (the fuzzer's logging imports)
//   result VALUE...        the call returned (nothing after "result" for no results)
//   trap KIND              the call trapped; KIND is coarse so that engines' messages compare
//   global NAME VALUE      the final value of an exported global
//   memory NAME PAGES HASH the final size and FNV-1a hash of an exported memory
//   table NAME SIZE CELLS  the final size of an exported table and n/f (null/non-null) per cell
//
// Values: i32/i64 in signed decimal, floats as the hex bits of the IEEE value with every NaN
// printed as "nan" (JavaScript does not preserve NaN payloads, and the spec lets most operations
// pick any NaN), references as "null" / "func" / "extern", v128 as 32 hex digits.
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "weft/weft.hpp"

namespace {

struct Host {};

std::string format_val(const weft::Val& v) {
  char buf[64];
  weft::ValType type = v.type();
  switch (type.kind()) {
    case weft::ir::ValKind::I32:
      std::snprintf(buf, sizeof buf, "i32:%" PRId32, v.i32());
      return buf;
    case weft::ir::ValKind::I64:
      std::snprintf(buf, sizeof buf, "i64:%" PRId64, v.i64());
      return buf;
    case weft::ir::ValKind::F32: {
      float f = v.f32();
      if (std::isnan(f)) return "f32:nan";
      uint32_t bits;
      std::memcpy(&bits, &f, 4);
      std::snprintf(buf, sizeof buf, "f32:0x%08" PRIx32, bits);
      return buf;
    }
    case weft::ir::ValKind::F64: {
      double d = v.f64();
      if (std::isnan(d)) return "f64:nan";
      uint64_t bits;
      std::memcpy(&bits, &d, 8);
      std::snprintf(buf, sizeof buf, "f64:0x%016" PRIx64, bits);
      return buf;
    }
    case weft::ir::ValKind::V128: {
      std::string out = "v128:";
      for (int i = 15; i >= 0; --i) {
        std::snprintf(buf, sizeof buf, "%02x", v.v128()[i]);
        out += buf;
      }
      return out;
    }
    case weft::ir::ValKind::Ref:
      if (type.heap() == weft::ir::HeapType::abstract(weft::ir::AbsHeap::Extern))
        return v.externref() == 0 ? "ref:null" : "ref:extern";
      return v.funcref() ? "ref:func" : "ref:null";
    case weft::ir::ValKind::Bot:
      break;
  }
  return "?";
}

weft::Val zero_of(weft::ValType type) {
  switch (type.kind()) {
    case weft::ir::ValKind::I64:
      return weft::Val(int64_t{0});
    case weft::ir::ValKind::F32:
      return weft::Val(0.0f);
    case weft::ir::ValKind::F64:
      return weft::Val(0.0);
    case weft::ir::ValKind::V128:
      return weft::Val::from_v128({});
    case weft::ir::ValKind::Ref:
      if (type.heap() == weft::ir::HeapType::abstract(weft::ir::AbsHeap::Extern))
        return weft::Val::from_externref(0);
      return weft::Val::from_funcref(weft::Func());
    default:
      return weft::Val(int32_t{0});
  }
}

// Coarse trap kinds: V8 words several traps differently or merges them (a null table entry and a
// signature mismatch are one message there; an out-of-range float-to-int conversion is "integer
// overflow" in the spec but "float unrepresentable" in V8), so both sides map onto these names.
// Matched on the spec's messages, which every weft trap carries.
const char* trap_kind(const weft::Error& error) {
  if (error.kind != weft::ErrorKind::Trap) return "host";
  const std::string& m = error.message;
  struct Kind {
    const char* message;
    const char* kind;
  };
  static constexpr Kind kKinds[] = {
      {"unreachable", "unreachable"},
      {"integer overflow", "numeric"},
      {"invalid conversion to integer", "numeric"},
      {"integer divide by zero", "div-zero"},
      {"out of bounds memory access", "memory"},
      {"out of bounds table access", "table"},
      {"undefined element", "table"},
      {"indirect call type mismatch", "indirect"},
      {"uninitialized element", "indirect"},
      {"call stack exhausted", "stack"},
  };
  for (const Kind& k : kKinds)
    if (m.starts_with(k.message)) return k.kind;
  return "other";
}

bool has_v128(const weft::FuncType& type) {
  for (const weft::ValType& t : type.params)
    if (t.is_vec()) return true;
  for (const weft::ValType& t : type.results)
    if (t.is_vec()) return true;
  return false;
}

uint32_t fnv1a(std::span<const uint8_t> bytes) {
  uint32_t h = 2166136261u;
  for (uint8_t b : bytes) h = (h ^ b) * 16777619u;
  return h;
}

// Every imported function logs its arguments and returns zeros. JavaScript cannot receive a v128,
// so (as in V8) an import with one in its signature fails when called.
void define_imports(weft::Linker<Host>& linker, const weft::Module& module) {
  for (const weft::ImportType& import : module.imports()) {
    if (import.type.kind != weft::ExternKind::Func) continue;
    bool unreachable_from_js = has_v128(import.type.func);
    std::vector<weft::ValType> result_types = import.type.func.results;
    linker.func_new(
        import.module, import.name, import.type.func,
        [unreachable_from_js, result_types](weft::Caller<Host>&, std::span<const weft::Val> args,
                                            std::span<weft::Val> results) -> weft::Result<void> {
          if (unreachable_from_js)
            return weft::Error{weft::ErrorKind::Other, "v128 at the JS boundary"};
          std::string line = "log";
          for (const weft::Val& arg : args) line += " " + format_val(arg);
          std::printf("%s\n", line.c_str());
          // JavaScript's undefined converts to zero or null.
          for (size_t i = 0; i < results.size(); ++i) results[i] = zero_of(result_types[i]);
          return {};
        });
  }
}

void print_final_state(weft::Store<Host>& store, const weft::Module& module,
                       weft::Instance instance, const char* memory_dump_path) {
  for (const weft::ExportType& e : module.exports()) {
    if (e.type.kind == weft::ExternKind::Global) {
      std::optional<weft::Global> g = instance.get_global(store, e.name);
      if (!g) continue;
      weft::Val v = g->get(store);
      // JavaScript cannot read a v128 global.
      std::printf("global %s %s\n", e.name.c_str(),
                  v.type().is_vec() ? "v128" : format_val(v).c_str());
    } else if (e.type.kind == weft::ExternKind::Memory) {
      std::optional<weft::Memory> m = instance.get_memory(store, e.name);
      if (!m) continue;
      std::span<const uint8_t> bytes = m->data(store);
      std::printf("memory %s %" PRIu64 " %08" PRIx32 "\n", e.name.c_str(), m->size(store),
                  fnv1a(bytes));
      if (memory_dump_path) {
        if (std::FILE* f = std::fopen(memory_dump_path, "wb")) {
          std::fwrite(bytes.data(), 1, bytes.size(), f);
          std::fclose(f);
        }
      }
    } else if (e.type.kind == weft::ExternKind::Table) {
      std::optional<weft::Table> t = instance.get_table(store, e.name);
      if (!t) continue;
      uint64_t size = t->size(store);
      std::string cells;
      for (uint64_t i = 0; i < size && i < 1000; ++i) {
        std::optional<weft::Val> v = t->get(store, i);
        bool null =
            !v || (v->type().heap() == weft::ir::HeapType::abstract(weft::ir::AbsHeap::Extern)
                       ? v->externref() == 0
                       : !v->funcref());
        cells += null ? 'n' : 'f';
      }
      std::printf("table %s %" PRIu64 " %s\n", e.name.c_str(), size, cells.c_str());
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  // --dump-memory FILE writes the final bytes of the exported memory, to find where the two
  // engines' memories differ.
  const char* memory_dump_path = nullptr;
  if (argc == 4 && std::strcmp(argv[2], "--dump-memory") == 0) {
    memory_dump_path = argv[3];
  } else if (argc != 2) {
    std::fprintf(stderr, "usage: weft_diff_runner MODULE.wasm [--dump-memory FILE]\n");
    return 2;
  }
  // WEFT_BOUNDS_CHECKS=explicit tests the compare-based bounds checks, as for `weft wast`;
  // WEFT_DIFF_FUEL=1 and WEFT_DIFF_EPOCH=1 test that fuel and epoch checks (with far more fuel
  // and time than a module uses) change nothing.
  auto env_is = [](const char* name, const char* value) {
    const char* v = std::getenv(name);
    return v && std::strcmp(v, value) == 0;
  };
  const bool fuel = env_is("WEFT_DIFF_FUEL", "1");
  const bool epoch = env_is("WEFT_DIFF_EPOCH", "1");
  weft::Config config;
  config.explicit_bounds_checks(env_is("WEFT_BOUNDS_CHECKS", "explicit"))
      .consume_fuel(fuel)
      .epoch_interruption(epoch);
  weft::Engine engine(config);
  weft::Result<weft::Module> module = weft::Module::from_file(engine, argv[1]);
  if (!module) {
    std::printf("invalid\n");
    std::fprintf(stderr, "%s\n", module.error().to_string().c_str());
    return 0;
  }
  weft::Store<Host> store(engine, Host{});
  if (fuel && !store.set_fuel(uint64_t{1} << 60)) return 2;
  if (epoch) store.set_epoch_deadline(uint64_t{1} << 60);
  weft::Linker<Host> linker(engine);
  define_imports(linker, *module);
  weft::Result<weft::Instance> instance = linker.instantiate(store, *module);
  if (!instance) {
    if (instance.error().kind == weft::ErrorKind::Trap) {
      std::printf("instantiate trap %s\n", trap_kind(instance.error()));
    } else {
      std::printf("link-error\n");
      std::fprintf(stderr, "%s\n", instance.error().to_string().c_str());
    }
    return 0;
  }
  for (const weft::ExportType& e : module->exports()) {
    if (e.type.kind != weft::ExternKind::Func) continue;
    const weft::FuncType& type = e.type.func;
    if (has_v128(type)) {
      std::printf("skip %s\n", e.name.c_str());
      continue;
    }
    std::printf("call %s\n", e.name.c_str());
    std::optional<weft::Func> func = instance->get_func(store, e.name);
    std::vector<weft::Val> args;
    for (const weft::ValType& t : type.params) args.push_back(zero_of(t));
    std::vector<weft::Val> results;
    for (const weft::ValType& t : type.results) results.push_back(zero_of(t));
    weft::Result<void> called = func->call(store, args, results);
    if (!called) {
      std::printf("trap %s\n", trap_kind(called.error()));
      std::fprintf(stderr, "%s: %s\n", e.name.c_str(), called.error().to_string().c_str());
      continue;
    }
    std::string line = "result";
    for (const weft::Val& r : results) line += " " + format_val(r);
    std::printf("%s\n", line.c_str());
  }
  print_final_state(store, *module, *instance, memory_dump_path);
  return 0;
}
