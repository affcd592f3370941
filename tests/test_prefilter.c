/*
 * The token order a relation pattern requires (rule_pattern.order, rules.h): the
 * compiler records the slot type of each required slot and @type outside groups,
 * alternatives and optional macros, in pattern order; match.c then skips a pattern on a
 * sentence whose masked tokens do not hold that sequence, and searches the others from no
 * later than the last token their first required one can be. The order survives the
 * cache of compiled packs, and a pattern whose order the sentence holds still matches
 * (two tokens of one type in a row; a token of the first type before the one taken).
 * The rules are written here; the lexicon terms are from tests/rules/unit.rules.
 */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"
#include "support.h"
#include "therex.h"

static const char pack[] =
    "lexicon therapy\n"
    "  \"metformin\"\n"
    "  \"aspirin\"\n"
    "end\n"
    "lexicon condition\n"
    "  \"stroke\"\n"
    "end\n"
    "lexicon effect\n"
    "  \"regenerative\" predicate biolink:has_effect\n"
    "end\n"
    "macro WITHE = with @effect\n"
    "macro EITHER = (with | without)\n"
    "rule o.forward\n"
    "  effect treats\n"
    "  pattern {therapy} [reduced] {condition}\n"
    "end\n"
    "rule o.backward\n"
    "  effect treats\n"
    "  pattern {condition} was [reduced] by {therapy+}\n"
    "end\n"
    "rule o.macro\n"
    "  effect treats\n"
    "  pattern @condition $WITHE {therapy}\n"
    "end\n"
    "rule o.optional\n"
    "  effect treats\n"
    "  pattern {therapy} $WITHE? $EITHER [treats] {condition#x}\n"
    "end\n"
    "rule o.groups\n"
    "  effect {effect}\n"
    "  pattern {therapy} ([improves] {effect} | treats {condition+})\n"
    "end\n"
    "rule o.open\n"
    "  effect {effect}\n"
    "  pattern {condition:open} ~2 {therapy} [improved] {effect:open}\n"
    "end\n"
    "rule o.top-bar\n"
    "  effect treats\n"
    "  pattern {therapy} [reduced] {condition} | @condition fell\n"
    "end\n"
    "rule o.twice\n"
    "  effect treats\n"
    "  pattern @therapy and {therapy} ~3 [prevent] {condition}\n"
    "end\n";

static thx_ruleset *load(const char *cache_dir)
{
    const char *path = write_tmp("prefilter.rules", pack, sizeof pack - 1);
    thx_diags d;
    thx_diags_init(&d);
    thx_ruleset *rs = cache_dir ? thx_ruleset_load_cached(&path, 1, cache_dir, &d)
                                : thx_ruleset_load(&path, 1, &d);
    for (size_t i = 0; i < d.len; i++)
        cr_log_error("%s:%d: %s", d.items[i].path, d.items[i].line, d.items[i].message);
    cr_assert_not_null(rs);
    thx_diags_free(&d);
    return rs;
}

/* The order of rule id's first pattern as letters ("TC"). */
static const char *order_of(const thx_ruleset *rs, const char *id)
{
    static char buf[RULES_ORDER_MAX + 1];
    for (size_t i = 0; i < rs->nrules; i++) {
        if (strcmp(rs->rules[i].id, id))
            continue;
        const rule_pattern *p = &rs->rules[i].patterns[0];
        cr_assert_leq(p->norder, RULES_ORDER_MAX);
        for (size_t k = 0; k < p->norder; k++)
            buf[k] = "TEC"[p->order[k]];
        buf[p->norder] = '\0';
        return buf;
    }
    cr_assert_fail("no rule %s", id);
    return NULL;
}

static void expect_orders(const thx_ruleset *rs)
{
    cr_expect_str_eq(order_of(rs, "o.forward"), "TC");
    cr_expect_str_eq(order_of(rs, "o.backward"), "CT");
    cr_expect_str_eq(order_of(rs, "o.macro"), "CET");     /* a macro's @effect, in place */
    cr_expect_str_eq(order_of(rs, "o.optional"), "TC");   /* $WITHE? adds nothing; a tag slot counts */
    cr_expect_str_eq(order_of(rs, "o.groups"), "T");      /* slots in alternatives: none */
    cr_expect_str_eq(order_of(rs, "o.open"), "T");        /* open slots need no token */
    cr_expect_str_eq(order_of(rs, "o.top-bar"), "");      /* alternatives at the top */
    cr_expect_str_eq(order_of(rs, "o.twice"), "TTC");     /* two tokens of one type */
}

Test(prefilter, the_compiler_records_the_required_tokens_in_pattern_order)
{
    thx_ruleset *rs = load(NULL);
    expect_orders(rs);
    thx_ruleset_free(rs);
    remove_tmp_dir();
}

Test(prefilter, the_order_survives_the_cache)
{
    const char *dir = tmp_path("cache");
    thx_ruleset *rs = load(dir); /* compiled and written */
    thx_ruleset_free(rs);
    rs = load(dir); /* read back */
    expect_orders(rs);
    thx_ruleset_free(rs);
}

static size_t count_rule(const thx_triples *ts, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < ts->len; i++)
        n += !strcmp(ts->items[i].rule_id, id);
    return n;
}

Test(prefilter, a_pattern_runs_where_the_sentence_holds_its_order)
{
    thx_ruleset *rs = load(NULL);
    thx_triples ts;
    /* T T C, the second therapy the slot's */
    extract_abstract(rs, "Metformin and aspirin may well prevent stroke.", &ts);
    cr_expect_eq(count_rule(&ts, "o.twice"), 1);
    thx_triples_free(&ts);
    /* C then T, with a therapy before both: the order is found past it */
    extract_abstract(rs, "Aspirin aside, stroke was reduced by metformin.", &ts);
    cr_expect_eq(count_rule(&ts, "o.backward"), 1);
    cr_expect_eq(count_rule(&ts, "o.forward"), 0);
    thx_triples_free(&ts);
    thx_ruleset_free(rs);
    remove_tmp_dir();
}
