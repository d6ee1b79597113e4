// Splits WebAssembly text (a module or a script) into tokens.
//
// Atoms (keywords, identifiers, numbers) are not classified here: the parser decides what an atom
// means where it reads it, so that a malformed number inside a module of a script only fails that
// module. Comments and annotations `(@name ...)` are skipped.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "text/wat_parser.hpp"

namespace weft::text {

enum class TokenKind : uint8_t {
  LParen,
  RParen,
  Atom,      // a run of identifier characters: keyword, $id, number, or `offset=` style
  String,    // a well-formed string literal, quotes included
  Reserved,  // anything else the lexer could delimit (e.g. `"a"x`, `0"a"`); never valid syntax
  Eof,
};

struct Token {
  TokenKind kind = TokenKind::Eof;
  uint32_t offset = 0;  // into the source
  uint32_t size = 0;
  uint32_t line = 0;
  uint32_t column = 0;
};

// Tokenizes `source`, whose first character sits at `start` in the enclosing text. The result
// ends with one Eof token. Unterminated strings or comments, illegal escapes and control
// characters are malformed.
Result<std::vector<Token>> tokenize(std::string_view source, SourcePos start = {});

// Whether `c` may appear in an atom (the spec's `idchar`).
bool is_idchar(unsigned char c);

}  // namespace weft::text
