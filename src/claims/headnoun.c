/* An open effect label runs to its head noun: see headnoun.h. */
#include <string.h>
#include <strings.h>

#include "complement.h"
#include "headnoun.h"
#include "words.h"

/* adjectives and quantifiers whose shape does not tell them */
static const char *const ADJECTIVES[] = {
    "high", "low", "higher", "lower", "highest", "lowest", "greater", "lesser", "more",
    "less", "fewer", "total", "mean", "overall", "severe", "mild", "moderate", "poor",
    "good", "better", "worse", "early", "late", "new", "normal", "abnormal", "elevated",
    "increased", "reduced", "decreased", "impaired", "preserved", "excessive", "the", "a",
    "an", "its", "their", "this", "these", "both", "all", "several", "many", "some", NULL};
/* nouns in an adjective's ending */
static const char *const NOUNS[] = {
    "survival", "withdrawal", "removal", "arrival", "interval", "hospital", "animal",
    "signal", "potential", "trial", "approval", "recall", "referral", "retrieval",
    "reversal", "renewal", "material", "individual", "proposal", "disposal", "denial",
    "dismissal", "journal", "capital", "principal", "terminal", "rehabilitation", "clinic",
    "topic", "logic", "music", "panic", "traffic", "epidemic", "pandemic", "critic",
    "antibiotic", "antiseptic", "narcotic", "diuretic", "analgesic", "hypnotic", "emetic",
    "anesthetic", "anaesthetic", "mimic", "garlic", "plastic", "fabric", "motive",
    "objective", "alternative", "relative", "derivative", "incentive", "initiative",
    "archive", "sedative", "laxative", "preservative", "contraceptive", "olive", "native",
    "perspective", "narrative", "representative", "adhesive", "additive", "summary",
    "boundary", "salary", "vocabulary", "diary", "library", "capillary", "memory",
    "history", "category", "theory", "territory", "inventory", "laboratory", "trajectory",
    "factory", "story", "directory", "accessory", "victory", "variable", "vegetable",
    "table", "cable", "sugar", "calendar", "seminar", "grammar", "vinegar", "collar",
    "dollar", "pillar", "scholar", "nectar", "mortar", "radar", "cigar", "logmar", NULL};
/* measure words that are no outcome by themselves */
static const char *const MEASURES[] = {
    "frequency", "frequencies", "number", "numbers", "percentage", "percentages",
    "proportion", "proportions", "amount", "amounts", "level", "levels", "rate", "rates",
    "severity", "severities", "incidence", "degree", "extent", "magnitude", "duration",
    "concentration", "concentrations", "count", "counts", "occurrence", NULL};
/* units of a measure ("the percentage of days of poor control") */
static const char *const UNITS[] = {"days", "nights", "weeks", "months", "hours", "years",
                                    "episodes", "patients", "subjects", NULL};
static const char *const LINKS[] = {"of", "with", "without", NULL};

/* Whether word s[ws..we) needs a noun after it: a listed adjective or quantifier, or the
 * shape of one (-al, -ic, -ive, -ous, -ar, -ary, -ory, -ible, -able) in its last hyphen part,
 * that is no listed noun; an abbreviation or a word with digits is none. */
static bool adjective(const char *s, size_t ws, size_t we)
{
    if (words_in(s, ws, we, ADJECTIVES))
        return true;
    size_t b = ws;
    for (size_t p = ws; p < we; p++) {
        if (s[p] == '-')
            b = p + 1;
        else if ((s[p] >= '0' && s[p] <= '9') || (p > ws && s[p] >= 'A' && s[p] <= 'Z'))
            return false;
    }
    if (we - b < 5 || words_in(s, b, we, NOUNS))
        return false;
    static const char *const SUFFIXES[] = {"al", "ic", "ive", "ous", "ar", "ary", "ory",
                                           "ible", "able", NULL};
    for (size_t i = 0; SUFFIXES[i]; i++) {
        size_t k = strlen(SUFFIXES[i]);
        if (!strncasecmp(s + we - k, SUFFIXES[i], k))
            return true;
    }
    return false;
}

