/* Attempts to reach outside the directory given as argv[1] (the sandbox). The test driver puts
 * next to it a directory `outside` holding secret.txt, and inside it the symbolic links
 * link_rel -> ../outside/secret.txt, link_abs -> (absolute host path of secret.txt),
 * link_chain -> link_rel and dir_out -> ../outside. Under WASI every attempt must fail (the
 * checked-in escape.expected lists the errno each gets) while the legitimate paths next to
 * them keep working; natively, without a sandbox, most of them succeed. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wasi_test.h"

static int dir;

/* Reports an open and closes what it opened. */
static void try_open(const char* what, int fd) {
  report(what, fd);
  if (fd >= 0) close(fd);
}

static void paths_with_dotdot(const char* sandbox) {
  char path[1024];
  snprintf(path, sizeof path, "%s/../outside/secret.txt", sandbox);
  try_open("open SANDBOX/../outside/secret.txt", open(path, O_RDONLY));
  try_open("openat ../outside/secret.txt", openat(dir, "../outside/secret.txt", O_RDONLY));
  try_open("openat ..", openat(dir, "..", O_RDONLY | O_DIRECTORY));
  try_open("openat sub/../../outside/secret.txt",
           openat(dir, "sub/../../outside/secret.txt", O_RDONLY));
  try_open("openat sub/../inside.txt (stays inside)", openat(dir, "sub/../inside.txt", O_RDONLY));
  try_open("openat ./sub/.//../inside.txt (stays inside)",
           openat(dir, "./sub/.//../inside.txt", O_RDONLY));
  struct stat st;
  report("fstatat ../outside", fstatat(dir, "../outside", &st, 0));
  report("faccessat ../outside/secret.txt", faccessat(dir, "../outside/secret.txt", F_OK, 0));
}

static void absolute_paths(void) {
  try_open("open /etc/passwd", open("/etc/passwd", O_RDONLY));
  try_open("open /", open("/", O_RDONLY | O_DIRECTORY));
  try_open("openat /etc/passwd", openat(dir, "/etc/passwd", O_RDONLY));
  struct stat st;
  report("stat /etc", stat("/etc", &st));
}

static void symlinks_out(void) {
  try_open("openat link_rel", openat(dir, "link_rel", O_RDONLY));
  try_open("openat link_abs", openat(dir, "link_abs", O_RDONLY));
  try_open("openat link_chain", openat(dir, "link_chain", O_RDONLY));
  try_open("openat dir_out/secret.txt", openat(dir, "dir_out/secret.txt", O_RDONLY));
  try_open("create dir_out/new.txt", openat(dir, "dir_out/new.txt", O_CREAT | O_WRONLY, 0644));
  struct stat st;
  report("fstatat link_rel", fstatat(dir, "link_rel", &st, 0));
  report("fstatat link_rel nofollow (the link itself)",
         fstatat(dir, "link_rel", &st, AT_SYMLINK_NOFOLLOW));
  char target[256] = {0};
  const ssize_t n = readlinkat(dir, "link_rel", target, sizeof target - 1);
  printf("readlinkat link_rel: %s%s\n", n >= 0 ? "ok " : errno_name(errno), n >= 0 ? target : "");
  /* Links made by the program itself. */
  report("symlinkat my_link -> ../outside/secret.txt",
         symlinkat("../outside/secret.txt", dir, "my_link"));
  try_open("openat my_link", openat(dir, "my_link", O_RDONLY));
  report("symlinkat my_abs -> /etc/passwd", symlinkat("/etc/passwd", dir, "my_abs"));
  try_open("openat my_abs", openat(dir, "my_abs", O_RDONLY));
  report("symlinkat my_chain -> my_link", symlinkat("my_link", dir, "my_chain"));
  try_open("openat my_chain", openat(dir, "my_chain", O_RDONLY));
  report("symlinkat ../outside/made_link -> x",
         symlinkat("inside.txt", dir, "../outside/made_link"));
  report("symlinkat good -> inside.txt", symlinkat("inside.txt", dir, "good"));
  try_open("openat good (stays inside)", openat(dir, "good", O_RDONLY));
  report("unlinkat my_link (the link itself)", unlinkat(dir, "my_link", 0));
  report("symlinkat up -> ..", symlinkat("..", dir, "up"));
  try_open("openat up/outside/secret.txt", openat(dir, "up/outside/secret.txt", O_RDONLY));
  try_open("openat up", openat(dir, "up", O_RDONLY | O_DIRECTORY));
  report("symlinkat loop_a -> loop_b", symlinkat("loop_b", dir, "loop_a"));
  report("symlinkat loop_b -> loop_a", symlinkat("loop_a", dir, "loop_b"));
  try_open("openat loop_a", openat(dir, "loop_a", O_RDONLY));
}

