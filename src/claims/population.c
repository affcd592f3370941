/* The people's condition yields to the claim's target: see population.h. */
#include <string.h>
#include <strings.h>

#include "harm.h"
#include "population.h"
#include "resolve.h"

/* s[a..b) joins two coordinated conditions: an optional parenthesis, a comma and/or
 * "and", "or", "and/or" or "as well as", then at most three words (modifiers), with no
 * other punctuation. */
static bool coordinated(const char *s, size_t a, size_t b)
{
    size_t p = a;
    while (p < b && is_space((unsigned char)s[p]))
        p++;
    if (p < b && s[p] == '(') {
        while (p < b && s[p] != ')')
            p++;
        if (p < b)
            p++;
    }
    while (p < b && (is_space((unsigned char)s[p]) || s[p] == ','))
        p++;
    static const char *const conj[] = {"and/or", "and", "or", "as well as", NULL};
    bool joined = false;
    for (const char *const *c = conj; *c && !joined; c++) {
        size_t k = strlen(*c);
        if (b - p > k && !strncasecmp(s + p, *c, k) && is_space((unsigned char)s[p + k])) {
            p += k;
            joined = true;
        }
    }
    if (!joined && !memchr(s + a, ',', p - a))
        return false; /* a list joined by commas alone: "PD, MSA, pure autonomic failure" */
    int words = 0;
    while (p < b) {
        while (p < b && is_space((unsigned char)s[p]))
            p++;
        if (p >= b)
            break;
        if (++words > 3)
            return false;
        while (p < b && !is_space((unsigned char)s[p])) {
            if (s[p] == ',' || s[p] == ';' || s[p] == '.' || s[p] == '(' || s[p] == ':')
                return false;
            p++;
        }
    }
    return true;
}

/* A population cue that names people ("patients with"), not a disease model ("a rat
 * model of <Y>", where Y is what the therapy is tested against). */
static bool people_cue(const char *s, const cue_hit *h)
{
    return !(h->end - h->start >= 5 && !strncasecmp(s + h->start, "model", 5));
}

/* Is condition mention k the people's: in the scope of a live population cue of people,
 * or coordinated with such a condition before it ("patients with <cancer> and <renal
 * impairment>", "children with the history of <RUTI> and unilateral <VUR>": a
 * comma, "and", "or", "as well as" and up to three words between)? */
static bool in_population(const thx_ruleset *rs, const tag_result *tags, const char *s,
                          size_t n, int k, int depth)
{
    const mention *m = &tags->mentions.items[k];
    for (size_t i = 0; i < tags->cues.len; i++) {
        size_t from, to;
        if (rs->cues[tags->cues.items[i].cue].kind == CUE_POPULATION &&
            people_cue(s, &tags->cues.items[i]) &&
            claims_cue_scope(rs, tags, s, n, i, &from, &to) && m->start >= from &&
            m->start < to)
            return true;
    }
    for (int j = k - 1; j >= 0 && depth < 8; j--) {
        const mention *p = &tags->mentions.items[j];
        if (p->type != SLOT_CONDITION || p->end > m->start)
            continue;
        return coordinated(s, p->end, m->start) &&
               in_population(rs, tags, s, n, j, depth + 1);
    }
    return false;
}

/* From byte p, past white space and words that describe people ("obese | and elderly |
 * women with", "overweight | or older | adults with"), up to byte end at most. */
static size_t skip_modifiers(const char *s, size_t p, size_t end)
{
    static const char *const words[] = {
        "and", "or", "elderly", "older", "young", "middle-aged", "male", "female",
        "pediatric", "paediatric", "adult", "adolescent", "pregnant", "postmenopausal",
        "premenopausal", "hospitalized", "hospitalised", NULL};
    for (;;) {
        while (p < end && is_space((unsigned char)s[p]))
            p++;
        size_t e = p;
        while (e < end && !is_space((unsigned char)s[e]))
            e++;
        bool known = false;
        for (const char *const *w = words; *w && !known; w++)
            known = strlen(*w) == e - p && !strncasecmp(s + p, *w, e - p);
        if (!known || e == end)
            return p;
        p = e;
    }
}

/* Condition mention k names a measure of risk, not a target: "cardiovascular risk
 * factors". */
