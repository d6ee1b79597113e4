// `weft run`: instantiate a module and call one of its exported functions with arguments
// from the command line, printing the results one per line.
#include <array>
#include <cctype>
#include <cerrno>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "interp/interpreter.hpp"
#include "load_module.hpp"
#include "runtime/instance.hpp"
#include "runtime/store.hpp"
#include "text/v128_literal.hpp"

namespace weft::cli {
namespace {

void print_help() {
  std::printf(
      "usage: weft run [options] FILE [ARGS...]\n\n"
      "Instantiates FILE (.wasm or .wat) and calls an exported function with ARGS, printing\n"
      "its results one per line. Without --invoke, only instantiates (running the start\n"
      "function) and then calls `_start` if the module exports it.\n\n"
      "options:\n"
      "  --invoke NAME            the export to call\n"
      "  --explicit-bounds        check memory bounds with compares instead of guard pages\n\n"
      "v128 values: an argument is SHAPE:LANE,LANE,... with SHAPE one of i8x16 i16x8 i32x4\n"
      "i64x2 f32x4 f64x2 and one literal per lane as v128.const takes them (e.g.\n"
      "i32x4:1,-2,0x30,4 or f32x4:1.5,nan,inf,-0), or 0x and up to 32 hex digits for the\n"
      "whole 128-bit number (lane 0 in the lowest bits). A v128 result prints as\n"
      "i32x4:0x........,0x........,0x........,0x........ (lane 0 first), itself a valid\n"
      "argument.\n");
}

// A v128 argument: `SHAPE:lanes` or a 128-bit hex number (see print_help).
Result<runtime::ValRaw> parse_v128_argument(const std::string& text) {
  const Error invalid{ErrorKind::Other, "invalid v128 argument '" + text + "'"};
  runtime::ValRaw v{};
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    std::string digits;
    for (size_t i = 2; i < text.size(); ++i) {
      if (text[i] == '_') continue;
      if (!std::isxdigit(static_cast<unsigned char>(text[i]))) return invalid;
      digits += text[i];
    }
    if (digits.empty() || digits.size() > 32) return invalid;
    // Byte k holds the digits at positions (from the right) 2k and 2k+1.
    for (size_t k = 0; k < 16 && 2 * k < digits.size(); ++k) {
      const size_t end = digits.size() - 2 * k;
      const size_t begin = end >= 2 ? end - 2 : 0;
      v.v128[k] = static_cast<uint8_t>(
          std::strtoul(digits.substr(begin, end - begin).c_str(), nullptr, 16));
    }
    return v;
  }
  const size_t colon = text.find(':');
  if (colon == std::string::npos) return invalid;
  const std::optional<text::V128Shape> shape = text::parse_v128_shape(text.substr(0, colon));
  if (!shape) return invalid;
  std::array<uint8_t, 16> bytes{};
  uint32_t lane = 0;
  size_t start = colon + 1;
  while (true) {
    const size_t comma = text.find(',', start);
    const std::string lane_text =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (lane >= text::lane_count(*shape) ||
        text::parse_v128_lane(*shape, lane_text, lane, bytes) != text::LiteralStatus::Ok) {
      return invalid;
    }
    ++lane;
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (lane != text::lane_count(*shape)) return invalid;
  std::memcpy(v.v128, bytes.data(), 16);
  return v;
}

Result<runtime::ValRaw> parse_argument(ir::ValType type, const std::string& text) {
  runtime::ValRaw v{};
  const char* s = text.c_str();
  char* end = nullptr;
  errno = 0;
  switch (type.kind()) {
    case ir::ValKind::I32:
    case ir::ValKind::I64: {
      const bool negative = !text.empty() && text[0] == '-';
      uint64_t bits =
          negative ? static_cast<uint64_t>(std::strtoll(s, &end, 0)) : std::strtoull(s, &end, 0);
      if (type.kind() == ir::ValKind::I32) {
        const int64_t as_signed = static_cast<int64_t>(bits);
        if (negative ? as_signed < INT32_MIN : bits > UINT32_MAX) errno = ERANGE;
        bits = static_cast<uint32_t>(bits);
      }
      v.i64 = bits;
      break;
    }
    case ir::ValKind::F32: {
      const float f = std::strtof(s, &end);
      uint32_t bits;
      std::memcpy(&bits, &f, 4);
      v.i64 = bits;
      break;
    }
    case ir::ValKind::F64: {
      const double d = std::strtod(s, &end);
      std::memcpy(&v.i64, &d, 8);
      break;
    }
    case ir::ValKind::V128:
      return parse_v128_argument(text);
    default:
      return Error{ErrorKind::Unsupported, "arguments of type " + ir::to_string(type) +
                                               " cannot be given on the command line"};
  }
  if (end == s || *end != '\0' || errno == ERANGE) {
    return Error{ErrorKind::Other, "invalid " + ir::to_string(type) + " argument '" + text + "'"};
  }
  return v;
}

void print_result(ir::ValType type, const runtime::ValRaw& v) {
  switch (type.kind()) {
    case ir::ValKind::I32:
      std::printf("%" PRId32 "\n", static_cast<int32_t>(v.i32));
      break;
    case ir::ValKind::I64:
      std::printf("%" PRId64 "\n", static_cast<int64_t>(v.i64));
      break;
    case ir::ValKind::F32: {
      float f;
      std::memcpy(&f, &v.f32, 4);
      std::printf("%.9g\n", static_cast<double>(f));
      break;
    }
    case ir::ValKind::F64: {
      double d;
      std::memcpy(&d, &v.f64, 8);
      std::printf("%.17g\n", d);
      break;
    }
    case ir::ValKind::Ref:
      if (v.ref == 0)
        std::printf("null\n");
      else
        std::printf("ref 0x%" PRIx64 "\n", v.ref);
      break;
    case ir::ValKind::V128: {
      uint32_t lanes[4];
      std::memcpy(lanes, v.v128, 16);
      std::printf("i32x4:0x%08" PRIx32 ",0x%08" PRIx32 ",0x%08" PRIx32 ",0x%08" PRIx32 "\n",
                  lanes[0], lanes[1], lanes[2], lanes[3]);
      break;
    }
    default:
      std::printf("<%s>\n", ir::to_string(type).c_str());
      break;
  }
}

int fail(const std::string& path, const Error& e) {
  std::fprintf(stderr, "%s: %s\n", path.c_str(), e.to_string().c_str());
  return 1;
}

}  // namespace

int run_command(std::span<const std::string_view> args) {
  std::string invoke, path;
  std::vector<std::string> call_args;
  interp::Config config;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    if (!path.empty()) {
      call_args.emplace_back(a);
    } else if (a == "-h" || a == "--help") {
      print_help();
      return 0;
    } else if (a == "--invoke") {
      if (i + 1 >= args.size()) return print_help(), 2;
      invoke = std::string(args[++i]);
    } else if (a == "--explicit-bounds") {
      config.bounds = compile::BoundsChecks::Explicit;
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      std::fprintf(stderr, "weft run: unknown option '%.*s'\n", int(a.size()), a.data());
      return 2;
    } else {
      path = std::string(a);
    }
  }
  if (path.empty()) {
    print_help();
    return 2;
  }
  if (config.bounds == compile::BoundsChecks::GuardPages) interp::install_fault_handler();

