/*
 * A compiled pattern's code, and the whole rule set's compilation: rule_compile.c turns
 * a pattern's text into its regex (p->regex); here that regex becomes the PCRE2 code
 * that is matched (in a faster form that matches the same), with the numbers of its
 * slot and trigger groups, and what match.c reads of its options.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rule_syntax.h"
#include "rule_load.h"

void rules_pattern_set_code(rule_pattern *p, pcre2_code *code)
{
    uint32_t opts = 0;
    if (code)
        pcre2_pattern_info(code, PCRE2_INFO_ARGOPTIONS, &opts);
    p->code = code;
    p->offset_limit = (opts & PCRE2_USE_OFFSET_LIMIT) != 0;
}

static int find_group(const pcre2_code *code, const char *name)
{
    int n = pcre2_substring_number_from_name(code, (PCRE2_SPTR)name);
    return n > 0 ? n : 0;
}

int rules_pattern_make_code(thx_ruleset *rs, rule_pattern *p, const bool slot_seen[SLOT_NTYPES],
                            bool trigger_seen, thx_diags *diags)
{
    int err;
    PCRE2_SIZE off;
    /* matched in a faster form that matches the same: its alternatives gathered by first
     * letter (lexicon.h), and when it needs a therapy, compiled to be searched with an
     * offset limit, the last therapy token (rules.h); explain reads p->regex as compiled
     * from the pattern */
    char *factored = p->regex ? regex_factor_alternatives(p->regex, strlen(p->regex)) : NULL;
    strbuf fast;
    sb_init(&fast);
    uint32_t limit = p->need_types & (1u << SLOT_THERAPY) ? PCRE2_USE_OFFSET_LIMIT : 0;
    sb_puts(&fast, factored ? factored : p->regex ? p->regex : "");
    pcre2_code *code = fast.len && sb_grow(&fast, 0) == 0
                           ? pcre2_compile((PCRE2_SPTR)fast.ptr, fast.len,
                                           PCRE2_CASELESS | PCRE2_DUPNAMES | limit, &err, &off,
                                           NULL)
                           : NULL;
    sb_free(&fast);
    free(factored);
    if (!code)
        code = pcre2_compile((PCRE2_SPTR)p->regex, PCRE2_ZERO_TERMINATED,
                             PCRE2_CASELESS | PCRE2_DUPNAMES, &err, &off, NULL);
    rules_pattern_set_code(p, code);
    if (!p->code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        rules_error(diags, &p->loc, p->loc.col, "pattern does not compile: %s", (char *)msg);
        return THX_ERULES;
    }
    /* JIT-compiled the first time it runs: rules_pattern_code */
    for (int t = 0; t < SLOT_NTYPES; t++) {
        p->group[t] = slot_seen[t] ? find_group(p->code, slot_group_names[t]) : 0;
        if (p->open[t]) {
            char name[32];
            snprintf(name, sizeof name, "%s_open", slot_group_names[t]);
            p->open_group[t] = find_group(p->code, name);
        }
    }
    rs->open_therapy |= p->open[SLOT_THERAPY];
    p->trigger_group = trigger_seen ? find_group(p->code, "thx_g") : 0;
    return 0;
}
