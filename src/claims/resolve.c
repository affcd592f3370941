/* Conflicts and cue scopes within one sentence: see resolve.h. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "resolve.h"

static bool same_slot(const candidate *a, const candidate *b, int t)
{
    bool pa = a->mention[t] != -1, pb = b->mention[t] != -1;
    return pa == pb && (!pa || (a->span_start[t] == b->span_start[t] &&
                                a->span_end[t] == b->span_end[t]));
}

static bool overlap(const candidate *a, const candidate *b, int t)
{
    return a->span_start[t] < b->span_end[t] && b->span_start[t] < a->span_end[t];
}

/* The span a candidate claims: a therapy-condition pair, or for an effect-only claim
 * the therapy with its effect. Two claims on one pair with effects at different places
 * ("improves tissue repair and increases the ejection fraction in AMI") are two claims;
 * a claim whose effect is only its rule's label competes with every claim on the pair. */
/* An effect-only claim that a claim naming a condition repeats (same therapy, checked
 * by the caller): the same effect ("<cardioprotective> effect of X" and "<cardioprotective>
 * effect of X on <myocardial infarction>"), or the same trigger when the effect-only
 * claim has no object of its own ("<benefit> for patients with <SEGA>"). An outcome
 * object of its own is another claim: "improved <cognitive function>, <depression> and
 * ..." states two. The one with the condition says more. */
static bool subsumed(const candidate *a, const candidate *b)
{
    if ((a->mention[SLOT_CONDITION] == -1) == (b->mention[SLOT_CONDITION] == -1))
        return false;
    const candidate *only = a->mention[SLOT_CONDITION] == -1 ? a : b;
    if (a->mention[SLOT_EFFECT] != -1 && b->mention[SLOT_EFFECT] != -1)
        return overlap(a, b, SLOT_EFFECT);
    return only->mention[SLOT_EFFECT] == -1 && a->trig_start < b->trig_end &&
           b->trig_start < a->trig_end;
}

static bool same_claim(const candidate *a, const candidate *b)
{
    if (!same_slot(a, b, SLOT_THERAPY))
        return false;
    if (subsumed(a, b))
        return true;
    if (a->mention[SLOT_CONDITION] != -1 || b->mention[SLOT_CONDITION] != -1) {
        bool both_effects = a->mention[SLOT_EFFECT] != -1 && b->mention[SLOT_EFFECT] != -1;
        return same_slot(a, b, SLOT_CONDITION) &&
               (!both_effects || overlap(a, b, SLOT_EFFECT));
    }
    if (a->mention[SLOT_EFFECT] != -1 || b->mention[SLOT_EFFECT] != -1)
        return same_slot(a, b, SLOT_EFFECT);
    return a->trig_start == b->trig_start;
}

/* > 0 when a beats b; *why says on what ground */
static int better(const candidate *a, const candidate *b, const char **why)
{
    if (subsumed(a, b)) {
        *why = "names the condition";
        return a->mention[SLOT_CONDITION] != -1 ? 1 : -1;
    }
    if (a->r->priority != b->r->priority) {
        *why = "higher priority";
        return a->r->priority > b->r->priority ? 1 : -1;
    }
    int oa = (a->mention[SLOT_THERAPY] == MENTION_OPEN) + (a->mention[SLOT_CONDITION] == MENTION_OPEN);
    int ob = (b->mention[SLOT_THERAPY] == MENTION_OPEN) + (b->mention[SLOT_CONDITION] == MENTION_OPEN);
    if (oa != ob) {
        *why = "fewer open slots";
        return oa < ob ? 1 : -1;
    }
    size_t la = a->end - a->start, lb = b->end - b->start;
    if (la != lb) {
        *why = "longer match";
        return la > lb ? 1 : -1;
    }
    *why = "earlier rule";
    if (a->r->order != b->r->order)
        return a->r->order < b->r->order ? 1 : -1;
    if (a->pattern != b->pattern)
        return a->pattern < b->pattern ? 1 : -1;
    return 0;
}

