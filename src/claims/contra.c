/* A contraindication is a harm: see contra.h. */
#include <string.h>
#include <strings.h>

#include "contra.h"
#include "words.h"

/* Whether the word at s[ws..) starting "contraindicat" is denied by one of the three
 * words before it. */
static bool denied(const char *s, size_t ws)
{
    static const char *const DENY[] = {"no", "not", "unless", "without", "nor", "never",
                                       "absence", "any", NULL};
    size_t pos = ws, b, e;
    for (int k = 0; k < 3 && words_prev(s, pos, &b, &e); k++, pos = b)
        if (words_in(s, b, e, DENY))
            return true;
    return false;
}

/* Whether s[a..b) holds a word starting "contraindicat" that nothing denies, before a
 * clause break when clause is set (';' or '.'). */
static bool contra_in(const char *s, size_t a, size_t b, bool clause)
{
    static const char *const STEMS[] = {"contraindicat", "contra-indicat"};
    for (size_t i = a; i < b; i++) {
        if (clause && (s[i] == ';' || s[i] == '.'))
            return false;
        if (i > 0 && words_char(s[i - 1]) && s[i - 1] != '-')
            continue;
        for (size_t j = 0; j < 2; j++) {
            size_t k = strlen(STEMS[j]);
            if (i + k <= b && !strncasecmp(s + i, STEMS[j], k) && !denied(s, i))
                return true;
        }
    }
    return false;
}

/* The end of the sixth word after s[a..), or n. */
static size_t six_words(const char *s, size_t n, size_t a)
{
    size_t i = a;
    for (int w = 0; w < 6 && i < n; w++) {
        while (i < n && s[i] == ' ')
            i++;
        while (i < n && s[i] != ' ')
            i++;
    }
    return i;
}

static bool contraindicated(const char *s, size_t n, const candidate *c)
{
    int tm = c->mention[SLOT_THERAPY], cm = c->mention[SLOT_CONDITION];
    if (tm == -1)
        return false;
    size_t ts = c->span_start[SLOT_THERAPY], te = c->span_end[SLOT_THERAPY];
    if (cm == -1)
        return contra_in(s, te, six_words(s, n, te), true);
    size_t cs = c->span_start[SLOT_CONDITION], ce = c->span_end[SLOT_CONDITION];
    if (te <= cs)
        return contra_in(s, te, cs, false);
    if (ce <= ts)
        return contra_in(s, ce, ts, false);
    return false;
}

void contra_drop(match_ctx *m, const char *s, size_t n)
{
    cands_drop_in(&m->cands, s, n, contraindicated);
}
