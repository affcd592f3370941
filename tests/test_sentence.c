/*
 * Tests of the sentence splitter (src/input/sentence.c): one unit case or more for each
 * rule, edge cases, and real abstracts from tests/fixtures/sentences/ (see the README
 * there) whose expected splits, one sentence a line, were written by reading them.
 */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>

#include "support.h"
#include "therex.h"
#include "util/util.h"

/* Splits text as an abstract; the caller frees the list. */
static thx_sentences split(const char *text, size_t len)
{
    thx_sentences ss = {0};
    cr_assert_eq(thx_split_sentences(&ss, text, len, THX_SEC_ABSTRACT), THX_OK);
    return ss;
}

/* The sentences, one a line, for failure messages; caller frees. */
static char *describe(const char *text, const thx_sentences *ss)
{
    strbuf b;
    sb_init(&b);
    for (size_t k = 0; k < ss->len; k++)
        sb_printf(&b, "\n  [%zu] \"%.*s\"", k, (int)(ss->items[k].end - ss->items[k].start),
                  text + ss->items[k].start);
    return sb_take(&b);
}

/* Checks that text splits into exactly the n sentences of want, each given as it
 * appears in text (the offsets are checked through the text they select). */
static void expect_split(const char *text, size_t len, const char *const *want, size_t n)
{
    thx_sentences ss = split(text, len);
    char *got = describe(text, &ss);
    cr_assert_eq(ss.len, n, "%zu sentences instead of %zu in \"%.60s\":%s", ss.len, n, text,
                 got);
    for (size_t k = 0; k < n; k++) {
        const thx_sentence *s = &ss.items[k];
        cr_assert(s->start < s->end && s->end <= len);
        cr_assert_eq(s->section, THX_SEC_ABSTRACT);
        cr_assert(strlen(want[k]) == s->end - s->start &&
                      memcmp(text + s->start, want[k], s->end - s->start) == 0,
                  "sentence %zu should be \"%s\":%s", k, want[k], got);
    }
    free(got);
    thx_sentences_free(&ss);
}

#define EXPECT(text, ...)                                                                 \
    do {                                                                                  \
        const char *const want_[] = {__VA_ARGS__};                                        \
        expect_split(text, strlen(text), want_, sizeof want_ / sizeof *want_);            \
    } while (0)
#define EXPECT_ONE(text) EXPECT(text, text)
#define EXPECT_NONE(text) expect_split(text, strlen(text), NULL, 0)

/* ------------------------------------------------------------ abbreviations */

Test(sentence, strong_abbreviations_never_end_a_sentence)
{
    EXPECT_ONE("Several NSAIDs, e.g. Diclofenac, were given.");
    EXPECT_ONE("The second residue, i.e. U of UACAU, is cleaved.");
    EXPECT_ONE("As shown by Triggs-Raine et al. (1992) the allele is benign.");
    EXPECT_ONE("As shown by Smith et al. The allele was benign.");
    EXPECT_ONE("Pain scores were 2.7 vs. 3.8 and Drug vs. Placebo differed.");
    EXPECT_ONE("Cells were stained (see Fig. 2 and Figs. 3-5) as shown in Fig. S1 here.");
    EXPECT_ONE("It controls approx. 10-15% of all proteins and ca. 30 years of data.");
    EXPECT_ONE("This matches earlier data cf. Table 2 of the report.");
    EXPECT_ONE("Patients seen by Dr. Smith, Drs. Lee and Park and Prof. Jones improved.");
    EXPECT_ONE("The extract St. John's Wort was compared with placebo.");
    EXPECT_ONE("Using Eq. 3 and Ref. 12 with Suppl. Table S1 we fitted the model.");
    EXPECT_ONE("The drug was approved by the U.S. Food and Drug Administration.");
}

Test(sentence, abbreviations_ignore_case_where_sensible)
{
    EXPECT_ONE("See FIG. 2 and fig. 3 for the VS. Placebo arm, E.G. Aspirin.");
    /* "ca." is circa only in lower case: "Ca." may be calcium ending a sentence */
    EXPECT("Uptake needed extracellular Ca. The effect was lost.",
           "Uptake needed extracellular Ca.", "The effect was lost.");
}

