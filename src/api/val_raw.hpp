// Conversions between the API's Val and the runtime's untyped ValRaw.
#pragma once

#include "runtime/vm.hpp"
#include "weft/val.hpp"

namespace weft::api {

runtime::ValRaw to_raw(const Val& value);
Val from_raw(ValType type, const runtime::ValRaw& raw);

}  // namespace weft::api
