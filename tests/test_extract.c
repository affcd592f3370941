/*
 * The extractor as a library: rules from tests/rules/unit.rules, documents built here
 * from real sentences (the seed abstract, tests/fixtures/seed.txt, and PubMed text).
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

TestSuite(extract, .init = setup, .fini = teardown);

static void run(const char *id, const char *title, const char *abstract)
{
    thx_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = (char *)id;
    doc.title = (char *)title;
    doc.abstract = (char *)abstract;
    thx_triples_free(&ts);
    cr_assert_eq(thx_extract(&ts, rs, &doc), 0);
}

static const thx_triple *find(const char *therapy, const char *effect, const char *condition)
{
    for (size_t i = 0; i < ts.len; i++) {
        const thx_triple *t = &ts.items[i];
        if (!strcmp(t->therapy.norm, therapy) && !strcmp(t->effect.norm, effect) &&
            (condition ? t->condition.norm && !strcmp(t->condition.norm, condition)
                       : t->condition.text == NULL))
            return t;
    }
    return NULL;
}

Test(extract, seed_abstract_gives_its_list_triples)
{
    size_t len;
    char *raw = NULL;
    FILE *f = fopen(THX_TEST_DIR "/fixtures/seed.txt", "rb");
    cr_assert_not_null(f);
    thx_docs docs;
    thx_docs_init(&docs);
    fclose(f);
    thx_diags d;
    thx_diags_init(&d);
    thx_read_file(&docs, THX_TEST_DIR "/fixtures/seed.txt", "seed.txt", THX_FMT_AUTO, &d);
    thx_diags_free(&d);
    (void)len;
    (void)raw;
    cr_assert_eq(docs.len, 1);
    cr_assert_eq(thx_extract(&ts, rs, &docs.items[0]), 0);
    cr_expect_not_null(find("exosomes", "treats", "erectile dysfunction"));
    cr_expect_not_null(find("exosomes", "treats", "primary ovarian insufficiency"));
    const thx_triple *t = find("exosomes", "alleviates symptoms", "endometriosis");
    cr_assert_not_null(t);
    cr_expect(t->hedged, "'suggest' hedges the proposal");
    cr_expect_not_null(find("exosomes", "alleviates symptoms", "asthenozoospermia"));
    thx_docs_free(&docs);
}

Test(extract, offsets_count_code_points_from_the_section_start)
{
    /* "β" and "–" are two and three bytes: offsets must still count characters */
    run("u", "β–exosomes",
        "In β-thalassaemia – and beyond – exosomes have been used to treat diseases such as "
        "erectile dysfunction.");
    const thx_triple *t = find("exosomes", "treats", "erectile dysfunction");
    cr_assert_not_null(t);
    cr_expect_eq(t->sentence.section, THX_SEC_ABSTRACT);
    cr_expect_eq(t->therapy.start, 33);
    cr_expect_eq(t->therapy.end, 41);
    cr_expect_str_eq(t->therapy.text, "exosomes");
    cr_expect_eq(t->condition.start, 83);
    cr_expect_eq(t->effect.start, 60);
    cr_expect_str_eq(t->effect.text, "treat");
    cr_expect_eq(t->sentence.sentence_index, 1, "the title is sentence 0");
    cr_expect_str_eq(t->predicate, "biolink:treats");
    cr_expect_str_eq(t->therapy.id, "MeSH:D055354");
}

Test(extract, coordination_gives_one_triple_per_item)
{
    run("c", "", "Exosomes show regenerative, pro-angiogenic, and anti-fibrotic characteristics.");
    cr_assert_eq(ts.len, 3);
    cr_expect_not_null(find("exosomes", "regenerative", NULL));
    cr_expect_not_null(find("exosomes", "pro-angiogenic", NULL));
    const thx_triple *t = find("exosomes", "anti-fibrotic", NULL);
    cr_assert_not_null(t);
    cr_expect_str_eq(t->predicate, "biolink:has_effect");
    cr_expect_str_eq(t->effect.text, "anti-fibrotic");
}

