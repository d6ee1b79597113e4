// The sandbox: a program reaches nothing outside its preopened directories, whatever path,
// link or rename it tries, and a descriptor does only what its rights allow. Every refusal is
// checked for its exact errno, and that nothing outside changed.
#include <sys/stat.h>

#include "wasi_fixture.hpp"

namespace weft::wasi::test {
namespace {

class Sandbox : public WasiTest {
 protected:
  void SetUp() override {
    WasiTest::SetUp();
    namespace fs = std::filesystem;
    fs::create_directories(root_ / "sub" / "inner");
    write_file(root_ / "file", "inside");
    fs::create_symlink(outside_ / "secret", root_ / "abs");
    fs::create_directory_symlink(outside_, root_ / "absdir");
    fs::create_symlink("../outside/secret", root_ / "rel_escape");
    fs::create_directory_symlink("../outside", root_ / "rel_escape_dir");
    fs::create_symlink("../../outside/secret", root_ / "sub" / "deep_escape");
    fs::create_symlink("chain2", root_ / "chain1");
    fs::create_symlink("sub/chain3", root_ / "chain2");
    fs::create_symlink("../rel_escape", root_ / "sub" / "chain3");
    fs::create_directory_symlink("..", root_ / "dotdot");
    fs::create_directory_symlink("../sub/../..", root_ / "sub" / "updown");
    fs::create_symlink("../file", root_ / "sub" / "to_parent_file");
    start();
  }

  void expect_outside_untouched() {
    EXPECT_EQ(read_file(outside_ / "secret"), "secret");
    size_t entries = 0;
    for (const auto& e : std::filesystem::directory_iterator(outside_)) {
      (void)e;
      ++entries;
    }
    EXPECT_EQ(entries, 1u) << "something was created outside the sandbox";
  }

