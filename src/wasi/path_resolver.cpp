// See path_resolver.hpp for the rules this enforces.
#include "wasi/path_resolver.hpp"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

#include "wasi/call_support.hpp"

namespace weft::wasi {

namespace {

#ifdef O_PATH
// Walking needs only search permission on each directory, not read permission.
constexpr int kWalkFlags = O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
#else
constexpr int kWalkFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
#endif

bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<uint8_t>(s[i]);
    size_t extra;
    uint32_t min;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xe0) == 0xc0) {
      extra = 1, min = 0x80, cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      extra = 2, min = 0x800, cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      extra = 3, min = 0x10000, cp = c & 0x07;
    } else {
      return false;
    }
    if (s.size() - i <= extra) return false;
    for (size_t k = 1; k <= extra; ++k) {
      const auto cc = static_cast<uint8_t>(s[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += extra + 1;
  }
  return true;
}

// Pushes the components of `path` so that the first ends up on top of `stack`.
void push_components(std::string_view path, std::vector<std::string>& stack) {
  size_t end = path.size();
  while (end > 0) {
    size_t start = path.rfind('/', end - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    if (end > start) {
      std::string_view component = path.substr(start, end - start);
      if (component != ".") stack.emplace_back(component);
    }
    if (start == 0) break;
    end = start - 1;
  }
}

}  // namespace

uint16_t check_path_text(std::string_view path) {
  if (path.size() > kMaxPathBytes) return abi::kNametoolong;
  if (path.find('\0') != std::string_view::npos) return abi::kInval;
  if (!valid_utf8(path)) return abi::kIlseq;
  return abi::kSuccess;
}

uint16_t resolve_path(int base_fd, std::string_view path, bool follow_final, ResolvedPath& out) {
  if (uint16_t e = check_path_text(path)) return e;
  if (path.empty()) return abi::kNoent;
  if (path.front() == '/') return abi::kNotcapable;

  std::vector<std::string> pending;  // the next component on top
  push_components(path, pending);
  bool trailing_slash = path.back() == '/';
  std::vector<HostFd> opened;  // one per level below base_fd: the depth is opened.size()
  int symlinks = 0;
  std::string name = ".";

  auto current = [&] { return opened.empty() ? base_fd : opened.back().get(); };
  std::vector<char> link(PATH_MAX + 1);

  while (!pending.empty()) {
    std::string component = std::move(pending.back());
    pending.pop_back();
    if (component == "..") {
      if (opened.empty()) return abi::kNotcapable;
      opened.pop_back();
      name = ".";
      continue;
    }
    const bool last = pending.empty();
    if (last && !follow_final) {
      name = std::move(component);
      break;
    }
    const ssize_t n = ::readlinkat(current(), component.c_str(), link.data(), link.size());
    if (n >= 0) {
      if (static_cast<size_t>(n) >= link.size()) return abi::kNametoolong;
      if (++symlinks > kMaxSymlinks) return abi::kLoop;
      std::string_view target(link.data(), static_cast<size_t>(n));
      if (target.empty()) return abi::kNoent;
      if (target.front() == '/') return abi::kNotcapable;
      if (last && target.back() == '/') trailing_slash = true;
      push_components(target, pending);
      name = ".";
      continue;
    }
    const int why = errno;
    if (last) {  // not a link (or absent): the operation decides what to do with it
      name = std::move(component);
      break;
    }
    if (why != EINVAL) return errno_from_host(why);  // ENOENT, ENOTDIR, EACCES, ...
    HostFd next(::openat(current(), component.c_str(), kWalkFlags));
    if (!next) return last_error();  // ELOOP if it became a link meanwhile: refused, not followed
    opened.push_back(std::move(next));
    name = ".";
  }

  if (!opened.empty()) out.owned = std::move(opened.back());
  out.dir = out.owned ? out.owned.get() : base_fd;
  out.name = std::move(name);
  out.trailing_slash = trailing_slash;
  return abi::kSuccess;
}

uint16_t check_trailing_slash(const ResolvedPath& path) {
  if (!path.trailing_slash) return abi::kSuccess;
  struct stat st;
  if (::fstatat(path.dir, path.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return abi::kSuccess;
  return S_ISDIR(st.st_mode) ? abi::kSuccess : abi::kNotdir;
}

}  // namespace weft::wasi