static bool risk_factors(const char *s, size_t n, const mention *k)
{
    size_t p = k->end;
    while (p < n && is_space((unsigned char)s[p]))
        p++;
    return n - p >= 6 && !strncasecmp(s + p, "factor", 6);
}

/* The condition that the people right after mention k have: k is followed, across
 * white space only, by a live population cue ("obese | patients with"), and a condition
 * starts in its scope with no comma before it ("patients with pelvic stones", not
 * "a Wilson disease patient with hepatic presentation, anxiety"); its index, or -1. */
static int people_after(const thx_ruleset *rs, const tag_result *tags, const char *s,
                        size_t n, const mention *k)
{
    for (size_t i = 0; i < tags->cues.len; i++) {
        const cue_hit *h = &tags->cues.items[i];
        size_t from, to, p = k->end;
        if (rs->cues[h->cue].kind != CUE_POPULATION || !people_cue(s, h) || h->start < k->end)
            continue;
        p = skip_modifiers(s, p, h->start);
        if (p != h->start || !claims_cue_scope(rs, tags, s, n, i, &from, &to))
            continue;
        for (size_t j = 0; j < tags->mentions.len; j++) {
            const mention *q = &tags->mentions.items[j];
            if (q->type != SLOT_CONDITION || q->hidden || q->start < from || q->start >= to)
                continue;
            for (size_t b = from; b < q->start; b++)
                if (s[b] == ',' || s[b] == ';' || s[b] == '(')
                    return -1;
            return (int)j;
        }
    }
    return -1;
}

/* Is the condition of candidate c (a lexicon mention) the people's? */
static bool populated(const thx_ruleset *rs, const tag_result *tags, const char *s, size_t n,
                      const candidate *c)
{
    int cm = c->mention[SLOT_CONDITION];
    return cm >= 0 && in_population(rs, tags, s, n, cm, 0);
}

/* No ';' between bytes a and b: one clause of the sentence. */
static bool one_clause(const char *s, size_t a, size_t b)
{
    if (a > b) {
        size_t t = a;
        a = b;
        b = t;
    }
    for (size_t i = a; i < b; i++)
        if (s[i] == ';')
            return false;
    return true;
}

void population_yield(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n)
{
    const tag_result *tags = &m->tags;
    candidate_vec *cs = &m->cands;
    for (size_t i = 0; i < cs->len; i++) {
        candidate *c = &cs->items[i];
        int cm = c->mention[SLOT_CONDITION];
        if (cm < 0)
            continue;
        int q = people_after(rs, tags, s, n, &tags->mentions.items[cm]);
        if (q >= 0) {
            c->mention[SLOT_CONDITION] = q;
            c->span_start[SLOT_CONDITION] = tags->mentions.items[q].start;
            c->span_end[SLOT_CONDITION] = tags->mentions.items[q].end;
        }
    }
    /* compacted in place: a slot before i holds a kept candidate, so every candidate
     * that can stand as the other claim (one not dropped here) is still read */
    size_t kept = 0;
    for (size_t i = 0; i < cs->len; i++) {
        const candidate *c = &cs->items[i];
        bool yields = false;
        if (c->mention[SLOT_EFFECT] == -1 && populated(rs, tags, s, n, c)) {
            const mention *p = &tags->mentions.items[c->mention[SLOT_CONDITION]];
            for (size_t j = 0; j < cs->len && !yields; j++) {
                const candidate *d = &cs->items[j];
                int dm = d->mention[SLOT_CONDITION];
                /* the people's disease named again ("patients with MSCC did not benefit
                 * ... local control of MSCC") is no other target */
                yields = j != i && dm >= 0 && dm != c->mention[SLOT_CONDITION] &&
                         tags->mentions.items[dm].entry != p->entry &&
                         d->mention[SLOT_THERAPY] == c->mention[SLOT_THERAPY] &&
                         !(d->r->predicate && harm_predicate(d->r->predicate)) &&
                         !populated(rs, tags, s, n, d) &&
                         !risk_factors(s, n, &tags->mentions.items[dm]) &&
                         one_clause(s, tags->mentions.items[dm].start, p->start);
            }
        }
        if (!yields)
            cs->items[kept++] = *c;
    }
    cs->len = kept;
}
