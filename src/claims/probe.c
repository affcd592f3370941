/* A drug beside a knockdown is a probe of mechanism: see probe.h. */
#include <string.h>
#include <strings.h>

#include "probe.h"
#include "words.h"

static const char *const MANIPULATION[] = {
    "knockdown", "knock-down", "knockout", "knock-out", "siRNA", "shRNA", "silencing",
    "deletion", "overexpression", "over-expression", "depletion", "starvation", NULL};
static const char *const JOIN[] = {"or", "and", NULL};
static const char *const BREAK[] = {"but", "whereas", "while", "which", "that", NULL};

/* The next word from *pos in s[0..n): its bounds in *ws, *we (a comma is a word of its
 * own); false at the end or at ';', '.', ':' or a parenthesis. */
static bool next_word(const char *s, size_t n, size_t *pos, size_t *ws, size_t *we)
{
    size_t i = *pos;
    while (i < n && s[i] == ' ')
        i++;
    if (i >= n || s[i] == ';' || s[i] == '.' || s[i] == ':' || s[i] == '(' || s[i] == ')')
        return false;
    size_t b = i;
    if (s[i] == ',')
        i++;
    else
        while (i < n && words_char(s[i]))
            i++;
    if (i == b)
        return false;
    *ws = b;
    *we = i;
    *pos = i;
    return true;
}

/* Whether one of the four words after s[..from) (the therapy's end) is a manipulation
 * after a join word, with no clause break before it. */
static bool joined_forward(const char *s, size_t n, size_t from)
{
    size_t pos = from, ws, we;
    bool joined = false;
    for (int k = 0; k < 4 && next_word(s, n, &pos, &ws, &we); k++) {
        if (words_in(s, ws, we, BREAK))
            return false;
        if (words_in(s, ws, we, JOIN) || s[ws] == ',')
            joined = true;
        else if (joined && words_in(s, ws, we, MANIPULATION))
            return true;
    }
    return false;
}

/* The same for the four words before s[to..) (the therapy's start). */
static bool joined_backward(const char *s, size_t to)
{
    size_t pos = to, ws, we;
    bool joined = false;
    for (int k = 0; k < 4; k++) {
        size_t p = pos;
        while (p > 0 && s[p - 1] == ' ')
            p--;
        if (p > 0 && s[p - 1] == ',') {
            joined = true;
            pos = p - 1;
            continue;
        }
        if (!words_prev(s, pos, &ws, &we) || s[ws] == '(' || words_in(s, ws, we, BREAK))
            return false;
        if (words_in(s, ws, we, JOIN))
            joined = true;
        else if (joined && words_in(s, ws, we, MANIPULATION))
            return true;
        pos = ws;
    }
    return false;
}

static bool probe(const char *s, size_t n, const candidate *c)
{
    if (c->mention[SLOT_THERAPY] == -1)
        return false;
    return joined_forward(s, n, c->span_end[SLOT_THERAPY]) ||
           joined_backward(s, c->span_start[SLOT_THERAPY]);
}

void probe_drop(match_ctx *m, const char *s, size_t n)
{
    cands_drop_in(&m->cands, s, n, probe);
}
