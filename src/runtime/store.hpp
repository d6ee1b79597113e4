// The store: owner of every runtime object that instances create or share (memories, tables,
// globals, host functions, funcrefs, instances). Objects live as long as the store, so
// instances may point at each other's exports with raw pointers.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "base/result.hpp"
#include "ir/module.hpp"
#include "ir/types.hpp"
#include "runtime/func_refs.hpp"
#include "runtime/memory.hpp"
#include "runtime/table.hpp"
#include "runtime/type_registry.hpp"
#include "runtime/vm.hpp"

namespace weft::runtime {

struct Global {
  ir::GlobalType type;
  GlobalCell cell;
};

// A host function: `values` holds the arguments on entry and receives the results.
using HostCallback = std::function<TrapCode(std::span<ValRaw> values)>;

struct HostFunc {
  ir::FuncType type;
  HostCallback callback;
};

// An external value: what an export provides and an import needs.
struct Extern {
  ir::ExternKind kind = ir::ExternKind::Func;
  VMFuncRef* func = nullptr;
  Table* table = nullptr;
  LinearMemory* memory = nullptr;
  Global* global = nullptr;
};

class Instance;

class Store {
 public:
  explicit Store(TypeRegistry& types);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  TypeRegistry& types() { return types_; }
  FuncRefArena& funcrefs() { return funcrefs_; }

  Result<LinearMemory*> new_memory(const ir::MemoryType& type);
  Result<Table*> new_table(const ir::TableType& type, uint64_t init);
  Result<Global*> new_global(const ir::GlobalType& type, ValRaw value);
  Result<VMFuncRef*> new_host_func(ir::FuncType type, HostCallback callback);
  // Takes ownership of an instance (also of one whose instantiation failed halfway: its
  // functions may already sit in shared tables).
  Instance* adopt(std::unique_ptr<Instance> instance);

 private:
  TypeRegistry& types_;
  FuncRefArena funcrefs_;
  std::vector<std::unique_ptr<LinearMemory>> memories_;
  std::vector<std::unique_ptr<Table>> tables_;
  std::vector<std::unique_ptr<Global>> globals_;
  std::vector<std::unique_ptr<HostFunc>> host_funcs_;
  std::vector<std::unique_ptr<Instance>> instances_;
};

// The extern type of `value`, as import matching sees it (current sizes as minimums).
bool extern_matches(TypeRegistry& types, const ir::Module& importer, const ir::Import& import,
                    const Extern& value);

}  // namespace weft::runtime