Test(extract, a_list_passes_over_an_unlisted_adjective_between_commas)
{
    /* "osteogenic" is no effect of the unit rules: the list goes on past it */
    run("c2", "", "Exosomes show regenerative, osteogenic, pro-angiogenic, and anti-fibrotic "
                  "characteristics.");
    cr_assert_eq(ts.len, 3);
    cr_expect_not_null(find("exosomes", "regenerative", NULL));
    cr_expect_not_null(find("exosomes", "pro-angiogenic", NULL));
    cr_expect_not_null(find("exosomes", "anti-fibrotic", NULL));
}

Test(extract, therapies_given_together_are_one_combination_therapy)
{
    run("combo", "",
        "We found that rapamycin alone or rapamycin combined with atorvastatin significantly "
        "reduced tumor burden, while atorvastatin alone did not.");
    cr_assert_eq(ts.len, 1);
    const thx_triple *t = &ts.items[0];
    cr_expect_str_eq(t->therapy.text, "rapamycin combined with atorvastatin");
    cr_expect_str_eq(t->therapy.norm, "rapamycin + atorvastatin");
    cr_expect_null(t->therapy.id, "a combination has no single ontology id");
    cr_expect_eq(t->therapy.start, 33);
    cr_expect_eq(t->therapy.end, 69);
    cr_expect_str_eq(t->effect.norm, "reduces tumor burden");
}

Test(extract, a_combination_is_one_antecedent_and_keeps_its_partners_abbreviation)
{
    run("a", "", "Rapamycin combined with atorvastatin was given. They can induce cell proliferation.");
    cr_assert_eq(ts.len, 1);
    cr_expect_str_eq(ts.items[0].therapy.norm, "rapamycin + atorvastatin",
                     "the anaphor stands for the combination, not its last drug");
    cr_expect_null(ts.items[0].therapy.id);
    cr_expect(ts.items[0].coref);
    run("b", "", "Rapamycin plus atorvastatin (ATV) was given. ATV significantly reduced tumor "
                 "burden.");
    cr_assert_eq(ts.len, 1, "the partner's abbreviation is learned too");
    cr_expect_str_eq(ts.items[0].therapy.text, "ATV");
    cr_expect_str_eq(ts.items[0].therapy.norm, "atorvastatin");
    run("c", "", "Rapamycin plus these vesicles reduced tumor burden.");
    for (size_t i = 0; i < ts.len; i++)
        cr_expect(strstr(ts.items[i].therapy.norm, "anaphor") == NULL,
                  "an anaphor never joins a combination: %s", ts.items[i].therapy.norm);
}

Test(extract, a_tagged_slot_backtracks_to_a_mention_with_the_tag)
{
    /* the gap could first take "rehabilitation" (untagged); the callout sends the regex on
     * to "vaccines" */
    run("v", "", "In rotavirus and rehabilitation, vaccines were given.");
    cr_assert_eq(ts.len, 1);
    cr_expect_str_eq(ts.items[0].therapy.norm, "vaccines");
    cr_expect_str_eq(ts.items[0].condition.norm, "rotavirus");
}

Test(extract, higher_priority_rule_wins_the_same_pair)
{
    run("p", "", "Metformin improved ovulation rates in women with PCOS.");
    cr_assert_eq(ts.len, 1);
    /* the verb's object before the people is in its label (claims/finding.c) */
    cr_expect_str_eq(ts.items[0].effect.norm, "improves ovulation rates");
    cr_expect_str_eq(ts.items[0].rule_id, "improves.generic");
    cr_expect_not(ts.items[0].negated);
}

Test(extract, negation_cue_scope_and_cue_offsets)
{
    run("n", "", "Metformin did not improve ovulation rates in women with PCOS.");
    cr_assert_eq(ts.len, 1);
    cr_expect(ts.items[0].negated);
    cr_expect_not(ts.items[0].hedged);
    cr_assert_eq(ts.items[0].ncues, 1);
    cr_expect_str_eq(ts.items[0].cues[0].kind, "negation");
    cr_expect_str_eq(ts.items[0].cues[0].text, "did not");
    cr_expect_eq(ts.items[0].cues[0].start, 10);
}

