/*
 * Gates of regex synonyms: the literal text that every match of a regex must contain,
 * read from the regex source, so that the tagger only runs a regex on sentences that
 * contain it (see lexicon.c, scan_gates). Declared in lexicon.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

/* Skips the escape at src[i] ('\\' then its character, \xHH, \x{...}, \p{...});
 * returns the index of its last character. */
static size_t skip_escape(const char *src, size_t n, size_t i)
{
    if (i + 1 >= n)
        return i;
    char e = src[i + 1];
    if ((e == 'x' || e == 'p' || e == 'P') && i + 2 < n && src[i + 2] == '{') {
        size_t k = i + 3;
        while (k < n && src[k] != '}')
            k++;
        return k;
    }
    if (e == 'x')
        return i + 3 < n ? i + 3 : n - 1;
    return i + 1;
}

/* Index of the ')' that closes the group opening at src[i], or n. */
static size_t group_end(const char *src, size_t n, size_t i)
{
    int depth = 0;
    for (size_t k = i; k < n; k++) {
        char c = src[k];
        if (c == '\\') {
            k = skip_escape(src, n, k);
        } else if (c == '[') {
            while (k + 1 < n && src[k + 1] != ']')
                k += src[k + 1] == '\\' ? 2 : 1;
            k++;
        } else if (c == '(') {
            depth++;
        } else if (c == ')' && --depth == 0) {
            return k;
        }
    }
    return n;
}

/* The literal characters an alternative a[0..n) starts with, up to its first group,
 * class, escape or quantified character, lowercased into out; their count. */
static size_t alternative_prefix(const char *a, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    while (k < n && k + 1 < cap && (is_ascii_alnum((unsigned char)a[k]) || a[k] == '-')) {
        out[k] = (char)ascii_lower((unsigned char)a[k]);
        k++;
    }
    if (k < n && k > 0 && (a[k] == '?' || a[k] == '*' || a[k] == '{'))
        k--; /* "cancers?": the s may be absent */
    return k;
}

/* The length of the shortest of the '|'-separated literals of a gate. */
static size_t gate_score(const char *g)
{
    size_t shortest = SIZE_MAX, cur = 0;
    for (;; g++) {
        if (*g == '|' || *g == '\0') {
            shortest = cur < shortest ? cur : shortest;
            cur = 0;
            if (!*g)
                return shortest == SIZE_MAX ? 0 : shortest;
        } else {
            cur++;
        }
    }
}

/* The gate of the group opening at src[i], written into out ("" when none); returns its
 * score (0: none) and points *end at the group's ')'. A group made optional by a
 * quantifier, a look-behind, a negative look-ahead or a named group gives none; a
 * look-ahead gives what its content requires; a group with alternatives
 * gives the literal prefix of each ("(?:cancers?|tumou?rs?)" gives "cancer|tumo"); a
 * group without gives what its own content requires. */
static char *required(const char *src, size_t n, bool weak);

static size_t group_gate(const char *src, size_t n, size_t i, char *out, size_t cap,
                         size_t *end, bool weak)
{
    size_t close = group_end(src, n, i);
    *end = close < n ? close : n - 1;
    out[0] = '\0';
    if (close >= n || (close + 1 < n && strchr("?*{", src[close + 1])))
        return 0;
    size_t a = i + 1;
    if (a + 1 < close && src[a] == '?' && src[a + 1] == '=') {
        /* a look-ahead: what it requires is in the sentence too, after the match's start
         * ("(?=(?:[\w-]+\s+){1,2}supplement)" needs "supplement"); not a look-behind,
         * whose text lies before the start, past the offset limit a gate sets */
        a += 2;
    } else if (a < close && src[a] == '?') {
        /* (?:...) or a group with inline flags, (?i:...), (?-i:...); not (?x:...),
         * where white space is no text and '#' starts a comment */
        size_t f = a + 1;
        while (f < close && strchr("imsn^-", src[f]) && src[f] != '\0')
            f++;
        if (f >= close || src[f] != ':')
            return 0;
        a = f + 1;
    }
    size_t bars[64], nbars = 0;
    for (size_t k = a; k < close && nbars < 64; k++) {
        if (src[k] == '(' || src[k] == '[' || src[k] == '\\') {
            size_t e = src[k] == '(' ? group_end(src, close, k) : k;
            if (src[k] == '[')
                while (e + 1 < close && src[e + 1] != ']')
                    e += src[e + 1] == '\\' ? 2 : 1;
            k = src[k] == '\\' ? skip_escape(src, close, k) : e + (src[k] == '[');
        } else if (src[k] == '|') {
            bars[nbars++] = k;
        }
    }
    if (nbars == 64)
        return 0;
    if (nbars == 0) {
        char *inner = required(src + a, close - a, weak);
        size_t score = inner && strlen(inner) < cap ? gate_score(inner) : 0;
        if (score)
            snprintf(out, cap, "%s", inner);
        free(inner);
        return score;
    }
    size_t len = 0, from = a;
    for (size_t b = 0; b <= nbars; b++) {
        size_t to = b < nbars ? bars[b] : close;
        if (len + 2 >= cap)
            return 0;
        if (b)
            out[len++] = '|';
        size_t p = alternative_prefix(src + from, to - from, out + len, cap - len);
        if (p == 0)
            return 0; /* an alternative that requires nothing */
        len += p;
        from = to + 1;
    }
    out[len] = '\0';
    return gate_score(out);
}

