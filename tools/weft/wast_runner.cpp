#include "wast_runner.hpp"

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>

#include "binary/decoder.hpp"
#include "interp/interpreter.hpp"
#include "interp/ops/float_bits.hpp"
#include "runtime/instance.hpp"
#include "runtime/spectest.hpp"
#include "runtime/store.hpp"
#include "text/wat_parser.hpp"
#include "validate/validator.hpp"

namespace weft::cli {
namespace {

using text::Command;
using text::CommandKind;
using text::ScriptModule;
using text::ScriptModuleKind;

Result<ir::Module> load_script_module(const ScriptModule& m) {
  Result<ir::Module> module = m.kind == ScriptModuleKind::Binary ? binary::decode_module(m.bytes)
                              : m.kind == ScriptModuleKind::Text ? text::parse_wat(m.text, m.pos)
                                                                 : text::parse_wat(m.text);
  if (!module) return module;
  Result<void> valid = validate::validate_module(*module);
  if (!valid) return std::move(valid).error();
  return module;
}

const char* command_name(CommandKind kind) {
  switch (kind) {
    case CommandKind::Module:
      return "module";
    case CommandKind::Register:
      return "register";
    case CommandKind::Action:
      return "action";
    case CommandKind::AssertReturn:
      return "assert_return";
    case CommandKind::AssertTrap:
      return "assert_trap";
    case CommandKind::AssertExhaustion:
      return "assert_exhaustion";
    case CommandKind::AssertInvalid:
      return "assert_invalid";
    case CommandKind::AssertMalformed:
      return "assert_malformed";
    case CommandKind::AssertUnlinkable:
      return "assert_unlinkable";
    case CommandKind::AssertUninstantiable:
      return "assert_uninstantiable";
  }
  return "?";
}

// Extern references made by scripts (`ref.extern N`) are the host bits N + 1, so that 0 stays
// the null reference.
uint64_t extern_bits(uint64_t n) {
  return n + 1;
}

std::string format_value(ir::ValType type, const runtime::ValRaw& v) {
  char buffer[64];
  switch (type.kind()) {
    case ir::ValKind::I32:
      std::snprintf(buffer, sizeof buffer, "i32:%" PRIu32, v.i32);
      break;
    case ir::ValKind::I64:
      std::snprintf(buffer, sizeof buffer, "i64:%" PRIu64, v.i64);
      break;
    case ir::ValKind::F32:
      std::snprintf(buffer, sizeof buffer, "f32:0x%08" PRIx32, v.f32);
      break;
    case ir::ValKind::F64:
      std::snprintf(buffer, sizeof buffer, "f64:0x%016" PRIx64, v.f64);
      break;
    case ir::ValKind::Ref:
      std::snprintf(buffer, sizeof buffer, "ref:0x%" PRIx64, v.ref);
      break;
    default:
      std::snprintf(buffer, sizeof buffer, "v128");
      break;
  }
  return buffer;
}

template <typename Bits>
bool float_matches(const text::Expected& e, Bits bits) {
  switch (e.nan) {
    case text::NanPattern::Canonical:
      return interp::ops::is_canonical_nan(bits);
    case text::NanPattern::Arithmetic:
      return interp::ops::is_arithmetic_nan(bits);
    case text::NanPattern::None:
      break;
  }
  return bits == static_cast<Bits>(e.bits);
}

bool v128_matches(const text::Expected& e, const runtime::ValRaw& v) {
  const uint32_t lanes = text::lane_count(e.shape);
  const uint32_t width = 16 / lanes;
  for (uint32_t lane = 0; lane < lanes; ++lane) {
    const uint8_t* actual = v.v128 + lane * width;
    const uint8_t* expected = e.v128.data() + lane * width;
    if (e.lane_nan[lane] != text::NanPattern::None) {
      text::Expected f;
      f.nan = e.lane_nan[lane];
      if (width == 4) {
        uint32_t bits;
        std::memcpy(&bits, actual, 4);
        if (!float_matches(f, bits)) return false;
      } else {
        uint64_t bits;
        std::memcpy(&bits, actual, 8);
        if (!float_matches(f, bits)) return false;
      }
    } else if (std::memcmp(actual, expected, width) != 0) {
      return false;
    }
  }
  return true;
}

bool value_matches(const text::Expected& e, const runtime::ValRaw& v) {
  switch (e.kind) {
    case text::ExpectedKind::I32:
      return v.i32 == static_cast<uint32_t>(e.bits);
    case text::ExpectedKind::I64:
      return v.i64 == e.bits;
    case text::ExpectedKind::F32:
      return float_matches<uint32_t>(e, v.f32);
    case text::ExpectedKind::F64:
      return float_matches<uint64_t>(e, v.f64);
    case text::ExpectedKind::V128:
      return v128_matches(e, v);
    case text::ExpectedKind::RefNull:
      return v.ref == 0;
    case text::ExpectedKind::RefExtern:
      return e.has_value ? v.ref == extern_bits(e.bits) : v.ref != 0;
    case text::ExpectedKind::RefFunc:
      return v.ref != 0;
  }
  return false;
}

Result<runtime::ValRaw> argument_value(const text::Value& a) {
  runtime::ValRaw v{};
  switch (a.kind) {
    case text::ValueKind::I32:
      v.i64 = static_cast<uint32_t>(a.bits);
      break;
    case text::ValueKind::I64:
    case text::ValueKind::F64:
      v.i64 = a.bits;
      break;
    case text::ValueKind::F32:
      v.i64 = static_cast<uint32_t>(a.bits);
      break;
    case text::ValueKind::V128:
      std::memcpy(v.v128, a.v128.data(), 16);
      break;
    case text::ValueKind::RefNull:
      v.ref = 0;
      break;
    case text::ValueKind::RefExtern:
      v.ref = extern_bits(a.bits);
      break;
    case text::ValueKind::RefFunc:
      return Error{ErrorKind::Unsupported, "ref.func arguments are not supported"};
  }
  return v;
}

// What an action produced: values, or a trap.
struct Outcome {
  runtime::TrapCode trap = runtime::TrapCode::None;
  std::vector<runtime::ValRaw> values;
  std::vector<ir::ValType> types;
};

class Runner {
 public:
  Runner(const RunOptions& options, ScriptResult& result)
      : options_(options), result_(result), store_(types_) {
    const char* bounds = std::getenv("WEFT_BOUNDS_CHECKS");
    if (bounds != nullptr && std::strcmp(bounds, "explicit") == 0) {
      config_.bounds = compile::BoundsChecks::Explicit;
    } else {
      interp::install_fault_handler();
    }
    Result<runtime::NamedExterns> spectest = runtime::make_spectest(store_, options_.verbose ? stdout : nullptr);
    if (spectest) registered_["spectest"] = std::move(*spectest);
  }

