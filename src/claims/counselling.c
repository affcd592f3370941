/* Genetic counselling is no therapy: see counselling.h. */
#include <string.h>
#include <strings.h>

#include "counselling.h"
#include "words.h"

/* Whether s[a..b) holds the stem "counsel" (any case). */
static bool has_counsel(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i + 7 <= b; i++)
        if (!strncasecmp(s + i, "counsel", 7))
            return true;
    return false;
}

static bool genetic_counselling(const char *s, size_t n, const candidate *c)
{
    static const char *const KIN[] = {"families", "family", "parents", "relatives",
                                      "carriers", NULL};
    if (c->mention[SLOT_THERAPY] < 0)
        return false;
    size_t ts = c->span_start[SLOT_THERAPY], te = c->span_end[SLOT_THERAPY];
    if (!has_counsel(s, ts, te))
        return false;
    if (words_before_is(s, ts, "genetic"))
        return true;
    size_t i = te;
    for (int k = 0; k < 2 && i < n; k++) {
        while (i < n && s[i] == ' ')
            i++;
        size_t ws = i;
        while (i < n && words_char(s[i]))
            i++;
        if (i == ws)
            return false;
        if (words_in(s, ws, i, KIN))
            return true;
    }
    return false;
}

void counselling_drop(match_ctx *m, const char *s, size_t n)
{
    cands_drop_in(&m->cands, s, n, genetic_counselling);
}
