#include <cstdio>
#include <string>

#include "commands.hpp"
#include "load_module.hpp"

namespace weft::cli {

int validate_command(std::span<const std::string_view> args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::printf(
        "usage: weft validate FILE.wasm|FILE.wat...\n\n"
        "Decodes or parses each module and validates it. Prints nothing and exits 0 when all are\n"
        "valid; otherwise prints one error per bad file, with its byte offset (binary) or\n"
        "line:column (text), and exits 1.\n");
    return args.empty() ? 2 : 0;
  }
  int status = 0;
  for (std::string_view arg : args) {
    const std::string path(arg);
    Result<std::string> contents = read_file(path);
    if (!contents) {
      std::fprintf(stderr, "error: %s\n", contents.error().message.c_str());
      status = 1;
      continue;
    }
    Result<ir::Module> module = load_module(*contents);
    if (!module) {
      const Error& e = module.error();
      const char* sep = e.has_position() ? ":" : ": ";
      std::fprintf(stderr, "%s%s%s (%s)\n", path.c_str(), sep, e.to_string().c_str(),
                   error_kind_name(e.kind));
      status = 1;
    }
  }
  return status;
}

}  // namespace weft::cli
