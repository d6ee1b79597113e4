/* Files and directories inside the directory given as argv[1]: create, write, read, seek, stat,
 * truncate, readdir, rename, link, unlink, mkdir, rmdir, symlink and readlink, with the errors
 * POSIX promises for the usual mistakes. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "wasi_test.h"

static char base[512];

/* base/name; a few buffers in turn, so that one call can take two paths. */
static const char* in_dir(const char* name) {
  static char paths[4][1024];
  static int next = 0;
  char* path = paths[next++ % 4];
  snprintf(path, sizeof paths[0], "%s/%s", base, name);
  return path;
}

static int compare_names(const void* a, const void* b) {
  return strcmp(*(char* const*)a, *(char* const*)b);
}

/* The entries of `dir` (without . and ..), sorted, with their types. */
static void list_dir(const char* dir) {
  DIR* d = opendir(dir);
  if (!d) {
    printf("opendir: %s\n", errno_name(errno));
    return;
  }
  char* names[64];
  int count = 0;
  struct dirent* e;
  while ((e = readdir(d)) != NULL && count < 64) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    char type = e->d_type == DT_DIR ? 'd' : e->d_type == DT_REG ? 'f' : e->d_type == DT_LNK ? 'l' : '?';
    char* entry = malloc(strlen(e->d_name) + 3);
    sprintf(entry, "%s %c", e->d_name, type);
    names[count++] = entry;
  }
  closedir(d);
  qsort(names, count, sizeof names[0], compare_names);
  printf("listing:");
  for (int i = 0; i < count; ++i) {
    printf(" [%s]", names[i]);
    free(names[i]);
  }
  printf("\n");
}