Test(sentence, weak_abbreviations_hold_before_numbers_only)
{
    EXPECT_ONE("The dose was titrated to min. 5 mg and max. 10 mg a day.");
    EXPECT_ONE("Registered as trial No. 5 and No. NCT01130311 in Vol. 3 of the list.");
    EXPECT_ONE("Isolates of Candida sp. strain K and Lactobacillus spp. were typed.");
    EXPECT_ONE("Rice (Oryza sativa var. japonica) grew with wt. 5 g seeds.");
    EXPECT_ONE("Given 5 mg b.i.d. (n = 6) or placebo.");
    EXPECT_ONE("Seen from 1 Jan. 2002 to Dec. 30, 2005 here.");
    /* also words that often end a sentence */
    EXPECT("Movements were counted for 5 min. Reserpine treated rats developed them.",
           "Movements were counted for 5 min.", "Reserpine treated rats developed them.");
    EXPECT("It is common in Plasmodium spp. The fate of these cells is unclear.",
           "It is common in Plasmodium spp.", "The fate of these cells is unclear.");
    EXPECT("Bloating, flatulence etc. However, side effects were rare.",
           "Bloating, flatulence etc.", "However, side effects were rare.");
    EXPECT("TRH was administered i.v. Nine subjects received saline.",
           "TRH was administered i.v.", "Nine subjects received saline.");
}

/* ------------------------------------------------------------ numbers */

Test(sentence, decimals_and_p_values)
{
    EXPECT("The dose was 2.5 mg. It worked.", "The dose was 2.5 mg.", "It worked.");
    EXPECT("Scores fell (p < 0.05). The effect of 1.2.3 lasted.",
           "Scores fell (p < 0.05).", "The effect of 1.2.3 lasted.");
    EXPECT("Pain was lower, p < 0.05. The drug helped.", "Pain was lower, p < 0.05.",
           "The drug helped.");
    EXPECT("Risk was lower (P = .03). Next.", "Risk was lower (P = .03).", "Next.");
}

Test(sentence, decimal_point_followed_by_a_stray_space)
{
    EXPECT_ONE("The survival rate was 61. 6 percent (P < 0. 001) in stage II.");
    EXPECT("Levels ranged between 1. 9 and 8. 6 ng/ml. However, they varied.",
           "Levels ranged between 1. 9 and 8. 6 ng/ml.", "However, they varied.");
}

Test(sentence, sample_sizes)
{
    EXPECT("Patients (n = 30) were enrolled. Controls were randomised (n = 3). "
           "Rats (N = 90) too.",
           "Patients (n = 30) were enrolled.", "Controls were randomised (n = 3).",
           "Rats (N = 90) too.");
}

Test(sentence, a_number_may_begin_a_sentence)
{
    EXPECT("Controls were healthy. 100 patients were tested.", "Controls were healthy.",
           "100 patients were tested.");
}

Test(sentence, list_numbers_stay_with_their_item)
{
    EXPECT("1. The catalepsy was tested. 2. Fluphenazine induced catalepsy.",
           "1. The catalepsy was tested.", "2. Fluphenazine induced catalepsy.");
}

/* ------------------------------------------------------------ initials */

Test(sentence, initials_of_names)
{
    EXPECT_ONE("The method described by J. Smith was used.");
    EXPECT("A. B. Jones found it. Then it was lost.", "A. B. Jones found it.",
           "Then it was lost.");
    EXPECT_ONE("The gene was cloned (S. H. Friend, R. A. Weinberg, 1986) in Boston.");
    EXPECT_ONE("Data from S. H. Friend were used.");
    EXPECT_ONE("Cultures of E. coli and T. chebula extract were used.");
}

Test(sentence, a_capital_after_a_word_ends_the_sentence)
{
    EXPECT("They lacked vitamin A. The others did not.", "They lacked vitamin A.",
           "The others did not.");
    EXPECT("Pain differed between groups A and B. Group A was younger.",
           "Pain differed between groups A and B.", "Group A was younger.");
}

/* ------------------------------------------------------------ what follows a stop */

Test(sentence, no_split_before_lower_case_or_punctuation)
{
    EXPECT_ONE("Cells were grown in vitro. and then harvested.");
    EXPECT_ONE("Growth factors, e.g., EGF, and others, i.e.; all of them.");
    EXPECT_ONE("Values were 3.2 vs.: 4.1 here.");
    EXPECT_ONE("No space after the stop.The next words follow.");
}

Test(sentence, a_gene_symbol_in_lower_case_may_begin_a_sentence)
{
    EXPECT("Levels rose in SEGAs. mRNA transcripts fell. p53 was lost. miR-21 rose.",
           "Levels rose in SEGAs.", "mRNA transcripts fell.", "p53 was lost.",
           "miR-21 rose.");
    /* not after an abbreviation or initial */
    EXPECT_ONE("Mice immunized with i.m. tPA-S-DNA and e.g. mTOR inhibitors and T. cruzi.");
}

