// The command line of `weft run`, modelled on `wasmtime run`: options, then the module, then
// the program's own arguments.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace weft::cli {

struct RunOptions {
  struct Dir {
    std::string host;
    std::string guest;
  };
  std::string path;               // the module, as given (also the program's argv[0])
  std::vector<std::string> args;  // everything after the module
  std::vector<Dir> dirs;          // --dir HOST[::GUEST]
  std::vector<std::pair<std::string, std::string>> env;  // --env NAME[=VALUE], resolved
  std::optional<std::string> invoke;                     // --invoke NAME
  std::optional<uint64_t> fuel;                          // --fuel N
  bool explicit_bounds = false;                          // --explicit-bounds
};

// What parse_run_options decided: run with `options`, or stop with `exit_code` (after printing
// the help or an error).
struct ParsedRunOptions {
  std::optional<RunOptions> options;
  int exit_code = 0;
};

ParsedRunOptions parse_run_options(std::span<const std::string_view> args);

void print_run_help(FILE* out);

}  // namespace weft::cli
