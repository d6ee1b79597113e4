#include "runtime/module_registry.hpp"

#include <algorithm>

namespace weft::runtime {

bool ModuleRegistry::add(std::shared_ptr<const compile::ModuleCode> code,
                         std::span<const uint32_t> canonical_types) {
  const auto same = [&](const std::shared_ptr<const compile::ModuleCode>& m) { return m == code; };
  if (std::any_of(modules_.begin(), modules_.end(), same)) return false;
  // Room first, so that the last step cannot fail once trampolines point into `code`; a
  // failure in between leaves `code` unregistered and the next add() completes it.
  modules_.reserve(modules_.size() + 1);
  const size_t n = std::min(code->trampolines.size(), canonical_types.size());
  for (size_t i = 0; i < n; ++i) {
    if (code->trampolines[i].code != nullptr) {
      trampolines_.emplace(canonical_types[i], &code->trampolines[i]);
    }
  }
  modules_.push_back(std::move(code));
  return true;
}

const compile::CompiledFunc* ModuleRegistry::trampoline(uint32_t canonical_type) const {
  auto it = trampolines_.find(canonical_type);
  return it == trampolines_.end() ? nullptr : it->second;
}

const compile::ModuleCode* ModuleRegistry::module_of(const compile::Cell* pc) const {
  for (const auto& m : modules_) {
    for (const std::vector<compile::Cell>& body : m->bodies) {
      if (!body.empty() && pc >= body.data() && pc < body.data() + body.size()) return m.get();
    }
    for (const compile::TrampolineCode& t : m->trampoline_code) {
      if (pc >= t.data() && pc < t.data() + t.size()) return m.get();
    }
  }
  return nullptr;
}

}  // namespace weft::runtime