static void note_conflict(conflict_vec *trace, const candidate *w, const candidate *l,
                          const char *why)
{
    if (!trace || VEC_PUSH_SLOT(trace))
        return;
    trace->items[trace->len++] = (conflict){*w, *l, why};
}

static int sentence_order(const void *x, const void *y)
{
    const candidate *a = x, *b = y;
    for (int t = 0; t < SLOT_NTYPES; t++) {
        /* therapy first, then condition, then effect: the order of the output */
        int k = t == 0 ? SLOT_THERAPY : t == 1 ? SLOT_CONDITION : SLOT_EFFECT;
        bool pa = a->mention[k] != -1, pb = b->mention[k] != -1;
        if (pa != pb)
            return pa ? 1 : -1;
        if (a->span_start[k] != b->span_start[k])
            return a->span_start[k] < b->span_start[k] ? -1 : 1;
    }
    if (a->trig_start != b->trig_start)
        return a->trig_start < b->trig_start ? -1 : 1;
    return 0;
}

void claims_resolve(candidate_vec *cands, conflict_vec *trace)
{
    size_t kept = 0;
    for (size_t i = 0; i < cands->len; i++) {
        candidate *c = &cands->items[i];
        bool lost = false;
        for (size_t j = 0; j < kept && !lost; j++) {
            if (!same_claim(c, &cands->items[j]))
                continue;
            const char *why = "";
            if (better(c, &cands->items[j], &why) > 0) {
                note_conflict(trace, c, &cands->items[j], why);
                cands->items[j] = *c;
            } else {
                note_conflict(trace, &cands->items[j], c, why);
            }
            lost = true;
        }
        if (!lost)
            cands->items[kept++] = *c;
    }
    cands->len = kept;
    if (cands->len > 1)
        qsort(cands->items, cands->len, sizeof *cands->items, sentence_order);
}

/* ------------------------------------------------------------------ cues */

static bool overlaps(const cue_hit *a, const cue_hit *b)
{
    return a->start < b->end && b->start < a->end;
}

/* A hit is live unless a pseudo trigger or a longer hit covers it. */
static bool live(const thx_ruleset *rs, const tag_result *tags, size_t i)
{
    const cue_hit *h = &tags->cues.items[i];
    if (rs->cues[h->cue].role == CUE_PSEUDO)
        return false;
    for (size_t j = 0; j < tags->cues.len; j++) {
        const cue_hit *o = &tags->cues.items[j];
        if (j == i || !overlaps(h, o))
            continue;
        if (rs->cues[o->cue].role == CUE_PSEUDO)
            return false;
        size_t lh = h->end - h->start, lo = o->end - o->start;
        if (lo > lh || (lo == lh && j < i))
            return false;
    }
    return true;
}

/* A stop word of the scoped cue's own kind at pos: each block's stop words end its own
 * cues' scopes only, so that an aim runs past a negation's "while" or "which" ("We aimed to
 * investigate whether X can improve glucose control while alleviating Y"). */
static bool is_stop_at(const thx_ruleset *rs, const tag_result *tags, size_t pos, bool forward,
                       cue_kind kind)
{
    for (size_t j = 0; j < tags->cues.len; j++) {
        const cue_hit *o = &tags->cues.items[j];
        if (rs->cues[o->cue].role == CUE_STOP && rs->cues[o->cue].kind == kind &&
            (forward ? o->start == pos : o->end == pos))
            return true;
    }
    return false;
}

/* Scope of a forward cue: the next `words` words after it, up to a stop cue. */
static size_t scope_forward(const thx_ruleset *rs, const tag_result *tags, const char *s,
                            size_t n, size_t from, int words, cue_kind kind)
{
    size_t p = from;
    for (int w = 0; w < words && p < n; w++) {
        while (p < n && is_space((unsigned char)s[p]))
            p++;
        if (p >= n || is_stop_at(rs, tags, p, true, kind) || s[p] == ';')
            break;
        while (p < n && !is_space((unsigned char)s[p]))
            p++;
    }
    return p;
}

