// WebAssembly scripts (.wast): commands, actions, constants and expected results. Modules are
// kept as text or bytes for the runner to parse when it runs their command.
#include "text/lexer.hpp"
#include "text/literals.hpp"
#include "text/token_cursor.hpp"
#include "text/wast.hpp"

namespace weft::text {

namespace {

std::optional<ir::AbsHeap> script_heap(std::string_view w) {
  if (w == "func") return ir::AbsHeap::Func;
  if (w == "extern") return ir::AbsHeap::Extern;
  if (w == "any") return ir::AbsHeap::Any;
  if (w == "eq") return ir::AbsHeap::Eq;
  if (w == "i31") return ir::AbsHeap::I31;
  if (w == "struct") return ir::AbsHeap::Struct;
  if (w == "array") return ir::AbsHeap::Array;
  if (w == "exn") return ir::AbsHeap::Exn;
  if (w == "noexn") return ir::AbsHeap::NoExn;
  if (w == "nofunc") return ir::AbsHeap::NoFunc;
  if (w == "noextern") return ir::AbsHeap::NoExtern;
  if (w == "none") return ir::AbsHeap::None;
  return std::nullopt;
}

NanPattern nan_pattern(std::string_view w) {
  if (w == "nan:canonical") return NanPattern::Canonical;
  if (w == "nan:arithmetic") return NanPattern::Arithmetic;
  return NanPattern::None;
}

bool is_field_keyword(std::string_view w) {
  return w == "type" || w == "func" || w == "table" || w == "memory" || w == "global" ||
         w == "import" || w == "export" || w == "start" || w == "elem" || w == "data";
}

class WastParser {
 public:
  WastParser(TokenCursor& cur) : cur_(cur) {}

  Result<Script> parse() {
    Script script;
    if (cur_.at(TokenKind::LParen) && is_field_keyword(cur_.text(cur_.peek(1)))) {
      // A script that is one module written as bare fields (the "inline module" form).
      Command cmd;
      cmd.kind = CommandKind::Module;
      cmd.pos = pos_of(cur_.peek());
      ScriptModule m;
      m.text = std::string(cur_.source());
      cmd.module = std::move(m);
      script.commands.push_back(std::move(cmd));
      return script;
    }
    while (!cur_.at(TokenKind::Eof)) {
      auto cmd = parse_command();
      if (!cmd) return std::move(cmd).error();
      script.commands.push_back(std::move(*cmd));
    }
    return script;
  }

 private:
  static SourcePos pos_of(const Token& t) { return SourcePos{t.line, t.column}; }

  std::optional<std::string> take_id() {
    if (!cur_.at_id()) return std::nullopt;
    return std::string(cur_.text(cur_.next()).substr(1));
  }

  Result<std::string> parse_string() {
    const Token& t = cur_.peek();
    if (t.kind != TokenKind::String) return cur_.unexpected(t);
    cur_.next();
    return decode_string(cur_.text(t));
  }

  Result<Command> parse_command() {
    const Token& open = cur_.peek();
    if (open.kind != TokenKind::LParen) return cur_.unexpected(open);
    const Token& kw = cur_.peek(1);
    const std::string_view word = cur_.text(kw);
    Command cmd;
    cmd.pos = pos_of(open);
    if (kw.kind != TokenKind::Atom) return cur_.unexpected(kw);
    if (word == "module") {
      cmd.kind = CommandKind::Module;
      auto m = parse_module();
      if (!m) return std::move(m).error();
      cmd.module = std::move(*m);
      return cmd;
    }
    if (word == "invoke" || word == "get") {
      cmd.kind = CommandKind::Action;
      auto a = parse_action();
      if (!a) return std::move(a).error();
      cmd.action = std::move(*a);
      return cmd;
    }
    cur_.next();
    cur_.next();
    if (word == "register") {
      cmd.kind = CommandKind::Register;
      auto name = parse_string();
      if (!name) return std::move(name).error();
      cmd.register_name = std::move(*name);
      cmd.register_id = take_id();
    } else if (word == "assert_return") {
      cmd.kind = CommandKind::AssertReturn;
      auto a = parse_action();
      if (!a) return std::move(a).error();
      cmd.action = std::move(*a);
      while (cur_.at(TokenKind::LParen)) {
        auto e = parse_expected();
        if (!e) return std::move(e).error();
        cmd.expected.push_back(*e);
      }
    } else if (word == "assert_trap" || word == "assert_exhaustion") {
      cmd.kind = word == "assert_trap" ? CommandKind::AssertTrap : CommandKind::AssertExhaustion;
      if (cur_.at_form("module") && cmd.kind == CommandKind::AssertTrap) {
        auto m = parse_module();
        if (!m) return std::move(m).error();
        cmd.module = std::move(*m);
      } else {
        auto a = parse_action();
        if (!a) return std::move(a).error();
        cmd.action = std::move(*a);
      }
      WEFT_TRY(parse_message(cmd));
    } else if (word == "assert_invalid" || word == "assert_malformed" ||
               word == "assert_unlinkable" || word == "assert_uninstantiable") {
      cmd.kind = word == "assert_invalid"      ? CommandKind::AssertInvalid
                 : word == "assert_malformed"  ? CommandKind::AssertMalformed
                 : word == "assert_unlinkable" ? CommandKind::AssertUnlinkable
                                               : CommandKind::AssertUninstantiable;
      auto m = parse_module();
      if (!m) return std::move(m).error();
      cmd.module = std::move(*m);
      WEFT_TRY(parse_message(cmd));
    } else {
      return cur_.error(kw, "unknown command " + std::string(word));
    }
    WEFT_TRY(cur_.expect(TokenKind::RParen));
    return cmd;
  }

