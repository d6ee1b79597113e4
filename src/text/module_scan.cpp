// First pass over a module's fields: parses the type definitions and assigns every other
// definition its index (and `$id`), so that the second pass can resolve uses that come before
// their definitions.
#include "text/module_parser.hpp"

namespace weft::text {

const Token* ModuleParser::take_id() {
  if (!cur_.at_id()) return nullptr;
  return &cur_.next();
}

Result<void> ModuleParser::define(IndexSpace& space, const Token* id, const char* what) {
  const uint32_t index = space.count++;
  if (id != nullptr && !space.ids.emplace(cur_.text(*id), index).second) {
    return cur_.error(*id, std::string("duplicate ") + what);
  }
  return {};
}

void ModuleParser::note_definition(const char* kind) {
  if (first_definition_ == nullptr) first_definition_ = kind;
}

Result<void> ModuleParser::note_import(const Token& at) {
  if (first_definition_ != nullptr) {
    return cur_.error(at, std::string("import after ") + first_definition_);
  }
  return {};
}

namespace {

// The index space name used in "duplicate ..." messages and the definition kind used in
// "import after ..." messages, for a field keyword.
const char* kind_word(std::string_view kw) {
  if (kw == "func") return "function";
  if (kw == "table") return "table";
  if (kw == "memory") return "memory";
  if (kw == "global") return "global";
  return nullptr;
}

// The word for an index space in "duplicate ..." messages.
const char* space_word(std::string_view kw) {
  if (kw == "func") return "func";
  return kind_word(kw);
}

}  // namespace

Result<void> ModuleParser::scan_fields(size_t first) {
  cur_.set_index(first);
  while (cur_.at(TokenKind::LParen)) {
    const size_t field_start = cur_.index();
    const Token& kw_token = cur_.peek(1);
    const std::string_view kw = cur_.text(kw_token);
    if (kw_token.kind != TokenKind::Atom) return cur_.unexpected(kw_token);
    if (kw == "type") {
      WEFT_TRY(parse_type_def());
      continue;
    }
    cur_.next();
    cur_.next();
    IndexSpace* space = nullptr;
    if (kw == "func")
      space = &funcs_;
    else if (kw == "table")
      space = &tables_;
    else if (kw == "memory")
      space = &memories_;
    else if (kw == "global")
      space = &globals_;
    if (space != nullptr) {
      const Token* id = take_id();
      bool imported = false, inline_segment = false;
      const Token* import_token = nullptr;
      // Look through the field's top-level forms for an inline import or segment.
      while (!cur_.at(TokenKind::RParen) && !cur_.at(TokenKind::Eof)) {
        if (cur_.at(TokenKind::LParen)) {
          if (cur_.at_form("import")) {
            imported = true;
            import_token = &cur_.peek();
          }
          if ((kw == "table" && cur_.at_form("elem")) || (kw == "memory" && cur_.at_form("data"))) {
            inline_segment = true;
          }
          if (!cur_.skip_form()) break;
        } else {
          cur_.next();
        }
      }
      if (imported)
        WEFT_TRY(note_import(*import_token));
      else
        note_definition(kind_word(kw));
      WEFT_TRY(define(*space, id, space_word(kw)));
      if (inline_segment) {
        if (kw == "table")
          ++elems_.count;
        else
          ++datas_.count;
      }
    } else if (kw == "import") {
      WEFT_TRY(note_import(kw_token));
      // (import "m" "n" (kind $id? ...))
      if (cur_.at(TokenKind::String)) cur_.next();
      if (cur_.at(TokenKind::String)) cur_.next();
      if (cur_.at(TokenKind::LParen) && cur_.peek(1).kind == TokenKind::Atom) {
        const std::string_view kind = cur_.text(cur_.peek(1));
        IndexSpace* target = kind == "func"     ? &funcs_
                             : kind == "table"  ? &tables_
                             : kind == "memory" ? &memories_
                             : kind == "global" ? &globals_
                                                : nullptr;
        if (target != nullptr) {
          cur_.next();
          cur_.next();
          WEFT_TRY(define(*target, take_id(), space_word(kind)));
        }
      }
    } else if (kw == "elem") {
      WEFT_TRY(define(elems_, take_id(), "elem"));
    } else if (kw == "data") {
      WEFT_TRY(define(datas_, take_id(), "data"));
    } else if (kw != "export" && kw != "start") {
      return cur_.error(kw_token,
                        kw_token.kind == TokenKind::Atom ? "unknown operator" : "unexpected token");
    }
    cur_.set_index(field_start);
    if (!cur_.skip_form()) return cur_.unexpected(cur_.peek());
  }
  if (!cur_.at(TokenKind::RParen) && !cur_.at(TokenKind::Eof)) return cur_.unexpected(cur_.peek());
  return {};
}

}  // namespace weft::text