static void write_read_seek(void) {
  int fd = open(in_dir("a.txt"), O_CREAT | O_RDWR | O_TRUNC, 0644);
  report("create a.txt", fd);
  const char text[] = "hello, wasi file\n";
  printf("write: %zd\n", write(fd, text, sizeof text - 1));
  printf("seek end: %lld\n", (long long)lseek(fd, 0, SEEK_END));
  printf("seek set 7: %lld\n", (long long)lseek(fd, 7, SEEK_SET));
  char buf[64] = {0};
  printf("read: %zd '%s'\n", read(fd, buf, 4), buf);
  printf("seek cur -2: %lld\n", (long long)lseek(fd, -2, SEEK_CUR));
  memset(buf, 0, sizeof buf);
  printf("read rest: %zd\n", read(fd, buf, sizeof buf - 1));
  printf("read at eof: %zd\n", read(fd, buf, sizeof buf));
  printf("pwrite: %zd\n", pwrite(fd, "WASI", 4, 7));
  memset(buf, 0, sizeof buf);
  printf("pread: %zd '%s'\n", pread(fd, buf, 11, 0), buf);
  printf("position after pread: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
  struct stat st;
  report("fstat", fstat(fd, &st));
  printf("size %lld regular %d\n", (long long)st.st_size, S_ISREG(st.st_mode));
  report("ftruncate 5", ftruncate(fd, 5));
  report("stat", stat(in_dir("a.txt"), &st));
  printf("size after truncate %lld\n", (long long)st.st_size);
  report("lseek negative", (int)lseek(fd, -100, SEEK_SET));
  report("close", close(fd));
  report("read closed fd", (int)read(fd, buf, 1));

  fd = open(in_dir("a.txt"), O_WRONLY | O_APPEND);
  report("open append", fd);
  printf("append: %zd\n", write(fd, "+tail", 5));
  close(fd);
  FILE* f = fopen(in_dir("a.txt"), "r");
  memset(buf, 0, sizeof buf);
  printf("contents: '%s'\n", fgets(buf, sizeof buf, f) ? buf : "(none)");
  fclose(f);

  report("create excl existing", open(in_dir("a.txt"), O_CREAT | O_EXCL | O_WRONLY, 0644));
  report("open missing", open(in_dir("missing.txt"), O_RDONLY));
  report("open file as dir", open(in_dir("a.txt/x"), O_RDONLY));
  report("open dir for writing", open(base, O_WRONLY));
}

static void directories(void) {
  report("mkdir sub", mkdir(in_dir("sub"), 0755));
  report("mkdir sub again", mkdir(in_dir("sub"), 0755));
  report("mkdir sub/deeper", mkdir(in_dir("sub/deeper"), 0755));
  int fd = open(in_dir("sub/deeper/f.bin"), O_CREAT | O_WRONLY, 0644);
  unsigned char bytes[300];
  for (int i = 0; i < 300; ++i) bytes[i] = (unsigned char)i;
  printf("write binary: %zd\n", write(fd, bytes, sizeof bytes));
  close(fd);
  struct stat st;
  report("stat sub", stat(in_dir("sub"), &st));
  printf("sub is dir %d\n", S_ISDIR(st.st_mode));
  report("rmdir non-empty", rmdir(in_dir("sub")));
  report("rename file", rename(in_dir("sub/deeper/f.bin"), in_dir("sub/g.bin")));
  report("stat old name", stat(in_dir("sub/deeper/f.bin"), &st));
  report("stat new name", stat(in_dir("sub/g.bin"), &st));
  printf("renamed size %lld\n", (long long)st.st_size);
  report("rename dir", rename(in_dir("sub/deeper"), in_dir("sub/renamed")));
  report("rename missing", rename(in_dir("nope"), in_dir("nope2")));
  report("rename over file", rename(in_dir("sub/g.bin"), in_dir("a.txt")));
  report("hard link", link(in_dir("a.txt"), in_dir("sub/hard.txt")));
  report("stat link", stat(in_dir("a.txt"), &st));
  printf("nlink %d\n", (int)st.st_nlink);
  list_dir(base);
  list_dir(in_dir("sub"));
  report("unlink dir", unlink(in_dir("sub")));
  report("unlink hard", unlink(in_dir("sub/hard.txt")));
  report("unlink again", unlink(in_dir("sub/hard.txt")));
  report("rmdir renamed", rmdir(in_dir("sub/renamed")));
  report("rmdir file", rmdir(in_dir("a.txt")));
  report("rmdir sub", rmdir(in_dir("sub")));
  list_dir(base);
}

static void symlinks(void) {
  report("symlink", symlink("a.txt", in_dir("link.txt")));
  report("symlink exists", symlink("a.txt", in_dir("link.txt")));
  report("symlink dangling", symlink("no-such-file", in_dir("dangling")));
  char target[256] = {0};
  ssize_t n = readlink(in_dir("link.txt"), target, sizeof target - 1);
  printf("readlink: %zd '%s'\n", n, n >= 0 ? target : "");
  report("readlink regular file", (int)readlink(in_dir("a.txt"), target, sizeof target));
  struct stat st;
  report("lstat link", lstat(in_dir("link.txt"), &st));
  printf("lstat is link %d\n", S_ISLNK(st.st_mode));
  report("stat through link", stat(in_dir("link.txt"), &st));
  printf("stat is regular %d size %lld\n", S_ISREG(st.st_mode), (long long)st.st_size);
  int fd = open(in_dir("link.txt"), O_RDONLY);
  char buf[32] = {0};
  printf("read through link: %zd '%s'\n", read(fd, buf, sizeof buf - 1), buf);
  close(fd);
  report("open dangling", open(in_dir("dangling"), O_RDONLY));
  report("open nofollow", open(in_dir("link.txt"), O_RDONLY | O_NOFOLLOW));
  report("mkdir d", mkdir(in_dir("d"), 0755));
  report("symlink to dir", symlink("d", in_dir("dlink")));
  fd = open(in_dir("dlink/inside.txt"), O_CREAT | O_WRONLY, 0644);
  report("create through dir link", fd);
  close(fd);
  report("stat created", stat(in_dir("d/inside.txt"), &st));
  list_dir(base);
  report("unlink link", unlink(in_dir("link.txt")));
  report("target survives", stat(in_dir("a.txt"), &st));
  report("unlink dangling", unlink(in_dir("dangling")));
}

/* More entries than one fd_readdir buffer holds, so that reading resumes from a cookie. */
static void many_entries(void) {
  report("mkdir many", mkdir(in_dir("many"), 0755));
  char name[128];
  int created = 0;
  for (int i = 0; i < 300; ++i) {
    snprintf(name, sizeof name, "many/entry-with-a-rather-long-name-to-fill-buffers-%04d", i);
    int fd = open(in_dir(name), O_CREAT | O_WRONLY, 0644);
    if (fd >= 0) ++created;
    close(fd);
  }
  printf("created %d\n", created);
  DIR* d = opendir(in_dir("many"));
  int seen = 0, sum = 0;
  struct dirent* e;
  while (d && (e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue;
    ++seen;
    sum += atoi(e->d_name + strlen(e->d_name) - 4);
  }
  printf("readdir saw %d entries, index sum %d\n", seen, sum);
  if (d) {
    rewinddir(d);
    int again = 0;
    while ((e = readdir(d)) != NULL) again += e->d_name[0] != '.';
    printf("after rewinddir: %d\n", again);
    closedir(d);
  }
  for (int i = 0; i < 300; ++i) {
    snprintf(name, sizeof name, "many/entry-with-a-rather-long-name-to-fill-buffers-%04d", i);
    unlink(in_dir(name));
  }
  report("rmdir many", rmdir(in_dir("many")));
}

/* Scatter/gather I/O and a file larger than any single buffer. */
static void vectored_and_large(void) {
  int fd = open(in_dir("v.bin"), O_CREAT | O_RDWR | O_TRUNC, 0644);
  char a[] = "first-", b[] = "second-", c[] = "third";
  struct iovec out[3] = {{a, 6}, {b, 7}, {c, 5}};
  printf("writev: %zd\n", writev(fd, out, 3));
  lseek(fd, 0, SEEK_SET);
  char x[4] = {0}, y[20] = {0};
  struct iovec in[2] = {{x, 3}, {y, sizeof y - 1}};
  printf("readv: %zd '%s' '%s'\n", readv(fd, in, 2), x, y);
  close(fd);

  enum { kSize = 3 * 1000 * 1000 + 17 };
  unsigned char* big = malloc(kSize);
  for (int i = 0; i < kSize; ++i) big[i] = (unsigned char)(i * 7 + i / 251);
  fd = open(in_dir("big.bin"), O_CREAT | O_RDWR | O_TRUNC, 0644);
  ssize_t written = 0;
  while (written < kSize) {
    ssize_t n = write(fd, big + written, kSize - written);
    if (n <= 0) break;
    written += n;
  }
  printf("wrote large: %zd\n", written);
  report("fsync", fsync(fd));
  lseek(fd, 0, SEEK_SET);
  unsigned char* back = malloc(kSize);
  ssize_t got = 0;
  while (got < kSize) {
    ssize_t n = read(fd, back + got, kSize - got);
    if (n <= 0) break;
    got += n;
  }
  printf("read large: %zd same %d\n", got, memcmp(big, back, kSize) == 0);
  free(big);
  free(back);
  close(fd);
  unlink(in_dir("big.bin"));
  unlink(in_dir("v.bin"));
}

/* Setting times explicitly, so that both builds read back the same values. */
static void times(void) {
  int fd = open(in_dir("t.txt"), O_CREAT | O_WRONLY, 0644);
  close(fd);
  struct timespec set[2] = {{1000000000, 0}, {1234567890, 0}};
  report("utimensat", utimensat(AT_FDCWD, in_dir("t.txt"), set, 0));
  struct stat st;
  stat(in_dir("t.txt"), &st);
  printf("atime %lld mtime %lld\n", (long long)st.st_atim.tv_sec, (long long)st.st_mtim.tv_sec);
  fd = open(in_dir("t.txt"), O_WRONLY);
  struct timespec only_mtime[2] = {{0, UTIME_OMIT}, {1500000000, 0}};
  report("futimens", futimens(fd, only_mtime));
  fstat(fd, &st);
  printf("atime %lld mtime %lld\n", (long long)st.st_atim.tv_sec, (long long)st.st_mtim.tv_sec);
  /* Not UTIME_NOW: Debian's wasi-libc refuses it (EINVAL) and turns times == NULL into
   * explicit zero times before asking WASI. */
  close(fd);
  unlink(in_dir("t.txt"));
}

/* The *at family relative to a directory descriptor. */
static void at_calls(void) {
  int dir = open(base, O_RDONLY | O_DIRECTORY);
  report("open dir", dir);
  int fd = openat(dir, "at.txt", O_CREAT | O_RDWR, 0600);
  report("openat create", fd);
  printf("write: %zd\n", write(fd, "at!", 3));
  close(fd);
  struct stat st;
  report("fstatat", fstatat(dir, "at.txt", &st, 0));
  printf("size %lld\n", (long long)st.st_size);
  report("mkdirat", mkdirat(dir, "atdir", 0755));
  report("renameat", renameat(dir, "at.txt", dir, "atdir/moved.txt"));
  report("faccessat", faccessat(dir, "atdir/moved.txt", F_OK, 0));
  report("faccessat missing", faccessat(dir, "at.txt", F_OK, 0));
  report("symlinkat", symlinkat("atdir/moved.txt", dir, "atlink"));
  char target[64] = {0};
  ssize_t n = readlinkat(dir, "atlink", target, sizeof target - 1);
  printf("readlinkat: %zd '%s'\n", n, n >= 0 ? target : "");
  report("unlinkat file", unlinkat(dir, "atdir/moved.txt", 0));
  report("unlinkat link", unlinkat(dir, "atlink", 0));
  report("unlinkat dir", unlinkat(dir, "atdir", AT_REMOVEDIR));
  report("close dir", close(dir));
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: files DIR\n");
    return 2;
  }
  snprintf(base, sizeof base, "%s", argv[1]);
  write_read_seek();
  directories();
  symlinks();
  at_calls();
  many_entries();
  vectored_and_large();
  times();
  return 0;
}
