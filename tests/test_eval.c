/*
 * `therex eval` and its scorer (src/eval/score.c, score_text.c) on the fixture pairs of
 * tests/fixtures/eval/ (described in the README there). Every expected number and line
 * below is what shared/eval/score.py printed for the same files when the tests were
 * written; the tests run neither Python nor anything outside tests/.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eval/score.h"
#include "support.h"

#define FIXDIR THX_TEST_DIR "/fixtures/eval"

static score_result res;
static thx_diags diags;

static void setup(void)
{
    memset(&res, 0, sizeof res);
    thx_diags_init(&diags);
}

static void teardown(void)
{
    score_result_free(&res);
    thx_diags_free(&diags);
}

TestSuite(eval, .init = setup, .fini = teardown);

/* Scores fixtures/eval/<name>-gold.jsonl against <name>-pred.jsonl through the library. */
static int score_pair(const char *gold, const char *pred)
{
    char g[512], p[512];
    snprintf(g, sizeof g, "%s/%s", FIXDIR, gold);
    snprintf(p, sizeof p, "%s/%s", FIXDIR, pred);
    return score_files(&res, g, p, &diags);
}

static void score_ok(const char *name)
{
    char g[128], p[128];
    snprintf(g, sizeof g, "%s-gold.jsonl", name);
    snprintf(p, sizeof p, "%s-pred.jsonl", name);
    cr_assert_eq(score_pair(g, p), 0, "%s: scoring failed", name);
    cr_assert_eq(diags.len, 0);
}

static void expect_level(int k, size_t predicted, size_t gold, size_t matched)
{
    const score_level *l = &res.level[k];
    cr_expect_eq(l->predicted, predicted, "%s predicted %zu", score_level_names[k], l->predicted);
    cr_expect_eq(l->gold, gold, "%s gold %zu", score_level_names[k], l->gold);
    cr_expect_eq(l->matched, matched, "%s matched %zu", score_level_names[k], l->matched);
}

/* Runs `therex eval ARGS` in fixtures/eval; checks status, stdout and (if want_err) stderr. */
static void expect_cli(const char *args, int status, const char *want_out, const char *want_err)
{
    char cmd[1024], *out = NULL, *err = NULL;
    snprintf(cmd, sizeof cmd, "eval %s", args);
    int rc = run_cli(FIXDIR, cmd, &out, &err);
    cr_expect_eq(rc, status, "therex %s: exit status %d\n%s", cmd, rc, err);
    cr_expect_str_eq(out, want_out, "therex %s: output differs:\n%s", cmd, out);
    if (want_err)
        cr_expect_str_eq(err, want_err, "therex %s: messages differ:\n%s", cmd, err);
    free(out);
    free(err);
}

#define SEED_OUT                                                                         \
    "pair    P 1.000  R 1.000  F1 1.000   (predicted 8, gold 8)\n"                      \
    "effect  P 1.000  R 1.000  F1 1.000   (predicted 22, gold 22)\n"                    \
    "triple  P 1.000  R 1.000  F1 1.000   (predicted 22, gold 22)\n"                    \
    "flags   negated 1.0  hedged 1.0   over 10 sentences\n"

Test(eval, seed_abstract_scores_as_score_py)
{
    score_ok("seed");
    expect_level(SCORE_PAIR, 8, 8, 8);
    expect_level(SCORE_TRIPLE, 22, 22, 22);
    cr_expect_eq(res.sentences, 10);
    expect_cli("seed-gold.jsonl seed-pred.jsonl --show-errors 30", 0, SEED_OUT, "");
    expect_cli("seed-gold.jsonl seed-pred.jsonl --json", 0,
               "{\"pair\": {\"precision\": 1.0, \"recall\": 1.0, \"f1\": 1.0, \"predicted\": 8, "
               "\"gold\": 8}, \"effect\": {\"precision\": 1.0, \"recall\": 1.0, \"f1\": 1.0, "
               "\"predicted\": 22, \"gold\": 22}, \"triple\": {\"precision\": 1.0, \"recall\": "
               "1.0, \"f1\": 1.0, \"predicted\": 22, \"gold\": 22}, \"negated_accuracy\": 1.0, "
               "\"hedged_accuracy\": 1.0, \"sentences\": 10}\n",
               "");
}

