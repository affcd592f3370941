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
 * together (on pubmed-10k, three pattern runs in four end there). A pattern with no such
 * run gets its runs of one joined by gaps (join_runs below). The core is matched as
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
    /* a part that is not cheap but a group every match of which starts with a cheap run
     * holding an anchor ("(?<therapy>\\x01T\\d+\\x02(?:...(?!...)...)*)"): that run,
     * regex[start + 1 + ..., lead_end), with its anchors; lead_end 0: none */
    size_t lead_start, lead_end, lead_anchors;
} core_part;

static size_t split_parts(const char *re, size_t n, core_part *parts, size_t cap);

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

/* Sets part's lead when the group re[i, e) (e just past its ')') is a plain, non-capturing
 * or named one whose body has no top-level alternative and starts with cheap parts
 * holding an anchor: the run from the body's start to its last leading anchor. */
static void group_lead(const char *re, size_t e, size_t i, core_part *part)
{
    size_t b = i + 1;
    if (re[b] == '?') {
        if (re[b + 1] == ':')
            b += 2;
        else if (re[b + 1] == '<' && re[b + 2] != '=' && re[b + 2] != '!') {
            const char *gt = memchr(re + b, '>', e - b);
            if (!gt)
                return;
            b = (size_t)(gt - re) + 1;
        } else {
            return; /* a look-around, an atomic group, options, a condition... */
        }
    }
    if (e < b + 1)
        return;
    size_t n = e - 1 - b, cap = n / 2 + 2, lead = 0, anchors = 0;
    core_part *in = malloc(cap * sizeof *in);
    size_t np = in ? split_parts(re + b, n, in, cap) : 0;
    for (size_t k = 0; k < np && in[k].cheap; k++)
        if (in[k].anchor) {
            anchors++;
            lead = in[k].end;
        }
    free(in);
    if (anchors) {
        part->lead_start = b;
        part->lead_end = b + lead;
        part->lead_anchors = anchors;
    }
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
        parts[np] = (core_part){i, q, cheap, cheap && !zero && fills_text(re, i, q), 0, 0, 0};
        if (!cheap && !zero && re[i] == '(')
            group_lead(re, e, i, &parts[np]);
        np++;
        i = q;
    }
    return np;
}

/* A run of cheap parts, from its first anchor to its last: regex[a, b), then the lead of
 * the part that ends it, regex[la, lb) (la == lb: none), which the run's text reaches
 * directly (the group's opening left out). */
typedef struct {
    size_t a, b, la, lb, anchors;
} core_run;

/* The runs of parts that hold an anchor, in order, into runs (room for np); their count.
 * leads: a run takes the lead of the part that ends it (else no run has one). */
static size_t find_runs(const core_part *parts, size_t np, core_run *runs, bool leads)
{
    size_t nr = 0;
    for (size_t i = 0; i < np;) {
        size_t j = i, anchors = 0, a = SIZE_MAX, b = 0;
        for (; j < np && parts[j].cheap; j++)
            if (parts[j].anchor) {
                anchors++;
                a = a == SIZE_MAX ? parts[j].start : a;
                b = parts[j].end;
            }
        core_run r = {a, b, 0, 0, anchors};
        if (leads && j < np && parts[j].lead_end) {
            if (!anchors) /* the lead alone */
                r.a = r.b = parts[j].start;
            else
                r.b = parts[j].start; /* the cheap parts after the last anchor too */
            r.la = parts[j].lead_start;
            r.lb = parts[j].lead_end;
            r.anchors += parts[j].lead_anchors;
        }
        if (r.anchors)
            runs[nr++] = r;
        i = j + 1;
    }
    return nr;
}

/* A pattern whose look-arounds leave no run of two anchors (an open phrase or a clause
 * macro between the therapy and its verb: "$NOTARM {therapy+} $OGAP ... [(increased)]")
 * still has runs of one, the leads of its groups among them: its first CORE_SPAN_RUNS
 * runs, in the pattern's order, joined by "(?s:.*?)", which matches whatever the parts
 * between them matched (any text), make its core when they are two or more. Wherever the
 * regex matches, so does this, each run where the regex has it. */
#define CORE_SPAN_RUNS 3

static size_t run_len(const core_run *r)
{
    return r->b - r->a + r->lb - r->la;
}

static char *join_runs(const char *regex, const core_run *runs, size_t nr)
{
    static const char gap[] = "(?s:.*?)";
    size_t len = 1;
    for (size_t k = 0; k < nr; k++)
        len += run_len(&runs[k]) + sizeof gap;
    char *core = malloc(len), *o = core;
    for (size_t k = 0; core && k < nr; k++) {
        if (k) {
            memcpy(o, gap, sizeof gap - 1);
            o += sizeof gap - 1;
        }
        memcpy(o, regex + runs[k].a, runs[k].b - runs[k].a);
        o += runs[k].b - runs[k].a;
        memcpy(o, regex + runs[k].la, runs[k].lb - runs[k].la);
        o += runs[k].lb - runs[k].la;
    }
    if (core)
        *o = '\0';
    return core;
}

char *rules_pattern_core(const char *regex)
{
    if (!regex)
        return NULL;
    size_t n = strlen(regex);
    size_t cap = n / 2 + 2;
    core_part *parts = malloc(cap * sizeof *parts);
    core_run *runs = malloc(cap * sizeof *runs);
    char *core = NULL;
    if (!parts || !runs)
        goto done;
    size_t np = split_parts(regex, n, parts, cap);
    size_t nr = find_runs(parts, np, runs, false), best = 0;
    for (size_t k = 1; k < nr; k++)
        if (runs[k].anchors > runs[best].anchors)
            best = k;
    if (nr && runs[best].anchors >= CORE_MIN_ANCHORS) {
        core = join_runs(regex, &runs[best], 1);
        goto done;
    }
    nr = find_runs(parts, np, runs, true);
    if (nr >= 2)
        core = join_runs(regex, runs, nr < CORE_SPAN_RUNS ? nr : CORE_SPAN_RUNS);
done:
    free(parts);
    free(runs);
    return core;
}
