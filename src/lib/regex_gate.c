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

/* The group opening at src[i]: when it is a plain alternation of literals that is not
 * optional ("(?:osis|iasis)"), writes them as "osis|iasis" into alts and returns the
 * shortest one's length; else 0. *end gets the index of the ')'. */
static size_t literal_alternation(const char *src, size_t n, size_t i, char *alts, size_t cap,
                                  size_t *end)
{
    size_t k = i + 1, len = 0, shortest = SIZE_MAX, cur = 0;
    bool plain = true;
    if (k + 1 < n && src[k] == '?' && src[k + 1] == ':')
        k += 2;
    int depth = 1;
    for (; k < n && depth > 0; k++) {
        char c = src[k];
        if (c == '\\') {
            k = skip_escape(src, n, k);
            plain = false;
        } else if (c == '(') {
            depth++;
            plain = false;
        } else if (c == ')') {
            depth--;
        } else if (c == '[') {
            while (k + 1 < n && src[k + 1] != ']')
                k += src[k + 1] == '\\' ? 2 : 1;
            k++;
            plain = false;
        } else if (depth == 1 && c == '|') {
            shortest = cur < shortest ? cur : shortest;
            cur = 0;
            if (len + 1 < cap)
                alts[len++] = '|';
        } else if (is_ascii_alnum((unsigned char)c) || c == '-') {
            cur++;
            if (len + 1 < cap)
                alts[len++] = (char)ascii_lower((unsigned char)c);
        } else {
            plain = false;
        }
    }
    *end = k - 1;
    alts[len] = '\0';
    shortest = cur < shortest ? cur : shortest;
    bool optional = k < n && (src[k] == '?' || src[k] == '*' || src[k] == '{');
    return plain && !optional && len + 1 < cap ? shortest : 0;
}

/* Reads the regex at nesting depth 0 only: runs of plain characters are required
 * unless a quantifier that allows zero follows (which drops the last character);
 * groups, classes and escapes end a run; a '|' at depth 0 means nothing is required.
 * A group that is a plain alternation of literals is a gate too ("any of"): taken when
 * its shortest literal is longer than the longest plain run. */
char *regex_required_literal(const char *src, size_t n)
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
        if (c == '\\') {
            END_RUN();
            i = skip_escape(src, n, i);
        } else if (c == '[') {
            END_RUN();
            while (i + 1 < n && src[i + 1] != ']')
                i += src[i + 1] == '\\' ? 2 : 1;
            i++;
        } else if (c == '(') {
            END_RUN();
            char alts[4096];
            size_t end, shortest = literal_alternation(src, n, i, alts, sizeof alts, &end);
            if (shortest > score) {
                snprintf(best, sizeof best, "%s", alts);
                bl = strlen(best);
                score = shortest;
            }
            i = end;
        } else if (c == '|') {
            return NULL;
        } else if (c == '?' || c == '*' || c == '{') {
            if (rl)
                rl--;
            END_RUN();
        } else if (is_ascii_alnum((unsigned char)c) || c == '-') {
            if (rl < sizeof run - 1)
                run[rl++] = (char)ascii_lower((unsigned char)c);
        } else {
            END_RUN();
        }
    }
    END_RUN();
#undef END_RUN
    return score >= 3 ? xstrndup(best, bl) : NULL;
}