Test(extract, pseudo_cue_and_stop_word_end_a_negation)
{
    run("n1", "", "Metformin not only improved ovulation rates in women with PCOS.");
    cr_assert_eq(ts.len, 1);
    cr_expect_not(ts.items[0].negated, "'not only' is a pseudo trigger");
    run("n2", "", "Metformin did not alter weight but improved ovulation in PCOS.");
    cr_assert_eq(ts.len, 1);
    cr_expect_not(ts.items[0].negated, "'but' ends the scope of 'did not'");
}

Test(extract, ids_are_stable_and_depend_on_the_document)
{
    const char *s = "Exosomes have been used to treat diseases such as stroke.";
    run("doc-a", "", s);
    cr_assert_eq(ts.len, 1);
    char first[17];
    memcpy(first, ts.items[0].id, sizeof first);
    cr_expect_eq(strlen(first), 16);
    run("doc-a", "", s);
    cr_expect_str_eq(ts.items[0].id, first);
    run("doc-b", "", s);
    cr_expect_str_neq(ts.items[0].id, first);
}

Test(extract, empty_document_gives_nothing)
{
    run("e", "", "");
    cr_expect_eq(ts.len, 0);
}

Test(extract, json_record_keeps_the_schema_key_order)
{
    run("seed", "T", "Exosomes have been used to treat diseases such as stroke.");
    cr_assert_eq(ts.len, 1);
    thx_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "seed";
    doc.title = "T";
    char *j = thx_triple_to_json(&ts.items[0], &doc);
    cr_assert_not_null(j);
    const char *keys[] = {"\"schema\"", "\"id\"", "\"doc\"", "\"sentence\"", "\"therapy\"",
                          "\"effect\"", "\"condition\"", "\"predicate\"", "\"negated\"",
                          "\"hedged\"", "\"cues\"", "\"coref\"", "\"scope\"", "\"evidence\"",
                          "\"rule\"", "\"confidence\""};
    const char *at = j;
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        const char *k = strstr(at, keys[i]);
        cr_assert_not_null(k, "%s missing or out of order in %s", keys[i], j);
        at = k;
    }
    cr_expect(strstr(j, "\"schema\":\"therex.triple/1\"") != NULL);
    cr_expect(strstr(j, "\"confidence\":0.9") != NULL, "%s", j);
    free(j);
}

Test(extract, anaphor_resolves_to_the_last_therapy_named)
{
    run("a", "", "Metformin was given. Exosomes are small. They can induce cell proliferation.");
    cr_assert_eq(ts.len, 1);
    /* the therapy slot is the antecedent as written and where it stands */
    cr_expect_str_eq(ts.items[0].therapy.text, "Exosomes");
    cr_expect_eq(ts.items[0].therapy.start, 21);
    cr_expect_str_eq(ts.items[0].therapy.norm, "exosomes");
    cr_expect_str_eq(ts.items[0].therapy.id, "MeSH:D055354");
    cr_expect(ts.items[0].coref);
    cr_assert_eq(ts.items[0].nevidence, 1, "the antecedent's sentence is the evidence");
    cr_expect_eq(ts.items[0].evidence[0].sentence_index, 1);
    cr_expect_eq(ts.items[0].sentence.sentence_index, 2);
    run("b", "", "They can induce cell proliferation.");
    cr_expect_eq(ts.len, 0, "an anaphor with no antecedent gives nothing");
}

Test(extract, pronoun_stands_for_the_previous_sentence_subject)
{
    run("a", "", "Exosomes are small, and metformin was given. It can induce cell proliferation.");
    cr_assert_eq(ts.len, 1);
    cr_expect_str_eq(ts.items[0].therapy.norm, "exosomes", "the subject, not the last named");
    cr_expect(ts.items[0].coref);
    cr_expect_eq(ts.items[0].evidence[0].sentence_index, 0);
    run("b", "", "Metformin was given. Moreover, it can induce cell proliferation.");
    cr_assert_eq(ts.len, 1, "an adverbial and its comma may open the sentence");
    cr_expect_str_eq(ts.items[0].therapy.norm, "metformin");
    run("c", "", "Exosomes are small. We found that it can induce cell proliferation.");
    cr_expect_eq(ts.len, 0, "a pronoun inside its sentence stands for nothing");
    run("d", "", "Exosomes are small. The dose was low. It can induce cell proliferation.");
    cr_expect_eq(ts.len, 0, "the sentence before opens with no therapy");
}

