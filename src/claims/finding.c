/* A finding after "X in patients with Y" is no study: see finding.h. */
#include <string.h>
#include <strings.h>

#include "finding.h"
#include "resolve.h"

typedef struct {
    const char *words; /* the verb phrase, words separated by one space */
    const char *label, *predicate;
    const char *object; /* the label with the verb's object, or NULL: none taken */
} result_verb;

static const result_verb VERBS[] = {
    {"reduced", "reduces", "biolink:treats", "reduces {effect}"},
    {"reduces", "reduces", "biolink:treats", "reduces {effect}"},
    {"decreased", "reduces", "biolink:treats", "reduces {effect}"},
    {"decreases", "reduces", "biolink:treats", "reduces {effect}"},
    {"lowered", "reduces", "biolink:treats", "reduces {effect}"},
    {"lowers", "reduces", "biolink:treats", "reduces {effect}"},
    {"improved", "improves", "biolink:treats", "improves {effect}"},
    {"improves", "improves", "biolink:treats", "improves {effect}"},
    {"prevented", "prevents", "biolink:preventative_for_condition", "prevents {effect}"},
    {"prevents", "prevents", "biolink:preventative_for_condition", "prevents {effect}"},
    {"alleviated", "alleviates", "biolink:treats", "alleviates {effect}"},
    {"alleviates", "alleviates", "biolink:treats", "alleviates {effect}"},
    {"attenuated", "attenuates", "biolink:treats", "attenuates {effect}"},
    {"attenuates", "attenuates", "biolink:treats", "attenuates {effect}"},
    {"ameliorated", "ameliorates", "biolink:treats", "ameliorates {effect}"},
    {"ameliorates", "ameliorates", "biolink:treats", "ameliorates {effect}"},
    {"resulted in", "treats", "biolink:treats", NULL},
    {"results in", "treats", "biolink:treats", NULL},
    {"led to", "treats", "biolink:treats", NULL},
    {"leads to", "treats", "biolink:treats", NULL},
    {"was effective", "treats", "biolink:treats", NULL},
    {"were effective", "treats", "biolink:treats", NULL},
    {"is effective", "treats", "biolink:treats", NULL},
    {"are effective", "treats", "biolink:treats", NULL},
    {"has beneficial effects", "beneficial", "biolink:treats", NULL},
    {"have beneficial effects", "beneficial", "biolink:treats", NULL},
    {"had beneficial effects", "beneficial", "biolink:treats", NULL},
    {"has considerable beneficial effects", "beneficial", "biolink:treats", NULL},
    {"has a beneficial effect", "beneficial", "biolink:treats", NULL},
    {"had a beneficial effect", "beneficial", "biolink:treats", NULL},
};

/* The verbs of result after a negation, in the form it takes ("did not reduce", "does
 * not result in", "was not associated with clinical benefit", "are not particularly
 * effective"): the label is the verb's own (a benefit's: beneficial), and the negation cue before the trigger
 * negates the claim (GUIDELINES: `no effect` is never used; read 8 of pubmed-10k, a
 * negative result labelled `studied for`). */
static const result_verb NEG_VERBS[] = {
    {"reduce", "reduces", "biolink:treats", "reduces {effect}"},
    {"decrease", "reduces", "biolink:treats", "reduces {effect}"},
    {"lower", "reduces", "biolink:treats", "reduces {effect}"},
    {"improve", "improves", "biolink:treats", "improves {effect}"},
    {"prevent", "prevents", "biolink:preventative_for_condition", "prevents {effect}"},
    {"alleviate", "alleviates", "biolink:treats", "alleviates {effect}"},
    {"attenuate", "attenuates", "biolink:treats", "attenuates {effect}"},
    {"ameliorate", "ameliorates", "biolink:treats", "ameliorates {effect}"},
    {"result in", "treats", "biolink:treats", NULL},
    {"lead to", "treats", "biolink:treats", NULL},
    {"effective", "treats", "biolink:treats", NULL},
    {"clinical benefit", "beneficial", "biolink:treats", NULL},
    {"any clinical benefit", "beneficial", "biolink:treats", NULL},
    {"benefit", "beneficial", "biolink:treats", NULL},
    {"any benefit", "beneficial", "biolink:treats", NULL},
};

/* The negations NEG_VERBS follow (the longer first: "was not associated with" is one
 * cue of rules/cues.rules, and the trigger comes after it). */
static const char *const NEGATIONS[] = {"was not associated with", "were not associated with",
                                        "is not associated with", "are not associated with",
                                        "did not", "does not", "do not", "was not",
                                        "were not", "is not", "are not", "failed to",
                                        "fails to", "fail to", NULL};

