/* The people's condition yields to the claim's target: see population.h. */
#include <ctype.h>
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

/* Condition mention m names the people after it: a word of people follows it, past an
 * abbreviation in parentheses ("<CKD> patients", "<type 2 diabetes (T2D)> patients"). */
static bool people_noun_after(const char *s, size_t n, const mention *m)
{
    size_t p = m->end;
    while (p < n && is_space((unsigned char)s[p]))
        p++;
    if (p < n && s[p] == '(') {
        size_t q = p;
        while (q < n && s[q] != ')' && q - p < 16)
            q++;
        if (q >= n || s[q] != ')')
            return false;
        p = q + 1;
        while (p < n && is_space((unsigned char)s[p]))
            p++;
    }
    static const char *const nouns[] = {"patients", "patient", "subjects", "participants",
                                        "individuals", "adults", "children", "women", "men",
                                        "infants", "people", "persons", NULL};
    for (const char *const *w = nouns; *w; w++) {
        size_t k = strlen(*w);
        if (n - p >= k && !strncasecmp(s + p, *w, k) &&
            (p + k == n || !isalnum((unsigned char)s[p + k])))
            return true;
    }
    return false;
}

static size_t skip_modifiers(const char *s, size_t p, size_t end);

/* Is mention m a condition named by its adjective right before the people or animals
 * who have it ("<schizophrenic> patients", "<hypertensive> elderly rats": the
 * look-ahead entries of rules/lexicons/mined/condition-adjectives.rules)? One word with
 * an adjective's ending, then, past words that describe people, one of their nouns. */
static bool adjective_of_people(const char *s, size_t n, const mention *m)
{
    static const char *const endings[] = {"ic", "ive", "ous", "ed", "oid", "al", "iac", NULL};
    static const char *const people[] = {
        "patient", "patients", "subject", "subjects", "children", "child", "women", "woman",
        "men", "man", "individual", "individuals", "adult", "adults", "adolescent",
        "adolescents", "infant", "infants", "neonate", "neonates", "newborn", "newborns",
        "person", "persons", "people", "participant", "participants", "volunteer",
        "volunteers", "outpatient", "outpatients", "inpatient", "inpatients", "boy", "boys",
        "girl", "girls", "youth", "youths", "mother", "mothers", "population", "populations",
        "cohort", "cohorts", "rat", "rats", "mice", "mouse", "animal", "animals", "dog", "dogs",
        "cat", "cats", "rabbit", "rabbits", "pig", "pigs", "monkey", "monkeys", "primate",
        "primates", "offspring", "pup", "pups", "model", "models", NULL};
    /* a term that names the people itself ("<diabetic patients>", "<asthmatic
     * children>"): its adjective ends before its last word, a noun of people */
    size_t aend = m->end, sp = m->end;
    while (sp > m->start && !is_space((unsigned char)s[sp - 1]))
        sp--;
    if (sp > m->start) {
        bool noun = false;
        for (const char *const *w = people; *w && !noun; w++)
            noun = strlen(*w) == m->end - sp && !strncasecmp(s + sp, *w, m->end - sp);
        if (!noun)
            return false;
        aend = sp - 1;
    }
    for (size_t i = m->start; i < aend; i++)
        if (!isalpha((unsigned char)s[i]))
            return false;
    bool adjective = false;
    for (const char *const *e = endings; *e && !adjective; e++) {
        size_t k = strlen(*e);
        adjective = aend - m->start > k && !strncasecmp(s + aend - k, *e, k);
    }
    if (adjective && aend < m->end)
        return true;
    if (!adjective || m->end >= n || !is_space((unsigned char)s[m->end]))
        return false;
    size_t p = skip_modifiers(s, m->end, n), e = p;
    while (e < n && isalpha((unsigned char)s[e]))
        e++;
    if (e < n && (isalnum((unsigned char)s[e]) || s[e] == '-'))
        return false;
    for (const char *const *w = people; *w; w++)
        if (strlen(*w) == e - p && !strncasecmp(s + p, *w, e - p))
            return true;
    return false;
}

/* Is condition mention k the people's: named by its adjective before them
 * ("<epileptic> women"), in the scope of a live population cue of people, or
 * coordinated with such a condition before it ("patients with <cancer> and <renal
 * impairment>", "children with the history of <RUTI> and unilateral <VUR>": a
 * comma, "and", "or", "as well as" and up to three words between)? */
