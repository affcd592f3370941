/*
 * Faster forms of a regex that match exactly what it matches, made when a regex is
 * compiled to match with (regex synonyms, relation patterns); the regex as written stays
 * what errors, lint and explain read. Declared in lexicon.h.
 *
 * Why: PCRE2 tries the alternatives of a group one after the other, and tries a match at
 * every start; it neither merges alternatives that share a first letter nor reorders
 * assertions. The rule pack's long word lists ("(?!(?:post-consolidation|...|the|a))",
 * 300 words) and look-ahead-led shapes made those two costs most of the tagger's regex
 * time.
 */
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

/* Index of the last character of the escape at src[i] ('\\' then its character, \xHH,
 * \x{...}, \p{...}, \o{...}, \N{...}). */
static size_t skip_escape(const char *src, size_t n, size_t i)
{
    if (i + 1 >= n)
        return i;
    char e = src[i + 1];
    if (strchr("xpPoNgk", e) && i + 2 < n && src[i + 2] == '{') {
        size_t k = i + 3;
        while (k < n && src[k] != '}')
            k++;
        return k < n ? k : n - 1;
    }
    if (e == 'x')
        return i + 3 < n ? i + 3 : n - 1;
    return i + 1;
}

/* Index of the ']' that closes the class opening at src[i] ("[]a]" and "[^]a]" hold
 * a ']'; "[[:alpha:]]" a POSIX class), or n. */
static size_t skip_class(const char *src, size_t n, size_t i)
{
    size_t k = i + 1;
    if (k < n && src[k] == '^')
        k++;
    if (k < n && src[k] == ']')
        k++;
    while (k < n && src[k] != ']') {
        if (src[k] == '\\')
            k = skip_escape(src, n, k);
        else if (src[k] == '[' && k + 1 < n && src[k + 1] == ':') {
            const char *e = strstr(src + k + 2, ":]");
            if (e && (size_t)(e - src) < n)
                k = (size_t)(e - src) + 1;
        }
        k++;
    }
    return k;
}

/* Index of the ')' that closes the group opening at src[i], or n. */
static size_t group_end(const char *src, size_t n, size_t i)
{
    int depth = 0;
    for (size_t k = i; k < n; k++) {
        if (src[k] == '\\')
            k = skip_escape(src, n, k);
        else if (src[k] == '[')
            k = skip_class(src, n, k);
        else if (src[k] == '(')
            depth++;
        else if (src[k] == ')' && --depth == 0)
            return k;
    }
    return n;
}

/* True when src[a, b) opens a group that captures: "(" not followed by '?', or a named
 * group ("(?<name>", "(?'name'", "(?P<name>"). */
static bool has_capture(const char *src, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++) {
        if (src[k] == '\\') {
            k = skip_escape(src, b, k);
        } else if (src[k] == '[') {
            k = skip_class(src, b, k);
        } else if (src[k] == '(') {
            if (k + 1 >= b || src[k + 1] != '?')
                return true;
            char c = k + 2 < b ? src[k + 2] : '\0';
            char d = k + 3 < b ? src[k + 3] : '\0';
            if (c == '\'' || c == 'P' || (c == '<' && d != '=' && d != '!'))
                return true;
        }
    }
    return false;
}

static bool quantifier_at(const char *src, size_t n, size_t i)
{
    return i < n && src[i] && strchr("?*+{", src[i]);
}

/* ------------------------------------------------------------------ hoisting */

/* The length of the cheap assertion at src[i] (\b, \B, a look-behind), or 0. */
static size_t cheap_assertion(const char *src, size_t n, size_t i)
{
    if (i + 1 < n && src[i] == '\\' && (src[i + 1] == 'b' || src[i + 1] == 'B'))
        return 2;
    if (i + 3 < n && src[i] == '(' && src[i + 1] == '?' && src[i + 2] == '<' &&
        (src[i + 3] == '!' || src[i + 3] == '=')) {
        size_t e = group_end(src, n, i);
        return e < n ? e + 1 - i : 0;
    }
    return 0;
}

char *regex_hoist_lookahead(const char *src, size_t n)
{
    if (n < 4 || memcmp(src, "(?=", 3) != 0)
        return NULL;
    size_t la = group_end(src, n, 0) + 1; /* the look-ahead is src[0, la) */
    if (la > n || quantifier_at(src, n, la))
        return NULL;
    size_t end = la, k;
    while ((k = cheap_assertion(src, n, end)) > 0) {
        if (quantifier_at(src, n, end + k))
            return NULL;
        end += k;
    }
    if (end == la || has_capture(src, 0, end))
        return NULL;
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    memcpy(out, src + la, end - la);
    memcpy(out + (end - la), src, la);
    memcpy(out + end, src + end, n - end);
    out[n] = '\0';
    return out;
}

/* ------------------------------------------------------------------ factoring */

typedef struct {
    const char *p;
    size_t n;
} span;

#define MAX_ALTS 1024

static bool alnum_start(const span *a)
{
    return a->n > 0 && is_ascii_alnum((unsigned char)a->p[0]) && !quantifier_at(a->p, a->n, 1);
}

