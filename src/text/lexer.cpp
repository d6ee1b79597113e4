#include "text/lexer.hpp"

#include <array>
#include <string>

namespace weft::text {

namespace {

constexpr std::array<bool, 256> make_idchar_table() {
  std::array<bool, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = true;
  for (char c : std::string_view("!#$%&'*+-./:<=>?@\\^_`|~"))
    t[static_cast<unsigned char>(c)] = true;
  return t;
}
constexpr std::array<bool, 256> kIdChar = make_idchar_table();

bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Characters that end a token: white space, parentheses and `;` (which starts a comment).
bool is_delimiter(unsigned char c) {
  return is_space(c) || c == '(' || c == ')' || c == ';';
}

bool is_hex(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

class Lexer {
 public:
  Lexer(std::string_view src, SourcePos start)
      : src_(src), line_(start.line), first_line_column_(start.column) {}

  Result<std::vector<Token>> run() {
    if (src_.size() >= UINT32_MAX) return error_here(0, "source too large");
    std::vector<Token> tokens;
    tokens.reserve(src_.size() / 5 + 4);
    for (;;) {
      WEFT_TRY(skip_space_and_comments());
      Token t = start_token(pos_);
      if (pos_ >= src_.size()) {
        tokens.push_back(t);
        return tokens;
      }
      const unsigned char c = src_[pos_];
      if (c == '(') {
        if (pos_ + 1 < src_.size() && src_[pos_ + 1] == '@') {
          WEFT_TRY(skip_annotation());
          continue;
        }
        ++pos_;
        t.kind = TokenKind::LParen;
      } else if (c == ')') {
        ++pos_;
        t.kind = TokenKind::RParen;
      } else {
        WEFT_TRY(scan_word(t));
      }
      t.size = static_cast<uint32_t>(pos_ - t.offset);
      tokens.push_back(t);
    }
  }

 private:
  Token start_token(size_t at) const {
    Token t;
    t.offset = static_cast<uint32_t>(at);
    t.line = line_;
    t.column = column_of(at);
    return t;
  }
  uint32_t column_of(size_t at) const {
    const uint32_t col = static_cast<uint32_t>(at - line_start_) + 1;
    return line_start_ == 0 && !seen_newline_ ? col + first_line_column_ - 1 : col;
  }
  Error error_here(size_t at, std::string message) const {
    return Error::at_line(ErrorKind::Malformed, line_, column_of(at), std::move(message));
  }
  void newline_at(size_t at) {
    ++line_;
    line_start_ = at + 1;
    seen_newline_ = true;
  }

  Result<void> skip_space_and_comments() {
    while (pos_ < src_.size()) {
      const char c = src_[pos_];
      if (c == '\n') {
        newline_at(pos_);
        ++pos_;
      } else if (is_space(c)) {
        ++pos_;
      } else if (c == ';' && pos_ + 1 < src_.size() && src_[pos_ + 1] == ';') {
        while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
      } else if (c == '(' && pos_ + 1 < src_.size() && src_[pos_ + 1] == ';') {
        WEFT_TRY(skip_block_comment());
      } else {
        break;
      }
    }
    return {};
  }

  // Block comments nest; a counter instead of recursion keeps deep nesting harmless.
  Result<void> skip_block_comment() {
    pos_ += 2;
    size_t depth = 1;
    while (pos_ < src_.size()) {
      const char c = src_[pos_];
      if (c == '(' && pos_ + 1 < src_.size() && src_[pos_ + 1] == ';') {
        ++depth;
        pos_ += 2;
      } else if (c == ';' && pos_ + 1 < src_.size() && src_[pos_ + 1] == ')') {
        pos_ += 2;
        if (--depth == 0) return {};
      } else {
        if (c == '\n') newline_at(pos_);
        ++pos_;
      }
    }
    return error_here(pos_, "unclosed comment");
  }

  // `(@name ...)`: skipped with everything up to its balancing parenthesis.
  Result<void> skip_annotation() {
    size_t depth = 0;
    while (true) {
      WEFT_TRY(skip_space_and_comments());
      if (pos_ >= src_.size()) return error_here(pos_, "unclosed annotation");
      const char c = src_[pos_];
      if (c == '(') {
        ++depth;
        ++pos_;
      } else if (c == ')') {
        ++pos_;
        if (--depth == 0) return {};
      } else {
        Token ignored = start_token(pos_);
        WEFT_TRY(scan_word(ignored));
      }
    }
  }

  // A string, an atom, or a run of them glued together (a reserved token).
  Result<void> scan_word(Token& t) {
    bool only_idchars = true;
    int strings = 0;
    while (pos_ < src_.size()) {
      const unsigned char c = src_[pos_];
      if (is_delimiter(c)) break;
      if (c == '"') {
        WEFT_TRY(scan_string());
        ++strings;
      } else {
        if (!kIdChar[c]) only_idchars = false;
        ++pos_;
      }
    }
    const size_t size = pos_ - t.offset;
    const bool lone_string = strings == 1 && src_[t.offset] == '"' && src_[pos_ - 1] == '"' &&
                             only_idchars && string_end_ == pos_;
    if (lone_string)
      t.kind = TokenKind::String;
    else if (strings == 0 && only_idchars && size > 0)
      t.kind = TokenKind::Atom;
    else
      t.kind = TokenKind::Reserved;
    if (size == 0) {  // a lone `;`
      ++pos_;
      t.kind = TokenKind::Reserved;
    }
    return {};
  }

  // Checks a string literal's escapes and characters; the parser decodes it when it needs it.
  Result<void> scan_string() {
    ++pos_;  // the opening quote
    while (pos_ < src_.size()) {
      const unsigned char c = src_[pos_];
      if (c == '"') {
        ++pos_;
        string_end_ = pos_;
        return {};
      }
      if (c == '\n' || c < 0x20 || c == 0x7f) {
        return error_here(pos_, "illegal control character in string");
      }
      if (c != '\\') {
        ++pos_;
        continue;
      }
      if (pos_ + 1 >= src_.size()) break;
      const unsigned char e = src_[pos_ + 1];
      switch (e) {
        case 't':
        case 'n':
        case 'r':
        case '"':
        case '\'':
        case '\\':
          pos_ += 2;
          break;
        case 'u': {
          size_t p = pos_ + 2;
          if (p >= src_.size() || src_[p] != '{') return error_here(pos_, "illegal escape");
          ++p;
          uint64_t cp = 0;
          size_t digits = 0;
          while (p < src_.size() && (is_hex(src_[p]) || (src_[p] == '_' && digits > 0))) {
            if (src_[p] != '_') {
              cp = cp * 16 + (src_[p] <= '9' ? src_[p] - '0' : (src_[p] | 0x20) - 'a' + 10);
              if (cp > 0x10ffff) return error_here(pos_, "illegal escape");
              ++digits;
            }
            ++p;
          }
          if (digits == 0 || p >= src_.size() || src_[p] != '}' || src_[p - 1] == '_' ||
              (cp >= 0xd800 && cp < 0xe000)) {
            return error_here(pos_, "illegal escape");
          }
          pos_ = p + 1;
          break;
        }
        default:
          if (is_hex(e) && pos_ + 2 < src_.size() && is_hex(src_[pos_ + 2])) {
            pos_ += 3;
            break;
          }
          return error_here(pos_, "illegal escape");
      }
    }
    return error_here(pos_, "unclosed string literal");
  }

  std::string_view src_;
  size_t pos_ = 0;
  size_t string_end_ = 0;
  uint32_t line_;
  size_t line_start_ = 0;
  bool seen_newline_ = false;
  uint32_t first_line_column_;
};

}  // namespace

bool is_idchar(unsigned char c) {
  return kIdChar[c];
}

Result<std::vector<Token>> tokenize(std::string_view source, SourcePos start) {
  return Lexer(source, start).run();
}

}  // namespace weft::text
