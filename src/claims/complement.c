/* A relational head takes its complement: see complement.h. */
#include <string.h>
#include <strings.h>

#include "complement.h"
#include "words.h"

/* heads that name a process or property of what follows "of" */
static const char *const HEADS[] = {
    "inhibition", "suppression", "activation", "blockade", "impairment", "disruption",
    "sense", "quality", "efficacy", "effectiveness", "intensity", "ability", "capacity",
    "responsiveness", "sensitivity", "potency", "index", "indices", "markers", "measures",
    "ratings", "burden", "achievement", "return", "absorption", "clearance", "excretion",
    "uptake", "integrity", "differentiation", "phosphorylation", "translocation",
    "internalization", "association", "accumulation", "induction", "formation",
    "recruitment", "infiltration", "intersections", "representations", "misclassifications",
    "habituation", "amplitude", "strength", "feelings", "development", NULL};
/* words that end the complement */
static const char *const STOP[] = {
    "and", "or", "but", "in", "on", "at", "by", "for", "from", "to", "with", "without",
    "than", "over", "during", "after", "before", "compared", "comparing", "versus", "vs", "as", "was",
    "were", "is", "are", "be", "been", "has", "have", "had", "which", "that", "while",
    "whereas", "when", "among", "between", "through", "via", "within", "following",
    "regardless", "into", "under", "both", "not", "only", "also", "of", "induced", "caused",
    "produced", "mediated", "evoked", "elicited", "given", "resulting", "attributed", "leading", "causing", "suggesting", "indicating",
    "using", "being", NULL};
static const char *const DETERMINERS[] = {"the", "a", "an", "these", "this", "its",
                                          "their", "those", "that", NULL};

bool complement_stop(const char *s, size_t ws, size_t we)
{
    return words_in(s, ws, we, STOP);
}

bool complement_condition_in(const match_ctx *m, size_t a, size_t b)
{
    const mention_vec *mv = &m->tags.mentions;
    for (size_t i = 0; i < mv->len; i++)
        if (mv->items[i].type == SLOT_CONDITION && mv->items[i].start < b &&
            mv->items[i].end > a)
            return true;
    return false;
}

/* The end of the "of" complement after s[..e), or e when there is none or it is cut
 * short (a condition mention or a fifth word next: "development of
 * pilocarpine-induced behavioral seizure" keeps its head alone). */
static size_t complement_end(const match_ctx *m, const char *s, size_t n, size_t e)
{
    size_t i = e;
    if (i + 4 > n || s[i] != ' ' || strncasecmp(s + i + 1, "of ", 3))
        return e;
    i += 4;
    size_t end = e;
    for (int k = 0;; k++) {
        while (i < n && s[i] == ' ')
            i++;
        size_t ws = i;
        while (i < n && words_char(s[i]))
            i++;
        if (i == ws || words_in(s, ws, i, STOP) ||
            (k == 0 && words_in(s, ws, i, DETERMINERS)) ||
            (i - ws > 4 && !strncasecmp(s + i - 2, "ly", 2)))
            return end; /* the end of the phrase: punctuation, or a word after it */
        if (k == 4 || complement_condition_in(m, ws, i))
            return e;
        end = i;
        if (i < n && s[i] != ' ')
            return end; /* punctuation ends it */
    }
}

void complement_extend(match_ctx *m, const char *s, size_t n)
{
    for (size_t i = 0; i < m->cands.len; i++) {
        candidate *c = &m->cands.items[i];
        if (c->mention[SLOT_EFFECT] != MENTION_OPEN || c->mention[SLOT_CONDITION] != -1)
            continue;
        size_t e = c->span_end[SLOT_EFFECT], hs, he;
        if (!word_ending_at(s, e, &hs, &he) || he != e || !words_in(s, hs, he, HEADS))
            continue;
        c->span_end[SLOT_EFFECT] = complement_end(m, s, n, e);
    }
}