/* Adverbs that may come before the verb: "significantly reduced". */
static const char *const ADVERBS[] = {"significantly", "markedly", "further", "also",
                                      "effectively", "substantially", "dramatically",
                                      "particularly", NULL};

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The words of phrase at s[p..n), case-insensitive, white space between them matching
 * any run of white space; the byte after it, or 0. */
static size_t phrase_at(const char *s, size_t n, size_t p, const char *phrase)
{
    const char *w = phrase;
    while (*w) {
        if (*w == ' ') {
            if (p >= n || !is_space((unsigned char)s[p]))
                return 0;
            while (p < n && is_space((unsigned char)s[p]))
                p++;
            w++;
            continue;
        }
        if (p >= n || (s[p] | 32) != (*w | 32))
            return 0;
        p++;
        w++;
    }
    return p < n && is_alpha(s[p]) ? 0 : p;
}

static size_t skip_space(const char *s, size_t n, size_t p)
{
    while (p < n && is_space((unsigned char)s[p]))
        p++;
    return p;
}

/* The live population cue whose scope holds byte pos, starting after byte after: its
 * index, or -1. */
static int population_at(const thx_ruleset *rs, const tag_result *tags, const char *s,
                         size_t n, size_t pos, size_t after)
{
    for (size_t i = 0; i < tags->cues.len; i++) {
        size_t from, to;
        if (rs->cues[tags->cues.items[i].cue].kind == CUE_POPULATION &&
            tags->cues.items[i].start >= after &&
            claims_cue_scope(rs, tags, s, n, i, &from, &to) && pos >= from && pos < to)
            return (int)i;
    }
    return -1;
}

/* The people between bytes a and b: a word of people, then "with" within six words
 * before b, and no clause punctuation ("children aged 10-16 years with stages 3-5 CKD"). */
static bool people_with(const char *s, size_t a, size_t b)
{
    static const char *const people[] = {"patients", "patient", "children", "adults",
                                         "women", "men", "subjects", "participants",
                                         "individuals", "people", "infants", "rats", "mice",
                                         NULL};
    bool seen = false;
    size_t with = 0;
    int after = 0;
    for (size_t p = a; p < b;) {
        if (s[p] == ';' || s[p] == '.' || s[p] == ':')
            return false;
        if (!is_alpha(s[p])) {
            p++;
            continue;
        }
        size_t e = p;
        while (e < b && (is_alpha(s[e]) || s[e] == '-'))
            e++;
        for (const char *const *w = people; *w && !seen; w++)
            seen = strlen(*w) == e - p && !strncasecmp(s + p, *w, e - p);
        if (seen && e - p == 4 && !strncasecmp(s + p, "with", 4))
            with = p, after = 0;
        else if (with)
            after++;
        p = e;
    }
    return seen && with && after <= 6;
}

static const char *const ARTICLES[] = {"the", "a", "an", NULL};

/* Byte p, or, when one of the words of list starts there, the first byte after it and
 * the spaces that follow. */
static size_t skip_one_of(const char *s, size_t n, size_t p, const char *const *list)
{
    for (; *list; list++) {
        size_t e = phrase_at(s, n, p, *list);
        if (e)
            return skip_space(s, n, e);
    }
    return p;
}

/* The result verb that follows byte p (the condition's end): after an optional
 * parenthesis, an optional comma and at most one adverb; its entry, and in *vs, *ve
 * its bytes; NULL when there is none. */
static const result_verb *verb_after(const char *s, size_t n, size_t p, size_t *vs,
                                     size_t *ve)
{
    p = skip_space(s, n, p);
    if (p < n && s[p] == '(') {
        size_t q = p;
        while (q < n && s[q] != ')' && q - p < 80)
            q++;
        if (q >= n || s[q] != ')')
            return NULL;
        p = skip_space(s, n, q + 1);
    }
    if (p < n && s[p] == ',')
        p = skip_space(s, n, p + 1);
    p = skip_one_of(s, n, p, ADVERBS);
    for (size_t i = 0; i < sizeof VERBS / sizeof *VERBS; i++) {
        size_t e = phrase_at(s, n, p, VERBS[i].words);
        if (e) {
            *vs = p;
            *ve = e;
            return &VERBS[i];
        }
    }
    for (const char *const *g = NEGATIONS; *g; g++) {
        size_t q = phrase_at(s, n, p, *g);
        if (!q)
            continue;
        q = skip_space(s, n, q);
        q = skip_one_of(s, n, q, ADVERBS);
        for (size_t i = 0; i < sizeof NEG_VERBS / sizeof *NEG_VERBS; i++) {
            size_t e = phrase_at(s, n, q, NEG_VERBS[i].words);
            if (e) {
                *vs = q;
                *ve = e;
                return &NEG_VERBS[i];
            }
        }
        break;
    }
    return NULL;
}

