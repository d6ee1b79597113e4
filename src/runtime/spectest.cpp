#include "runtime/spectest.hpp"

#include <bit>
#include <cinttypes>
#include <cstdio>

namespace weft::runtime {

// Prints one argument the way the reference interpreter does: "VALUE : TYPE".
static void print_value(FILE* out, ir::ValType type, const ValRaw& v) {
  switch (type.kind()) {
    case ir::ValKind::I32: std::fprintf(out, "%" PRId32 " : i32\n", static_cast<int32_t>(v.i32)); break;
    case ir::ValKind::I64: std::fprintf(out, "%" PRId64 " : i64\n", static_cast<int64_t>(v.i64)); break;
    case ir::ValKind::F32: std::fprintf(out, "%.9g : f32\n", std::bit_cast<float>(v.f32)); break;
    case ir::ValKind::F64: std::fprintf(out, "%.17g : f64\n", std::bit_cast<double>(v.f64)); break;
    default: break;
  }
}

Result<NamedExterns> make_spectest(Store& store, FILE* print_to) {
  using ir::ValType;
  NamedExterns out;
  auto func = [&](const char* name, std::vector<ValType> params) -> Result<void> {
    std::vector<ValType> types = params;
    HostCallback print = [types, print_to](std::span<ValRaw> values) {
      if (print_to) {
        for (size_t i = 0; i < types.size() && i < values.size(); ++i) {
          print_value(print_to, types[i], values[i]);
        }
      }
      return TrapCode::None;
    };
    Result<VMFuncRef*> f = store.new_host_func(ir::FuncType{std::move(params), {}}, std::move(print));
    if (!f) return std::move(f).error();
    Extern e;
    e.kind = ir::ExternKind::Func;
    e.func = *f;
    out.emplace_back(name, e);
    return {};
  };
  WEFT_TRY(func("print", {}));
  WEFT_TRY(func("print_i32", {ValType::i32()}));
  WEFT_TRY(func("print_i64", {ValType::i64()}));
  WEFT_TRY(func("print_f32", {ValType::f32()}));
  WEFT_TRY(func("print_f64", {ValType::f64()}));
  WEFT_TRY(func("print_i32_f32", {ValType::i32(), ValType::f32()}));
  WEFT_TRY(func("print_f64_f64", {ValType::f64(), ValType::f64()}));

  auto global = [&](const char* name, ValType type, uint64_t bits) -> Result<void> {
    ValRaw v{};
    v.i64 = bits;
    Result<Global*> g = store.new_global(ir::GlobalType{type, false}, v);
    if (!g) return std::move(g).error();
    Extern e;
    e.kind = ir::ExternKind::Global;
    e.global = *g;
    out.emplace_back(name, e);
    return {};
  };
  WEFT_TRY(global("global_i32", ValType::i32(), 666));
  WEFT_TRY(global("global_i64", ValType::i64(), 666));
  WEFT_TRY(global("global_f32", ValType::f32(), std::bit_cast<uint32_t>(666.6f)));
  WEFT_TRY(global("global_f64", ValType::f64(), std::bit_cast<uint64_t>(666.6)));

  ir::TableType table_type;
  table_type.element = ValType::funcref();
  table_type.limits.min = 10;
  table_type.limits.max = 20;
  Result<Table*> table = store.new_table(table_type, 0);
  if (!table) return std::move(table).error();
  Extern t;
  t.kind = ir::ExternKind::Table;
  t.table = *table;
  out.emplace_back("table", t);

  ir::MemoryType memory_type;
  memory_type.limits.min = 1;
  memory_type.limits.max = 2;
  Result<LinearMemory*> memory = store.new_memory(memory_type);
  if (!memory) return std::move(memory).error();
  Extern m;
  m.kind = ir::ExternKind::Memory;
  m.memory = *memory;
  out.emplace_back("memory", m);
  return out;
}

}  // namespace weft::runtime
