#include "cli_values.hpp"

#include <array>
#include <cctype>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "text/v128_literal.hpp"

namespace weft::cli {
namespace {

Error invalid_argument(ValType type, const std::string& text) {
  return Error{ErrorKind::Other, "invalid " + ir::to_string(type) + " argument '" + text + "'"};
}

// `0x` and up to 32 hex digits: the whole 128-bit number, lane 0 in the lowest bits.
std::optional<std::array<uint8_t, 16>> parse_v128_hex(const std::string& text) {
  std::string digits;
  for (size_t i = 2; i < text.size(); ++i) {
    if (text[i] == '_') continue;
    if (!std::isxdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    digits += text[i];
  }
  if (digits.empty() || digits.size() > 32) return std::nullopt;
  std::array<uint8_t, 16> bytes{};
  // Byte k holds the digits at positions (from the right) 2k and 2k+1.
  for (size_t k = 0; k < 16 && 2 * k < digits.size(); ++k) {
    const size_t end = digits.size() - 2 * k;
    const size_t begin = end >= 2 ? end - 2 : 0;
    bytes[k] =
        static_cast<uint8_t>(std::strtoul(digits.substr(begin, end - begin).c_str(), nullptr, 16));
  }
  return bytes;
}

// `SHAPE:LANE,LANE,...` with one literal per lane, as v128.const takes them.
std::optional<std::array<uint8_t, 16>> parse_v128_lanes(const std::string& text) {
  const size_t colon = text.find(':');
  if (colon == std::string::npos) return std::nullopt;
  const std::optional<text::V128Shape> shape = text::parse_v128_shape(text.substr(0, colon));
  if (!shape) return std::nullopt;
  std::array<uint8_t, 16> bytes{};
  uint32_t lane = 0;
  size_t start = colon + 1;
  while (true) {
    const size_t comma = text.find(',', start);
    const std::string lane_text =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (lane >= text::lane_count(*shape) ||
        text::parse_v128_lane(*shape, lane_text, lane, bytes) != text::LiteralStatus::Ok) {
      return std::nullopt;
    }
    ++lane;
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (lane != text::lane_count(*shape)) return std::nullopt;
  return bytes;
}

Result<Val> parse_integer(ValType type, const std::string& text) {
  const char* s = text.c_str();
  char* end = nullptr;
  errno = 0;
  const bool negative = !text.empty() && text[0] == '-';
  const uint64_t bits =
      negative ? static_cast<uint64_t>(std::strtoll(s, &end, 0)) : std::strtoull(s, &end, 0);
  if (end == s || *end != '\0' || errno == ERANGE) return invalid_argument(type, text);
  if (type.kind() == ir::ValKind::I64) return Val(static_cast<int64_t>(bits));
  const int64_t as_signed = static_cast<int64_t>(bits);
  if (negative ? as_signed < INT32_MIN : bits > UINT32_MAX) return invalid_argument(type, text);
  return Val(static_cast<int32_t>(static_cast<uint32_t>(bits)));
}

}  // namespace

Result<Val> parse_value(ValType type, const std::string& text) {
  const char* s = text.c_str();
  char* end = nullptr;
  switch (type.kind()) {
    case ir::ValKind::I32:
    case ir::ValKind::I64:
      return parse_integer(type, text);
    case ir::ValKind::F32: {
      errno = 0;
      const float f = std::strtof(s, &end);
      if (end == s || *end != '\0' || errno == ERANGE) return invalid_argument(type, text);
      return Val(f);
    }
    case ir::ValKind::F64: {
      errno = 0;
      const double d = std::strtod(s, &end);
      if (end == s || *end != '\0' || errno == ERANGE) return invalid_argument(type, text);
      return Val(d);
    }
    case ir::ValKind::V128: {
      const bool hex = text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
      std::optional<std::array<uint8_t, 16>> bytes =
          hex ? parse_v128_hex(text) : parse_v128_lanes(text);
      if (!bytes) return invalid_argument(type, text);
      return Val::from_v128(*bytes);
    }
    default:
      return Error{ErrorKind::Unsupported, "arguments of type " + ir::to_string(type) +
                                               " cannot be given on the command line"};
  }
}

std::string format_value(const Val& value) {
  char buffer[96];
  switch (value.type().kind()) {
    case ir::ValKind::I32:
      std::snprintf(buffer, sizeof buffer, "%" PRId32, value.i32());
      break;
    case ir::ValKind::I64:
      std::snprintf(buffer, sizeof buffer, "%" PRId64, value.i64());
      break;
    case ir::ValKind::F32:
      std::snprintf(buffer, sizeof buffer, "%.9g", static_cast<double>(value.f32()));
      break;
    case ir::ValKind::F64:
      std::snprintf(buffer, sizeof buffer, "%.17g", value.f64());
      break;
    case ir::ValKind::V128: {
      uint32_t lanes[4];
      std::memcpy(lanes, value.v128().data(), 16);
      std::snprintf(buffer, sizeof buffer,
                    "i32x4:0x%08" PRIx32 ",0x%08" PRIx32 ",0x%08" PRIx32 ",0x%08" PRIx32, lanes[0],
                    lanes[1], lanes[2], lanes[3]);
      break;
    }
    case ir::ValKind::Ref:
      if (value.type() == ValType::externref()) {
        if (value.externref() == 0) return "null";
        std::snprintf(buffer, sizeof buffer, "externref 0x%" PRIx64, value.externref());
        break;
      }
      return value.funcref() ? "funcref" : "null";
    default:
      return "<" + ir::to_string(value.type()) + ">";
  }
  return buffer;
}

}  // namespace weft::cli
