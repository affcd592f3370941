/*
 * A byte trie whose edges live in one open-addressing hash keyed by (node, byte), with
 * the root's children in a direct table (every walk starts there). Each node carries
 * one int32 value, -1 until set; the lexicon uses it as the head of a node's list of
 * outputs. Owns its arrays.
 */
#ifndef THX_TRIE_H
#define THX_TRIE_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    int32_t root[256];
    uint64_t *keys; /* 0 = empty; key = ((node + 1) << 8) | byte */
    int32_t *vals;
    size_t cap, nedges;
    int32_t *value; /* per node */
    size_t nnodes, capnodes;
} trie;

int trie_init(trie *t);
void trie_free(trie *t);
/* The node reached from node by byte c, or -1. */
int32_t trie_child(const trie *t, int32_t node, unsigned char c);
/* The node for s[0..n), made as needed (bytes are taken as they are); -1 on failure. */
int32_t trie_insert(trie *t, const char *s, size_t n);

#endif
