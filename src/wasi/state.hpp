// The state behind a WasiCtx: arguments, environment and the descriptor table mapping guest
// descriptor numbers to host descriptors with their WASI rights.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "wasi/abi.hpp"
#include "weft/wasi.hpp"

namespace weft::wasi {

// Owns one host descriptor; closes it on destruction.
class HostFd {
 public:
  HostFd() = default;
  explicit HostFd(int fd) : fd_(fd) {}
  HostFd(HostFd&& other) noexcept : fd_(other.release()) {}
  HostFd& operator=(HostFd&& other) noexcept;
  HostFd(const HostFd&) = delete;
  HostFd& operator=(const HostFd&) = delete;
  ~HostFd() { reset(); }

  int get() const { return fd_; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }
  void reset();
  explicit operator bool() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

// A directory listing taken when fd_readdir starts over (cookie 0); later cookies index into it.
struct DirEntry {
  uint64_t ino = 0;
  uint8_t filetype = abi::kUnknown;
  std::string name;
};

struct Descriptor {
  HostFd host;
  uint8_t filetype = abi::kUnknown;
  uint64_t rights_base = 0;
  uint64_t rights_inheriting = 0;
  std::optional<std::string> preopen_name;  // set for a preopened directory
  std::vector<DirEntry> listing;            // fd_readdir's snapshot
};

}  // namespace weft::wasi

namespace weft::wasi::detail {

struct WasiState {
  std::vector<std::string> args;
  std::vector<std::string> environ;  // "NAME=value"
  std::map<uint32_t, std::unique_ptr<Descriptor>> fds;

  // The descriptor `fd` if it is open and has every right in `needed`; else the errno to return
  // (EBADF, or ENOTCAPABLE when a right is missing).
  Descriptor* get(uint32_t fd, uint64_t needed, uint16_t& error);
  // Adds a descriptor under the lowest free number; ENFILE when the table is full.
  std::optional<uint32_t> insert(std::unique_ptr<Descriptor> descriptor);
};

}  // namespace weft::wasi::detail

namespace weft::wasi {

using detail::WasiState;

// The WASI errno for a host errno value.
uint16_t errno_from_host(int host_errno);
// The WASI file type of a host descriptor (fstat, and SO_TYPE for sockets).
uint8_t filetype_of(int host_fd);
// The WASI file type for a host st_mode.
uint8_t filetype_from_mode(unsigned mode);
// Rights a descriptor of this type can have at most.
uint64_t rights_for_filetype(uint8_t filetype);

}  // namespace weft::wasi
