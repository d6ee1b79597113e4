// WasiCtx creation (stdio, preopens, environment) and the descriptor table.
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "wasi/state.hpp"

extern char** environ;

namespace weft::wasi {

HostFd& HostFd::operator=(HostFd&& other) noexcept {
  if (this != &other) {
    reset();
    fd_ = other.release();
  }
  return *this;
}

void HostFd::reset() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

uint8_t filetype_from_mode(unsigned mode) {
  switch (mode & S_IFMT) {
    case S_IFREG:
      return abi::kRegularFile;
    case S_IFDIR:
      return abi::kDirectory;
    case S_IFCHR:
      return abi::kCharacterDevice;
    case S_IFBLK:
      return abi::kBlockDevice;
    case S_IFLNK:
      return abi::kSymbolicLink;
    case S_IFSOCK:
      return abi::kSocketStream;  // refined by filetype_of when there is an fd
    default:
      return abi::kUnknown;  // FIFOs included, as wasmtime reports them
  }
}

uint8_t filetype_of(int host_fd) {
  struct stat st;
  if (::fstat(host_fd, &st) != 0) return abi::kUnknown;
  if (S_ISSOCK(st.st_mode)) {
    int type = 0;
    socklen_t len = sizeof(type);
    if (::getsockopt(host_fd, SOL_SOCKET, SO_TYPE, &type, &len) == 0 && type == SOCK_DGRAM)
      return abi::kSocketDgram;
    return abi::kSocketStream;
  }
  return filetype_from_mode(st.st_mode);
}

uint64_t rights_for_filetype(uint8_t filetype) {
  switch (filetype) {
    case abi::kRegularFile:
      return abi::rights::kRegularFile;
    case abi::kDirectory:
      return abi::rights::kDirectory;
    case abi::kSocketDgram:
    case abi::kSocketStream:
      return abi::rights::kSocket;
    default:
      return abi::rights::kStream;
  }
}

}  // namespace weft::wasi

namespace weft::wasi::detail {

Descriptor* WasiState::get(uint32_t fd, uint64_t needed, uint16_t& error) {
  auto it = fds.find(fd);
  if (it == fds.end()) {
    error = abi::kBadf;
    return nullptr;
  }
  if ((it->second->rights_base & needed) != needed) {
    error = abi::kNotcapable;
    return nullptr;
  }
  return it->second.get();
}

std::optional<uint32_t> WasiState::insert(std::unique_ptr<Descriptor> descriptor) {
  uint32_t number = 0;
  for (const auto& [fd, unused] : fds) {
    if (fd != number) break;
    ++number;
  }
  // Guest descriptors are i32s handed back as ints; stay well inside the positive range.
  if (number >= (1u << 30)) return std::nullopt;
  fds.emplace(number, std::move(descriptor));
  return number;
}

}  // namespace weft::wasi::detail

namespace weft::wasi {

namespace {

Error io_error(const std::string& what) {
  return Error{ErrorKind::Io, what + ": " + std::strerror(errno)};
}

Result<HostFd> duplicate(int host_fd) {
  int fd = ::fcntl(host_fd, F_DUPFD_CLOEXEC, 0);
  if (fd < 0) return io_error("wasi: cannot duplicate descriptor " + std::to_string(host_fd));
  return HostFd(fd);
}

std::unique_ptr<Descriptor> stream_descriptor(HostFd fd) {
  auto d = std::make_unique<Descriptor>();
  d->filetype = filetype_of(fd.get());
  d->rights_base = rights_for_filetype(d->filetype);
  // A terminal or device must not look seekable, or wasi-libc's isatty() says no.
  if (d->filetype == abi::kCharacterDevice)
    d->rights_base &= ~(abi::rights::kFdSeek | abi::rights::kFdTell);
  d->rights_inheriting = 0;
  d->host = std::move(fd);
  return d;
}

}  // namespace

WasiCtx::WasiCtx(std::unique_ptr<detail::WasiState> state) : state_(std::move(state)) {}
WasiCtx::~WasiCtx() = default;

Result<std::unique_ptr<WasiCtx>> WasiCtx::create(const WasiConfig& config) {
  auto state = std::make_unique<detail::WasiState>();
  state->args = config.get_args();

  if (config.get_inherit_env()) {
    for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
      std::string entry(*e);
      const std::string name = entry.substr(0, entry.find('='));
      bool overridden = false;
      for (const auto& [n, v] : config.get_env()) overridden = overridden || n == name;
      if (!overridden) state->environ.push_back(std::move(entry));
    }
  }
  for (const auto& [name, value] : config.get_env()) state->environ.push_back(name + "=" + value);

  for (uint32_t i = 0; i < 3; ++i) {
    const int host_fd = config.get_stdio()[i];
    HostFd fd;
    if (host_fd >= 0) {
      // The host's own stream is closed: so is the guest's.
      if (::fcntl(host_fd, F_GETFD) < 0 && errno == EBADF) continue;
      Result<HostFd> dup = duplicate(host_fd);
      if (!dup) return std::move(dup).error();
      fd = std::move(*dup);
    } else {
      fd = HostFd(::open("/dev/null", O_RDWR | O_CLOEXEC));
      if (!fd) continue;  // no /dev/null: the stream is simply not open
    }
    state->fds.emplace(i, stream_descriptor(std::move(fd)));
  }

  uint32_t next = 3;
  for (const WasiConfig::PreopenDir& dir : config.get_preopen_dirs()) {
    HostFd fd(::open(dir.host_path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd) return io_error("wasi: cannot open directory '" + dir.host_path + "'");
    auto d = std::make_unique<Descriptor>();
    d->host = std::move(fd);
    d->filetype = abi::kDirectory;
    d->rights_base = abi::rights::kDirectory;
    d->rights_inheriting = abi::rights::kAll;
    d->preopen_name = dir.guest_path;
    state->fds.emplace(next++, std::move(d));
  }
  for (int socket : config.get_preopen_sockets()) {
    Result<HostFd> dup = duplicate(socket);
    if (!dup) return std::move(dup).error();
    std::unique_ptr<Descriptor> d = stream_descriptor(std::move(*dup));
    state->fds.emplace(next++, std::move(d));
  }
  return std::unique_ptr<WasiCtx>(new WasiCtx(std::move(state)));
}

}  // namespace weft::wasi