  int32_t filestat(std::string_view path, uint32_t lookup, uint32_t dir = 3) {
    return call("path_filestat_get", {dir, lookup, put(path), path.size(), alloc(64)});
  }
  int32_t rename(std::string_view from, std::string_view to) {
    return call("path_rename", {3, put(from), from.size(), 3, put(to), to.size()});
  }
  int32_t link(std::string_view from, std::string_view to, uint32_t lookup = 0) {
    return call("path_link", {3, lookup, put(from), from.size(), 3, put(to), to.size()});
  }
  int32_t symlink(std::string_view target, std::string_view at, uint32_t dir = 3) {
    return call("path_symlink", {put(target), target.size(), dir, put(at), at.size()});
  }
};

// Paths that name something above the root without any link.
const char* const kDotDotEscapes[] = {
    "..",
    "../outside/secret",
    "./..",
    "sub/../..",
    "sub/inner/../../../outside",
    "sub/../../outside/secret",
    "a/../../outside",
    "sub/inner/../../..",
};

// Absolute paths.
const char* const kAbsolute[] = {"/", "/etc/passwd", "/tmp", "//file"};

TEST_F(Sandbox, DotDotAboveTheRootIsNotCapable) {
  std::filesystem::create_directory(root_ / "a");
  for (const char* path : kDotDotEscapes) {
    SCOPED_TRACE(path);
    EXPECT_EQ(open_errno(path), kNotcapable);
    EXPECT_EQ(open_errno(path, 0, 0), kNotcapable);
    EXPECT_EQ(open_errno(path, kOflagCreat), kNotcapable);
    EXPECT_EQ(filestat(path, 0), kNotcapable);
    EXPECT_EQ(filestat(path, kFollow), kNotcapable);
  }
  expect_outside_untouched();
}

TEST_F(Sandbox, AbsolutePathsAreNotCapable) {
  for (const char* path : kAbsolute) {
    SCOPED_TRACE(path);
    EXPECT_EQ(open_errno(path), kNotcapable);
    EXPECT_EQ(filestat(path, kFollow), kNotcapable);
    EXPECT_EQ(path_call("path_create_directory", path), kNotcapable);
    EXPECT_EQ(path_call("path_unlink_file", path), kNotcapable);
    EXPECT_EQ(path_call("path_remove_directory", path), kNotcapable);
  }
}

TEST_F(Sandbox, EveryPathCallRefusesToEscape) {
  const std::string out = "../outside/secret";
  const std::string out_new = "../outside/new";
  EXPECT_EQ(path_call("path_create_directory", out_new), kNotcapable);
  EXPECT_EQ(path_call("path_remove_directory", "../outside"), kNotcapable);
  EXPECT_EQ(path_call("path_unlink_file", out), kNotcapable);
  EXPECT_EQ(call("path_readlink", {3, put(out), out.size(), alloc(64), 64, alloc(4)}), kNotcapable);
  EXPECT_EQ(call("path_filestat_set_times", {3, 0, put(out), out.size(), 0, 0, 2}), kNotcapable);
  EXPECT_EQ(symlink("file", out_new), kNotcapable);
  EXPECT_EQ(rename(out, "stolen"), kNotcapable);
  EXPECT_EQ(rename("file", out_new), kNotcapable);
  EXPECT_EQ(link(out, "stolen"), kNotcapable);
  EXPECT_EQ(link("file", out_new), kNotcapable);
  EXPECT_FALSE(std::filesystem::exists(root_ / "stolen"));
  EXPECT_EQ(read_file(root_ / "file"), "inside");
  expect_outside_untouched();
}

TEST_F(Sandbox, AbsoluteSymlinksAreNeverFollowed) {
  EXPECT_EQ(open_errno("abs"), kNotcapable);
  EXPECT_EQ(open_errno("abs", kOflagCreat | kOflagTrunc), kNotcapable);
  EXPECT_EQ(open_errno("abs", 0, 0), kLoop);  // without follow: the link itself cannot be opened
  EXPECT_EQ(open_errno("absdir/secret"), kNotcapable);
  EXPECT_EQ(open_errno("absdir/secret", 0, 0), kNotcapable);
  EXPECT_EQ(filestat("abs", kFollow), kNotcapable);
  EXPECT_EQ(filestat("abs", 0), kSuccess);  // the link itself lives inside
  EXPECT_EQ(filestat("absdir/secret", 0), kNotcapable);
  EXPECT_EQ(path_call("path_create_directory", "absdir/made"), kNotcapable);
  EXPECT_EQ(path_call("path_unlink_file", "absdir/secret"), kNotcapable);
  EXPECT_EQ(symlink("x", "absdir/made"), kNotcapable);
  EXPECT_EQ(rename("file", "absdir/stolen"), kNotcapable);
  EXPECT_EQ(link("file", "absdir/stolen"), kNotcapable);
  EXPECT_EQ(link("abs", "hard", kFollow), kNotcapable);
  expect_outside_untouched();
  EXPECT_EQ(read_file(root_ / "file"), "inside");
}

TEST_F(Sandbox, RelativeSymlinksThatClimbOutAreNotCapable) {
  for (const char* path :
       {"rel_escape", "rel_escape_dir/secret", "sub/deep_escape", "dotdot/outside/secret",
        "sub/updown/outside/secret", "dotdot", "sub/updown", "chain1"}) {
    SCOPED_TRACE(path);
    EXPECT_EQ(open_errno(path), kNotcapable);
    EXPECT_EQ(open_errno(path, kOflagCreat), kNotcapable);
    EXPECT_EQ(filestat(path, kFollow), kNotcapable);
  }
  EXPECT_EQ(path_call("path_create_directory", "rel_escape_dir/made"), kNotcapable);
  EXPECT_EQ(path_call("path_unlink_file", "rel_escape_dir/secret"), kNotcapable);
  EXPECT_EQ(path_call("path_remove_directory", "dotdot/outside"), kNotcapable);
  EXPECT_EQ(rename("file", "rel_escape_dir/stolen"), kNotcapable);
  EXPECT_EQ(rename("rel_escape_dir/secret", "stolen"), kNotcapable);
  EXPECT_EQ(link("rel_escape_dir/secret", "stolen"), kNotcapable);
  EXPECT_EQ(link("chain1", "stolen", kFollow), kNotcapable);
  // Links inside that stay inside still work.
  EXPECT_EQ(open_errno("sub/to_parent_file"), kSuccess);
  EXPECT_EQ(open_errno("dotdot/root/file", 0, kFollow), kNotcapable);
  expect_outside_untouched();
}

TEST_F(Sandbox, LinksTheProgramMakesAreCheckedWhenUsed) {
  EXPECT_EQ(symlink("/etc/passwd", "mine_abs"), kNotcapable);
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::symlink_status(root_ / "mine_abs")));
  ASSERT_EQ(symlink("../outside/secret", "mine"), kSuccess);
  ASSERT_EQ(symlink("../../outside", "sub/mine_dir"), kSuccess);
  ASSERT_EQ(symlink("mine", "mine_chain"), kSuccess);
  EXPECT_EQ(open_errno("mine"), kNotcapable);
  EXPECT_EQ(open_errno("mine", kOflagCreat | kOflagTrunc), kNotcapable);
  EXPECT_EQ(open_errno("mine_chain"), kNotcapable);
  EXPECT_EQ(open_errno("sub/mine_dir/secret"), kNotcapable);
  EXPECT_EQ(path_call("path_create_directory", "sub/mine_dir/made"), kNotcapable);
  EXPECT_EQ(filestat("mine", kFollow), kNotcapable);
  // Moving a harmless link so that its relative target climbs out does not help either.
  ASSERT_EQ(symlink("../file", "sub/harmless"), kSuccess);
  EXPECT_EQ(open_errno("sub/harmless"), kSuccess);
  ASSERT_EQ(rename("sub/harmless", "moved"), kSuccess);
  EXPECT_EQ(open_errno("moved"), kNotcapable);
  ASSERT_EQ(link("sub/to_parent_file", "hardlinked"), kSuccess);  // a hard link to the link
  EXPECT_EQ(open_errno("hardlinked"), kNotcapable);
  expect_outside_untouched();
}