Test(extract, a_pronoun_must_open_its_sentence)
{
    const char *paths[] = {THX_TEST_DIR "/rules/pronoun.rules"};
    thx_diags d;
    thx_diags_init(&d);
    thx_ruleset *plain = thx_ruleset_load(paths, 1, &d);
    thx_diags_free(&d);
    cr_assert_not_null(plain);
    thx_doc doc = {0};
    doc.id = "p";
    doc.abstract = "Metformin was given. However , it can induce cell proliferation.";
    thx_triples_free(&ts);
    cr_assert_eq(thx_extract(&ts, plain, &doc), 0);
    cr_expect_eq(ts.len, 1, "an adverbial, a space and its comma may open the sentence");
    doc.abstract = "Metformin was given. We found that it can induce cell proliferation.";
    thx_triples_free(&ts);
    cr_assert_eq(thx_extract(&ts, plain, &doc), 0);
    cr_expect_eq(ts.len, 0, "a pronoun inside its sentence stands for nothing");
    thx_ruleset_free(plain);
}

Test(extract, a_condition_anaphor_stands_for_the_condition_named_last)
{
    run("c", "", "Stroke and PCOS were studied. Metformin in this disease.");
    cr_assert_eq(ts.len, 1);
    cr_expect_str_eq(ts.items[0].condition.norm, "polycystic ovary syndrome");
    cr_expect_str_eq(ts.items[0].condition.text, "PCOS");
    cr_expect(ts.items[0].coref);
    cr_assert_eq(ts.items[0].nevidence, 1, "the antecedent's sentence is the evidence");
    cr_expect_eq(ts.items[0].evidence[0].sentence_index, 0);
    run("d", "", "Metformin in this disease.");
    cr_expect_eq(ts.len, 0, "a condition anaphor with nothing before it gives nothing");
}

Test(extract, a_plural_condition_anaphor_stands_for_each_condition_named)
{
    run("c", "", "Stroke and PCOS were studied. Metformin in these diseases.");
    cr_assert_eq(ts.len, 2, "one triple per condition of the sentence before");
    cr_expect_str_eq(ts.items[0].condition.norm, "polycystic ovary syndrome", "the last named first");
    cr_expect_str_eq(ts.items[1].condition.text, "Stroke");
    for (size_t i = 0; i < ts.len; i++) {
        cr_expect(ts.items[i].coref);
        cr_expect_str_eq(ts.items[i].therapy.norm, "metformin");
        cr_assert_eq(ts.items[i].nevidence, 1);
        cr_expect_eq(ts.items[i].evidence[0].sentence_index, 0);
    }
    cr_expect_neq(strcmp(ts.items[0].id, ts.items[1].id), 0);
    run("d", "", "Stroke and PCOS were studied. Metformin in this disease.");
    cr_expect_eq(ts.len, 1, "a singular anaphor stands for the last condition alone");
    run("e", "", "PCOS, stroke and polycystic ovary syndrome were studied. Metformin in these diseases.");
    cr_expect_eq(ts.len, 2, "a condition named twice counts once");
    run("f", "", "Stroke was studied. Metformin was given. Metformin in these diseases.");
    cr_expect_eq(ts.len, 1, "the last sentence that names a condition");
}

Test(extract, document_join_needs_targets_to_meet_tags)
{
    run("j", "",
        "Exosomes show regenerative, pro-angiogenic, and anti-fibrotic characteristics. We "
        "suggest exosomes for alleviating the symptoms of endometriosis.");
    const thx_triple *joined = NULL;
    size_t ndoc = 0;
    for (size_t i = 0; i < ts.len; i++)
        if (ts.items[i].doc_scope) {
            joined = &ts.items[i];
            ndoc++;
        }
    cr_assert_eq(ndoc, 1, "only anti-fibrotic targets a tag of endometriosis (fibrosis)");
    cr_expect_str_eq(joined->effect.norm, "anti-fibrotic");
    cr_expect_str_eq(joined->condition.norm, "endometriosis");
    cr_expect_str_eq(joined->rule_id, "property-meets-condition");
    cr_expect_eq(joined->nevidence, 2);
    cr_expect_eq(joined->evidence[0].sentence_index, 0);
    cr_expect_eq(joined->evidence[1].sentence_index, 1);
    cr_expect_eq(joined->sentence.sentence_index, 0);
    cr_expect(joined->hedged, "the condition claim was hedged by 'suggest'");
    cr_expect_lt(joined->confidence, 0.8);
}