Test(sentence, what_may_begin_the_next_sentence)
{
    EXPECT("Done. (A) Cells grew.", "Done.", "(A) Cells grew.");
    EXPECT("Done. [Conclusion] It works.", "Done.", "[Conclusion] It works.");
    EXPECT("Done. \"Rural\" status was coded.", "Done.", "\"Rural\" status was coded.");
    EXPECT("Done. 'DEX half' group was larger.", "Done.", "'DEX half' group was larger.");
    EXPECT("Done. \xE2\x80\x9CYabukita\xE2\x80\x9D tea helped.", "Done.",
           "\xE2\x80\x9CYabukita\xE2\x80\x9D tea helped.");
    EXPECT("Done. \xCE\xB1-Actinin-3 deficiency matters.", "Done.",
           "\xCE\xB1-Actinin-3 deficiency matters.");
    EXPECT("Done. \xC3\x84rzte agree.", "Done.", "\xC3\x84rzte agree.");
    /* signs are not letters: ± × ≥ */
    EXPECT_ONE("Weight was 67.5. \xC2\xB1 8.1 kg at baseline.");
    EXPECT_ONE("Counts were 5. \xC3\x97 10 cells.");
    EXPECT_ONE("Ratio was 2. \xE2\x89\xA5 3 in some.");
}

Test(sentence, question_and_exclamation_marks)
{
    EXPECT("Do we need surgery? Do we need traction?! Yes! fine.", "Do we need surgery?",
           "Do we need traction?!", "Yes! fine.");
}

Test(sentence, closing_quotes_and_brackets_stay_with_the_sentence)
{
    EXPECT("It was called \"Takotsubo cardiomyopathy.\" This syndrome is rare.",
           "It was called \"Takotsubo cardiomyopathy.\"", "This syndrome is rare.");
    EXPECT("He said \xE2\x80\x9CStop.\xE2\x80\x9D Then he left.",
           "He said \xE2\x80\x9CStop.\xE2\x80\x9D", "Then he left.");
    EXPECT("(See below.) Next one.", "(See below.)", "Next one.");
    EXPECT("A stray closer.) Next one.", "A stray closer.)", "Next one.");
    EXPECT_ONE("The mean (s.d.) 25(OH)D3 level rose.");
}

/* ------------------------------------------------------------ brackets */

Test(sentence, bracketed_citations)
{
    EXPECT("It is known [12]. New data [1,2] agree.", "It is known [12].",
           "New data [1,2] agree.");
    EXPECT("It is known (Smith et al., 2019). New data agree.",
           "It is known (Smith et al., 2019).", "New data agree.");
    EXPECT_ONE("A mutation (Wiggs et al., N. Engl. J. Med. 318, 1988) complicates it.");
    EXPECT_ONE("Patients (The first group. It was small.) improved.");
    EXPECT("Values in [0.5, 1). Next one.", "Values in [0.5, 1).", "Next one.");
    EXPECT("Items 1) first. Items 2) second.", "Items 1) first.", "Items 2) second.");
}

Test(sentence, a_stray_bracket_does_not_swallow_the_abstract)
{
    /* the bracket is never closed: each sentence after it still ends */
    strbuf b;
    sb_init(&b);
    sb_puts(&b, "An open (bracket here. ");
    for (int k = 0; k < 30; k++)
        sb_printf(&b, "Sentence %d is here. ", k);
    thx_sentences ss = split(b.ptr, b.len);
    cr_assert_eq(ss.len, 31);
    thx_sentences_free(&ss);

    /* closed, but only after more than 400 bytes: taken as stray */
    b.len = 0;
    sb_puts(&b, "Stray (bracket. ");
    for (int k = 0; k < 30; k++)
        sb_printf(&b, "Sentence %d is here. ", k);
    sb_puts(&b, "Closed) here.");
    ss = split(b.ptr, b.len);
    cr_assert_eq(ss.len, 32);
    thx_sentences_free(&ss);

    /* a paragraph break ends a bracket too */
    EXPECT("Open (bracket\n\nNew paragraph. Done) here.", "Open (bracket",
           "New paragraph.", "Done) here.");
    sb_free(&b);
}

/* ------------------------------------------------------------ labels, paragraphs */

