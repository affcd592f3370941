/* Byte trie with hashed edges: see trie.h. */
#include "trie.h"

#include <stdlib.h>
#include <string.h>

static void edges_insert(uint64_t *keys, int32_t *vals, size_t cap, uint64_t key, int32_t val)
{
    size_t mask = cap - 1;
    size_t i = trie_hash_(key) & mask;
    while (keys[i] != 0)
        i = (i + 1) & mask;
    keys[i] = key;
    vals[i] = val;
}

static int edges_grow(trie *t)
{
    size_t cap = t->cap ? t->cap * 2 : 1024;
    uint64_t *keys = calloc(cap, sizeof *keys);
    int32_t *vals = calloc(cap, sizeof *vals);
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return -1;
    }
    for (size_t i = 0; i < t->cap; i++)
        if (t->keys[i])
            edges_insert(keys, vals, cap, t->keys[i], t->vals[i]);
    free(t->keys);
    free(t->vals);
    t->keys = keys;
    t->vals = vals;
    t->cap = cap;
    return 0;
}

static int32_t new_node(trie *t)
{
    if (t->nnodes == t->capnodes) {
        size_t cap = t->capnodes ? t->capnodes * 2 : 1024;
        int32_t *p = realloc(t->value, cap * sizeof *p);
        if (!p)
            return -1;
        t->value = p;
        t->capnodes = cap;
    }
    t->value[t->nnodes] = -1;
    return (int32_t)t->nnodes++;
}

static int32_t step_add(trie *t, int32_t node, unsigned char c)
{
    int32_t child = trie_child(t, node, c);
    if (child >= 0)
        return child;
    if (node != 0 && (t->nedges + 1) * 2 > t->cap && edges_grow(t))
        return -1;
    child = new_node(t);
    if (child < 0)
        return -1;
    if (node == 0) {
        t->root[c] = child;
    } else {
        edges_insert(t->keys, t->vals, t->cap, ((uint64_t)(node + 1) << 8) | c, child);
        t->nedges++;
    }
    return child;
}

int trie_init(trie *t)
{
    memset(t, 0, sizeof *t);
    for (int c = 0; c < 256; c++)
        t->root[c] = -1;
    return edges_grow(t) || new_node(t) < 0 ? -1 : 0;
}

void trie_free(trie *t)
{
    free(t->keys);
    free(t->vals);
    free(t->value);
    memset(t, 0, sizeof *t);
}

int32_t trie_insert(trie *t, const char *s, size_t n)
{
    int32_t node = 0;
    for (size_t i = 0; i < n && node >= 0; i++)
        node = step_add(t, node, (unsigned char)s[i]);
    return node;
}
