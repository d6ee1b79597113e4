// Value types, function types, type uses, limits and table/global types of the text format.
#include <cstring>

#include "text/module_parser.hpp"

namespace weft::text {

namespace {

std::optional<ir::AbsHeap> abstract_heap(std::string_view w) {
  if (w == "func") return ir::AbsHeap::Func;
  if (w == "extern") return ir::AbsHeap::Extern;
  return std::nullopt;
}

std::optional<ir::ValType> simple_valtype(std::string_view w) {
  if (w == "i32") return ir::ValType::i32();
  if (w == "i64") return ir::ValType::i64();
  if (w == "f32") return ir::ValType::f32();
  if (w == "f64") return ir::ValType::f64();
  if (w == "v128") return ir::ValType::v128();
  if (w == "funcref") return ir::ValType::funcref();
  if (w == "externref") return ir::ValType::externref();
  return std::nullopt;
}

void append_key(std::string& key, ir::ValType t) {
  key.push_back(static_cast<char>(t.kind()));
  if (t.is_ref()) {
    key.push_back(t.nullable() ? 'n' : 'r');
    const uint32_t rep = t.heap().is_abstract()
                             ? ir::HeapType::kAbstractBase + uint32_t(t.heap().abs())
                             : t.heap().type_index();
    char buf[4];
    std::memcpy(buf, &rep, 4);
    key.append(buf, 4);
  }
}

std::string signature_key(const ir::FuncType& f) {
  std::string key;
  for (ir::ValType t : f.params) append_key(key, t);
  key.push_back('>');
  for (ir::ValType t : f.results) append_key(key, t);
  return key;
}

}  // namespace

Result<void> ModuleParser::parse_type_def() {
  WEFT_TRY(cur_.expect(TokenKind::LParen));
  WEFT_TRY(cur_.expect_atom("type"));
  const Token* id = take_id();
  WEFT_TRY(define(types_, id, "type"));
  WEFT_TRY(cur_.expect(TokenKind::LParen));
  WEFT_TRY(cur_.expect_atom("func"));
  ir::SubType sub;
  sub.composite.kind = ir::CompositeKind::Func;
  std::vector<std::string_view> ignored_ids;
  WEFT_TRY(parse_params(sub.composite.func, &ignored_ids));
  WEFT_TRY(parse_results(sub.composite.func));
  WEFT_TRY(cur_.expect(TokenKind::RParen));
  WEFT_TRY(cur_.expect(TokenKind::RParen));
  const uint32_t index = static_cast<uint32_t>(m_.types.size());
  type_by_signature_.emplace(signature_key(sub.composite.func), index);
  m_.types.push_back(std::move(sub));
  m_.rec_groups.push_back(ir::RecGroup{index, 1});
  return {};
}

bool ModuleParser::at_valtype() const {
  const Token& t = cur_.peek();
  if (t.kind == TokenKind::Atom) return simple_valtype(cur_.text(t)).has_value();
  return cur_.at_form("ref");
}

Result<ir::HeapType> ModuleParser::parse_heaptype() {
  const Token& t = cur_.peek();
  if (t.kind == TokenKind::Atom) {
    if (auto abs = abstract_heap(cur_.text(t))) {
      cur_.next();
      return ir::HeapType::abstract(*abs);
    }
  }
  return cur_.unexpected(t);
}

Result<ir::ValType> ModuleParser::parse_valtype() {
  const Token& t = cur_.peek();
  if (t.kind == TokenKind::Atom) {
    if (auto v = simple_valtype(cur_.text(t))) {
      cur_.next();
      return *v;
    }
    if (!cur_.is_id(t)) return cur_.error(t, "unknown operator");
  }
  return cur_.unexpected(t);
}

Result<ir::ValType> ModuleParser::parse_reftype() {
  const Token& t = cur_.peek();
  auto v = parse_valtype();
  if (!v) return v;
  if (!v->is_ref()) return cur_.error(t, "malformed reference type");
  return v;
}

Result<void> ModuleParser::parse_params(ir::FuncType& type, std::vector<std::string_view>* ids) {
  while (cur_.at_form("param")) {
    cur_.next();
    cur_.next();
    if (cur_.at_id()) {
      if (ids == nullptr) return cur_.unexpected(cur_.peek());
      const std::string_view id = cur_.text(cur_.next());
      auto t = parse_valtype();
      if (!t) return t.error();
      type.params.push_back(*t);
      ids->push_back(id);
    } else {
      while (!cur_.at(TokenKind::RParen)) {
        auto t = parse_valtype();
        if (!t) return t.error();
        type.params.push_back(*t);
        if (ids) ids->push_back({});
      }
    }
    WEFT_TRY(cur_.expect(TokenKind::RParen));
  }
  return {};
}

Result<void> ModuleParser::parse_results(ir::FuncType& type) {
  while (cur_.at_form("result")) {
    cur_.next();
    cur_.next();
    while (!cur_.at(TokenKind::RParen)) {
      auto t = parse_valtype();
      if (!t) return t.error();
      type.results.push_back(*t);
    }
    cur_.next();
  }
  return {};
}

Result<TypeUse> ModuleParser::parse_typeuse(bool allow_param_ids) {
  TypeUse use;
  if (cur_.at_form("type")) {
    cur_.next();
    cur_.next();
    use.index_token = &cur_.peek();
    auto index = parse_index(types_, "type");
    if (!index) return index.error();
    use.index = *index;
    WEFT_TRY(cur_.expect(TokenKind::RParen));
  }
  const size_t before = cur_.index();
  WEFT_TRY(parse_params(use.inline_type, allow_param_ids ? &use.param_ids : nullptr));
  WEFT_TRY(parse_results(use.inline_type));
  use.has_inline = cur_.index() != before;
  // Out of order: `(result ...) (param ...)`, `(param ...) (type ...)`.
  if (cur_.at_form("param") || cur_.at_form("type")) return cur_.unexpected(cur_.peek(1));
  if (!allow_param_ids) use.param_ids.assign(use.inline_type.params.size(), {});
  return use;
}

uint32_t ModuleParser::find_or_add_type(const ir::FuncType& type) {
  auto [it, added] =
      type_by_signature_.emplace(signature_key(type), static_cast<uint32_t>(m_.types.size()));
  if (added) {
    ir::SubType sub;
    sub.composite.kind = ir::CompositeKind::Func;
    sub.composite.func = type;
    m_.rec_groups.push_back(ir::RecGroup{it->second, 1});
    m_.types.push_back(std::move(sub));
  }
  return it->second;
}

Result<uint32_t> ModuleParser::resolve_typeuse(const TypeUse& use) {
  if (!use.index) return find_or_add_type(use.inline_type);
  // An unknown index alone is the validator's to report; with an inline signature to compare,
  // it is malformed (as the reference parser has it).
  if (!use.has_inline) return *use.index;
  if (*use.index >= m_.types.size() || !m_.is_func_type(*use.index)) {
    return cur_.error(*use.index_token, "unknown type");
  }
  if (!(m_.func_type(*use.index) == use.inline_type)) {
    return cur_.error(*use.index_token, "inline function type");
  }
  return *use.index;
}

Result<ir::Limits> ModuleParser::parse_limits() {
  ir::Limits limits;
  const Token& t = cur_.peek();
  if (t.kind != TokenKind::Atom) return cur_.unexpected(t);
  uint64_t v = 0;
  LiteralStatus st = parse_nat(cur_.text(t), UINT32_MAX, v);
  if (st == LiteralStatus::OutOfRange) return cur_.error(t, "i32 constant out of range");
  if (st != LiteralStatus::Ok) return literal_error(t, st);
  cur_.next();
  limits.min = v;
  const Token& u = cur_.peek();
  if (u.kind == TokenKind::Atom && cur_.text(u)[0] >= '0' && cur_.text(u)[0] <= '9') {
    st = parse_nat(cur_.text(u), UINT32_MAX, v);
    if (st == LiteralStatus::OutOfRange) return cur_.error(u, "i32 constant out of range");
    if (st != LiteralStatus::Ok) return literal_error(u, st);
    cur_.next();
    limits.max = v;
  }
  return limits;
}

Result<ir::TableType> ModuleParser::parse_tabletype() {
  ir::TableType type;
  auto limits = parse_limits();
  if (!limits) return limits.error();
  type.limits = *limits;
  auto elem = parse_reftype();
  if (!elem) return elem.error();
  type.element = *elem;
  return type;
}

Result<ir::GlobalType> ModuleParser::parse_globaltype() {
  ir::GlobalType type;
  if (cur_.at_form("mut")) {
    cur_.next();
    cur_.next();
    type.mut = true;
    auto t = parse_valtype();
    if (!t) return t.error();
    type.type = *t;
    WEFT_TRY(cur_.expect(TokenKind::RParen));
    return type;
  }
  auto t = parse_valtype();
  if (!t) return t.error();
  type.type = *t;
  return type;
}

}  // namespace weft::text
