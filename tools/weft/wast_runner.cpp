#include "wast_runner.hpp"

#include <cstdio>

#include "binary/decoder.hpp"
#include "text/wat_parser.hpp"
#include "validate/validator.hpp"

namespace weft::cli {
namespace {

using text::Command;
using text::CommandKind;
using text::ScriptModule;
using text::ScriptModuleKind;

Result<ir::Module> load_script_module(const ScriptModule& m) {
  Result<ir::Module> module = m.kind == ScriptModuleKind::Binary
                                  ? binary::decode_module(m.bytes)
                                  : m.kind == ScriptModuleKind::Text ? text::parse_wat(m.text, m.pos)
                                                                     : text::parse_wat(m.text);
  if (!module) return module;
  Result<void> valid = validate::validate_module(*module);
  if (!valid) return std::move(valid).error();
  return module;
}

const char* command_name(CommandKind kind) {
  switch (kind) {
    case CommandKind::Module: return "module";
    case CommandKind::Register: return "register";
    case CommandKind::Action: return "action";
    case CommandKind::AssertReturn: return "assert_return";
    case CommandKind::AssertTrap: return "assert_trap";
    case CommandKind::AssertExhaustion: return "assert_exhaustion";
    case CommandKind::AssertInvalid: return "assert_invalid";
    case CommandKind::AssertMalformed: return "assert_malformed";
    case CommandKind::AssertUnlinkable: return "assert_unlinkable";
    case CommandKind::AssertUninstantiable: return "assert_uninstantiable";
  }
  return "?";
}

class Runner {
 public:
  Runner(const RunOptions& options, ScriptResult& result) : options_(options), result_(result) {}

  void run(const Command& c) {
    switch (c.kind) {
      case CommandKind::Module: return module(c);
      case CommandKind::AssertInvalid: return expect_rejection(c, ErrorKind::Invalid);
      case CommandKind::AssertMalformed: return expect_rejection(c, ErrorKind::Malformed);
      case CommandKind::AssertUnlinkable:
      case CommandKind::AssertUninstantiable:
        // The module must be valid; linking and instantiating it needs the runtime.
        if (Result<ir::Module> m = load_script_module(*c.module); !m) {
          return fail(c, "module does not load: " + m.error().to_string());
        }
        return skip(c);
      case CommandKind::Register:
      case CommandKind::Action:
      case CommandKind::AssertReturn:
      case CommandKind::AssertTrap:
      case CommandKind::AssertExhaustion:
        return skip(c);
    }
  }

 private:
  void module(const Command& c) {
    Result<ir::Module> m = load_script_module(*c.module);
    if (!m) return fail(c, "module does not load: " + m.error().to_string());
    pass();
  }

  void expect_rejection(const Command& c, ErrorKind expected) {
    Result<ir::Module> m = load_script_module(*c.module);
    if (m) return fail(c, std::string("expected a ") + error_kind_name(expected) + " module, got a valid one");
    const Error& e = m.error();
    if (e.kind != expected) {
      return fail(c, std::string("expected a ") + error_kind_name(expected) + " module, got " +
                         error_kind_name(e.kind) + ": " + e.to_string());
    }
    // The reference interpreter's rule: the actual message starts with the expected one.
    if (e.message.compare(0, c.message.size(), c.message) != 0) {
      ++result_.message_mismatches;
      if (options_.verbose) note(c, "message \"" + e.message + "\", expected \"" + c.message + "\"");
    }
    pass();
  }

  void pass() { ++result_.passed; }
  void skip(const Command& c) {
    ++result_.skipped;
    if (options_.verbose) note(c, std::string(command_name(c.kind)) + " skipped: needs execution");
  }
  void fail(const Command& c, const std::string& what) {
    ++result_.failed;
    note(c, std::string(command_name(c.kind)) + ": " + what);
  }
  void note(const Command& c, const std::string& what) {
    result_.notes.push_back(std::to_string(c.pos.line) + ":" + std::to_string(c.pos.column) +
                            ": " + what);
  }

  const RunOptions& options_;
  ScriptResult& result_;
};

}  // namespace

ScriptResult run_script(std::string_view source, const RunOptions& options) {
  ScriptResult result;
  Result<text::Script> script = text::parse_wast(source);
  if (!script) {
    result.fatal = script.error().to_string();
    return result;
  }
  Runner runner(options, result);
  for (const Command& c : script->commands) runner.run(c);
  return result;
}

}  // namespace weft::cli