Test(sentence, section_labels_stay_with_their_sentence)
{
    EXPECT("BACKGROUND: Renal fibrosis is common. METHODS: We used mice.",
           "BACKGROUND: Renal fibrosis is common.", "METHODS: We used mice.");
    EXPECT("BACKGROUND Renal fibrosis is common. CONCLUSION Mice help.",
           "BACKGROUND Renal fibrosis is common.", "CONCLUSION Mice help.");
    EXPECT("RESULTS. The rate fell. CONCLUSIONS. It works.", "RESULTS. The rate fell.",
           "CONCLUSIONS. It works.");
    EXPECT("Objective. To test it. Material and Methods. We did.", "Objective. To test it.",
           "Material and Methods. We did.");
    EXPECT_ONE("Results. Eighteen patients completed it.");
}

Test(sentence, a_label_after_text_without_a_full_stop_begins_a_sentence)
{
    EXPECT("It was done in 217 patients and 763 controls RESULTS: The odds ratio was 2.",
           "It was done in 217 patients and 763 controls",
           "RESULTS: The odds ratio was 2.");
    EXPECT("It was done MATERIALS AND METHODS: We did.", "It was done",
           "MATERIALS AND METHODS: We did.");
    EXPECT("As shown by Blonquist et al. RESULTS: In most patients it rose.",
           "As shown by Blonquist et al.", "RESULTS: In most patients it rose.");
    /* acronyms with a colon are not labels */
    EXPECT_ONE("Abbreviations: HCC: hepatocellular carcinoma; CQ: chloroquine.");
    EXPECT_ONE("Three groups: Group III: SRP alone.");
}

Test(sentence, paragraph_breaks_end_sentences)
{
    EXPECT("A first paragraph without a stop\n\nThe second one",
           "A first paragraph without a stop", "The second one");
    EXPECT("One e.g.\n \t\nTwo\r\n\r\nthree", "One e.g.", "Two", "three");
    /* a lone label is no sentence: it joins the paragraph after it */
    EXPECT("BACKGROUND:\n\nRenal fibrosis is common.\n\nMETHODS\n\nWe used mice.",
           "BACKGROUND:\n\nRenal fibrosis is common.", "METHODS\n\nWe used mice.");
}

Test(sentence, wrapped_lines_are_white_space)
{
    EXPECT("A sentence that\nwraps. And another\none.\n", "A sentence that\nwraps.",
           "And another\none.");
    EXPECT_ONE("BACKGROUND\nRenal fibrosis is\ncommon.");
}

/* ------------------------------------------------------------ edge cases */

Test(sentence, empty_and_blank_texts)
{
    EXPECT_NONE("");
    EXPECT_NONE("   \n\t \r\n ");
    thx_sentences ss = {0};
    cr_assert_eq(thx_split_sentences(&ss, NULL, 0, THX_SEC_TITLE), THX_OK);
    cr_assert_eq(ss.len, 0);
    cr_assert_eq(thx_split_sentences(NULL, "x", 1, THX_SEC_TITLE), THX_EINPUT);
}

Test(sentence, odd_endings)
{
    EXPECT_ONE("No final period");
    EXPECT_ONE("Ends in e.g.");
    EXPECT_ONE(".");
    EXPECT("  Padded.  Twice.  ", "Padded.", "Twice.");
    EXPECT("Ellipsis... Then more.", "Ellipsis...", "Then more.");
    EXPECT_ONE("Ends in a stray (bracket.");
    EXPECT_ONE("Ends in a cut UTF-8 character. \xE2\x80");
    EXPECT_ONE("Not UTF-8 after it. \xFF\xFE");
}

/* ------------------------------------------------------------ the length bound */

#ifndef THX_SENTENCE_MAX /* the code before the bound: make its tests fail, not break */
#define THX_SENTENCE_MAX 4096
#endif

/* Checks what holds of any split: sentences in order, none empty or over
 * THX_SENTENCE_MAX code points, each starting on a code point, and only white space
 * outside them. Returns the number of sentences. */
