/* String processing: generate text from a vocabulary, split it into words and count them in a
   string-keyed table (strcmp, memcpy), then search it with strstr and strchr. */
#include <string.h>

#include "common.h"

static const char* const vocabulary[] = {
    "the",    "quick",  "brown",    "fox",      "jumps",  "over",    "lazy",     "dog",
    "module", "memory", "table",    "function", "import", "export",  "global",   "branch",
    "loop",   "block",  "value",    "stack",    "frame",  "trap",    "validate", "decode",
    "lower",  "handle", "dispatch", "operand",  "result", "runtime", "engine",   "store"};
#define VOCABULARY (sizeof vocabulary / sizeof *vocabulary)
#define TEXT_SIZE (1 << 20)
#define SLOTS 4096

static char text[TEXT_SIZE + 64];
static char words[SLOTS][32];
static unsigned counts[SLOTS];

static unsigned hash_word(const char* s, unsigned len) {
  unsigned h = 5381;
  for (unsigned i = 0; i < len; ++i) h = h * 33 + (unsigned char)s[i];
  return h;
}

static unsigned generate(unsigned* seed) {
  unsigned len = 0;
  while (len < TEXT_SIZE) {
    unsigned r = next_random(seed);
    const char* w = vocabulary[r % VOCABULARY];
    size_t n = strlen(w);
    memcpy(text + len, w, n);
    len += (unsigned)n;
    /* Occasionally glue a number or punctuation onto the word. */
    if ((r >> 8) % 7 == 0) text[len++] = (char)('0' + (r >> 12) % 10);
    text[len++] = (r >> 16) % 11 == 0 ? '\n' : (r >> 20) % 5 == 0 ? ',' : ' ';
  }
  text[len] = 0;
  return len;
}

static void count_words(unsigned len) {
  char word[32];
  unsigned i = 0;
  while (i < len) {
    while (i < len && !(text[i] >= 'a' && text[i] <= 'z') && !(text[i] >= '0' && text[i] <= '9'))
      ++i;
    unsigned start = i;
    while (i < len && ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= '0' && text[i] <= '9')))
      ++i;
    unsigned n = i - start;
    if (n == 0 || n >= sizeof word) continue;
    memcpy(word, text + start, n);
    word[n] = 0;
    for (unsigned slot = hash_word(word, n) % SLOTS;; slot = (slot + 1) % SLOTS) {
      if (counts[slot] == 0) {
        strcpy(words[slot], word);
        counts[slot] = 1;
        break;
      }
      if (strcmp(words[slot], word) == 0) {
        ++counts[slot];
        break;
      }
    }
  }
}

static unsigned long long search(unsigned len) {
  static const char* const needles[] = {"fox jumps", "trap,", "lower handle", "store\n", "loop9"};
  unsigned long long found = 0;
  for (unsigned k = 0; k < sizeof needles / sizeof *needles; ++k)
    for (const char* p = strstr(text, needles[k]); p; p = strstr(p + 1, needles[k])) ++found;
  for (const char* p = strchr(text, '\n'); p && p < text + len; p = strchr(p + 1, '\n')) ++found;
  return found;
}

WORKLOAD {
  unsigned seed = 1013904223u;
  unsigned long long total = 0;
  for (unsigned round = 0, rounds = scaled(80, percent); round < rounds; ++round) {
    memset(counts, 0, sizeof counts);
    unsigned len = generate(&seed);
    count_words(len);
    for (unsigned slot = 0; slot < SLOTS; ++slot)
      if (counts[slot]) total = total * 31 + counts[slot] + hash_word(words[slot], 3);
    total += search(len);
  }
  return total;
}
