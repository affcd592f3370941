/* A compared result is no study: see compared.h. */
#include <string.h>
#include <strings.h>

#include "compared.h"
#include "resolve.h"

/* Phrases that state a benefit found (words separated by one space, matched at word
 * starts, case-insensitive). */
static const char *const BENEFITS[] = {
    "significantly less",      "significantly lower",      "significantly fewer",
    "significantly reduced",   "significantly improved",   "significantly better",
    "significantly greater improvement", "greater improvement", "greater improvements",
    "superior efficacy",       "more effective than",      "better than",
    "superior to",             "beneficial effects observed", "beneficial effect observed",
    "effectively improve",     "effectively improved",     "effectively improves",
    NULL};

/* Phrases that state that the therapy did not help. */
static const char *const NONE[] = {"no role in", "did not significantly change",
                                   "did not change", "no significant effect on",
                                   "no significant benefit", "was not superior",
                                   "were not superior", NULL};

/* Words of method or aim: the sentence describes how the therapy was studied. */
static const char *const METHOD[] = {
    "randomized", "randomised", "randomly", "assigned", "allocated", "aim", "aimed",
    "aims", "objective", "purpose", "to compare", "to evaluate", "to assess",
    "to investigate", "to determine", "to examine", "we compared", "will", "whether",
    "hypothesis", "hypothesized", NULL};

static bool is_word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The first place in s[0..n) where phrase starts on a word boundary and ends on one,
 * with *end its end; n when there is none. */
static size_t find_phrase(const char *s, size_t n, const char *phrase, size_t *end)
{
    size_t k = strlen(phrase);
    for (size_t p = 0; p + k <= n; p++) {
        if ((p > 0 && is_word_char(s[p - 1])) || strncasecmp(s + p, phrase, k) ||
            (p + k < n && is_word_char(s[p + k])))
            continue;
        *end = p + k;
        return p;
    }
    return n;
}

/* The first phrase of list in s[0..n): its bytes in *ps, *pe; false when none. */
static bool first_of(const char *s, size_t n, const char *const *list, size_t *ps,
                     size_t *pe)
{
    bool found = false;
    for (; *list; list++) {
        size_t e, p = find_phrase(s, n, *list, &e);
        if (p < n && (!found || p < *ps)) {
            *ps = p;
            *pe = e;
            found = true;
        }
    }
    return found;
}

void compared_relabel(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n)
{
    size_t ms, me, bs = 0, be = 0, ns = 0, ne = 0;
    if (first_of(s, n, METHOD, &ms, &me))
        return;
    bool benefit = first_of(s, n, BENEFITS, &bs, &be);
    bool none = first_of(s, n, NONE, &ns, &ne);
    if (benefit == none) /* neither, or both: left as it is */
        return;
    for (size_t i = 0; i < m->cands.len; i++) {
        candidate *c = &m->cands.items[i];
        if (c->mention[SLOT_THERAPY] < 0 || c->mention[SLOT_CONDITION] < 0 || c->label ||
            !c->r->effect || strcmp(c->r->effect, "studied for"))
            continue;
        claim_flags f;
        claims_flags(rs, &m->tags, s, n, c, &f);
        if (f.objective || f.design)
            continue;
        c->label = "treats";
        c->predicate = "biolink:treats";
        c->trig_start = benefit ? bs : ns;
        c->trig_end = benefit ? be : ne;
        c->negate = none;
    }
}
