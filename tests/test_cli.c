/*
 * The therex executable end to end: golden corpora under tests/cases/<case>/ (args,
 * corpus/, expected.jsonl, expected.err, expected.status), output files, formats,
 * determinism across thread counts, and the check command.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support.h"

static char *case_file(const char *name, const char *file)
{
    char rel[512];
    snprintf(rel, sizeof rel, "cases/%s/%s", name, file);
    return read_fixture(rel, NULL);
}

static void trim_newline(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == ' '))
        s[--n] = '\0';
}

static void run_case(const char *name)
{
    char *args = case_file(name, "args"), *want_out = case_file(name, "expected.jsonl"),
         *want_err = case_file(name, "expected.err"), *want_status = case_file(name, "expected.status");
    cr_assert(args && want_out && want_err && want_status, "%s: incomplete case", name);
    trim_newline(args);
    char dir[1024], cmd[2048];
    snprintf(dir, sizeof dir, "%s/cases/%s", THX_TEST_DIR, name);
    snprintf(cmd, sizeof cmd, "extract %s", args);
    char *out = NULL, *err = NULL;
    int rc = run_cli(dir, cmd, &out, &err);
    cr_expect_eq(rc, atoi(want_status), "%s: exit status %d", name, rc);
    cr_expect_str_eq(out, want_out, "%s: triples differ from expected.jsonl", name);
    cr_expect_str_eq(err, want_err, "%s: messages differ:\n%s", name, err);
    free(args), free(want_out), free(want_err), free(want_status), free(out), free(err);
}

Test(cli, golden_cases)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/cases", THX_TEST_DIR);
    struct dirent **names;
    int n = scandir(dir, &names, NULL, alphasort);
    cr_assert_gt(n, 2);
    for (int i = 0; i < n; i++) {
        if (names[i]->d_name[0] != '.')
            run_case(names[i]->d_name);
        free(names[i]);
    }
    free(names);
}

Test(cli, output_is_the_same_for_any_number_of_threads)
{
    char *one = NULL, *four = NULL;
    cr_assert_eq(run_cli(THX_TEST_DIR, "extract -q -r rules/unit.rules cases/formats/corpus "
                                       "../corpus -o - -j 1", &one, NULL), 0);
    cr_assert_eq(run_cli(THX_TEST_DIR, "extract -q -r rules/unit.rules cases/formats/corpus "
                                       "../corpus -o - -j 4", &four, NULL), 0);
    cr_expect_gt(strlen(one), 1000);
    cr_expect_str_eq(one, four);
    free(four);
    /* short options also take their value attached, as getopt does: -j4, -o-, -rFILE */
    char *attached = NULL;
    cr_assert_eq(run_cli(THX_TEST_DIR, "extract -q -rrules/unit.rules cases/formats/corpus "
                                       "../corpus -o- -j4", &attached, NULL), 0);
    cr_expect_str_eq(one, attached);
    free(attached);
    free(one);
    cr_expect_eq(run_cli(THX_TEST_DIR, "extract -q -jx cases/formats/corpus", NULL, NULL), 2);
}

Test(cli, writes_the_output_file_and_leaves_no_temporary_behind)
{
    char dir[] = "/tmp/thx-cli-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    char args[2048];
    snprintf(args, sizeof args,
             "extract -q -r rules/unit.rules cases/formats/corpus -o %s/sub/t.json --format json",
             dir);
    cr_assert_eq(run_cli(THX_TEST_DIR, args, NULL, NULL), 0);
    char path[1100];
    snprintf(path, sizeof path, "%s/sub/t.json", dir);
    json_error_t e;
    json_t *arr = json_load_file(path, 0, &e);
    cr_assert_not_null(arr, "not JSON: %s", e.text);
    cr_expect(json_is_array(arr));
    cr_expect_gt(json_array_size(arr), 5);
    json_decref(arr);
    snprintf(path, sizeof path, "%s/sub", dir);
    DIR *d = opendir(path);
    int files = 0;
    for (struct dirent *de; (de = readdir(d));)
        files += de->d_name[0] != '.';
    closedir(d);
    cr_expect_eq(files, 1, "a temporary file was left behind");
    snprintf(args, sizeof args, "rm -rf '%s'", dir);
    cr_expect_eq(system(args), 0);
}

