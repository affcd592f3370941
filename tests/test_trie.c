/*
 * The byte trie (src/lexicon/trie.c): a large compacted trie moved into huge pages
 * (trie_huge_pages) walks as before, and keeps its values (in its cells, trie_value).
 * The keys are made up: 60,000 strings of six letters from a fixed linear congruential
 * sequence.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon/trie.h"

#define NKEYS 60000

static void key(uint32_t *seed, char out[7])
{
    for (int i = 0; i < 6; i++) {
        *seed = *seed * 1664525u + 1013904223u;
        out[i] = (char)('a' + (*seed >> 24) % 26);
    }
    out[6] = '\0';
}

static int32_t find(const trie *t, const char *s)
{
    int32_t node = 0;
    for (size_t i = 0; s[i] && node >= 0; i++)
        node = trie_child(t, node, (unsigned char)s[i]);
    return node;
}

Test(trie, a_large_trie_in_huge_pages_walks_as_before)
{
    trie t;
    cr_assert_eq(trie_init(&t), 0);
    uint32_t seed = 1;
    char k[7];
    for (int i = 0; i < NKEYS; i++) {
        key(&seed, k);
        int32_t node = trie_insert(&t, k, 6);
        cr_assert_geq(node, 0);
        *trie_value(&t, node) = i;
    }
    cr_assert_eq(trie_compact(&t), 0);
    cr_assert_geq(t.ncells * sizeof *t.cells, (size_t)2 << 20, "large enough to move");
    trie_huge_pages(&t);
    cr_expect_eq((uintptr_t)t.cells % ((uintptr_t)2 << 20), 0, "moved to huge-page memory");
    seed = 1;
    for (int i = 0; i < NKEYS; i++) {
        key(&seed, k);
        int32_t node = find(&t, k);
        cr_assert_geq(node, 0, "%s", k);
        /* a later key equal to this one overwrote the value */
        cr_assert_geq(*trie_value(&t, node), i, "%s", k);
    }
    cr_expect_lt(find(&t, "abc1"), 0);
    cr_expect_lt(find(&t, "zzzzzzz"), 0);
    trie_free(&t);
}
