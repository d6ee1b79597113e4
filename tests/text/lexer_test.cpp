#include "text/lexer.hpp"

#include <gtest/gtest.h>

#include "text/literals.hpp"

namespace weft::text {
namespace {

std::vector<Token> lex(std::string_view s) {
  auto r = tokenize(s);
  EXPECT_TRUE(r.has_value()) << r.error().to_string();
  return r ? *r : std::vector<Token>{};
}

std::vector<TokenKind> kinds(std::string_view s) {
  std::vector<TokenKind> out;
  for (const Token& t : lex(s)) out.push_back(t.kind);
  return out;
}

using K = TokenKind;

TEST(Lexer, SplitsParenthesesAtomsAndStrings) {
  EXPECT_EQ(kinds("(func $f (param i32) \"x\")"),
            (std::vector<K>{K::LParen, K::Atom, K::Atom, K::LParen, K::Atom, K::Atom, K::RParen,
                            K::String, K::RParen, K::Eof}));
}

TEST(Lexer, SkipsLineAndNestedBlockComments) {
  EXPECT_EQ(kinds("a ;; comment ( \n b (; outer (; inner ;) still ;) c"),
            (std::vector<K>{K::Atom, K::Atom, K::Atom, K::Eof}));
  EXPECT_EQ(kinds("(func;;bla\n)"), (std::vector<K>{K::LParen, K::Atom, K::RParen, K::Eof}));
}

TEST(Lexer, SkipsAnnotations) {
  EXPECT_EQ(kinds("(module (@name \"m\" (nested ) x) (func))"),
            (std::vector<K>{K::LParen, K::Atom, K::LParen, K::Atom, K::RParen, K::RParen, K::Eof}));
}

// A lone `;` inside an annotation once stalled the lexer; the annotation ends at its `)`.
TEST(Lexer, StrayCharactersInsideAnAnnotationAreSkipped) {
  EXPECT_EQ(kinds("(a (@x ;) y) b)"),
            (std::vector<K>{K::LParen, K::Atom, K::Atom, K::RParen, K::Atom, K::RParen, K::Eof}));
  EXPECT_EQ(kinds("(fu(@anc $t;)"), (std::vector<K>{K::LParen, K::Atom, K::Eof}));
}

TEST(Lexer, GluedStringsAndAtomsAreReserved) {
  EXPECT_EQ(kinds("\"a\"x"), (std::vector<K>{K::Reserved, K::Eof}));
  EXPECT_EQ(kinds("0\"a\""), (std::vector<K>{K::Reserved, K::Eof}));
  EXPECT_EQ(kinds("\"a\"\"b\""), (std::vector<K>{K::Reserved, K::Eof}));
  EXPECT_EQ(kinds("$l\"a\""), (std::vector<K>{K::Reserved, K::Eof}));
  EXPECT_EQ(kinds("a,b"), (std::vector<K>{K::Reserved, K::Eof}));
}

TEST(Lexer, TracksLinesAndColumns) {
  const auto t = lex("(a\n  bc\n\t\"s\")");
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[1].line, 1u);
  EXPECT_EQ(t[1].column, 2u);
  EXPECT_EQ(t[2].line, 2u);
  EXPECT_EQ(t[2].column, 3u);
  EXPECT_EQ(t[3].line, 3u);
  EXPECT_EQ(t[3].column, 2u);
}

TEST(Lexer, StartPositionShiftsFirstLineOnly) {
  auto r = tokenize("a\nb", SourcePos{10, 5});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ((*r)[0].line, 10u);
  EXPECT_EQ((*r)[0].column, 5u);
  EXPECT_EQ((*r)[1].line, 11u);
  EXPECT_EQ((*r)[1].column, 1u);
}

TEST(Lexer, RejectsBadStringsAndComments) {
  EXPECT_FALSE(tokenize("\"abc").has_value());
  EXPECT_FALSE(tokenize("\"\\q\"").has_value());
  EXPECT_FALSE(tokenize("\"\\u{d800}\"").has_value());
  EXPECT_FALSE(tokenize("\"\\u{110000}\"").has_value());
  EXPECT_FALSE(tokenize("\"\\1\"").has_value());
  EXPECT_FALSE(tokenize("\"a\nb\"").has_value());
  EXPECT_FALSE(tokenize("(; open").has_value());
  auto r = tokenize("x\n  \"abc");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::Malformed);
  EXPECT_EQ(r.error().line, 2u);
}

TEST(Strings, DecodesEveryEscape) {
  EXPECT_EQ(decode_string("\"\\t\\n\\r\\\"\\'\\\\\""), "\t\n\r\"'\\");
  EXPECT_EQ(decode_string("\"\\00\\ff\\41\""), std::string("\x00\xff"
                                                           "A",
                                                           3));
  EXPECT_EQ(decode_string("\"\\u{41}\\u{e9}\\u{1F600}\""), "A\xc3\xa9\xf0\x9f\x98\x80");
  EXPECT_EQ(decode_string("\"plain text\""), "plain text");
}

}  // namespace
}  // namespace weft::text