Test(extract, open_slots_bind_a_bounded_noun_phrase_at_the_rules_confidence)
{
    run("o", "", "The new drug was beneficial in women with chronic pelvic pain and fatigue.");
    cr_assert_eq(ts.len, 1);
    cr_expect_str_eq(ts.items[0].therapy.text, "new drug", "the determiner is left out");
    cr_expect_str_eq(ts.items[0].condition.text, "chronic pelvic pain", "'and' ends the phrase");
    cr_expect_str_eq(ts.items[0].condition.norm, "chronic pelvic pain");
    cr_expect_null(ts.items[0].condition.id);
    cr_expect_float_eq(ts.items[0].confidence, 0.8, 1e-9, "the rule's, not scaled down");
    run("o2", "", "Metformin was effective in women with PCOS.");
    cr_assert_eq(ts.len, 1);
    cr_expect_float_eq(ts.items[0].confidence, 0.8, 1e-9);
    cr_expect_str_eq(ts.items[0].condition.norm, "polycystic ovary syndrome",
                     "a lexicon mention fills an open slot as itself");
    cr_expect_str_eq(ts.items[0].therapy.id, "MeSH:D008687");
}

/* An open therapy or condition takes in the abbreviation its authors define right after
 * it, as written; its name leaves it out (after pubmed-10k's "individual cognitive
 * stimulation therapy (iCST)", evidence-inference PMC5369684). A note in parentheses is
 * no abbreviation. */
Test(extract, an_open_phrase_takes_in_the_abbreviation_defined_after_it)
{
    run("oa", "", "The new drug was beneficial in women with chronic pelvic pain syndrome (CPPS).");
    cr_assert_eq(ts.len, 1);
    cr_expect_str_eq(ts.items[0].condition.text, "chronic pelvic pain syndrome (CPPS)");
    cr_expect_str_eq(ts.items[0].condition.norm, "chronic pelvic pain syndrome");
    cr_expect_eq(ts.items[0].condition.end - ts.items[0].condition.start, 35);
    run("ob", "", "The new drug was beneficial in women with chronic pelvic pain (weekly).");
    cr_assert_eq(ts.len, 1);
    cr_expect_str_eq(ts.items[0].condition.text, "chronic pelvic pain");
}

/* pubmed-10k (PubMedQA record) */
Test(extract, a_shape_entry_names_its_mentions_by_their_text)
{
    run("w", "", "However, the effect of metformin during viral hepatitis remains elusive.");
    const thx_triple *t = find("metformin", "treats", "hepatitis");
    cr_assert_not_null(t, "the -itis word is named by its text, not 'inflammatory condition'");
    cr_expect_str_eq(t->condition.text, "hepatitis");
    cr_expect_null(t->condition.id);
}

/* An abbreviation defined after a shape's mention keeps that mention's name (written
 * for this test after PubMed's "congenital antithrombin deficiency (CATD)" abstracts,
 * where "CATD" alone was named "catd"). */
Test(extract, an_abbreviation_of_a_shape_mention_keeps_its_name)
{
    run("ab", "", "Most patients had ulcerative colitis (UC). Metformin in UC.");
    const thx_triple *t = find("metformin", "treats", "colitis");
    cr_assert_not_null(t, "UC is named as its long form's shape mention was");
    cr_expect_str_eq(t->condition.text, "UC");
}

