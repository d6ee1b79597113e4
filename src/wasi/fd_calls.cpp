// Descriptor management and metadata: fd_close, fd_renumber, fd_fdstat_*, fd_filestat_*,
// fd_seek, fd_tell, fd_sync, fd_datasync, fd_advise, fd_allocate, fd_prestat_*.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <limits>

#include "wasi/call_support.hpp"
#include "wasi/calls.hpp"
#include "wasi/filestat.hpp"

namespace weft::wasi {

namespace r = abi::rights;
namespace l = abi::layout;

Result<uint32_t> call_fd_close(WasiCtx& ctx, std::span<uint8_t>, const uint64_t* a) {
  auto& fds = ctx.state().fds;
  auto it = fds.find(u32(a[0]));
  if (it == fds.end()) return abi::kBadf;
  fds.erase(it);  // closes the host descriptor
  return abi::kSuccess;
}

Result<uint32_t> call_fd_renumber(WasiCtx& ctx, std::span<uint8_t>, const uint64_t* a) {
  auto& fds = ctx.state().fds;
  auto from = fds.find(u32(a[0]));
  auto to = fds.find(u32(a[1]));
  if (from == fds.end() || to == fds.end()) return abi::kBadf;
  if (from == to) return abi::kSuccess;
  to->second = std::move(from->second);
  fds.erase(from);
  return abi::kSuccess;
}

Result<uint32_t> call_fd_fdstat_get(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  FdLookup fd = lookup(ctx, a[0], 0);
  if (!fd.fd) return fd.error;
  GuestMemory guest(memory);
  const uint64_t ptr = u32(a[1]);
  if (!guest.fits(ptr, l::kFdstatSize)) return abi::kFault;
  uint16_t flags = 0;
  const int host_flags = ::fcntl(fd.fd->host.get(), F_GETFL);
  if (host_flags >= 0) {
    if (host_flags & O_APPEND) flags |= abi::kFdflagAppend;
    if (host_flags & O_NONBLOCK) flags |= abi::kFdflagNonblock;
#ifdef O_DSYNC
    if ((host_flags & O_SYNC) == O_SYNC)
      flags |= abi::kFdflagSync;
    else if (host_flags & O_DSYNC)
      flags |= abi::kFdflagDsync;
#endif
  }
  uint8_t zero[l::kFdstatSize] = {};
  guest.write_bytes(ptr, zero, sizeof(zero));
  guest.write<uint8_t>(ptr + l::kFdstatFiletype, fd.fd->filetype);
  guest.write<uint16_t>(ptr + l::kFdstatFlags, flags);
  guest.write<uint64_t>(ptr + l::kFdstatRightsBase, fd.fd->rights_base);
  guest.write<uint64_t>(ptr + l::kFdstatRightsInheriting, fd.fd->rights_inheriting);
  return abi::kSuccess;
}

Result<uint32_t> call_fd_fdstat_set_flags(WasiCtx& ctx, std::span<uint8_t>, const uint64_t* a) {
  FdLookup fd = lookup(ctx, a[0], r::kFdFdstatSetFlags);
  if (!fd.fd) return fd.error;
  const uint64_t flags = u32(a[1]);
  if ((flags & ~uint64_t{abi::kFdflagsAll}) != 0) return abi::kInval;
  // Synchronous-write modes cannot be changed on an open descriptor (as with fcntl).
  if (flags & (abi::kFdflagDsync | abi::kFdflagRsync | abi::kFdflagSync)) return abi::kNotsup;
  const int host = fd.fd->host.get();
  int current = ::fcntl(host, F_GETFL);
  if (current < 0) return last_error();
  current &= ~(O_APPEND | O_NONBLOCK);
  if (flags & abi::kFdflagAppend) current |= O_APPEND;
  if (flags & abi::kFdflagNonblock) current |= O_NONBLOCK;
  if (::fcntl(host, F_SETFL, current) != 0) return last_error();
  return abi::kSuccess;
}

Result<uint32_t> call_fd_fdstat_set_rights(WasiCtx& ctx, std::span<uint8_t>, const uint64_t* a) {
  FdLookup fd = lookup(ctx, a[0], 0);
  if (!fd.fd) return fd.error;
  const uint64_t base = a[1], inheriting = a[2];
  // Rights can only be dropped, never gained.
  if ((base & ~fd.fd->rights_base) != 0 || (inheriting & ~fd.fd->rights_inheriting) != 0)
    return abi::kNotcapable;
  fd.fd->rights_base = base;
  fd.fd->rights_inheriting = inheriting;
  return abi::kSuccess;
}

Result<uint32_t> call_fd_filestat_get(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  FdLookup fd = lookup(ctx, a[0], r::kFdFilestatGet);
  if (!fd.fd) return fd.error;
  struct stat st;
  if (::fstat(fd.fd->host.get(), &st) != 0) return last_error();
  const uint8_t type = S_ISSOCK(st.st_mode) ? fd.fd->filetype : filetype_for_stat(st);
  if (!write_filestat(GuestMemory(memory), u32(a[1]), st, type)) return abi::kFault;
  return abi::kSuccess;
}

Result<uint32_t> call_fd_filestat_set_size(WasiCtx& ctx, std::span<uint8_t>, const uint64_t* a) {
  FdLookup fd = lookup(ctx, a[0], r::kFdFilestatSetSize);
  if (!fd.fd) return fd.error;
  if (a[1] > static_cast<uint64_t>(std::numeric_limits<off_t>::max())) return abi::kInval;
  if (::ftruncate(fd.fd->host.get(), static_cast<off_t>(a[1])) != 0) return last_error();
  return abi::kSuccess;
}

Result<uint32_t> call_fd_filestat_set_times(WasiCtx& ctx, std::span<uint8_t>, const uint64_t* a) {
  FdLookup fd = lookup(ctx, a[0], r::kFdFilestatSetTimes);
  if (!fd.fd) return fd.error;
  timespec times[2];
  if (uint16_t e = times_from_flags(a[1], a[2], u32(a[3]), times)) return e;
  if (::futimens(fd.fd->host.get(), times) != 0) return last_error();
  return abi::kSuccess;
}

Result<uint32_t> call_fd_seek(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  const auto offset = static_cast<int64_t>(a[1]);
  const uint64_t whence = u32(a[2]);
  // Asking for the position only needs fd_tell.
  const uint64_t needed = offset == 0 && whence == abi::kWhenceCur ? r::kFdTell : r::kFdSeek;
  FdLookup fd = lookup(ctx, a[0], needed);
  if (!fd.fd) return fd.error;
  int host_whence;
  switch (whence) {
    case abi::kWhenceSet:
      host_whence = SEEK_SET;
      break;
    case abi::kWhenceCur:
      host_whence = SEEK_CUR;
      break;
    case abi::kWhenceEnd:
      host_whence = SEEK_END;
      break;
    default:
      return abi::kInval;
  }
  GuestMemory guest(memory);
  const uint64_t out = u32(a[3]);
  if (!guest.fits(out, 8)) return abi::kFault;
  const off_t pos = ::lseek(fd.fd->host.get(), static_cast<off_t>(offset), host_whence);
  if (pos < 0) return last_error();
  guest.write<uint64_t>(out, static_cast<uint64_t>(pos));
  return abi::kSuccess;
}

Result<uint32_t> call_fd_tell(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  FdLookup fd = lookup(ctx, a[0], r::kFdTell);
  if (!fd.fd) return fd.error;
  GuestMemory guest(memory);
  const uint64_t out = u32(a[1]);
  if (!guest.fits(out, 8)) return abi::kFault;
  const off_t pos = ::lseek(fd.fd->host.get(), 0, SEEK_CUR);
  if (pos < 0) return last_error();
  guest.write<uint64_t>(out, static_cast<uint64_t>(pos));
  return abi::kSuccess;
}

Result<uint32_t> call_fd_sync(WasiCtx& ctx, std::span<uint8_t>, const uint64_t* a) {
  FdLookup fd = lookup(ctx, a[0], r::kFdSync);
  if (!fd.fd) return fd.error;
  if (::fsync(fd.fd->host.get()) != 0) return last_error();
  return abi::kSuccess;
}

Result<uint32_t> call_fd_datasync(WasiCtx& ctx, std::span<uint8_t>, const uint64_t* a) {
  FdLookup fd = lookup(ctx, a[0], r::kFdDatasync);
  if (!fd.fd) return fd.error;
#ifdef __APPLE__
  const int done = ::fsync(fd.fd->host.get());
#else
  const int done = ::fdatasync(fd.fd->host.get());
#endif
  if (done != 0) return last_error();
  return abi::kSuccess;
}

Result<uint32_t> call_fd_advise(WasiCtx& ctx, std::span<uint8_t>, const uint64_t* a) {
  FdLookup fd = lookup(ctx, a[0], r::kFdAdvise);
  if (!fd.fd) return fd.error;
  const uint64_t advice = u32(a[3]);
  if (advice > 5) return abi::kInval;
  if (static_cast<int64_t>(a[1]) < 0 || static_cast<int64_t>(a[2]) < 0) return abi::kInval;
#if defined(__linux__)
  static constexpr int kHostAdvice[] = {POSIX_FADV_NORMAL,   POSIX_FADV_SEQUENTIAL,
                                        POSIX_FADV_RANDOM,   POSIX_FADV_WILLNEED,
                                        POSIX_FADV_DONTNEED, POSIX_FADV_NOREUSE};
  const int e = ::posix_fadvise(fd.fd->host.get(), static_cast<off_t>(a[1]),
                                static_cast<off_t>(a[2]), kHostAdvice[advice]);
  // Advice is only a hint: a descriptor that cannot take it (a pipe) is reported, others pass.
  if (e == ESPIPE) return abi::kSpipe;
#endif
  return abi::kSuccess;
}

Result<uint32_t> call_fd_allocate(WasiCtx& ctx, std::span<uint8_t>, const uint64_t* a) {
  FdLookup fd = lookup(ctx, a[0], r::kFdAllocate);
  if (!fd.fd) return fd.error;
  const auto offset = static_cast<int64_t>(a[1]), len = static_cast<int64_t>(a[2]);
  if (offset < 0 || len <= 0 || offset > std::numeric_limits<int64_t>::max() - len)
    return len == 0 ? abi::kInval : abi::kFbig;
  const int host = fd.fd->host.get();
#if defined(__linux__)
  const int e = ::posix_fallocate(host, static_cast<off_t>(offset), static_cast<off_t>(len));
  if (e == 0) return abi::kSuccess;
  if (e != EOPNOTSUPP && e != EINVAL) return errno_from_host(e);
#endif
  // No preallocation on this file system: growing the file is what the caller can observe.
  struct stat st;
  if (::fstat(host, &st) != 0) return last_error();
  if (!S_ISREG(st.st_mode)) return abi::kBadf;
  if (st.st_size < offset + len && ::ftruncate(host, static_cast<off_t>(offset + len)) != 0)
    return last_error();
  return abi::kSuccess;
}

Result<uint32_t> call_fd_prestat_get(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  FdLookup fd = lookup(ctx, a[0], 0);
  // wasi-libc scans upward from 3 until EBADF; any non-preopen answers EBADF.
  if (!fd.fd || !fd.fd->preopen_name) return abi::kBadf;
  GuestMemory guest(memory);
  const uint64_t ptr = u32(a[1]);
  if (!guest.fits(ptr, l::kPrestatSize)) return abi::kFault;
  uint8_t zero[l::kPrestatSize] = {};
  guest.write_bytes(ptr, zero, sizeof(zero));
  guest.write<uint8_t>(ptr, abi::kPreopentypeDir);
  guest.write<uint32_t>(ptr + 4, static_cast<uint32_t>(fd.fd->preopen_name->size()));
  return abi::kSuccess;
}

Result<uint32_t> call_fd_prestat_dir_name(WasiCtx& ctx, std::span<uint8_t> memory,
                                          const uint64_t* a) {
  FdLookup fd = lookup(ctx, a[0], 0);
  if (!fd.fd || !fd.fd->preopen_name) return abi::kBadf;
  const std::string& name = *fd.fd->preopen_name;
  const uint64_t ptr = u32(a[1]), len = u32(a[2]);
  if (len < name.size()) return abi::kNametoolong;
  if (!GuestMemory(memory).write_bytes(ptr, name.data(), name.size())) return abi::kFault;
  return abi::kSuccess;
}

}  // namespace weft::wasi
