// Result<T> and Error for embedders: the runtime's own failure-as-a-value types.
#pragma once

#include "base/result.hpp"