  void run(const Command& c) {
    switch (c.kind) {
      case CommandKind::Module:
        return module(c);
      case CommandKind::AssertInvalid:
        return expect_rejection(c, ErrorKind::Invalid);
      case CommandKind::AssertMalformed:
        return expect_rejection(c, ErrorKind::Malformed);
      case CommandKind::AssertUnlinkable:
        return expect_instantiation_failure(c, ErrorKind::Link);
      case CommandKind::AssertUninstantiable:
        return expect_instantiation_failure(c, ErrorKind::Trap);
      case CommandKind::Register:
        return register_module(c);
      case CommandKind::Action:
        return action(c);
      case CommandKind::AssertReturn:
        return assert_return(c);
      case CommandKind::AssertTrap:
        if (c.module) return expect_instantiation_failure(c, ErrorKind::Trap);
        return assert_trap(c);
      case CommandKind::AssertExhaustion:
        return assert_trap(c);
    }
  }

 private:
  // Loads, links and instantiates a script module.
  Result<runtime::Instance*> instantiate(const ScriptModule& sm) {
    Result<ir::Module> loaded = load_script_module(sm);
    if (!loaded) return std::move(loaded).error();
    auto module = std::make_shared<const ir::Module>(std::move(*loaded));
    std::vector<runtime::Extern> imports;
    for (const ir::Import& import : module->imports) {
      const runtime::Extern* found = nullptr;
      auto it = registered_.find(import.module);
      if (it != registered_.end()) {
        for (const auto& [name, value] : it->second) {
          if (name == import.name) {
            found = &value;
            break;
          }
        }
      }
      if (found == nullptr) {
        return Error{ErrorKind::Link,
                     "unknown import \"" + import.module + "\" \"" + import.name + "\""};
      }
      imports.push_back(*found);
    }
    Result<std::shared_ptr<compile::ModuleCode>> code = interp::compile_module(*module, config_);
    if (!code) return std::move(code).error();
    return runtime::Instance::instantiate(store_, module, std::move(*code), imports,
                                          interp::array_call);
  }

  void module(const Command& c) {
    Result<runtime::Instance*> instance = instantiate(*c.module);
    if (!instance) {
      current_ = nullptr;
      return fail(c, "module does not load: " + instance.error().to_string());
    }
    current_ = *instance;
    if (c.module->id) named_[*c.module->id] = *instance;
    pass();
  }

  void register_module(const Command& c) {
    runtime::Instance* instance = current_;
    if (c.register_id) {
      auto it = named_.find(*c.register_id);
      instance = it == named_.end() ? nullptr : it->second;
    }
    if (instance == nullptr) return fail(c, "no module to register");
    registered_[c.register_name] = instance->exports();
    pass();
  }

