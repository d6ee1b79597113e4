// The spec suite's hand-written binary modules, `(module binary "...")`, taken straight from the
// .wast files: plain modules and those of assertions other than `assert_malformed` must decode and
// round-trip; `assert_malformed` ones must fail in the
// decoder with the expected message, unless the fault lies inside a function body, which is
// validate/'s BodyDecoder's to find (those must still fail the shared instruction reader, or be
// one of the few faults that need the validator's context).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "binary/decoder.hpp"
#include "binary/encoder.hpp"
#include "binary/instruction_reader.hpp"
#include "module_difference.hpp"

namespace weft::binary {
namespace {

using Bytes = std::vector<uint8_t>;

struct Token {
  enum Kind { Open, Close, Atom, String } kind;
  std::string text;  // an atom's text or a string's decoded bytes
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Just enough of the WAST lexer for module forms: parentheses, atoms, strings and comments.
std::vector<Token> tokenize(const std::string& s) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == ';' && i + 1 < s.size() && s[i + 1] == ';') {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (c == '(' && i + 1 < s.size() && s[i + 1] == ';') {
      int depth = 0;
      do {
        if (s.compare(i, 2, "(;") == 0)
          ++depth, i += 2;
        else if (s.compare(i, 2, ";)") == 0)
          --depth, i += 2;
        else
          ++i;
      } while (depth > 0 && i < s.size());
    } else if (c == '(') {
      tokens.push_back({Token::Open, ""});
      ++i;
    } else if (c == ')') {
      tokens.push_back({Token::Close, ""});
      ++i;
    } else if (c == '"') {
      std::string bytes;
      for (++i; i < s.size() && s[i] != '"'; ++i) {
        if (s[i] != '\\') {
          bytes += s[i];
          continue;
        }
        const char e = s[++i];
        if (hex_value(e) >= 0 && i + 1 < s.size() && hex_value(s[i + 1]) >= 0) {
          bytes += static_cast<char>(hex_value(e) * 16 + hex_value(s[i + 1]));
          ++i;
        } else if (e == 'n') {
          bytes += '\n';
        } else if (e == 't') {
          bytes += '\t';
        } else {
          bytes += e;  // \\ \" \'
        }
      }
      ++i;
      tokens.push_back({Token::String, bytes});
    } else {
      const size_t start = i;
      while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) && s[i] != '(' &&
             s[i] != ')' && s[i] != '"') {
        ++i;
      }
      tokens.push_back({Token::Atom, s.substr(start, i - start)});
    }
  }
  return tokens;
}

struct BinaryModule {
  Bytes bytes;
  bool malformed = false;
  std::string expected;  // for malformed modules
  size_t line_hint = 0;  // index of the module among the file's binary modules
};

// If tokens[i] opens `(module $id? binary "..."*)`, reads its bytes and moves i past it.
bool read_binary_module(const std::vector<Token>& t, size_t& i, Bytes& out) {
  size_t j = i;
  if (t[j].kind != Token::Open || j + 2 >= t.size() || t[j + 1].text != "module") return false;
  j += 2;
  if (t[j].kind == Token::Atom && t[j].text.starts_with("$")) ++j;
  if (t[j].kind != Token::Atom || t[j].text != "binary") return false;
  for (++j; j < t.size() && t[j].kind == Token::String; ++j) {
    out.insert(out.end(), t[j].text.begin(), t[j].text.end());
  }
  i = j + 1;  // past the closing parenthesis
  return true;
}

