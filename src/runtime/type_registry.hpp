// The engine-wide registry of canonical function types: structurally equal function types get
// the same index, so a signature check at run time is one integer compare.
#pragma once

#include <atomic>
#include <cstddef>
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
  // The type behind a canonical index; the index must come from intern(). Lock-free: it is on
  // the path of every Func::call.
  const ir::FuncType& type(uint32_t index) const;

  TypeRegistry() = default;
  ~TypeRegistry();
  TypeRegistry(const TypeRegistry&) = delete;
  TypeRegistry& operator=(const TypeRegistry&) = delete;

 private:
  struct Key {
    std::vector<uint8_t> bytes;
    bool operator<(const Key& other) const { return bytes < other.bytes; }
  };
  static Key key_of(const ir::FuncType& type);

  // Index -> type, readable without the lock: chunk k holds kFirstChunk << k entries and is
  // published (once, never moved) before any index in it is handed out.
  static constexpr uint32_t kFirstChunk = 64;
  static constexpr size_t kChunks = 27;  // 64 * (2^27 - 1) entries exceed every uint32_t index
  using Chunk = const ir::FuncType*;

  mutable std::mutex mutex_;  // guards index_, storage_ and writes to chunks_
  std::map<Key, uint32_t> index_;
  std::vector<std::unique_ptr<ir::FuncType>> storage_;  // index order; owns what chunks_ points at
  std::atomic<Chunk*> chunks_[kChunks] = {};
};

}  // namespace weft::runtime
