// Runs one WAST script and counts its commands as passed, failed or skipped.
//
// What runs today is the front end: every module is decoded or parsed and validated, and every
// assert_malformed / assert_invalid must be rejected for the right reason. Commands that need
// execution (actions, assert_return, assert_trap, linking and instantiation) count as skipped
// until weft has a runtime.
#pragma once

#include <string>
#include <vector>

#include "text/wast.hpp"

namespace weft::cli {

struct ScriptResult {
  uint32_t passed = 0;
  uint32_t failed = 0;
  uint32_t skipped = 0;
  // Commands rejected for the right reason but with other wording than the script expects.
  uint32_t message_mismatches = 0;
  // One line per failure (and per message mismatch when verbose), "LINE:COL: what happened".
  std::vector<std::string> notes;
  // Set when the script itself could not be read or parsed; then nothing ran.
  std::string fatal;
};

struct RunOptions {
  bool verbose = false;  // also note message mismatches and skipped commands
};

ScriptResult run_script(std::string_view source, const RunOptions& options);

}  // namespace weft::cli
