/*
 * The lexicon trie and sentence tagger, on sentences from the seed abstract and from
 * PubMed abstracts in ../shared/data/pubmed-10k (quoted inline).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_fixture.h"

static void setup(void)
{
    lexicon_fixture_init();
    entry(SLOT_THERAPY, "exosomes", "extracellular vesicles");
    entry(SLOT_THERAPY, "mesenchymal stem cells", "MSCs|mesenchymal stromal cells");
    entry(SLOT_THERAPY, "stem cells", NULL);
    entry(SLOT_CONDITION, "primary ovarian insufficiency", "POI");
    entry(SLOT_CONDITION, "liver fibrosis", NULL);
    entry(SLOT_EFFECT, "anti-fibrotic", "antifibrotic");
    entry(SLOT_EFFECT, "therapy", NULL);
}

TestSuite(lexicon, .init = setup, .fini = lexicon_fixture_teardown);

Test(lexicon, finds_case_folded_and_plural_forms)
{
    const char *s = "Exosomes show anti-fibrotic characteristics; an exosome is small.";
    tag(s);
    cr_assert_eq(r.mentions.len, 3);
    expect_mention(0, s, "Exosomes", "exosomes");
    expect_mention(1, s, "anti-fibrotic", "anti-fibrotic");
    expect_mention(2, s, "exosome", "exosomes");
}

Test(lexicon, hyphen_space_and_line_breaks_are_alike)
{
    const char *s = "an anti fibrotic effect of mesenchymal stem\n  cells";
    tag(s);
    cr_assert_eq(r.mentions.len, 2);
    expect_mention(0, s, "anti fibrotic", "anti-fibrotic");
    expect_mention(1, s, "mesenchymal stem\n  cells", "mesenchymal stem cells");
}

/* authors write "omega-3", "omega 3" and "omega3", "IL-12" and "IL12": the hyphen between
 * a letter and a digit may be left out */
Test(lexicon, a_hyphen_before_a_digit_may_be_left_out)
{
    entry(SLOT_THERAPY, "omega-3 fatty acids", "IL-12");
    const char *s = "Omega3 fatty acids, omega 3 fatty acids and IL12; not omega fatty acids";
    tag(s);
    cr_assert_eq(r.mentions.len, 3);
    expect_mention(0, s, "Omega3 fatty acids", "omega-3 fatty acids");
    expect_mention(1, s, "omega 3 fatty acids", "omega-3 fatty acids");
    expect_mention(2, s, "IL12", "omega-3 fatty acids");
}

/* "Inhaled, dual release liposomal ciprofloxacin in non-cystic fibrosis bronchiectasis
 * (ORBIT-2)" and "... in patients with non-obese type 2 diabetes" (pubmed-10k): a
 * condition right after "non" is what the people do not have, and nothing inside it is a
 * mention; a listed term that starts with "non" keeps its name */
Test(lexicon, a_condition_after_non_is_no_mention)
{
    entry(SLOT_CONDITION, "cystic fibrosis", NULL);
    entry(SLOT_CONDITION, "fibrosis", NULL);
    entry(SLOT_CONDITION, "obesity", "obese");
    entry(SLOT_CONDITION, "lymphoma", "Hodgkin lymphoma");
    entry(SLOT_CONDITION, "non-Hodgkin lymphoma", NULL);
    const char *s = "non-cystic fibrosis, non obese and non-Hodgkin lymphoma; cystic fibrosis";
    tag(s);
    cr_assert_eq(r.mentions.len, 2);
    expect_mention(0, s, "non-Hodgkin lymphoma", "non-Hodgkin lymphoma");
    expect_mention(1, s, "cystic fibrosis", "cystic fibrosis");
}

Test(lexicon, longest_match_wins_over_a_shorter_one_inside_it)
{
    const char *s = "Various types of stem cells, especially mesenchymal stem cells and spermatogonial "
                    "stem cells have been widely administrated in reproductive medicine.";
    tag(s);
    cr_assert_eq(r.mentions.len, 3);
    expect_mention(0, s, "stem cells", "stem cells");
    expect_mention(1, s, "mesenchymal stem cells", "mesenchymal stem cells");
    expect_mention(2, s, "stem cells", "stem cells");
}

