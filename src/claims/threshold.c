/* A fall in a condition's threshold is a harm: see threshold.h. */
#include <string.h>
#include <strings.h>

#include "threshold.h"

static bool lowers_threshold(const char *s, size_t n, const candidate *c)
{
    static const char *const LOWER[] = {"decreas", "reduc", "lower", "diminish", "attenuat",
                                        "inhibit"};
    if (c->mention[SLOT_CONDITION] < 0)
        return false;
    size_t i = c->span_end[SLOT_CONDITION];
    while (i < n && (s[i] == ' ' || s[i] == '-'))
        i++;
    if (i + 9 > n || strncasecmp(s + i, "threshold", 9) ||
        (i + 9 < n && s[i + 9] != 's' && (s[i + 9] | 0x20) >= 'a' && (s[i + 9] | 0x20) <= 'z'))
        return false;
    for (size_t k = 0; k < sizeof LOWER / sizeof *LOWER; k++) {
        size_t l = strlen(LOWER[k]);
        if (c->trig_end - c->trig_start >= l && !strncasecmp(s + c->trig_start, LOWER[k], l))
            return true;
    }
    return false;
}

void threshold_drop(match_ctx *m, const char *s, size_t n)
{
    cands_drop_in(&m->cands, s, n, lowers_threshold);
}
