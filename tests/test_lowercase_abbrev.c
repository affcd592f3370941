/*
 * Abbreviations defined in lowercased text (claims/fold.c): in a sentence with no
 * capital letter, "long form (abbr)" defines abbr for the rest of the abstract when it
 * is one short word that starts with the long form's first letter. Rules from
 * tests/rules/unit.rules; sentences after the pubmed-10k abstract tests/test_extract.c
 * quotes ("Rats received metformin (MF) ..."), lowercased as in the Rosario & Hearst
 * sets ("non-small-cell-lung-cancer ( nsclc ) patients").
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "therex.h"

static thx_ruleset *rs;
static thx_triples ts;

static void setup(void)
{
    const char *paths[] = {THX_TEST_DIR "/rules/unit.rules"};
    thx_diags d;
    thx_diags_init(&d);
    rs = thx_ruleset_load(paths, 1, &d);
    if (!rs)
        thx_diags_print(&d, stderr);
    thx_diags_free(&d);
    cr_assert_not_null(rs);
    thx_triples_init(&ts);
}

static void teardown(void)
{
    thx_triples_free(&ts);
    thx_ruleset_free(rs);
}

TestSuite(lowercase_abbrev, .init = setup, .fini = teardown);

static void run(const char *abstract)
{
    thx_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = (char *)"ab";
    doc.title = (char *)"";
    doc.abstract = (char *)abstract;
    thx_triples_free(&ts);
    cr_assert_eq(thx_extract(&ts, rs, &doc), 0);
}

static const thx_triple *find(const char *therapy, const char *effect, const char *condition)
{
    for (size_t i = 0; i < ts.len; i++) {
        const thx_triple *t = &ts.items[i];
        if (!strcmp(t->therapy.norm, therapy) && !strcmp(t->effect.norm, effect) &&
            t->condition.norm && !strcmp(t->condition.norm, condition))
            return t;
    }
    return NULL;
}

Test(lowercase_abbrev, a_lowercase_abbreviation_is_learned_in_lowercased_text)
{
    run("rats received metformin (mf) for six weeks. mf reduced liver fibrosis.");
    const thx_triple *t = find("metformin", "reduces", "liver fibrosis");
    cr_assert_not_null(t);
    cr_expect_str_eq(t->therapy.text, "mf");
    run("metformin ( mf ) reduced liver fibrosis.");
    t = find("metformin", "reduces", "liver fibrosis");
    cr_assert_not_null(t);
    cr_expect_str_eq(t->therapy.text, "metformin ( mf )", "the definition joins the mention");
}

Test(lowercase_abbrev, a_word_in_parentheses_is_no_abbreviation)
{
    run("rats received metformin (oral) for six weeks. oral reduced liver fibrosis.");
    cr_expect_null(find("metformin", "reduces", "liver fibrosis"),
                   "'oral' does not start as metformin does");
}

Test(lowercase_abbrev, text_with_capitals_needs_a_capital)
{
    run("Rats received metformin (mf) for six weeks. mf reduced liver fibrosis.");
    cr_expect_null(find("metformin", "reduces", "liver fibrosis"),
                   "in mixed-case text a lowercase word in parentheses is no abbreviation");
}
