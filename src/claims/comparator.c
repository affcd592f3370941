/* A finding's comparator is no subject of a `studied for` claim: see comparator.h. */
#include <string.h>
#include <strings.h>

#include "comparator.h"
#include "words.h"

/* Does the sentence name a study's design or aim? */
static bool design_named(const char *s, size_t n)
{
    static const char *const DESIGN[] = {
        "trial", "trials", "randomized", "randomised", "crossover", "comparison",
        "comparisons", "comparing", "compared the", "study", "studies", "aim", "aims",
        "aimed", "objective", "objectives", "purpose", "assess", "assessed", "evaluate",
        "evaluated", "evaluation", "compare", "investigated", "examined", "explore",
        "explored", "analysis", "review", "meta-analysis", "efficacy", "safety",
        "experience", "management", NULL};
    return words_has_any(s, n, DESIGN);
}

/* the words that introduce a comparator ("versus", "vs.", "compared with") */
static const char *const COMPARATOR[] = {"versus", "vs", "vs.", "compared with",
                                         "compared to", "than", "relative to", NULL};

typedef struct {
    const match_ctx *m;
    const char *s;
    size_t n;
} sentence;

/* Does a therapy mention end right at p (a space, a comma or a parenthesis apart)? */
static bool therapy_ends(const sentence *x, size_t p)
{
    const mention_vec *mv = &x->m->tags.mentions;
    for (size_t i = 0; i < mv->len; i++)
        if (mv->items[i].type == SLOT_THERAPY && mv->items[i].end <= p &&
            mv->items[i].end + 2 >= p)
            return true;
    return false;
}

/* Does a therapy mention end right before s[..at), perhaps with its dose between
 * ("Ticagrelor vs. clopidogrel", "insulin glargine 300 U/ml versus insulin glargine 100
 * U/ml", "MTX (17.5 mg weekly) compared with AZA"): a design's two arms side by side? */
static bool therapy_before(const sentence *x, size_t at)
{
    static const char *const DOSE[] = {"mg", "g", "ml", "daily", "weekly", "once", "twice",
                                       "bid", "tid", "qd", "per", "day", NULL};
    size_t p = at;
    for (int k = 0; k < 5; k++) {
        while (p > 0 && (x->s[p - 1] == ' ' || x->s[p - 1] == ','))
            p--;
        if (therapy_ends(x, p))
            return true;
        size_t ws, we;
        if (!words_prev(x->s, p, &ws, &we))
            return false;
        bool digit = false;
        for (size_t i = ws; i < we; i++)
            digit = digit || (x->s[i] >= '0' && x->s[i] <= '9') || x->s[i] == '/'; /* U/ml */
        if (!digit && !words_in(x->s, ws, we, DOSE))
            return false;
        p = ws;
    }
    return false;
}

static bool comparator(const candidate *c, const void *ctx)
{
    const sentence *x = ctx;
    if (c->mention[SLOT_THERAPY] == -1 || !c->r->effect || strcmp(c->r->effect, "studied for"))
        return false;
    size_t at = words_phrase_before(x->s, c->span_start[SLOT_THERAPY], COMPARATOR);
    return at != (size_t)-1 && !therapy_before(x, at) && !design_named(x->s, x->n);
}

void comparator_drop(match_ctx *m, const char *s, size_t n)
{
    sentence x = {m, s, n};
    cands_drop_if(&m->cands, comparator, &x);
}
