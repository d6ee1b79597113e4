// SIMD instruction semantics (interp/ops/simd_*.hpp) on the implementation the build selects:
// SSE2 on x86-64, plus SSE4.1 where the build enables it, else the portable code.
// ops_simd_scalar_path_test.cpp runs the same tests on the portable code.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <vector>

#include "interp/ops/ops.hpp"
#include "ops_simd_support.hpp"

namespace weft::interp::ops {
namespace {

using namespace simd_test;

#define SIMD_TEST(name) TEST(OpsSimd, name)
#include "ops_simd_float_cases.inc"
#include "ops_simd_int_cases.inc"
#include "ops_simd_lanes_cases.inc"
#undef SIMD_TEST

TEST(OpsSimd, BuildSelectsTheHostImplementation) {
#if defined(__SSE2__) && !defined(WEFT_SIMD_SCALAR)  // a build can force the scalar path
  EXPECT_EQ(WEFT_SIMD_SSE2, 1);
#endif
}

}  // namespace
}  // namespace weft::interp::ops
