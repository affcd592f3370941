/*
 * Text that has lost its case (lexicon/tagger.c): in a sentence with no capital letter,
 * a term that must match its capitals (NSCLC, SCLC, UFT) matches in lowercase, unless
 * its lowercase form is a word of its own ("aids", "pad") or it is shorter than three
 * letters; a sentence with capitals keeps the capitals rule.
 * Sentences: the Rosario & Hearst development set (../shared/eval, half A; they are
 * lowercase there) and PubMed abstracts in ../shared/data/pubmed-10k (quoted inline;
 * the ones said to be lowercased were lowercased here).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_fixture.h"

static void setup(void)
{
    lexicon_fixture_init();
    entry(SLOT_CONDITION, "small cell lung cancer", "SCLC");
    entry(SLOT_CONDITION, "non-small cell lung cancer", "NSCLC");
    entry(SLOT_CONDITION, "HIV infection", "HIV|AIDS");
    entry(SLOT_CONDITION, "peripheral arterial disease", "PAD");
    entry(SLOT_CONDITION, "multiple sclerosis", "MS");
    entry(SLOT_CONDITION, "colorectal cancer", NULL);
    entry(SLOT_THERAPY, "tegafur-uracil", "UFT");
    entry(SLOT_THERAPY, "marimastat", NULL);
    entry(SLOT_THERAPY, "cisplatin", NULL);
}

TestSuite(lowercase, .init = setup, .fini = lexicon_fixture_teardown);

Test(lowercase, abbreviations_match_in_a_sentence_without_capitals)
{
    const char *s = "the matrix metalloproteinase inhibitors marimastat and bms-275291 are "
                    "under evaluation in sclc .";
    tag(s);
    cr_assert(r.lowercased);
    cr_assert_eq(r.mentions.len, 2);
    expect_mention(0, s, "marimastat", "marimastat");
    expect_mention(1, s, "sclc", "small cell lung cancer");
}

Test(lowercase, a_therapy_abbreviation_matches_too)
{
    const char *s = "moreover , uft has proved to be effective for inoperable advanced "
                    "malignancies such as colorectal cancer , especially in combination "
                    "with leucovorin or cisplatin .";
    tag(s);
    cr_assert_eq(r.mentions.len, 3);
    expect_mention(0, s, "uft", "tegafur-uracil");
    expect_mention(1, s, "colorectal cancer", "colorectal cancer");
    expect_mention(2, s, "cisplatin", "cisplatin");
}

Test(lowercase, plural_abbreviations_match)
{
    /* pubmed-10k, lowercased: "... in patients with advanced NSCLCs ..." shape */
    const char *s = "gefitinib was given to patients with advanced nsclcs .";
    tag(s);
    cr_assert_eq(r.mentions.len, 1);
    expect_mention(0, s, "nsclcs", "non-small cell lung cancer");
}

Test(lowercase, a_lowercase_word_stays_a_word)
{
    /* pubmed-10k, lowercased: "Audiograms from 15 patients remained abnormal and four
     * patients required hearing aids because of permanent disability." */
    const char *s = "audiograms from 15 patients remained abnormal and four patients "
                    "required hearing aids because of permanent disability .";
    tag(s);
    cr_assert(r.lowercased);
    cr_expect_eq(r.mentions.len, 0, "'aids' is a word, not AIDS");
    const char *t = "a sterile pad was placed over the wound .";
    tag(t);
    cr_expect_eq(r.mentions.len, 0, "'pad' is a word, not PAD");
}

Test(lowercase, two_letter_abbreviations_keep_their_capitals)
{
    const char *s = "the stimulus lasted 20 ms in each trial .";
    tag(s);
    cr_expect_eq(r.mentions.len, 0, "'ms' is milliseconds, not MS");
}

Test(lowercase, a_sentence_with_capitals_keeps_the_capitals_rule)
{
    /* the same sentence with one capital: lowercase "sclc" is then no abbreviation */
    const char *s = "The matrix metalloproteinase inhibitors marimastat and bms-275291 are "
                    "under evaluation in sclc .";
    tag(s);
    cr_assert_not(r.lowercased);
    cr_assert_eq(r.mentions.len, 1);
    expect_mention(0, s, "marimastat", "marimastat");
}