Test(eval, words_are_score_py_words)
{
    static const char *const cases[][2] = {
        {"The patient\xe2\x80\x99s own CELLS of the rats", "patient' own cell rat"},
        {"\xc4\xb0" "buprofen and \xe2\x84\xaa" "etamine", "i buprofen ketamine"},
        {"glass, bus; analysis it's x'1 a'bc9", "glass bus analysi it' x 1 a'bc 9"},
        {"Na\xc3\xafve T-cells (n=40) in vitro", "na ve t cell n 40 vitro"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *w = score_words(cases[i][0]);
        cr_expect_str_eq(w, cases[i][1]);
        free(w);
    }
    char *none = score_words(NULL);
    cr_expect_str_eq(none, "");
    free(none);
}

#define LENIENT_OUT                                                                      \
    "pair    P 0.833  R 1.000  F1 0.909   (predicted 6, gold 5)\n"                      \
    "effect  P 0.667  R 0.800  F1 0.727   (predicted 6, gold 5)\n"                      \
    "triple  P 0.667  R 0.800  F1 0.727   (predicted 6, gold 5)\n"                      \
    "flags   negated 1.0  hedged 1.0   over 5 sentences\n"

/* Plural, stop words, containment, half overlap, effect stems without "has
 * significantly", U+2019: all five gold triples but the effect mismatch are found. */
Test(eval, lenient_matching)
{
    score_ok("lenient");
    expect_level(SCORE_PAIR, 6, 5, 5);
    expect_level(SCORE_EFFECT, 6, 5, 4);
    expect_level(SCORE_TRIPLE, 6, 5, 4);
    cr_assert_eq(res.nerrors, 3);
    cr_expect(res.errors[0].fp && res.errors[1].fp && !res.errors[2].fp);
    cr_expect_str_eq(res.errors[2].desc, "exosomes | alleviates | fibrosis");
    expect_cli("lenient-gold.jsonl lenient-pred.jsonl --show-errors 100", 0, LENIENT_OUT,
               "FP: ['adipose tissue grafts', 'adipose tissue grafts'] | ['restored', "
               "'restores'] | ['premature ovarian failure', 'premature ovarian failure']\n"
               "    Adipose stem cells and adipose tissue grafts restored ovarian function in "
               "women with premature ovarian failure.\n"
               "FP: ['Exosomes', 'exosomes'] | ['attenuate', 'attenuates'] | ['fibrosis', "
               "'fibrosis']\n"
               "    Exosomes did not alleviate fibrosis.\n"
               "FN: exosomes | alleviates | fibrosis\n"
               "    Exosomes did not alleviate fibrosis.\n");
    expect_cli("lenient-gold.jsonl lenient-pred.jsonl --show-errors 1", 0, LENIENT_OUT,
               "FP: ['adipose tissue grafts', 'adipose tissue grafts'] | ['restored', "
               "'restores'] | ['premature ovarian failure', 'premature ovarian failure']\n"
               "    Adipose stem cells and adipose tissue grafts restored ovarian function in "
               "women with premature ovarian failure.\n");
}

/* A prediction lands on the gold sentence its own sentence overlaps most (containment
 * first); one that overlaps none by half, one of an unannotated document and a
 * document-scope one are not counted; a missing scope counts as "sentence". */
Test(eval, placement_and_ignored_predictions)
{
    score_ok("place");
    expect_level(SCORE_PAIR, 3, 1, 1);
    expect_level(SCORE_TRIPLE, 4, 1, 1);
    cr_expect_eq(res.sentences, 2);
    expect_cli("place-gold.jsonl place-pred.jsonl", 0,
               "pair    P 0.333  R 1.000  F1 0.500   (predicted 3, gold 1)\n"
               "effect  P 0.250  R 1.000  F1 0.400   (predicted 4, gold 1)\n"
               "triple  P 0.250  R 1.000  F1 0.400   (predicted 4, gold 1)\n"
               "flags   negated 1.0  hedged 1.0   over 2 sentences\n",
               "");
}

/* Pairs are counted once per sentence: two gold triples share one pair; two of the
 * three predictions share one (the third's key is its condition text, "POI"). */
Test(eval, pairs_are_unique_per_sentence)
{
    score_ok("pairs");
    expect_level(SCORE_PAIR, 2, 1, 1);
    expect_level(SCORE_EFFECT, 3, 3, 2);
    cr_expect_eq(res.level[SCORE_PAIR].precision, 0.5);
    cr_expect_eq(res.level[SCORE_PAIR].f1, 0.667);
}

/* Flags count on matched triples only: the unmatched negated prediction is left out. */
Test(eval, flags_are_scored_on_matched_triples)
{
    score_ok("flags");
    cr_expect_eq(res.flags_compared, 2);
    cr_expect_eq(res.negated_accuracy, 0.5);
    cr_expect_eq(res.hedged_accuracy, 1.0);
    expect_cli("flags-gold.jsonl flags-pred.jsonl", 0,
               "pair    P 0.500  R 0.500  F1 0.500   (predicted 2, gold 2)\n"
               "effect  P 0.667  R 0.667  F1 0.667   (predicted 3, gold 3)\n"
               "triple  P 0.667  R 0.667  F1 0.667   (predicted 3, gold 3)\n"
               "flags   negated 0.5  hedged 1.0   over 3 sentences\n",
               NULL);
}

/* 1/16 = 0.0625 exactly: Python's round() gives 0.062 (half to even). */
Test(eval, rounding_is_pythons)
{
    score_ok("round");
    cr_expect_eq(res.level[SCORE_TRIPLE].precision, 0.062);
    cr_expect_eq(res.level[SCORE_TRIPLE].f1, 0.118);
    expect_cli("round-gold.jsonl round-pred.jsonl --json", 0,
               "{\"pair\": {\"precision\": 0.0, \"recall\": 0.0, \"f1\": 0.0, \"predicted\": 0, "
               "\"gold\": 0}, \"effect\": {\"precision\": 0.062, \"recall\": 1.0, \"f1\": 0.118, "
               "\"predicted\": 16, \"gold\": 1}, \"triple\": {\"precision\": 0.062, \"recall\": "
               "1.0, \"f1\": 0.118, \"predicted\": 16, \"gold\": 1}, \"negated_accuracy\": 1.0, "
               "\"hedged_accuracy\": 1.0, \"sentences\": 1}\n",
               "");
}

Test(eval, no_matched_triples_gives_none)
{
    cr_assert_eq(score_pair("seed-gold.jsonl", "blank-pred.jsonl"), 0);
    cr_expect_eq(res.flags_compared, 0);
    expect_cli("seed-gold.jsonl blank-pred.jsonl", 0,
               "pair    P 0.000  R 0.000  F1 0.000   (predicted 0, gold 8)\n"
               "effect  P 0.000  R 0.000  F1 0.000   (predicted 0, gold 22)\n"
               "triple  P 0.000  R 0.000  F1 0.000   (predicted 0, gold 22)\n"
               "flags   negated None  hedged None   over 10 sentences\n",
               "");
    char *out = NULL;
    cr_assert_eq(run_cli(FIXDIR, "eval seed-gold.jsonl blank-pred.jsonl --json", &out, NULL), 0);
    cr_expect(strstr(out, "\"negated_accuracy\": null, \"hedged_accuracy\": null"), "%s", out);
    free(out);
}

/* true = matched at the triple level, so the table adds up to the FP lines. */
Test(eval, rules_table)
{
    score_ok("lenient");
    cr_assert_eq(res.nrules, 3);
    cr_expect_str_eq(res.rules[0].rule, "improves.a");
    cr_expect_eq(res.rules[1].hits, 2);
    cr_expect_eq(res.rules[1].correct, 1);
    expect_cli("lenient-gold.jsonl lenient-pred.jsonl --rules-table", 0,
               LENIENT_OUT "\n"
               "rule         hits   true  false  precision\n"
               "improves.a      3      3      0      1.000\n"
               "treats.b        2      1      1      0.500\n"
               "treats.c        1      0      1      0.000\n",
               "");
}

Test(eval, bad_json_line_is_reported_with_file_and_line)
{
    cr_assert_eq(score_pair("lenient-gold.jsonl", "bad-pred.jsonl"), THX_EINPUT);
    cr_assert_eq(diags.len, 2);
    cr_expect(strstr(diags.items[0].path, "fixtures/eval/bad-pred.jsonl"));
    cr_expect_eq(diags.items[0].line, 3);
    cr_expect(strstr(diags.items[0].message, "not JSON"), "%s", diags.items[0].message);
    cr_expect_eq(diags.items[1].line, 4);
    cr_expect_str_eq(diags.items[1].message, "not a JSON object");
    cr_expect_eq(res.nerrors + res.nrules + res.level[SCORE_TRIPLE].predicted, 0);
    char *err = NULL;
    expect_cli("lenient-gold.jsonl bad-pred.jsonl", 1, "", NULL);
    cr_assert_eq(run_cli(FIXDIR, "eval lenient-gold.jsonl bad-pred.jsonl", NULL, &err), 1);
    cr_expect(!strncmp(err, "bad-pred.jsonl:3:", 17), "%s", err);
    free(err);
}

Test(eval, unreadable_files_and_usage)
{
    cr_expect_eq(score_pair("seed-gold.jsonl", "no-such-file.jsonl"), THX_EIO);
    cr_expect(strstr(diags.items[0].message, "cannot read"));
    expect_cli("seed-gold.jsonl no-such-file.jsonl", 1, "", NULL);
    expect_cli("seed-gold.jsonl", 2, "", NULL);
    expect_cli("seed-gold.jsonl seed-pred.jsonl extra", 2, "", NULL);
    expect_cli("seed-gold.jsonl seed-pred.jsonl --show-errors many", 2, "", NULL);
    expect_cli("seed-gold.jsonl seed-pred.jsonl --bogus", 2, "", NULL);
}

Test(eval, extract_with_gold_prints_the_scores)
{
    char dir[] = "/tmp/thx-eval-XXXXXX", args[1024], *err = NULL;
    cr_assert_not_null(mkdtemp(dir));
    snprintf(args, sizeof args,
             "extract -q -r rules/unit.rules fixtures/eval/seed-corpus.jsonl -o %s/t.jsonl "
             "--gold fixtures/eval/seed-gold.jsonl",
             dir);
    cr_assert_eq(run_cli(THX_TEST_DIR, args, NULL, &err), 0, "%s", err);
    cr_expect(!strncmp(err, "pair    P ", 10), "%s", err);
    cr_expect(strstr(err, "\nflags   negated ") && strstr(err, "over 10 sentences\n\nrule "),
              "%s", err);
    free(err);
    snprintf(args, sizeof args, "%s/t.jsonl", dir);
    unlink(args);
    rmdir(dir);
    cr_expect_eq(run_cli(THX_TEST_DIR, "extract -q -r rules/unit.rules fixtures/eval/"
                                       "seed-corpus.jsonl -o - --gold fixtures/eval/seed-gold.jsonl",
                         NULL, &err),
                 2);
    cr_expect(strstr(err, "--gold needs an output file"), "%s", err);
    free(err);
}

/* The block of docs/gold.md after "<!-- example: NAME -->" (between its ``` fences),
 * with its final newline. */
static char *doc_block(const char *page, const char *name)
{
    char marker[128];
    snprintf(marker, sizeof marker, "<!-- example: %s -->\n```\n", name);
    const char *a = strstr(page, marker);
    cr_assert_not_null(a, "docs/gold.md has no example %s", name);
    a += strlen(marker);
    const char *b = strstr(a, "\n```");
    cr_assert_not_null(b);
    size_t n = (size_t)(b - a) + 1;
    char *s = malloc(n + 1);
    cr_assert_not_null(s);
    memcpy(s, a, n);
    s[n] = '\0';
    return s;
}

/* docs/gold.md's example, run as the page says: its output is the page's. (score.py
 * prints the same scores for it.) */
Test(eval, the_gold_format_page_example_runs_as_shown)
{
    char *page = read_fixture(THX_SOURCE_DIR "/docs/gold.md", NULL);
    cr_assert_not_null(page, "docs/gold.md is missing");
    char *gold = doc_block(page, "gold.jsonl"), *pred = doc_block(page, "pred.jsonl"),
         *want = doc_block(page, "output");
    char g[4300], p[4300];
    snprintf(g, sizeof g, "%s", write_tmp("gold.jsonl", gold, strlen(gold)));
    snprintf(p, sizeof p, "%s", write_tmp("pred.jsonl", pred, strlen(pred)));
    char args[9000], *out = NULL, *err = NULL;
    snprintf(args, sizeof args, "eval '%s' '%s' --rules-table", g, p);
    cr_expect_eq(run_cli(NULL, args, &out, &err), 0, "%s", err);
    cr_expect_str_eq(out, want, "docs/gold.md's example output differs:\n%s", out);
    free(out), free(err), free(gold), free(pred), free(want), free(page);
    remove(g), remove(p);
    remove_tmp_dir();
}
