/*
 * Lint, the regex part: finds in a user /regex/ the first construct that repeats
 * without bound across a sentence (see regex_unbounded in lint.h). A light reading of
 * PCRE2 syntax: escapes, classes, groups and quantifiers; nothing is allocated.
 */
#include <stdbool.h>
#include <string.h>

#include "lint.h"

/* What one regex atom matches: `wide` repeated runs across words (., \N, \D, [^x]);
 * `wordy` repeated spans one word (\S, \w, [^\s]); `space` matches white space. */
typedef struct {
    bool wide, wordy, space;
} re_atom;

/* An open group: what its content holds so far. */
typedef struct {
    size_t open;        /* offset of its '(' */
    bool space, runner; /* an atom matching white space / a repeated non-space atom */
    long pending;       /* offset of a word-long repeat (\S+) not yet bounded, -1 */
    size_t pending_len;
} re_frame;

typedef struct {
    const char *re;
    size_t n;
    size_t at, len; /* the construct found */
    bool found;
} re_scan;

/* Length of the quantifier at s (0: none); whether it repeats without bound (*, +,
 * {n,}) or is a count ({n}, {n,m}). */
static size_t quant_len(const char *s, size_t n, bool *unbounded, bool *counted)
{
    size_t i = 0;
    *unbounded = *counted = false;
    if (n && (s[0] == '*' || s[0] == '+' || s[0] == '?')) {
        *unbounded = s[0] != '?';
        i = 1;
    } else if (n && s[0] == '{') {
        i = 1;
        while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == ','))
            i++;
        if (i == 1 || i >= n || s[i] != '}')
            return 0;
        *unbounded = s[i - 1] == ',';
        *counted = !*unbounded;
        i++;
    }
    return i && i < n && (s[i] == '?' || s[i] == '+') ? i + 1 : i;
}

static size_t class_atom(const char *s, size_t n, re_atom *k)
{
    size_t i = 1;
    bool neg = i < n && s[i] == '^', sp = false;
    i += neg;
    if (i < n && s[i] == ']')
        i++;
    for (; i < n && s[i] != ']'; i++) {
        if (s[i] == '\\' && i + 1 < n)
            sp |= s[++i] == 's';
        else
            sp |= s[i] == ' ';
    }
    k->wide = neg && !sp;
    k->wordy = neg && sp;
    k->space = neg != sp;
    return i < n ? i + 1 : n;
}

/* Length of the atom at s (an escape, a class or one character) and what it matches. */
static size_t regex_atom(const char *s, size_t n, re_atom *k)
{
    memset(k, 0, sizeof *k);
    if (s[0] == '[')
        return class_atom(s, n, k);
    if (s[0] == '\\' && n > 1) {
        k->wide = s[1] == 'N' || s[1] == 'D';
        k->wordy = s[1] == 'S' || s[1] == 'w';
        k->space = k->wide || s[1] == 's' || s[1] == 'W';
        return 2;
    }
    k->wide = s[0] == '.';
    k->space = s[0] == '.' || s[0] == ' ';
    return 1;
}

static void found(re_scan *sc, size_t at, size_t len)
{
    sc->at = at;
    sc->len = len;
    sc->found = true;
}

/* The group f closes at re[i] == ')': found when it repeats without bound over words,
 * else what it holds goes to the enclosing group (a {n,m} count bounds a word-long
 * repeat inside it). Returns the length read. */
static size_t close_group(re_scan *sc, size_t i, re_frame *f)
{
    bool unbounded, counted;
    size_t q = quant_len(sc->re + i + 1, sc->n - i - 1, &unbounded, &counted);
    re_frame *up = f - 1;
    if (unbounded && f->space && f->runner)
        found(sc, f->open, i + 1 + q - f->open);
    up->space |= f->space;
    up->runner |= f->runner;
    if (!counted && f->pending >= 0 && up->pending < 0) {
        up->pending = f->pending;
        up->pending_len = f->pending_len;
    }
    return 1 + q;
}

/* One atom at re[i] in group f; returns the length read. */
static size_t scan_atom(re_scan *sc, size_t i, re_frame *f)
{
    re_atom k;
    size_t a = regex_atom(sc->re + i, sc->n - i, &k);
    bool unbounded, counted;
    size_t q = quant_len(sc->re + i + a, sc->n - i - a, &unbounded, &counted);
    if (unbounded && k.wide)
        found(sc, i, a + q);
    if (unbounded && k.wordy && f->pending < 0) {
        f->pending = (long)i;
        f->pending_len = a + q;
    }
    f->space |= k.space;
    f->runner |= unbounded && !k.space;
    return a + q;
}

bool regex_unbounded(const char *re, size_t n, size_t *at, size_t *len)
{
    re_scan sc = {re, n, 0, 0, false};
    re_frame st[32] = {{0, false, false, -1, 0}};
    size_t depth = 0;
    for (size_t i = 0; i < n && !sc.found;) {
        if (re[i] == '(') {
            if (depth + 1 == sizeof st / sizeof *st)
                return false; /* too deep to judge */
            st[++depth] = (re_frame){i, false, false, -1, 0};
            i++;
        } else if (re[i] == ')' && depth > 0) {
            i += close_group(&sc, i, &st[depth]);
            depth--;
        } else {
            i += scan_atom(&sc, i, &st[depth]);
        }
    }
    if (!sc.found && st[0].pending >= 0)
        found(&sc, (size_t)st[0].pending, st[0].pending_len);
    *at = sc.at;
    *len = sc.len;
    return sc.found;
}
