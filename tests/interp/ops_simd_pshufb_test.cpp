// The pshufb forms of i8x16.shuffle and i8x16.swizzle (interp/ops/simd_lanes.hpp), which the
// interpreter picks at run time on hosts with SSSE3, agree with the spec's byte-by-byte
// definition for every index, including swizzle's out-of-range ones and unvalidated shuffle
// immediates (reduced modulo 32 like the portable form).
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>

#include "interp/ops/ops.hpp"

namespace weft::interp::ops {
namespace {

#if WEFT_SIMD_PSHUFB

bool host_has_ssse3() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("ssse3");
}

V128 numbered(uint8_t first) {
  V128 v;
  for (unsigned i = 0; i < 16; ++i) v.bytes[i] = static_cast<uint8_t>(first + 7 * i);
  return v;
}

TEST(OpsSimdPshufb, ShuffleTakesEachIndexFromTheConcatenation) {
  if (!host_has_ssse3()) GTEST_SKIP() << "the host has no SSSE3";
  const V128 a = numbered(1), b = numbered(0x80);
  // Every index 0-255 appears at every position across the runs.
  for (unsigned start = 0; start < 256; ++start) {
    V128 lanes;
    for (unsigned i = 0; i < 16; ++i) lanes.bytes[i] = static_cast<uint8_t>(start + 17 * i);
    const V128 r = i8x16_shuffle_pshufb(a, b, lanes);
    for (unsigned i = 0; i < 16; ++i) {
      const unsigned index = lanes.bytes[i] & 31;
      const uint8_t expected = index < 16 ? a.bytes[index] : b.bytes[index - 16];
      ASSERT_EQ(r.bytes[i], expected) << "index " << unsigned{lanes.bytes[i]} << " at " << i;
    }
    EXPECT_EQ(r, i8x16_shuffle(a, b, lanes.bytes));
  }
}

TEST(OpsSimdPshufb, SwizzleZeroesIndicesFromSixteenUp) {
  if (!host_has_ssse3()) GTEST_SKIP() << "the host has no SSSE3";
  const V128 a = numbered(3);
  for (unsigned start = 0; start < 256; ++start) {
    V128 indices;
    for (unsigned i = 0; i < 16; ++i) indices.bytes[i] = static_cast<uint8_t>(start + 17 * i);
    const V128 r = i8x16_swizzle_pshufb(a, indices);
    for (unsigned i = 0; i < 16; ++i) {
      const unsigned index = indices.bytes[i];
      ASSERT_EQ(r.bytes[i], index < 16 ? a.bytes[index] : 0) << "index " << index;
    }
  }
}

#endif

}  // namespace
}  // namespace weft::interp::ops
