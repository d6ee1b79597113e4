// The checked-in list of expected WAST results per script file ("NAME passed failed skipped"),
// so that a regression — or an improvement not yet recorded — fails the test suite.
#pragma once

#include <map>
#include <string>

#include "base/result.hpp"

namespace weft::cli {

struct Counts {
  uint32_t passed = 0;
  uint32_t failed = 0;
  uint32_t skipped = 0;
  bool operator==(const Counts&) const = default;
};

using ExpectedResults = std::map<std::string, Counts>;

Result<ExpectedResults> read_expected(const std::string& path);
// Rewrites the file with `results`, keeping its leading comment lines.
Result<void> write_expected(const std::string& path, const ExpectedResults& results);

}  // namespace weft::cli
