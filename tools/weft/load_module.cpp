#include "load_module.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "binary/decoder.hpp"
#include "text/wat_parser.hpp"
#include "validate/validator.hpp"

namespace weft::cli {

Result<std::string> read_file(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Error{ErrorKind::Io, path + ": " + std::strerror(errno)};
  std::string contents;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) contents.append(buffer, n);
  const bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) return Error{ErrorKind::Io, path + ": read error"};
  return contents;
}

static bool is_binary(std::string_view contents) {
  return contents.size() >= 4 && contents.substr(0, 4) == std::string_view("\0asm", 4);
}

Result<ir::Module> load_module(std::string_view contents) {
  const bool binary = is_binary(contents);
  Result<ir::Module> module =
      binary ? binary::decode_module({reinterpret_cast<const uint8_t*>(contents.data()),
                                      contents.size()})
             : text::parse_wat(contents);
  if (!module) return module;
  Result<void> valid = validate::validate_module(*module);
  if (!valid) {
    Error error = std::move(valid).error();
    if (!binary && error.has_offset()) {
      if (const ir::SourceLoc* loc = module->source_loc(error.offset)) {
        error.line = loc->line;
        error.column = loc->column;
        error.offset = Error::kNoOffset;
      }
    }
    return error;
  }
  return module;
}

}  // namespace weft::cli
