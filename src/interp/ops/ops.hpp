// Every scalar numeric WebAssembly 2.0 instruction, as inline functions on raw bits.
#pragma once

#include "interp/ops/checked.hpp"
#include "interp/ops/conversions.hpp"
#include "interp/ops/float_bits.hpp"
#include "interp/ops/float_ops.hpp"
#include "interp/ops/int_ops.hpp"
