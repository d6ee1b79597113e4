// Reading and writing through descriptors: fd_read, fd_write, fd_pread, fd_pwrite, fd_readdir.
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <vector>

#include "wasi/call_support.hpp"
#include "wasi/calls.hpp"
#include "wasi/io_vectors.hpp"

namespace weft::wasi {

namespace r = abi::rights;
namespace l = abi::layout;

uint16_t gather_iovecs(GuestMemory memory, uint64_t iovs, uint64_t count, std::vector<iovec>& out) {
  if (!memory.fits(iovs, count * l::kIovecSize)) return abi::kFault;
  // More buffers than the host takes at once: transfer what fits, as a short read or write.
  const uint64_t used = std::min<uint64_t>(count, kMaxIovecs);
  out.clear();
  out.reserve(static_cast<size_t>(used));
  for (uint64_t i = 0; i < used; ++i) {
    uint32_t buf = 0, len = 0;
    memory.read(iovs + i * l::kIovecSize, buf);
    memory.read(iovs + i * l::kIovecSize + 4, len);
    if (!memory.fits(buf, len)) return abi::kFault;
    if (len != 0) out.push_back(iovec{memory.at(buf), len});
  }
  return abi::kSuccess;
}

namespace {

enum class Direction { Read, Write };

bool is_socket(uint8_t filetype) {
  return filetype == abi::kSocketStream || filetype == abi::kSocketDgram;
}

// A peer that went away is EPIPE for the program, not a SIGPIPE killing the host.
ssize_t send_without_sigpipe(int fd, std::vector<iovec>& vecs) {
  msghdr msg{};
  msg.msg_iov = vecs.data();
  msg.msg_iovlen = vecs.size();
#ifdef MSG_NOSIGNAL
  return ::sendmsg(fd, &msg, MSG_NOSIGNAL);
#else
  return ::sendmsg(fd, &msg, 0);
#endif
}

Result<uint32_t> transfer(WasiCtx& ctx, std::span<uint8_t> memory, uint64_t fd_arg, uint64_t iovs,
                          uint64_t count, std::optional<uint64_t> offset, uint64_t result_ptr,
                          Direction direction) {
  uint64_t needed = direction == Direction::Read ? r::kFdRead : r::kFdWrite;
  if (offset) needed |= r::kFdSeek;
  FdLookup fd = lookup(ctx, fd_arg, needed);
  if (!fd.fd) return fd.error;
  GuestMemory guest(memory);
  if (!guest.fits(result_ptr, 4)) return abi::kFault;
  std::vector<iovec> vecs;
  if (uint16_t e = gather_iovecs(guest, iovs, count, vecs)) return e;
  if (offset && *offset > static_cast<uint64_t>(std::numeric_limits<off_t>::max()))
    return abi::kInval;
  const int host = fd.fd->host.get();
  const int n = static_cast<int>(vecs.size());
  ssize_t done = 0;
  if (!vecs.empty()) {
    if (direction == Direction::Read) {
      done = offset ? ::preadv(host, vecs.data(), n, static_cast<off_t>(*offset))
                    : ::readv(host, vecs.data(), n);
    } else if (!offset && is_socket(fd.fd->filetype)) {
      done = send_without_sigpipe(host, vecs);
    } else {
      done = offset ? ::pwritev(host, vecs.data(), n, static_cast<off_t>(*offset))
                    : ::writev(host, vecs.data(), n);
    }
  }
  if (done < 0) return last_error();
  guest.write<uint32_t>(result_ptr, static_cast<uint32_t>(done));
  return abi::kSuccess;
}

void take_listing(Descriptor& fd, uint16_t& error) {
  fd.listing.clear();
  const int copy = ::openat(fd.host.get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (copy < 0) {
    error = last_error();
    return;
  }
  DIR* dir = ::fdopendir(copy);
  if (dir == nullptr) {
    error = last_error();
    ::close(copy);
    return;
  }
  while (struct dirent* e = ::readdir(dir)) {
    DirEntry entry;
    entry.ino = static_cast<uint64_t>(e->d_ino);
    entry.name = e->d_name;
    switch (e->d_type) {
      case DT_REG:
        entry.filetype = abi::kRegularFile;
        break;
      case DT_DIR:
        entry.filetype = abi::kDirectory;
        break;
      case DT_LNK:
        entry.filetype = abi::kSymbolicLink;
        break;
      case DT_CHR:
        entry.filetype = abi::kCharacterDevice;
        break;
      case DT_BLK:
        entry.filetype = abi::kBlockDevice;
        break;
      case DT_SOCK:
        entry.filetype = abi::kSocketStream;
        break;
      default: {
        struct stat st;
        if (::fstatat(::dirfd(dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
          entry.filetype = filetype_from_mode(st.st_mode);
      }
    }
    fd.listing.push_back(std::move(entry));
  }
  ::closedir(dir);
  error = abi::kSuccess;
}

}  // namespace

Result<uint32_t> call_fd_read(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  return transfer(ctx, memory, a[0], u32(a[1]), u32(a[2]), std::nullopt, u32(a[3]),
                  Direction::Read);
}

Result<uint32_t> call_fd_write(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  return transfer(ctx, memory, a[0], u32(a[1]), u32(a[2]), std::nullopt, u32(a[3]),
                  Direction::Write);
}

Result<uint32_t> call_fd_pread(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  return transfer(ctx, memory, a[0], u32(a[1]), u32(a[2]), a[3], u32(a[4]), Direction::Read);
}

Result<uint32_t> call_fd_pwrite(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  return transfer(ctx, memory, a[0], u32(a[1]), u32(a[2]), a[3], u32(a[4]), Direction::Write);
}

// Entries from index `cookie` on, each a dirent header then its name, cut off where the buffer
// ends (the spec's way of saying "call again with a bigger buffer or the next cookie").
Result<uint32_t> call_fd_readdir(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  FdLookup fd = lookup(ctx, a[0], r::kFdReaddir);
  if (!fd.fd) return fd.error;
  GuestMemory guest(memory);
  const uint64_t buf = u32(a[1]), buf_len = u32(a[2]), cookie = a[3], used_ptr = u32(a[4]);
  if (!guest.fits(buf, buf_len) || !guest.fits(used_ptr, 4)) return abi::kFault;
  if (cookie == 0 || fd.fd->listing.empty()) {
    uint16_t error = abi::kSuccess;
    take_listing(*fd.fd, error);
    if (error) return error;
  }
  uint64_t used = 0;
  std::vector<uint8_t> entry;
  for (uint64_t i = cookie; i < fd.fd->listing.size() && used < buf_len; ++i) {
    const DirEntry& e = fd.fd->listing[static_cast<size_t>(i)];
    entry.assign(l::kDirentSize + e.name.size(), 0);
    const uint64_t next = i + 1;
    const auto namlen = static_cast<uint32_t>(e.name.size());
    std::memcpy(entry.data() + l::kDirentNext, &next, 8);
    std::memcpy(entry.data() + l::kDirentIno, &e.ino, 8);
    std::memcpy(entry.data() + l::kDirentNamlen, &namlen, 4);
    entry[l::kDirentType] = e.filetype;
    std::memcpy(entry.data() + l::kDirentSize, e.name.data(), e.name.size());
    const uint64_t n = std::min<uint64_t>(entry.size(), buf_len - used);
    guest.write_bytes(buf + used, entry.data(), static_cast<size_t>(n));
    used += n;
  }
  guest.write<uint32_t>(used_ptr, static_cast<uint32_t>(used));
  return abi::kSuccess;
}

}  // namespace weft::wasi
