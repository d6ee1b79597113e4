// The `spectest` host module that the official test scripts import from: print functions that
// accept and ignore their arguments, four constant globals, a table and a memory.
#pragma once

#include <cstdio>

#include <string>
#include <utility>
#include <vector>

#include "base/result.hpp"
#include "runtime/store.hpp"

namespace weft::runtime {

using NamedExterns = std::vector<std::pair<std::string, Extern>>;

// Creates the module's entities in `store`.
// `print_to`: where the print functions write their arguments ("42 : i32"); nullptr: nowhere.
Result<NamedExterns> make_spectest(Store& store, FILE* print_to = nullptr);

}  // namespace weft::runtime
