// The store's funcref arena: VMFuncRefs are bump-allocated in fixed chunks and never move, so
// tables, globals and compiled code may hold raw pointers to them for the store's life.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "base/result.hpp"
#include "runtime/vm.hpp"

namespace weft::runtime {

class FuncRefArena {
 public:
  FuncRefArena() = default;
  FuncRefArena(const FuncRefArena&) = delete;
  FuncRefArena& operator=(const FuncRefArena&) = delete;

  // A zeroed, pinned funcref. A funcref whose wasm_call stays null after the caller filled it
  // in should be reported with note_hole(), so fill() can retry it when trampolines appear.
  Result<VMFuncRef*> allocate();
  void note_hole(VMFuncRef* ref);
  // Makes room so that the next note_hole() cannot fail (it may throw std::bad_alloc itself).
  void reserve_hole() {
    if (holes_.size() == holes_.capacity()) holes_.reserve(2 * holes_.size() + 8);
  }
  // Retries the holes with `provide` (returns the wasm_call for a type, or null) and drops
  // the ones that are now filled.
  template <typename Provider>
  void fill(Provider&& provide) {
    size_t kept = 0;
    for (VMFuncRef* ref : holes_) {
      if (ref->wasm_call == nullptr) ref->wasm_call = provide(ref->type_index);
      if (ref->wasm_call == nullptr) holes_[kept++] = ref;
    }
    holes_.resize(kept);
  }
  size_t holes() const { return holes_.size(); }
  // Keeps `owner` alive as long as the arena: what this store's funcrefs point into (an
  // InstancePre's shared funcrefs and definitions, host functions). Keeping the owner kept
  // last once more is a no-op. May throw std::bad_alloc; `owner` is then released.
  void keep_alive(std::shared_ptr<const void> owner) {
    if (!kept_.empty() && kept_.back() == owner) return;
    kept_.push_back(std::move(owner));
  }
  size_t kept_alive() const { return kept_.size(); }
  size_t allocated() const {
    return used_in_last_ + (chunks_.empty() ? 0 : (chunks_.size() - 1) * kChunk);
  }

 private:
  static constexpr size_t kChunk = 256;
  std::vector<std::unique_ptr<VMFuncRef[]>> chunks_;
  size_t used_in_last_ = kChunk;
  std::vector<VMFuncRef*> holes_;
  // Released after the chunks' users are gone: the arena is destroyed with its store.
  std::vector<std::shared_ptr<const void>> kept_;
};

}  // namespace weft::runtime
