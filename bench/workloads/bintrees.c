/* Allocation: binary trees built with malloc and freed with free (the Benchmarks Game's model),
   many short-lived trees next to one long-lived one. */
#define WEFT_BENCH_DEFAULT_PERCENT 400  /* its rounds are short: 1-3 s natively like the rest */
#include "common.h"

struct node {
  struct node *left, *right;
};

static struct node* build(int depth) {
  struct node* n = malloc(sizeof *n);
  if (depth > 0) {
    n->left = build(depth - 1);
    n->right = build(depth - 1);
  } else {
    n->left = n->right = 0;
  }
  return n;
}

static unsigned check(const struct node* n) {
  return n->left ? 1 + check(n->left) + check(n->right) : 1;
}

static void release(struct node* n) {
  if (n->left) {
    release(n->left);
    release(n->right);
  }
  free(n);
}

WORKLOAD {
  const int max_depth = 16;
  struct node* long_lived = build(max_depth);
  unsigned long long total = 0;
  for (int depth = 4; depth <= max_depth; depth += 2) {
    for (unsigned i = 0, iterations = scaled(1u << (max_depth - depth + 4), percent);
         i < iterations; ++i) {
      struct node* tree = build(depth);
      total += check(tree);
      release(tree);
    }
  }
  total += check(long_lived);
  release(long_lived);
  return total;
}
