// Operations on paths beneath a directory descriptor: path_open, path_create_directory,
// path_remove_directory, path_unlink_file, path_rename, path_link, path_symlink, path_readlink,
// path_filestat_get, path_filestat_set_times. Every path goes through resolve_path (the sandbox);
// the final step is always a *at() call that does not follow a link in the last component.
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "wasi/call_support.hpp"
#include "wasi/calls.hpp"
#include "wasi/filestat.hpp"
#include "wasi/path_resolver.hpp"

namespace weft::wasi {

namespace r = abi::rights;

namespace {

// The descriptor `fd_arg` (with `rights`), the guest path at (ptr, len) resolved beneath it.
uint16_t resolve_guest_path(WasiCtx& ctx, GuestMemory memory, uint64_t fd_arg, uint64_t rights,
                            uint64_t ptr, uint64_t len, bool follow, ResolvedPath& out,
                            Descriptor** descriptor = nullptr) {
  FdLookup fd = lookup(ctx, fd_arg, rights);
  if (!fd.fd) return fd.error;
  if (descriptor != nullptr) *descriptor = fd.fd;
  std::string path;
  if (!memory.read_string(ptr, len, path)) return abi::kFault;
  return resolve_path(fd.fd->host.get(), path, follow, out);
}

// For the calls whose first arguments are (fd, path_ptr, path_len) and that act on the final
// component itself: the path resolved without following a link there.
uint16_t resolve_leading_path(WasiCtx& ctx, GuestMemory memory, const uint64_t* a, uint64_t rights,
                              ResolvedPath& out) {
  return resolve_guest_path(ctx, memory, a[0], rights, u32(a[1]), u32(a[2]), false, out);
}

bool exists(const ResolvedPath& p) {
  struct stat st;
  return ::fstatat(p.dir, p.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0;
}

bool is_directory(const ResolvedPath& p) {
  struct stat st;
  return ::fstatat(p.dir, p.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
}

// A name to be created may not end in '/' unless a directory is what gets created.
uint16_t new_name_without_slash(const ResolvedPath& p) {
  if (!p.trailing_slash) return abi::kSuccess;
  return exists(p) ? abi::kExist : abi::kNoent;
}

}  // namespace

Result<uint32_t> call_path_open(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  const uint64_t dirflags = u32(a[1]), oflags = u32(a[4]), fdflags = u32(a[7]);
  const uint64_t base = a[5], inheriting = a[6], fd_ptr = u32(a[8]);
  uint64_t needed = r::kPathOpen;
  if (oflags & abi::kOflagCreat) needed |= r::kPathCreateFile;
  if (oflags & abi::kOflagTrunc) needed |= r::kPathFilestatSetSize;
  FdLookup dir = lookup(ctx, a[0], needed);
  if (!dir.fd) return dir.error;
  if ((oflags & ~uint64_t{abi::kOflagsAll}) != 0 || (fdflags & ~uint64_t{abi::kFdflagsAll}) != 0)
    return abi::kInval;
  // A descriptor opened here gets at most what its directory may hand down. Bits no WASI right
  // uses are ignored: some toolchains ask for ~0.
  if (((base | inheriting) & r::kAll & ~dir.fd->rights_inheriting) != 0) return abi::kNotcapable;
  if ((fdflags & abi::kFdflagDsync) && !(base & r::kFdDatasync)) return abi::kNotcapable;
  if ((fdflags & (abi::kFdflagSync | abi::kFdflagRsync)) && !(base & r::kFdSync))
    return abi::kNotcapable;
  GuestMemory guest(memory);
  if (!guest.fits(fd_ptr, 4)) return abi::kFault;

  ResolvedPath path;
  if (uint16_t e = resolve_guest_path(ctx, guest, a[0], needed, u32(a[2]), u32(a[3]),
                                      dirflags & abi::kLookupSymlinkFollow, path))
    return e;

  int flags = O_CLOEXEC | O_NOFOLLOW | O_NOCTTY;
  const bool want_directory = (oflags & abi::kOflagDirectory) || path.trailing_slash;
  if (want_directory) flags |= O_DIRECTORY;
  if (oflags & abi::kOflagCreat) flags |= O_CREAT;
  if (oflags & abi::kOflagExcl) flags |= O_EXCL;
  if (oflags & abi::kOflagTrunc) flags |= O_TRUNC;
  const bool read = base & (r::kFdRead | r::kFdReaddir);
  const bool write = base & (r::kFdWrite | r::kFdAllocate | r::kFdFilestatSetSize);
  if (want_directory || !write)
    flags |= O_RDONLY;
  else
    flags |= read ? O_RDWR : O_WRONLY;
  if (fdflags & abi::kFdflagAppend) flags |= O_APPEND;
  if (fdflags & abi::kFdflagNonblock) flags |= O_NONBLOCK;
#ifdef O_DSYNC
  if (fdflags & abi::kFdflagDsync) flags |= O_DSYNC;
#endif
  if (fdflags & (abi::kFdflagSync | abi::kFdflagRsync)) flags |= O_SYNC;

  HostFd opened(::openat(path.dir, path.name.c_str(), flags, 0666));
  if (!opened) return last_error();
  auto descriptor = std::make_unique<Descriptor>();
  descriptor->filetype = filetype_of(opened.get());
  descriptor->rights_base = base & rights_for_filetype(descriptor->filetype);
  descriptor->rights_inheriting = inheriting & dir.fd->rights_inheriting;
  descriptor->host = std::move(opened);
  std::optional<uint32_t> number = ctx.state().insert(std::move(descriptor));
  if (!number) return abi::kNfile;
  guest.write<uint32_t>(fd_ptr, *number);
  return abi::kSuccess;
}

Result<uint32_t> call_path_create_directory(WasiCtx& ctx, std::span<uint8_t> memory,
                                            const uint64_t* a) {
  ResolvedPath path;
  if (uint16_t e = resolve_leading_path(ctx, GuestMemory(memory), a, r::kPathCreateDirectory, path))
    return e;
  if (::mkdirat(path.dir, path.name.c_str(), 0777) != 0) return last_error();
  return abi::kSuccess;
}

Result<uint32_t> call_path_remove_directory(WasiCtx& ctx, std::span<uint8_t> memory,
                                            const uint64_t* a) {
  ResolvedPath path;
  if (uint16_t e = resolve_leading_path(ctx, GuestMemory(memory), a, r::kPathRemoveDirectory, path))
    return e;
  if (::unlinkat(path.dir, path.name.c_str(), AT_REMOVEDIR) != 0) {
    // Some systems say EEXIST for a directory that is not empty; WASI programs expect ENOTEMPTY.
    return errno == EEXIST ? uint16_t{abi::kNotempty} : last_error();
  }
  return abi::kSuccess;
}

Result<uint32_t> call_path_unlink_file(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  ResolvedPath path;
  if (uint16_t e = resolve_leading_path(ctx, GuestMemory(memory), a, r::kPathUnlinkFile, path))
    return e;
  if (uint16_t e = check_trailing_slash(path)) return e;
  if (::unlinkat(path.dir, path.name.c_str(), 0) != 0) {
    // POSIX allows EPERM for a directory; say what it is.
    const int why = errno;
    return why == EPERM && is_directory(path) ? uint16_t{abi::kIsdir} : errno_from_host(why);
  }
  return abi::kSuccess;
}

Result<uint32_t> call_path_rename(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  GuestMemory guest(memory);
  ResolvedPath from, to;
  if (uint16_t e = resolve_guest_path(ctx, guest, a[0], r::kPathRenameSource, u32(a[1]), u32(a[2]),
                                      false, from))
    return e;
  if (uint16_t e = resolve_guest_path(ctx, guest, a[3], r::kPathRenameTarget, u32(a[4]), u32(a[5]),
                                      false, to))
    return e;
  if (uint16_t e = check_trailing_slash(from)) return e;
  if (to.trailing_slash && exists(from) && !is_directory(from)) return abi::kNotdir;
  if (::renameat(from.dir, from.name.c_str(), to.dir, to.name.c_str()) != 0) return last_error();
  return abi::kSuccess;
}

Result<uint32_t> call_path_link(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  GuestMemory guest(memory);
  ResolvedPath from, to;
  if (uint16_t e = resolve_guest_path(ctx, guest, a[0], r::kPathLinkSource, u32(a[2]), u32(a[3]),
                                      u32(a[1]) & abi::kLookupSymlinkFollow, from))
    return e;
  if (uint16_t e =
          resolve_guest_path(ctx, guest, a[4], r::kPathLinkTarget, u32(a[5]), u32(a[6]), false, to))
    return e;
  if (uint16_t e = check_trailing_slash(from)) return e;
  if (uint16_t e = new_name_without_slash(to)) return e;
  if (::linkat(from.dir, from.name.c_str(), to.dir, to.name.c_str(), 0) != 0) return last_error();
  return abi::kSuccess;
}

Result<uint32_t> call_path_symlink(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  GuestMemory guest(memory);
  std::string target;
  if (!guest.read_string(u32(a[0]), u32(a[1]), target)) return abi::kFault;
  ResolvedPath link;
  if (uint16_t e =
          resolve_guest_path(ctx, guest, a[2], r::kPathSymlink, u32(a[3]), u32(a[4]), false, link))
    return e;
  if (uint16_t e = check_path_text(target)) return e;
  if (target.empty()) return abi::kNoent;
  // A link the program makes could only ever be followed by weft's resolver, which refuses
  // an absolute target anyway; refusing it here too tells the program early.
  if (target.front() == '/') return abi::kNotcapable;
  if (uint16_t e = new_name_without_slash(link)) return e;
  if (::symlinkat(target.c_str(), link.dir, link.name.c_str()) != 0) return last_error();
  return abi::kSuccess;
}

Result<uint32_t> call_path_readlink(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  GuestMemory guest(memory);
  const uint64_t buf = u32(a[3]), buf_len = u32(a[4]), used_ptr = u32(a[5]);
  ResolvedPath path;
  if (uint16_t e = resolve_leading_path(ctx, guest, a, r::kPathReadlink, path)) return e;
  if (!guest.fits(buf, buf_len) || !guest.fits(used_ptr, 4)) return abi::kFault;
  std::vector<char> target(PATH_MAX + 1);
  const ssize_t n = ::readlinkat(path.dir, path.name.c_str(), target.data(), target.size());
  if (n < 0) return last_error();
  if (static_cast<size_t>(n) >= target.size()) return abi::kNametoolong;
  // Like readlink(2): a short buffer gets the start of the target.
  const uint64_t copied = std::min<uint64_t>(static_cast<uint64_t>(n), buf_len);
  guest.write_bytes(buf, target.data(), static_cast<size_t>(copied));
  guest.write<uint32_t>(used_ptr, static_cast<uint32_t>(copied));
  return abi::kSuccess;
}

Result<uint32_t> call_path_filestat_get(WasiCtx& ctx, std::span<uint8_t> memory,
                                        const uint64_t* a) {
  GuestMemory guest(memory);
  ResolvedPath path;
  if (uint16_t e = resolve_guest_path(ctx, guest, a[0], r::kPathFilestatGet, u32(a[2]), u32(a[3]),
                                      u32(a[1]) & abi::kLookupSymlinkFollow, path))
    return e;
  struct stat st;
  if (::fstatat(path.dir, path.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return last_error();
  if (path.trailing_slash && !S_ISDIR(st.st_mode)) return abi::kNotdir;
  if (!write_filestat(guest, u32(a[4]), st, filetype_for_stat(st))) return abi::kFault;
  return abi::kSuccess;
}

Result<uint32_t> call_path_filestat_set_times(WasiCtx& ctx, std::span<uint8_t> memory,
                                              const uint64_t* a) {
  GuestMemory guest(memory);
  ResolvedPath path;
  if (uint16_t e = resolve_guest_path(ctx, guest, a[0], r::kPathFilestatSetTimes, u32(a[2]),
                                      u32(a[3]), u32(a[1]) & abi::kLookupSymlinkFollow, path))
    return e;
  timespec times[2];
  if (uint16_t e = times_from_flags(a[4], a[5], u32(a[6]), times)) return e;
  if (uint16_t e = check_trailing_slash(path)) return e;
  if (::utimensat(path.dir, path.name.c_str(), times, AT_SYMLINK_NOFOLLOW) != 0)
    return last_error();
  return abi::kSuccess;
}

}  // namespace weft::wasi
