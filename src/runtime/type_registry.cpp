#include "runtime/type_registry.hpp"

#include <memory>

namespace weft::runtime {

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
  const uint32_t index = static_cast<uint32_t>(types_.size());
  auto owned = std::make_unique<ir::FuncType>(type);
  if (types_.size() == types_.capacity()) {
    storage_.reserve(2 * types_.size() + 8);
    types_.reserve(2 * types_.size() + 8);
  }
  index_.emplace(std::move(key), index);
  types_.push_back(owned.get());
  storage_.push_back(std::move(owned));
  return index;
}

const ir::FuncType& TypeRegistry::type(uint32_t index) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return *types_[index];
}

}  // namespace weft::runtime
