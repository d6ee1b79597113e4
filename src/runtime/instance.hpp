// A module instance: its context (VMContext) and the entities it defines or imports, built by
// instantiate() in the specification's order: imports matched, globals, memories and tables
// created, exports, element and data segments applied, start function run.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.hpp"
#include "compile/code_format.hpp"
#include "ir/module.hpp"
#include "runtime/store.hpp"
#include "runtime/vm.hpp"

namespace weft::runtime {

class Instance {
 public:
  // Links `imports` (in the module's import order) and instantiates. Errors: ErrorKind::Link
  // ("incompatible import type") when an import does not match, ErrorKind::Trap (with the
  // trap's message) when a segment or the start function traps. `wasm_entry` is the array-call
  // entry of the execution tier that runs `code`. Even a failed instance stays in the store:
  // segments applied before a trap may already have put its functions into shared tables.
  static Result<Instance*> instantiate(Store& store, std::shared_ptr<const ir::Module> module,
                                       std::shared_ptr<const compile::ModuleCode> code,
                                       std::span<const Extern> imports, ArrayCallFn wasm_entry);

  const ir::Module& module() const { return *module_; }
  // The compiled code of the module's defined functions (to map code back to functions).
  const compile::ModuleCode& code() const { return *code_; }
  Store& store() { return store_; }
  VMContext* vmctx() { return &vmctx_; }
  const Extern* find_export(std::string_view name) const;
  const std::vector<std::pair<std::string, Extern>>& exports() const { return exports_; }

  // --- Services for compiled code. Each checks its bounds first, as the spec requires.
  TrapCode memory_init(uint32_t segment, uint32_t memory, uint64_t dst, uint64_t src,
                       uint64_t count);
  void data_drop(uint32_t segment) { datas_[segment] = {}; }
  TrapCode table_init(uint32_t segment, uint32_t table, uint64_t dst, uint64_t src, uint64_t count);
  void elem_drop(uint32_t segment) { elems_[segment].clear(); }

  explicit Instance(Store& store) : store_(store) {}

 private:
  Result<void> link(std::span<const Extern> imports);
  Result<void> create_entities(ArrayCallFn wasm_entry);
  Result<void> initialize();

  Store& store_;
  std::shared_ptr<const ir::Module> module_;
  std::shared_ptr<const compile::ModuleCode> code_;
  VMContext vmctx_;
  std::vector<LinearMemory*> memories_;
  std::vector<Table*> tables_;
  std::vector<GlobalCell*> globals_;
  std::vector<Global*> global_objects_;
  std::vector<VMFuncRef*> funcs_;
  std::vector<uint32_t> type_ids_;
  std::vector<std::vector<uint64_t>> elems_;
  std::vector<std::span<const uint8_t>> datas_;
  std::vector<std::pair<std::string, Extern>> exports_;
  std::unordered_map<std::string_view, size_t> export_index_;
};

// Bulk operations shared by every instance (bounds checked before any write).
TrapCode memory_fill(LinearMemory& memory, uint64_t dst, uint8_t value, uint64_t count);
TrapCode memory_copy(LinearMemory& dst_memory, LinearMemory& src_memory, uint64_t dst, uint64_t src,
                     uint64_t count);
TrapCode table_fill(Table& table, uint64_t dst, uint64_t value, uint64_t count);
TrapCode table_copy(Table& dst_table, Table& src_table, uint64_t dst, uint64_t src, uint64_t count);

}  // namespace weft::runtime
