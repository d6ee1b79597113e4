#include "validate/module_context.hpp"

namespace weft::validate {

ModuleContext::ModuleContext(const ir::Module& m, const ir::Features& f) : module(m), features(f) {
  func_type_indices.reserve(m.total_funcs());
  globals.reserve(m.total_globals());
  tables.reserve(m.total_tables());
  for (const ir::Import& i : m.imports) {
    switch (i.kind) {
      case ir::ExternKind::Func:
        func_type_indices.push_back(i.func_type);
        break;
      case ir::ExternKind::Global:
        globals.push_back(i.global);
        break;
      case ir::ExternKind::Table:
        tables.push_back(i.table);
        break;
      case ir::ExternKind::Memory:
        memory_is64.push_back(i.memory.limits.is64);
        break;
      case ir::ExternKind::Tag:
        break;
    }
  }
  for (const ir::Function& fn : m.functions) func_type_indices.push_back(fn.type_index);
  for (const ir::Global& g : m.globals) globals.push_back(g.type);
  for (const ir::Table& t : m.tables) tables.push_back(t.type);
  for (const ir::Memory& mem : m.memories) memory_is64.push_back(mem.type.limits.is64);
  declared_funcs.assign(func_type_indices.size(), 0);
}

}  // namespace weft::validate