Test(extract, an_abbreviation_defined_in_the_abstract_names_the_same_entry)
{
    run("ab", "", "Rats received metformin (MF) for six weeks. MF reduced liver fibrosis.");
    const thx_triple *t = find("metformin", "reduces", "liver fibrosis");
    cr_assert_not_null(t);
    cr_expect_str_eq(t->therapy.text, "MF");
    cr_expect_str_eq(t->therapy.id, "MeSH:D008687");
    run("ab2", "", "MF reduced liver fibrosis.");
    cr_expect_null(find("metformin", "reduces", "liver fibrosis"),
                   "MF means nothing in an abstract that does not define it");
    run("ab3", "", "Metformin (MF) reduced liver fibrosis.");
    t = find("metformin", "reduces", "liver fibrosis");
    cr_assert_not_null(t);
    cr_expect_str_eq(t->therapy.text, "Metformin (MF)", "the definition joins the mention's text");
}

/* A drug class (tagged drug-class) next to a drug folds into the drug's mention: the
 * claim names the drug, not the class (pubmed-10k, easyner-lund-autophagy:14500340; the
 * second sentence is the first with the class before the drug, as in "treated with the
 * mTOR inhibitor everolimus"). */
Test(extract, a_drug_class_next_to_a_drug_folds_into_the_drug)
{
    const char *abstracts[] = {
        "Rapamycin, a mTOR inhibitor, reduced the production of VEGF by Tsc1- and Tsc2-null "
        "fibroblasts to normal levels.",
        "The mTOR inhibitor rapamycin reduced the production of VEGF by Tsc1- and Tsc2-null "
        "fibroblasts to normal levels.",
    };
    const char *texts[] = {"Rapamycin", "mTOR inhibitor rapamycin"};
    for (size_t k = 0; k < 2; k++) {
        run("class", "", abstracts[k]);
        cr_assert_eq(ts.len, 1, "case %zu: %zu triples", k, ts.len);
        cr_expect_str_eq(ts.items[0].therapy.norm, "rapamycin");
        cr_expect_str_eq(ts.items[0].therapy.id, "MeSH:D020123");
        cr_expect_str_eq(ts.items[0].therapy.text, texts[k]);
    }
}

Test(extract, ignore_entries_hide_the_mentions_inside_them)
{
    run("ig", "", "The mammalian target of rapamycin reduced liver fibrosis.");
    cr_expect_null(find("rapamycin", "reduces", "liver fibrosis"));
    run("ig2", "", "Rapamycin reduced liver fibrosis.");
    cr_expect_not_null(find("rapamycin", "reduces", "liver fibrosis"));
}

/* PMID 20558148: the title states the harm; the result sentence's nearest therapy to
 * "attenuated" is the drug that caused it. */
static const char *HARM_TITLE = "Haloperidol-induced catalepsy in rats.";
static const char *HARM_RESULT =
    "The results showed that intracollicular microinjection of MK-801 and AP7 previous to "
    "systemic injections of haloperidol significantly attenuated the catalepsy.";

Test(extract, a_pair_the_document_states_as_a_harm_is_no_therapy_claim)
{
    run("20558148", NULL, HARM_RESULT);
    cr_assert_not_null(find("haloperidol", "attenuates", "catalepsy"),
                       "alone, the sentence gives the (wrong) claim");
    run("20558148", HARM_TITLE, HARM_RESULT);
    cr_assert_null(find("haloperidol", "attenuates", "catalepsy"));
    cr_assert_null(find("haloperidol", "causes", "catalepsy"), "harms are left out by default");
    cr_assert_eq(ts.len, 0);
}

Test(extract, an_extractor_asked_for_harms_returns_them)
{
    thx_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "20558148";
    doc.title = (char *)HARM_TITLE;
    doc.abstract = (char *)HARM_RESULT;
    thx_extractor *ex = thx_extractor_new(rs);
    cr_assert_not_null(ex);
    thx_extractor_set_flags(ex, THX_EXTRACT_HARMS);
    cr_assert_eq(thx_extractor_run(ex, &ts, &doc), 0);
    thx_extractor_free(ex);
    const thx_triple *h = find("haloperidol", "causes", "catalepsy");
    cr_assert_not_null(h);
    cr_assert_str_eq(h->predicate, "biolink:causes");
    cr_assert_null(find("haloperidol", "attenuates", "catalepsy"));
}

