// The engine-wide registry of canonical function types: structurally equal function types get
// the same index, so a signature check at run time is one integer compare.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "base/result.hpp"
#include "ir/types.hpp"

namespace weft::runtime {

class TypeRegistry {
 public:
  // The canonical index of `type`, registering it on first sight.
  Result<uint32_t> intern(const ir::FuncType& type);
  // The type behind a canonical index; the index must come from intern().
  const ir::FuncType& type(uint32_t index) const;

 private:
  struct Key {
    std::vector<uint8_t> bytes;
    bool operator<(const Key& other) const { return bytes < other.bytes; }
  };
  static Key key_of(const ir::FuncType& type);

  mutable std::mutex mutex_;
  std::map<Key, uint32_t> index_;
  std::vector<const ir::FuncType*> types_;  // stable: nodes of `storage_`
  std::vector<std::unique_ptr<ir::FuncType>> storage_;
};

}  // namespace weft::runtime
