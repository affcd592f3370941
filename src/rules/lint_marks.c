/*
 * Lint, the warnings marked as intended: a rule file says `#lint-ok KIND...: why` on
 * the line before a statement (covering it, or the whole block it opens) or
 * `#lint-ok-file KIND...: why` (covering the file), and lint leaves out the warnings of
 * those kinds there (docs/rules.md "Checking and linting"): they become notes. Each warning's kind ends its message as
 * " [kind]". A mark that covers no warning of a kind it names, or names a kind lint does
 * not have, is itself a warning (kind lint-ok, which no mark covers), so that marks do
 * not outlive what they were for. Read-only on the rule set.
 */
#include "lint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kinds[] = {
    "ungated-pattern", "wide-gap",     "unbounded-regex", "short-term",
    "common-word",     "ungated-regex", "two-entries",    "duplicate-pattern",
    "untested-list",   "unused-entries", "redeclared-entry",
};
#define NKINDS (sizeof kinds / sizeof *kinds)

/* The kind at the end of a warning's message ("... [wide-gap]"), into k[0..*n). */
static bool kind_of(const char *msg, const char **k, size_t *n)
{
    size_t len = strlen(msg);
    if (len < 3 || msg[len - 1] != ']')
        return false;
    const char *open = strrchr(msg, '[');
    if (!open)
        return false;
    *k = open + 1;
    *n = (size_t)(msg + len - 1 - *k);
    return true;
}

/* The index of word k[0..n) among the mark's kinds (space or comma separated), or -1. */
static int word_index(const char *list, const char *k, size_t n)
{
    int i = 0;
    for (const char *p = list; *p; i++) {
        while (*p == ' ' || *p == ',' || *p == '\t')
            p++;
        const char *e = p;
        while (*e && *e != ' ' && *e != ',' && *e != '\t')
            e++;
        if (e == p)
            break;
        if ((size_t)(e - p) == n && !memcmp(p, k, n))
            return i;
        p = e;
    }
    return -1;
}

static bool known_kind(const char *k, size_t n)
{
    for (size_t i = 0; i < NKINDS; i++)
        if (strlen(kinds[i]) == n && !memcmp(kinds[i], k, n))
            return true;
    return false;
}

#define MARK_MAX_KINDS 32

/* Warns of each kind of mark m that is unknown or covered nothing (used: a bit per
 * kind). Returns 0 or -1 when out of memory. */
static int check_mark(const lint_mark *m, unsigned long used, thx_diags *out)
{
    int i = 0;
    for (const char *p = m->kinds; *p; i++) {
        while (*p == ' ' || *p == ',' || *p == '\t')
            p++;
        const char *e = p;
        while (*e && *e != ' ' && *e != ',' && *e != '\t')
            e++;
        if (e == p)
            break;
        int col = m->loc.col + (int)(p - m->kinds);
        int rc = 0;
        if (!known_kind(p, (size_t)(e - p)))
            rc = thx_diags_add(out, THX_SEV_WARNING, m->loc.file, m->loc.line, col, m->loc.src,
                               "lint has no warning kind '%.*s' (the kinds are the names in "
                               "[ ] after lint's warnings) [lint-ok]",
                               (int)(e - p), p);
        else if (i >= MARK_MAX_KINDS || !(used & (1ul << i)))
            rc = thx_diags_add(out, THX_SEV_WARNING, m->loc.file, m->loc.line, col, m->loc.src,
                               "this mark covers no '%.*s' warning%s: remove it [lint-ok]",
                               (int)(e - p), p,
                               m->first ? "" : " (no statement follows it)");
        if (rc)
            return -1;
        p = e;
    }
    return 0;
}

int lint_apply_marks(const thx_ruleset *rs, thx_diags *out, size_t from, size_t *marked)
{
    *marked = 0;
    if (!rs->nmarks)
        return 0;
    unsigned long *used = calloc(rs->nmarks, sizeof *used);
    if (!used)
        return -1;
    for (size_t i = from; i < out->len; i++) {
        thx_diag *d = &out->items[i];
        const char *k;
        size_t n;
        bool covered = false;
        if (d->severity == THX_SEV_WARNING && kind_of(d->message, &k, &n))
            for (size_t m = 0; m < rs->nmarks; m++) {
                const lint_mark *mk = &rs->marks[m];
                if (mk->first > d->line || mk->last < d->line || strcmp(mk->loc.file, d->path))
                    continue;
                int w = word_index(mk->kinds, k, n);
                if (w < 0)
                    continue;
                if (w < MARK_MAX_KINDS)
                    used[m] |= 1ul << w;
                covered = true;
            }
        if (covered) { /* kept, as a note: the caller may count them per file */
            d->severity = THX_SEV_NOTE;
            ++*marked;
        }
    }
    int rc = 0;
    for (size_t m = 0; m < rs->nmarks && rc == 0; m++)
        rc = check_mark(&rs->marks[m], used[m], out);
    free(used);
    return rc;
}
