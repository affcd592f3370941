/*
 * therex lint: tests/rules/lint-cases.rules triggers every warning exactly once (the
 * exact messages, lines and columns are checked here, each with its kind in [ ]),
 * tests/rules/lint-clean.rules triggers none; #lint-ok marks (tests/rules/lint-marks.rules); exit status 1 with warnings, 0 when clean, 3 when the rules do not
 * compile. Also the library entry point and the unbounded-regex reader directly.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/lint.h"
#include "support.h"

#define CASES "rules/lint-cases.rules"

static const char *const expected[] = {
    CASES ":3:16: warning: lexicon term 'EV' is only 2 characters long: it will match "
          "unrelated text [short-term]\n",
    CASES ":4:15: warning: lexicon term 'aid' is a common English word: it will match "
          "unrelated text [common-word]\n",
    CASES ":5:18: warning: regex synonym /\\b(?:MS|AS)Cs?\\b/ has no required literal of 3 "
          "characters or more, only 'ms|as': it runs on every sentence that has one of them "
          "[ungated-regex]\n",
    CASES ":9:33: warning: 'POI' is listed under two entries: condition 'primary ovarian "
          "insufficiency' (" CASES ":8) and condition 'premature ovarian failure' (" CASES
          ":9) [two-entries]\n",
    CASES ":14:3: warning: effect entries are never used: no pattern has a {effect} slot or "
          "@effect [unused-entries]\n",
    CASES ":20:11: warning: pattern has no required literal word outside ( ) groups: it runs "
          "on every sentence [ungated-pattern]\n",
    CASES ":27:30: warning: gap ~12 is wider than 8 words: it may join mentions that are not "
          "related [wide-gap]\n",
    CASES ":34:33: warning: regex has an unbounded '.*' that can run on across the sentence: "
          "bound it ({0,N}) or use ~N [unbounded-regex]\n",
    CASES ":48:11: warning: pattern compiles to the same regex as a pattern of rule "
          "'cases.twin-a' (" CASES ":41) at equal priority: duplicated work [duplicate-pattern]\n",
    CASES ":55:32: warning: {condition+} is never exercised: no example of rule 'cases.list' "
          "expects two triples that differ in their condition [untested-list]\n",
    CASES ":62:3: warning: therapy 'Metformin' is declared again without its id MeSH:D008687 ("
          CASES ":61): the terms listed here name it without the id; give this entry the id "
          "too, or list them under the first [redeclared-entry]\n",
    CASES ":66:17: warning: regex synonym /\\b[A-Z][a-z]+[A-Z]\\b/ has no required literal: it "
          "runs on every sentence [ungated-regex]\n",
};
#define NEXPECTED (sizeof expected / sizeof *expected)

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
        n++;
    return n;
}

Test(lint, every_case_is_reported_once_at_its_line_and_column)
{
    char *out = NULL, *err = NULL;
    int rc = run_cli(THX_TEST_DIR, "lint " CASES, &out, &err);
    cr_assert_not_null(out);
    cr_expect_eq(rc, 1, "exit status %d, expected 1; stderr: %s", rc, err);
    for (size_t i = 0; i < NEXPECTED; i++)
        cr_expect_eq(count(out, expected[i]), 1, "not reported once: %s\ngot:\n%s", expected[i],
                     out);
    cr_expect_eq(count(out, ": warning: "), NEXPECTED, "got:\n%s", out);
    cr_expect(strstr(out, "therex: 12 warnings\n") != NULL, "got:\n%s", out);
    free(out);
    free(err);
}

Test(lint, warnings_show_the_source_line_and_a_caret)
{
    char *out = NULL;
    run_cli(THX_TEST_DIR, "lint " CASES, &out, NULL);
    cr_assert_not_null(out);
    const char *want = CASES ":27:30: warning: gap ~12 is wider than 8 words: it may join "
                             "mentions that are not related [wide-gap]\n"
                             "    pattern {therapy} improves ~12 {condition}\n"
                             "                               ^\n";
    cr_expect(strstr(out, want) != NULL, "got:\n%s", out);
    free(out);
}

/* A term a later file lists again under an entry of another name is one warning per
 * pair of files (with a count) unless --all; an entry of the same name is no warning. */
Test(lint, terms_repeated_in_a_later_file_are_one_warning_per_pair_of_files)
{
    char *out = NULL;
    run_cli(THX_TEST_DIR, "lint rules/lint-overlap", &out, NULL);
    cr_assert_not_null(out);
    cr_expect_eq(count(out, ": warning: "), 1, "got:\n%s", out);
    cr_expect(count(out, "b-general.rules:5:30: warning: 'EVs' and 2 more terms of this file are "
                         "also listed in rules/lint-overlap/a-specific.rules under other "
                         "entries") == 1,
              "got:\n%s", out);
    cr_expect_eq(count(out, "endometriosis"), 0, "same name, no warning; got:\n%s", out);
    free(out);
    run_cli(THX_TEST_DIR, "lint --all rules/lint-overlap", &out, NULL);
    cr_assert_not_null(out);
    cr_expect_eq(count(out, "is listed under two entries"), 3, "got:\n%s", out);
    free(out);
}