static size_t scope_backward(const thx_ruleset *rs, const tag_result *tags, const char *s,
                             size_t from, int words, cue_kind kind)
{
    size_t p = from;
    for (int w = 0; w < words && p > 0; w++) {
        while (p > 0 && is_space((unsigned char)s[p - 1]))
            p--;
        if (p == 0 || is_stop_at(rs, tags, p, false, kind) || s[p - 1] == ';')
            break;
        while (p > 0 && !is_space((unsigned char)s[p - 1]))
            p--;
    }
    return p;
}

/* "NO" in capitals inside a sentence written in mixed case is nitric oxide ("NO plays a
 * role of endogenous convulsant", "the use of NO inhibitors"), no negation. */
static bool nitric_oxide(const cue_def *d, const cue_hit *h, const char *s, size_t n)
{
    if (d->kind != CUE_NEGATION || h->end - h->start != 2 || h->start == 0 ||
        strncmp(s + h->start, "NO", 2))
        return false;
    for (size_t k = 0; k < n; k++)
        if (s[k] >= 'a' && s[k] <= 'z')
            return true;
    return false;
}

bool claims_cue_scope(const thx_ruleset *rs, const tag_result *tags, const char *s, size_t n,
                      size_t i, size_t *from, size_t *to)
{
    const cue_hit *h = &tags->cues.items[i];
    const cue_def *d = &rs->cues[h->cue];
    if ((d->role != CUE_FORWARD && d->role != CUE_BACKWARD) || !live(rs, tags, i) ||
        nitric_oxide(d, h, s, n))
        return false;
    if (d->role == CUE_FORWARD) {
        *from = h->end;
        *to = scope_forward(rs, tags, s, n, h->end, d->scope, d->kind);
    } else {
        *from = scope_backward(rs, tags, s, h->start, d->scope, d->kind);
        *to = h->start;
    }
    return true;
}

void claims_flags(const thx_ruleset *rs, const tag_result *tags, const char *s, size_t n,
                  const candidate *c, claim_flags *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < tags->cues.len; i++) {
        const cue_hit *h = &tags->cues.items[i];
        const cue_def *d = &rs->cues[h->cue];
        size_t from, to;
        if (!claims_cue_scope(rs, tags, s, n, i, &from, &to))
            continue;
        /* the cue is part of the trigger ("failed to reduce"), or the trigger part of
         * the cue ("no benefit", "potential") */
        bool in_trigger = (h->start >= c->trig_start && h->end <= c->trig_end) ||
                          (c->trig_start >= h->start && c->trig_end <= h->end);
        bool covers = d->role == CUE_FORWARD
                          ? c->trig_start >= from && c->trig_start < to
                          : c->trig_end <= to && c->trig_start >= from;
        if (!in_trigger && !covers)
            continue;
        if (d->kind == CUE_OUTCOME_BAD || d->kind == CUE_OUTCOME_GOOD)
            continue; /* never tagged; the harm guard's vocabulary */
        if (d->kind == CUE_POPULATION)
            continue; /* says who the subjects are (claims_population), nothing of the claim */
        if (d->kind == CUE_OBJECTIVE) {
            if (!out->objective && !out->design)
                out->study_cue = i;
            out->objective = true; /* relabels the claim; not one of its flag cues */
            continue;
        }
        if (d->kind == CUE_DESIGN) {
            if (!out->objective && !out->design)
                out->study_cue = i;
            out->design = true; /* the same, for a title claim no finite verb states */
            continue;
        }
        if (d->kind == CUE_NEGATION)
            out->negated = true;
        else
            out->hedged = true;
        if (out->ncues < CLAIM_MAX_CUES)
            out->cue[out->ncues++] = i;
    }
}

/* Is the text between a therapy's end and a condition's start "-induced" (or "induced
 * by"-free of anything else): the condition is the therapy's own doing, not its
 * subjects' illness ("a rat model of BCNU-induced dysplasia" with BCNU the therapy). */
static bool induced_by(const char *s, const mention *t, const mention *cond)
{
    if (t->end > cond->start || cond->start - t->end > 24)
        return false;
    const char *p = s + t->end, *e = s + cond->start;
    while (p < e && (*p == '-' || is_space((unsigned char)*p)))
        p++;
    return (size_t)(e - p) >= 7 && !strncmp(p, "induced", 7);
}

