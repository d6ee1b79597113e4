// Shared by the files implementing the calls: argument decoding and errno shorthands.
#pragma once

#include <cerrno>
#include <cstdint>

#include "wasi/abi.hpp"
#include "wasi/guest_memory.hpp"
#include "wasi/state.hpp"

namespace weft::wasi {

// The last host error as a WASI errno.
inline uint16_t last_error() {
  return errno_from_host(errno);
}

// Guest pointers, lengths and descriptors are u32; flags narrower still.
inline uint32_t u32(uint64_t arg) {
  return static_cast<uint32_t>(arg);
}

// A descriptor with the rights `needed`, or the errno explaining why not.
struct FdLookup {
  Descriptor* fd = nullptr;
  uint16_t error = abi::kSuccess;
};
inline FdLookup lookup(WasiCtx& ctx, uint64_t fd, uint64_t needed) {
  FdLookup r;
  r.fd = ctx.state().get(u32(fd), needed, r.error);
  return r;
}

}  // namespace weft::wasi
