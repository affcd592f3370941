/* A compared result is no study: see compared.h. */
#include <string.h>
#include <strings.h>

#include "compared.h"
#include "resolve.h"
#include "util/util.h"
#include "words.h"

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
                                   "did not change", "no significant effect",
                                   "no significant effects", "no significant benefit", NULL};

/* Phrases of an equal result between arms: no label follows from them ("no significant
 * difference was detected between mitoxantrone ... and the combination"). */
static const char *const EQUAL[] = {"no significant difference", "no significant differences",
                                    "similar", "comparable", "equivalent", "non-inferior",
                                    "noninferior", "as effective as", "not superior", NULL};

/* Words that introduce the arm the therapy is compared with: a therapy after them (and
 * after the phrase) is the comparator, not what gave the result ("superior to
 * conventional continuous DBS", "greater improvements ... compared with adding
 * rosiglitazone"). */
static const char *const AGAINST[] = {"than", "to", "compared", "versus", "vs",
                                      "comparison", "over", NULL};

/* Words around a therapy that make it a measure ("doses of morphine usage ... were
 * significantly lower"): before it, and after it. */
static const char *const MEASURE_BEFORE[] = {"doses of", "dose of", "consumption of",
                                             "requirements of", "requirement of", NULL};
static const char *const MEASURE_AFTER[] = {"usage", "consumption", "requirement",
                                            "requirements", "dose", "doses", NULL};

/* Words of method or aim: the sentence describes how the therapy was studied. */
static const char *const METHOD[] = {
    "randomized", "randomised", "randomly", "assigned", "allocated", "aim", "aimed",
    "aims", "objective", "purpose", "to compare", "to evaluate", "to assess",
    "to investigate", "to determine", "to examine", "we compared", "will", "whether",
    "hypothesis", "hypothesized", NULL};

/* The first place in s[0..n) where phrase starts on a word boundary and ends on one,
 * with *end its end; n when there is none. */
static size_t find_phrase(const char *s, size_t n, const char *phrase, size_t *end)
{
    size_t k = strlen(phrase);
    for (size_t p = 0; p + k <= n; p++) {
        if ((p > 0 && is_ascii_alnum((unsigned char)s[p - 1])) || strncasecmp(s + p, phrase, k) ||
            (p + k < n && is_ascii_alnum((unsigned char)s[p + k])))
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

/* Whether a word of list lies in s[a..b) (a word of it whole). */
static bool word_in(const char *s, size_t a, size_t b, const char *const *list)
{
    size_t e;
    for (; *list; list++)
        if (b > a && find_phrase(s + a, b - a, *list, &e) < b - a)
            return true;
    return false;
}

/* Words right before a comparator named ahead of the result ("Compared with morphine,
 * ketamine gave significantly lower pain scores"). */
static const char *const COMPARED_BEFORE[] = {"compared with", "compared to", "versus", "vs",
                                              "vs.", "than", "relative to", NULL};

/* Whether the therapy at s[ts..te) is the comparator of the phrase that starts at byte
 * ps (named after it, or right after a comparison word before it), or a measure. */
static bool not_the_subject(const char *s, size_t n, size_t ps, size_t ts, size_t te)
{
    if ((ts >= ps && word_in(s, ps, ts, AGAINST)) ||
        words_phrase_before(s, ts, COMPARED_BEFORE) != (size_t)-1)
        return true;
    size_t b = ts > 20 ? ts - 20 : 0, e;
    for (const char *const *w = MEASURE_BEFORE; *w; w++) {
        size_t p = find_phrase(s + b, ts - b, *w, &e);
        if (p < ts - b && b + e + 2 >= ts)
            return true;
    }
    size_t q = te;
    while (q < n && s[q] == ' ')
        q++;
    for (const char *const *w = MEASURE_AFTER; *w; w++) {
        size_t k = strlen(*w);
        if (q + k <= n && !strncasecmp(s + q, *w, k) && (q + k == n || !is_ascii_alnum((unsigned char)s[q + k])))
            return true;
    }
    return false;
}

/* A candidate the relabel may change: a studied-for claim with therapy and condition
 * that no earlier pass relabelled. */
static bool relabels(const candidate *c)
{
    return c->mention[SLOT_THERAPY] >= 0 && c->mention[SLOT_CONDITION] >= 0 && !c->label &&
           c->r->effect && !strcmp(c->r->effect, "studied for");
}

void compared_relabel(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n)
{
    size_t i = 0;
    while (i < m->cands.len && !relabels(&m->cands.items[i]))
        i++;
    if (i == m->cands.len)
        return; /* most sentences: no phrase scan */
    size_t ms = 0, me = 0, bs = 0, be = 0, ns = 0, ne = 0;
    if (first_of(s, n, METHOD, &ms, &me) || first_of(s, n, EQUAL, &ms, &me))
        return;
    bool benefit = first_of(s, n, BENEFITS, &bs, &be);
    bool none = first_of(s, n, NONE, &ns, &ne);
    if (benefit == none) /* neither, or both: left as it is */
        return;
    for (; i < m->cands.len; i++) { /* from the first that qualifies */
        candidate *c = &m->cands.items[i];
        if (!relabels(c))
            continue;
        const mention *t = &m->tags.mentions.items[c->mention[SLOT_THERAPY]];
        if (not_the_subject(s, n, benefit ? bs : ns, t->start, t->end))
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
