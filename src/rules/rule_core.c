/*
 * A pattern's core: a short run of its regex that every match holds, searched before the
 * whole regex (see rules.h, rules_pattern_core). A pattern's regex is a concatenation of
 * top-level parts, one per element and the "\s*" between them, so any run of whole
 * consecutive parts matches, at the same place and with the same subject around it,
 * wherever the whole regex matches: when the run matches nowhere in the sentence, the
 * whole regex cannot match there. The run chosen is made of cheap parts (no look-around,
 * which is where patterns spend their time: open phrases, clause macros) with at least
 * two that a match cannot skip, such as "(in|among) (the|both)? {therapy}"; the gate has
 * already seen each of its words in the sentence, the core asks that they stand
 * together (on pubmed-10k, three pattern runs in four end there). The core is matched as
 * the pattern is, caseless, in the faster form of regex_rewrite.c; a core search that
 * stops at a match limit lets the pattern run. Declared in rules.h; the caller owns the
 * text returned.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"

#define CORE_PART_MAX 600 /* a longer part is no cheap part */
#define CORE_MIN_ANCHORS 2

typedef struct {
    size_t start, end; /* regex[start, end), the quantifier included */
    bool cheap;        /* may stand in a core */
    bool anchor;       /* cheap, and every match holds text for it (no quantifier of zero) */
} core_part;

/* The index just past the character class opening at re[i] ('['), or n. */
static size_t class_end(const char *re, size_t n, size_t i)
{
    size_t k = i + 1;
    if (k < n && re[k] == '^')
        k++;
    if (k < n && re[k] == ']')
        k++; /* a ']' first is a literal */
    while (k < n && re[k] != ']') {
        if (re[k] == '\\')
            k++;
        else if (re[k] == '[' && k + 1 < n && re[k + 1] == ':') {
            const char *e = strstr(re + k + 2, ":]");
            if (!e || (size_t)(e - re) >= n)
                return n;
            k = (size_t)(e - re) + 1;
        }
        k++;
    }
    return k < n ? k + 1 : n;
}

/* The index just past the group opening at re[i] ('('), or n. */
static size_t group_end(const char *re, size_t n, size_t i)
{
    int depth = 0;
    for (size_t k = i; k < n; k++) {
        if (re[k] == '\\')
            k++;
        else if (re[k] == '[')
            k = class_end(re, n, k) - 1;
        else if (re[k] == '(')
            depth++;
        else if (re[k] == ')' && --depth == 0)
            return k + 1;
    }
    return n;
}

/* The index just past a quantifier at re[i] (none: i); *zero: it allows no repeat. */
static size_t quantifier_end(const char *re, size_t n, size_t i, bool *zero)
{
    *zero = false;
    if (i >= n)
        return i;
    size_t k = i;
    if (re[k] == '?' || re[k] == '*') {
        *zero = true;
        k++;
    } else if (re[k] == '+') {
        k++;
    } else if (re[k] == '{') {
        size_t q = k + 1;
        while (q < n && ((re[q] >= '0' && re[q] <= '9') || re[q] == ','))
            q++;
        if (q == k + 1 || q >= n || re[q] != '}')
            return i; /* a literal brace */
        *zero = re[k + 1] == '0' || re[k + 1] == ',';
        k = q + 1;
    } else {
        return i;
    }
    if (k < n && (re[k] == '?' || re[k] == '+'))
        k++; /* lazy or possessive */
    return k;
}

/* Whether re[i] opens a group "(?" that sets options for the rest of its group ("(?i)",
 * "(?-i)") or calls a group ("(?1)", "(?+1)", "(?-1)"). */
static bool option_or_call(const char *re, size_t b, size_t i)
{
    if (i + 2 >= b || re[i] != '(' || re[i + 1] != '?')
        return false;
    size_t k = i + 2;
    if (re[k] >= '0' && re[k] <= '9')
        return true;
    if ((re[k] == '+' || re[k] == '-') && k + 1 < b && re[k + 1] >= '0' && re[k + 1] <= '9')
        return true;
    while (k < b && ((re[k] >= 'a' && re[k] <= 'z') || (re[k] >= 'A' && re[k] <= 'Z') ||
                     re[k] == '-' || re[k] == '^'))
        k++;
    return k > i + 2 && k < b && re[k] == ')';
}

/* Whether re[a, b) holds a construct that reads outside its own text or changes how
 * what follows is read: a look-around (other than \b), a back reference, subroutine
 * call or condition, a callout, a verb, \G, \Q, \K, or options set for the rest of
 * the group. */
static bool reaches_out(const char *re, size_t a, size_t b)
{
    static const char *const bad[] = {"(?=", "(?!", "(?<=", "(?<!", "(*", "(?C", "(?P",
                                      "(?&", "(?R", "(?|", "(?#", "(?(", "\\G", "\\Q", "\\K",
                                      "\\k", "\\g", "\\A", "\\z", "\\Z"};
    for (size_t i = a; i < b; i++) {
        if (re[i] == '\\' && i + 1 < b && re[i + 1] >= '1' && re[i + 1] <= '9')
            return true; /* \1: a back reference */
        for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
            size_t len = strlen(bad[k]);
            if (i + len <= b && !memcmp(re + i, bad[k], len))
                return true;
        }
        if (option_or_call(re, b, i))
            return true;
        if (re[i] == '\\')
            i++;
    }
    return false;
}

