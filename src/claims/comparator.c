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
        "comparisons", "comparing", "compared the", "study", "studies", "aim", "aims",
        "aimed", "objective", "objectives", "purpose", "assess", "assessed", "evaluate",
        "evaluated", "evaluation", "compare", "investigated", "examined", "explore",
        "explored", "analysis", "review", "meta-analysis", "efficacy", "safety",
        "experience", "management", NULL};
    for (size_t i = 0; DESIGN[i]; i++)
        if (has_word(s, n, DESIGN[i]))
            return true;
    return false;
}

/* Where the comparator's word before s[..to) starts ("versus", "vs.", "compared with"),
 * or (size_t)-1 when none. */
static size_t comparator_at(const char *s, size_t to)
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
            return p - k;
    }
    return (size_t)-1;
}

typedef struct {
    const match_ctx *m;
    const char *s;
    size_t n;
} sentence;

/* Does a therapy mention end right before s[..at) (spaces, a comma or a parenthesis
 * between): "Ticagrelor vs. clopidogrel", a design's two arms side by side? */
static bool therapy_before(const sentence *x, size_t at)
{
    size_t p = at;
    while (p > 0 && (x->s[p - 1] == ' ' || x->s[p - 1] == ','))
        p--;
    const mention_vec *mv = &x->m->tags.mentions;
    for (size_t i = 0; i < mv->len; i++)
        if (mv->items[i].type == SLOT_THERAPY && mv->items[i].end <= p &&
            mv->items[i].end + 2 >= p)
            return true;
    return false;
}

static bool comparator(const candidate *c, const void *ctx)
{
    const sentence *x = ctx;
    if (c->mention[SLOT_THERAPY] == -1 || !c->r->effect || strcmp(c->r->effect, "studied for"))
        return false;
    size_t at = comparator_at(x->s, c->span_start[SLOT_THERAPY]);
    return at != (size_t)-1 && !therapy_before(x, at) && !design_named(x->s, x->n);
}

void comparator_drop(match_ctx *m, const char *s, size_t n)
{
    sentence x = {m, s, n};
    cands_drop_if(&m->cands, comparator, &x);
}