Test(lexicon, only_whole_words_match)
{
    const char *s = "Psychotherapy and exosomesX are not mentions; therapy is.";
    tag(s);
    cr_assert_eq(r.mentions.len, 1);
    expect_mention(0, s, "therapy", "therapy");
}

Test(lexicon, short_abbreviations_keep_their_capitals)
{
    const char *s = "MSCs restored ovarian function in POI mice; the poi and mscs forms do not count.";
    tag(s);
    cr_assert_eq(r.mentions.len, 2);
    expect_mention(0, s, "MSCs", "mesenchymal stem cells");
    expect_mention(1, s, "POI", "primary ovarian insufficiency");
}

Test(lexicon, each_written_capitalisation_of_a_term_matches_as_written)
{
    entry(SLOT_THERAPY, "intravenous immunoglobulin", "IVIG|IVIg");
    lexicon_compact(&lx);
    const char *s = "IVIg and IVIG were given, but not ivig.";
    tag(s);
    cr_assert_eq(r.mentions.len, 2, "both spellings the lexicon lists, not a third");
    expect_mention(0, s, "IVIg", "intravenous immunoglobulin");
    expect_mention(1, s, "IVIG", "intravenous immunoglobulin");
}

Test(lexicon, literals_and_cues_are_reported)
{
    lexicon_add_term(&lx, "such as", TERM_LITERAL, 0, false);
    lx.nliterals = 1;
    lexicon_add_term(&lx, "promising", TERM_CUE, 0, false);
    const char *s = "Exosomes have shown promising results in regenerative medicine such as liver "
                    "fibrosis.";
    tag(s);
    cr_expect_eq(r.literals[0], 1);
    cr_assert_eq(r.cues.len, 1);
    cr_expect_eq(r.cues.items[0].start, 20);
    cr_expect_eq(r.cues.items[0].end, 29);
    cr_assert_eq(r.mentions.len, 2);
    expect_mention(1, s, "liver fibrosis", "liver fibrosis");
}

/* An entry whose one synonym is the regex src; returns its index. */
static int regex_entry(slot_type type, const char *canonical, const char *src)
{
    int e = lexicon_add_entry(&lx, type, canonical, NULL);
    int err;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, 0, &err, &off, NULL);
    cr_assert_not_null(re);
    cr_assert_eq(lexicon_add_regex(&lx, re, e, src, strlen(src)), 0);
    return e;
}

Test(lexicon, regex_synonyms_add_mentions)
{
    regex_entry(SLOT_THERAPY, "MSC-derived exosomes", "(?:BM|UC|AD)-MSCs?-Exos?");
    const char *s = "UC-MSC-Exo attenuated liver fibrosis.";
    tag(s);
    cr_assert_eq(r.mentions.len, 2);
    expect_mention(0, s, "UC-MSC-Exo", "MSC-derived exosomes");
}

/* What the tagger reads of a regex's options is read once, when its code is set. */
Test(lexicon, a_regex_options_are_read_when_its_code_is_set)
{
    int err;
    PCRE2_SIZE off;
    lex_regex x;
    memset(&x, 0, sizeof x);
    pcre2_code *a = pcre2_compile((PCRE2_SPTR) "x+y", PCRE2_ZERO_TERMINATED,
                                  PCRE2_CASELESS | PCRE2_USE_OFFSET_LIMIT, &err, &off, NULL);
    pcre2_code *b = pcre2_compile((PCRE2_SPTR) "x+y", PCRE2_ZERO_TERMINATED, 0, &err, &off, NULL);
    cr_assert(a && b);
    lexicon_regex_set_code(&x, a);
    cr_expect(x.code == a && x.caseless && x.offset_limit);
    lexicon_regex_set_code(&x, b);
    cr_expect(x.code == b && !x.caseless && !x.offset_limit);
    lexicon_regex_set_code(&x, NULL);
    cr_expect(!x.code && !x.caseless && !x.offset_limit);
    pcre2_code_free(a);
    pcre2_code_free(b);
}

/* A gated regex compiled with PCRE2_USE_OFFSET_LIMIT (as rules/rule_syntax.c compiles
 * it): the tagger stops at a start past the gate's last place, and still finds every
 * match up to it. */