int claims_population(const thx_ruleset *rs, const tag_result *tags, const char *s, size_t n,
                      const candidate *c)
{
    int tm = c->mention[SLOT_THERAPY];
    if (tm < 0 || c->mention[SLOT_CONDITION] != -1)
        return -1;
    const mention *t = &tags->mentions.items[tm];
    for (size_t i = 0; i < tags->cues.len; i++) {
        const cue_def *d = &rs->cues[tags->cues.items[i].cue];
        size_t from, to;
        if (d->kind != CUE_POPULATION || !claims_cue_scope(rs, tags, s, n, i, &from, &to))
            continue;
        for (size_t k = 0; k < tags->mentions.len; k++) {
            const mention *m = &tags->mentions.items[k];
            if (m->type != SLOT_CONDITION || m->hidden || m->start < from || m->start >= to)
                continue;
            if (induced_by(s, t, m))
                break; /* the model's inducer is the claim's therapy: no population */
            return (int)k;
        }
    }
    return -1;
}

/* ------------------------------------------------------------------ findings */

static bool ends_with(const char *w, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && !strncasecmp(w + n - k, suffix, k);
}

/* The word that ends at or before s[end) (skipping white space): *w, its length. */
static size_t word_before(const char *s, size_t end, const char **w)
{
    size_t e = end;
    while (e > 0 && is_space((unsigned char)s[e - 1]))
        e--;
    size_t b = e;
    while (b > 0 && !is_space((unsigned char)s[b - 1]))
        b--;
    *w = s + b;
    return e - b;
}

bool claims_stated(const char *s, size_t n, const candidate *c)
{
    /* a finite verb or auxiliary before the subtitle, or a result's head: "N-acetylcysteine
     * does not prevent ...", "Lamivudine is effective ...", "Case-based exercises fail to
     * ...", "Superiority of duloxetine to placebo in improving ...", "Improvements in
     * productivity ... after certolizumab pegol treatment ..." */
    static const char *const finite[] = {
        "is", "are", "was", "were", "has", "have", "had", "does", "do", "did", "can",
        "could", "may", "might", "will", "would", "fail", "fails", "failed", "shows",
        "showed", "provides", "provided", "improvement", "improvements", "superiority",
        "superior", NULL};
    /* nouns and prepositions that a nominal title uses as its trigger */
    static const char *const nominal[] = {
        "for", "in", "of", "with", "versus", "vs", "against", "treated", "effects",
        "benefits", "outcomes", "results", "improvements", "reductions", "changes",
        "properties", "activities", "actions", "responses", NULL};
    size_t head = n;
    for (size_t i = 0; i < n; i++)
        if (s[i] == ':') {
            head = i;
            break;
        }
    for (size_t i = 0; i < head;) {
        while (i < head && !isalpha((unsigned char)s[i]))
            i++;
        size_t b = i;
        while (i < head && (isalpha((unsigned char)s[i]) || s[i] == '-'))
            i++;
        if (i > b && word_in_list(s + b, i - b, finite))
            return true;
    }
    const char *w, *prev;
    size_t wn = word_before(s, c->trig_end, &w);
    size_t pn = word_before(s, (size_t)(w - s), &prev);
    bool bare = !ends_with(w, wn, "s") && !ends_with(w, wn, "ed");
    if (wn == 0 || (pn == 2 && !strncasecmp(prev, "to", 2)) ||
        (bare && pn == 3 && !strncasecmp(prev, "and", 3)))
        return false; /* "mesna ... to prevent ...", "to reduce stress and improve mood" */
    /* a property before its head noun: "Antidepressant Effect of X on Y: A Randomized
     * Trial", "Analgesic effects of X in Y: a randomized study" */
    static const char *const heads[] = {"effect", "effects", "activity", "activities",
                                        "action", "actions", "potential", "efficacy",
                                        "property", "properties", "role", "roles",
                                        "capacity", NULL};
    size_t a = c->trig_end;
    while (a < head && is_space((unsigned char)s[a]))
        a++;
    size_t ae = a;
    while (ae < head && isalpha((unsigned char)s[ae]))
        ae++;
    if (ae > a && word_in_list(s + a, ae - a, heads))
        return false;
    if (word_in_list(w, wn, nominal) || ends_with(w, wn, "ing") || ends_with(w, wn, "tion") ||
        ends_with(w, wn, "sion") || ends_with(w, wn, "ment") || ends_with(w, wn, "axis") ||
        ends_with(w, wn, "apy"))
        return false; /* "Prevention of ...", "Treatment of ...", "... in preventing ..." */
    /* a verb of the present or past ("reduces", "Decreases", "alleviates", "improved"),
     * or a bare one after its plural subject ("Stem Cells Ameliorate Aging Frailty") */
    return true;
}