Test(cli, unwritable_output_is_an_error_and_named)
{
    char *err = NULL;
    int rc = run_cli(THX_TEST_DIR, "extract -r rules/unit.rules cases/formats/corpus -o "
                                   "/proc/therex/x.jsonl", NULL, &err);
    cr_expect_eq(rc, 4);
    cr_expect(strstr(err, "cannot write '/proc/therex/x.jsonl'") != NULL, "got: %s", err);
    free(err);
}

Test(cli, forced_input_format)
{
    char *out = NULL;
    /* read as plain text, a JSON Lines file is one document holding JSON text */
    int rc = run_cli(THX_TEST_DIR, "extract -q -r rules/unit.rules --input-format text "
                                   "cases/formats/corpus/two.jsonl -o -", &out, NULL);
    cr_expect_eq(rc, 0);
    cr_expect(strstr(out, "\"id\":\"cases/formats/corpus/two.jsonl\"") != NULL, "%s", out);
    free(out);
}

Test(cli, usage_errors_exit_2)
{
    cr_expect_eq(run_cli(NULL, "extract --frobnicate", NULL, NULL), 2);
    cr_expect_eq(run_cli(NULL, "extract --format yaml", NULL, NULL), 2);
    cr_expect_eq(run_cli(NULL, "frobnicate", NULL, NULL), 2);
    cr_expect_eq(run_cli(NULL, "", NULL, NULL), 2);
}

Test(cli, check_passes_the_unit_rules_and_reports_failures_at_their_line)
{
    char *out = NULL;
    cr_expect_eq(run_cli(THX_TEST_DIR, "check rules/unit.rules", &out, NULL), 0);
    cr_expect(strstr(out, "PASS treats.used-to-treat (rules/unit.rules:35, 2 examples)") != NULL,
              "%s", out);
    free(out);
    out = NULL;
    cr_expect_eq(run_cli(THX_TEST_DIR, "check failing-rules/failing.rules", &out, NULL), 1);
    cr_expect(strstr(out, "FAIL improves.too-narrow") != NULL, "%s", out);
    cr_expect(strstr(out, "failing-rules/failing.rules:13: example gave:") != NULL, "%s", out);
    cr_expect(strstr(out, "- metformin | improves | PCOS   (expected, "
                          "failing-rules/failing.rules:14)") != NULL, "%s", out);
    cr_expect(strstr(out, "failing-rules/failing.rules:15: counter gave:") != NULL, "%s", out);
    cr_expect(strstr(out, "FAIL no.examples") != NULL, "%s", out);
    free(out);
}

Test(cli, explain_shows_mentions_cues_rules_and_the_failing_element)
{
    char *out = NULL;
    int rc = run_cli(THX_TEST_DIR,
                     "explain -r rules/unit.rules \"Exosomes had been used to treat many of the "
                     "rare diseases of women such as stroke, but metformin did not improve "
                     "ovulation in PCOS.\"",
                     &out, NULL);
    cr_expect_eq(rc, 0);
    cr_expect(strstr(out, "mention 0: therapy   \"Exosomes\" [0,8) -> exosomes MeSH:D055354  "
                          "(rules/unit.rules:5)") != NULL, "%s", out);
    cr_expect(strstr(out, "cue:       negation forward \"did not\"") != NULL, "%s", out);
    cr_expect(strstr(out, "masked:    <T0> had been used to treat many of the rare diseases of "
                          "women such as <C1>, but <T2> did not improve ovulation in <C3>.") != NULL,
              "%s", out);
    cr_expect(strstr(out, "rule treats.used-to-treat (rules/unit.rules:39): no match, stops at "
                          "element 8 `(such as|including)` (column 51)") != NULL, "%s", out);
    cr_expect(strstr(out, "patterns skipped by their gates (--all lists them)") != NULL, "%s", out);
    cr_expect(strstr(out, "triple:    metformin | improves | polycystic ovary syndrome (negated)") != NULL,
              "%s", out);
    free(out);
    cr_expect_eq(run_cli(THX_TEST_DIR, "explain -r rules/unit.rules", NULL, NULL), 2);
    out = NULL;
    cr_expect_eq(run_cli(THX_TEST_DIR, "explain -r rules/unit.rules --all \"Exosomes were used to "
                                       "treat diseases such as stroke.\"", &out, NULL), 0);
    cr_expect(strstr(out, "rule treats.used-to-treat (rules/unit.rules:39): skipped, its gate "
                          "\"such as|including & treat & been\" is not all in the sentence") != NULL,
              "every required word group gates the pattern ('been' is missing): %s", out);
    free(out);
}

