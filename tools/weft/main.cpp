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
               "  run FILE [ARGS...] instantiate a module and call an export (--invoke NAME)\n"
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
