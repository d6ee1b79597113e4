// The embedder's say over how large a store's memories and tables may become (wasmtime's
// ResourceLimiter). A store consults its limiter, when it has one, before creating a memory or a
// table (current size 0, desired the initial size) and before every growth, from wasm
// (memory.grow, table.grow) or from the host.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace weft::runtime {

class ResourceLimiter {
 public:
  virtual ~ResourceLimiter() = default;

  // Whether a linear memory of `current_bytes` may become `desired_bytes` long; `maximum` is
  // its declared maximum in bytes, if it has one. Refused growth makes memory.grow return -1.
  virtual bool memory_growing(size_t current_bytes, size_t desired_bytes,
                              std::optional<size_t> maximum) {
    (void)current_bytes, (void)desired_bytes, (void)maximum;
    return true;
  }
  // The same for a table, in elements. Refused growth makes table.grow return -1.
  virtual bool table_growing(uint64_t current, uint64_t desired, std::optional<uint64_t> maximum) {
    (void)current, (void)desired, (void)maximum;
    return true;
  }
};

}  // namespace weft::runtime
