// Shared setup for lowering tests: lower a WAT module against a handler table whose "addresses"
// are the Op numbers plus one, so the emitted code can be read back.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "compile/lower.hpp"
#include "text/wat_parser.hpp"
#include "validate/validator.hpp"

namespace weft::compile::test_support {

// The cell a handler for `op` is emitted as.
inline Cell op_cell(Op op) {
  return static_cast<Cell>(op) + 1;
}

// Parses, validates and lowers `wat`.
inline Result<std::shared_ptr<ModuleCode>> lower_wat(std::string_view wat,
                                                     const LowerOptions& options = LowerOptions{}) {
  static const std::vector<const void*> ops = [] {
    std::vector<const void*> table(kOpCount);
    for (size_t i = 0; i < kOpCount; ++i) table[i] = reinterpret_cast<const void*>(i + 1);
    return table;
  }();
  Result<ir::Module> m = text::parse_wat(wat);
  if (!m) return std::move(m).error();
  WEFT_TRY(validate::validate_module(*m));
  return lower_module(*m, ops.data(), options);
}

}  // namespace weft::compile::test_support
