/* Ends as argv[1] says: `exit N` calls exit(N) (after buffered output, which exit flushes),
 * `return N` returns N from main, `abort` aborts. */
#include <stdlib.h>

#include "wasi_test.h"

int main(int argc, char** argv) {
  if (argc < 3 && !(argc == 2 && strcmp(argv[1], "abort") == 0)) {
    fprintf(stderr, "usage: exit_codes exit|return N | abort\n");
    return 2;
  }
  printf("buffered output before ending\n");
  if (strcmp(argv[1], "exit") == 0) exit(atoi(argv[2]));
  if (strcmp(argv[1], "return") == 0) return atoi(argv[2]);
  if (strcmp(argv[1], "abort") == 0) {
    fflush(stdout);
    abort();
  }
  return 2;
}