TEST_F(Sandbox, CreatingThroughADanglingLinkStaysInside) {
  std::filesystem::create_symlink(outside_ / "created", root_ / "dangling_abs");
  std::filesystem::create_symlink("../outside/created", root_ / "dangling_rel");
  EXPECT_EQ(open_errno("dangling_abs", kOflagCreat, kFollow, kRightFdWrite), kNotcapable);
  EXPECT_EQ(open_errno("dangling_abs", kOflagCreat, 0, kRightFdWrite), kLoop);
  EXPECT_EQ(open_errno("dangling_rel", kOflagCreat, kFollow, kRightFdWrite), kNotcapable);
  EXPECT_EQ(open_errno("dangling_rel", kOflagCreat, 0, kRightFdWrite), kLoop);
  EXPECT_EQ(path_call("path_create_directory", "dangling_rel"), kExist);
  expect_outside_untouched();
}

TEST_F(Sandbox, ADescriptorBelowTheRootIsItsOwnRoot) {
  uint32_t sub = 0;
  ASSERT_EQ(open(3, "sub", kOflagDirectory, kRightsAll & ~(kRightFdRead | kRightFdWrite), sub),
            kSuccess);
  EXPECT_EQ(open_errno("sub/to_parent_file"), kSuccess);
  uint32_t fd = 0;
  EXPECT_EQ(open(sub, "../file", 0, kRightFdRead, fd), kNotcapable);
  EXPECT_EQ(open(sub, "to_parent_file", 0, kRightFdRead, fd), kNotcapable);
  EXPECT_EQ(open(sub, "inner/../..", 0, kRightFdRead, fd), kNotcapable);
  EXPECT_EQ(open(sub, "inner/..", kOflagDirectory, kRightFdReaddir, fd), kSuccess);
  EXPECT_EQ(call("path_rename", {3, put("file"), 4, sub, put("../file2"), 8}), kNotcapable);
  // Renaming and linking between two descriptors of the sandbox is fine.
  EXPECT_EQ(call("path_rename", {3, put("file"), 4, sub, put("file2"), 5}), kSuccess);
  EXPECT_EQ(call("path_link", {sub, 0, put("file2"), 5, 3, put("file"), 4}), kSuccess);
}

TEST_F(Sandbox, SymlinkExpansionIsBounded) {
  namespace fs = std::filesystem;
  fs::create_directory(root_ / "many");
  // link0 -> file (via ../), linkN -> link(N-1): following linkN expands N + 1 links.
  fs::create_symlink("../file", root_ / "many" / "link0");
  for (int i = 1; i < 45; ++i)
    fs::create_symlink("link" + std::to_string(i - 1),
                       root_ / "many" / ("link" + std::to_string(i)));
  EXPECT_EQ(open_errno("many/link39"), kSuccess);
  EXPECT_EQ(open_errno("many/link40"), kLoop);
  EXPECT_EQ(open_errno("many/link44"), kLoop);
}

