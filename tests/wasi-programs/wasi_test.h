/* Helpers shared by the WASI test programs. Each program is built twice, for wasm32-wasi and
 * natively, and prints only what must be the same in both builds: no paths, inode numbers or
 * times, only results and errno names. */
#ifndef WEFT_WASI_TEST_H
#define WEFT_WASI_TEST_H

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* errno's name rather than its number, which differs between wasi-libc and the host libc. */
static inline const char* errno_name(int e) {
#ifdef ENOTCAPABLE
  if (e == ENOTCAPABLE) return "ENOTCAPABLE";
#endif
  if (e == EPERM) return "EPERM";
  if (e == ENOENT) return "ENOENT";
  if (e == EBADF) return "EBADF";
  if (e == EACCES) return "EACCES";
  if (e == EEXIST) return "EEXIST";
  if (e == ENOTDIR) return "ENOTDIR";
  if (e == EISDIR) return "EISDIR";
  if (e == EINVAL) return "EINVAL";
  if (e == ENOTEMPTY) return "ENOTEMPTY";
  if (e == ELOOP) return "ELOOP";
  if (e == EXDEV) return "EXDEV";
  if (e == EROFS) return "EROFS";
  if (e == ENOTSUP) return "ENOTSUP";
  if (e == ENOSYS) return "ENOSYS";
  if (e == ENAMETOOLONG) return "ENAMETOOLONG";
  if (e == EFAULT) return "EFAULT";
  if (e == EIO) return "EIO";
  if (e == ESPIPE) return "ESPIPE";
  if (e == EOVERFLOW) return "EOVERFLOW";
  if (e == EMLINK) return "EMLINK";
  if (e == EMFILE) return "EMFILE";
  if (e == ENOMEM) return "ENOMEM";
  if (e == EAGAIN) return "EAGAIN";
  return "E?";
}

/* Prints "what: ok" when rc >= 0, else "what: ENAME" (errno of the failed call). */
static inline int report(const char* what, int rc) {
  if (rc >= 0)
    printf("%s: ok\n", what);
  else
    printf("%s: %s\n", what, errno_name(errno));
  return rc;
}

/* Prints "what: ok" or "what: FAILED" for a condition the program checks itself. */
static inline int check(const char* what, int ok) {
  printf("%s: %s\n", what, ok ? "ok" : "FAILED");
  return ok;
}

#endif