/* The one letter a class of one letter in either case or of one character stands for
 * ("[Ii]", "[x]"), lowercased, or 0; *end: the class's ']'. */
static char one_letter_class(const char *src, size_t n, size_t i, size_t *end)
{
    if (i + 2 < n && src[i + 2] == ']' && is_ascii_alnum((unsigned char)src[i + 1])) {
        *end = i + 2;
        return (char)ascii_lower((unsigned char)src[i + 1]);
    }
    if (i + 3 < n && src[i + 3] == ']' && is_ascii_alnum((unsigned char)src[i + 1]) &&
        ascii_lower((unsigned char)src[i + 1]) == ascii_lower((unsigned char)src[i + 2])) {
        *end = i + 3;
        return (char)ascii_lower((unsigned char)src[i + 1]);
    }
    return 0;
}

/* Whether a quantifier that allows zero follows src[i] ("?", "*", "{0"). */
static bool may_be_absent(const char *src, size_t n, size_t i)
{
    return i + 1 < n && (src[i + 1] == '?' || src[i + 1] == '*' ||
                         (src[i + 1] == '{' && i + 2 < n && src[i + 2] == '0'));
}

/* Reads the regex at nesting depth 0 only: runs of plain characters are required
 * unless a quantifier that allows zero follows (which drops the last character);
 * groups, classes and escapes end a run; a '|' at depth 0 means nothing is required.
 * A group that is a plain alternation of literals is a gate too ("any of"): taken when
 * its shortest literal is longer than the longest plain run. Weak (regex_gate, when
 * that finds nothing): a class of one letter in either case ("[Ii]t") is that letter
 * in a run, a digit \d that must be there is the gate "0|1|...|9", and a gate of any
 * length is taken. */
static char *required(const char *src, size_t n, bool weak)
{
    char best[4096] = "", run[128];
    size_t rl = 0, bl = 0, score = 0;
#define END_RUN()                                                                          \
    do {                                                                                   \
        if (rl > score) {                                                                  \
            memcpy(best, run, rl);                                                         \
            best[rl] = '\0';                                                               \
            bl = score = rl;                                                               \
        }                                                                                  \
        rl = 0;                                                                            \
    } while (0)
    for (size_t i = 0; i < n; i++) {
        char c = src[i];
        size_t e;
        char one;
        if (c == '\\') {
            END_RUN();
            if (weak && score == 0 && i + 1 < n && src[i + 1] == 'd' &&
                !may_be_absent(src, n, i + 1)) {
                snprintf(best, sizeof best, "0|1|2|3|4|5|6|7|8|9");
                bl = strlen(best);
                score = 1;
            }
            i = skip_escape(src, n, i);
        } else if (weak && c == '[' && (one = one_letter_class(src, n, i, &e)) != 0) {
            if (rl < sizeof run - 1)
                run[rl++] = one;
            i = e;
        } else if (c == '[') {
            END_RUN();
            while (i + 1 < n && src[i + 1] != ']')
                i += src[i + 1] == '\\' ? 2 : 1;
            i++;
        } else if (c == '(') {
            END_RUN();
            char alts[4096];
            size_t end, g = group_gate(src, n, i, alts, sizeof alts, &end, weak);
            if (g > score) {
                snprintf(best, sizeof best, "%s", alts);
                bl = strlen(best);
                score = g;
            }
            i = end;
        } else if (c == '|') {
            return NULL;
        } else if (c == '?' || c == '*' || c == '{') {
            if (rl)
                rl--;
            END_RUN();
            size_t q = i + 1; /* a count ("{2,5}"): its digits are no text */
            while (c == '{' && q < n && (src[q] == ',' || (src[q] >= '0' && src[q] <= '9')))
                q++;
            if (c == '{' && q < n && src[q] == '}')
                i = q;
        } else if (is_ascii_alnum((unsigned char)c) || c == '-') {
            if (rl < sizeof run - 1)
                run[rl++] = (char)ascii_lower((unsigned char)c);
        } else {
            END_RUN();
        }
    }
    END_RUN();
#undef END_RUN
    return score >= (weak ? 1u : 3u) ? xstrndup(best, bl) : NULL;
}

char *regex_required_literal(const char *src, size_t n)
{
    return required(src, n, false);
}

char *regex_gate(const char *src, size_t n)
{
    char *g = required(src, n, false);
    return g ? g : required(src, n, true);
}

