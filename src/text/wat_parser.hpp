// WebAssembly text format → ir::Module.
#pragma once

#include <string_view>

#include "base/result.hpp"
#include "ir/module.hpp"

namespace weft::text {

// Parses a module: either one `(module ...)` form or a bare sequence of module fields (as
// `(module quote ...)` and single-module files allow). Instructions are encoded into
// Module::bytes with Module::source_map filled in. Errors are ErrorKind::Malformed with
// line:column, worded as the spec's reference parser words them where the test suite expects it.
Result<ir::Module> parse_wat(std::string_view source);

}  // namespace weft::text
