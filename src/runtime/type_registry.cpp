#include "runtime/type_registry.hpp"

#include <bit>
#include <memory>

namespace weft::runtime {
namespace {

struct Slot {
  size_t chunk;
  size_t offset;
};

// Where index `i` lives: chunk k starts at first * (2^k - 1).
Slot slot_of(uint64_t i, uint64_t first) {
  const uint64_t k = std::bit_width(i / first + 1) - 1;
  return {static_cast<size_t>(k), static_cast<size_t>(i - first * ((uint64_t{1} << k) - 1))};
}

}  // namespace

TypeRegistry::~TypeRegistry() {
  for (auto& chunk : chunks_) delete[] chunk.load(std::memory_order_relaxed);
}

TypeRegistry::Key TypeRegistry::key_of(const ir::FuncType& type) {
  // Wasm 2.0 value types are fully described by kind, nullability and abstract heap type.
  Key key;
  auto add = [&](ir::ValType t) {
    key.bytes.push_back(static_cast<uint8_t>(t.kind()));
    if (t.is_ref()) {
      key.bytes.push_back(t.nullable() ? 1 : 0);
      const uint32_t heap = t.heap().type_index();
      for (int i = 0; i < 4; ++i) key.bytes.push_back(static_cast<uint8_t>(heap >> (8 * i)));
    }
  };
  for (ir::ValType t : type.params) add(t);
  key.bytes.push_back(0xff);
  for (ir::ValType t : type.results) add(t);
  return key;
}

Result<uint32_t> TypeRegistry::intern(const ir::FuncType& type) {
  Key key = key_of(type);
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = index_.find(key);
  if (it != index_.end()) return it->second;
  // Everything that may throw std::bad_alloc comes before the first change, so a failed
  // allocation leaves the registry as it was (the lock is released by its guard).
  const uint32_t index = static_cast<uint32_t>(storage_.size());
  const Slot slot = slot_of(index, kFirstChunk);
  auto owned = std::make_unique<ir::FuncType>(type);
  if (storage_.size() == storage_.capacity()) storage_.reserve(2 * storage_.size() + 8);
  Chunk* chunk = chunks_[slot.chunk].load(std::memory_order_relaxed);
  if (chunk == nullptr) {
    chunk = new Chunk[size_t{kFirstChunk} << slot.chunk]();
    chunks_[slot.chunk].store(chunk, std::memory_order_release);
  }
  index_.emplace(std::move(key), index);
  chunk[slot.offset] = owned.get();
  storage_.push_back(std::move(owned));
  return index;
}

const ir::FuncType& TypeRegistry::type(uint32_t index) const {
  // The caller got `index` from intern() through some synchronization, which also orders the
  // entry's write before this read; the acquire load pairs with the chunk's publication.
  const Slot slot = slot_of(index, kFirstChunk);
  return *chunks_[slot.chunk].load(std::memory_order_acquire)[slot.offset];
}

}  // namespace weft::runtime