  Result<void> parse_message(Command& cmd) {
    auto msg = parse_string();
    if (!msg) return std::move(msg).error();
    cmd.message = std::move(*msg);
    return {};
  }

  Result<ScriptModule> parse_module() {
    const Token& open = cur_.peek();
    if (!cur_.at_form("module")) return cur_.unexpected(open);
    const size_t start = cur_.index();
    cur_.next();
    cur_.next();
    ScriptModule m;
    m.pos = pos_of(open);
    m.id = take_id();
    if (cur_.at_atom("binary") || cur_.at_atom("quote")) {
      const bool binary = cur_.at_atom("binary");
      m.kind = binary ? ScriptModuleKind::Binary : ScriptModuleKind::Quote;
      cur_.next();
      while (cur_.at(TokenKind::String)) {
        const std::string s = decode_string(cur_.text(cur_.next()));
        if (binary)
          m.bytes.insert(m.bytes.end(), s.begin(), s.end());
        else
          m.text += s;
      }
      WEFT_TRY(cur_.expect(TokenKind::RParen));
      return m;
    }
    m.kind = ScriptModuleKind::Text;
    cur_.set_index(start);
    if (!cur_.skip_form()) return cur_.error(open, "unclosed module");
    const Token& last = cur_.previous();  // the module's closing `)`
    m.text = std::string(cur_.source().substr(open.offset, last.offset + last.size - open.offset));
    return m;
  }

  Result<Action> parse_action() {
    const Token& open = cur_.peek();
    Action a;
    a.pos = pos_of(open);
    if (cur_.at_form("invoke")) {
      a.kind = ActionKind::Invoke;
    } else if (cur_.at_form("get")) {
      a.kind = ActionKind::Get;
    } else {
      return cur_.unexpected(open.kind == TokenKind::LParen ? cur_.peek(1) : open);
    }
    cur_.next();
    cur_.next();
    a.module_id = take_id();
    auto name = parse_string();
    if (!name) return std::move(name).error();
    a.name = std::move(*name);
    if (a.kind == ActionKind::Invoke) {
      while (cur_.at(TokenKind::LParen)) {
        auto v = parse_value();
        if (!v) return std::move(v).error();
        a.args.push_back(*v);
      }
    }
    WEFT_TRY(cur_.expect(TokenKind::RParen));
    return a;
  }

  Error literal_error(const Token& t, LiteralStatus st) const {
    if (st == LiteralStatus::OutOfRange) return cur_.error(t, "constant out of range");
    return cur_.error(t, t.kind == TokenKind::Atom ? "unknown operator" : "unexpected token");
  }

