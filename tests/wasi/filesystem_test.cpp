// Files and directories inside a preopened directory: open/create, read/write/seek, stat,
// truncate, readdir, rename, unlink, mkdir/rmdir, symlink/readlink, link, times, prestat.
#include <sys/stat.h>

#include <map>

#include "wasi_fixture.hpp"

namespace weft::wasi::test {
namespace {

using Filesystem = WasiTest;

constexpr uint64_t kReadWrite = kRightFdRead | kRightFdWrite | kRightFdSeek | kRightFdTell |
                                kRightFdFilestatGet | (1ull << 22) /* fd_filestat_set_size */ |
                                (1ull << 23) /* fd_filestat_set_times */ | (1ull << 8) |
                                (1ull << 0) | (1ull << 3) | (1ull << 4) | (1ull << 7);

TEST_F(Filesystem, PreopenIsDescribedByPrestat) {
  start();
  const uint32_t prestat = alloc(8);
  ASSERT_EQ(call("fd_prestat_get", {3, prestat}), kSuccess);
  EXPECT_EQ(mem()[prestat], 0);
  EXPECT_EQ(u32_at(prestat + 4), 8u);
  const uint32_t name = alloc(8);
  ASSERT_EQ(call("fd_prestat_dir_name", {3, name, 8}), kSuccess);
  EXPECT_EQ(str_at(name, 8), "/sandbox");
  EXPECT_EQ(call("fd_prestat_dir_name", {3, name, 7}), kNametoolong);
  EXPECT_EQ(call("fd_prestat_get", {1, prestat}), kBadf);
  EXPECT_EQ(call("fd_prestat_get", {4, prestat}), kBadf);
  EXPECT_EQ(call("fd_prestat_get", {3, kMemorySize - 4}), kFault);
  EXPECT_EQ(call("fd_prestat_dir_name", {3, kMemorySize - 4, 8}), kFault);
}

TEST_F(Filesystem, CreateWriteSeekReadStatTruncate) {
  start();
  uint32_t fd = 0;
  ASSERT_EQ(open(3, "file.txt", kOflagCreat | kOflagExcl, kReadWrite, fd), kSuccess);
  EXPECT_GE(fd, 4u);
  ASSERT_EQ(write(fd, "hello world"), kSuccess);
  EXPECT_EQ(read_file(root_ / "file.txt"), "hello world");

  const uint32_t pos = alloc(8);
  ASSERT_EQ(call("fd_tell", {fd, pos}), kSuccess);
  EXPECT_EQ(u64_at(pos), 11u);
  ASSERT_EQ(call("fd_seek", {fd, static_cast<uint64_t>(-5), 1, pos}), kSuccess);
  EXPECT_EQ(u64_at(pos), 6u);
  EXPECT_EQ(read(fd, 100), "world");
  ASSERT_EQ(call("fd_seek", {fd, 0, 0, pos}), kSuccess);
  EXPECT_EQ(read(fd, 5), "hello");
  ASSERT_EQ(call("fd_seek", {fd, 2, 2, pos}), kSuccess);
  EXPECT_EQ(u64_at(pos), 13u);
  EXPECT_EQ(call("fd_seek", {fd, 0, 3, pos}), kInval);
  EXPECT_EQ(call("fd_seek", {fd, static_cast<uint64_t>(-100), 0, pos}), kInval);

  const uint32_t stat = alloc(64);
  ASSERT_EQ(call("fd_filestat_get", {fd, stat}), kSuccess);
  EXPECT_EQ(mem()[stat + 16], 4);     // regular file
  EXPECT_EQ(u64_at(stat + 32), 11u);  // size
  EXPECT_EQ(u64_at(stat + 24), 1u);   // nlink
  struct stat host;
  ASSERT_EQ(::stat((root_ / "file.txt").c_str(), &host), 0);
  EXPECT_EQ(u64_at(stat + 8), static_cast<uint64_t>(host.st_ino));

  ASSERT_EQ(call("fd_filestat_set_size", {fd, 4}), kSuccess);
  EXPECT_EQ(read_file(root_ / "file.txt"), "hell");
  ASSERT_EQ(call("fd_filestat_set_size", {fd, 6}), kSuccess);
  EXPECT_EQ(read_file(root_ / "file.txt"), std::string("hell\0\0", 6));

  // Positioned I/O leaves the position alone.
  ASSERT_EQ(call("fd_seek", {fd, 1, 0, pos}), kSuccess);
  const uint32_t vec = iovec("XY"), n = alloc(4);
  ASSERT_EQ(call("fd_pwrite", {fd, vec, 1, 4, n}), kSuccess);
  EXPECT_EQ(u32_at(n), 2u);
  const uint32_t in = iovec("", 3);
  ASSERT_EQ(call("fd_pread", {fd, in, 1, 3, n}), kSuccess);
  EXPECT_EQ(str_at(u32_at(in), u32_at(n)), "lXY");
  ASSERT_EQ(call("fd_tell", {fd, pos}), kSuccess);
  EXPECT_EQ(u64_at(pos), 1u);

  ASSERT_EQ(call("fd_sync", {fd}), kSuccess);
  ASSERT_EQ(call("fd_datasync", {fd}), kSuccess);
  ASSERT_EQ(call("fd_advise", {fd, 0, 0, 2}), kSuccess);
  EXPECT_EQ(call("fd_advise", {fd, 0, 0, 6}), kInval);
  ASSERT_EQ(call("fd_allocate", {fd, 0, 100}), kSuccess);
  ASSERT_EQ(call("fd_filestat_get", {fd, stat}), kSuccess);
  EXPECT_EQ(u64_at(stat + 32), 100u);

  ASSERT_EQ(call("fd_close", {fd}), kSuccess);
  EXPECT_EQ(call("fd_close", {fd}), kBadf);
  EXPECT_EQ(write(fd, "x"), kBadf);
}

TEST_F(Filesystem, OpenFlagsBehaveAsSpecified) {
  write_file(root_ / "f", "contents");
  std::filesystem::create_directory(root_ / "d");
  start();
  uint32_t fd = 0;
  EXPECT_EQ(open(3, "f", kOflagCreat | kOflagExcl, kReadWrite, fd), kExist);
  EXPECT_EQ(open(3, "missing", 0, kReadWrite, fd), kNoent);
  EXPECT_EQ(open(3, "f", kOflagDirectory, kRightFdRead, fd), kNotdir);
  EXPECT_EQ(open(3, "f/", 0, kRightFdRead, fd), kNotdir);
  EXPECT_EQ(open(3, "d", 0, kRightFdWrite, fd), kIsdir);
  ASSERT_EQ(open(3, "f", kOflagTrunc, kReadWrite, fd), kSuccess);
  EXPECT_EQ(read_file(root_ / "f"), "");
  ASSERT_EQ(write(fd, "abc"), kSuccess);
  uint32_t append = 0;
  ASSERT_EQ(open(3, "f", 0, kReadWrite, append, kFollow, /*fdflags=append*/ 1), kSuccess);
  ASSERT_EQ(write(append, "def"), kSuccess);
  EXPECT_EQ(read_file(root_ / "f"), "abcdef");
  const uint32_t stat = alloc(24);
  ASSERT_EQ(call("fd_fdstat_get", {append, stat}), kSuccess);
  EXPECT_EQ(mem()[stat], 4);
  EXPECT_EQ(u16_at(stat + 2), 1u);  // append
  ASSERT_EQ(call("fd_fdstat_set_flags", {append, 0}), kSuccess);
  ASSERT_EQ(call("fd_fdstat_get", {append, stat}), kSuccess);
  EXPECT_EQ(u16_at(stat + 2), 0u);
  EXPECT_EQ(call("fd_fdstat_set_flags", {append, 2}), kNotsup);
  EXPECT_EQ(call("fd_fdstat_set_flags", {append, 64}), kInval);

  uint32_t dir = 0;
  ASSERT_EQ(open(3, "d", kOflagDirectory, kRightFdReaddir | kRightPathOpen, dir), kSuccess);
  ASSERT_EQ(call("fd_fdstat_get", {dir, stat}), kSuccess);
  EXPECT_EQ(mem()[stat], 3);  // directory
  EXPECT_EQ(call("path_open", {3, 0, put("x"), 1, 16, 0, 0, 0, alloc(4)}), kInval);
}

TEST_F(Filesystem, ReaddirListsEntriesWithCookiesAndTruncates) {
  std::filesystem::create_directory(root_ / "dir");
  write_file(root_ / "dir" / "alpha", "");
  std::filesystem::create_directory(root_ / "dir" / "beta");
  std::filesystem::create_symlink("alpha", root_ / "dir" / "gamma");
  start();
  uint32_t dir = 0;
  ASSERT_EQ(open(3, "dir", kOflagDirectory, kRightFdReaddir, dir), kSuccess);

  auto list = [&](uint64_t cookie, uint32_t size, uint32_t& used) {
    const uint32_t buf = alloc(size), out = alloc(4);
    EXPECT_EQ(call("fd_readdir", {dir, buf, size, cookie, out}), kSuccess);
    used = u32_at(out);
    return buf;
  };
  uint32_t used = 0;
  const uint32_t buf = list(0, 4096, used);
  std::map<std::string, uint8_t> entries;
  std::vector<uint64_t> cookies;
  for (uint32_t at = buf; at < buf + used;) {
    const uint32_t namlen = u32_at(at + 16);
    entries[str_at(at + 24, namlen)] = mem()[at + 20];
    cookies.push_back(u64_at(at));
    at += 24 + namlen;
  }
  ASSERT_EQ(entries.size(), 5u);
  EXPECT_EQ(entries["."], 3);
  EXPECT_EQ(entries[".."], 3);
  EXPECT_EQ(entries["alpha"], 4);
  EXPECT_EQ(entries["beta"], 3);
  EXPECT_EQ(entries["gamma"], 7);
  EXPECT_EQ(cookies.back(), 5u);

  // Resuming from the third entry's cookie gives the last three; a short buffer is filled
  // exactly, the last entry cut off.
  uint32_t rest_used = 0;
  list(cookies[1], 4096, rest_used);
  EXPECT_EQ(rest_used,
            used - (24 + u32_at(buf + 16)) - (24 + u32_at(buf + 24 + u32_at(buf + 16) + 16)));
  uint32_t short_used = 0;
  list(0, 30, short_used);
  EXPECT_EQ(short_used, 30u);
  uint32_t end_used = 0;
  list(5, 4096, end_used);
  EXPECT_EQ(end_used, 0u);
  list(100, 4096, end_used);
  EXPECT_EQ(end_used, 0u);
  EXPECT_EQ(call("fd_readdir", {dir, kMemorySize - 10, 20, 0, alloc(4)}), kFault);
  uint32_t file = 0;
  write_file(root_ / "plain", "");
  ASSERT_EQ(open(3, "plain", 0, kRightFdRead, file), kSuccess);
  EXPECT_EQ(call("fd_readdir", {file, alloc(64), 64, 0, alloc(4)}), kNotcapable);
}

TEST_F(Filesystem, DirectoriesAreMadeAndRemoved) {
  start();
  ASSERT_EQ(path_call("path_create_directory", "a"), kSuccess);
  ASSERT_EQ(path_call("path_create_directory", "a/b/"), kSuccess);
  EXPECT_TRUE(std::filesystem::is_directory(root_ / "a" / "b"));
  EXPECT_EQ(path_call("path_create_directory", "a"), kExist);
  EXPECT_EQ(path_call("path_create_directory", "x/y"), kNoent);
  EXPECT_EQ(path_call("path_remove_directory", "a"), kNotempty);
  write_file(root_ / "a" / "file", "");
  EXPECT_EQ(path_call("path_remove_directory", "a/file"), kNotdir);
  EXPECT_EQ(path_call("path_unlink_file", "a/b"), kIsdir);
  EXPECT_EQ(path_call("path_unlink_file", "a/file/"), kNotdir);
  ASSERT_EQ(path_call("path_unlink_file", "a/file"), kSuccess);
  ASSERT_EQ(path_call("path_remove_directory", "a/b"), kSuccess);
  ASSERT_EQ(path_call("path_remove_directory", "a/"), kSuccess);
  EXPECT_FALSE(std::filesystem::exists(root_ / "a"));
  EXPECT_EQ(path_call("path_unlink_file", "a"), kNoent);
  EXPECT_EQ(path_call("path_create_directory", ""), kNoent);
}

TEST_F(Filesystem, RenameAndHardLink) {
  write_file(root_ / "one", "1");
  std::filesystem::create_directory(root_ / "sub");
  start();
  auto two_paths = [&](const char* name, std::string_view from, std::string_view to) {
    const uint32_t f = put(from), t = put(to);
    if (std::string_view(name) == "path_link")
      return call(name, {3, 0, f, from.size(), 3, t, to.size()});
    return call(name, {3, f, from.size(), 3, t, to.size()});
  };
  ASSERT_EQ(two_paths("path_rename", "one", "sub/two"), kSuccess);
  EXPECT_EQ(read_file(root_ / "sub" / "two"), "1");
  EXPECT_EQ(two_paths("path_rename", "one", "three"), kNoent);
  EXPECT_EQ(two_paths("path_rename", "sub/two", "four/"), kNotdir);
  ASSERT_EQ(two_paths("path_link", "sub/two", "linked"), kSuccess);
  struct stat st;
  ASSERT_EQ(::stat((root_ / "linked").c_str(), &st), 0);
  EXPECT_EQ(st.st_nlink, 2u);
  EXPECT_EQ(two_paths("path_link", "sub/two", "linked"), kExist);
  EXPECT_EQ(two_paths("path_link", "sub/missing", "x"), kNoent);
  const uint32_t stat = alloc(64);
  ASSERT_EQ(call("path_filestat_get", {3, 0, put("linked"), 6, stat}), kSuccess);
  EXPECT_EQ(u64_at(stat + 24), 2u);
}

TEST_F(Filesystem, SymlinksAreMadeReadAndFollowedInside) {
  std::filesystem::create_directory(root_ / "d");
  write_file(root_ / "d" / "target", "inside");
  start();
  const uint32_t target = put("d/target"), link = put("link");
  ASSERT_EQ(call("path_symlink", {target, 8, 3, link, 4}), kSuccess);
  EXPECT_EQ(std::filesystem::read_symlink(root_ / "link"), "d/target");
  EXPECT_EQ(call("path_symlink", {target, 8, 3, link, 4}), kExist);

  const uint32_t buf = alloc(64), used = alloc(4);
  ASSERT_EQ(call("path_readlink", {3, link, 4, buf, 64, used}), kSuccess);
  EXPECT_EQ(str_at(buf, u32_at(used)), "d/target");
  ASSERT_EQ(call("path_readlink", {3, link, 4, buf, 3, used}), kSuccess);
  EXPECT_EQ(str_at(buf, u32_at(used)), "d/t");
  EXPECT_EQ(call("path_readlink", {3, put("d/target"), 8, buf, 64, used}), kInval);
  EXPECT_EQ(call("path_readlink", {3, link, 4, kMemorySize - 2, 64, used}), kFault);

  uint32_t fd = 0;
  ASSERT_EQ(open(3, "link", 0, kRightFdRead, fd), kSuccess);
  EXPECT_EQ(read(fd, 64), "inside");
  EXPECT_EQ(open(3, "link", 0, kRightFdRead, fd, /*lookup=*/0), kLoop);

  // A link to a directory works as an intermediate component, and ".." inside the link
  // target is fine while it stays beneath the root.
  std::filesystem::create_directory_symlink("d", root_ / "dlink");
  std::filesystem::create_symlink("../d/target", root_ / "d" / "up");
  ASSERT_EQ(open(3, "dlink/up", 0, kRightFdRead, fd), kSuccess);
  EXPECT_EQ(read(fd, 64), "inside");

  const uint32_t stat = alloc(64);
  ASSERT_EQ(call("path_filestat_get", {3, 0, link, 4, stat}), kSuccess);
  EXPECT_EQ(mem()[stat + 16], 7);  // the link itself
  ASSERT_EQ(call("path_filestat_get", {3, kFollow, link, 4, stat}), kSuccess);
  EXPECT_EQ(mem()[stat + 16], 4);
  EXPECT_EQ(u64_at(stat + 32), 6u);

  // A dangling link followed with O_CREAT creates its target, inside.
  const uint32_t dangling = put("new-target"), name = put("dangling");
  ASSERT_EQ(call("path_symlink", {dangling, 10, 3, name, 8}), kSuccess);
  ASSERT_EQ(open(3, "dangling", kOflagCreat, kReadWrite, fd), kSuccess);
  EXPECT_TRUE(std::filesystem::exists(root_ / "new-target"));

  // Loops end with ELOOP.
  std::filesystem::create_symlink("loop2", root_ / "loop1");
  std::filesystem::create_symlink("loop1", root_ / "loop2");
  EXPECT_EQ(open_errno("loop1"), kLoop);
  EXPECT_EQ(open_errno("loop1/x"), kLoop);
  ASSERT_EQ(path_call("path_unlink_file", "loop1"), kSuccess);
  EXPECT_TRUE(std::filesystem::is_symlink(std::filesystem::symlink_status(root_ / "loop2")));
}

TEST_F(Filesystem, TimesAreSet) {
  write_file(root_ / "f", "x");
  start();
  const uint32_t path = put("f"), stat = alloc(64);
  ASSERT_EQ(call("path_filestat_set_times",
                 {3, 0, path, 1, 1000000000ull * 1000, 1000000000ull * 2000, 1 | 4}),
            kSuccess);
  ASSERT_EQ(call("path_filestat_get", {3, 0, path, 1, stat}), kSuccess);
  EXPECT_EQ(u64_at(stat + 40), 1000000000ull * 1000);
  EXPECT_EQ(u64_at(stat + 48), 1000000000ull * 2000);
  EXPECT_EQ(call("path_filestat_set_times", {3, 0, path, 1, 0, 0, 1 | 2}), kInval);
  uint32_t fd = 0;
  ASSERT_EQ(open(3, "f", 0, kReadWrite, fd), kSuccess);
  ASSERT_EQ(call("fd_filestat_set_times", {fd, 0, 5000, 4}), kSuccess);
  ASSERT_EQ(call("fd_filestat_get", {fd, stat}), kSuccess);
  EXPECT_EQ(u64_at(stat + 48), 5000u);
  EXPECT_EQ(u64_at(stat + 40), 1000000000ull * 1000);
  ASSERT_EQ(call("fd_filestat_set_times", {fd, 0, 0, 8}), kSuccess);
  ASSERT_EQ(call("fd_filestat_get", {fd, stat}), kSuccess);
  EXPECT_GT(u64_at(stat + 48), 1000000000ull * 1000000);
  EXPECT_EQ(call("fd_filestat_set_times", {fd, 0, 0, 16}), kInval);
}

TEST_F(Filesystem, RenumberMovesADescriptor) {
  write_file(root_ / "f", "data");
  start();
  uint32_t a = 0, b = 0;
  ASSERT_EQ(open(3, "f", 0, kRightFdRead, a), kSuccess);
  ASSERT_EQ(open(3, "f", 0, kRightFdRead, b), kSuccess);
  ASSERT_EQ(call("fd_renumber", {a, b}), kSuccess);
  EXPECT_EQ(read(b, 2), "da");
  EXPECT_EQ(call("fd_close", {a}), kBadf);
  EXPECT_EQ(call("fd_renumber", {b, 99}), kBadf);
  EXPECT_EQ(call("fd_renumber", {99, b}), kBadf);
  ASSERT_EQ(call("fd_renumber", {b, b}), kSuccess);
  EXPECT_EQ(read(b, 2), "ta");
  // The lowest free number is reused.
  uint32_t c = 0;
  ASSERT_EQ(open(3, "f", 0, kRightFdRead, c), kSuccess);
  EXPECT_EQ(c, a);
}

}  // namespace
}  // namespace weft::wasi::test