/* Confidences of the seed with unit.rules and tests/rules/calibration.rules: 0.45
 * (treats.used-to-treat, calibrated) and 0.8; each line's "confidence", or -1. */
static size_t confidences(const char *jsonl, double *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = jsonl; *p && n < cap;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        json_t *j = json_loadb(p, len, 0, NULL);
        out[n++] = j ? json_real_value(json_object_get(j, "confidence")) : -1;
        json_decref(j);
        p += len + (nl != NULL);
    }
    return n;
}

Test(cli, min_confidence_leaves_out_the_triples_below_it)
{
    const char *base = "extract -r rules/unit.rules -r rules/calibration.rules fixtures/seed.txt "
                       "-o -";
    char cmd[512], *all = NULL, *some = NULL, *err = NULL;
    double c_all[64], c_some[64];
    cr_assert_eq(run_cli(THX_TEST_DIR, base, &all, NULL), 0);
    size_t n_all = confidences(all, c_all, 64), kept = 0;
    for (size_t i = 0; i < n_all; i++)
        kept += c_all[i] >= 0.5;
    cr_assert(kept > 0 && kept < n_all, "the fixture has triples on both sides of 0.5");
    snprintf(cmd, sizeof cmd, "%s --min-confidence 0.5", base);
    cr_assert_eq(run_cli(THX_TEST_DIR, cmd, &some, &err), 0);
    size_t n_some = confidences(some, c_some, 64);
    cr_expect_eq(n_some, kept);
    for (size_t i = 0; i < n_some; i++)
        cr_expect_geq(c_some[i], 0.5);
    char want[128];
    snprintf(want, sizeof want, "therex: %zu triples below --min-confidence 0.5 left out\n",
             n_all - kept);
    cr_expect(strstr(err, want) != NULL, "got: %s", err);
    free(some);
    free(err);
    /* the threshold is inclusive (0.45 is kept at 0.45) and 0 keeps everything */
    snprintf(cmd, sizeof cmd, "%s --min-confidence=0.45 -q", base);
    cr_assert_eq(run_cli(THX_TEST_DIR, cmd, &some, NULL), 0);
    cr_expect_str_eq(some, all);
    free(some);
    snprintf(cmd, sizeof cmd, "%s --min-confidence 0 -q", base);
    cr_assert_eq(run_cli(THX_TEST_DIR, cmd, &some, NULL), 0);
    cr_expect_str_eq(some, all);
    free(some);
    free(all);
    const char *bad[] = {"1.5", "-0.1", "high", "0.5x", "''"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        snprintf(cmd, sizeof cmd, "%s --min-confidence %s", base, bad[i]);
        cr_expect_eq(run_cli(THX_TEST_DIR, cmd, NULL, &err), 2, "--min-confidence %s", bad[i]);
        cr_expect(strstr(err, "--min-confidence takes a number from 0 to 1") != NULL, "%s", err);
        free(err);
    }
}
