// Every script of the official 2.0 suite parses; every text module in it parses; every quoted
// module that the suite says is malformed fails to parse.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "text/wast.hpp"
#include "text/wat_parser.hpp"

namespace weft::text {
namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(SpecFiles, EveryScriptAndTextModuleParses) {
  const std::filesystem::path dir = std::filesystem::path(WEFT_SPEC_DIR) / "spec-2.0";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no spec suite at " << dir;
  size_t files = 0, text_modules = 0, quote_modules = 0, malformed_rejected = 0, wrong_message = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".wast") continue;
    ++files;
    const std::string source = read_file(entry.path());
    const std::string name = entry.path().filename().string();
    auto script = parse_wast(source);
    EXPECT_TRUE(script.has_value()) << name << ": " << script.error().to_string();
    if (!script) continue;
    for (const Command& cmd : script->commands) {
      if (!cmd.module) continue;
      const ScriptModule& m = *cmd.module;
      if (m.kind == ScriptModuleKind::Binary) continue;
      const bool quote = m.kind == ScriptModuleKind::Quote;
      auto module = quote ? parse_wat(m.text) : parse_wat(m.text, m.pos);
      if (cmd.kind == CommandKind::AssertMalformed) {
        EXPECT_FALSE(module.has_value())
            << name << ":" << cmd.pos.line << ": accepted malformed module (" << cmd.message << ")";
        if (!module) {
          ++malformed_rejected;
          if (module.error().message.rfind(cmd.message, 0) != 0) {
            ++wrong_message;
            if (std::getenv("WEFT_SHOW_MESSAGES")) {
              std::printf("%s:%u: expected \"%s\", got \"%s\"\n", name.c_str(), cmd.pos.line,
                          cmd.message.c_str(), module.error().to_string().c_str());
            }
          }
        }
        continue;
      }
      EXPECT_TRUE(module.has_value())
          << name << ":" << cmd.pos.line << ": " << module.error().to_string();
      if (quote)
        ++quote_modules;
      else
        ++text_modules;
    }
  }
  EXPECT_EQ(files, 147u);
  std::printf(
      "spec-2.0: %zu scripts, %zu text modules, %zu quoted modules parsed, %zu malformed "
      "quoted modules rejected (%zu with other wording)\n",
      files, text_modules, quote_modules, malformed_rejected, wrong_message);
}

}  // namespace
}  // namespace weft::text
