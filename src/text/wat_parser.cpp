#include "text/wat_parser.hpp"

#include "text/lexer.hpp"
#include "text/module_parser.hpp"

namespace weft::text {

Result<ir::Module> parse_wat(std::string_view source, SourcePos start) {
  auto tokens = tokenize(source, start);
  if (!tokens) return std::move(tokens).error();
  TokenCursor cursor(source, *tokens);
  ir::Module module;
  ModuleParser parser(cursor, module);
  WEFT_TRY(parser.parse());
  return module;
}

Result<ir::Module> parse_wat(std::string_view source) {
  return parse_wat(source, SourcePos{});
}

}  // namespace weft::text
