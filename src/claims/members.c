/* Claims that a therapy's listed members share: see members.h. */
#include <string.h>
#include <strings.h>

#include "members.h"

/* The words that introduce the members of what comes before them. */
static const char *const INTRO[] = {"such as", "including", "e.g.,", "e.g.", "eg,",
                                    "in particular", "particularly", "especially",
                                    "namely", "for example,", "for example", "like", NULL};

static size_t skip_space(const char *s, size_t n, size_t p)
{
    while (p < n && (s[p] == ' ' || s[p] == '\t'))
        p++;
    return p;
}

/* The mention of type t that starts at byte p, or -1. */
static int mention_at(const mention_vec *mv, size_t p, slot_type t)
{
    for (size_t k = 0; k < mv->len; k++)
        if (mv->items[k].start == p)
            return mv->items[k].type == t && !mv->items[k].hidden ? (int)k : -1;
    return -1;
}

/* Reads a list of mentions of t's type from byte p ("A, B and C", "A or B", "A, B, and
 * C"): their indexes into out (at most cap); returns how many, and *end the byte after
 * the last. A list item that is no such mention ends the list there. */
static size_t read_list(const mention_vec *mv, const char *s, size_t n, size_t p, int *out,
                        size_t cap, size_t *end, slot_type t)
{
    size_t len = 0;
    *end = p;
    for (;;) {
        p = skip_space(s, n, p);
        int k = mention_at(mv, p, t);
        if (k < 0 || len == cap)
            break;
        out[len++] = k;
        p = *end = mv->items[k].end;
        size_t q = skip_space(s, n, p);
        bool comma = q < n && s[q] == ',';
        if (comma)
            q = skip_space(s, n, q + 1);
        if (q + 4 <= n && !strncmp(s + q, "and ", 4))
            q += 4;
        else if (q + 3 <= n && !strncmp(s + q, "or ", 3))
            q += 3;
        else if (!comma)
            break; /* neither a comma nor a conjunction: the list ends */
        p = q;
    }
    return len;
}

/* The members listed after mention t after an INTRO word ("X such as A, B and C",
 * "solid tumors, including colorectal and breast cancers"): mentions of t's type.
 * *intro: whether an INTRO word follows t. */
static size_t members_after(const mention_vec *mv, const char *s, size_t n, const mention *t,
                            int *out, size_t cap, bool *intro)
{
    *intro = false;
    size_t end, p = skip_space(s, n, t->end);
    if (p < n && s[p] == ',')
        p = skip_space(s, n, p + 1);
    for (const char *const *w = INTRO; *w; w++) {
        size_t wl = strlen(*w);
        if (p + wl < n && !strncasecmp(s + p, *w, wl) && s[p + wl] == ' ') {
            *intro = true;
            return read_list(mv, s, n, p + wl, out, cap, &end, t->type);
        }
    }
    return 0;
}

/* The members listed for therapy mention t: after it ("X such as A, B and C", "X (A, B
 * and C)") or in a parenthesis right before it ("(A, B and C) X"). */
static size_t members_of(const mention_vec *mv, const char *s, size_t n, const mention *t,
                         int *out, size_t cap)
{
    bool intro;
    size_t len = members_after(mv, s, n, t, out, cap, &intro), end;
    if (intro)
        return len;
    size_t p = skip_space(s, n, t->end);
    if (p < n && s[p] == ',')
        p = skip_space(s, n, p + 1);
    if (p < n && s[p] == '(') {
        len = read_list(mv, s, n, p + 1, out, cap, &end, SLOT_THERAPY);
        end = skip_space(s, n, end);
        return len >= 2 && end < n && s[end] == ')' ? len : 0;
    }
    /* "(A, B and C) X": the parenthesis closes right before the therapy */
    size_t q = t->start;
    while (q > 0 && s[q - 1] == ' ')
        q--;
    if (q == 0 || s[q - 1] != ')')
        return 0;
    size_t open = q - 1;
    while (open > 0 && s[open] != '(')
        open--;
    if (s[open] != '(')
        return 0;
    len = read_list(mv, s, n, open + 1, out, cap, &end, SLOT_THERAPY);
    end = skip_space(s, n, end);
    return len >= 2 && end == q - 1 ? len : 0;
}

/* Copies of candidate i with its slot st moved to each member in mem (but the slot's
 * own mention, and a member that overlaps the other slot ot). 0, or -1 (memory). */
static int copy_to_members(candidate_vec *cs, size_t i, const mention_vec *mv, const int *mem,
                           size_t len, slot_type st, slot_type ot)
{
    for (size_t j = 0; j < len; j++) {
        const mention *me = &mv->items[mem[j]];
        if (mem[j] == cs->items[i].mention[st] ||
            (me->start < cs->items[i].span_end[ot] && cs->items[i].span_start[ot] < me->end))
            continue;
        if (VEC_PUSH_SLOT(cs))
            return -1;
        candidate c = cs->items[i];
        c.mention[st] = mem[j];
        c.span_start[st] = me->start;
        c.span_end[st] = me->end;
        cs->items[cs->len++] = c;
    }
    return 0;
}

/* Copies of the candidates (those before it on entry) for the members their slot st
 * lists: a therapy's (members_of) or a condition's after an INTRO word. 0, or -1. */
static int expand_slot(match_ctx *m, const char *s, size_t n, slot_type st, slot_type ot)
{
    candidate_vec *cs = &m->cands;
    const mention_vec *mv = &m->tags.mentions;
    size_t n0 = cs->len;
    for (size_t i = 0; i < n0; i++) {
        int k = cs->items[i].mention[st];
        if (k < 0)
            continue;
        int mem[16];
        bool intro;
        size_t len = st == SLOT_THERAPY ? members_of(mv, s, n, &mv->items[k], mem, 16)
                                        : members_after(mv, s, n, &mv->items[k], mem, 16, &intro);
        if (copy_to_members(cs, i, mv, mem, len, st, ot))
            return -1;
    }
    return 0;
}

int members_expand(match_ctx *m, const char *s, size_t n)
{
    /* the therapies' members first; then the conditions', the therapies' copies too */
    return expand_slot(m, s, n, SLOT_THERAPY, SLOT_CONDITION) ||
                   expand_slot(m, s, n, SLOT_CONDITION, SLOT_THERAPY)
               ? -1
               : 0;
}
