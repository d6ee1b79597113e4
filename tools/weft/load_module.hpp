// Reading a module file for the command line: binary (.wasm) or text (.wat, or anything that does
// not start with the binary magic), decoded or parsed, then validated.
#pragma once

#include <string>
#include <string_view>

#include "base/file.hpp"
#include "base/result.hpp"
#include "ir/module.hpp"

namespace weft::cli {

// Parses or decodes `contents`, then validates. Errors carry a byte offset (binary) or a
// line:column (text; validation errors are mapped back through the module's source map).
Result<ir::Module> load_module(std::string_view contents);

}  // namespace weft::cli