static char key_of(const span *a)
{
    return (char)ascii_lower((unsigned char)a->p[0]);
}

/* Writes the alternatives a[0, n) to out, those that start with the same letter or
 * digit (either case) gathered into one group, in the order of their first member, the
 * members in their own order; a group whose members start with the same character
 * takes it out, with the rest of the plain prefix they share ("t(?:reatment|herap)",
 * "pro(?:cedures|phylaxis)"), and is factored again. Only two alternatives that
 * start with the same letter can match at one place, and those keep their order, so
 * PCRE2 tries the same alternatives in the same order wherever a match is possible.
 * Returns 1 when it wrote, 0 when there was nothing to gather (nothing written: an
 * alternative that does not start with a plain letter or digit, or no two alike),
 * -1 when out of memory. */
static int factor_alts(const span *a, size_t n, strbuf *out)
{
    if (n < 2 || n > MAX_ALTS)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!alnum_start(&a[i]))
            return 0;
    bool alike = false;
    for (size_t i = 1; i < n && !alike; i++)
        for (size_t j = 0; j < i && !alike; j++)
            alike = key_of(&a[i]) == key_of(&a[j]);
    if (!alike)
        return 0;
    bool *done = calloc(n, sizeof *done);
    span *group = malloc(n * sizeof *group);
    int rc = done && group ? 1 : -1;
    for (size_t i = 0; i < n && rc == 1; i++) {
        if (done[i])
            continue;
        size_t m = 0;
        bool same = true;
        for (size_t j = i; j < n; j++)
            if (!done[j] && key_of(&a[j]) == key_of(&a[i])) {
                done[j] = true;
                same &= a[j].p[0] == a[i].p[0];
                group[m++] = a[j];
            }
        if (i > 0 && sb_putc(out, '|'))
            rc = -1;
        else if (m == 1)
            rc = sb_putn(out, a[i].p, a[i].n) ? -1 : 1;
        else {
            if (same) { /* the longest plain prefix they share comes out */
                size_t k = 1;
                for (bool more = true; more; k += more) {
                    for (size_t j = 0; j < m && more; j++)
                        more = group[j].n > k && group[j].p[k] == a[i].p[k] &&
                               is_ascii_alnum((unsigned char)a[i].p[k]) &&
                               !quantifier_at(group[j].p, group[j].n, k + 1);
                }
                for (size_t j = 0; j < m; j++)
                    group[j].p += k, group[j].n -= k;
                if (sb_putn(out, a[i].p, k))
                    rc = -1;
            }
            if (rc == 1 && sb_puts(out, "(?:"))
                rc = -1;
            int sub = rc == 1 && same ? factor_alts(group, m, out) : 0;
            for (size_t j = 0; rc == 1 && sub == 0 && j < m; j++)
                if ((j && sb_putc(out, '|')) || sb_putn(out, group[j].p, group[j].n))
                    rc = -1;
            if (sub < 0 || (rc == 1 && sb_putc(out, ')')))
                rc = -1;
        }
    }
    free(done);
    free(group);
    return rc;
}

/* Writes the alternatives a[0, n) to out with the word boundary they all start with
 * taken out before them ("\\bpatients\\b|\\bwomen\\b" as "\\b(?:patients\\b|women\\b)"),
 * the rest gathered as factor_alts does. An assertion at the place every alternative
 * starts is tested there whichever alternative is tried, so the group matches the same,
 * its alternatives in the same order; but PCRE2 then sees the letters each can start
 * with, and no longer tries every alternative at every place where a word starts (the
 * rule pack's word lists, "$PEOPLE" of fifty words, open many patterns). Returns 1 when
 * it wrote, 0 when not every alternative starts so (nothing written), -1 when out of
 * memory. */
static int hoist_boundary(span *a, size_t n, strbuf *out)
{
    if (n < 2 || n > MAX_ALTS)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (a[i].n < 2 || a[i].p[0] != '\\' || a[i].p[1] != 'b' || quantifier_at(a[i].p, a[i].n, 2))
            return 0;
    for (size_t i = 0; i < n; i++)
        a[i].p += 2, a[i].n -= 2;
    if (sb_puts(out, "\\b(?:"))
        return -1;
    int done = factor_alts(a, n, out);
    for (size_t i = 0; done == 0 && i < n; i++)
        if ((i && sb_putc(out, '|')) || sb_putn(out, a[i].p, a[i].n))
            return -1;
    return done < 0 || sb_putc(out, ')') ? -1 : 1;
}

/* The top-level alternatives of s[0, n) into a (at most MAX_ALTS); their count. */
static size_t split_alts(const char *s, size_t n, span *a)
{
    size_t k = 0, start = 0;
    int depth = 0;
    for (size_t i = 0; i < n && k < MAX_ALTS; i++) {
        if (s[i] == '\\')
            i = skip_escape(s, n, i);
        else if (s[i] == '[')
            i = skip_class(s, n, i);
        else if (s[i] == '(')
            depth++;
        else if (s[i] == ')')
            depth--;
        else if (s[i] == '|' && depth == 0) {
            a[k++] = (span){s + start, i - start};
            start = i + 1;
        }
    }
    if (k < MAX_ALTS) /* s may be NULL when n is 0: no offset is added to it then */
        a[k++] = (span){start ? s + start : s, n - start};
    return k;
}

