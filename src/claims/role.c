/* The class after a drug's copula names the drug: see role.h. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "fold.h"
#include "role.h"

/* s[a..) starts with word w and a space; the position after the space, or 0. */
static size_t skip(const char *s, size_t a, size_t b, const char *w)
{
    size_t k = strlen(w);
    return a + k < b && !strncasecmp(s + a, w, k) && s[a + k] == ' ' ? a + k + 1 : 0;
}

/* Whether s[a..b), the text between a drug and a class, is its copula: an optional
 * parenthesis, "is a(n)", "was a(n)" or "are" (an article optional), then at most three
 * words of kind. */
static bool copula(const char *s, size_t a, size_t b)
{
    while (a < b && s[a] == ' ')
        a++;
    if (a < b && s[a] == '(') {
        while (a < b && s[a] != ')')
            a++;
        if (a >= b)
            return false;
        for (a++; a < b && s[a] == ' '; a++)
            ;
    }
    size_t p;
    bool article = true;
    if ((p = skip(s, a, b, "is")) || (p = skip(s, a, b, "was")))
        a = p;
    else if ((p = skip(s, a, b, "are")) || (p = skip(s, a, b, "were")))
        a = p, article = false;
    else
        return false;
    if ((p = skip(s, a, b, "a")) || (p = skip(s, a, b, "an")))
        a = p;
    else if (article)
        return false;
    for (int w = 0; w < 3 && a < b; w++) {
        size_t e = a;
        while (e < b && (isalnum((unsigned char)s[e]) || s[e] == '-'))
            e++;
        if (e == a || e >= b || s[e] != ' ')
            return false;
        a = e + 1;
    }
    return a == b;
}

/* The drug mention that therapy mention tm describes as its class, or -1. */
static int described(const lexicon *lx, const mention_vec *mv, const char *s, int tm)
{
    const mention *c = &mv->items[tm];
    if (c->type != SLOT_THERAPY || !mention_has_tag(lx, c, "drug-class"))
        return -1;
    for (int j = tm - 1; j >= 0; j--) {
        const mention *d = &mv->items[j];
        if (d->end > c->start)
            continue;
        if (d->type != SLOT_THERAPY)
            return -1;
        return mention_is_drug(lx, d) && c->start - d->end <= 80 && copula(s, d->end, c->start) ? j
                                                                                        : -1;
    }
    return -1;
}

/* Whether b pairs therapy mention d with a's condition mention. */
static bool pairs(const candidate *b, int d, const candidate *a)
{
    return b->mention[SLOT_THERAPY] == d &&
           b->mention[SLOT_CONDITION] == a->mention[SLOT_CONDITION];
}

void role_retarget(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n)
{
    (void)n;
    const mention_vec *mv = &m->tags.mentions;
    candidate_vec *cs = &m->cands;
    size_t kept = 0;
    for (size_t i = 0; i < cs->len; i++) {
        candidate c = cs->items[i];
        int tm = c.mention[SLOT_THERAPY];
        int d = tm >= 0 ? described(&rs->lex, mv, s, tm) : -1;
        if (d >= 0) {
            c.mention[SLOT_THERAPY] = d;
            c.span_start[SLOT_THERAPY] = mv->items[d].start;
            c.span_end[SLOT_THERAPY] = mv->items[d].end;
            bool twice = false; /* the kept ones, then those still to come */
            for (size_t k = 0; k < kept && !twice; k++)
                twice = pairs(&cs->items[k], d, &c);
            for (size_t k = i + 1; k < cs->len && !twice; k++)
                twice = pairs(&cs->items[k], d, &c);
            if (twice)
                continue;
        }
        cs->items[kept++] = c;
    }
    cs->len = kept;
}
