#include "base/file.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace weft {

Result<std::string> read_file(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Error{ErrorKind::Io, path + ": " + std::strerror(errno)};
  // The bytes go straight into the string, sized once from the file's size when it has one:
  // copying through a stack buffer into a string that doubles as it grows touches each page of
  // the file three times over, and at start-up every first touch is a page fault.
  std::setvbuf(f, nullptr, _IONBF, 0);
  size_t chunk = size_t{1} << 16;
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    chunk = static_cast<size_t>(st.st_size) + 1;  // the extra byte sees the end in one read
  }
  std::string contents;
  size_t n;
  do {
    const size_t old_size = contents.size();
    contents.resize(old_size + chunk);
    n = std::fread(contents.data() + old_size, 1, chunk, f);
    contents.resize(old_size + n);
  } while (n == chunk);
  const bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) return Error{ErrorKind::Io, path + ": read error"};
  return contents;
}

}  // namespace weft