Test(lowercase, capitals_still_match_as_written)
{
    const char *s = "we treated patients with nsclc and later NSCLC .";
    tag(s);
    cr_assert_not(r.lowercased);
    cr_assert_eq(r.mentions.len, 1);
    expect_mention(0, s, "NSCLC", "non-small cell lung cancer");
}

static void regex_entry(slot_type type, const char *canonical, const char *src, uint32_t opts)
{
    int e = lexicon_add_entry(&lx, type, canonical, NULL);
    lx.entries[e].as_written = true;
    int err;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, opts, &err, &off, NULL);
    cr_assert_not_null(re);
    cr_assert_eq(lexicon_add_regex(&lx, re, e, src, strlen(src)), 0);
}

/* The pack's code-name shape (rules/lexicons/morphology/therapies.rules), reduced; and a
 * shape that needs a capital then lowercase letters (a genus: pathogens.rules). */
#define CODE_NAME "(?<![\\w-])(?:BMS|GSK|MK|AZD)[- ]?\\d{3,7}\\b"
#define GENUS "\\b(?:Streptococcus|[A-Z]\\.)\\s?[a-z]{4,}\\s+sepsis\\b"

Test(lowercase, case_sensitive_regexes_of_capitals_match_in_lowercased_text)
{
    regex_entry(SLOT_THERAPY, "drug code name (by shape)", CODE_NAME, 0);
    const char *s = "the matrix metalloproteinase inhibitors marimastat and bms-275291 are "
                    "under evaluation in sclc .";
    tag(s);
    cr_assert_eq(r.mentions.len, 3);
    expect_mention(1, s, "bms-275291", "drug code name (by shape)");
    const char *t = "The matrix metalloproteinase inhibitors marimastat and bms-275291 are "
                    "under evaluation in SCLC .";
    tag(t);
    cr_expect_eq(r.mentions.len, 2, "text with capitals: bms-275291 is no code name");
}

Test(lowercase, case_sensitive_regexes_that_need_lowercase_letters_do_not)
{
    regex_entry(SLOT_CONDITION, "sepsis (named organism)", GENUS, 0);
    /* pubmed-10k shape, lowercased: "... neonates with S. aureus sepsis ..." */
    const char *s = "two neonates with s. aureus sepsis and one with the sepsis of a. baumannii .";
    tag(s);
    cr_expect_eq(r.mentions.len, 0, "capitals then lowercase: no shape left in lowercase");
}

/* The pack's development-code shape (rules/lexicons/morphology/clinical.rules), reduced:
 * any run of capitals and digits; and a condition shape of any capitals (conditions.rules).
 * In lowercased text only codes count: "gsk256066", not "ser1387" (a residue), "rs6235"
 * (a variant), whose letters real text writes in lowercase, nor "the lesions". */
#define DEV_CODE "\\b(?:[A-Z]{2,5}-?|[A-Z]-)\\d{3,6}[A-Za-z]?\\b(?!-)"
#define CAPS_LESIONS "\\b[A-Z]{2,5}\\s+lesions?\\b"

Test(lowercase, shapes_of_any_capitals_keep_only_codes_in_lowercased_text)
{
    regex_entry(SLOT_THERAPY, "drug (by development code)", DEV_CODE, 0);
    regex_entry(SLOT_CONDITION, "lesion (named)", CAPS_LESIONS, 0);
    cr_assert(lexicon_capital_runs(DEV_CODE, strlen(DEV_CODE)));
    cr_assert_not(lexicon_capital_runs(CODE_NAME, strlen(CODE_NAME)));
    /* pubmed-10k, lowercased: "... decreased TSC2 Ser1387 phosphorylation and increased
     * mTOR activity in HCC specimens." */
    const char *s = "loss of veph1 correlates with decreased tsc2 ser1387 phosphorylation .";
    tag(s);
    cr_expect_eq(r.mentions.len, 0);
    /* pubmed-10k, lowercased: "... the PCSK1 rs6235 SNP ..."; "GSK256066 ..." */
    const char *t = "the pcsk1 rs6235 snp and the lesions ; gsk256066 was given .";
    tag(t);
    cr_assert_eq(r.mentions.len, 1);
    expect_mention(0, t, "gsk256066", "drug (by development code)");
    const char *u = "Loss of VEPH1 correlates with GSK256066 .";
    tag(u);
    cr_assert_eq(r.mentions.len, 1, "text with capitals: the shape runs as written");
    expect_mention(0, u, "GSK256066", "drug (by development code)");
}
