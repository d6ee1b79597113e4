// Instruction sequences: flat (`block ... end`) and folded (`(block ...)`, `(if (then) (else))`,
// `(op operands...)`) forms, in any mix and nesting, encoded to binary in Module::bytes.
//
// Nesting is tracked on an explicit stack of frames rather than by recursion, so deep input
// cannot overflow the machine stack. A folded plain instruction is written after its operands:
// its bytes wait in `pending_` (a stack of byte ranges, innermost last) until its `)`.
#include "text/module_parser.hpp"
#include "binary/types_writer.hpp"

namespace weft::text {

namespace {

constexpr uint8_t kBlock = 0x02, kLoop = 0x03, kIf = 0x04, kElse = 0x05, kEnd = 0x0b;

enum class FrameKind : uint8_t {
  Root,         // the whole sequence; ends at the `)` of the enclosing form
  FlatBlock,    // `block`/`loop`/`if` ... `end`
  FlatIf,       // `if` before its `else`
  Folded,       // `(op operands...)`: op bytes pending
  FoldedBlock,  // `(block ...)` / `(loop ...)`
  IfCond,       // `(if bt (cond)*` before `(then`: the `if` header is pending
  IfThen,       // inside `(then ...)`
  IfAfterThen,  // after `(then ...)`: `(else ...)` or `)` follows
  IfElse,       // inside `(else ...)`
  IfAfterElse,  // after `(else ...)`: `)` follows
};

struct Frame {
  FrameKind kind = FrameKind::Root;
  uint32_t pending_begin = 0;
  const Token* token = nullptr;
  std::string_view label;
};

bool is_flat_block(FrameKind k) {
  return k == FrameKind::FlatBlock || k == FrameKind::FlatIf;
}

// Where instructions (flat or folded) may appear directly.
bool takes_instructions(FrameKind k) {
  return k == FrameKind::Root || k == FrameKind::FlatBlock || k == FrameKind::FlatIf ||
         k == FrameKind::FoldedBlock || k == FrameKind::IfThen || k == FrameKind::IfElse;
}

}  // namespace

void ModuleParser::note_location(const Token& t, uint32_t offset) {
  m_.source_map.push_back(ir::SourceLoc{offset, t.line, t.column});
}

void ModuleParser::push_label(std::string_view label) {
  labels_.push_back(label);
}

Result<void> ModuleParser::parse_block_header(Writer& w, std::string_view& label) {
  const Token* id = take_id();
  label = id ? cur_.text(*id) : std::string_view();
  auto use = parse_typeuse(false);
  if (!use) return use.error();
  if (!use->index && use->inline_type.params.empty() && use->inline_type.results.size() <= 1) {
    if (use->inline_type.results.empty())
      w.u8(0x40);
    else
      binary::write_val_type(w, use->inline_type.results[0]);
    return {};
  }
  auto index = resolve_typeuse(*use);
  if (!index) return index.error();
  w.s64(*index);
  return {};
}

Result<void> ModuleParser::parse_instrs(bool single_folded) {
  std::vector<Frame> frames;
  frames.push_back(Frame{});
  Writer out(m_.bytes);
  Writer pend(pending_);
  auto flush_pending = [&](const Frame& f) {
    note_location(*f.token, static_cast<uint32_t>(out.size()));
    out.bytes(pending_.data() + f.pending_begin, pending_.size() - f.pending_begin);
    pending_.resize(f.pending_begin);
  };
  auto emit_end = [&](const Token& t) {
    note_location(t, static_cast<uint32_t>(out.size()));
    out.u8(kEnd);
    labels_.pop_back();
    frames.pop_back();
  };
  // `end $l` / `else $l`: the label, when written, must repeat the block's.
  auto check_label = [&](const Frame& f) -> Result<void> {
    if (!cur_.at_id()) return {};
    const Token& id = cur_.next();
    if (cur_.text(id) != f.label) return cur_.error(id, "mismatching label");
    return {};
  };

  const size_t start = cur_.index();
  if (single_folded && !cur_.at(TokenKind::LParen)) return cur_.unexpected(cur_.peek());
  for (;;) {
    if (single_folded && frames.size() == 1 && cur_.index() != start) return {};
    const Token& t = cur_.peek();
    Frame& top = frames.back();
    if (t.kind == TokenKind::RParen) {
      switch (top.kind) {
        case FrameKind::Root:
          return {};
        case FrameKind::Folded:
          cur_.next();
          flush_pending(top);
          frames.pop_back();
          break;
        case FrameKind::FoldedBlock:
        case FrameKind::IfAfterThen:
        case FrameKind::IfAfterElse:
          cur_.next();
          emit_end(t);
          break;
        case FrameKind::IfThen:
          cur_.next();
          top.kind = FrameKind::IfAfterThen;
          break;
        case FrameKind::IfElse:
          cur_.next();
          top.kind = FrameKind::IfAfterElse;
          break;
        case FrameKind::IfCond:
        case FrameKind::FlatBlock:
        case FrameKind::FlatIf:
          return cur_.unexpected(t);
      }
      continue;
    }

    if (t.kind == TokenKind::LParen) {
      const Token& kw = cur_.peek(1);
      if (top.kind == FrameKind::IfAfterThen && cur_.is_atom(kw, "else")) {
        cur_.next();
        cur_.next();
        note_location(kw, static_cast<uint32_t>(out.size()));
        out.u8(kElse);
        top.kind = FrameKind::IfElse;
        continue;
      }
      if (top.kind == FrameKind::IfCond && cur_.is_atom(kw, "then")) {
        cur_.next();
        cur_.next();
        flush_pending(top);
        push_label(top.label);
        top.kind = FrameKind::IfThen;
        continue;
      }
      if (top.kind == FrameKind::IfAfterThen || top.kind == FrameKind::IfAfterElse) {
        return cur_.unexpected(kw);
      }
      if (kw.kind != TokenKind::Atom) return cur_.unexpected(kw);
      const std::string_view name = cur_.text(kw);
      cur_.next();
      cur_.next();
      Frame f;
      f.token = &kw;
      if (name == "block" || name == "loop") {
        note_location(kw, static_cast<uint32_t>(out.size()));
        out.u8(name == "block" ? kBlock : kLoop);
        WEFT_TRY(parse_block_header(out, f.label));
        push_label(f.label);
        f.kind = FrameKind::FoldedBlock;
      } else if (name == "if") {
        f.kind = FrameKind::IfCond;
        f.pending_begin = static_cast<uint32_t>(pending_.size());
        pend.u8(kIf);
        WEFT_TRY(parse_block_header(pend, f.label));
      } else {
        f.kind = FrameKind::Folded;
        f.pending_begin = static_cast<uint32_t>(pending_.size());
        WEFT_TRY(parse_plain(kw, pend));
      }
      frames.push_back(f);
      continue;
    }

    if (!takes_instructions(top.kind) || t.kind != TokenKind::Atom) return cur_.unexpected(t);
    const std::string_view name = cur_.text(t);
    cur_.next();
    if (name == "block" || name == "loop" || name == "if") {
      Frame f;
      f.token = &t;
      f.kind = name == "if" ? FrameKind::FlatIf : FrameKind::FlatBlock;
      note_location(t, static_cast<uint32_t>(out.size()));
      out.u8(name == "block" ? kBlock : name == "loop" ? kLoop : kIf);
      WEFT_TRY(parse_block_header(out, f.label));
      push_label(f.label);
      frames.push_back(f);
    } else if (name == "else") {
      if (top.kind != FrameKind::FlatIf) return cur_.unexpected(t);
      WEFT_TRY(check_label(top));
      note_location(t, static_cast<uint32_t>(out.size()));
      out.u8(kElse);
      top.kind = FrameKind::FlatBlock;
    } else if (name == "end") {
      if (!is_flat_block(top.kind)) return cur_.unexpected(t);
      WEFT_TRY(check_label(top));
      emit_end(t);
    } else {
      note_location(t, static_cast<uint32_t>(out.size()));
      WEFT_TRY(parse_plain(t, out));
    }
  }
}

Result<ir::ConstExpr> ModuleParser::parse_const_expr(bool single_folded) {
  labels_.clear();
  pending_.clear();
  const uint32_t begin = static_cast<uint32_t>(m_.bytes.size());
  WEFT_TRY(parse_instrs(single_folded));
  note_location(cur_.peek(), static_cast<uint32_t>(m_.bytes.size()));
  m_.bytes.push_back(kEnd);
  return ir::ConstExpr{ir::ByteRange{begin, static_cast<uint32_t>(m_.bytes.size()) - begin}};
}

}  // namespace weft::text
