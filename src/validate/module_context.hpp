// What a body or constant expression is validated against: the module, the enabled features and
// the facts the module-level pass gathers first (the spec's context C), flattened over imports
// and definitions so that the body decoder's lookups are one array access.
#pragma once

#include <cstdint>
#include <vector>

#include "ir/features.hpp"
#include "ir/module.hpp"

namespace weft::validate {

struct ModuleContext {
  ModuleContext(const ir::Module& m, const ir::Features& f);

  const ir::Module& module;
  ir::Features features;
  // Per index space, imports first: a function's type index, a global's type, a table's type.
  std::vector<uint32_t> func_type_indices;
  std::vector<ir::GlobalType> globals;
  std::vector<ir::TableType> tables;
  std::vector<uint8_t> memory_is64;
  // C.refs: functions that appear outside function bodies (element segments, exports, global
  // initializers), which ref.func inside a body may name. One byte per function index.
  std::vector<uint8_t> declared_funcs;

  uint32_t num_data_segments() const {
    return module.data_count ? *module.data_count : uint32_t(module.datas.size());
  }
  void declare_func(uint32_t index) {
    if (index < declared_funcs.size()) declared_funcs[index] = 1;
  }
  bool is_declared_func(uint32_t index) const {
    return index < declared_funcs.size() && declared_funcs[index] != 0;
  }
};

}  // namespace weft::validate