Test(lexicon, the_gate_offset_limit_keeps_every_match_before_the_last_gate)
{
    const char *src = "\\b[a-z]+ levels";
    int e = lexicon_add_entry(&lx, SLOT_EFFECT, "levels (shape)", NULL);
    int err;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
                                   PCRE2_CASELESS | PCRE2_USE_OFFSET_LIMIT, &err, &off, NULL);
    cr_assert_not_null(re);
    cr_assert_eq(lexicon_add_regex(&lx, re, e, src, strlen(src)), 0);
    const char *s = "Insulin levels and glucose levels rose; nothing else.";
    tag(s);
    cr_assert_eq(r.mentions.len, 2);
    expect_mention(0, s, "Insulin levels", "levels (shape)");
    expect_mention(1, s, "glucose levels", "levels (shape)");
}

Test(lexicon, empty_and_unicode_text_is_safe)
{
    tag("");
    cr_expect_eq(r.mentions.len, 0);
    const char *s = "Exosomes\xe2\x80\x90" "derived anti\xe2\x80\x91" "fibrotic effects";
    tag(s);
    cr_assert_eq(r.mentions.len, 2);
    expect_mention(1, s, "anti\xe2\x80\x91" "fibrotic", "anti-fibrotic");
}

Test(lexicon, regex_gate_is_a_literal_every_match_contains)
{
    const char *cases[][2] = {
        {"\\bh?BMSCs?\\b", "bmsc"},
        {"(?:BM|UC|AD)-MSCs?-Exos?", "-msc"},
        {"stem[-\\s]cells?", "stem"},
        {"(?:a|b)[xyz]+", NULL},
        {"\\b(?!(?:diagnos|prognos)is\\b)[a-z]{3,}(?:osis|iasis)\\b", "osis|iasis"},
        {"\\x01T\\d+\\x02", NULL},
        {"(?:ab|cd)?efg", "efg"},
        {"\\b(?:(?:advanced|metastatic)\\s+){1,4}(?:cancers?|tumou?rs?|malignanc(?:y|ies))\\b",
         "cancer|tumo|malignanc"},
        {"\\b(?:(?!the\\b)[a-z]+\\s+(?:disease|syndrome)s?)\\b", "disease|syndrome"},
        {"(?<name>abc)def", "def"},
        /* a look-ahead requires its text too, but a look-behind's lies before the start
         * (past a gate's offset limit) and a negative one requires nothing */
        {"(?=abcd)xyz", "abcd"},
        {"(?=(?:[\\w-]+\\s+){1,2}supplement)(?<![\\w-])\\w+", "supplement"},
        {"(?<=abcd)xyz", "xyz"},
        {"(?!abcd)xyz", "xyz"},
        {"(?:abc|x?y)zz", NULL},
        {"exosomes|vesicles", NULL},
        {"ab?c", NULL},
        /* a group with inline flags is a group like (?:...) */
        {"\\b[A-Z][a-z]+'s\\s+(?i:disease|syndrome)\\b", "disease|syndrome"},
        {"(?-i:ABCD)e", "abcd"},
        /* but not in extended mode, where '#' starts a comment */
        {"(?x:ab#cdef\n)", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *g = regex_required_literal(cases[i][0], strlen(cases[i][0]));
        if (cases[i][1])
            cr_expect(g && !strcmp(g, cases[i][1]), "%s: gate '%s'", cases[i][0], g ? g : "(none)");
        else
            cr_expect_null(g, "%s: gate '%s'", cases[i][0], g);
        free(g);
    }
}

/* A regex without a required literal of 3 characters still gets a weaker gate when it
 * has one: a shorter literal, one-letter classes in either case, short alternatives, a
 * digit that must be there; never one an optional part or a negative look-ahead gives. */
Test(lexicon, regex_gate_falls_back_to_short_literals_and_digits)
{
    const char *cases[][2] = {
        {"abcd(?:x|y)", "abcd"}, /* a required literal: unchanged */
        {"^(?:\\s*\\w+\\s*[,:])?\\K[Ii]t\\b(?!\\s+was)", "it"},
        {"(?<![\\w-])(?:AB|CDE)[- ]?\\d{3,7}", "ab|cde"},
        {"\\b(?!(?:CD|NCT)-?\\d)(?:[A-Z]{2,5}-?|[A-Z]-)\\d{3,6}", "0|1|2|3|4|5|6|7|8|9"},
        {"[A-Z]\\d?x", "x"},
        {"[A-Z]\\d*\\b", NULL},
        {"[A-Z]\\d{0,3}\\b", NULL},
        {"(?:\\d+)?[a-z]", NULL},
        {"(?!\\d)[a-z]+", NULL},
        {"ab|\\d", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *g = regex_gate(cases[i][0], strlen(cases[i][0]));
        if (cases[i][1])
            cr_expect(g && !strcmp(g, cases[i][1]), "%s: gate '%s'", cases[i][0], g ? g : "(none)");
        else
            cr_expect_null(g, "%s: gate '%s'", cases[i][0], g);
        free(g);
    }
    /* the gate holds: a sentence without a digit skips the regex, one with finds it */
    regex_entry(SLOT_THERAPY, "code", "(?:[A-Z]{2}-?)\\d{3}");
    const char *s = "GS-441 and AB cured liver fibrosis.";
    tag(s);
    expect_mention(0, s, "GS-441", "code");
}

Test(lexicon, regex_hoist_puts_cheap_assertions_before_a_leading_lookahead)
{
    const char *cases[][2] = {
        {"(?=(?:\\w+\\s+){1,3}therapy)\\b(?<![\\w-])(?<!\\ba\\s)(?:x|y)+",
         "\\b(?<![\\w-])(?<!\\ba\\s)(?=(?:\\w+\\s+){1,3}therapy)(?:x|y)+"},
        {"(?=a[)])(?<=(?<!b)c)\\Bd", "(?<=(?<!b)c)\\B(?=a[)])d"},
        {"(?=abc)xyz", NULL},            /* nothing cheap follows */
        {"\\b(?=abc)x", NULL},           /* no leading lookahead */
        {"(?=abc)?\\bx", NULL},          /* a quantified lookahead */
        {"(?=abc)\\b?x", NULL},          /* a quantified assertion */
        {"(?=(a))\\b\\1", NULL},         /* a capture would be renumbered */
        {"(?=a)(?<n>b)", NULL},           /* a named group is no look-behind */
        {"(?=a", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *h = regex_hoist_lookahead(cases[i][0], strlen(cases[i][0]));
        if (cases[i][1])
            cr_expect(h && !strcmp(h, cases[i][1]), "%s: hoisted '%s'", cases[i][0], h ? h : "(none)");
        else
            cr_expect_null(h, "%s: hoisted '%s'", cases[i][0], h);
        free(h);
    }
}

Test(lexicon, regex_factor_gathers_alternatives_by_first_letter)
{
    const char *cases[][2] = {
        {"(?!(?:therapy|trial|the|a)\\b)x", "(?!(?:t(?:he(?:rapy|)|rial)|a)\\b)x"},
        {"(?:procedures|prophylaxis|x)", "(?:pro(?:cedures|phylaxis)|x)"},
        {"(?:abcd|abce?)", "(?:abc(?:d|e?))"},
        /* either case gathers; a first letter that differs in case stays in */
        {"(?:Abc|xy|abd)", "(?:(?:Abc|abd)|xy)"},
        {"(?:ab|a|ac)z", "(?:a(?:b||c))z"},
        /* inline flags, capturing and named groups gather; the group stays */
        {"(?-i:FOO|FAR|b)", "(?-i:F(?:OO|AR)|b)"},
        {"(?<n>cat|cow|x)", "(?<n>c(?:at|ow)|x)"},
        {"(?:pa|pb)++", "(?:p(?:a|b))++"},
        /* nested groups are rewritten first */
        {"(?:x(?:aa|ab)|y)", "(?:x(?:a(?:a|b))|y)"},
        /* a word boundary that starts every alternative comes out before them */
        {"(?:\\bpatients\\b|\\bpatient\\b|\\bwomen\\b)",
         "(?:\\b(?:patient(?:s\\b|\\b)|women\\b))"},
        {"(?:\\bin\\b|\\bamong\\b)", "(?:\\b(?:in\\b|among\\b))"},
        {"(?:\\bin\\b|among\\b)", NULL},   /* not every alternative */
        {"(?<=\\bthe |\\ba )x", NULL},       /* nor in a look-behind */
        /* left alone */
        {"(?:ab|cd|ef)", NULL},            /* no two alike */
        {"(?:ab|a?c)", NULL},              /* a quantified first letter */
        {"(?:ab|\\wc)", NULL},             /* an escape first */
        {"(?:a(b)|ac)", NULL},             /* a capture would be renumbered */
        {"(?<!ab|ac)x", NULL},             /* a look-behind */
        {"(?:ab|(?i)ac)", NULL},           /* an option set inside a group */
        {"(?:ab|ac)(*SKIP)", NULL},
        {"(?:ab|ac)\\Q|\\E", NULL},
        {"(?x:ab|ac)", NULL},
        {"[(](?:ab|cd)", NULL},            /* a parenthesis in a class is no group */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *f = regex_factor_alternatives(cases[i][0], strlen(cases[i][0]));
        if (cases[i][1])
            cr_expect(f && !strcmp(f, cases[i][1]), "%s: factored '%s'", cases[i][0], f ? f : "(none)");
        else
            cr_expect_null(f, "%s: factored '%s'", cases[i][0], f);
        free(f);
    }
}

/* Every match of the factored regex is the regex's own, groups and all. */
Test(lexicon, regex_factor_matches_what_the_regex_matches)
{
    const char *res[] = {
        "\\b(?:treatments?|therapy|the|a|an|antibody|anti-\\w+)\\b",
        "(?<t>the|these|this)\\s+(?:drugs?|drug therapy|d)",
        "(?:ab|abc|abcd|a)(?:x|)",
        "(?!(?:post-operative|post|pre|p)\\b)\\w+",
        "(?>int|in|i)o",
        "(?-i:Ab|ab|AB)c",
        "(?:\\bthe\\b|\\bthese\\b|\\bdrugs?\\b|\\bab)\\s*\\w",
    };
    const char *text = "The drug therapy and these drugs: the antibody, anti-TNF therapy, a "
                       "treatment; abcd abcx abx ax intoo into post postop pre-op ABc Abc abc";
    pcre2_match_data *md = pcre2_match_data_create(8, NULL);
    for (size_t i = 0; i < sizeof res / sizeof *res; i++) {
        char *f = regex_factor_alternatives(res[i], strlen(res[i]));
        cr_assert_not_null(f, "%s", res[i]);
        int err;
        PCRE2_SIZE off, n = strlen(text);
        pcre2_code *a = pcre2_compile((PCRE2_SPTR)res[i], PCRE2_ZERO_TERMINATED, PCRE2_CASELESS,
                                      &err, &off, NULL);
        pcre2_code *b = pcre2_compile((PCRE2_SPTR)f, PCRE2_ZERO_TERMINATED, PCRE2_CASELESS, &err,
                                      &off, NULL);
        cr_assert(a && b, "%s -> %s", res[i], f);
        size_t matches = 0;
        for (PCRE2_SIZE at = 0; at < n; at++) {
            int ra = pcre2_match(a, (PCRE2_SPTR)text, n, at, 0, md, NULL);
            PCRE2_SIZE ova[8] = {0};
            memcpy(ova, pcre2_get_ovector_pointer(md), (ra > 0 ? (size_t)ra * 2 : 0) * sizeof *ova);
            int rb = pcre2_match(b, (PCRE2_SPTR)text, n, at, 0, md, NULL);
            cr_expect_eq(ra, rb, "%s at %zu", f, at);
            for (int g = 0; ra > 0 && g < 2 * ra; g++)
                cr_expect_eq(ova[g], pcre2_get_ovector_pointer(md)[g], "%s at %zu", f, at);
            matches += ra > 0;
        }
        cr_expect_gt(matches, 0, "%s matches somewhere", res[i]);
        pcre2_code_free(a);
        pcre2_code_free(b);
        free(f);
    }
    pcre2_match_data_free(md);
}

Test(lexicon, no_term_starts_after_a_single_letter_and_hyphen)
{
    entry(SLOT_EFFECT, "cell viability", NULL);
    const char *s = "T-cell viability fell, but cell viability of B-exosomes and the exosomes rose.";
    tag(s);
    cr_assert_eq(r.mentions.len, 2);
    expect_mention(0, s, "cell viability", "cell viability");
    cr_expect_eq(r.mentions.items[0].start, 27);
    expect_mention(1, s, "exosomes", "exosomes");
    cr_expect_eq(r.mentions.items[1].start, 64, "'exosomes' in 'B-exosomes' is not a mention");
}

/* A regex synonym or a word of an `as-written` entry is a shape: a listed term of the
 * same span wins even when the shape's entry was loaded first (a drug class's stem
 * regex and the drug's own entry with its id). */
Test(lexicon, shapes_lose_to_listed_terms_of_the_same_span)
{
    regex_entry(SLOT_THERAPY, "statin (by stem)", "\\b[a-z]{3,}vastatin\\b");
    int shape = entry(SLOT_THERAPY, "ectomy (by suffix)", "hepatectomy");
    lx.entries[shape].as_written = true;
    int atorva = entry(SLOT_THERAPY, "atorvastatin", NULL);
    int hep = entry(SLOT_THERAPY, "hepatectomy", NULL);
    const char *s = "atorvastatin before hepatectomy, rosuvastatin";
    tag(s);
    cr_assert_eq(r.mentions.len, 3);
    cr_expect_eq(r.mentions.items[0].entry, atorva);
    cr_expect_eq(r.mentions.items[1].entry, hep);
    expect_mention(2, s, "rosuvastatin", "statin (by stem)");
}

Test(lexicon, word_endings_match_whole_words_and_lose_to_listed_terms)
{
    int listed = entry(SLOT_CONDITION, "colitis", NULL);
    int any = lexicon_add_entry(&lx, SLOT_CONDITION, "inflammation (-itis)", NULL);
    cr_assert_eq(lexicon_add_ending(&lx, "itis", any), 0);
    int tumour = lexicon_add_entry(&lx, SLOT_CONDITION, "tumour (-oma)", NULL);
    cr_assert_eq(lexicon_add_ending(&lx, "oma", tumour), 0);
    const char *s = "Colitis, arthritis, itis, pre-itis, melanomas and COVID19itis.";
    tag(s);
    cr_assert_eq(r.mentions.len, 3);
    cr_expect_eq(r.mentions.items[0].entry, listed, "a listed term beats an ending of the same span");
    expect_mention(1, s, "arthritis", "inflammation (-itis)");
    expect_mention(2, s, "melanomas", "tumour (-oma)");
    cr_expect_neq(lexicon_add_ending(&lx, "i", any), 0, "an ending has two letters or more");
}

Test(lexicon, a_typographic_apostrophe_is_an_apostrophe)
{
    entry(SLOT_CONDITION, "Crohn's disease", NULL);
    const char *s = "Umbilical cord MSCs for Crohn\xe2\x80\x99s Disease.";
    tag(s);
    cr_assert_eq(r.mentions.len, 2);
    expect_mention(1, s, "Crohn\xe2\x80\x99s Disease", "Crohn's disease");
}

static void add_regex(int entry, const char *src)
{
    int err;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, PCRE2_CASELESS, &err,
                                   &off, NULL);
    cr_assert_not_null(re);
    cr_assert_eq(lexicon_add_regex(&lx, re, entry, src, strlen(src)), 0);
}

Test(lexicon, a_gate_inside_a_longer_gate_is_seen)
{
    /* "lanom" ends inside "melanom", on the way to the longer gate "melanoma" */
    int mel = lexicon_add_entry(&lx, SLOT_CONDITION, "melanoma", NULL);
    int lan = lexicon_add_entry(&lx, SLOT_CONDITION, "lanoma-like", NULL);
    add_regex(mel, "\\bmelanomas?\\b");
    add_regex(lan, "lanom[a-z]*y");
    const char *s = "A MELANOMY was seen.";
    tag(s);
    cr_assert_eq(r.mentions.len, 1);
    expect_mention(0, s, "LANOMY", "lanoma-like");
    tag("No such word here.");
    cr_expect_eq(r.mentions.len, 0);
}

Test(lexicon, compacted_tries_tag_the_same)
{
    int itis = lexicon_add_entry(&lx, SLOT_CONDITION, "inflammation (-itis)", NULL);
    cr_assert_eq(lexicon_add_ending(&lx, "itis", itis), 0);
    lexicon_add_term(&lx, "promising", TERM_CUE, 0, false);
    const char *cases[] = {
        "Mesenchymal stromal cells and MSCs improved POI and liver fibrosis.",
        "Exosomes (extracellular vesicles) are a promising anti-fibrotic therapy for colitis.",
        "T-cell therapy; stem-cells; STEM CELLS; poi; x",
        "",
    };
    size_t n = sizeof cases / sizeof *cases;
    mention before[4][8];
    size_t nbefore[4], ncues[4];
    for (size_t i = 0; i < n; i++) {
        tag(cases[i]);
        cr_assert_leq(r.mentions.len, 8);
        nbefore[i] = r.mentions.len;
        ncues[i] = r.cues.len;
        memcpy(before[i], r.mentions.items, r.mentions.len * sizeof *r.mentions.items);
    }
    cr_assert_eq(lexicon_compact(&lx), 0);
    cr_expect_not_null(lx.words.cells);
    cr_expect_null(lx.words.edges, "the hash is freed once the double array has every edge");
    for (size_t i = 0; i < n; i++) {
        tag(cases[i]);
        cr_assert_eq(r.mentions.len, nbefore[i], "case %zu", i);
        cr_expect_eq(r.cues.len, ncues[i], "case %zu", i);
        for (size_t k = 0; k < nbefore[i]; k++) {
            cr_expect_eq(r.mentions.items[k].start, before[i][k].start);
            cr_expect_eq(r.mentions.items[k].end, before[i][k].end);
            cr_expect_eq(r.mentions.items[k].entry, before[i][k].entry);
        }
    }
    /* a term added afterwards drops the double array and is found */
    entry(SLOT_THERAPY, "aspirin", NULL);
    cr_expect_null(lx.words.cells);
    const char *s = "Aspirin and MSCs.";
    tag(s);
    cr_assert_eq(r.mentions.len, 2);
    expect_mention(0, s, "Aspirin", "aspirin");
    expect_mention(1, s, "MSCs", "mesenchymal stem cells");
}

/* A last word "S" or "s" is no plural ending: "Protein S" is not also "protein"
 * (pubmed-10k, ncbi-disease 8113388 and a sentence of the same set). A plural needs a
 * letter before its "s" in the same word. */
Test(lexicon, a_lone_s_is_no_plural_ending)
{
    int ps = entry(SLOT_THERAPY, "Protein S", NULL);
    entry(SLOT_THERAPY, "vitamin s", NULL);
    const char *s = "Total protein, albumin, NAG activity and protein electrophoretic pattern "
                    "were assessed in daily urine samples for 33 days.";
    tag(s);
    cr_expect_eq(r.mentions.len, 0, "'protein' alone is no mention of 'Protein S'");
    s = "A panel of eight unrelated subjects with inherited type I protein S deficiency "
        "was screened for mutations in the PROS1 gene.";
    tag(s);
    cr_assert_eq(r.mentions.len, 1);
    expect_mention(0, s, "protein S", "Protein S");
    cr_expect_eq(r.mentions.items[0].entry, ps);
    tag("vitamin and vitamins");
    cr_expect_eq(r.mentions.len, 0);
    /* the ordinary plural still works both ways */
    s = "exosome and MSC";
    tag(s);
    cr_assert_eq(r.mentions.len, 2);
}

static int entry_with_id(slot_type t, const char *canon, const char *id, const char *syns)
{
    int e = entry(t, canon, syns);
    free(lx.entries[e].id);
    lx.entries[e].id = id ? strdup(id) : NULL;
    return e;
}

/* A hand-written entry without an id that groups several terms ("physical therapy":
 * yoga, massage, ...) wins at equal span over the vocabulary's entry of the term, loaded
 * later; the mention keeps its entry and name but carries the vocabulary's id
 * (pubmed-10k: "To study the effect of integrated yoga on pain, morning stiffness and
 * anxiety in osteoarthritis of knees."). */
Test(lexicon, a_winner_without_id_carries_the_id_of_an_equal_span_entry)
{
    int pt = entry(SLOT_THERAPY, "physical therapy", "massage|yoga");
    entry_with_id(SLOT_CONDITION, "yoga (a condition)", "X:1", NULL);
    int yoga = entry_with_id(SLOT_THERAPY, "yoga", "MeSH:D015013", NULL);
    entry_with_id(SLOT_THERAPY, "integrated yoga module", "X:2", NULL);
    entry_with_id(SLOT_THERAPY, "Massage therapy", "MeSH:D008403", NULL);
    const char *s = "To study the effect of integrated yoga on pain, morning stiffness and "
                    "anxiety in osteoarthritis of knees; massage and stem cells.";
    tag(s);
    cr_assert_eq(r.mentions.len, 3);
    expect_mention(0, s, "yoga", "physical therapy");
    cr_expect_eq(r.mentions.items[0].entry, pt);
    cr_expect_str_eq(lexicon_mention_id(&lx, &r.mentions.items[0]), "MeSH:D015013",
                     "the therapy entry's id, not the condition's");
    expect_mention(1, s, "massage", "physical therapy");
    cr_expect_null(lexicon_mention_id(&lx, &r.mentions.items[1]),
                   "no entry of the same span has an id ('massage therapy' is longer)");
    expect_mention(2, s, "stem cells", "stem cells");
    cr_expect_null(lexicon_mention_id(&lx, &r.mentions.items[2]));
    /* the winner's own id stays */
    s = "yoga";
    lx.entries[pt].id = strdup("OWN:1");
    tag(s);
    cr_assert_eq(r.mentions.len, 1);
    cr_expect_str_eq(lexicon_mention_id(&lx, &r.mentions.items[0]), "OWN:1");
    cr_expect_neq(r.mentions.items[0].entry, yoga);
}

/* A mention without an id takes the id of a listed term inside it: a condition's head
 * when the words before it tell only its course, stage, severity or cause, not a site
 * (pubmed-10k: "TFL is an active, well-tolerated regimen in metastatic breast cancer.";
 * "Combined therapy with rapamycin and atorvastatin appeared to be more effective for
 * treating renal tumors than rapamycin alone"); a drug before "therapy" ("Two cases of
 * postinfarction ventricular septal rupture in patients on long-term steroid therapy are
 * presented"). */
Test(lexicon, a_mention_without_id_carries_the_id_of_its_head)
{
    int shape = entry(SLOT_CONDITION, "cancer (named organ)",
                      "metastatic breast cancer|renal tumors|locally advanced breast cancer");
    lx.entries[shape].as_written = true;
    entry_with_id(SLOT_CONDITION, "breast cancer", "MeSH:D001943", NULL);
    entry_with_id(SLOT_CONDITION, "tumors", "MeSH:D009369", NULL);
    entry(SLOT_THERAPY, "glucocorticoids", "steroid therapy|corticosteroids");
    entry_with_id(SLOT_THERAPY, "steroid", "MeSH:D013256", NULL);
    const char *s = "TFL is an active, well-tolerated regimen in metastatic breast cancer.";
    tag(s);
    cr_assert_eq(r.mentions.len, 1);
    cr_expect_str_eq(lexicon_mention_id(&lx, &r.mentions.items[0]), "MeSH:D001943");
    s = "Adjuvant therapy of locally advanced breast cancer.";
    tag(s);
    cr_assert_eq(r.mentions.len, 2); /* "therapy", an effect of the fixture */
    expect_mention(1, s, "locally advanced breast cancer", "cancer (named organ)");
    cr_expect_str_eq(lexicon_mention_id(&lx, &r.mentions.items[1]), "MeSH:D001943");
    s = "Combined therapy with rapamycin and atorvastatin appeared to be more effective for "
        "treating renal tumors than rapamycin alone.";
    tag(s);
    cr_assert_eq(r.mentions.len, 2);
    expect_mention(1, s, "renal tumors", "cancer (named organ)");
    cr_expect_null(lexicon_mention_id(&lx, &r.mentions.items[1]),
                   "a site narrows the head into another descriptor: no id");
    s = "Two cases of postinfarction ventricular septal rupture in patients on long-term "
        "steroid therapy are presented.";
    tag(s);
    cr_assert_eq(r.mentions.len, 1);
    expect_mention(0, s, "steroid therapy", "glucocorticoids");
    cr_expect_str_eq(lexicon_mention_id(&lx, &r.mentions.items[0]), "MeSH:D013256");
    s = "Patients on corticosteroids.";
    tag(s);
    cr_assert_eq(r.mentions.len, 1);
    cr_expect_null(lexicon_mention_id(&lx, &r.mentions.items[0]), "nothing listed inside");
}