  // Reads `(const-op literal...)`, leaving the cursor after the `)`. `expected` allows NaN
  // patterns and the reference forms without a value.
  Result<Expected> parse_constant(bool expected) {
    WEFT_TRY(cur_.expect(TokenKind::LParen));
    const Token& op = cur_.next();
    const std::string_view name = cur_.text(op);
    Expected e;
    auto literal = [&]() -> Result<const Token*> {
      const Token& t = cur_.peek();
      if (t.kind != TokenKind::Atom) return cur_.unexpected(t);
      cur_.next();
      return &t;
    };
    if (name == "i32.const" || name == "i64.const") {
      const bool is32 = name == "i32.const";
      e.kind = is32 ? ExpectedKind::I32 : ExpectedKind::I64;
      auto t = literal();
      if (!t) return std::move(t).error();
      const LiteralStatus st = parse_int(cur_.text(**t), is32 ? 32 : 64, e.bits);
      if (st != LiteralStatus::Ok) return literal_error(**t, st);
    } else if (name == "f32.const" || name == "f64.const") {
      const bool is32 = name == "f32.const";
      e.kind = is32 ? ExpectedKind::F32 : ExpectedKind::F64;
      auto t = literal();
      if (!t) return std::move(t).error();
      const std::string_view text = cur_.text(**t);
      e.nan = expected ? nan_pattern(text) : NanPattern::None;
      if (e.nan == NanPattern::None) {
        LiteralStatus st;
        if (is32) {
          uint32_t bits = 0;
          st = parse_f32(text, bits);
          e.bits = bits;
        } else {
          st = parse_f64(text, e.bits);
        }
        if (st != LiteralStatus::Ok) return literal_error(**t, st);
      }
    } else if (name == "v128.const") {
      e.kind = ExpectedKind::V128;
      const Token& shape_token = cur_.next();
      const auto shape = parse_v128_shape(cur_.text(shape_token));
      if (!shape) return cur_.unexpected(shape_token);
      e.shape = *shape;
      for (uint32_t lane = 0; lane < lane_count(*shape); ++lane) {
        const Token& t = cur_.peek();
        if (t.kind != TokenKind::Atom) return cur_.error(t, "wrong number of lane literals");
        cur_.next();
        const std::string_view text = cur_.text(t);
        const NanPattern nan =
            expected && is_float_shape(*shape) ? nan_pattern(text) : NanPattern::None;
        e.lane_nan[lane] = nan;
        if (nan != NanPattern::None) continue;
        const LiteralStatus st = parse_v128_lane(*shape, text, lane, e.v128);
        if (st != LiteralStatus::Ok) return literal_error(t, st);
      }
    } else if (name == "ref.null") {
      e.kind = ExpectedKind::RefNull;
      if (cur_.at(TokenKind::Atom)) {
        const Token& t = cur_.next();
        const auto heap = script_heap(cur_.text(t));
        if (!heap) return cur_.unexpected(t);
        e.heap = ir::HeapType::abstract(*heap);
      } else if (!expected) {
        return cur_.unexpected(cur_.peek());
      }
    } else if (name == "ref.extern" || name == "ref.func") {
      e.kind = name == "ref.extern" ? ExpectedKind::RefExtern : ExpectedKind::RefFunc;
      if (cur_.at(TokenKind::Atom)) {
        const Token& t = cur_.next();
        const LiteralStatus st = parse_nat(cur_.text(t), UINT32_MAX, e.bits);
        if (st != LiteralStatus::Ok) return literal_error(t, st);
        e.has_value = true;
      } else if (!expected && e.kind == ExpectedKind::RefExtern) {
        return cur_.unexpected(cur_.peek());
      }
    } else {
      return cur_.error(op, op.kind == TokenKind::Atom ? "unknown operator" : "unexpected token");
    }
    WEFT_TRY(cur_.expect(TokenKind::RParen));
    return e;
  }

  Result<Value> parse_value() {
    auto e = parse_constant(false);
    if (!e) return std::move(e).error();
    Value v;
    switch (e->kind) {
      case ExpectedKind::I32:
        v.kind = ValueKind::I32;
        break;
      case ExpectedKind::I64:
        v.kind = ValueKind::I64;
        break;
      case ExpectedKind::F32:
        v.kind = ValueKind::F32;
        break;
      case ExpectedKind::F64:
        v.kind = ValueKind::F64;
        break;
      case ExpectedKind::V128:
        v.kind = ValueKind::V128;
        break;
      case ExpectedKind::RefNull:
        v.kind = ValueKind::RefNull;
        break;
      case ExpectedKind::RefExtern:
        v.kind = ValueKind::RefExtern;
        break;
      case ExpectedKind::RefFunc:
        v.kind = ValueKind::RefFunc;
        break;
    }
    v.bits = e->bits;
    v.has_index = e->has_value;
    v.v128 = e->v128;
    v.shape = e->shape;
    v.heap = e->heap;
    return v;
  }

  Result<Expected> parse_expected() { return parse_constant(true); }

  TokenCursor& cur_;
};

}  // namespace

Result<Script> parse_wast(std::string_view source) {
  auto tokens = tokenize(source);
  if (!tokens) return std::move(tokens).error();
  TokenCursor cursor(source, *tokens);
  return WastParser(cursor).parse();
}

}  // namespace weft::text
