// The program bench/startup.sh times as a WASI command in `weft run` and natively: start-up and
// one line of output, nothing else.
#include <stdio.h>

int main(void) {
  printf("hello, world\n");
  return 0;
}
