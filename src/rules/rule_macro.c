/*
 * Macros as the pattern compiler expands them: found by name, and checked before each
 * expansion against the stack of macros being expanded, so that a macro that comes back
 * into itself is reported as the cycle it is, a long plain chain is not, and neither
 * deep nesting nor fan-out (a macro that uses another n times copies it n times) can
 * exhaust the stack or the memory. Declared in rule_syntax.h.
 */
#include <string.h>

#include "rule_syntax.h"

const rule_macro *macro_find(const thx_ruleset *rs, const char *name, size_t n)
{
    for (size_t i = rs->nmacros; i-- > 0;)
        if (strlen(rs->macros[i].name) == n && memcmp(rs->macros[i].name, name, n) == 0)
            return &rs->macros[i];
    return NULL;
}

const macro_frame *macro_outermost(const macro_frame *f)
{
    while (f->up)
        f = f->up;
    return f;
}

/* "$A -> $B -> $C": the stack from the outermost macro on (from the innermost macro's
 * earlier expansion on, for a cycle); long chains keep their first and last few. */
static void chain(strbuf *b, const macro_frame *top, bool cycle)
{
    const rule_macro *names[RULES_MACRO_NESTING + 2];
    size_t n = 0;
    for (const macro_frame *f = top; f && n < RULES_MACRO_NESTING + 1; f = f->up) {
        names[n++] = f->m;
        if (cycle && f != top && f->m == top->m)
            break;
    }
    for (size_t i = n; i-- > 0;) {
        if (n > 10 && i < n - 4 && i > 5) {
            if (i == n - 5)
                sb_puts(b, " -> ...");
            continue;
        }
        sb_printf(b, "%s$%s", i == n - 1 ? "" : " -> ", names[i]->name);
    }
}

macro_verdict macro_enter(const macro_frame *top, int depth, size_t *bytes, const char *rule_id,
                          strbuf *msg)
{
    const rule_macro *m = top->m;
    bool cycle = false;
    for (const macro_frame *f = top->up; f && !cycle; f = f->up)
        cycle = f->m == m;
    if (cycle) {
        sb_printf(msg, "macro '$%s' expands into itself: ", m->name);
        chain(msg, top, true);
        return MACRO_CYCLE;
    }
    if (depth >= RULES_MACRO_NESTING) {
        sb_printf(msg, "macros nest deeper than %d levels: ", RULES_MACRO_NESTING);
        chain(msg, top, false);
        return MACRO_TOO_DEEP;
    }
    *bytes += strlen(m->body) + 1;
    if (*bytes > RULES_PATTERN_EXPANDED_MAX) {
        sb_printf(msg, "the pattern of rule '%s' is over %d MB once its macros are expanded (",
                  rule_id ? rule_id : "?", RULES_PATTERN_EXPANDED_MAX >> 20);
        chain(msg, top, false);
        sb_puts(msg, "): a macro that uses another n times copies it n times");
        return MACRO_TOO_BIG;
    }
    return MACRO_OK;
}
