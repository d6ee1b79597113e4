#include "text/v128_literal.hpp"

#include <cstring>

namespace weft::text {

uint32_t lane_count(V128Shape shape) {
  switch (shape) {
    case V128Shape::I8x16:
      return 16;
    case V128Shape::I16x8:
      return 8;
    case V128Shape::I32x4:
      return 4;
    case V128Shape::I64x2:
      return 2;
    case V128Shape::F32x4:
      return 4;
    case V128Shape::F64x2:
      return 2;
  }
  return 4;
}

std::optional<V128Shape> parse_v128_shape(std::string_view word) {
  if (word == "i8x16") return V128Shape::I8x16;
  if (word == "i16x8") return V128Shape::I16x8;
  if (word == "i32x4") return V128Shape::I32x4;
  if (word == "i64x2") return V128Shape::I64x2;
  if (word == "f32x4") return V128Shape::F32x4;
  if (word == "f64x2") return V128Shape::F64x2;
  return std::nullopt;
}

LiteralStatus parse_v128_lane(V128Shape shape, std::string_view text, uint32_t lane,
                              std::array<uint8_t, 16>& bytes) {
  uint64_t bits = 0;
  LiteralStatus st = LiteralStatus::Ok;
  switch (shape) {
    case V128Shape::I8x16:
      st = parse_int(text, 8, bits);
      break;
    case V128Shape::I16x8:
      st = parse_int(text, 16, bits);
      break;
    case V128Shape::I32x4:
      st = parse_int(text, 32, bits);
      break;
    case V128Shape::I64x2:
      st = parse_int(text, 64, bits);
      break;
    case V128Shape::F32x4: {
      uint32_t b = 0;
      st = parse_f32(text, b);
      bits = b;
      break;
    }
    case V128Shape::F64x2:
      st = parse_f64(text, bits);
      break;
  }
  if (st != LiteralStatus::Ok) return st;
  const uint32_t width = lane_bytes(shape);
  for (uint32_t i = 0; i < width; ++i)
    bytes[lane * width + i] = static_cast<uint8_t>(bits >> (8 * i));
  return LiteralStatus::Ok;
}

}  // namespace weft::text
