// v128 constants: a lane shape and one literal per lane, as `v128.const` writes them in modules
// and scripts.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "text/literals.hpp"

namespace weft::text {

enum class V128Shape : uint8_t { I8x16, I16x8, I32x4, I64x2, F32x4, F64x2 };

uint32_t lane_count(V128Shape shape);
inline uint32_t lane_bytes(V128Shape shape) {
  return 16 / lane_count(shape);
}
inline bool is_float_shape(V128Shape s) {
  return s == V128Shape::F32x4 || s == V128Shape::F64x2;
}

// "i8x16" → I8x16, ...; nullopt for anything else.
std::optional<V128Shape> parse_v128_shape(std::string_view word);

// One lane literal of `shape`, stored little-endian at lane `lane` of `bytes`.
LiteralStatus parse_v128_lane(V128Shape shape, std::string_view text, uint32_t lane,
                              std::array<uint8_t, 16>& bytes);

}  // namespace weft::text
