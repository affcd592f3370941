/*
 * A byte trie whose edges live in one open-addressing hash keyed by (node, byte), with
 * the root's children in a direct table (every walk starts there). Each node carries
 * one int32 value, -1 until set; the lexicon uses it as the head of a node's list of
 * outputs. Owns its arrays.
 *
 * Once built, trie_compact lays the trie out as a double array instead (a node's child
 * by byte c sits at cell base + c and names its parent in check), with nodes numbered
 * breadth first, so that the top levels every walk goes through share a few cache
 * lines; a node's value sits in its cell, beside the check a walk reads, so that a step
 * touches one cache line, not two. The hash and the value array are freed then (edges
 * and value NULL, cap 0), and inserting afterwards builds them again from the double
 * array and drops it. Node numbers change in trie_compact: hold none across it. Read
 * and write a node's value through trie_value, which serves either form.
 */
#ifndef THX_TRIE_H
#define THX_TRIE_H

#include <stddef.h>
#include <stdint.h>

/* One hash slot: key and child side by side, so a lookup touches one cache line. */
typedef struct {
    uint32_t key; /* 0 = empty; ((node + 1) << 8) | byte */
    int32_t child;
} trie_edge;

/* One cell of the double array. */
typedef struct {
    int32_t base;  /* the node's children are at base + byte (0: no children) */
    int32_t check; /* the parent of the node in this cell, -1: a free cell */
    int32_t value; /* the node's value (-1 until set) */
} trie_cell;

typedef struct {
    int32_t root[256];
    trie_edge *edges;
    size_t cap, nedges;
    int32_t *value; /* per node, NULL in the double array's form (cells hold them) */
    size_t nnodes, capnodes;
    trie_cell *cells; /* the double array, indexed by node, or NULL; ncells covers
                       * base + 255 of every node */
    size_t ncells;
} trie;

int trie_init(trie *t);
void trie_free(trie *t);
/* Builds the double array (renumbering the nodes). Returns 0 or -1 (out of memory:
 * the trie is left as it was, and works without). */
int trie_compact(trie *t);
/* Moves a compacted trie's double array (with its values) into memory the kernel is advised
 * to map with huge pages (Linux: madvise MADV_HUGEPAGE), when they are large enough to
 * gain: a walk of a large trie steps to a new page at almost every byte, and with 4 kB
 * pages each step also misses the TLB. Best effort: on any failure they stay as they
 * are. */
void trie_huge_pages(trie *t);
/* A copy of p[0..n) in huge-page memory as trie_huge_pages makes it (the caller frees it
 * with free), or NULL: too small to gain, or out of memory. */
void *trie_huge_copy(const void *p, size_t n);
static inline uint32_t trie_hash_(uint32_t k)
{
    k ^= k >> 16;
    k *= 0x7feb352dU;
    k ^= k >> 15;
    k *= 0x846ca68bU;
    k ^= k >> 16;
    return k;
}

/* The value of node, to read or set, in either form. */
static inline int32_t *trie_value(const trie *t, int32_t node)
{
    return t->cells ? &t->cells[node].value : &t->value[node];
}

/* The node reached from node by byte c, or -1. Inline: the tagger's inner loop. */
static inline int32_t trie_child(const trie *t, int32_t node, unsigned char c)
{
    if (node == 0)
        return t->root[c];
    if (t->cells) {
        int32_t s = t->cells[node].base + c;
        return t->cells[s].check == node ? s : -1;
    }
    uint32_t key = ((uint32_t)(node + 1) << 8) | c;
    size_t mask = t->cap - 1;
    for (size_t i = trie_hash_(key) & mask;; i = (i + 1) & mask) {
        if (t->edges[i].key == key)
            return t->edges[i].child;
        if (t->edges[i].key == 0)
            return -1;
    }
}
/* The node for s[0..n), made as needed (bytes are taken as they are); -1 on failure
 * (out of memory, or more than 2^24 nodes). */
int32_t trie_insert(trie *t, const char *s, size_t n);

#endif
