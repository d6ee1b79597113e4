#include "base/file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace weft {

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

}  // namespace weft