Test(extract, a_harm_of_one_therapy_leaves_another_therapys_claim)
{
    /* the same harm does not veto a claim about a different therapy */
    run("x", HARM_TITLE, "MK-801 significantly attenuated the catalepsy.");
    cr_assert_not_null(find("MK-801", "attenuates", "catalepsy"));
}

Test(extract, an_effect_label_names_the_trigger_through_the_labels)
{
    run("30836660", NULL, "Salidroside ameliorated renal interstitial fibrosis in mice.");
    cr_assert_not_null(find("salidroside", "ameliorates", "renal interstitial fibrosis"));
    /* a trigger no label lists is named by its own text, lowercase */
    run("30836660", NULL, "Salidroside REVERSES renal interstitial fibrosis in mice.");
    cr_assert_not_null(find("salidroside", "reverses", "renal interstitial fibrosis"));
}

Test(extract, a_salt_word_belongs_to_the_drug_name)
{
    /* PMID 11467664 (pubmed-10k): "... treatment with metformin hydrochloride." */
    run("s", NULL, "Metformin hydrochloride improved ovulation rates in women with PCOS.");
    const thx_triple *t = find("metformin", "improves ovulation rates", "polycystic ovary syndrome");
    cr_assert_not_null(t);
    cr_expect_str_eq(t->therapy.text, "Metformin hydrochloride");
    cr_expect_eq(t->therapy.end, 23);
}

Test(extract, a_shape_mention_takes_the_name_listed_in_its_parenthesis)
{
    run("r", NULL, "RAD001 (everolimus) improved seizure rates in patients with PCOS.");
    const thx_triple *t = find("everolimus", "improves seizure rates", "polycystic ovary syndrome");
    cr_assert_not_null(t, "the claim names the listed drug");
    cr_expect_str_eq(t->therapy.id, "MeSH:C107135");
    cr_expect_str_eq(t->therapy.text, "RAD001"); /* a lowercase name is no abbreviation to fold */
}

/* `calibrate RULE-ID CONFIDENCE` (tests/rules/calibration.rules, loaded first) sets a
 * rule's and a join's confidence from outside their blocks; the last one for an id wins,
 * and an id that names nothing is a warning only. */
Test(extract, calibrate_sets_rule_and_join_confidence_from_another_file)
{
    const char *paths[] = {THX_TEST_DIR "/rules/calibration.rules",
                           THX_TEST_DIR "/rules/unit.rules"};
    thx_diags d;
    thx_diags_init(&d);
    thx_ruleset *cal = thx_ruleset_load(paths, 2, &d);
    cr_assert_not_null(cal);
    cr_expect_eq(thx_diags_count(&d, THX_SEV_ERROR), 0);
    cr_assert_eq(thx_diags_count(&d, THX_SEV_WARNING), 1);
    cr_expect(strstr(d.items[0].message, "'treats.retired-rule'") != NULL, "%s",
              d.items[0].message);
    cr_expect_eq(d.items[0].line, 6);
    thx_diags_free(&d);
    thx_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "cal";
    doc.title = "";
    doc.abstract = "Exosomes have been used to treat diseases such as erectile dysfunction. "
                   "Exosomes show regenerative, pro-angiogenic, and anti-fibrotic "
                   "characteristics. We suggest exosomes for alleviating the symptoms of "
                   "endometriosis.";
    thx_triples_free(&ts);
    cr_assert_eq(thx_extract(&ts, cal, &doc), 0);
    int seen = 0;
    for (size_t i = 0; i < ts.len; i++) {
        const thx_triple *t = &ts.items[i];
        if (!strcmp(t->rule_id, "treats.used-to-treat")) {
            cr_expect_float_eq(t->confidence, 0.45, 1e-9, "the later calibrate wins");
            seen |= 1;
        } else if (!strcmp(t->rule_id, "property-meets-condition")) {
            cr_expect_float_eq(t->confidence, 0.33, 1e-9);
            seen |= 2;
        } else if (!strcmp(t->rule_id, "property.shows")) {
            cr_expect_float_eq(t->confidence, 0.8, 1e-9, "not calibrated: the default");
            seen |= 4;
        }
    }
    cr_expect_eq(seen, 7, "all three rules gave a triple (%d)", seen);
    thx_triples_free(&ts);
    thx_ruleset_free(cal);
}
