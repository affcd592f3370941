/*
 * The fixture of the tests that tag sentences with a small hand-made lexicon
 * (test_lexicon.c, test_coord.c, test_lowercase.c): the lexicon, the tagger's scratch
 * and result, entries added by name and '|'-separated synonyms, and checks of the
 * mentions found. Include after <criterion/criterion.h>; the including file's setup()
 * calls lexicon_fixture_init() and adds its entries, and its suite uses
 * lexicon_fixture_teardown as .fini.
 */
#ifndef THX_TEST_LEXICON_FIXTURE_H
#define THX_TEST_LEXICON_FIXTURE_H
#include <stdio.h>
#include <string.h>

#include "lexicon/lexicon.h"

static lexicon lx;
static tag_scratch sc;
static tag_result r;

static inline void lexicon_fixture_init(void)
{
    lexicon_init(&lx);
    tag_scratch_init(&sc);
    tag_result_init(&r);
}

static inline void lexicon_fixture_teardown(void)
{
    tag_result_free(&r);
    tag_scratch_free(&sc);
    lexicon_free(&lx);
}

/* An entry of type t named canon, its name and each of syns ('|'-separated, or NULL)
 * a term of it; its index. */
static inline int entry(slot_type t, const char *canon, const char *syns)
{
    int e = lexicon_add_entry(&lx, t, canon, NULL);
    lexicon_add_term(&lx, canon, TERM_MENTION, e, true);
    char buf[512];
    snprintf(buf, sizeof buf, "%s", syns ? syns : "");
    for (char *s = strtok(buf, "|"); s; s = strtok(NULL, "|"))
        lexicon_add_term(&lx, s, TERM_MENTION, e, true);
    return e;
}

/* Tags sentence s into r. */
static inline void tag(const char *s)
{
    cr_assert_eq(lexicon_tag(&lx, s, strlen(s), NULL, &sc, &r), 0);
}

/* Mention i of the last tag(s) covers text and names entry canon. */
static inline void expect_mention(size_t i, const char *s, const char *text, const char *canon)
{
    cr_assert_lt(i, r.mentions.len, "only %zu mentions in: %s", r.mentions.len, s);
    const mention *m = &r.mentions.items[i];
    cr_expect_eq(m->end - m->start, strlen(text), "mention %zu: length %zu", i, m->end - m->start);
    cr_expect(strncmp(s + m->start, text, strlen(text)) == 0, "mention %zu is '%.*s'", i,
              (int)(m->end - m->start), s + m->start);
    cr_expect_str_eq(lx.entries[m->entry].canonical, canon);
}
#endif
