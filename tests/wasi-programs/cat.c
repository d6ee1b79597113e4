/* Copies stdin to stdout byte for byte (NULs and all), in reads of odd sizes, and reports the
 * total on stderr. */
#include <unistd.h>

#include "wasi_test.h"

int main(void) {
  static char buf[4099];
  long total = 0;
  for (;;) {
    const ssize_t n = read(0, buf, sizeof buf);
    if (n < 0) {
      fprintf(stderr, "read: %s\n", errno_name(errno));
      return 1;
    }
    if (n == 0) break;
    for (ssize_t done = 0; done < n;) {
      const ssize_t w = write(1, buf + done, (size_t)(n - done));
      if (w <= 0) {
        fprintf(stderr, "write: %s\n", errno_name(errno));
        return 1;
      }
      done += w;
    }
    total += n;
  }
  fprintf(stderr, "copied %ld bytes\n", total);
  return 0;
}
