// WebAssembly text format → ir::Module.
#pragma once

#include <cstdint>
#include <string_view>

#include "base/result.hpp"
#include "ir/module.hpp"

namespace weft::text {

// A 1-based line:column position in a text source.
struct SourcePos {
  uint32_t line = 1;
  uint32_t column = 1;
};

// Parses a module: either one `(module ...)` form or a bare sequence of module fields (as
// `(module quote ...)` and single-module files allow). Instructions are encoded into
// Module::bytes with Module::source_map filled in. Errors are ErrorKind::Malformed with
// line:column, worded as the spec's reference parser words them where the test suite expects it.
Result<ir::Module> parse_wat(std::string_view source);

// The same, for a module cut out of a larger text (a WAST script): `start` is the position of
// source[0] in that text, so that errors and the source map use the larger text's coordinates.
Result<ir::Module> parse_wat(std::string_view source, SourcePos start);

}  // namespace weft::text
