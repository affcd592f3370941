/* Byte trie with hashed edges: see trie.h. */
#define _DEFAULT_SOURCE /* madvise's MADV_HUGEPAGE and MADV_DONTNEED */
#include "trie.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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

/* Before an insert into a compacted trie: the hash again from the double array (which
 * had every edge; trie_compact freed the hash), and the double array dropped. */
static int edges_from_cells(trie *t)
{
    size_t cap = 1024;
    while (cap < (t->nedges + 1) * 2)
        cap *= 2;
    trie_edge *edges = calloc(cap, sizeof *edges);
    int32_t *value = malloc((t->nnodes ? t->nnodes : 1) * sizeof *value);
    if (!edges || !value) {
        free(edges);
        free(value);
        return -1;
    }
    for (size_t s = 0; s < t->nnodes; s++)
        value[s] = t->cells[s].value;
    for (size_t s = 0; s < t->ncells; s++) {
        int32_t parent = t->cells[s].check;
        if (parent > 0) /* the root's children are in root[] */
            edges_insert(edges, cap, ((uint32_t)(parent + 1) << 8) |
                                         (unsigned char)(s - (size_t)t->cells[parent].base),
                         (int32_t)s);
    }
    free(t->edges);
    t->edges = edges;
    t->cap = cap;
    free(t->value);
    t->value = value;
    t->capnodes = t->nnodes ? t->nnodes : 1;
    free(t->cells);
    t->cells = NULL;
    t->ncells = 0;
    return 0;
}

