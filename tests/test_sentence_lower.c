/*
 * The sentence splitter on text that has lost its case (src/input/sentence.c): in a
 * section with no capital letter, a full stop before a lowercase word ends the
 * sentence; abbreviations and numbers hold as in mixed-case text; a section with
 * capitals splits as before. Text: pubmed-10k abstracts (../shared/data/pubmed-10k),
 * lowercased here, as the Rosario & Hearst sets are.
 */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>

#include "therex.h"

static void expect_split(const char *text, const char *const *want, size_t n)
{
    thx_sentences ss = {0};
    cr_assert_eq(thx_split_sentences(&ss, text, strlen(text), THX_SEC_ABSTRACT), THX_OK);
    cr_assert_eq(ss.len, n, "%zu sentences instead of %zu in \"%.60s\"", ss.len, n, text);
    for (size_t k = 0; k < n; k++) {
        const thx_sentence *s = &ss.items[k];
        cr_assert(strlen(want[k]) == s->end - s->start &&
                      memcmp(text + s->start, want[k], s->end - s->start) == 0,
                  "sentence %zu is \"%.*s\", not \"%s\"", k, (int)(s->end - s->start),
                  text + s->start, want[k]);
    }
    thx_sentences_free(&ss);
}

Test(sentence_lower, a_lowercase_word_opens_a_sentence_in_lowercased_text)
{
    const char *text = "one of the shortcomings of the available treatments for major "
                       "depressive disorder (mdd) is the time delay between starting the "
                       "treatment and achieving an antidepressant response. we aimed to "
                       "determine the effect of ketamine on mdd.";
    const char *want[] = {"one of the shortcomings of the available treatments for major "
                          "depressive disorder (mdd) is the time delay between starting the "
                          "treatment and achieving an antidepressant response.",
                          "we aimed to determine the effect of ketamine on mdd."};
    expect_split(text, want, 2);
}

Test(sentence_lower, abbreviations_and_numbers_still_hold)
{
    const char *text = "patients received formoterol 4.5 μg (n = 206) vs. placebo, e.g. "
                       "for 12 weeks (smith et al. 2010). p < 0. 001 was significant.";
    const char *want[] = {"patients received formoterol 4.5 μg (n = 206) vs. placebo, e.g. "
                          "for 12 weeks (smith et al. 2010).",
                          "p < 0. 001 was significant."};
    expect_split(text, want, 2);
}

Test(sentence_lower, mixed_case_text_splits_as_before)
{
    /* one capital in the section: a lowercase word after a full stop continues it */
    const char *text = "Doses were given at 8 a.m. and the effect of ketamine was measured. "
                       "we aimed high.";
    const char *want[] = {"Doses were given at 8 a.m. and the effect of ketamine was measured. "
                          "we aimed high."};
    expect_split(text, want, 1);
}
