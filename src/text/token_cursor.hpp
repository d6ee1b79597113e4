// Reading position over a token vector, with the small queries every parser of the text layer
// needs: look ahead, match keywords, build positioned errors.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "text/lexer.hpp"

namespace weft::text {

class TokenCursor {
 public:
  TokenCursor(std::string_view source, const std::vector<Token>& tokens)
      : source_(source), tokens_(tokens) {}

  // The token `ahead` places from here; past the end, the final Eof token.
  const Token& peek(size_t ahead = 0) const {
    const size_t i = index_ + ahead;
    return i < tokens_.size() ? tokens_[i] : tokens_.back();
  }
  const Token& next() {
    const Token& t = peek();
    if (index_ + 1 < tokens_.size()) ++index_;
    return t;
  }
  // The token before the current one (the current one at the start).
  const Token& previous() const { return tokens_[index_ > 0 ? index_ - 1 : 0]; }
  size_t index() const { return index_; }
  void set_index(size_t i) { index_ = i; }

  std::string_view text(const Token& t) const { return source_.substr(t.offset, t.size); }
  std::string_view source() const { return source_; }

  bool is_atom(const Token& t, std::string_view word) const {
    return t.kind == TokenKind::Atom && text(t) == word;
  }
  bool is_id(const Token& t) const {
    return t.kind == TokenKind::Atom && t.size > 1 && source_[t.offset] == '$';
  }
  // Whether the next tokens are `(` followed by the keyword `word`.
  bool at_form(std::string_view word) const {
    return peek().kind == TokenKind::LParen && is_atom(peek(1), word);
  }
  bool at(TokenKind kind) const { return peek().kind == kind; }
  bool at_atom(std::string_view word) const { return is_atom(peek(), word); }
  bool at_id() const { return is_id(peek()); }

  Error error(const Token& t, std::string message) const {
    return Error::at_line(ErrorKind::Malformed, t.line, t.column, std::move(message));
  }
  // The reference parser's words for a token that does not fit the grammar: atoms and reserved
  // tokens it cannot lex as anything known are "unknown operator"; known tokens out of place
  // are "unexpected token".
  Error unexpected(const Token& t) const {
    if (t.kind == TokenKind::Reserved) return error(t, "unknown operator");
    if (t.kind == TokenKind::Eof) return error(t, "unexpected end of input");
    return error(t, "unexpected token");
  }

  Result<void> expect(TokenKind kind) {
    if (peek().kind != kind) return unexpected(peek());
    next();
    return {};
  }
  Result<void> expect_atom(std::string_view word) {
    if (!at_atom(word)) return unexpected(peek());
    next();
    return {};
  }
  bool accept(TokenKind kind) {
    if (peek().kind != kind) return false;
    next();
    return true;
  }

  // At a `(`: moves past its balancing `)`. Returns false when the input ends first.
  bool skip_form() {
    size_t depth = 0;
    do {
      const Token& t = next();
      if (t.kind == TokenKind::LParen)
        ++depth;
      else if (t.kind == TokenKind::RParen)
        --depth;
      else if (t.kind == TokenKind::Eof)
        return false;
    } while (depth > 0);
    return true;
  }

 private:
  std::string_view source_;
  const std::vector<Token>& tokens_;
  size_t index_ = 0;
};

}  // namespace weft::text
