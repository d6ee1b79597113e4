/* Prints its whole environment, sorted, then looks a few names up with getenv and changes the
 * environment with setenv/unsetenv. */
#include <stdlib.h>

#include "wasi_test.h"

extern char** environ;

static int compare(const void* a, const void* b) {
  return strcmp(*(char* const*)a, *(char* const*)b);
}

int main(void) {
  size_t count = 0;
  while (environ[count] != NULL) ++count;
  char** sorted = malloc((count + 1) * sizeof *sorted);
  for (size_t i = 0; i < count; ++i) sorted[i] = environ[i];
  qsort(sorted, count, sizeof *sorted, compare);
  printf("%zu variables\n", count);
  for (size_t i = 0; i < count; ++i) printf("[%s]\n", sorted[i]);
  free(sorted);
  const char* names[] = {"GREETING", "EMPTY", "WITH_EQUALS", "NOT_SET"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; ++i) {
    const char* value = getenv(names[i]);
    printf("getenv %s: %s%s%s\n", names[i], value ? "[" : "", value ? value : "(null)",
           value ? "]" : "");
  }
  report("setenv", setenv("ADDED", "later", 1));
  printf("getenv ADDED: %s\n", getenv("ADDED"));
  report("unsetenv", unsetenv("GREETING"));
  printf("getenv GREETING after unset: %s\n", getenv("GREETING") ? "set" : "(null)");
  return 0;
}