TEST_F(Sandbox, RightsLimitWhatADescriptorDoes) {
  uint32_t ro = 0;
  ASSERT_EQ(open(3, "file", 0, kRightFdRead, ro), kSuccess);
  EXPECT_EQ(write(ro, "x"), kNotcapable);
  EXPECT_EQ(call("fd_pwrite", {ro, iovec("x"), 1, 0, alloc(4)}), kNotcapable);
  EXPECT_EQ(call("fd_pread", {ro, iovec("", 4), 1, 0, alloc(4)}), kNotcapable);  // no fd_seek
  EXPECT_EQ(call("fd_seek", {ro, 1, 0, alloc(8)}), kNotcapable);
  EXPECT_EQ(call("fd_tell", {ro, alloc(8)}), kNotcapable);
  EXPECT_EQ(call("fd_filestat_set_size", {ro, 0}), kNotcapable);
  EXPECT_EQ(call("fd_filestat_get", {ro, alloc(64)}), kNotcapable);
  EXPECT_EQ(call("fd_sync", {ro}), kNotcapable);
  EXPECT_EQ(call("fd_allocate", {ro, 0, 10}), kNotcapable);
  EXPECT_EQ(call("fd_readdir", {ro, alloc(64), 64, 0, alloc(4)}), kNotcapable);
  EXPECT_EQ(read(ro, 64), "inside");
  // A file descriptor has no path rights: it is not a directory to open from.
  uint32_t fd = 0;
  EXPECT_EQ(open(ro, "x", 0, kRightFdRead, fd), kNotcapable);
  EXPECT_EQ(path_call("path_create_directory", "x", ro), kNotcapable);
  // Standard streams neither.
  EXPECT_EQ(open(1, "file", 0, kRightFdRead, fd), kNotcapable);
  EXPECT_EQ(read_file(root_ / "file"), "inside");

  // Rights can be dropped, never regained.
  uint32_t rw = 0;
  ASSERT_EQ(open(3, "file", 0, kRightFdRead | kRightFdWrite | kRightFdTell, rw), kSuccess);
  EXPECT_EQ(call("fd_fdstat_set_rights", {rw, kRightFdRead | kRightFdWrite | kRightFdSeek, 0}),
            kNotcapable);
  ASSERT_EQ(call("fd_fdstat_set_rights", {rw, kRightFdRead, 0}), kSuccess);
  EXPECT_EQ(write(rw, "x"), kNotcapable);
  EXPECT_EQ(call("fd_fdstat_set_rights", {rw, kRightFdRead | kRightFdWrite, 0}), kNotcapable);
  const uint32_t stat = alloc(24);
  ASSERT_EQ(call("fd_fdstat_get", {rw, stat}), kSuccess);
  EXPECT_EQ(u64_at(stat + 8), kRightFdRead);

  // A directory whose inheriting rights were dropped cannot hand out more.
  uint32_t dir = 0;
  ASSERT_EQ(open(3, "sub", kOflagDirectory, kRightPathOpen | kRightFdReaddir, dir), kSuccess);
  ASSERT_EQ(call("fd_fdstat_set_rights", {dir, kRightPathOpen, kRightFdRead}), kSuccess);
  write_file(root_ / "sub" / "f", "");
  EXPECT_EQ(open(dir, "f", 0, kRightFdRead, fd, kFollow, 0, 0), kSuccess);
  EXPECT_EQ(open(dir, "f", 0, kRightFdWrite, fd, kFollow, 0, 0), kNotcapable);
  EXPECT_EQ(open(dir, "f", 0, kRightFdRead, fd, kFollow, 0, kRightFdWrite), kNotcapable);
  ASSERT_EQ(call("fd_fdstat_set_rights", {dir, 0, 0}), kSuccess);
  EXPECT_EQ(open(dir, "f", 0, kRightFdRead, fd, kFollow, 0, 0), kNotcapable);
  // Creating and truncating need their own rights on the directory.
  ASSERT_EQ(call("fd_fdstat_set_rights", {3, kRightPathOpen, kRightsAll}), kSuccess);
  EXPECT_EQ(open(3, "new", kOflagCreat, kRightFdWrite, fd), kNotcapable);
  EXPECT_EQ(open(3, "file", kOflagTrunc, kRightFdWrite, fd), kNotcapable);
  EXPECT_EQ(path_call("path_create_directory", "newdir"), kNotcapable);
  EXPECT_EQ(path_call("path_unlink_file", "file"), kNotcapable);
  EXPECT_EQ(read_file(root_ / "file"), "inside");
}

