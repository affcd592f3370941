/*
 * Coordinated condition heads ("breast and ovarian cancer"): each conjunct that forms a
 * listed condition with the shared head becomes its own mention (lexicon/coord.c). The
 * sentences are from PubMed abstracts in ../shared/data/pubmed-10k (quoted inline).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_fixture.h"

static void setup(void)
{
    lexicon_fixture_init();
    entry(SLOT_CONDITION, "breast cancer", NULL);
    entry(SLOT_CONDITION, "ovarian cancer", NULL);
    entry(SLOT_CONDITION, "colorectal cancer", NULL);
    entry(SLOT_CONDITION, "head and neck cancer", NULL);
    entry(SLOT_CONDITION, "type 1 diabetes", NULL);
    entry(SLOT_CONDITION, "type 2 diabetes", NULL);
    entry(SLOT_CONDITION, "learning impairment", NULL);
    entry(SLOT_CONDITION, "memory impairment", NULL);
    entry(SLOT_CONDITION, "obesity", NULL);
    entry(SLOT_CONDITION, "neck pain", NULL);
    entry(SLOT_CONDITION, "pain", NULL);
    entry(SLOT_CONDITION, "chronic pain", NULL);
    entry(SLOT_CONDITION, "back pain", NULL);
    entry(SLOT_CONDITION, "low back pain", NULL);
    entry(SLOT_CONDITION, "pelvic pain", NULL);
    entry(SLOT_CONDITION, "neck cancer", NULL);
    entry(SLOT_CONDITION, "non-small-cell lung cancer", "NSCLC");
    entry(SLOT_THERAPY, "5-fluorouracil", "5-FU");
    entry(SLOT_THERAPY, "topiramate", NULL);
}

TestSuite(coord, .init = setup, .fini = lexicon_fixture_teardown);

Test(coord, each_conjunct_with_the_shared_head_is_a_mention)
{
    const char *s = "Mutations of the BRCA1 gene in humans are associated with predisposition "
                    "to breast and ovarian cancers.";
    tag(s);
    cr_assert_eq(r.mentions.len, 2);
    expect_mention(0, s, "breast", "breast cancer");
    expect_mention(1, s, "ovarian cancers", "ovarian cancer");
}

Test(coord, a_list_with_commas_and_a_listed_multiword_term_stays_whole)
{
    const char *s = "Fluoropyrimidines, in particular 5-fluorouracil (5-FU), have been the "
                    "mainstay of treatment for several solid tumors, including colorectal, "
                    "breast and head and neck cancers, for > 40 years.";
    tag(s);
    cr_assert_eq(r.mentions.len, 5);
    expect_mention(2, s, "colorectal", "colorectal cancer");
    expect_mention(3, s, "breast", "breast cancer");
    expect_mention(4, s, "head and neck cancers", "head and neck cancer");
}

Test(coord, a_one_word_item_that_forms_no_term_is_passed_over)
{
    /* "pancreaticobiliary cancer" is not listed: the list reads on to "breast" and
     * "colorectal" before it (pubmed-10k bc5cdr:20722491) */
    const char *s = "It has shown promising results alone or in combination with other "
                    "chemotherapeutic agents in colorectal, breast, pancreaticobiliary, "
                    "ovarian and head and neck cancers.";
    tag(s);
    cr_assert_eq(r.mentions.len, 4);
    expect_mention(0, s, "colorectal", "colorectal cancer");
    expect_mention(1, s, "breast", "breast cancer");
    expect_mention(2, s, "ovarian", "ovarian cancer");
    expect_mention(3, s, "head and neck cancers", "head and neck cancer");
}

Test(coord, three_items_that_form_no_term_in_a_row_end_the_list)
{
    const char *s = "It has shown promising results in colorectal, renal, biliary, hepatic, "
                    "ovarian and head and neck cancers.";
    tag(s);
    cr_assert_eq(r.mentions.len, 2);
    expect_mention(0, s, "ovarian", "ovarian cancer");
    expect_mention(1, s, "head and neck cancers", "head and neck cancer");
}

Test(coord, a_conjunct_of_several_words)
{
    const char *s = "Painful diabetic peripheral neuropathy (DPN) is a long-term complication "
                    "of type 1 and type 2 diabetes that majorly impacts quality of life.";
    tag(s);
    cr_assert_eq(r.mentions.len, 2);
    expect_mention(0, s, "type 1", "type 1 diabetes");
    expect_mention(1, s, "type 2 diabetes", "type 2 diabetes");
}

Test(coord, the_head_may_be_plural_and_or_joins_too)
{
    const char *s = "Cocaine causes memory and learning impairments in rats, or memory or "
                    "learning impairment, and prevention by topiramate.";
    tag(s);
    cr_assert_eq(r.mentions.len, 5);
    expect_mention(0, s, "memory", "memory impairment");
    expect_mention(1, s, "learning impairments", "learning impairment");
    expect_mention(2, s, "memory", "memory impairment");
    expect_mention(3, s, "learning impairment", "learning impairment");
}