/* The index just past the escape at re[i] ('\\'): "\\s", "\\x2c", "\\x{...}", "\\p{...}",
 * "\\012", "\\cA". */
static size_t escape_end(const char *re, size_t n, size_t i)
{
    if (i + 1 >= n)
        return n;
    char c = re[i + 1];
    size_t e = i + 2;
    if (e < n && re[e] == '{' && strchr("xpPNo", c)) {
        const char *r = memchr(re + e, '}', n - e);
        return r ? (size_t)(r - re) + 1 : n;
    }
    if (c == 'x') {
        for (int k = 0; k < 2 && e < n && strchr("0123456789abcdefABCDEF", re[e]); k++)
            e++;
    } else if (c == '0') {
        for (int k = 0; k < 2 && e < n && re[e] >= '0' && re[e] <= '7'; k++)
            e++;
    } else if (c == 'c' && e < n) {
        e++;
    }
    return e;
}

/* Whether the part re[a, b) (a cheap one) fills at least one character wherever it
 * matches, as PCRE2 reads it (its minimum length): a word, a mention token, a comma; not
 * white space, a gap ("(?:(?:\\S+)\\s*){0,5}?" inside a group) or an optional group,
 * which may fill nothing and so find nothing. */
static bool fills_text(const char *re, size_t a, size_t b)
{
    int err;
    PCRE2_SIZE off;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)(re + a), b - a,
                                     PCRE2_CASELESS | PCRE2_DUPNAMES, &err, &off, NULL);
    uint32_t min = 0;
    if (code)
        pcre2_pattern_info(code, PCRE2_INFO_MINLENGTH, &min);
    pcre2_code_free(code);
    return min > 0;
}

static bool word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Whether a literal word starts at re[i]: a letter or digit, or "\\b" before one. */
static bool word_at(const char *re, size_t n, size_t i)
{
    if (re[i] == '\\')
        return i + 2 < n && re[i + 1] == 'b' && word_char(re[i + 2]);
    return word_char(re[i]);
}

/* The end of the literal word at re[i] ("\\bin\\b", "in"): one part, so that a word counts
 * once; a last letter with a quantifier ("cancers?") is a part of its own. */
static size_t word_end(const char *re, size_t n, size_t i)
{
    size_t e = re[i] == '\\' ? i + 2 : i;
    while (e < n && word_char(re[e]) && !(e + 1 < n && strchr("?*+{", re[e + 1])))
        e++;
    if (e == (re[i] == '\\' ? i + 2 : i))
        return re[i] == '\\' ? i + 2 : i + 1; /* its first letter has the quantifier */
    if (e + 1 < n && re[e] == '\\' && re[e + 1] == 'b')
        e += 2;
    return e;
}

/* The top-level parts of re[0, n) into parts (at most cap); their count, or 0 when re
 * has a top-level alternative, sets options at the top level, or cannot be read so. */
static size_t split_parts(const char *re, size_t n, core_part *parts, size_t cap)
{
    size_t np = 0;
    for (size_t i = 0; i < n;) {
        size_t e;
        if (re[i] == '|' || re[i] == ')')
            return 0;
        if (option_or_call(re, n, i))
            return 0;
        if (re[i] == '(')
            e = group_end(re, n, i);
        else if (re[i] == '[')
            e = class_end(re, n, i);
        else if (re[i] == '\\' && !word_at(re, n, i))
            e = escape_end(re, n, i);
        else if (word_at(re, n, i))
            e = word_end(re, n, i);
        else
            e = i + 1;
        if (e > n || (re[i] == '(' && re[e - 1] != ')') || (re[i] == '[' && re[e - 1] != ']'))
            return 0;
        bool zero;
        size_t q = quantifier_end(re, n, e, &zero);
        if (np == cap)
            return 0;
        bool cheap = q - i <= CORE_PART_MAX && !reaches_out(re, i, q);
        parts[np++] = (core_part){i, q, cheap, cheap && !zero && fills_text(re, i, q)};
        i = q;
    }
    return np;
}

char *rules_pattern_core(const char *regex)
{
    if (!regex)
        return NULL;
    size_t n = strlen(regex);
    size_t cap = n / 2 + 2;
    core_part *parts = malloc(cap * sizeof *parts);
    if (!parts)
        return NULL;
    size_t np = split_parts(regex, n, parts, cap);
    size_t best_a = 0, best_b = 0, best = 0;
    for (size_t i = 0; i < np;) {
        if (!parts[i].cheap) {
            i++;
            continue;
        }
        size_t j = i, anchors = 0, first = SIZE_MAX, last = 0;
        for (; j < np && parts[j].cheap; j++)
            if (parts[j].anchor) {
                anchors++;
                first = first == SIZE_MAX ? j : first;
                last = j;
            }
        if (anchors > best) {
            best = anchors;
            best_a = first;
            best_b = last + 1;
        }
        i = j;
    }
    char *core = NULL;
    if (best >= CORE_MIN_ANCHORS) {
        size_t a = parts[best_a].start, b = parts[best_b - 1].end;
        core = malloc(b - a + 1);
        if (core) {
            memcpy(core, regex + a, b - a);
            core[b - a] = '\0';
        }
    }
    free(parts);
    return core;
}