  Result<std::string> contents = read_file(path);
  if (!contents) return fail(path, contents.error());
  Result<ir::Module> loaded = load_module(*contents);
  if (!loaded) return fail(path, loaded.error());
  auto module = std::make_shared<const ir::Module>(std::move(*loaded));
  if (!module->imports.empty()) {
    const ir::Import& first = module->imports.front();
    return fail(path, Error{ErrorKind::Link, "unknown import \"" + first.module + "\" \"" +
                                                 first.name + "\" (weft run provides none)"});
  }
  Result<std::shared_ptr<compile::ModuleCode>> code = interp::compile_module(*module, config);
  if (!code) return fail(path, code.error());
  runtime::TypeRegistry types;
  runtime::Store store(types);
  Result<runtime::Instance*> instance =
      runtime::Instance::instantiate(store, module, std::move(*code), {}, interp::array_call);
  if (!instance) return fail(path, instance.error());

  if (invoke.empty()) {
    if ((*instance)->find_export("_start") == nullptr) return 0;
    invoke = "_start";
  }
  const runtime::Extern* e = (*instance)->find_export(invoke);
  if (e == nullptr || e->kind != ir::ExternKind::Func) {
    return fail(path, Error{ErrorKind::Other, "no exported function named '" + invoke + "'"});
  }
  const ir::FuncType& type = types.type(e->func->type_index);
  if (call_args.size() != type.params.size()) {
    return fail(path, Error{ErrorKind::Other,
                            "'" + invoke + "' takes " + std::to_string(type.params.size()) +
                                " arguments, got " + std::to_string(call_args.size())});
  }
  std::vector<runtime::ValRaw> values(std::max(type.params.size(), type.results.size()) + 1);
  for (size_t i = 0; i < call_args.size(); ++i) {
    Result<runtime::ValRaw> v = parse_argument(type.params[i], call_args[i]);
    if (!v) return fail(path, v.error());
    values[i] = *v;
  }
  const runtime::TrapCode trap =
      e->func->array_call(e->func, nullptr, values.data(), values.size());
  if (trap != runtime::TrapCode::None) {
    std::fprintf(stderr, "%s: trap: %s\n", path.c_str(), runtime::trap_message(trap));
    return 1;
  }
  for (size_t i = 0; i < type.results.size(); ++i) print_result(type.results[i], values[i]);
  return 0;
}

}  // namespace weft::cli
