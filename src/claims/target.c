/* The claim's target over the people's condition: see target.h. */
#include "target.h"
#include "harm.h"
#include "population.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Does the claim state an outcome of its own: an effect mention or an open outcome
 * phrase ("improved {effect:open}"), not only the rule's label? */
static bool states_outcome(const candidate *c)
{
    return c->mention[SLOT_EFFECT] >= 0 || c->mention[SLOT_EFFECT] == MENTION_OPEN;
}


/* A claim of what a study tests ("studied for": an aim, a design, a question) stays: the
 * people's condition is what it tests the therapy in (GUIDELINES: effect). */
static bool studied(const candidate *c)
{
    const char *label = c->label ? c->label : c->r->effect;
    return label && !strcmp(label, "studied for");
}

static bool harmful(const candidate *c)
{
    return c->r->predicate && harm_predicate(c->r->predicate);
}

/* Is s[a..b) "of" and at most three more words, with no punctuation ("<healing> of
 * chronic foot <ulcers>")? */
static bool of_object(const char *s, size_t a, size_t b)
{
    while (a < b && s[a] == ' ')
        a++;
    if (b - a < 3 || strncasecmp(s + a, "of ", 3))
        return false;
    int words = 0;
    for (size_t i = a + 3; i < b; i++) {
        if (!isalnum((unsigned char)s[i]) && s[i] != ' ' && s[i] != '-')
            return false;
        if (s[i] != ' ' && (i == a + 3 || s[i - 1] == ' ') && ++words > 3)
            return false;
    }
    return true;
}

/* Is d a claim of c's therapy whose condition, outside any population, is the object of
 * c's outcome ("of" right after it) before c's condition (the people's), in one clause? */
static bool object_between(const thx_ruleset *rs, const tag_result *tags, const char *s,
                           size_t n, const candidate *c, const candidate *d)
{
    int tm = c->mention[SLOT_THERAPY], cm = c->mention[SLOT_CONDITION];
    int dm = d->mention[SLOT_CONDITION];
    if (dm < 0 || dm == cm || d->mention[SLOT_THERAPY] != tm || harmful(d))
        return false;
    const mention *t = &tags->mentions.items[tm], *p = &tags->mentions.items[cm];
    const mention *q = &tags->mentions.items[dm];
    size_t e = c->span_end[SLOT_EFFECT];
    return q->entry != p->entry && q->start >= t->end && q->end <= p->start && e <= q->start &&
           of_object(s, e, q->start) && population_one_clause(s, t->end, p->start) &&
           !population_condition(rs, tags, s, n, d);
}

/* Does condition mention q name an operation, with the therapy t given for the operation
 * and not for q: "surgery", "surgeries", "operation(s)" right after q, t is not that word,
 * and nothing between t and q times t around it ("before", "after", "following", "prior",
 * "adjuvant": "chemotherapy before rectal cancer surgery" treats the cancer)? */
static bool operated_on(const char *s, size_t n, const mention *t, const mention *q)
{
    static const char *const ops[] = {"surgery", "surgeries", "operation", "operations", NULL};
    static const char *const times[] = {"before", "after", "following", "prior", "adjuvant",
                                        "neoadjuvant", "preoperative", "postoperative", NULL};
    size_t p = q->end;
    while (p < n && s[p] == ' ')
        p++;
    size_t e = p;
    while (e < n && isalpha((unsigned char)s[e]))
        e++;
    if (!word_in_list(s + p, e - p, ops) || (t->start <= p && t->end > p))
        return false;
    if (t->end <= q->start)
        for (size_t i = t->end; i < q->start;) {
            size_t w = i;
            while (w < q->start && isalpha((unsigned char)s[w]))
                w++;
            if (w > i && word_in_list(s + i, w - i, times))
                return false;
            i = w > i ? w : i + 1;
        }
    return true;
}

/* The one condition the sentence names (one lexicon entry, however often), when no harm
 * claim takes it: its first mention's index, else -1. The same for every candidate of
 * the sentence (a candidate given it below is no harm), so found once. */
static int sole_condition(const match_ctx *m)
{
    const tag_result *tags = &m->tags;
    int found = -1;
    for (size_t k = 0; k < tags->mentions.len; k++) {
        const mention *q = &tags->mentions.items[k];
        if (q->type != SLOT_CONDITION || q->hidden)
            continue;
        if (found >= 0 && tags->mentions.items[found].entry != q->entry)
            return -1; /* two conditions: which one the outcome is measured in is unsaid */
        if (found < 0)
            found = (int)k;
    }
    if (found < 0)
        return -1;
    for (size_t j = 0; j < m->cands.len; j++) {
        const candidate *d = &m->cands.items[j];
        int dm = d->mention[SLOT_CONDITION];
        if (harmful(d) && dm >= 0 && tags->mentions.items[dm].entry ==
                                         tags->mentions.items[found].entry)
            return -1;
    }
    return found;
}