  Result<Outcome> perform(const text::Action& a) {
    runtime::Instance* instance = current_;
    if (a.module_id) {
      auto it = named_.find(*a.module_id);
      instance = it == named_.end() ? nullptr : it->second;
    }
    if (instance == nullptr) return Error{ErrorKind::Other, "no module instance"};
    const runtime::Extern* e = instance->find_export(a.name);
    if (e == nullptr) return Error{ErrorKind::Other, "unknown export \"" + a.name + "\""};
    Outcome out;
    if (a.kind == text::ActionKind::Get) {
      if (e->kind != ir::ExternKind::Global)
        return Error{ErrorKind::Other, "export is not a global"};
      out.values.push_back(e->global->cell.value);
      out.types.push_back(e->global->type.type);
      return out;
    }
    if (e->kind != ir::ExternKind::Func) return Error{ErrorKind::Other, "export is not a function"};
    const ir::FuncType& type = store_.types().type(e->func->type_index);
    if (a.args.size() != type.params.size()) return Error{ErrorKind::Other, "wrong argument count"};
    std::vector<runtime::ValRaw> values(std::max(type.params.size(), type.results.size()) + 1);
    for (size_t i = 0; i < a.args.size(); ++i) {
      Result<runtime::ValRaw> v = argument_value(a.args[i]);
      if (!v) return std::move(v).error();
      values[i] = *v;
    }
    out.trap = e->func->array_call(e->func, nullptr, values.data(), values.size());
    if (out.trap == runtime::TrapCode::None) {
      values.resize(type.results.size());
      out.values = std::move(values);
      out.types = type.results;
    }
    return out;
  }

  void action(const Command& c) {
    Result<Outcome> out = perform(*c.action);
    if (!out) return fail(c, out.error().message);
    if (out->trap != runtime::TrapCode::None) {
      return fail(c, std::string("trapped: ") + runtime::trap_message(out->trap));
    }
    pass();
  }

  void assert_return(const Command& c) {
    Result<Outcome> out = perform(*c.action);
    if (!out) return fail(c, out.error().message);
    if (out->trap != runtime::TrapCode::None) {
      return fail(c, std::string("trapped: ") + runtime::trap_message(out->trap));
    }
    if (out->values.size() != c.expected.size()) {
      return fail(c, "got " + std::to_string(out->values.size()) + " results, expected " +
                         std::to_string(c.expected.size()));
    }
    for (size_t i = 0; i < c.expected.size(); ++i) {
      if (!value_matches(c.expected[i], out->values[i])) {
        return fail(c, "result " + std::to_string(i) + " is " +
                           format_value(out->types[i], out->values[i]));
      }
    }
    pass();
  }

  void assert_trap(const Command& c) {
    Result<Outcome> out = perform(*c.action);
    if (!out) return fail(c, out.error().message);
    if (out->trap == runtime::TrapCode::None) return fail(c, "returned, expected a trap");
    check_message(c, runtime::trap_message(out->trap));
    pass();
  }

  void expect_instantiation_failure(const Command& c, ErrorKind expected) {
    Result<runtime::Instance*> instance = instantiate(*c.module);
    if (instance) return fail(c, "instantiated, expected a failure");
    const Error& e = instance.error();
    if (e.kind != expected) {
      return fail(c, std::string("expected a ") + error_kind_name(expected) + " error, got " +
                         error_kind_name(e.kind) + ": " + e.to_string());
    }
    check_message(c, e.message);
    pass();
  }

  void expect_rejection(const Command& c, ErrorKind expected) {
    Result<ir::Module> m = load_script_module(*c.module);
    if (m)
      return fail(
          c, std::string("expected a ") + error_kind_name(expected) + " module, got a valid one");
    const Error& e = m.error();
    if (e.kind != expected) {
      return fail(c, std::string("expected a ") + error_kind_name(expected) + " module, got " +
                         error_kind_name(e.kind) + ": " + e.to_string());
    }
    check_message(c, e.message);
    pass();
  }

  // The reference interpreter's rule: the actual message starts with the expected one.
  void check_message(const Command& c, const std::string& actual) {
    if (actual.compare(0, c.message.size(), c.message) != 0) {
      ++result_.message_mismatches;
      if (options_.verbose) note(c, "message \"" + actual + "\", expected \"" + c.message + "\"");
    }
  }

  void pass() { ++result_.passed; }
  void fail(const Command& c, const std::string& what) {
    ++result_.failed;
    note(c, std::string(command_name(c.kind)) + ": " + what);
  }
  void note(const Command& c, const std::string& what) {
    result_.notes.push_back(std::to_string(c.pos.line) + ":" + std::to_string(c.pos.column) + ": " +
                            what);
  }

  const RunOptions& options_;
  ScriptResult& result_;
  interp::Config config_;
  runtime::TypeRegistry types_;
  runtime::Store store_;
  runtime::Instance* current_ = nullptr;
  std::map<std::string, runtime::Instance*> named_;
  std::map<std::string, runtime::NamedExterns> registered_;
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
