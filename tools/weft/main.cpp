// weft: run, test and inspect WebAssembly modules.
#include <cstdio>
#include <string_view>
#include <vector>

#include "commands.hpp"

namespace {

void print_usage(FILE* out) {
  std::fprintf(out,
               "usage: weft <command> [options] [args...]\n\n"
               "commands:\n"
               "  run [options] FILE [ARGS...]\n"
               "                     run a WASI program (.wasm or .wat) with ARGS, as wasmtime\n"
               "                     does; exits with its exit code (134 on a trap)\n"
               "      --dir HOST[::GUEST]  give it a host directory, seen as GUEST\n"
               "      --env NAME[=VALUE]   set an environment variable (no VALUE: the host's)\n"
               "      --invoke NAME        call export NAME with ARGS as typed arguments and\n"
               "                           print its results, instead of `_start`\n"
               "      --fuel N             trap after N units of fuel (about one per instruction)\n"
               "      --explicit-bounds    check memory bounds with compares, not guard pages\n"
               "  validate FILE...   check that modules (.wasm or .wat) are well-formed and valid\n"
               "  wast FILE...       run WebAssembly test scripts (.wast)\n\n"
               "`weft <command> --help` describes a command.\n");
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty()) {
    print_usage(stderr);
    return 2;
  }
  const std::string_view command = args[0];
  const std::span<const std::string_view> rest(args.data() + 1, args.size() - 1);
  if (command == "run") return weft::cli::run_command(rest);
  if (command == "validate") return weft::cli::validate_command(rest);
  if (command == "wast") return weft::cli::wast_command(rest);
  if (command == "--help" || command == "-h" || command == "help") {
    print_usage(stdout);
    return 0;
  }
  if (command == "--version" || command == "-V") {
    std::printf("weft 0.1.0\n");
    return 0;
  }
  std::fprintf(stderr, "weft: unknown command '%.*s'\n\n", static_cast<int>(command.size()),
               command.data());
  print_usage(stderr);
  return 2;
}
