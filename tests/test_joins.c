/*
 * Document-level joins of the title's condition (src/claims/topic.c, a `join` with `when
 * title.condition`): the shipped pack plus tests/rules/title-join.rules, on abstracts of
 * pubmed-10k (bc5cdr) and BioRED train (PMIDs named at each test), cut to the sentences
 * that matter.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "therex.h"

static thx_ruleset *rs;
static thx_triples ts;

static void setup(void)
{
    const char *paths[] = {THX_SOURCE_DIR "/rules", THX_SOURCE_DIR "/tests/rules/title-join.rules"};
    thx_diags d;
    thx_diags_init(&d);
    rs = thx_ruleset_load(paths, 2, &d);
    thx_diags_free(&d);
    cr_assert_not_null(rs, "the shipped pack and the join do not load");
    thx_triples_init(&ts);
}

static void teardown(void)
{
    thx_triples_free(&ts);
    thx_ruleset_free(rs);
}

TestSuite(joins, .init = setup, .fini = teardown);

static void run(const char *title, const char *abstract)
{
    thx_triples_free(&ts);
    thx_triples_init(&ts);
    thx_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "t";
    doc.title = (char *)title;
    doc.abstract = (char *)abstract;
    cr_assert_eq(thx_extract(&ts, rs, &doc), 0);
}

static size_t joined(const thx_triple **last)
{
    size_t n = 0;
    for (size_t i = 0; i < ts.len; i++)
        if (ts.items[i].doc_scope && !strcmp(ts.items[i].rule_id, "title-condition")) {
            *last = &ts.items[i];
            n++;
        }
    return n;
}

/* bc5cdr 15627798 */
Test(joins, an_effect_only_claim_takes_the_titles_one_condition)
{
    run("Inhibition of nuclear factor-kappaB activation attenuates tubulointerstitial "
        "nephritis induced by gentamicin.",
        "RESULTS: Gentamicin-treated rats presented a transitory increase in plasma "
        "creatinine levels. Treatment with PDTC reduced the functional and structural "
        "changes induced by gentamicin.");
    const thx_triple *t = NULL;
    cr_assert_eq(joined(&t), 1);
    cr_expect_str_eq(t->therapy.text, "PDTC");
    cr_expect_str_eq(t->effect.norm, "reduces functional and structural changes");
    cr_expect_str_eq(t->condition.text, "tubulointerstitial nephritis");
    cr_expect_str_eq(t->predicate, "biolink:ameliorates_condition");
    cr_assert_eq(t->nevidence, 2);
    cr_expect_eq(t->evidence[0].sentence_index, 0, "the title first");
    cr_expect_eq(t->evidence[1].sentence_index, 2);
    cr_expect_eq(t->sentence.sentence_index, 0);
    cr_expect_lt(t->confidence, 0.6);
}

/* the same abstract: a rise is no benefit ("increases ..." may be the harm itself) */
Test(joins, a_rise_takes_no_condition)
{
    run("Inhibition of nuclear factor-kappaB activation attenuates tubulointerstitial "
        "nephritis induced by gentamicin.",
        "Treatment with PDTC increased the functional and structural changes.");
    const thx_triple *t = NULL;
    cr_expect_eq(joined(&t), 0);
}

/* BioRED train 11773892: the title's condition follows the therapy it names ("ESRD after
 * OLTX"): a harm, not what the transplantation was for */
Test(joins, no_join_for_a_therapy_the_title_names)
{
    run("End-stage renal disease (ESRD) after orthotopic liver transplantation (OLTX) using "
        "calcineurin-based immunotherapy: risk of development and treatment.",
        "Their use in orthotopic liver transplantation (OLTX) has dramatically improved "
        "success rates.");
    const thx_triple *t = NULL;
    cr_expect_eq(joined(&t), 0);
}

/* BioRED train 17439425: the abstract says allopurinol did not prevent the hypertension */
Test(joins, no_join_for_a_therapy_the_abstract_pairs_even_negated)
{
    run("Role of xanthine oxidase in dexamethasone-induced hypertension in rats.",
        "We studied the role of xanthine oxidase (XO), which is implicated in the production "
        "of reactive oxygen species, in dexamethasone-induced hypertension (dex-HT). "
        "Allopurinol decreased serum urate from 76 +/- 5 to 30 +/- 3 micromol/L (P < 0.001). "
        "Allopurinol did not prevent dex-HT.");
    const thx_triple *t = NULL;
    cr_expect_eq(joined(&t), 0);
}

/* a title with two conditions names no one topic (bc5cdr 15627798's title with a second
 * condition) */
Test(joins, two_conditions_in_the_title_give_no_join)
{
    run("Inhibition of nuclear factor-kappaB activation attenuates tubulointerstitial "
        "nephritis and proteinuria induced by gentamicin.",
        "Treatment with PDTC reduced the functional and structural changes.");
    const thx_triple *t = NULL;
    cr_expect_eq(joined(&t), 0);
}

/* BioRED train 19319147: one condition written twice in the title ("hemorrhage",
 * "intracerebral hemorrhage") is one topic, the longer way it is written */
Test(joins, one_condition_written_twice_is_one_topic)
{
    run("Rapid reversal of anticoagulation reduces hemorrhage volume in a mouse model of "
        "intracerebral hemorrhage.",
        "Using a mouse model, we tested whether the rapid reversal of anticoagulation using "
        "human prothrombin complex concentrate (PCC) can reduce hemorrhagic blood volume. "
        "The mean hemorrhagic blood volume was reduced in PCC-treated animals.");
    const thx_triple *t = NULL;
    cr_assert_eq(joined(&t), 1);
    cr_expect_str_eq(t->condition.text, "intracerebral hemorrhage");
    /* the finding's claim, not the aim's ("we tested whether ... can reduce" is studied
     * for) */
    cr_expect_str_eq(t->effect.norm, "reduces mean hemorrhagic blood volume", "%s",
                     t->effect.norm);
}