TEST_F(Sandbox, MalformedPathTextIsRefused) {
  EXPECT_EQ(open_errno(std::string_view("fi\0le", 5)), kInval);
  EXPECT_EQ(open_errno("\xff\xfe"), kIlseq);
  EXPECT_EQ(open_errno("\xc0\xaf"), kIlseq);  // overlong "/"
  EXPECT_EQ(open_errno(""), kNoent);
  EXPECT_EQ(symlink(std::string_view("a\0b", 3), "l"), kInval);
  EXPECT_EQ(symlink("", "l"), kNoent);
}

TEST_F(Sandbox, BadPointersAreFaultsNotCrashes) {
  const uint64_t end = kMemorySize;
  // Paths.
  for (const char* name : {"path_create_directory", "path_remove_directory", "path_unlink_file"}) {
    SCOPED_TRACE(name);
    EXPECT_EQ(call(name, {3, end - 2, 4}), kFault);
    EXPECT_EQ(call(name, {3, 0xffffffff, 2}), kFault);
  }
  EXPECT_EQ(call("path_open", {3, 1, end - 1, 4, 0, kRightFdRead, 0, 0, alloc(4)}), kFault);
  EXPECT_EQ(call("path_open", {3, 1, put("file"), 4, 0, kRightFdRead, 0, 0, end - 2}), kFault);
  EXPECT_EQ(call("path_filestat_get", {3, 0, put("file"), 4, end - 63}), kFault);
  EXPECT_EQ(call("path_filestat_get", {3, 0, 0xfffffff0, 0x20, alloc(64)}), kFault);
  EXPECT_EQ(call("path_symlink", {end, 1, 3, put("l"), 1}), kFault);
  EXPECT_EQ(call("path_rename", {3, put("file"), 4, 3, end, 1}), kFault);
  EXPECT_EQ(call("path_link", {3, 0, end - 1, 2, 3, put("x"), 1}), kFault);
  EXPECT_EQ(call("path_readlink", {3, put("abs"), 3, end - 4, 100, alloc(4)}), kFault);
  // I/O vectors: the array, a buffer, the result.
  uint32_t fd = 0;
  ASSERT_EQ(open(3, "file", 0, kRightFdRead | kRightFdWrite | kRightFdSeek, fd), kSuccess);
  EXPECT_EQ(call("fd_write", {fd, end - 4, 1, alloc(4)}), kFault);
  EXPECT_EQ(call("fd_write", {fd, 0xfffffff8, 0x20000000, alloc(4)}), kFault);
  const uint32_t vec = alloc(8);
  set_u32(vec, static_cast<uint32_t>(end - 2));
  set_u32(vec + 4, 4);
  EXPECT_EQ(call("fd_write", {fd, vec, 1, alloc(4)}), kFault);
  EXPECT_EQ(call("fd_read", {fd, vec, 1, alloc(4)}), kFault);
  EXPECT_EQ(call("fd_pread", {fd, vec, 1, 0, alloc(4)}), kFault);
  set_u32(vec, 0xfffffffe);
  set_u32(vec + 4, 0xffffffff);
  EXPECT_EQ(call("fd_pwrite", {fd, vec, 1, 0, alloc(4)}), kFault);
  EXPECT_EQ(call("fd_write", {fd, iovec("abc"), 1, end - 3}), kFault);
  EXPECT_EQ(read_file(root_ / "file"), "inside");
  // Other out-parameters.
  EXPECT_EQ(call("fd_fdstat_get", {fd, end - 23}), kFault);
  EXPECT_EQ(call("fd_seek", {fd, 0, 0, end - 7}), kFault);
  EXPECT_EQ(call("args_get", {end - 1, 0}), kSuccess);  // no arguments: nothing written
  EXPECT_EQ(call("args_sizes_get", {end - 3, 0}), kFault);
  EXPECT_EQ(call("environ_sizes_get", {0, end}), kFault);
  EXPECT_EQ(call("poll_oneoff", {end - 47, alloc(32), 1, alloc(4)}), kFault);
  EXPECT_EQ(call("poll_oneoff", {alloc(48), end - 31, 1, alloc(4)}), kFault);
  EXPECT_EQ(call("poll_oneoff", {alloc(48), alloc(32), 0x7fffffff, alloc(4)}), kFault);
  EXPECT_EQ(call("sock_recv", {fd, end, 1, 0, alloc(4), alloc(4)}), kFault);
}

}  // namespace
}  // namespace weft::wasi::test
