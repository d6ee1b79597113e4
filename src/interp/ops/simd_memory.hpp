// The value-forming half of WebAssembly's SIMD memory instructions: what v128.loadNxM_s/u,
// v128.loadN_splat, v128.loadN_zero and v128.loadN_lane make of the bytes that were loaded, and
// which bytes v128.storeN_lane stores. The memory access itself (address, bounds, trap) is the
// interpreter's; it passes the loaded bytes as a little-endian integer of the access width
// (uint8_t/uint16_t/uint32_t/uint64_t), which is what a memcpy from linear memory yields on the
// little-endian hosts weft supports. v128.load and v128.store need nothing beyond
// v128_from_bytes / v128_to_bytes (simd_value.hpp).
#pragma once

#include <cstdint>

#include "interp/ops/simd_int.hpp"
#include "interp/ops/simd_lanes.hpp"
#include "interp/ops/simd_value.hpp"

namespace weft::interp::ops {
inline namespace WEFT_SIMD_IMPL {

// ---- extending loads: 64 bits loaded, each half-width lane widened ----
inline V128 v128_load8x8_s(uint64_t loaded) {
  return i16x8_extend_low_i8x16_s(v128_from_u64(loaded, 0));
}
inline V128 v128_load8x8_u(uint64_t loaded) {
  return i16x8_extend_low_i8x16_u(v128_from_u64(loaded, 0));
}
inline V128 v128_load16x4_s(uint64_t loaded) {
  return i32x4_extend_low_i16x8_s(v128_from_u64(loaded, 0));
}
inline V128 v128_load16x4_u(uint64_t loaded) {
  return i32x4_extend_low_i16x8_u(v128_from_u64(loaded, 0));
}
inline V128 v128_load32x2_s(uint64_t loaded) {
  return i64x2_extend_low_i32x4_s(v128_from_u64(loaded, 0));
}
inline V128 v128_load32x2_u(uint64_t loaded) {
  return i64x2_extend_low_i32x4_u(v128_from_u64(loaded, 0));
}

// ---- splat loads ----
inline V128 v128_load8_splat(uint8_t loaded) {
  return i8x16_splat(loaded);
}
inline V128 v128_load16_splat(uint16_t loaded) {
  return i16x8_splat(loaded);
}
inline V128 v128_load32_splat(uint32_t loaded) {
  return i32x4_splat(loaded);
}
inline V128 v128_load64_splat(uint64_t loaded) {
  return i64x2_splat(loaded);
}

// ---- zero-extending loads: the loaded bytes in lane 0, zeros above ----
inline V128 v128_load32_zero(uint32_t loaded) {
  return v128_from_u64(loaded, 0);
}
inline V128 v128_load64_zero(uint64_t loaded) {
  return v128_from_u64(loaded, 0);
}

// ---- lane loads: the operand with one lane replaced by the loaded bytes ----
inline V128 v128_load8_lane(const V128& a, unsigned lane, uint8_t loaded) {
  return detail::replace_lane(a, lane, loaded);
}
inline V128 v128_load16_lane(const V128& a, unsigned lane, uint16_t loaded) {
  return detail::replace_lane(a, lane, loaded);
}
inline V128 v128_load32_lane(const V128& a, unsigned lane, uint32_t loaded) {
  return detail::replace_lane(a, lane, loaded);
}
inline V128 v128_load64_lane(const V128& a, unsigned lane, uint64_t loaded) {
  return detail::replace_lane(a, lane, loaded);
}

// ---- lane stores: the bytes to store, as an integer of the access width ----
inline uint8_t v128_store8_lane(const V128& a, unsigned lane) {
  return get_lane<uint8_t>(a, lane);
}
inline uint16_t v128_store16_lane(const V128& a, unsigned lane) {
  return get_lane<uint16_t>(a, lane);
}
inline uint32_t v128_store32_lane(const V128& a, unsigned lane) {
  return get_lane<uint32_t>(a, lane);
}
inline uint64_t v128_store64_lane(const V128& a, unsigned lane) {
  return get_lane<uint64_t>(a, lane);
}

}  // namespace WEFT_SIMD_IMPL
}  // namespace weft::interp::ops