static int32_t step_add(trie *t, int32_t node, unsigned char c)
{
    int32_t child = trie_child(t, node, c);
    if (child >= 0)
        return child;
    if (t->cells && edges_from_cells(t))
        return -1;
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
    free(t->cells);
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

/* ------------------------------------------------------------------ double array */

typedef struct {
    int32_t parent, child;
    unsigned char c;
} edge_ref;


/* Grows cells (free cells: check -1) and the bitmap of cells in use to hold index need. */
static int cells_reserve(trie_cell **cells, uint64_t **used, size_t *cap, size_t need)
{
    if (need < *cap)
        return 0;
    size_t n = *cap ? *cap : 1024;
    while (n <= need)
        n *= 2;
    trie_cell *p = realloc(*cells, n * sizeof *p);
    if (!p)
        return -1;
    *cells = p;
    uint64_t *u = realloc(*used, n / 64 * sizeof *u);
    if (!u)
        return -1;
    *used = u;
    for (size_t i = *cap; i < n; i++)
        p[i] = (trie_cell){0, -1, -1};
    memset(u + *cap / 64, 0, (n - *cap) / 64 * sizeof *u);
    *cap = n;
    return 0;
}

/* The first free cell at or after i (cells past the bitmap are free). */
static size_t next_free(const uint64_t *used, size_t cap, size_t i)
{
    while (i < cap) {
        uint64_t w = ~used[i / 64] >> (i % 64);
        if (w)
            return i + (size_t)__builtin_ctzll(w);
        i = (i / 64 + 1) * 64;
    }
    return i;
}

int trie_compact(trie *t)
{
    size_t nn = t->nnodes, ne = 0;
    edge_ref *e = malloc((t->nedges + 256 + 1) * sizeof *e);
    edge_ref *byc = malloc((t->nedges + 256 + 1) * sizeof *byc);
    size_t *first = calloc(nn + 1, sizeof *first);
    int32_t *newid = malloc(nn * sizeof *newid), *queue = malloc(nn * sizeof *queue);
    trie_cell *cells = NULL;
    uint64_t *used = NULL;
    size_t cap = 0;
    if (!e || !byc || !first || !newid || !queue)
        goto fail;
    for (int c = 0; c < 256; c++)
        if (t->root[c] >= 0)
            e[ne++] = (edge_ref){0, t->root[c], (unsigned char)c};
    for (size_t i = 0; i < t->cap; i++)
        if (t->edges[i].key)
            e[ne++] = (edge_ref){(int32_t)(t->edges[i].key >> 8) - 1, t->edges[i].child,
                                 (unsigned char)(t->edges[i].key & 0xFF)};
    /* sorted by parent, then byte: two counting sorts (by byte, then stably by parent) */
    size_t bytepos[257] = {0};
    for (size_t i = 0; i < ne; i++)
        bytepos[e[i].c + 1]++;
    for (int c = 0; c < 256; c++)
        bytepos[c + 1] += bytepos[c];
    for (size_t i = 0; i < ne; i++)
        byc[bytepos[e[i].c]++] = e[i];
    for (size_t i = 0; i < ne; i++)
        first[byc[i].parent + 1]++;
    for (size_t i = 0; i < nn; i++)
        first[i + 1] += first[i];
    for (size_t i = 0; i < ne; i++) /* first[p] moves to the end of p's edges... */
        e[first[byc[i].parent]++] = byc[i];
    memmove(first + 1, first, nn * sizeof *first); /* ...which is where p + 1's begin */
    first[0] = 0;
    free(byc);
    byc = NULL;
    /* breadth first: each node's children go to the first base where all are free */
    size_t head = 0, tail = 0, free_from = 1, many_from = 1, hi = 1, top = 0;
    if (cells_reserve(&cells, &used, &cap, 256))
        goto fail;
    newid[0] = 0;
    used[0] |= 1; /* the root's cell */
    queue[tail++] = 0;
    while (head < tail) {
        int32_t u = queue[head++];
        size_t a = first[u], b = first[u + 1];
        if (a == b)
            continue;
        free_from = next_free(used, cap, free_from);
        /* nodes with several children start where such a search last had to go far,
         * so that the build does not rescan a full region for each of them */
        size_t base, tries = 0, p = b - a > 1 && many_from > free_from ? next_free(used, cap, many_from) : free_from;
        for (;; p = next_free(used, cap, p + 1), tries++) {
            if (tries >= 32 && p < hi)
                p = hi; /* past the last cell in use, all are free */
            if (p <= e[a].c)
                continue; /* base >= 1: cell 0 is the root's */
            base = p - e[a].c;
            if (cells_reserve(&cells, &used, &cap, base + 256))
                goto fail;
            size_t k = a + 1;
            while (k < b && cells[base + e[k].c].check == -1)
                k++;
            if (k == b)
                break;
        }
        if (tries > 16)
            many_from = p;
        if (base + 256 >= (1u << 24))
            goto fail; /* node numbers must fit the hash keys */
        cells[newid[u]].base = (int32_t)base;
        for (size_t k = a; k < b; k++) {
            size_t slot = base + e[k].c;
            cells[slot].check = newid[u];
            used[slot / 64] |= (uint64_t)1 << (slot % 64);
            hi = slot + 1 > hi ? slot + 1 : hi;
            newid[e[k].child] = (int32_t)slot;
            queue[tail++] = e[k].child;
        }
        top = base + 256 > top ? base + 256 : top;
    }
    top = top > 256 ? top : 256;
    free(used);
    used = NULL;
    /* the cells past top were reserved by doubling and hold no node: dropped (up to half
     * the array; a walk reads no cell past the last base + 255) */
    if (top < cap) {
        trie_cell *fit = realloc(cells, top * sizeof *cells);
        if (fit) {
            cells = fit;
            cap = top;
        }
    }
    /* renumber: values (into the cells) and the root table follow the new numbers */
    for (size_t i = 0; i < nn; i++)
        cells[newid[i]].value = t->value[i];
    for (int c = 0; c < 256; c++)
        if (t->root[c] >= 0)
            t->root[c] = newid[t->root[c]];
    free(t->edges); /* the double array has every edge; an insert builds the hash anew */
    t->edges = NULL;
    t->cap = 0;
    free(t->value);
    t->value = NULL;
    t->nnodes = top;
    t->capnodes = 0;
    free(t->cells);
    t->cells = cells;
    t->ncells = cap;
    free(e);
    free(first);
    free(newid);
    free(queue);
    return 0;
fail:
    free(e);
    free(byc);
    free(first);
    free(newid);
    free(queue);
    free(cells);
    free(used);
    return -1;
}

/* ------------------------------------------------------------------ huge pages */

#define HUGE_PAGE ((size_t)2 << 20)

/* A copy of p[0..n) in memory aligned to a huge page and advised as huge pages, or NULL
 * (too small to gain, or out of memory: the caller keeps p). */
void *trie_huge_copy(const void *p, size_t n)
{
    if (n < HUGE_PAGE)
        return NULL;
    size_t len = (n + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    void *q = NULL;
    if (posix_memalign(&q, HUGE_PAGE, len))
        return NULL;
#if defined(MADV_HUGEPAGE) && defined(MADV_DONTNEED)
    /* advice, without which the copy still works: the pages are dropped first, as
     * malloc may hand back memory already mapped in small pages, which the kernel does
     * not remap at once; q[0..len) is ours whole (len was asked for) */
    madvise(q, len, MADV_HUGEPAGE);
    madvise(q, len, MADV_DONTNEED);
#endif
    memcpy(q, p, n);
    return q;
}

void trie_huge_pages(trie *t)
{
    void *cells = t->cells ? trie_huge_copy(t->cells, t->ncells * sizeof *t->cells) : NULL;
    if (cells) {
        free(t->cells);
        t->cells = cells;
    }
}
