#include "ir/module.hpp"

#include <algorithm>

namespace weft::ir {

void Module::count_imports() {
  num_imported_funcs = num_imported_tables = num_imported_memories = 0;
  num_imported_globals = num_imported_tags = 0;
  for (auto& v : imports_by_kind) v.clear();
  for (uint32_t n = 0; n < imports.size(); ++n) {
    const Import& i = imports[n];
    imports_by_kind[static_cast<int>(i.kind)].push_back(n);
    switch (i.kind) {
      case ExternKind::Func: ++num_imported_funcs; break;
      case ExternKind::Table: ++num_imported_tables; break;
      case ExternKind::Memory: ++num_imported_memories; break;
      case ExternKind::Global: ++num_imported_globals; break;
      case ExternKind::Tag: ++num_imported_tags; break;
    }
  }
}

static const Import& nth_import(const Module& m, ExternKind kind, uint32_t n) {
  return m.imports[m.imports_by_kind[static_cast<int>(kind)][n]];
}

uint32_t Module::func_type_index(uint32_t index) const {
  if (index < num_imported_funcs) return nth_import(*this, ExternKind::Func, index).func_type;
  return functions[index - num_imported_funcs].type_index;
}

const TableType& Module::table_type(uint32_t index) const {
  if (index < num_imported_tables) return nth_import(*this, ExternKind::Table, index).table;
  return tables[index - num_imported_tables].type;
}

const MemoryType& Module::memory_type(uint32_t index) const {
  if (index < num_imported_memories) return nth_import(*this, ExternKind::Memory, index).memory;
  return memories[index - num_imported_memories].type;
}

const GlobalType& Module::global_type(uint32_t index) const {
  if (index < num_imported_globals) return nth_import(*this, ExternKind::Global, index).global;
  return globals[index - num_imported_globals].type;
}

const TagType& Module::tag_type(uint32_t index) const {
  if (index < num_imported_tags) return nth_import(*this, ExternKind::Tag, index).tag;
  return tags[index - num_imported_tags].type;
}

const SourceLoc* Module::source_loc(uint64_t offset) const {
  auto it = std::upper_bound(source_map.begin(), source_map.end(), offset,
                             [](uint64_t o, const SourceLoc& l) { return o < l.offset; });
  if (it == source_map.begin()) return nullptr;
  return &*(it - 1);
}

ByteRange Module::append_bytes(const uint8_t* data, size_t size) {
  ByteRange r{static_cast<uint32_t>(bytes.size()), static_cast<uint32_t>(size)};
  bytes.insert(bytes.end(), data, data + size);
  return r;
}

}  // namespace weft::ir
