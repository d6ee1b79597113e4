// Every numeric WebAssembly 2.0 instruction (scalar and SIMD), as inline functions on raw bits.
#pragma once

#include "interp/ops/checked.hpp"
#include "interp/ops/conversions.hpp"
#include "interp/ops/float_bits.hpp"
#include "interp/ops/float_ops.hpp"
#include "interp/ops/int_ops.hpp"
#include "interp/ops/simd_compare.hpp"
#include "interp/ops/simd_convert.hpp"
#include "interp/ops/simd_float.hpp"
#include "interp/ops/simd_int.hpp"
#include "interp/ops/simd_lanes.hpp"
#include "interp/ops/simd_memory.hpp"
#include "interp/ops/simd_value.hpp"
