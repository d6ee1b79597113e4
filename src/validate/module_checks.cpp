#include "validate/module_checks.hpp"

#include <string>
#include <string_view>
#include <unordered_set>

namespace weft::validate {

namespace {

Error invalid(std::string message) {
  return Error{ErrorKind::Invalid, std::move(message)};
}

Error unknown(const char* what, uint64_t index) {
  return invalid(std::string("unknown ") + what + " " + std::to_string(index));
}

// Limits must lie within `range` and have min <= max.
Result<void> check_limits(const ir::Limits& limits, uint64_t range, const char* range_message) {
  if (limits.min > range) return invalid(range_message);
  if (limits.max) {
    if (*limits.max > range) return invalid(range_message);
    if (limits.min > *limits.max) return invalid("size minimum must not be greater than maximum");
  }
  return {};
}

Result<void> check_table_type(const ir::TableType& t) {
  if (t.limits.is64) {
    return check_limits(t.limits, UINT64_MAX, "table size must be at most 2^64-1 entries");
  }
  return check_limits(t.limits, UINT32_MAX, "table size must be at most 2^32-1 entries");
}

Result<void> check_memory_type(const ir::MemoryType& m) {
  if (m.limits.is64) {
    return check_limits(m.limits, uint64_t{1} << 48,
                        "memory size must be at most 2^48 pages (256TiB)");
  }
  if (m.page_size_log2 != 16) {
    // Custom page sizes: the byte size, not the page count, is bounded by 4GiB.
    return check_limits(m.limits, (uint64_t{1} << 32) >> m.page_size_log2,
                        "memory size must be at most 4GiB");
  }
  return check_limits(m.limits, 65536, "memory size must be at most 65536 pages (4GiB)");
}

ir::ValType address_type(bool is64) {
  return is64 ? ir::ValType::i64() : ir::ValType::i32();
}

// Globals a constant expression may read. Wasm 2.0 allows only imported ones; extended-const and
// GC allow every global defined before the expression's own (`limit`).
uint32_t visible_globals(const ModuleContext& ctx, uint32_t limit) {
  if (ctx.features.extended_const || ctx.features.gc) return limit;
  return ctx.module.num_imported_globals;
}

}  // namespace

Result<void> check_function_types(const ModuleContext& ctx) {
  const ir::Module& m = ctx.module;
  for (const ir::Import& i : m.imports) {
    if (i.kind == ir::ExternKind::Func && !m.is_func_type(i.func_type)) {
      return unknown("type", i.func_type);
    }
    if (i.kind == ir::ExternKind::Tag && !m.is_func_type(i.tag.type_index)) {
      return unknown("type", i.tag.type_index);
    }
  }
  for (const ir::Function& f : m.functions) {
    if (!m.is_func_type(f.type_index)) return unknown("type", f.type_index);
  }
  for (const ir::Tag& t : m.tags) {
    if (!m.is_func_type(t.type.type_index)) return unknown("type", t.type.type_index);
  }
  return {};
}

Result<void> check_table_and_memory_limits(const ModuleContext& ctx) {
  const ir::Module& m = ctx.module;
  for (const ir::Import& i : m.imports) {
    if (i.kind == ir::ExternKind::Table) WEFT_TRY(check_table_type(i.table));
    if (i.kind == ir::ExternKind::Memory) WEFT_TRY(check_memory_type(i.memory));
  }
  for (const ir::Table& t : m.tables) WEFT_TRY(check_table_type(t.type));
  for (const ir::Memory& mem : m.memories) WEFT_TRY(check_memory_type(mem.type));
  return {};
}

Result<void> check_memory_count(const ModuleContext& ctx) {
  if (!ctx.features.multi_memory && ctx.module.total_memories() > 1) {
    return invalid("multiple memories");
  }
  return {};
}

Result<void> check_globals(ModuleContext& ctx, ConstExprChecker& exprs) {
  const ir::Module& m = ctx.module;
  for (uint32_t i = 0; i < m.globals.size(); ++i) {
    const ir::Global& g = m.globals[i];
    WEFT_TRY(exprs.check(g.init, g.type.type, visible_globals(ctx, m.num_imported_globals + i)));
  }
  return {};
}

Result<void> check_elems(ModuleContext& ctx, ConstExprChecker& exprs) {
  const ir::Module& m = ctx.module;
  const uint32_t globals = visible_globals(ctx, m.total_globals());
  for (const ir::ElemSegment& e : m.elems) {
    if (!e.type.is_ref())
      return invalid("type mismatch: element segment of " + ir::to_string(e.type));
    if (e.mode == ir::SegmentMode::Active) {
      if (e.table >= m.total_tables()) return unknown("table", e.table);
      const ir::TableType& table = m.table_type(e.table);
      WEFT_TRY(exprs.check(e.offset, address_type(table.limits.is64), globals));
      if (table.element != e.type) {
        return invalid("type mismatch: element segment of " + ir::to_string(e.type) +
                       " for a table of " + ir::to_string(table.element));
      }
    }
    if (e.uses_exprs) {
      for (const ir::ConstExpr& item : e.exprs) WEFT_TRY(exprs.check(item, e.type, globals));
    } else {
      for (uint32_t f : e.func_indices) {
        if (f >= m.total_funcs()) return unknown("function", f);
        ctx.declare_func(f);
      }
    }
  }
  return {};
}

Result<void> check_datas(ModuleContext& ctx, ConstExprChecker& exprs) {
  const ir::Module& m = ctx.module;
  if (m.data_count && *m.data_count != m.datas.size()) {
    return Error{ErrorKind::Malformed, "data count and data section have inconsistent lengths"};
  }
  const uint32_t globals = visible_globals(ctx, m.total_globals());
  for (const ir::DataSegment& d : m.datas) {
    if (d.mode != ir::SegmentMode::Active) continue;
    if (d.memory >= m.total_memories()) return unknown("memory", d.memory);
    WEFT_TRY(exprs.check(d.offset, address_type(m.memory_type(d.memory).limits.is64), globals));
  }
  return {};
}

Result<void> check_start(const ModuleContext& ctx) {
  const ir::Module& m = ctx.module;
  if (!m.start) return {};
  if (*m.start >= m.total_funcs()) return unknown("function", *m.start);
  const ir::FuncType& type = m.func_type(m.func_type_index(*m.start));
  if (!type.params.empty() || !type.results.empty()) {
    return invalid("start function must have type [] -> [], not " + ir::to_string(type));
  }
  return {};
}

Result<void> check_exports(const ModuleContext& ctx) {
  const ir::Module& m = ctx.module;
  std::unordered_set<std::string_view> names;
  names.reserve(m.exports.size());
  for (const ir::Export& e : m.exports) {
    uint32_t count = 0;
    switch (e.kind) {
      case ir::ExternKind::Func:
        count = m.total_funcs();
        break;
      case ir::ExternKind::Table:
        count = m.total_tables();
        break;
      case ir::ExternKind::Memory:
        count = m.total_memories();
        break;
      case ir::ExternKind::Global:
        count = m.total_globals();
        break;
      case ir::ExternKind::Tag:
        count = m.total_tags();
        break;
    }
    if (e.index >= count) {
      return unknown(e.kind == ir::ExternKind::Func ? "function" : ir::extern_kind_name(e.kind),
                     e.index);
    }
    if (!names.insert(e.name).second) return invalid("duplicate export name \"" + e.name + "\"");
  }
  return {};
}

void declare_exported_funcs(ModuleContext& ctx) {
  for (const ir::Export& e : ctx.module.exports) {
    if (e.kind == ir::ExternKind::Func) ctx.declare_func(e.index);
  }
}

}  // namespace weft::validate
