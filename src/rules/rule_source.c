/*
 * The rule files' source text as the rule set keeps it: interned strings (file names,
 * source lines, which diagnostics and rules point into; owned by the rule set), and
 * errors reported at a source location. The bottom of rules/: every loading stage
 * calls it, it calls none of them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "rule_load.h"

void rules_error(thx_diags *diags, const src_loc *loc, int col, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    thx_diags_add(diags, THX_SEV_ERROR, loc->file, loc->line, col, loc->src, "%s", msg);
}

const char *rules_intern(thx_ruleset *rs, const char *s, size_t n)
{
    for (size_t i = rs->nstrings; i-- > 0 && i + 64 > rs->nstrings;)
        if (strlen(rs->strings[i]) == n && memcmp(rs->strings[i], s, n) == 0)
            return rs->strings[i];
    if (VEC_PUSH_SLOT_N(rs->strings, rs->nstrings, rs->capstrings))
        return NULL;
    char *p = xstrndup(s, n);
    if (p)
        rs->strings[rs->nstrings++] = p;
    return p;
}
