// One plain instruction: its opcode from the opcode table and its immediates, as the table's
// immediate kind says, encoded to binary.
#include <bit>

#include "text/module_parser.hpp"
#include "binary/types_writer.hpp"
#include "text/v128_literal.hpp"

namespace weft::text {

namespace {

// Keywords of the text format that are not instructions: out of place, not unknown.
bool is_structural_keyword(std::string_view s) {
  static constexpr std::string_view kWords[] = {
      "param",  "result", "local", "type",    "then", "else",    "export",    "import",
      "mut",    "offset", "item",  "elem",    "data", "func",    "table",     "memory",
      "global", "module", "start", "declare", "end",  "funcref", "externref", "ref"};
  for (std::string_view w : kWords) {
    if (s == w) return true;
  }
  return false;
}

bool starts_with_digit(std::string_view s) {
  return !s.empty() && s[0] >= '0' && s[0] <= '9';
}

// Tokens that are meant as literals, well-formed or not (to tell lane literals from the next
// instruction): anything but keywords and identifiers.
bool looks_numeric(std::string_view s) {
  if (s.empty() || s[0] == '$') return false;
  if (s[0] >= 'a' && s[0] <= 'z') return s.substr(0, 3) == "inf" || s.substr(0, 3) == "nan";
  return true;
}

void write_opcode(Writer& w, const ir::OpcodeInfo& info) {
  if (info.prefix != 0) {
    w.u8(info.prefix);
    w.u32(info.code);
  } else {
    w.u8(static_cast<uint8_t>(info.code));
  }
}

}  // namespace

Error ModuleParser::literal_error(const Token& t, LiteralStatus status) const {
  if (status == LiteralStatus::OutOfRange) return cur_.error(t, "constant out of range");
  if (t.kind == TokenKind::Atom) {
    const std::string_view s = cur_.text(t);
    if (s == "nan:canonical" || s == "nan:arithmetic") return cur_.error(t, "unexpected token");
    return cur_.error(t, "unknown operator");
  }
  return cur_.unexpected(t);
}

bool ModuleParser::at_index() const {
  const Token& t = cur_.peek();
  return t.kind == TokenKind::Atom && (cur_.is_id(t) || starts_with_digit(cur_.text(t)));
}

Result<uint32_t> ModuleParser::parse_index(const IndexSpace& space, const char* what) {
  const Token& t = cur_.peek();
  if (cur_.is_id(t)) {
    auto it = space.ids.find(cur_.text(t));
    if (it == space.ids.end()) return cur_.error(t, std::string("unknown ") + what);
    cur_.next();
    return it->second;
  }
  if (t.kind != TokenKind::Atom) return cur_.unexpected(t);
  uint64_t v = 0;
  const LiteralStatus st = parse_nat(cur_.text(t), UINT32_MAX, v);
  if (st == LiteralStatus::OutOfRange) return cur_.error(t, "i32 constant out of range");
  if (st != LiteralStatus::Ok) return literal_error(t, st);
  cur_.next();
  return static_cast<uint32_t>(v);
}

std::optional<Result<uint32_t>> ModuleParser::parse_optional_index(const IndexSpace& space,
                                                                   const char* what) {
  if (!at_index()) return std::nullopt;
  return parse_index(space, what);
}

Result<uint32_t> ModuleParser::parse_label() {
  const Token& t = cur_.peek();
  if (cur_.is_id(t)) {
    const std::string_view name = cur_.text(t);
    for (size_t i = labels_.size(); i-- > 0;) {
      if (labels_[i] == name) {
        cur_.next();
        return static_cast<uint32_t>(labels_.size() - 1 - i);
      }
    }
    return cur_.error(t, "unknown label");
  }
  IndexSpace none;
  return parse_index(none, "label");
}

Result<void> ModuleParser::parse_memarg(ir::Opcode op, Writer& w) {
  const ir::OpcodeInfo& info = ir::opcode_info(op);
  uint32_t memory = 0;
  // A memory index (multi-memory) comes first; for lane instructions only when a lane follows.
  const bool lane_follows = info.imm == ir::Imm::MemArgLane;
  if (at_index() && (!lane_follows || (cur_.peek(1).kind == TokenKind::Atom &&
                                       starts_with_digit(cur_.text(cur_.peek(1)))))) {
    auto m = parse_index(memories_, "memory");
    if (!m) return m.error();
    memory = *m;
  }
  uint64_t offset = 0;
  uint32_t align_log2 = info.arg;
  if (cur_.peek().kind == TokenKind::Atom && cur_.text(cur_.peek()).substr(0, 7) == "offset=") {
    const Token& t = cur_.next();
    const LiteralStatus st = parse_nat(cur_.text(t).substr(7), UINT32_MAX, offset);
    if (st == LiteralStatus::OutOfRange) return cur_.error(t, "i32 constant out of range");
    if (st != LiteralStatus::Ok) return cur_.error(t, "unknown operator");
  }
  if (cur_.peek().kind == TokenKind::Atom && cur_.text(cur_.peek()).substr(0, 6) == "align=") {
    const Token& t = cur_.next();
    uint64_t align = 0;
    const LiteralStatus st = parse_nat(cur_.text(t).substr(6), UINT32_MAX, align);
    if (st == LiteralStatus::OutOfRange) return cur_.error(t, "i32 constant out of range");
    if (st != LiteralStatus::Ok) return cur_.error(t, "unknown operator");
    if (!std::has_single_bit(align)) return cur_.error(t, "alignment must be a power of two");
    align_log2 = static_cast<uint32_t>(std::countr_zero(align));
  }
  if (memory != 0) {
    w.u32(align_log2 | 0x40);
    w.u32(memory);
  } else {
    w.u32(align_log2);
  }
  w.u64(offset);
  return {};
}

Result<uint8_t> ModuleParser::parse_lane_index(bool any_literal) {
  const Token& t = cur_.peek();
  if (t.kind != TokenKind::Atom || cur_.is_id(t)) return cur_.unexpected(t);
  // The reference lexer reads a signed or float literal as another kind of token.
  if (!any_literal && !starts_with_digit(cur_.text(t))) return cur_.unexpected(t);
  uint64_t v = 0;
  if (parse_nat(cur_.text(t), 255, v) != LiteralStatus::Ok) {
    uint64_t bits = 0;
    if (!any_literal && parse_int(cur_.text(t), 64, bits) == LiteralStatus::NotANumber &&
        parse_f64(cur_.text(t), bits) == LiteralStatus::Ok) {
      return cur_.unexpected(t);  // a float token where a nat belongs
    }
    return cur_.error(t, "malformed lane index");
  }
  cur_.next();
  return static_cast<uint8_t>(v);
}

Result<void> ModuleParser::parse_shuffle(Writer& w) {
  const Token& first = cur_.peek();
  size_t count = 0;
  while (cur_.peek(count).kind != TokenKind::LParen && cur_.peek(count).kind != TokenKind::RParen &&
         cur_.peek(count).kind != TokenKind::Eof && looks_numeric(cur_.text(cur_.peek(count)))) {
    ++count;
  }
  if (count != 16) return cur_.error(first, "invalid lane length");
  for (int i = 0; i < 16; ++i) {
    auto lane = parse_lane_index(true);
    if (!lane) return lane.error();
    w.u8(*lane);
  }
  return {};
}

Result<void> ModuleParser::parse_v128_const(Writer& w) {
  const Token& shape_token = cur_.peek();
  if (shape_token.kind != TokenKind::Atom) return cur_.unexpected(shape_token);
  const auto shape = parse_v128_shape(cur_.text(shape_token));
  if (!shape) return cur_.unexpected(shape_token);
  cur_.next();
  size_t literals = 0;
  while ((cur_.peek(literals).kind == TokenKind::Atom ||
          cur_.peek(literals).kind == TokenKind::Reserved) &&
         looks_numeric(cur_.text(cur_.peek(literals)))) {
    ++literals;
  }
  if (literals != lane_count(*shape))
    return cur_.error(cur_.peek(), "wrong number of lane literals");
  std::array<uint8_t, 16> bytes{};
  for (uint32_t lane = 0; lane < lane_count(*shape); ++lane) {
    const Token& t = cur_.peek();
    const LiteralStatus st = parse_v128_lane(*shape, cur_.text(t), lane, bytes);
    if (st != LiteralStatus::Ok) return literal_error(t, st);
    cur_.next();
  }
  w.bytes(bytes.data(), bytes.size());
  return {};
}

Result<void> ModuleParser::parse_plain(const Token& op_token, Writer& w) {
  const std::string_view name = cur_.text(op_token);
  if (op_token.kind != TokenKind::Atom) return cur_.unexpected(op_token);
  const auto op = ir::opcode_from_name(name);
  if (!op || *op == ir::Opcode::SelectT) {
    if (is_structural_keyword(name)) return cur_.error(op_token, "unexpected token");
    return cur_.error(op_token, "unknown operator");
  }
  if (*op == ir::Opcode::Select && cur_.at_form("result")) {
    ir::FuncType types;
    WEFT_TRY(parse_results(types));
    write_opcode(w, ir::opcode_info(ir::Opcode::SelectT));
    w.u32(static_cast<uint32_t>(types.results.size()));
    for (ir::ValType t : types.results) binary::write_val_type(w, t);
    return {};
  }
  write_opcode(w, ir::opcode_info(*op));
  return parse_immediates(*op, op_token, w);
}

Result<void> ModuleParser::parse_immediates(ir::Opcode op, const Token& op_token, Writer& w) {
  const ir::OpcodeInfo& info = ir::opcode_info(op);
  switch (info.imm) {
    case ir::Imm::None:
      return {};
    case ir::Imm::BlockType:  // block/loop/if are handled by the sequence parser
      return cur_.error(op_token, "unexpected token");
    case ir::Imm::Label: {
      auto l = parse_label();
      if (!l) return l.error();
      w.u32(*l);
      return {};
    }
    case ir::Imm::BrTable: {
      std::vector<uint32_t> labels;
      while (at_index()) {
        auto l = parse_label();
        if (!l) return l.error();
        labels.push_back(*l);
      }
      if (labels.empty()) return cur_.unexpected(cur_.peek());
      w.u32(static_cast<uint32_t>(labels.size() - 1));
      for (uint32_t l : labels) w.u32(l);
      return {};
    }
    case ir::Imm::FuncIdx: {
      auto f = parse_index(funcs_, "function");
      if (!f) return f.error();
      w.u32(*f);
      return {};
    }
    case ir::Imm::CallIndirect: {
      uint32_t table = 0;
      if (auto t = parse_optional_index(tables_, "table")) {
        if (!*t) return t->error();
        table = **t;
      }
      auto use = parse_typeuse(false);
      if (!use) return use.error();
      auto type = resolve_typeuse(*use);
      if (!type) return type.error();
      w.u32(*type);
      w.u32(table);
      return {};
    }
    case ir::Imm::SelectT:
      return cur_.error(op_token, "unknown operator");
    case ir::Imm::LocalIdx: {
      auto l = parse_index(locals_, "local");
      if (!l) return l.error();
      w.u32(*l);
      return {};
    }
    case ir::Imm::GlobalIdx: {
      auto g = parse_index(globals_, "global");
      if (!g) return g.error();
      w.u32(*g);
      return {};
    }
    case ir::Imm::TableIdx: {
      uint32_t table = 0;
      if (auto t = parse_optional_index(tables_, "table")) {
        if (!*t) return t->error();
        table = **t;
      }
      w.u32(table);
      return {};
    }
    case ir::Imm::MemArg:
      return parse_memarg(op, w);
    case ir::Imm::MemArgLane: {
      WEFT_TRY(parse_memarg(op, w));
      auto lane = parse_lane_index();
      if (!lane) return lane.error();
      w.u8(*lane);
      return {};
    }
    case ir::Imm::MemIdx: {
      uint32_t memory = 0;
      if (auto m = parse_optional_index(memories_, "memory")) {
        if (!*m) return m->error();
        memory = **m;
      }
      w.u32(memory);
      return {};
    }
    case ir::Imm::I32:
    case ir::Imm::I64: {
      const Token& t = cur_.peek();
      if (t.kind != TokenKind::Atom) return cur_.unexpected(t);
      uint64_t v = 0;
      const bool is32 = info.imm == ir::Imm::I32;
      const LiteralStatus st = parse_int(cur_.text(t), is32 ? 32 : 64, v);
      if (st != LiteralStatus::Ok) return literal_error(t, st);
      cur_.next();
      if (is32)
        w.s32(static_cast<int32_t>(static_cast<uint32_t>(v)));
      else
        w.s64(static_cast<int64_t>(v));
      return {};
    }
    case ir::Imm::F32: {
      const Token& t = cur_.peek();
      if (t.kind != TokenKind::Atom) return cur_.unexpected(t);
      uint32_t bits = 0;
      const LiteralStatus st = parse_f32(cur_.text(t), bits);
      if (st != LiteralStatus::Ok) return literal_error(t, st);
      cur_.next();
      w.fixed_u32(bits);
      return {};
    }
    case ir::Imm::F64: {
      const Token& t = cur_.peek();
      if (t.kind != TokenKind::Atom) return cur_.unexpected(t);
      uint64_t bits = 0;
      const LiteralStatus st = parse_f64(cur_.text(t), bits);
      if (st != LiteralStatus::Ok) return literal_error(t, st);
      cur_.next();
      w.fixed_u64(bits);
      return {};
    }
    case ir::Imm::HeapType: {
      auto h = parse_heaptype();
      if (!h) return h.error();
      binary::write_heap_type(w, *h);
      return {};
    }
    case ir::Imm::MemoryInit: {
      // `memory.init memidx? dataidx`: with two indices the first names the memory.
      uint32_t memory = 0;
      const bool two = at_index() && cur_.peek(1).kind == TokenKind::Atom &&
                       (cur_.is_id(cur_.peek(1)) || starts_with_digit(cur_.text(cur_.peek(1))));
      if (two) {
        auto m = parse_index(memories_, "memory");
        if (!m) return m.error();
        memory = *m;
      }
      auto d = parse_index(datas_, "data segment");
      if (!d) return d.error();
      w.u32(*d);
      w.u32(memory);
      return {};
    }
    case ir::Imm::DataIdx: {
      auto d = parse_index(datas_, "data segment");
      if (!d) return d.error();
      w.u32(*d);
      return {};
    }
    case ir::Imm::MemoryCopy: {
      uint32_t dst = 0, src = 0;
      if (auto m = parse_optional_index(memories_, "memory")) {
        if (!*m) return m->error();
        dst = **m;
        auto s = parse_index(memories_, "memory");
        if (!s) return s.error();
        src = *s;
      }
      w.u32(dst);
      w.u32(src);
      return {};
    }
    case ir::Imm::TableInit: {
      // `table.init tableidx? elemidx`: with two indices the first names the table.
      uint32_t table = 0;
      const bool two = at_index() && cur_.peek(1).kind == TokenKind::Atom &&
                       (cur_.is_id(cur_.peek(1)) || starts_with_digit(cur_.text(cur_.peek(1))));
      if (two) {
        auto t = parse_index(tables_, "table");
        if (!t) return t.error();
        table = *t;
      }
      auto e = parse_index(elems_, "elem segment");
      if (!e) return e.error();
      w.u32(*e);
      w.u32(table);
      return {};
    }
    case ir::Imm::ElemIdx: {
      auto e = parse_index(elems_, "elem segment");
      if (!e) return e.error();
      w.u32(*e);
      return {};
    }
    case ir::Imm::TableCopy: {
      uint32_t dst = 0, src = 0;
      if (auto t = parse_optional_index(tables_, "table")) {
        if (!*t) return t->error();
        dst = **t;
        auto s = parse_index(tables_, "table");
        if (!s) return s.error();
        src = *s;
      }
      w.u32(dst);
      w.u32(src);
      return {};
    }
    case ir::Imm::V128:
      return parse_v128_const(w);
    case ir::Imm::Shuffle:
      return parse_shuffle(w);
    case ir::Imm::Lane: {
      auto lane = parse_lane_index();
      if (!lane) return lane.error();
      w.u8(*lane);
      return {};
    }
  }
  return cur_.error(op_token, "unknown operator");
}

}  // namespace weft::text
