// The runtime names the trap codes of base/ as its own.
#pragma once

#include "base/trap_code.hpp"

namespace weft::runtime {

using weft::TrapCode;
using weft::trap_message;

}  // namespace weft::runtime
