#include "runtime/func_refs.hpp"

#include <new>

namespace weft::runtime {

Result<VMFuncRef*> FuncRefArena::allocate() {
  if (used_in_last_ == kChunk) {
    std::unique_ptr<VMFuncRef[]> chunk(new (std::nothrow) VMFuncRef[kChunk]());
    if (!chunk) return Error::out_of_memory();
    if (chunks_.size() == chunks_.capacity()) {
      // Grow the chunk list without risking an exception from push_back.
      std::vector<std::unique_ptr<VMFuncRef[]>> bigger;
      bigger.reserve(chunks_.empty() ? 8 : chunks_.size() * 2);
      for (auto& c : chunks_) bigger.push_back(std::move(c));
      chunks_ = std::move(bigger);
    }
    chunks_.push_back(std::move(chunk));
    used_in_last_ = 0;
  }
  VMFuncRef* ref = &chunks_.back()[used_in_last_++];
  *ref = VMFuncRef{};
  return ref;
}

void FuncRefArena::note_hole(VMFuncRef* ref) {
  holes_.push_back(ref);
}

}  // namespace weft::runtime
