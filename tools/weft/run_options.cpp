#include "run_options.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace weft::cli {
namespace {

ParsedRunOptions usage_error(const std::string& message) {
  std::fprintf(stderr, "weft run: %s\n(`weft run --help` lists the options)\n", message.c_str());
  return ParsedRunOptions{std::nullopt, 2};
}

// `--env NAME` takes the host's value of NAME (and is dropped when the host has none).
std::optional<std::pair<std::string, std::string>> parse_env(std::string_view text) {
  const size_t eq = text.find('=');
  if (eq != std::string_view::npos)
    return std::pair{std::string(text.substr(0, eq)), std::string(text.substr(eq + 1))};
  const std::string name(text);
  const char* host = std::getenv(name.c_str());
  if (host == nullptr) return std::nullopt;
  return std::pair{name, std::string(host)};
}

RunOptions::Dir parse_dir(std::string_view text) {
  const size_t sep = text.find("::");
  if (sep == std::string_view::npos) return {std::string(text), std::string(text)};
  return {std::string(text.substr(0, sep)), std::string(text.substr(sep + 2))};
}

std::optional<uint64_t> parse_count(std::string_view text) {
  if (text.empty() || text[0] < '0' || text[0] > '9') return std::nullopt;
  const std::string s(text);
  char* end = nullptr;
  errno = 0;
  const unsigned long long n = std::strtoull(s.c_str(), &end, 10);
  if (*end != '\0' || errno == ERANGE) return std::nullopt;
  return n;
}

}  // namespace

void print_run_help(FILE* out) {
  std::fprintf(
      out,
      "usage: weft run [options] FILE [ARGS...]\n\n"
      "Runs FILE (.wasm or .wat) as a WASI preview 1 program (wasmtime's conventions): the\n"
      "program gets argv = FILE ARGS..., this process's stdin, stdout and stderr, the\n"
      "directories and environment variables named by options, and nothing else. Without\n"
      "--invoke, instantiates the module (running its start function) and calls its `_start`\n"
      "export if there is one; modules that import nothing from WASI run too.\n\n"
      "options (before FILE; everything after FILE belongs to the program):\n"
      "  --dir HOST[::GUEST]      give the program the host directory HOST, seen as GUEST\n"
      "                           (default: HOST as written); repeatable\n"
      "  --env NAME[=VALUE]       set NAME in the program's environment; without =VALUE, pass\n"
      "                           the host's value of NAME; repeatable\n"
      "  --invoke NAME            call the export NAME with ARGS as its typed arguments and\n"
      "                           print its results one per line, instead of calling `_start`\n"
      "  --fuel N                 trap after N units of fuel (roughly one per instruction)\n"
      "  --explicit-bounds        check memory bounds with compares instead of guard pages\n"
      "  -h, --help               this help\n"
      "Options also take their value as --OPTION=VALUE; `--` ends them (FILE follows).\n\n"
      "exit status: the program's proc_exit code (0 when `_start` or the invoked function\n"
      "returns; 1 for a code outside 0..255); 134 when wasm traps (as wasmtime: 128 +\n"
      "SIGABRT), after printing the trap and its wasm backtrace to stderr; 1 when the module\n"
      "cannot be loaded, linked or started; 2 for a bad command line.\n\n"
      "--invoke arguments: i32/i64 in decimal or 0x hex, f32/f64 as C's strtod reads them.\n"
      "A v128 is SHAPE:LANE,LANE,... with SHAPE one of i8x16 i16x8 i32x4 i64x2 f32x4 f64x2 and\n"
      "one literal per lane as v128.const takes them (e.g. i32x4:1,-2,0x30,4 or\n"
      "f32x4:1.5,nan,inf,-0), or 0x and up to 32 hex digits for the whole 128-bit number\n"
      "(lane 0 in the lowest bits). A v128 result prints as\n"
      "i32x4:0x........,0x........,0x........,0x........ (lane 0 first), itself a valid\n"
      "argument.\n");
}

ParsedRunOptions parse_run_options(std::span<const std::string_view> args) {
  RunOptions options;
  bool have_path = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    if (have_path) {
      options.args.emplace_back(a);
      continue;
    }
    if (a == "-h" || a == "--help") {
      print_run_help(stdout);
      return ParsedRunOptions{std::nullopt, 0};
    }
    if (a == "--") {  // the end of the options: FILE follows, even if it starts with '-'
      if (i + 1 >= args.size()) break;
      options.path = std::string(args[++i]);
      have_path = true;
      continue;
    }
    if (a == "--explicit-bounds") {
      options.explicit_bounds = true;
      continue;
    }
    if (a.size() < 2 || a[0] != '-') {
      options.path = std::string(a);
      have_path = true;
      continue;
    }
    // An option with a value: `--name value` or `--name=value`.
    std::string_view name = a, value;
    const size_t eq = a.find('=');
    if (eq != std::string_view::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
    } else if (name == "--dir" || name == "--env" || name == "--invoke" || name == "--fuel") {
      if (i + 1 >= args.size()) return usage_error(std::string(name) + " needs a value");
      value = args[++i];
    }
    if (name == "--dir") {
      options.dirs.push_back(parse_dir(value));
    } else if (name == "--env") {
      if (value.empty() || value[0] == '=') return usage_error("--env needs NAME[=VALUE]");
      if (std::optional<std::pair<std::string, std::string>> env = parse_env(value))
        options.env.push_back(std::move(*env));
    } else if (name == "--invoke") {
      options.invoke = std::string(value);
    } else if (name == "--fuel") {
      options.fuel = parse_count(value);
      if (!options.fuel)
        return usage_error("--fuel needs a count, got '" + std::string(value) + "'");
    } else {
      return usage_error("unknown option '" + std::string(a) + "'");
    }
  }
  if (!have_path) {
    print_run_help(stderr);
    return ParsedRunOptions{std::nullopt, 2};
  }
  return ParsedRunOptions{std::move(options), 0};
}

}  // namespace weft::cli