Test(coord, a_conjunct_that_is_a_mention_itself_is_no_modifier)
{
    /* "obesity" is a condition of its own: "obesity type 2 diabetes" is not looked up */
    const char *s = "The prevalence of obesity and type 2 diabetes is rising.";
    tag(s);
    cr_assert_eq(r.mentions.len, 2);
    expect_mention(0, s, "obesity", "obesity");
    expect_mention(1, s, "type 2 diabetes", "type 2 diabetes");
}

Test(coord, no_split_without_a_listed_condition_or_a_coordination)
{
    /* "head pain" is no listed term: "head and neck pain" keeps only "neck pain"; "acute
     * and chronic pain" gives "chronic pain" alone, "acute pain" being unlisted */
    const char *s = "Patients with head and neck pain, acute and chronic pain, and breast "
                    "cancer were included.";
    tag(s);
    cr_assert_eq(r.mentions.len, 3);
    expect_mention(0, s, "neck pain", "neck pain");
    expect_mention(1, s, "chronic pain", "chronic pain");
    expect_mention(2, s, "breast cancer", "breast cancer");
}

Test(coord, a_single_word_condition_has_no_head_to_share)
{
    const char *s = "Relief of acute and pain was reported.";
    tag(s);
    cr_assert_eq(r.mentions.len, 1);
    expect_mention(0, s, "pain", "pain");
}

Test(coord, the_longest_conjunct_that_forms_a_listed_term_wins)
{
    const char *s = "Pain and disability due to persistent low back and pelvic pain after "
                    "delivery were reduced after specific, individual adapted exercise.";
    tag(s);
    cr_assert_eq(r.mentions.len, 3);
    expect_mention(0, s, "Pain", "pain");
    expect_mention(1, s, "low back", "low back pain");
    expect_mention(2, s, "pelvic pain", "pelvic pain");
    const char *t = "Randomised multicentre trials of CHART vs conventional radiotherapy in "
                    "head and neck and non-small-cell lung cancer: an interim report.";
    tag(t);
    cr_assert_eq(r.mentions.len, 2);
    expect_mention(0, t, "head and neck", "head and neck cancer");
    expect_mention(1, t, "non-small-cell lung cancer", "non-small-cell lung cancer");
}

Test(coord, a_conjunct_before_an_unlisted_modifier_shares_the_whole_mention)
{
    /* "tracheobronchial stenosis" is no listed term: the mention is "stenoses", and the
     * conjunct before its modifier forms "esophageal stenoses" with it */
    entry(SLOT_CONDITION, "stenosis", "stenoses");
    entry(SLOT_CONDITION, "esophageal stenosis", NULL);
    const char *s = "Self-expanding stents in esophageal and tracheobronchial stenoses.";
    tag(s);
    cr_assert_eq(r.mentions.len, 2);
    expect_mention(0, s, "esophageal", "esophageal stenosis");
    expect_mention(1, s, "stenoses", "stenosis");
}

Test(coord, a_shape_names_its_conjunct_by_the_conjunct_and_the_head)
{
    int e = lexicon_add_entry(&lx, SLOT_CONDITION, "deficit (named function)", NULL);
    lx.entries[e].as_written = true;
    const char *src = "\\b(?:(?:cognitive|motor|memory)\\s+){1,2}deficits?\\b";
    int err;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, 0, &err, &off, NULL);
    cr_assert_not_null(re);
    cr_assert_eq(lexicon_add_regex(&lx, re, e, src, strlen(src)), 0);
    const char *s = "Recent studies demonstrated improvement in memory and cognitive deficits "
                    "following treatment with rapamycin.";
    tag(s);
    cr_assert_eq(r.mentions.len, 2);
    expect_mention(0, s, "memory", "deficit (named function)");
    expect_mention(1, s, "cognitive deficits", "deficit (named function)");
    char *name = lexicon_mention_name(&lx, &r.mentions.items[0], s);
    cr_expect_str_eq(name, "memory deficits");
    free(name);
    /* a word that forms no match of the shape is no conjunct */
    const char *t = "Improvement in speech and cognitive deficits was seen.";
    tag(t);
    cr_assert_eq(r.mentions.len, 1);
    expect_mention(0, t, "cognitive deficits", "deficit (named function)");
}

Test(coord, a_shape_shares_its_shortest_head)
{
    /* "node-positive breast and metastatic colorectal cancers": a shape matches "breast
     * colorectal cancers" as well as "breast cancers"; the conjunct takes the last word */
    int e = lexicon_add_entry(&lx, SLOT_CONDITION, "tumour (named organ)", NULL);
    lx.entries[e].as_written = true;
    const char *src = "\\b(?:(?:metastatic|gastric|hepatic)\\s+){1,3}tumou?rs?\\b";
    int err;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, 0, &err, &off, NULL);
    cr_assert_not_null(re);
    cr_assert_eq(lexicon_add_regex(&lx, re, e, src, strlen(src)), 0);
    const char *s = "Patients with hepatic and metastatic gastric tumors were included.";
    tag(s);
    cr_assert_eq(r.mentions.len, 2);
    expect_mention(0, s, "hepatic", "tumour (named organ)");
    expect_mention(1, s, "metastatic gastric tumors", "tumour (named organ)");
    char *name = lexicon_mention_name(&lx, &r.mentions.items[0], s);
    cr_expect_str_eq(name, "hepatic tumors");
    free(name);
}
