#include "runtime/spectest.hpp"

#include <bit>

namespace weft::runtime {

Result<NamedExterns> make_spectest(Store& store) {
  using ir::ValType;
  NamedExterns out;
  auto func = [&](const char* name, std::vector<ValType> params) -> Result<void> {
    Result<VMFuncRef*> f = store.new_host_func(ir::FuncType{std::move(params), {}},
                                               [](std::span<ValRaw>) { return TrapCode::None; });
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
