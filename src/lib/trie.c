/* Byte trie with hashed edges: see trie.h. */
#include "trie.h"

#include <stdlib.h>
#include <string.h>

static void edges_insert(trie_edge *edges, size_t cap, uint32_t key, int32_t child)
{
    size_t mask = cap - 1;
    size_t i = trie_hash_(key) & mask;
    while (edges[i].key != 0)
        i = (i + 1) & mask;
    edges[i].key = key;
    edges[i].child = child;
}

static int edges_grow(trie *t)
{
    size_t cap = t->cap ? t->cap * 2 : 1024;
    trie_edge *edges = calloc(cap, sizeof *edges);
    if (!edges)
        return -1;
    for (size_t i = 0; i < t->cap; i++)
        if (t->edges[i].key)
            edges_insert(edges, cap, t->edges[i].key, t->edges[i].child);
    free(t->edges);
    t->edges = edges;
    t->cap = cap;
    return 0;
}

static int32_t new_node(trie *t)
{
    if (t->nnodes >= (1u << 24) - 1)
        return -1; /* keys hold node numbers in 24 bits */
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
        edges_insert(t->edges, t->cap, ((uint32_t)(node + 1) << 8) | c, child);
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
    free(t->edges);
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