bool claims_aim(const char *s, size_t n, const candidate *c)
{
    static const char *const aims[] = {"treatment", "treatments", "prevention", "prophylaxis",
                                       "management", NULL};
    /* a case's or a harm's title: "Five cases of encephalitis during treatment of loiasis
     * with X", "Peripheral neuropathy caused by high-dose X treatment in a patient with Y" */
    static const char *const cases[] = {"case", "cases", "patient", "during", "caused", NULL};
    if (claims_stated(s, n, c))
        return false;
    const char *w, *prev, *agent;
    size_t wn = word_before(s, c->trig_end, &w);
    size_t pn = word_before(s, (size_t)(w - s), &prev);
    if (wn == 0 || (pn == 2 && !strncasecmp(prev, "by", 2)))
        return false; /* a finding's means: "X inhibits mTOR signaling by promoting ..." */
    if (c->mention[SLOT_THERAPY] != -1 &&
        word_before(s, c->span_start[SLOT_THERAPY], &agent) == 2 && !strncasecmp(agent, "by", 2))
        return false; /* a result's agent: "Prevention of seizures ... by transplantation of X" */
    size_t a = c->trig_end;
    while (a < n && is_space((unsigned char)s[a]))
        a++;
    if (a + 2 < n && !strncasecmp(s + a, "by", 2) && is_space((unsigned char)s[a + 2]))
        return false; /* "...: Prevention by the targeted antioxidant MitoQ" */
    /* a result's adjective: "Successful management of Y with X" */
    static const char *const results[] = {"successful", "effective", "efficacious", NULL};
    if (word_in_list(prev, pn, results))
        return false;
    size_t last = 0; /* the previous word's bytes, [last, last + lastn) */
    size_t lastn = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && !isalpha((unsigned char)s[i]))
            i++;
        size_t b = i;
        while (i < n && (isalpha((unsigned char)s[i]) || s[i] == '-'))
            i++;
        if (i == b)
            break;
        if (word_in_list(s + b, i - b, cases))
            return false;
        /* a finite verb before its object's determiner: "... improved the efficacy of X in
         * treating Y", "X creates a supportive immune niche to promote ..." */
        static const char *const dets[] = {"the", "a", "an", NULL};
        if (b < c->trig_start && lastn >= 4 && word_in_list(s + b, i - b, dets) &&
            last + lastn == b - 1 &&
            (ends_with(s + last, lastn, "ed") ||
             (ends_with(s + last, lastn, "s") && !ends_with(s + last, lastn, "ss"))))
            return false;
        last = b;
        lastn = i - b;
    }
    /* a gerund after a preposition ("in preventing", "for Treating", "on Decreasing"), not
     * after a verb ("Hyperbaric Oxygen Therapy Facilitates Healing of ...") */
    static const char *const preps[] = {"in", "for", "on", "of", "at", "with", "about",
                                        "toward", "towards", NULL};
    return word_in_list(w, wn, aims) ||
           (wn > 5 && ends_with(w, wn, "ing") && word_in_list(prev, pn, preps)) ||
           (pn == 2 && !strncasecmp(prev, "to", 2));
}

