// A store's module registry: every module instantiated in the store, kept alive as long as the
// store, and the wasm-to-array trampolines they provide, by canonical function type (DESIGN.md,
// "The store and its function references").
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <unordered_map>
#include <vector>

#include "compile/code_format.hpp"

namespace weft::runtime {

class ModuleRegistry {
 public:
  // Registers `code`, whose type index i has the canonical index canonical_types[i]; a module
  // registered before is skipped. For each canonical type the first module providing a
  // trampoline keeps providing it. Returns whether `code` was new. May throw std::bad_alloc,
  // leaving the registry consistent (a retry completes the registration).
  bool add(std::shared_ptr<const compile::ModuleCode> code,
           std::span<const uint32_t> canonical_types);
  // The trampoline for functions of a canonical type, or null when no module provides one.
  const compile::CompiledFunc* trampoline(uint32_t canonical_type) const;
  size_t size() const { return modules_.size(); }
  // The module whose function bodies contain `pc`, or null (for mapping code back to modules).
  const compile::ModuleCode* module_of(const compile::Cell* pc) const;

 private:
  std::vector<std::shared_ptr<const compile::ModuleCode>> modules_;
  std::unordered_map<uint32_t, const compile::CompiledFunc*> trampolines_;
};

}  // namespace weft::runtime