static bool in_population(const thx_ruleset *rs, const tag_result *tags, const char *s,
                          size_t n, int k, int depth)
{
    const mention *m = &tags->mentions.items[k];
    if (m->type == SLOT_CONDITION && adjective_of_people(s, n, m))
        return true;
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

bool population_condition(const thx_ruleset *rs, const tag_result *tags, const char *s,
                          size_t n, const candidate *c)
{
    int cm = c->mention[SLOT_CONDITION];
    return cm >= 0 && (in_population(rs, tags, s, n, cm, 0) ||
                       people_noun_after(s, n, &tags->mentions.items[cm]));
}

bool population_one_clause(const char *s, size_t a, size_t b)
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

/* The word before byte p (spaces skipped) is w. */
static bool word_before(const char *s, size_t p, const char *w)
{
    while (p > 0 && is_space((unsigned char)s[p - 1]))
        p--;
    size_t k = strlen(w);
    return p >= k && !strncasecmp(s + p - k, w, k) &&
           (p == k || !isalpha((unsigned char)s[p - k - 1]));
}

/* Condition mention q is what a measure names: "of", at most three words that modify q
 * ("post-operative", "severe"), and before "of" a noun of what is counted or acted on
 * ("the incidence of post-operative <cough>", "the rate of <recurrence>", "prevention of
 * <PONV>"). */
static bool measured(const char *s, const mention *q)
{
    static const char *const nouns[] = {
        "prevention", "treatment", "management", "control", "relief", "resolution",
        "healing", "remission", "reduction", "improvement", "regression", "progression",
        "eradication", "clearance", "cure", "therapy", NULL};
    size_t p = q->start;
    for (int k = 0; k <= 3; k++) {
        size_t b, e;
        if (!word_ending_at(s, p, &b, &e))
            return false;
        if (e - b == 2 && !strncasecmp(s + b, "of", 2)) {
            for (const char *const *w = nouns; *w; w++)
                if (word_before(s, b, *w))
                    return true;
            return false;
        }
        if (!islower((unsigned char)s[b]))
            return false; /* a modifier is a lowercase word, not a name or a number */
        p = b;
    }
    return false;
}

/* The target that the frame of candidate c (its condition the people's) names: a
 * condition that is not the people's, in the same clause, before the people and named
 * by a measure ("the incidence of <cough> with X in children with URI"), or between the
 * therapy and the people, right after "for" or "on" ("X on CRP and benefits for <cardiovascular
 * disease> in patients with T2D", "effect of X on <dyskinesias> in patients with PD"),
 * or right before "outcomes with/after/of" and the therapy ("<Heart failure> outcomes
 * with empagliflozin in patients with type 2 diabetes"); its index, or -1. */
static int framed_target(const thx_ruleset *rs, const tag_result *tags, const char *s,
                         size_t n, const candidate *c)
{
    const mention *t = &tags->mentions.items[c->mention[SLOT_THERAPY]];
    const mention *p = &tags->mentions.items[c->mention[SLOT_CONDITION]];
    /* "Adverse effect of nitrendipine on nephrosclerosis": a harm names no target */
    static const char *const harms[] = {"adverse", "toxic", "harmful", "side effect", NULL};
    for (const char *const *h = harms; *h; h++)
        for (size_t i = 0, hl = strlen(*h); i + hl <= n; i++)
            if (!strncasecmp(s + i, *h, hl))
                return -1;
    for (size_t k = 0; k < tags->mentions.len; k++) {
        const mention *q = &tags->mentions.items[k];
        if (q->type != SLOT_CONDITION || q->hidden || (int)k == c->mention[SLOT_CONDITION] ||
            q->entry == p->entry || in_population(rs, tags, s, n, (int)k, 0) ||
            risk_factors(s, n, q) || !population_one_clause(s, q->start, p->start) ||
            people_after(rs, tags, s, n, q) >= 0 ||
            (q->end <= p->start && coordinated(s, q->end, p->start)))
            continue; /* "for <SCLC> patients with <brain metastases>" describes them, as
                       * "on <Overweight> and <Obese> Adults" does */
        if (q->start >= t->end && q->end <= p->start &&
            (word_before(s, q->start, "for") || word_before(s, q->start, "on")))
            return (int)k;
        if (q->end <= p->start && measured(s, q))
            return (int)k;
        if (q->end <= t->start) {
            size_t a = q->end;
            while (a < t->start && is_space((unsigned char)s[a]))
                a++;
            static const char *const heads[] = {"outcomes with", "outcomes after",
                                                "outcomes of", "outcome with", NULL};
            for (const char *const *h = heads; *h; h++) {
                size_t hl = strlen(*h), b = a + hl;
                if (b > t->start || strncasecmp(s + a, *h, hl))
                    continue;
                while (b < t->start && is_space((unsigned char)s[b]))
                    b++;
                if (b == t->start)
                    return (int)k;
            }
        }
    }
    return -1;
}

/* Does s[a..b), between a therapy and the people's condition, name a measure as the
 * object of "on" ("effect of cognitive training on <BDNF serum levels> in individuals
 * with PD", "on <HMGB1 expression> in rats with ALI", "effects on <antioxidant
 * capacities> in patients with HCC", "on <heart size> after MI": reads 6 and 7 of
 * pubmed-10k, "population condition as target")? After the first "on": a noun of what
 * is measured, no condition mention (tags) and no word that makes the measure the
 * condition's own ("on <symptoms>", "disease <activity>", "glycemic <control>", "clinical
 * parameters"), in one clause. */
static bool measure_on(const tag_result *tags, const char *s, size_t a, size_t b)
{
    static const char *const measures[] = {
        "level", "levels", "concentration", "concentrations", "expression", "marker",
        "markers", "biomarker", "biomarkers", "metabolism", "size", "capacity", "capacities",
        "profile", "profiles", NULL};
    static const char *const own[] = {"symptom", "symptoms", "severity", "activity",
                                      "control", "pain", "clinical", "quality", "cognition",
                                      "cognitive", "insulin", "glycemic", "glycaemic", NULL};
    size_t p = a;
    while (p + 2 < b && !((p == 0 || !isalnum((unsigned char)s[p - 1])) &&
                          !strncasecmp(s + p, "on", 2) && is_space((unsigned char)s[p + 2])))
        p++;
    if (p + 2 >= b)
        return false;
    for (size_t k = 0; k < tags->mentions.len; k++) {
        const mention *q = &tags->mentions.items[k];
        if (q->type == SLOT_CONDITION && !q->hidden && q->start > p && q->end <= b)
            return false;
    }
    bool measure = false;
    for (size_t i = p + 2; i < b;) {
        if (s[i] == ';' || s[i] == ':')
            return false;
        if (!isalpha((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t e = i;
        while (e < b && isalpha((unsigned char)s[e]))
            e++;
        if (word_in_list(s + i, e - i, own))
            return false;
        measure |= word_in_list(s + i, e - i, measures);
        i = e;
    }
    return measure;
}

/* Is therapy mention me one the people never had: "patients who had not been treated with
 * <lamivudine> were included", "not treated with <continuous positive airways pressure>
 * were enrolled and randomized to fenofibrate", "with MBC and no prior <chemotherapy>"
 * (an inclusion criterion, not the therapy studied)? Before it, past "any", "prior",
 * "previous", "previously", "been", "with", ...: a verb of having a therapy after "not"
 * or "never", or "no" / "without" with "prior" or "previous". */
static bool never_given(const char *s, const mention *me)
{
    static const char *const fillers[] = {"any", "prior", "previous", "previously", "been",
                                          "yet", "with", "to", "a", "an", "the", NULL};
    static const char *const priors[] = {"prior", "previous", NULL};
    static const char *const verbs[] = {"treated", "received", "receiving", "taking",
                                        "taken", "undergone", "used", "exposed", NULL};
    static const char *const nots[] = {"not", "never", NULL};
    static const char *const nos[] = {"no", "without", NULL};
    size_t pos = me->start;
    bool prior = false, verb = false;
    for (int k = 0; k < 6; k++) {
        size_t e = pos;
        while (e > 0 && s[e - 1] == ' ')
            e--;
        size_t b = e;
        while (b > 0 && isalpha((unsigned char)s[b - 1]))
            b--;
        if (b == e)
            return false; /* punctuation or the start: the clause ends */
        if (verb && word_in_list(s + b, e - b, nots))
            return true;
        if (!verb && word_in_list(s + b, e - b, verbs))
            verb = true;
        else if (word_in_list(s + b, e - b, nos))
            return prior;
        else if (word_in_list(s + b, e - b, fillers))
            prior |= word_in_list(s + b, e - b, priors);
        else
            return false;
        pos = b;
    }
    return false;
}

/* Is therapy mention me the one that fails the people: "type 2 diabetes inadequately
 * controlled with <metformin>", "Inadequately Controlled Type 2 Diabetes Patients
 * Treated With Basal <Insulin>", "Inadequately controlled T2D patients treated with
 * <insulin therapy> were recruited" (mline; read 6 of pubmed-10k, "background therapy":
 * the base the studied therapy is added to)? "controlled" after "inadequately",
 * "insufficiently", "poorly", "suboptimally" or "not adequately", within 80 bytes
 * before it and in its clause (no ',', ';' or ':' between), with no other therapy
 * between (not "inadequately controlled with metformin were randomized to
 * <lixisenatide>"); not "uncontrolled". */
static bool failing_base(const char *s, const mention_vec *mv, const mention *me)
{
    size_t from = me->start > 80 ? me->start - 80 : 0;
    for (size_t p = me->start; p-- > from;) {
        if (s[p] == ',' || s[p] == ';' || s[p] == ':')
            return false;
        if (p < 11 || strncasecmp(s + p - 11, " controlled", 11) ||
            isalpha((unsigned char)s[p]))
            continue;
        static const char *const adverbs[] = {"inadequately", "insufficiently", "poorly",
                                              "suboptimally", "sub-optimally",
                                              "not adequately", NULL};
        size_t e = p - 11;
        for (const char *const *a = adverbs; *a; a++) {
            size_t k = strlen(*a);
            if (e >= k && !strncasecmp(s + e - k, *a, k) &&
                (e == k || !isalpha((unsigned char)s[e - k - 1]))) {
                for (size_t j = 0; j < mv->len; j++) /* the first therapy after it */
                    if (mv->items[j].type == SLOT_THERAPY && mv->items[j].start >= p &&
                        mv->items[j].start < me->start)
                        return false;
                return true;
            }
        }
        return false;
    }
    return false;
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
    size_t given = 0; /* a therapy the people never had, or that fails them: no claim */
    for (size_t i = 0; i < cs->len; i++) {
        int tm = cs->items[i].mention[SLOT_THERAPY];
        if (tm < 0 || !(never_given(s, &tags->mentions.items[tm]) ||
                        failing_base(s, &tags->mentions, &tags->mentions.items[tm])))
            cs->items[given++] = cs->items[i];
    }
    cs->len = given;
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
                         population_one_clause(s, tags->mentions.items[dm].start, p->start);
            }
        }
        /* the people named by their condition's adjective, in a sentence that names a
         * harm: the therapy is what harmed them, not what treats their condition */
        int cm = c->mention[SLOT_CONDITION];
        if (!yields && c->mention[SLOT_EFFECT] == -1 && cm >= 0 &&
            adjective_of_people(s, n, &tags->mentions.items[cm]) && harm_named(s, n))
            yields = true;
        /* the people's condition after a measure the therapy is studied on: the measure
         * is the target, not their condition */
        int tm = c->mention[SLOT_THERAPY];
        if (!yields && c->mention[SLOT_EFFECT] == -1 && cm >= 0 && tm >= 0) {
            const mention *t = &tags->mentions.items[tm], *p = &tags->mentions.items[cm];
            yields = t->end <= p->start &&
                     (populated(rs, tags, s, n, c) || people_noun_after(s, n, p) ||
                      word_before(s, p->start, "after")) &&
                     measure_on(tags, s, t->end, p->start);
        }
        if (!yields)
            cs->items[kept++] = *c;
    }
    cs->len = kept;
    /* a claim left on the people's condition takes the target its frame names; here the
     * condition before a word of people counts too ("in <CKD> patients") */
    for (size_t i = 0; i < cs->len; i++) {
        candidate *c = &cs->items[i];
        if (c->mention[SLOT_EFFECT] != -1 || c->mention[SLOT_THERAPY] < 0 ||
            !(populated(rs, tags, s, n, c) ||
              (c->mention[SLOT_CONDITION] >= 0 &&
               people_noun_after(s, n, &tags->mentions.items[c->mention[SLOT_CONDITION]]))))
            continue;
        int q = framed_target(rs, tags, s, n, c);
        if (q >= 0) {
            c->mention[SLOT_CONDITION] = q;
            c->span_start[SLOT_CONDITION] = tags->mentions.items[q].start;
            c->span_end[SLOT_CONDITION] = tags->mentions.items[q].end;
        }
    }
}