bool claims_design_after(const char *p, size_t len)
{
    static const char *const design[] = {"trial", "trials", "study", "studies", "randomized",
                                         "randomised", "double-blind", "placebo-controlled",
                                         "investigation", "crossover", "cross-over", NULL};
    size_t i = 0;
    while (i < len && (is_space((unsigned char)p[i]) || p[i] == '.'))
        i++;
    for (int words = 0; words < 10 && i < len && p[i] != '.';) {
        if (!isalpha((unsigned char)p[i])) {
            i++;
            continue;
        }
        size_t b = i;
        while (i < len && (isalpha((unsigned char)p[i]) || p[i] == '-'))
            i++;
        if (word_in_list(p + b, i - b, design))
            return true;
        words++;
    }
    return false;
}

int claims_section_label(const char *s, size_t n)
{
    static const char *const methods[] = {"METHODS", "METHOD", "DESIGN", "SETTING", "SETTINGS",
                                          "PARTICIPANTS", "SUBJECTS", "PATIENTS", "PATIENT",
                                          "INTERVENTION", "INTERVENTIONS", "MATERIALS",
                                          "MATERIAL", "PROCEDURES", NULL};
    /* a section that reports findings: "METHODS AND RESULTS" is no methods section */
    static const char *const findings[] = {"RESULTS", "RESULT", "CONCLUSION", "CONCLUSIONS",
                                           "FINDINGS", "INTERPRETATION", "DISCUSSION", NULL};
    /* the other heads of a label, which may come without its colon ("CONCLUSIONS These
     * findings ...", "RESULTS HIF-1alpha ...", "EXPERIMENTAL DESIGN In this trial ...") */
    static const char *const heads[] = {
        "BACKGROUND", "INTRODUCTION", "OBJECTIVE", "OBJECTIVES", "AIM", "AIMS", "PURPOSE",
        "SIGNIFICANCE", "IMPLICATIONS", "SUMMARY", "CONTEXT", "RATIONALE", "MEASUREMENTS",
        "OUTCOME", "OUTCOMES", "MEASURES", "MEASURE", "HYPOTHESIS", "METHODOLOGY",
        "LIMITATIONS", "PRESENTATION", "REPORT", NULL};
    static const char *const joins[] = {"AND", "OF", "THE", "MAIN", "STUDY", "EXPERIMENTAL",
                                        "CASE", "CLINICAL", "PRINCIPAL", "KEY", NULL};
    size_t i = 0, words = 0;
    bool study = false, result = false, head = false;
    while (i < n && words < 6) {
        size_t b = i;
        while (i < n && ((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '/'))
            i++;
        if (i - b < 2 || (i < n && isalpha((unsigned char)s[i])))
            /* not a word of capitals ("Fourteen", "A", "mTOR", "PPIs"): the label, if
             * any, ended before it */
            return words && head ? study && !result : -1;
        bool known = true;
        /* "PATIENTS AND METHODS", "BACKGROUND/AIMS": each part read */
        for (size_t p = b; p < i;) {
            size_t q = p;
            while (q < i && s[q] != '/')
                q++;
            if (word_in_list(s + p, q - p, methods))
                study = head = true;
            else if (word_in_list(s + p, q - p, findings))
                result = head = true;
            else if (word_in_list(s + p, q - p, heads))
                head = true;
            else if (!word_in_list(s + p, q - p, joins))
                known = false;
            p = q + 1;
        }
        if (!known) /* "RESULTS HIF-1alpha ...": the label ended before this word */
            return words && head ? study && !result : -1;
        words++;
        if (i + 3 <= n && !strncmp(s + i, "(S)", 3))
            i += 3; /* "CONCLUSION(S):" */
        if (i < n && s[i] == ':')
            return study && !result;
        if (i < n && s[i] == ' ')
            i++;
        else
            break;
        /* a label without its colon ends before a word of text */
        if (head && i < n && !(s[i] >= 'A' && s[i] <= 'Z' && i + 1 < n && s[i + 1] >= 'A' &&
                               s[i + 1] <= 'Z'))
            return study && !result;
    }
    return -1;
}