Test(lint, clean_rules_give_no_warning_and_exit_0)
{
    char *out = NULL, *err = NULL;
    int rc = run_cli(THX_TEST_DIR, "lint rules/lint-clean.rules", &out, &err);
    cr_expect_eq(rc, 0, "exit status %d; stderr: %s", rc, err);
    cr_expect_str_eq(out, "therex: 0 warnings\n");
    free(out);
    free(err);
}

Test(lint, rules_that_do_not_compile_exit_3)
{
    char *out = NULL, *err = NULL;
    int rc = run_cli(THX_TEST_DIR, "lint bad-rules/unknown-key/main.rules", &out, &err);
    cr_expect_eq(rc, 3);
    cr_expect(strstr(err, "error: unknown key 'efect'") != NULL, "got: %s", err);
    free(out);
    free(err);
}

Test(lint, library_returns_sorted_warnings)
{
    const char *path = THX_TEST_DIR "/" CASES;
    thx_diags d;
    thx_diags_init(&d);
    thx_ruleset *rs = thx_ruleset_load(&path, 1, &d);
    cr_assert_not_null(rs);
    cr_assert_eq(d.len, 0);
    cr_expect_eq(rules_lint(rs, &d, false), (int)NEXPECTED);
    cr_assert_eq(d.len, NEXPECTED);
    for (size_t i = 0; i < d.len; i++) {
        cr_expect_eq(d.items[i].severity, THX_SEV_WARNING);
        cr_expect_not_null(d.items[i].src_line);
        if (i)
            cr_expect_lt(d.items[i - 1].line, d.items[i].line);
    }
    thx_diags_free(&d);
    thx_ruleset_free(rs);
}

static bool unbounded(const char *re, size_t *at, size_t *len)
{
    return regex_unbounded(re, strlen(re), at, len);
}

Test(lint, unbounded_regex_constructs)
{
    static const struct {
        const char *re;
        const char *found; /* NULL: bounded */
    } cases[] = {
        {"the.*of", ".*"},
        {"a.+?b", ".+?"},
        {"\\w+ly", "\\w+"},
        {"x\\S*", "\\S*"},
        {"[^.]+\\.", "[^.]+"},
        {"\\N{2,}", "\\N{2,}"},
        {"(?:\\w+\\s+)*end", "(?:\\w+\\s+)*"},
        {"(?:\\S+)?", "\\S+"},
        {"(?:(?:[^\\s\\x01]+|\\x01[EC]\\d+\\x02)\\s*){0,3}?", NULL},
        {"(?:\\S+\\s+){1,4}", NULL},
        {"(?:the\\s+)?", NULL},
        {"[a-z]{3,}ly", NULL},
        {"\\d+(?:\\.\\d+)?", NULL},
        {"(?:and\\s+)+", NULL},
        {"x{2,5}", NULL},
        {"\\.\\*", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t at = 0, len = 0;
        bool got = unbounded(cases[i].re, &at, &len);
        cr_expect_eq(got, cases[i].found != NULL, "/%s/: got %d", cases[i].re, got);
        if (got && cases[i].found)
            cr_expect(strlen(cases[i].found) == len && !strncmp(cases[i].re + at, cases[i].found, len),
                      "/%s/: found '%.*s', expected '%s'", cases[i].re, (int)len,
                      cases[i].re + at, cases[i].found);
    }
}

/* #lint-ok KIND...: why marks the next statement (or the block it opens), #lint-ok-file
 * the whole file; a mark that covers nothing or names no kind is itself a warning. */
Test(lint, marks_leave_out_the_warnings_they_cover_and_stale_marks_are_warned)
{
    char *out = NULL, *err = NULL;
    int rc = run_cli(THX_TEST_DIR, "lint rules/lint-marks.rules", &out, &err);
    cr_assert_not_null(out);
    cr_expect_eq(rc, 1);
    cr_expect_eq(count(out, ": warning: "), 3, "got:\n%s", out);
    cr_expect(strstr(out, "rules/lint-marks.rules:27:29: warning: gap ~12 is wider"), "%s", out);
    cr_expect(strstr(out, "rules/lint-marks.rules:34:12: warning: this mark covers no "
                          "'wide-gap' warning: remove it [lint-ok]\n"),
              "%s", out);
    cr_expect(strstr(out, "rules/lint-marks.rules:34:22: warning: lint has no warning kind "
                          "'no-such-kind'"),
              "%s", out);
    cr_expect(strstr(out, "therex: 3 warnings (and 5 marked as intended with #lint-ok)\n"), "%s",
              out);
    free(out);
    free(err);
    /* with -r, the count of marked warnings is the named file's too */
    out = err = NULL;
    run_cli(THX_TEST_DIR, "lint -r rules/lint-marks.rules rules/lint-clean.rules", &out, &err);
    cr_expect(out && !strstr(out, "marked"), "%s", out);
    free(out);
    free(err);
    out = err = NULL;
    run_cli(THX_TEST_DIR, "lint -r rules/lint-clean.rules rules/lint-marks.rules", &out, &err);
    cr_expect(out && strstr(out, "therex: 3 warnings (and 5 marked as intended with #lint-ok)\n"),
              "%s", out);
    free(out);
    free(err);
    /* the marks change nothing else: the rules load and check as without them */
    out = err = NULL;
    cr_expect_eq(run_cli(THX_TEST_DIR, "check -q rules/lint-marks.rules", &out, &err), 0, "%s%s",
                 out, err);
    free(out);
    free(err);
}
