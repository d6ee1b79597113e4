// A WASI command for `weft run`: greets its arguments and reads a file from a preopened
// directory. Build: clang-19 --target=wasm32-wasi --sysroot=/usr -O2 hello_wasi.c -o hello.wasm
// Run:   weft run --dir examples::data hello.wasm world
#include <stdio.h>

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) printf("hello, %s\n", argv[i]);
  FILE* f = fopen("data/README.md", "r");
  if (!f) {
    perror("data/README.md");
    return 1;
  }
  char line[256];
  if (fgets(line, sizeof line, f)) printf("first line of data/README.md: %s", line);
  fclose(f);
  FILE* outside = fopen("../README.md", "r");
  printf("reading outside the sandbox: %s\n", outside ? "allowed (bug!)" : "refused");
  return outside ? 1 : 0;
}
