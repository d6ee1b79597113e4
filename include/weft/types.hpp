// The type vocabulary of the embedding API. These are the runtime's own types (ir/types.hpp),
// exposed under weft:: so embedders and the runtime never convert between twins.
#pragma once

#include <string>
#include <vector>

#include "ir/types.hpp"

namespace weft {

using ValType = ir::ValType;
using FuncType = ir::FuncType;
using MemoryType = ir::MemoryType;
using TableType = ir::TableType;
using GlobalType = ir::GlobalType;
using Limits = ir::Limits;
using ExternKind = ir::ExternKind;

// The type of an import or export; only the member matching `kind` is meaningful.
struct ExternType {
  ExternKind kind = ExternKind::Func;
  FuncType func;
  TableType table;
  MemoryType memory;
  GlobalType global;
};

struct ImportType {
  std::string module;
  std::string name;
  ExternType type;
};

struct ExportType {
  std::string name;
  ExternType type;
};

}  // namespace weft