/* The length of the opening of the group at src[i] whose alternatives may be gathered
 * ("(", "(?:", "(?=", "(?!", "(?>", "(?i:", "(?-i:", "(?<name>"); *behind is set for a
 * look-behind,
 * whose content is rewritten but not gathered (its alternatives have lengths of their
 * own). 0 for any other group (named, conditional, a callout, a comment...): copied
 * as it is. */
static size_t group_opening(const char *src, size_t n, size_t i, bool *behind)
{
    *behind = false;
    if (i + 1 >= n || src[i + 1] != '?')
        return 1;
    if (i + 2 >= n)
        return 0;
    char c = src[i + 2];
    if (c == ':' || c == '=' || c == '!' || c == '>')
        return 3;
    if (c == '<' && i + 3 < n && (src[i + 3] == '=' || src[i + 3] == '!')) {
        *behind = true;
        return 4;
    }
    if (c == '<' || c == '\'' || (c == 'P' && i + 3 < n && src[i + 3] == '<')) {
        /* a named group: "(?<name>", "(?'name'", "(?P<name>" */
        const char *close = memchr(src + i + 3, c == '\'' ? '\'' : '>', n - i - 3);
        return close ? (size_t)(close - (src + i)) + 1 : 0;
    }
    size_t f = i + 2;
    while (f < n && src[f] && strchr("imsn^-", src[f]))
        f++;
    return f > i + 2 && f < n && src[f] == ':' ? f + 1 - i : 0;
}

/* Rewrites src[0, n) into out: every group's content rewritten, then its alternatives
 * gathered (factor_alts) unless it is in a look-behind or holds a capture (the groups
 * would be numbered otherwise). Returns 0 or -1. */
static int factor_into(const char *src, size_t n, bool behind, strbuf *out)
{
    for (size_t i = 0; i < n;) {
        size_t e = i, open = 0;
        bool lb = false;
        if (src[i] == '\\')
            e = skip_escape(src, n, i);
        else if (src[i] == '[')
            e = skip_class(src, n, i);
        else if (src[i] == '(' && (e = group_end(src, n, i)) < n)
            open = group_opening(src, n, i, &lb);
        if (e >= n)
            e = n - 1;
        if (!open) {
            if (sb_putn(out, src + i, e + 1 - i))
                return -1;
            i = e + 1;
            continue;
        }
        strbuf inner;
        sb_init(&inner);
        span *alts = NULL;
        int rc = factor_into(src + i + open, e - i - open, behind || lb, &inner);
        if (rc == 0 && sb_putn(out, src + i, open))
            rc = -1;
        int done = 0;
        if (rc == 0 && !behind && !lb && !has_capture(inner.ptr, 0, inner.len)) {
            if (!(alts = malloc(MAX_ALTS * sizeof *alts)))
                rc = -1;
            else {
                /* MAX_ALTS alternatives may be only the first of more: left as written */
                size_t na = split_alts(inner.ptr, inner.len, alts);
                done = na < MAX_ALTS ? hoist_boundary(alts, na, out) : 0;
                if (done == 0 && na < MAX_ALTS)
                    done = factor_alts(alts, na, out);
            }
        }
        if (done < 0 || (rc == 0 && !done && sb_putn(out, inner.ptr, inner.len)) ||
            (rc == 0 && sb_putc(out, ')')))
            rc = -1;
        free(alts);
        sb_free(&inner);
        if (rc)
            return -1;
        i = e + 1;
    }
    return 0;
}

char *regex_factor_alternatives(const char *src, size_t n)
{
    /* quoting, comments and extended mode change what a character is: left alone */
    for (size_t i = 0; i + 1 < n; i++)
        if (src[i] == '\\' ? src[i + 1] == 'Q' || src[i + 1] == 'E'
                           : src[i] == '(' && src[i + 1] == '*')
            return NULL;
        else if (src[i] == '\\')
            i++;
    for (size_t i = 0; i + 2 < n; i++)
        if (src[i] == '(' && src[i + 1] == '?') {
            size_t f = i + 2;
            while (f < n && src[f] && strchr("imsnx^-", src[f]))
                f++;
            /* (?x...), a comment, or an option set for the rest of its group ("(?i)"),
             * which alternatives moved before it would not see */
            if (src[i + 2] == '#' || memchr(src + i + 2, 'x', f - i - 2) ||
                (f < n && src[f] == ')'))
                return NULL;
        }
    strbuf out;
    sb_init(&out);
    if (factor_into(src, n, false, &out) || sb_grow(&out, 0)) {
        sb_free(&out);
        return NULL;
    }
    if (out.len == n && !memcmp(out.ptr, src, n)) {
        sb_free(&out);
        return NULL;
    }
    return sb_take(&out);
}