static size_t expect_bounded(const char *text, size_t len, const thx_sentences *ss)
{
    size_t prev = 0;
    for (size_t k = 0; k < ss->len; k++) {
        const thx_sentence *st = &ss->items[k];
        cr_assert(prev <= st->start && st->start < st->end && st->end <= len,
                  "sentence %zu: [%zu, %zu) after %zu", k, st->start, st->end, prev);
        for (size_t i = prev; i < st->start; i++)
            cr_assert(is_space((unsigned char)text[i]), "byte %zu left out of sentences", i);
        cr_assert(((unsigned char)text[st->start] & 0xC0) != 0x80,
                  "sentence %zu starts inside a character", k);
        size_t cps = utf8_count(text + st->start, st->end - st->start);
        cr_assert_leq(cps, THX_SENTENCE_MAX, "sentence %zu has %zu code points", k, cps);
        prev = st->end;
    }
    for (size_t i = prev; i < len; i++)
        cr_assert(is_space((unsigned char)text[i]), "byte %zu left out of sentences", i);
    return ss->len;
}

/* text: `n` copies of `unit` */
static char *repeat(const char *unit, size_t n, size_t *len)
{
    size_t u = strlen(unit);
    char *text = malloc(u * n + 1);
    cr_assert_not_null(text);
    for (size_t i = 0; i < n; i++)
        memcpy(text + i * u, unit, u);
    text[u * n] = '\0';
    *len = u * n;
    return text;
}

Test(sentence, very_long_text_without_periods_is_cut_at_spaces)
{
    size_t n = 200000;
    char *text = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        text[i] = "word ("[i % 6];
    text[n] = '\0';
    thx_sentences ss = split(text, n);
    size_t k = expect_bounded(text, n, &ss);
    cr_assert_geq(k, n / THX_SENTENCE_MAX, "only %zu sentences", k);
    for (size_t i = 0; i + 1 < k; i++) {
        const thx_sentence *st = &ss.items[i];
        cr_assert_eq(text[st->end], ' ', "sentence %zu is not cut at a space", i);
        /* cut near the limit, not anywhere */
        cr_assert_gt(st->end - st->start, THX_SENTENCE_MAX - 8);
    }
    thx_sentences_free(&ss);
    free(text);
}

Test(sentence, the_bound_counts_code_points_not_bytes)
{
    size_t len;
    char *text = repeat("\xCE\xB1\xCE\xB2\xCE\xB3\xCE\xB4 ", 5000, &len); /* "αβγδ " */
    thx_sentences ss = split(text, len);
    size_t k = expect_bounded(text, len, &ss);
    cr_assert_eq(k, 7, "25,000 code points in sentences of about 4,096: %zu", k);
    /* each piece but the last is longer in bytes than the bound */
    cr_assert_gt(ss.items[0].end - ss.items[0].start, THX_SENTENCE_MAX);
    thx_sentences_free(&ss);
    free(text);
}

Test(sentence, a_word_longer_than_the_bound_is_cut_between_code_points)
{
    size_t len;
    char *text = repeat("x", 10000, &len);
    thx_sentences ss = split(text, len);
    cr_assert_eq(expect_bounded(text, len, &ss), 3);
    cr_assert_eq(ss.items[0].end, THX_SENTENCE_MAX);
    cr_assert_eq(ss.items[1].start, THX_SENTENCE_MAX);
    cr_assert_eq(ss.items[2].end, 10000);
    thx_sentences_free(&ss);
    free(text);
    text = repeat("\xC3\xA9", 5000, &len); /* é: two bytes each */
    ss = split(text, len);
    cr_assert_eq(expect_bounded(text, len, &ss), 2);
    cr_assert_eq(ss.items[0].end, 2 * THX_SENTENCE_MAX);
    thx_sentences_free(&ss);
    free(text);
}

Test(sentence, a_list_without_spaces_is_cut_after_a_punctuation_mark)
{
    size_t len;
    char *text = repeat("ab1,", 3000, &len);
    thx_sentences ss = split(text, len);
    size_t k = expect_bounded(text, len, &ss);
    cr_assert_eq(k, 3);
    for (size_t i = 0; i + 1 < k; i++)
        cr_assert_eq(text[ss.items[i].end - 1], ',', "sentence %zu", i);
    thx_sentences_free(&ss);
    free(text);
}

Test(sentence, a_sentence_of_exactly_the_bound_is_whole)
{
    size_t len;
    char *text = repeat("x", THX_SENTENCE_MAX, &len);
    EXPECT_ONE(text);
    free(text);
    text = repeat("y", THX_SENTENCE_MAX + 1, &len);
    thx_sentences ss = split(text, len);
    cr_assert_eq(expect_bounded(text, len, &ss), 2);
    cr_assert_eq(ss.items[1].end - ss.items[1].start, 1);
    thx_sentences_free(&ss);
    free(text);
}

