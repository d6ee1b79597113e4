// Second pass: each module field, with its abbreviations (inline imports and exports, inline
// element and data segments, implicit type uses), into ir::Module.
#include "base/utf8.hpp"
#include "text/module_parser.hpp"

namespace weft::text {

namespace {

constexpr uint8_t kEnd = 0x0b;

std::string without_dollar(std::string_view id) {
  return std::string(id.substr(1));
}

}  // namespace

Result<void> ModuleParser::parse() {
  bool wrapped = false;
  if (cur_.at_form("module")) {
    wrapped = true;
    cur_.next();
    cur_.next();
    if (const Token* id = take_id()) m_.names.module = without_dollar(cur_.text(*id));
    if (cur_.at_atom("binary") || cur_.at_atom("quote")) return cur_.unexpected(cur_.peek());
  }
  const size_t first = cur_.index();
  WEFT_TRY(scan_fields(first));
  WEFT_TRY(parse_fields(first));
  if (wrapped) WEFT_TRY(cur_.expect(TokenKind::RParen));
  if (!cur_.at(TokenKind::Eof)) return cur_.unexpected(cur_.peek());
  m_.data_count = static_cast<uint32_t>(m_.datas.size());
  m_.count_imports();
  return {};
}

Result<void> ModuleParser::parse_fields(size_t first) {
  cur_.set_index(first);
  while (cur_.at(TokenKind::LParen)) WEFT_TRY(parse_field());
  return {};
}

Result<void> ModuleParser::parse_field() {
  const std::string_view kw = cur_.text(cur_.peek(1));
  if (kw == "type") {
    cur_.skip_form();  // parsed by the first pass
    return {};
  }
  if (kw == "func") return parse_func();
  if (kw == "table") return parse_table();
  if (kw == "memory") return parse_memory();
  if (kw == "global") return parse_global();
  if (kw == "import") return parse_import();
  if (kw == "export") return parse_export();
  if (kw == "start") return parse_start();
  if (kw == "elem") return parse_elem();
  if (kw == "data") return parse_data();
  return cur_.unexpected(cur_.peek(1));
}

Result<std::string> ModuleParser::parse_name() {
  const Token& t = cur_.peek();
  if (t.kind != TokenKind::String) return cur_.unexpected(t);
  cur_.next();
  std::string name = decode_string(cur_.text(t));
  if (!is_valid_utf8(name)) return cur_.error(t, "malformed UTF-8 encoding");
  return name;
}

Result<void> ModuleParser::parse_inline_exports(ir::ExternKind kind, uint32_t index) {
  while (cur_.at_form("export")) {
    cur_.next();
    cur_.next();
    auto name = parse_name();
    if (!name) return name.error();
    m_.exports.push_back(ir::Export{std::move(*name), kind, index});
    WEFT_TRY(cur_.expect(TokenKind::RParen));
  }
  return {};
}

Result<bool> ModuleParser::parse_inline_import(std::string& module, std::string& name) {
  if (!cur_.at_form("import")) return false;
  cur_.next();
  cur_.next();
  auto m = parse_name();
  if (!m) return m.error();
  auto n = parse_name();
  if (!n) return n.error();
  WEFT_TRY(cur_.expect(TokenKind::RParen));
  module = std::move(*m);
  name = std::move(*n);
  return true;
}

void ModuleParser::name_function(uint32_t index, const Token* id) {
  if (id != nullptr) m_.names.functions[index] = without_dollar(cur_.text(*id));
}

Result<void> ModuleParser::parse_locals(ir::Function& func, uint32_t func_index) {
  while (cur_.at_form("local")) {
    cur_.next();
    cur_.next();
    auto add = [&](ir::ValType t, const Token* id) -> Result<void> {
      const uint32_t index = locals_.count;
      WEFT_TRY(define(locals_, id, "local"));
      if (id != nullptr) m_.names.locals[func_index][index] = without_dollar(cur_.text(*id));
      if (!func.locals.empty() && func.locals.back().type == t)
        ++func.locals.back().count;
      else
        func.locals.push_back(ir::LocalDecl{1, t});
      ++func.num_locals;
      return {};
    };
    if (const Token* id = take_id()) {
      auto t = parse_valtype();
      if (!t) return t.error();
      WEFT_TRY(add(*t, id));
    } else {
      while (!cur_.at(TokenKind::RParen)) {
        auto t = parse_valtype();
        if (!t) return t.error();
        WEFT_TRY(add(*t, nullptr));
      }
    }
    WEFT_TRY(cur_.expect(TokenKind::RParen));
  }
  return {};
}

Result<void> ModuleParser::parse_func() {
  cur_.next();
  cur_.next();
  const Token* id = take_id();
  const uint32_t index = next_func_++;
  name_function(index, id);
  WEFT_TRY(parse_inline_exports(ir::ExternKind::Func, index));
  ir::Import import;
  auto imported = parse_inline_import(import.module, import.name);
  if (!imported) return imported.error();
  auto use = parse_typeuse(true);
  if (!use) return use.error();
  auto type = resolve_typeuse(*use);
  if (!type) return type.error();
  if (*imported) {
    import.kind = ir::ExternKind::Func;
    import.func_type = *type;
    m_.imports.push_back(std::move(import));
    return cur_.expect(TokenKind::RParen);
  }

  locals_ = IndexSpace();
  if (use->has_inline) {
    for (std::string_view param : use->param_ids) {
      const uint32_t local = locals_.count;
      if (!param.empty() && !locals_.ids.emplace(param, local).second) {
        return cur_.error(cur_.peek(), "duplicate local");
      }
      if (!param.empty()) m_.names.locals[index][local] = without_dollar(param);
      ++locals_.count;
    }
  } else if (m_.is_func_type(*type)) {
    locals_.count = static_cast<uint32_t>(m_.func_type(*type).params.size());
  }
  ir::Function func;
  func.type_index = *type;
  WEFT_TRY(parse_locals(func, index));

  labels_.clear();
  pending_.clear();
  const uint32_t begin = static_cast<uint32_t>(m_.bytes.size());
  WEFT_TRY(parse_instrs());
  note_location(cur_.peek(), static_cast<uint32_t>(m_.bytes.size()));
  m_.bytes.push_back(kEnd);
  func.body = ir::ByteRange{begin, static_cast<uint32_t>(m_.bytes.size()) - begin};
  m_.functions.push_back(std::move(func));
  return cur_.expect(TokenKind::RParen);
}

namespace {

// `i32.const 0 end`: the offset of an inline element or data segment.
ir::ConstExpr zero_offset(ir::Module& m) {
  const uint8_t code[] = {0x41, 0x00, kEnd};
  return ir::ConstExpr{m.append_bytes(code, sizeof code)};
}

}  // namespace

Result<bool> ModuleParser::parse_field_head(ir::ExternKind kind, uint32_t& counter,
                                            uint32_t& index, ir::Import& import) {
  cur_.next();
  cur_.next();
  take_id();
  index = counter++;
  WEFT_TRY(parse_inline_exports(kind, index));
  return parse_inline_import(import.module, import.name);
}

Result<void> ModuleParser::parse_table() {
  ir::Import import;
  uint32_t index;
  auto imported = parse_field_head(ir::ExternKind::Table, next_table_, index, import);
  if (!imported) return imported.error();
  if (*imported) {
    auto type = parse_tabletype();
    if (!type) return type.error();
    import.kind = ir::ExternKind::Table;
    import.table = *type;
    m_.imports.push_back(std::move(import));
    return cur_.expect(TokenKind::RParen);
  }
  if (at_valtype()) {  // `reftype (elem ...)`
    auto elem_type = parse_reftype();
    if (!elem_type) return elem_type.error();
    if (!cur_.at_form("elem")) return cur_.unexpected(cur_.peek());
    cur_.next();
    cur_.next();
    ir::ElemSegment seg;
    seg.mode = ir::SegmentMode::Active;
    seg.table = index;
    seg.type = *elem_type;
    if (cur_.at(TokenKind::LParen)) {
      seg.uses_exprs = true;
      while (cur_.at(TokenKind::LParen)) {
        auto item = parse_elem_item();
        if (!item) return item.error();
        seg.exprs.push_back(*item);
      }
    } else {
      while (at_index()) {
        auto f = parse_index(funcs_, "function");
        if (!f) return f.error();
        seg.func_indices.push_back(*f);
      }
    }
    WEFT_TRY(cur_.expect(TokenKind::RParen));
    seg.offset = zero_offset(m_);
    ir::Table table;
    table.type.element = *elem_type;
    table.type.limits.min = seg.size();
    table.type.limits.max = seg.size();
    m_.tables.push_back(table);
    m_.elems.push_back(std::move(seg));
    return cur_.expect(TokenKind::RParen);
  }
  auto type = parse_tabletype();
  if (!type) return type.error();
  m_.tables.push_back(ir::Table{*type, std::nullopt});
  return cur_.expect(TokenKind::RParen);
}

Result<ir::ByteRange> ModuleParser::parse_data_strings() {
  const uint32_t begin = static_cast<uint32_t>(m_.bytes.size());
  while (cur_.at(TokenKind::String)) {
    const std::string s = decode_string(cur_.text(cur_.next()));
    m_.bytes.insert(m_.bytes.end(), s.begin(), s.end());
  }
  return ir::ByteRange{begin, static_cast<uint32_t>(m_.bytes.size()) - begin};
}

Result<void> ModuleParser::parse_memory() {
  ir::Import import;
  uint32_t index;
  auto imported = parse_field_head(ir::ExternKind::Memory, next_memory_, index, import);
  if (!imported) return imported.error();
  if (*imported) {
    auto limits = parse_limits();
    if (!limits) return limits.error();
    import.kind = ir::ExternKind::Memory;
    import.memory.limits = *limits;
    m_.imports.push_back(std::move(import));
    return cur_.expect(TokenKind::RParen);
  }
  ir::Memory memory;
  if (cur_.at_form("data")) {
    cur_.next();
    cur_.next();
    ir::DataSegment seg;
    seg.mode = ir::SegmentMode::Active;
    seg.memory = index;
    auto init = parse_data_strings();
    if (!init) return init.error();
    seg.init = *init;
    WEFT_TRY(cur_.expect(TokenKind::RParen));
    seg.offset = zero_offset(m_);
    const uint64_t pages = (uint64_t{seg.init.size} + 0xffff) >> 16;
    memory.type.limits.min = pages;
    memory.type.limits.max = pages;
    m_.datas.push_back(seg);
  } else {
    auto limits = parse_limits();
    if (!limits) return limits.error();
    memory.type.limits = *limits;
  }
  m_.memories.push_back(memory);
  return cur_.expect(TokenKind::RParen);
}

Result<void> ModuleParser::parse_global() {
  ir::Import import;
  uint32_t index;
  auto imported = parse_field_head(ir::ExternKind::Global, next_global_, index, import);
  if (!imported) return imported.error();
  auto type = parse_globaltype();
  if (!type) return type.error();
  if (*imported) {
    import.kind = ir::ExternKind::Global;
    import.global = *type;
    m_.imports.push_back(std::move(import));
    return cur_.expect(TokenKind::RParen);
  }
  locals_ = IndexSpace();
  auto init = parse_const_expr();
  if (!init) return init.error();
  m_.globals.push_back(ir::Global{*type, *init});
  return cur_.expect(TokenKind::RParen);
}

Result<void> ModuleParser::parse_import() {
  cur_.next();
  cur_.next();
  ir::Import import;
  auto module = parse_name();
  if (!module) return module.error();
  auto name = parse_name();
  if (!name) return name.error();
  import.module = std::move(*module);
  import.name = std::move(*name);
  WEFT_TRY(cur_.expect(TokenKind::LParen));
  const Token& kind = cur_.next();
  const std::string_view k = cur_.text(kind);
  const Token* id = take_id();
  if (k == "func") {
    const uint32_t index = next_func_++;
    name_function(index, id);
    auto use = parse_typeuse(true);
    if (!use) return use.error();
    auto type = resolve_typeuse(*use);
    if (!type) return type.error();
    import.kind = ir::ExternKind::Func;
    import.func_type = *type;
  } else if (k == "table") {
    ++next_table_;
    auto type = parse_tabletype();
    if (!type) return type.error();
    import.kind = ir::ExternKind::Table;
    import.table = *type;
  } else if (k == "memory") {
    ++next_memory_;
    auto limits = parse_limits();
    if (!limits) return limits.error();
    import.kind = ir::ExternKind::Memory;
    import.memory.limits = *limits;
  } else if (k == "global") {
    ++next_global_;
    auto type = parse_globaltype();
    if (!type) return type.error();
    import.kind = ir::ExternKind::Global;
    import.global = *type;
  } else {
    return cur_.unexpected(kind);
  }
  WEFT_TRY(cur_.expect(TokenKind::RParen));
  m_.imports.push_back(std::move(import));
  return cur_.expect(TokenKind::RParen);
}

Result<void> ModuleParser::parse_export() {
  cur_.next();
  cur_.next();
  auto name = parse_name();
  if (!name) return name.error();
  WEFT_TRY(cur_.expect(TokenKind::LParen));
  const Token& kind = cur_.next();
  const std::string_view k = cur_.text(kind);
  Result<uint32_t> index = 0u;
  ir::ExternKind ek;
  if (k == "func") {
    ek = ir::ExternKind::Func;
    index = parse_index(funcs_, "function");
  } else if (k == "table") {
    ek = ir::ExternKind::Table;
    index = parse_index(tables_, "table");
  } else if (k == "memory") {
    ek = ir::ExternKind::Memory;
    index = parse_index(memories_, "memory");
  } else if (k == "global") {
    ek = ir::ExternKind::Global;
    index = parse_index(globals_, "global");
  } else {
    return cur_.unexpected(kind);
  }
  if (!index) return index.error();
  m_.exports.push_back(ir::Export{std::move(*name), ek, *index});
  WEFT_TRY(cur_.expect(TokenKind::RParen));
  return cur_.expect(TokenKind::RParen);
}

Result<void> ModuleParser::parse_start() {
  const Token& open = cur_.next();
  cur_.next();
  if (has_start_) return cur_.error(open, "multiple start sections");
  has_start_ = true;
  auto index = parse_index(funcs_, "function");
  if (!index) return index.error();
  m_.start = *index;
  return cur_.expect(TokenKind::RParen);
}

Result<ir::ConstExpr> ModuleParser::parse_offset() {
  locals_ = IndexSpace();
  if (cur_.at_form("offset")) {
    cur_.next();
    cur_.next();
    auto expr = parse_const_expr();
    if (!expr) return expr;
    WEFT_TRY(cur_.expect(TokenKind::RParen));
    return expr;
  }
  return parse_const_expr(true);
}

Result<ir::ConstExpr> ModuleParser::parse_elem_item() {
  locals_ = IndexSpace();
  if (cur_.at_form("item")) {
    cur_.next();
    cur_.next();
    auto expr = parse_const_expr();
    if (!expr) return expr;
    WEFT_TRY(cur_.expect(TokenKind::RParen));
    return expr;
  }
  return parse_const_expr(true);
}

Result<void> ModuleParser::parse_elem_list(ir::ElemSegment& seg, bool allow_bare_funcs) {
  if (cur_.at_atom("func") || (allow_bare_funcs && !at_valtype())) {
    if (cur_.at_atom("func")) cur_.next();
    seg.type = ir::ValType::funcref();
    while (at_index()) {
      auto f = parse_index(funcs_, "function");
      if (!f) return f.error();
      seg.func_indices.push_back(*f);
    }
    return {};
  }
  auto type = parse_reftype();
  if (!type) return type.error();
  seg.type = *type;
  seg.uses_exprs = true;
  while (cur_.at(TokenKind::LParen)) {
    auto item = parse_elem_item();
    if (!item) return item.error();
    seg.exprs.push_back(*item);
  }
  return {};
}

Result<void> ModuleParser::parse_elem() {
  cur_.next();
  cur_.next();
  take_id();
  ir::ElemSegment seg;
  if (cur_.at_atom("declare")) {
    cur_.next();
    seg.mode = ir::SegmentMode::Declarative;
    WEFT_TRY(parse_elem_list(seg, false));
  } else if (cur_.at(TokenKind::LParen) || at_index()) {
    seg.mode = ir::SegmentMode::Active;
    if (cur_.at_form("table")) {
      cur_.next();
      cur_.next();
      auto t = parse_index(tables_, "table");
      if (!t) return t.error();
      seg.table = *t;
      WEFT_TRY(cur_.expect(TokenKind::RParen));
    } else if (at_index()) {
      auto t = parse_index(tables_, "table");
      if (!t) return t.error();
      seg.table = *t;
    }
    auto offset = parse_offset();
    if (!offset) return offset.error();
    seg.offset = *offset;
    WEFT_TRY(parse_elem_list(seg, true));
  } else {
    WEFT_TRY(parse_elem_list(seg, false));
  }
  m_.elems.push_back(std::move(seg));
  return cur_.expect(TokenKind::RParen);
}

Result<void> ModuleParser::parse_data() {
  cur_.next();
  cur_.next();
  take_id();
  ir::DataSegment seg;
  if (cur_.at(TokenKind::LParen) || at_index()) {
    seg.mode = ir::SegmentMode::Active;
    if (cur_.at_form("memory")) {
      cur_.next();
      cur_.next();
      auto mem = parse_index(memories_, "memory");
      if (!mem) return mem.error();
      seg.memory = *mem;
      WEFT_TRY(cur_.expect(TokenKind::RParen));
    } else if (at_index()) {
      auto mem = parse_index(memories_, "memory");
      if (!mem) return mem.error();
      seg.memory = *mem;
    }
    auto offset = parse_offset();
    if (!offset) return offset.error();
    seg.offset = *offset;
  }
  auto init = parse_data_strings();
  if (!init) return init.error();
  seg.init = *init;
  m_.datas.push_back(seg);
  return cur_.expect(TokenKind::RParen);
}

}  // namespace weft::text
