/* Allocation and hashing: a chained hash map of malloc'd entries keyed by 64-bit integers (FNV-1a
   over the key's bytes), with inserts, lookups, deletes and a resize. */
#include "common.h"

struct entry {
  unsigned long long key, value;
  struct entry* next;
};

struct map {
  struct entry** buckets;
  unsigned mask, size;
};

static unsigned fnv1a(unsigned long long key) {
  unsigned h = 2166136261u;
  for (int i = 0; i < 8; ++i) {
    h ^= (unsigned)(key >> (8 * i)) & 255;
    h *= 16777619u;
  }
  return h;
}

static void grow(struct map* m) {
  unsigned new_mask = m->mask * 2 + 1;
  struct entry** buckets = calloc(new_mask + 1, sizeof *buckets);
  for (unsigned i = 0; i <= m->mask; ++i) {
    for (struct entry *e = m->buckets[i], *next; e; e = next) {
      next = e->next;
      unsigned b = fnv1a(e->key) & new_mask;
      e->next = buckets[b];
      buckets[b] = e;
    }
  }
  free(m->buckets);
  m->buckets = buckets;
  m->mask = new_mask;
}

static void put(struct map* m, unsigned long long key, unsigned long long value) {
  unsigned b = fnv1a(key) & m->mask;
  for (struct entry* e = m->buckets[b]; e; e = e->next)
    if (e->key == key) {
      e->value += value;
      return;
    }
  struct entry* e = malloc(sizeof *e);
  e->key = key, e->value = value, e->next = m->buckets[b];
  m->buckets[b] = e;
  if (++m->size > m->mask) grow(m);
}

static int take(struct map* m, unsigned long long key, unsigned long long* value) {
  for (struct entry** link = &m->buckets[fnv1a(key) & m->mask]; *link; link = &(*link)->next)
    if ((*link)->key == key) {
      struct entry* e = *link;
      *value = e->value;
      *link = e->next;
      free(e);
      --m->size;
      return 1;
    }
  return 0;
}

static void clear(struct map* m) {
  for (unsigned i = 0; i <= m->mask; ++i)
    for (struct entry *e = m->buckets[i], *next; e; e = next) {
      next = e->next;
      free(e);
    }
  free(m->buckets);
}

WORKLOAD {
  unsigned seed = 88172645u;
  unsigned long long total = 0;
  for (unsigned round = 0, rounds = scaled(10, percent); round < rounds; ++round) {
    struct map m = {calloc(16, sizeof(struct entry*)), 15, 0};
    for (int i = 0; i < 400000; ++i) {
      unsigned long long key = next_random(&seed) % 300000;
      put(&m, key, i);
      unsigned long long value;
      if ((i & 3) == 0 && take(&m, next_random(&seed) % 300000, &value)) total += value;
    }
    total += m.size;
    clear(&m);
  }
  return total;
}