/* The next word from byte i past spaces: its bytes [*ws, *we); false at punctuation. */
static bool next_word(const char *s, size_t n, size_t i, size_t *ws, size_t *we)
{
    while (i < n && s[i] == ' ')
        i++;
    *ws = *we = i;
    while (*we < n && words_char(s[*we]))
        (*we)++;
    return *we > *ws;
}

/* From byte i, the end of the noun phrase that gives the label its head: up to
 * punctuation or a word that ends a phrase, at most four words, no condition mention,
 * not ending on an adjective; after an adjective, a comma, "and" or "or" goes on to the
 * next one ("cognitive, motivational, or creative deficits", "chemical and clinical
 * pregnancy rates"). Its end in *out; false when there is no such head. */
static bool run_to_head(const match_ctx *m, const char *s, size_t n, size_t i, bool after_adj,
                        size_t *out)
{
    size_t ws, we, last = i, lws = i;
    for (int k = 0;;) {
        if (after_adj && i < n && s[i] == ',')
            i++;
        if (!next_word(s, n, i, &ws, &we))
            break;
        if (after_adj && (words_is(s, ws, we, "and") || words_is(s, ws, we, "or"))) {
            i = we;
            continue;
        }
        if (complement_stop(s, ws, we))
            break;
        if (k++ == 4 || complement_condition_in(m, ws, we))
            return false;
        after_adj = adjective(s, ws, we);
        lws = ws;
        last = i = we;
        if (we < n && s[we] != ' ' && !(after_adj && s[we] == ','))
            break; /* punctuation ends it */
    }
    if (last == lws || adjective(s, lws, last))
        return false;
    *out = last;
    return true;
}

/* The new end of c's open effect span s[a..e), or a, when no head is found. */
static size_t head_end(const match_ctx *m, const char *s, size_t n, const candidate *c,
                       size_t a, size_t e)
{
    size_t hs, he, ws, we, end;
    if (!word_ending_at(s, e, &hs, &he) || he != e)
        return e;
    if (adjective(s, hs, he)) {
        if (run_to_head(m, s, n, e, true, &end))
            return end;
        /* a trailing word after the head ("CSF MMP-9 concentrations early in treatment") */
        size_t ps, pe;
        return hs > a && words_prev(s, hs, &ps, &pe) && ps >= a && !adjective(s, ps, pe) &&
                       !complement_stop(s, ps, pe)
                   ? pe
                   : a;
    }
    if (hs == a && c->mention[SLOT_CONDITION] == -1 && words_in(s, hs, he, MEASURES)) {
        if (!next_word(s, n, e, &ws, &we) || !words_is(s, ws, we, "of"))
            return a; /* "higher frequencies and greater severities of AEs" */
        return run_to_head(m, s, n, we, false, &end) ? end : a;
    }
    size_t ps, pe;
    if (words_in(s, hs, he, UNITS) && words_prev(s, hs, &ps, &pe) && words_is(s, ps, pe, "of") &&
        next_word(s, n, e, &ws, &we) && words_in(s, ws, we, LINKS))
        return run_to_head(m, s, n, we, false, &end) ? end : a;
    return e;
}

static bool headless(const candidate *c, const void *ctx)
{
    (void)ctx;
    return c->mention[SLOT_EFFECT] == MENTION_OPEN &&
           c->span_end[SLOT_EFFECT] == c->span_start[SLOT_EFFECT];
}

void headnoun_extend(match_ctx *m, const char *s, size_t n)
{
    for (size_t i = 0; i < m->cands.len; i++) {
        candidate *c = &m->cands.items[i];
        if (c->mention[SLOT_EFFECT] != MENTION_OPEN)
            continue;
        c->span_end[SLOT_EFFECT] = head_end(m, s, n, c, c->span_start[SLOT_EFFECT],
                                            c->span_end[SLOT_EFFECT]);
    }
    cands_drop_if(&m->cands, headless, NULL); /* an empty span: no head was found */
}