static void odd_paths(void) {
  static char long_name[5000];
  memset(long_name, 'x', sizeof long_name - 1);
  try_open("openat 4999-byte name", openat(dir, long_name, O_RDONLY));
  static char deep[8000];
  size_t used = 0;
  for (int i = 0; i < 500; ++i) used += (size_t)snprintf(deep + used, sizeof deep - used, "sub/../");
  snprintf(deep + used, sizeof deep - used, "inside.txt");
  try_open("openat sub/../sub/../.../inside.txt (stays inside)", openat(dir, deep, O_RDONLY));
  used = 0;
  for (int i = 0; i < 1500; ++i) used += (size_t)snprintf(deep + used, sizeof deep - used, "../");
  try_open("openat ../../.. (1500 levels)", openat(dir, deep, O_RDONLY));
  try_open("openat empty path", openat(dir, "", O_RDONLY));
  try_open("openat . (the sandbox itself)", openat(dir, ".", O_RDONLY | O_DIRECTORY));
}

static void rename_link_remove(void) {
  report("renameat inside.txt -> ../outside/stolen.txt",
         renameat(dir, "inside.txt", dir, "../outside/stolen.txt"));
  report("renameat ../outside/secret.txt -> grabbed.txt",
         renameat(dir, "../outside/secret.txt", dir, "grabbed.txt"));
  report("renameat inside.txt -> dir_out/stolen.txt",
         renameat(dir, "inside.txt", dir, "dir_out/stolen.txt"));
  report("linkat ../outside/secret.txt -> hard", linkat(dir, "../outside/secret.txt", dir, "hard", 0));
  report("linkat inside.txt -> ../outside/hard", linkat(dir, "inside.txt", dir, "../outside/hard", 0));
  report("linkat link_rel (followed) -> hard2",
         linkat(dir, "link_rel", dir, "hard2", AT_SYMLINK_FOLLOW));
  report("mkdirat ../outside/newdir", mkdirat(dir, "../outside/newdir", 0755));
  report("mkdirat dir_out/newdir", mkdirat(dir, "dir_out/newdir", 0755));
  report("unlinkat ../outside/secret.txt", unlinkat(dir, "../outside/secret.txt", 0));
  report("unlinkat dir_out/secret.txt", unlinkat(dir, "dir_out/secret.txt", 0));
  report("unlinkat .. (rmdir)", unlinkat(dir, "..", AT_REMOVEDIR));
  report("renameat inside.txt -> renamed.txt (stays inside)",
         renameat(dir, "inside.txt", dir, "renamed.txt"));
  report("renameat renamed.txt -> inside.txt (stays inside)",
         renameat(dir, "renamed.txt", dir, "inside.txt"));
}

static void rights(void) {
  int fd = openat(dir, "inside.txt", O_RDONLY);
  report("open inside.txt read-only", fd);
  report("write to read-only fd", (int)write(fd, "x", 1));
  report("pwrite to read-only fd", (int)pwrite(fd, "x", 1, 0));
  report("ftruncate read-only fd", ftruncate(fd, 0));
  char c;
  report("read from read-only fd", (int)read(fd, &c, 1));
  close(fd);
  fd = openat(dir, "inside.txt", O_WRONLY);
  report("open inside.txt write-only", fd);
  report("read from write-only fd", (int)read(fd, &c, 1));
  report("write to write-only fd", (int)write(fd, "y", 1));
  close(fd);
  report("read from a never-opened fd", (int)read(1000, &c, 1));
  report("write to the directory fd", (int)write(dir, "x", 1));
}

static void cwd_relative(const char* sandbox) {
  report("chdir SANDBOX", chdir(sandbox));
  try_open("open ../outside/secret.txt from cwd", open("../outside/secret.txt", O_RDONLY));
  try_open("open inside.txt from cwd", open("inside.txt", O_RDONLY));
  report("chdir ..", chdir(".."));
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: escape SANDBOX\n");
    return 2;
  }
  dir = open(argv[1], O_RDONLY | O_DIRECTORY);
  if (report("open SANDBOX", dir) < 0) return 1;
  int fd = openat(dir, "inside.txt", O_CREAT | O_WRONLY, 0644);
  report("create inside.txt", fd);
  printf("write: %zd\n", write(fd, "inside\n", 7));
  close(fd);
  report("mkdirat sub", mkdirat(dir, "sub", 0755));
  paths_with_dotdot(argv[1]);
  absolute_paths();
  symlinks_out();
  odd_paths();
  rename_link_remove();
  rights();
  cwd_relative(argv[1]);
  return 0;
}
