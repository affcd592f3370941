/* A finding's comparator is no subject of a `studied for` claim: see comparator.h. */
#include <string.h>
#include <strings.h>

#include "comparator.h"
#include "words.h"

/* Does s[0..n) hold word w (any case) where a word starts and ends? */
static bool has_word(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++)
        if ((i == 0 || !words_char(s[i - 1])) && !strncasecmp(s + i, w, k) &&
            (i + k == n || !words_char(s[i + k])))
            return true;
    return false;
}

/* Does the sentence name a study's design or aim? */
static bool design_named(const char *s, size_t n)
{
    static const char *const DESIGN[] = {
        "trial", "trials", "randomized", "randomised", "crossover", "comparison",
        "comparisons", "comparing", "compared the", "studies", "aim", "aims", "objective",
        "objectives", "purpose", NULL};
    for (size_t i = 0; DESIGN[i]; i++)
        if (has_word(s, n, DESIGN[i]))
            return true;
    return false;
}

/* Does s[..to) end in a comparator's word ("versus", "vs.", "compared with")? */
static bool after_comparator(const char *s, size_t to)
{
    static const char *const BEFORE[] = {"versus", "vs", "vs.", "compared with",
                                         "compared to", "than", "relative to", NULL};
    size_t p = to;
    while (p > 0 && s[p - 1] == ' ')
        p--;
    for (size_t i = 0; BEFORE[i]; i++) {
        size_t k = strlen(BEFORE[i]);
        if (p >= k && !strncasecmp(s + p - k, BEFORE[i], k) &&
            (p == k || !words_char(s[p - k - 1])))
            return true;
    }
    return false;
}

static bool comparator(const char *s, size_t n, const candidate *c)
{
    return c->mention[SLOT_THERAPY] != -1 && c->r->effect &&
           !strcmp(c->r->effect, "studied for") &&
           after_comparator(s, c->span_start[SLOT_THERAPY]) && !design_named(s, n);
}

void comparator_drop(match_ctx *m, const char *s, size_t n)
{
    cands_drop_in(&m->cands, s, n, comparator);
}
