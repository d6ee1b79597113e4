// The sandbox: resolves a guest path beneath a directory descriptor without ever leaving it.
//
// weft walks the path itself, one component at a time, opening each directory with
// O_NOFOLLOW | O_DIRECTORY relative to the previous one and expanding symbolic links itself
// (readlinkat), so the kernel never follows a link or a ".." on the guest's behalf. A depth counter
// makes ".." at the starting directory fail with ENOTCAPABLE; absolute paths and links with
// absolute targets fail the same way; more than kMaxSymlinks expansions fail with ELOOP. The
// final component is returned unresolved (unless the caller asks to follow a link there) so
// the operation itself can use a no-follow *at() call on it: nothing swapped in between the
// check and the use can lead outside.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "wasi/state.hpp"

namespace weft::wasi {

inline constexpr int kMaxSymlinks = 40;
inline constexpr size_t kMaxPathBytes = 65536;

struct ResolvedPath {
  HostFd owned;      // the parent directory, when the resolver had to open it
  int dir = -1;      // the directory `name` is relative to (owned, or the base descriptor)
  std::string name;  // one component without '/'; "." when the path names `dir` itself
  bool trailing_slash = false;  // the path ended in '/': the final object must be a directory
};

// Resolves `path` beneath `base_fd`. With `follow_final`, a symbolic link in the last component
// is expanded too (still beneath `base_fd`). Returns a WASI errno.
uint16_t resolve_path(int base_fd, std::string_view path, bool follow_final, ResolvedPath& out);

// ENOTDIR when `path` ended in '/' but names an existing non-directory (a link included).
uint16_t check_trailing_slash(const ResolvedPath& path);

// Checks a guest string used as a path or link target: no NUL, valid UTF-8, bounded length.
uint16_t check_path_text(std::string_view path);

}  // namespace weft::wasi
