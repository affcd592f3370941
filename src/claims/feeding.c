/* A diet fed is an exposure: see feeding.h. */
#include <string.h>
#include <strings.h>

#include "feeding.h"
#include "util/util.h"
#include "words.h"

/* Whether s[0..n) speaks of feeding: the word "fed" or "feeding", or "diet of" /
 * "diets of". */
static bool speaks_of_feeding(const char *s, size_t n)
{
    static const char *const FEED[] = {"fed", "feeding", NULL};
    static const char *const DIET[] = {"diet", "diets", NULL};
    for (size_t i = 0; i < n;) {
        while (i < n && !words_char(s[i]))
            i++;
        size_t ws = i;
        while (i < n && words_char(s[i]))
            i++;
        if (i == ws)
            continue;
        if (words_in(s, ws, i, FEED))
            return true;
        if (words_in(s, ws, i, DIET) && i + 4 <= n && !strncasecmp(s + i, " of ", 4))
            return true;
    }
    return false;
}

/* Whether the word before s[at..) names a loading diet: "high-fat", "high fat",
 * "HF", "HS", "HG", "Western", "atherogenic" ... (a model of disease, not a therapy). */
static bool loading_before(const char *s, size_t at)
{
    static const char *const LOADS[] = {"fat", "salt", "sodium", "sucrose", "fructose",
                                        "cholesterol", "grain", "sugar", NULL};
    static const char *const NAMED[] = {"HF", "HFD", "HS", "HSD", "HG", "western",
                                        "cafeteria", "atherogenic", "obesogenic", NULL};
    size_t ws, we;
    if (!words_prev(s, at, &ws, &we))
        return false;
    if (words_in(s, ws, we, NAMED))
        return true;
    if (we - ws > 5 && !strncasecmp(s + ws, "high-", 5))
        return word_in_list(s + ws + 5, we - ws - 5, LOADS);
    return words_in(s, ws, we, LOADS) && words_before_is(s, ws, "high");
}

/* What the test of a candidate reads: the sentence, its mentions and whether it speaks
 * of feeding. */
typedef struct {
    const thx_ruleset *rs;
    const mention_vec *mv;
    const char *s;
    bool fed;
} feeding_ctx;

/* Whether candidate c's therapy is the generic diet, a mention of its own. */
static bool generic_diet(const feeding_ctx *f, const candidate *c)
{
    int tm = c->mention[SLOT_THERAPY];
    return tm >= 0 && (size_t)tm < f->mv->len && f->mv->items[tm].with < 0 &&
           !strcasecmp(f->rs->lex.entries[f->mv->items[tm].entry].canonical, "diet");
}

static bool fed_diet(const candidate *c, const void *ctx)
{
    const feeding_ctx *f = ctx;
    return generic_diet(f, c) &&
           (f->fed || loading_before(f->s, f->mv->items[c->mention[SLOT_THERAPY]].start));
}

void feeding_drop(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n)
{
    feeding_ctx f = {rs, &m->tags.mentions, s, false};
    bool any = false;
    for (size_t i = 0; i < m->cands.len && !any; i++)
        any = generic_diet(&f, &m->cands.items[i]);
    if (!any)
        return;
    f.fed = speaks_of_feeding(s, n);
    cands_drop_if(&m->cands, fed_diet, &f);
}