std::vector<BinaryModule> binary_modules_of(const std::string& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  const std::vector<Token> t = tokenize(text.str());
  std::vector<BinaryModule> modules;
  int depth = 0;
  for (size_t i = 0; i < t.size();) {
    if (depth == 0 && t[i].kind == Token::Open && i + 1 < t.size()) {
      BinaryModule m;
      size_t j = i;
      if (read_binary_module(t, j, m.bytes)) {
        modules.push_back(std::move(m));
        i = j;
        continue;
      }
      // A module in an assertion: malformed ones must fail to decode, the others (invalid,
      // unlinkable, ...) are well-formed.
      if (t[i + 1].kind == Token::Atom && t[i + 1].text.starts_with("assert_")) {
        j = i + 2;
        if (read_binary_module(t, j, m.bytes) && j < t.size()) {
          m.malformed = t[i + 1].text == "assert_malformed";
          if (m.malformed && t[j].kind == Token::String) m.expected = t[j].text;
          modules.push_back(std::move(m));
          // Past the rest of the assertion.
          for (int inner = 1; j < t.size() && inner > 0; ++j) {
            if (t[j].kind == Token::Open) ++inner;
            if (t[j].kind == Token::Close) --inner;
          }
          i = j;
          continue;
        }
      }
    }
    if (t[i].kind == Token::Open) ++depth;
    if (t[i].kind == Token::Close) --depth;
    ++i;
  }
  for (size_t n = 0; n < modules.size(); ++n) modules[n].line_hint = n;
  return modules;
}

// Scans every function body with the shared instruction reader; returns the first error.
std::string body_scan_error(const ir::Module& m) {
  for (const ir::Function& fn : m.functions) {
    Reader r(m.bytes.data() + fn.body.offset, fn.body.size, fn.body.offset);
    Immediates imm;
    ir::Opcode op;
    while (!r.at_end() && read_opcode(r, ir::Features::wasm2(), op) &&
           read_immediates(r, ir::opcode_info(op).imm, ir::Features::wasm2(), imm)) {
    }
    if (!r.ok()) return r.error_message();
  }
  return "";
}

// Faults the decoder leaves to the validator because they need more than the bytes of one
// instruction: a missing data count section, and a br_table whose label count is off (the
// surplus bytes happen to decode as instructions; only block nesting shows the fault).
bool needs_validator_context(const std::string& expected) {
  return expected == "data count section required" || expected == "unexpected end";
}

class SpecBinaryModules : public ::testing::TestWithParam<const char*> {};

TEST_P(SpecBinaryModules, DecodeAsTheSuiteExpects) {
  const std::string path = std::string(WEFT_SPEC_DIR) + "/spec-2.0/" + GetParam();
  if (!std::ifstream(path)) GTEST_SKIP() << "spec suite not found at " << path;
  const std::vector<BinaryModule> modules = binary_modules_of(path);
  ASSERT_FALSE(modules.empty());
  if (std::string(GetParam()) == "binary.wast") {
    // Guards the extraction itself: binary.wast has well over a hundred malformed modules.
    EXPECT_GT(std::count_if(modules.begin(), modules.end(), [](auto& m) { return m.malformed; }),
              100);
  }
  for (const BinaryModule& m : modules) {
    SCOPED_TRACE("binary module #" + std::to_string(m.line_hint));
    auto result = decode_module(m.bytes);
    if (!m.malformed) {
      ASSERT_TRUE(result.has_value()) << result.error().to_string();
      const Bytes encoded = encode_module(*result);
      auto again = decode_module(encoded);
      ASSERT_TRUE(again.has_value()) << again.error().to_string();
      EXPECT_EQ(testing::module_difference(*result, *again), "");
      continue;
    }
    if (!result) {
      EXPECT_TRUE(result.error().message.starts_with(m.expected))
          << "got '" << result.error().message << "', want '" << m.expected << "'";
      continue;
    }
    const std::string scan = body_scan_error(*result);
    if (scan.empty()) {
      EXPECT_TRUE(needs_validator_context(m.expected)) << "decoded, want '" << m.expected << "'";
    } else {
      EXPECT_TRUE(scan.starts_with(m.expected))
          << "body scan got '" << scan << "', want '" << m.expected << "'";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Files, SpecBinaryModules,
                         ::testing::Values("binary.wast", "binary-leb128.wast", "custom.wast",
                                           "utf8-custom-section-id.wast", "utf8-import-field.wast",
                                           "utf8-import-module.wast", "data.wast", "global.wast",
                                           "float_literals.wast", "simd_const.wast"),
                         [](const auto& info) {
                           std::string name = info.param;
                           name = name.substr(0, name.find('.'));
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace weft::binary
