// Wasm values on the command line: `weft run --invoke` parses its arguments and prints its
// results with these (see `weft run --help` for the accepted forms).
#pragma once

#include <string>

#include "weft/result.hpp"
#include "weft/types.hpp"
#include "weft/val.hpp"

namespace weft::cli {

// One argument of `type` from its command-line text: integers in decimal or 0x hex (signed or
// unsigned), floats as strtod reads them, v128 as SHAPE:LANE,... or 0x + up to 32 hex digits.
Result<Val> parse_value(ValType type, const std::string& text);

// The text `weft run --invoke` prints for a result, without the newline. A v128 prints as
// i32x4:0x........,... (lane 0 first), itself a valid argument.
std::string format_value(const Val& value);

}  // namespace weft::cli
