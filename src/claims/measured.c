/* A therapy's name used for a measured quantity is no therapy: see measured.h. */
#include <string.h>
#include <strings.h>

#include "measured.h"
#include "words.h"

static const char *const CHANGE_NOUN[] = {
    "increase", "increases", "decrease", "decreases", "reduction", "reductions", "rise",
    "fall", "change", "changes", NULL};
static const char *const CHANGE_VERB[] = {"increase", "decrease", "reduce", "improve",
                                          "enhance", "promote", "boost", NULL};
static const char *const TO_OR_MODAL[] = {"to", "could", "can", "may", "might", "would",
                                          "will", "should", NULL};
static const char *const DOSING[] = {"dose", "doses", "dosage", "dosages", "dosing", NULL};

/* The word right after the therapy's end names its dose. */
static bool dosed(const char *s, size_t n, size_t end)
{
    size_t a = end;
    while (a < n && s[a] == ' ')
        a++;
    size_t b = a;
    while (b < n && words_char(s[b]))
        b++;
    return b > a && words_in(s, a, b, DOSING);
}

/* The words before the therapy at s[start]: "<change> in|of (the)" or "<to|modal>
 * <verb of change> (the)". */
static bool measured(const char *s, size_t n, size_t start, size_t end)
{
    size_t ws, we;
    if (!words_prev(s, start, &ws, &we))
        return false;
    if (words_is(s, ws, we, "the") && !words_prev(s, ws, &ws, &we))
        return false;
    if (words_is(s, ws, we, "in") || words_is(s, ws, we, "of")) {
        if (!words_prev(s, ws, &ws, &we) || !words_in(s, ws, we, CHANGE_NOUN))
            return false;
    } else if (words_in(s, ws, we, CHANGE_VERB)) {
        if (!words_prev(s, ws, &ws, &we) || !words_in(s, ws, we, TO_OR_MODAL))
            return false;
    } else {
        return false;
    }
    return !dosed(s, n, end);
}

static bool drop(const char *s, size_t n, const candidate *c)
{
    if (c->mention[SLOT_THERAPY] == -1)
        return false;
    return measured(s, n, c->span_start[SLOT_THERAPY], c->span_end[SLOT_THERAPY]);
}

void measured_drop(match_ctx *m, const char *s, size_t n)
{
    cands_drop_in(&m->cands, s, n, drop);
}
