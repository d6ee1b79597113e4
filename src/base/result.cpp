#include "base/result.hpp"

#include <cstdio>

namespace weft {

const char* error_kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Malformed: return "malformed";
    case ErrorKind::Invalid: return "invalid";
    case ErrorKind::Link: return "link error";
    case ErrorKind::Trap: return "trap";
    case ErrorKind::OutOfMemory: return "out of memory";
    case ErrorKind::Exit: return "exit";
    case ErrorKind::Io: return "i/o error";
    case ErrorKind::Unsupported: return "unsupported";
    case ErrorKind::Other: return "error";
  }
  return "error";
}

std::string Error::to_string() const {
  char prefix[64];
  if (has_position()) {
    std::snprintf(prefix, sizeof prefix, "%u:%u: ", line, column);
  } else if (has_offset()) {
    std::snprintf(prefix, sizeof prefix, "offset 0x%llx: ", static_cast<unsigned long long>(offset));
  } else {
    prefix[0] = '\0';
  }
  return prefix + message;
}

}  // namespace weft
