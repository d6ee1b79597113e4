// Runs one WAST script and counts its commands as passed, failed or skipped.
//
// Modules are decoded or parsed, validated, lowered for the interpreter and instantiated in one
// store, with the `spectest` host module registered; actions run in the interpreter. Bounds
// checks use guard pages unless the environment sets WEFT_BOUNDS_CHECKS=explicit.
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