/* Whether condition mention q is the people's of candidate c, in c's clause. */
static bool population_of(const thx_ruleset *rs, const match_ctx *m, const char *s, size_t n,
                          const candidate *c, int q)
{
    candidate probe = *c;
    probe.mention[SLOT_CONDITION] = q;
    return population_condition(rs, &m->tags, s, n, &probe) &&
           population_one_clause(s, c->trig_start, m->tags.mentions.items[q].start);
}

static void outcome_takes_population(match_ctx *m, const thx_ruleset *rs, const char *s,
                                     size_t n)
{
    int q = -2; /* not yet looked for */
    for (size_t i = 0; i < m->cands.len; i++) {
        candidate *c = &m->cands.items[i];
        if (c->mention[SLOT_THERAPY] < 0 || c->mention[SLOT_CONDITION] != -1 ||
            !states_outcome(c) || harmful(c) || studied(c))
            continue;
        if (q == -2)
            q = sole_condition(m);
        if (q < 0)
            return;
        if (!population_of(rs, m, s, n, c, q))
            continue;
        c->mention[SLOT_CONDITION] = q;
        c->span_start[SLOT_CONDITION] = m->tags.mentions.items[q].start;
        c->span_end[SLOT_CONDITION] = m->tags.mentions.items[q].end;
    }
}

void target_over_population(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n)
{
    const tag_result *tags = &m->tags;
    candidate_vec *cs = &m->cands;
    bool *drop = NULL;
    for (size_t i = 0; i < cs->len; i++) {
        candidate *c = &cs->items[i];
        int tm = c->mention[SLOT_THERAPY], cm = c->mention[SLOT_CONDITION];
        if (tm >= 0 && cm >= 0 &&
            operated_on(s, n, &tags->mentions.items[tm], &tags->mentions.items[cm])) {
            if (!drop && !(drop = calloc(cs->len, sizeof *drop)))
                return;
            drop[i] = true;
            continue;
        }
        if (tm < 0 || cm < 0 || harmful(c) || !population_condition(rs, tags, s, n, c))
            continue;
        const mention *p = &tags->mentions.items[cm];
        bool yields = false;
        for (size_t j = 0; j < cs->len && !yields; j++) {
            const candidate *d = &cs->items[j];
            if (j == i || d->mention[SLOT_THERAPY] != tm)
                continue;
            if (states_outcome(c))
                yields = object_between(rs, tags, s, n, c, d);
            else if (!studied(c) && states_outcome(d) && d->mention[SLOT_CONDITION] == -1 &&
                     !harmful(d) && population_one_clause(s, d->trig_start, p->start)) {
                /* the bare claim becomes the outcome claim on the people's condition;
                 * the outcome claim without a condition goes once one took it */
                if (!drop && !(drop = calloc(cs->len, sizeof *drop)))
                    return; /* out of memory: the claims stay as they are */
                *c = *d;
                c->mention[SLOT_CONDITION] = cm;
                c->span_start[SLOT_CONDITION] = p->start;
                c->span_end[SLOT_CONDITION] = p->end;
                /* and every other reading of the same outcome without a condition */
                for (size_t k = 0; k < cs->len; k++)
                    drop[k] = drop[k] || (k != i && cs->items[k].mention[SLOT_THERAPY] == tm &&
                                          cs->items[k].mention[SLOT_CONDITION] == -1 &&
                                          cs->items[k].span_start[SLOT_EFFECT] ==
                                              c->span_start[SLOT_EFFECT] &&
                                          cs->items[k].span_end[SLOT_EFFECT] ==
                                              c->span_end[SLOT_EFFECT]);
                break;
            }
        }
        if (yields) {
            if (!drop && !(drop = calloc(cs->len, sizeof *drop)))
                return;
            drop[i] = true;
        }
    }
    if (!drop) {
        outcome_takes_population(m, rs, s, n);
        return;
    }
    size_t kept = 0;
    for (size_t i = 0; i < cs->len; i++)
        if (!drop[i])
            cs->items[kept++] = cs->items[i];
    cs->len = kept;
    free(drop);
    outcome_takes_population(m, rs, s, n);
}
