// The SIMD semantics tests of ops_simd_default_path_test.cpp, run on the portable lane-by-lane
// implementation (WEFT_SIMD_SCALAR), which lives in its own inline namespace and so links
// alongside the host one.
#define WEFT_SIMD_SCALAR 1

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <vector>

#include "interp/ops/ops.hpp"
#include "ops_simd_support.hpp"

namespace weft::interp::ops {
namespace {

using namespace simd_test;

#define SIMD_TEST(name) TEST(OpsSimdScalar, name)
#include "ops_simd_float_cases.inc"
#include "ops_simd_int_cases.inc"
#include "ops_simd_lanes_cases.inc"
#undef SIMD_TEST

TEST(OpsSimdScalar, BuildSelectsThePortableImplementation) {
  EXPECT_EQ(WEFT_SIMD_SSE2, 0);
  EXPECT_EQ(WEFT_SIMD_SSE41, 0);
}

}  // namespace
}  // namespace weft::interp::ops
