// Structural comparison of two modules for round-trip tests. Byte ranges are compared by the bytes
// they cover, not by offsets, since the same module encoded twice may place its code differently.
#pragma once

#include <algorithm>
#include <string>

#include "ir/module.hpp"

namespace weft::binary::testing {

// An empty string when `a` and `b` say the same thing, else a description of the first
// difference found.
inline std::string module_difference(const ir::Module& a, const ir::Module& b) {
  auto same_code = [&](ir::ByteRange x, ir::ByteRange y) {
    auto sx = a.span(x);
    auto sy = b.span(y);
    return std::equal(sx.begin(), sx.end(), sy.begin(), sy.end());
  };
#define WEFT_CHECK_SAME(cond, what) \
  if (!(cond)) return std::string(what) + " differs"
#define WEFT_CHECK_SIZE(field) WEFT_CHECK_SAME(a.field.size() == b.field.size(), #field " count")

  WEFT_CHECK_SAME(a.types == b.types, "types");
  WEFT_CHECK_SIZE(rec_groups);
  for (size_t i = 0; i < a.rec_groups.size(); ++i) {
    WEFT_CHECK_SAME(a.rec_groups[i].first == b.rec_groups[i].first &&
                        a.rec_groups[i].count == b.rec_groups[i].count,
                    "rec group " + std::to_string(i));
  }
  WEFT_CHECK_SIZE(imports);
  for (size_t i = 0; i < a.imports.size(); ++i) {
    const ir::Import& x = a.imports[i];
    const ir::Import& y = b.imports[i];
    bool same = x.module == y.module && x.name == y.name && x.kind == y.kind;
    if (same) {
      switch (x.kind) {
        case ir::ExternKind::Func:
          same = x.func_type == y.func_type;
          break;
        case ir::ExternKind::Table:
          same = x.table == y.table;
          break;
        case ir::ExternKind::Memory:
          same = x.memory == y.memory;
          break;
        case ir::ExternKind::Global:
          same = x.global == y.global;
          break;
        case ir::ExternKind::Tag:
          same = x.tag == y.tag;
          break;
      }
    }
    WEFT_CHECK_SAME(same, "import " + std::to_string(i));
  }
  WEFT_CHECK_SIZE(functions);
  for (size_t i = 0; i < a.functions.size(); ++i) {
    const ir::Function& x = a.functions[i];
    const ir::Function& y = b.functions[i];
    bool same = x.type_index == y.type_index && x.num_locals == y.num_locals &&
                x.locals.size() == y.locals.size() && same_code(x.body, y.body);
    for (size_t j = 0; same && j < x.locals.size(); ++j) {
      same = x.locals[j].count == y.locals[j].count && x.locals[j].type == y.locals[j].type;
    }
    WEFT_CHECK_SAME(same, "function " + std::to_string(i));
  }
  WEFT_CHECK_SIZE(tables);
  for (size_t i = 0; i < a.tables.size(); ++i) {
    const ir::Table& x = a.tables[i];
    const ir::Table& y = b.tables[i];
    bool same = x.type == y.type && x.init.has_value() == y.init.has_value();
    if (same && x.init) same = same_code(x.init->code, y.init->code);
    WEFT_CHECK_SAME(same, "table " + std::to_string(i));
  }
  WEFT_CHECK_SIZE(memories);
  for (size_t i = 0; i < a.memories.size(); ++i) {
    WEFT_CHECK_SAME(a.memories[i].type == b.memories[i].type, "memory " + std::to_string(i));
  }
  WEFT_CHECK_SIZE(globals);
  for (size_t i = 0; i < a.globals.size(); ++i) {
    WEFT_CHECK_SAME(a.globals[i].type == b.globals[i].type &&
                        same_code(a.globals[i].init.code, b.globals[i].init.code),
                    "global " + std::to_string(i));
  }
  WEFT_CHECK_SIZE(tags);
  for (size_t i = 0; i < a.tags.size(); ++i) {
    WEFT_CHECK_SAME(a.tags[i].type == b.tags[i].type, "tag " + std::to_string(i));
  }
  WEFT_CHECK_SIZE(exports);
  for (size_t i = 0; i < a.exports.size(); ++i) {
    const ir::Export& x = a.exports[i];
    const ir::Export& y = b.exports[i];
    WEFT_CHECK_SAME(x.name == y.name && x.kind == y.kind && x.index == y.index,
                    "export " + std::to_string(i));
  }
  WEFT_CHECK_SAME(a.start == b.start, "start");
  WEFT_CHECK_SIZE(elems);
  for (size_t i = 0; i < a.elems.size(); ++i) {
    const ir::ElemSegment& x = a.elems[i];
    const ir::ElemSegment& y = b.elems[i];
    bool same = x.mode == y.mode && x.type == y.type && x.uses_exprs == y.uses_exprs &&
                x.func_indices == y.func_indices && x.exprs.size() == y.exprs.size();
    if (same && x.mode == ir::SegmentMode::Active) {
      same = x.table == y.table && same_code(x.offset.code, y.offset.code);
    }
    for (size_t j = 0; same && j < x.exprs.size(); ++j) {
      same = same_code(x.exprs[j].code, y.exprs[j].code);
    }
    WEFT_CHECK_SAME(same, "element segment " + std::to_string(i));
  }
  WEFT_CHECK_SIZE(datas);
  for (size_t i = 0; i < a.datas.size(); ++i) {
    const ir::DataSegment& x = a.datas[i];
    const ir::DataSegment& y = b.datas[i];
    bool same = x.mode == y.mode && same_code(x.init, y.init);
    if (same && x.mode == ir::SegmentMode::Active) {
      same = x.memory == y.memory && same_code(x.offset.code, y.offset.code);
    }
    WEFT_CHECK_SAME(same, "data segment " + std::to_string(i));
  }
  WEFT_CHECK_SAME(a.data_count == b.data_count, "data count");
  WEFT_CHECK_SIZE(customs);
  for (size_t i = 0; i < a.customs.size(); ++i) {
    const ir::CustomSection& x = a.customs[i];
    const ir::CustomSection& y = b.customs[i];
    WEFT_CHECK_SAME(
        x.name == y.name && x.after_section == y.after_section && same_code(x.content, y.content),
        "custom section " + std::to_string(i));
  }
  WEFT_CHECK_SAME(a.names.module == b.names.module, "module name");
  WEFT_CHECK_SAME(a.names.functions == b.names.functions, "function names");
  WEFT_CHECK_SAME(a.names.locals == b.names.locals, "local names");
  WEFT_CHECK_SAME(a.num_imported_funcs == b.num_imported_funcs &&
                      a.num_imported_tables == b.num_imported_tables &&
                      a.num_imported_memories == b.num_imported_memories &&
                      a.num_imported_globals == b.num_imported_globals &&
                      a.num_imported_tags == b.num_imported_tags,
                  "import counts");
#undef WEFT_CHECK_SIZE
#undef WEFT_CHECK_SAME
  return "";
}

}  // namespace weft::binary::testing