Test(sentence, ordinary_sentences_around_a_long_one_are_kept)
{
    strbuf b;
    sb_init(&b);
    sb_puts(&b, "A first sentence. Aspirin, ");
    for (int i = 0; i < 1500; i++)
        sb_puts(&b, "aspirin, ");
    sb_puts(&b, "and more. The last one (n = 3).");
    thx_sentences ss = split(b.ptr, b.len);
    cr_assert_eq(expect_bounded(b.ptr, b.len, &ss), 6);
    cr_assert_eq(ss.items[0].end, 17);
    const thx_sentence *last = &ss.items[5];
    cr_assert(last->end - last->start == 21 &&
              !memcmp(b.ptr + last->start, "The last one (n = 3).", 21));
    thx_sentences_free(&ss);
    sb_free(&b);
}

Test(sentence, offsets_and_sections_are_appended)
{
    const char *title = "A title.";
    const char *abs = " First one.  Second one. ";
    thx_sentences ss = {0};
    cr_assert_eq(thx_split_sentences(&ss, title, strlen(title), THX_SEC_TITLE), THX_OK);
    cr_assert_eq(thx_split_sentences(&ss, abs, strlen(abs), THX_SEC_ABSTRACT), THX_OK);
    cr_assert_eq(ss.len, 3);
    cr_assert(ss.items[0].section == THX_SEC_TITLE && ss.items[0].start == 0 &&
              ss.items[0].end == 8);
    cr_assert(ss.items[1].section == THX_SEC_ABSTRACT && ss.items[1].start == 1 &&
              ss.items[1].end == 11);
    cr_assert(ss.items[2].start == 13 && ss.items[2].end == 24);
    thx_sentences_free(&ss);
    cr_assert(ss.items == NULL && ss.len == 0 && ss.cap == 0);
    thx_sentences_free(NULL);
}

Test(sentence, many_sentences)
{
    strbuf b;
    sb_init(&b);
    for (int k = 0; k < 5000; k++)
        sb_printf(&b, "Sentence %d ends here. ", k);
    thx_sentences ss = split(b.ptr, b.len);
    cr_assert_eq(ss.len, 5000);
    cr_assert_eq(ss.items[4999].end, b.len - 1);
    thx_sentences_free(&ss);
    sb_free(&b);
}

/* ------------------------------------------------------------ real abstracts */

/* Splits fixtures/sentences/NAME.txt and compares with NAME.expected line by line. */
static void expect_fixture(const char *name)
{
    char path[256];
    size_t len, elen;
    snprintf(path, sizeof path, "fixtures/sentences/%s.txt", name);
    char *text = read_fixture(path, &len);
    snprintf(path, sizeof path, "fixtures/sentences/%s.expected", name);
    char *want = read_fixture(path, &elen);
    cr_assert(text && want, "missing fixture %s", name);

    thx_sentences ss = split(text, len);
    char *got = describe(text, &ss);
    size_t k = 0;
    for (char *line = want; *line; k++) {
        char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        cr_assert(k < ss.len, "%s: only %zu sentences, expected more from \"%.*s\":%s",
                  name, ss.len, (int)n, line, got);
        const thx_sentence *s = &ss.items[k];
        cr_assert(s->end - s->start == n && memcmp(text + s->start, line, n) == 0,
                  "%s: sentence %zu should be \"%.*s\":%s", name, k, (int)n, line, got);
        line += n + (nl != NULL);
    }
    cr_assert_eq(ss.len, k, "%s: %zu sentences instead of %zu:%s", name, ss.len, k, got);
    free(got);
    thx_sentences_free(&ss);
    free(text);
    free(want);
}

#define FIXTURE(name)                                                                     \
    Test(sentence, abstract_##name) { expect_fixture(#name); }

FIXTURE(approx)
FIXTURE(broken_decimal)
FIXTURE(ca_years)
FIXTURE(caps_label_period)
FIXTURE(caps_labels_eg)
FIXTURE(etal_citations)
FIXTURE(fig_tab_ref)
FIXTURE(greek_start)
FIXTURE(group_letter)
FIXTURE(ie)
FIXTURE(initials_citation)
FIXTURE(label_no_period)
FIXTURE(min_end)
FIXTURE(n_equals)
FIXTURE(numbered_list)
FIXTURE(pvalue_vs)
FIXTURE(question)
FIXTURE(quote_end)
FIXTURE(registry_no)
FIXTURE(species)
FIXTURE(st_johns_wort)
FIXTURE(us_fda)
FIXTURE(vs_chain)