/* The object of the verb ending at byte p: at most six words after "the", "a" or "an",
 * ended by punctuation or a word that starts another phrase; its bytes in *os, *oe, or
 * false when it is empty. */
static bool object_after(const char *s, size_t n, size_t p, size_t *os, size_t *oe)
{
    static const char *const stops[] = {
        "in", "among", "compared", "than", "and", "with", "at", "after", "during", "by",
        "for", "when", "while", "which", "that", "but", "as", "from", "versus", "vs", NULL};
    p = skip_space(s, n, p);
    p = skip_one_of(s, n, p, ARTICLES);
    size_t start = p, end = p;
    for (int words = 0; words < 6 && p < n; words++) {
        size_t e = p;
        while (e < n && !is_space((unsigned char)s[e]) && !strchr(",;:.()", s[e]))
            e++;
        if (e == p)
            break;
        bool stop = false;
        for (const char *const *w = stops; *w && !stop; w++)
            stop = strlen(*w) == e - p && !strncasecmp(s + p, *w, e - p);
        if (stop)
            break;
        end = e;
        p = skip_space(s, n, e);
    }
    *os = start;
    *oe = end;
    return end > start;
}

void finding_relabel(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n)
{
    const tag_result *tags = &m->tags;
    for (size_t i = 0; i < m->cands.len; i++) {
        candidate *c = &m->cands.items[i];
        int tm = c->mention[SLOT_THERAPY], cm = c->mention[SLOT_CONDITION];
        if (tm < 0 || cm < 0 || c->label || !c->r->effect ||
            strcmp(c->r->effect, "studied for"))
            continue;
        const mention *t = &tags->mentions.items[tm], *y = &tags->mentions.items[cm];
        if (t->end > y->start ||
            (population_at(rs, tags, s, n, y->start, t->end) < 0 &&
             !people_with(s, t->end, y->start)))
            continue;
        size_t vs, ve;
        const result_verb *v = verb_after(s, n, y->end, &vs, &ve);
        if (!v)
            continue;
        /* an objective ("to assess whether X in women with Y reduced ...") or a
         * trial's title is a study whatever its verb: left as it is */
        candidate moved = *c;
        moved.trig_start = vs;
        moved.trig_end = ve;
        claim_flags f;
        claims_flags(rs, tags, s, n, &moved, &f);
        if (f.objective || f.design)
            continue;
        c->label = v->label;
        c->predicate = v->predicate;
        c->trig_start = vs;
        c->trig_end = ve;
        size_t os, oe; /* "reduced plasma levels of lipids": reduces <its object> */
        if (v->object && c->mention[SLOT_EFFECT] == -1 && object_after(s, n, ve, &os, &oe)) {
            c->label = v->object;
            c->mention[SLOT_EFFECT] = MENTION_OPEN;
            c->span_start[SLOT_EFFECT] = os;
            c->span_end[SLOT_EFFECT] = oe;
        }
    }
}

/* The labels of a verb that can take an object, each with the label that names it. */
static const char *const OBJECT_LABELS[][2] = {
    {"reduces", "reduces {effect}"},         {"improves", "improves {effect}"},
    {"prevents", "prevents {effect}"},       {"inhibits", "inhibits {effect}"},
    {"attenuates", "attenuates {effect}"},   {"alleviates", "alleviates {effect}"},
    {"ameliorates", "ameliorates {effect}"}, {"restores", "restores {effect}"},
    {"suppresses", "suppresses {effect}"},   {"reverses", "reverses {effect}"},
    {"mitigates", "mitigates {effect}"},
};

/* Words that end an object: a preposition, a conjunction, a verb or a clause word. */
static const char *const OBJECT_STOPS[] = {
    "in", "among", "for", "of", "compared", "than", "and", "or", "with", "at", "after",
    "during", "by", "when", "while", "which", "that", "but", "as", "from", "versus", "vs",
    "was", "were", "is", "are", "be", "been", "has", "have", "had", "to", "on", "without",
    "following", "before", "through", "via", "using", "across", NULL};

/* The object right after byte p: "the increase of urinary TGF-beta1", "serum levels of
 * parathyroid hormone (PTH)", at most seven words (a parenthesis counts as one, "of"
 * only inside), ended before a stop word or punctuation; its bytes, or false. */
