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
#include "runtime/host_func.hpp"
#include "runtime/memory.hpp"
#include "runtime/module_registry.hpp"
#include "runtime/resource_limiter.hpp"
#include "runtime/table.hpp"
#include "runtime/type_registry.hpp"
#include "runtime/vm.hpp"

namespace weft::runtime {

struct Global {
  ir::GlobalType type;
  GlobalCell cell;
};

// A host function that does not need its caller: `values` holds the arguments on entry and
// receives the results.
using HostCallback = std::function<TrapCode(std::span<ValRaw> values)>;

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
  // A funcref of this store for `host`, which the store keeps alive as long as itself (with
  // other owners, for a Linker's functions; alone, for a function of this store only).
  // Its wasm_call is a registered module's trampoline for its type, or it waits on the holes.
  Result<VMFuncRef*> new_host_func(std::shared_ptr<const HostFunc> host);
  // Registers an instantiated module's code (see ModuleRegistry::add) and fills the funcref
  // holes its trampolines can fill. May throw std::bad_alloc, leaving the store consistent.
  void register_module(std::shared_ptr<const compile::ModuleCode> code,
                       std::span<const uint32_t> canonical_types);
  const ModuleRegistry& modules() const { return modules_; }
  // The caller context of calls made by the host: no instance, `store` is this store.
  VMContext* host_context() { return &host_context_; }
  // The embedder's own object for this store (the API's StoreContext), for host functions.
  void set_embedder(void* embedder) { embedder_ = embedder; }
  void* embedder() const { return embedder_; }
  // Takes ownership of an instance (also of one whose instantiation failed halfway: its
  // functions may already sit in shared tables).
  Instance* adopt(std::unique_ptr<Instance> instance);
  // Every instance of this store, including failed ones (for mapping code back to functions).
  const std::vector<std::unique_ptr<Instance>>& instances() const { return instances_; }

  // Fuel and the epoch deadline, which compiled code reaches through VMContext::limits. Until
  // an embedder points `epoch` at its engine's counter it reads a counter that stays at 0.
  VMStoreLimits& limits() { return limits_; }
  // Consulted before a memory or table is created or grown; null (the default) allows all.
  // The limiter must outlive the store or be replaced first.
  void set_limiter(ResourceLimiter* limiter) { limiter_ = limiter; }
  ResourceLimiter* limiter() const { return limiter_; }

 private:
  TypeRegistry& types_;
  FuncRefArena funcrefs_;
  std::vector<std::unique_ptr<LinearMemory>> memories_;
  std::vector<std::unique_ptr<Table>> tables_;
  std::vector<std::unique_ptr<Global>> globals_;
  ModuleRegistry modules_;
  VMContext host_context_;
  void* embedder_ = nullptr;
  std::vector<std::unique_ptr<Instance>> instances_;
  VMStoreLimits limits_;
  ResourceLimiter* limiter_ = nullptr;
};

// The extern type of `value`, as import matching sees it (current sizes as minimums).
bool extern_matches(TypeRegistry& types, const ir::Module& importer, const ir::Import& import,
                    const Extern& value);

}  // namespace weft::runtime
