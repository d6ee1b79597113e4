// Numbers and strings of the text format: integers in decimal or hex with `_` separators, floats
// (decimal, hex, inf, nan, nan:0x...) rounded to nearest-even exactly, and string escapes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace weft::text {

enum class LiteralStatus : uint8_t {
  Ok,
  NotANumber,  // the text does not have the shape of this kind of literal
  OutOfRange,  // well-formed, but the value does not fit
};

// An unsigned literal without sign (`nat`): decimal or 0x hex, at most `max`.
LiteralStatus parse_nat(std::string_view text, uint64_t max, uint64_t& out);

// An integer of `bits` bits (8, 16, 32 or 64), signed or unsigned: optional sign, then a nat.
// Accepts -2^(bits-1) .. 2^bits - 1 and returns the two's complement bit pattern.
LiteralStatus parse_int(std::string_view text, unsigned bits, uint64_t& out);

// Float literals, giving the IEEE bit pattern. Integer shapes are floats too ("1", "0x10").
LiteralStatus parse_f32(std::string_view text, uint32_t& out);
LiteralStatus parse_f64(std::string_view text, uint64_t& out);

// Decodes a string token (quotes included, escapes already checked by the lexer) to its bytes.
std::string decode_string(std::string_view token);

}  // namespace weft::text
