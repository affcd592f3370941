/*
 * `calibrate RULE-ID CONFIDENCE`: a top-level statement that sets the confidence of a
 * rule (or of a join, by name) from outside its block, so that a generated file
 * (rules/calibration.rules, written by rules/tools/calibrate.py from measured
 * precision) calibrates the whole pack without editing the hand-written rule files.
 * The parser hands each statement here (rules_calibrate_parse); they are kept in the
 * rule set and applied once every file is parsed (rules_calibrate_apply), in load
 * order, so the last one for an id wins and a statement may come before its rule. An id
 * that names nothing is a warning, not an error: a partial pack still loads.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rule_load.h"

static const char *skip_blanks(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

static const char *skip_word(const char *p)
{
    while (*p && *p != ' ' && *p != '\t')
        p++;
    return p;
}

void rules_calibrate_parse(thx_ruleset *rs, thx_diags *diags, const src_loc *loc,
                           const char *v)
{
    const char *id = v, *id_end = skip_word(id);
    const char *num = skip_blanks(id_end), *num_end = skip_word(num);
    const char *rest = skip_blanks(num_end);
    if (id == id_end || num == num_end) {
        rules_error(diags, loc, 1, "expected 'calibrate RULE-ID CONFIDENCE' (a rule id or "
                                   "join name, then a number from 0 to 1)");
        return;
    }
    int num_col = (int)(num - loc->src) + 1;
    char *end;
    errno = 0;
    double d = strtod(num, &end);
    if (errno || end != num_end || !(d >= 0 && d <= 1)) {
        rules_error(diags, loc, num_col, "confidence must be a number from 0 to 1");
        return;
    }
    if (*rest && *rest != '#') { /* a '#' after the confidence starts a comment */
        rules_error(diags, loc, (int)(rest - loc->src) + 1,
                    "unexpected '%.*s' after the confidence (expected 'calibrate RULE-ID "
                    "CONFIDENCE')", (int)(skip_word(rest) - rest), rest);
        return;
    }
    char *copy = xstrndup(id, (size_t)(id_end - id));
    if (!copy || VEC_PUSH_SLOT_N(rs->calibrations, rs->ncalibrations, rs->capcalibrations)) {
        free(copy);
        return;
    }
    rule_calibration *c = &rs->calibrations[rs->ncalibrations++];
    c->id = copy;
    c->confidence = d;
    c->loc = *loc;
    c->loc.col = (int)(id - loc->src) + 1;
}

void rules_calibrate_apply(thx_ruleset *rs, thx_diags *diags)
{
    for (size_t i = 0; i < rs->ncalibrations; i++) {
        const rule_calibration *c = &rs->calibrations[i];
        bool found = false;
        for (size_t k = 0; k < rs->nrules; k++)
            if (!strcmp(rs->rules[k].id, c->id)) {
                rs->rules[k].confidence = c->confidence;
                found = true;
            }
        for (size_t k = 0; k < rs->njoins; k++)
            if (!strcmp(rs->joins[k].name, c->id)) {
                rs->joins[k].confidence = c->confidence;
                found = true;
            }
        if (!found)
            thx_diags_add(diags, THX_SEV_WARNING, c->loc.file, c->loc.line, c->loc.col,
                          c->loc.src, "calibrate: no rule or join is named '%s' (ignored)",
                          c->id);
    }
}
