// Reading a whole file, as an error value on failure.
#pragma once

#include <string>

#include "base/result.hpp"

namespace weft {

// ErrorKind::Io naming the path and the reason.
Result<std::string> read_file(const std::string& path);

}  // namespace weft
