/* Prints its arguments: how many, then each one (argv[0] is the program's own name, which
 * differs between the builds, so only its presence is shown). */
#include "wasi_test.h"

int main(int argc, char** argv) {
  printf("argc %d\n", argc);
  check("argv[0] present", argv[0] != NULL && argv[0][0] != '\0');
  for (int i = 1; i < argc; ++i) printf("argv[%d] (%zu bytes) = [%s]\n", i, strlen(argv[i]), argv[i]);
  check("argv[argc] is null", argv[argc] == NULL);
  return 0;
}