static bool object_before_people(const char *s, size_t n, size_t p, size_t limit,
                                 size_t *os, size_t *oe)
{
    p = skip_space(s, n, p);
    p = skip_one_of(s, n, p, ARTICLES);
    size_t start = p, end = p;
    for (int words = 0; words < 7 && p < limit; words++) {
        size_t e = p;
        if (s[p] == '(') {
            while (e < limit && s[e] != ')' && e - p < 40)
                e++;
            if (e >= limit || s[e] != ')' || p == start)
                break;
            end = ++e;
            p = skip_space(s, n, e);
            continue;
        }
        while (e < limit && !is_space((unsigned char)s[e]) && !strchr(",;:.()", s[e]))
            e++;
        if (e == p)
            break;
        bool stop = false;
        for (const char *const *w = OBJECT_STOPS; *w && !stop; w++)
            stop = strlen(*w) == e - p && !strncasecmp(s + p, *w, e - p);
        /* "levels of PTH": "of" inside the object, followed by more of it */
        if (stop && e - p == 2 && !strncasecmp(s + p, "of", 2) && end > start) {
            size_t q = skip_space(s, n, e);
            stop = q >= limit || !is_alpha(s[q]);
            for (const char *const *w = OBJECT_STOPS; *w && !stop; w++) {
                size_t k = strlen(*w);
                stop = q + k <= limit && !strncasecmp(s + q, *w, k) &&
                       (q + k == limit || !is_alpha(s[q + k]));
            }
            if (!stop) {
                p = q;
                continue;
            }
        }
        if (stop)
            break;
        end = e;
        p = skip_space(s, n, e);
    }
    static const char *const pronouns[] = {"it", "its", "them", "their", "this", "these",
                                           "those", "both", "all", NULL};
    for (const char *const *w = pronouns; *w && end > start; w++)
        if (phrase_at(s, n, start, *w))
            end = start; /* "reduced them in patients with": no object */
    if (end > start && s[end - 1] == '-')
        end = start; /* "reduce macro- and microvascular complications": cut */
    *os = start;
    *oe = end;
    return end > start;
}

/* Condition mention y names the people as the first part of a compound after "in" or
 * "among": "in <HIV>-infected men", "among <HIV>-positive patients". */
static bool people_compound(const char *s, size_t n, const mention *y)
{
    static const char *const people[] = {"patients", "patient", "children", "adults",
                                         "women", "men", "subjects", "participants",
                                         "individuals", "people", "infants", "rats", "mice",
                                         "persons", "youth", "adolescents", NULL};
    size_t b = y->start, p = y->end, e;
    if (b < 3 || p >= n || s[p] != '-' || (strncasecmp(s + b - 3, "in ", 3) &&
                                          (b < 6 || strncasecmp(s + b - 6, "among ", 6))))
        return false;
    for (p++; p < n && (is_alpha(s[p]) || s[p] == '-');)
        p++; /* the rest of the compound: "-infected" */
    for (; p < n && s[p] == ' ';)
        p++;
    for (e = p; e < n && is_alpha(s[e]);)
        e++;
    return e > p && word_in_list(s + p, e - p, people);
}

void finding_object(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n)
{
    const tag_result *tags = &m->tags;
    for (size_t i = 0; i < m->cands.len; i++) {
        candidate *c = &m->cands.items[i];
        int tm = c->mention[SLOT_THERAPY], cm = c->mention[SLOT_CONDITION];
        if (tm < 0 || cm < 0 || c->label || c->mention[SLOT_EFFECT] != -1 || !c->r->effect)
            continue;
        const char *label = c->r->effect;
        if (!strcmp(label, "{trigger}"))
            label = rules_trigger_label(rs, s + c->trig_start, c->trig_end - c->trig_start);
        const char *with = NULL;
        for (size_t k = 0; label && k < sizeof OBJECT_LABELS / sizeof *OBJECT_LABELS; k++)
            if (!strcmp(label, OBJECT_LABELS[k][0]))
                with = OBJECT_LABELS[k][1];
        const mention *t = &tags->mentions.items[tm], *y = &tags->mentions.items[cm];
        if (!with || t->end > c->trig_start || c->trig_end > y->start)
            continue;
        int pc = population_at(rs, tags, s, n, y->start, c->trig_end);
        if (pc < 0 && !people_with(s, c->trig_end, y->start) && !people_compound(s, n, y))
            continue;
        /* the object ends before the people's preposition ("in patients with") */
        size_t limit = pc >= 0 ? tags->cues.items[pc].start : y->start, os, oe;
        if (!object_before_people(s, n, c->trig_end, limit, &os, &oe))
            continue;
        bool named = false; /* an object that names a therapy or a condition is no measure */
        for (size_t k = 0; k < tags->mentions.len && !named; k++) {
            const mention *o = &tags->mentions.items[k];
            named = o->type != SLOT_EFFECT && o->start < oe && o->end > os;
        }
        if (named)
            continue;
        claim_flags f;
        claims_flags(rs, tags, s, n, c, &f);
        if (f.objective || f.design)
            continue;
        c->label = with;
        c->mention[SLOT_EFFECT] = MENTION_OPEN;
        c->span_start[SLOT_EFFECT] = os;
        c->span_end[SLOT_EFFECT] = oe;
    }
}
