/* Random bytes: getentropy fills exactly the length asked for, two draws differ, the bytes
 * are not constant, and more than 256 bytes at once is refused as POSIX says. */
#include <unistd.h>

#include "wasi_test.h"

static int all_same(const unsigned char* p, size_t n) {
  for (size_t i = 1; i < n; ++i)
    if (p[i] != p[0]) return 0;
  return 1;
}

int main(void) {
  unsigned char a[256 + 16], b[256];
  memset(a, 0xAA, sizeof a);
  report("getentropy 256", getentropy(a, 256));
  check("bytes past the length untouched", all_same(a + 256, 16) && a[256] == 0xAA);
  check("not constant", !all_same(a, 256));
  report("getentropy again", getentropy(b, 256));
  check("two draws differ", memcmp(a, b, 256) != 0);
  int seen[256] = {0}, distinct = 0;
  for (int i = 0; i < 256; ++i) {
    if (!seen[a[i]]) ++distinct;
    seen[a[i]] = 1;
  }
  check("at least 64 distinct values in 256 bytes", distinct >= 64);
  unsigned char one[2] = {0xAA, 0xAA};
  for (int tries = 0; tries < 64 && one[0] == 0xAA; ++tries) getentropy(one, 1);
  check("one byte fills one byte", one[1] == 0xAA);
  report("getentropy 0", getentropy(a, 0));
  unsigned char big[257];
  report("getentropy 257", getentropy(big, sizeof big));
  return 0;
}
