/*
 * Every case under tests/bad-rules/<case>/ is a rule file with mistakes (main.rules,
 * maybe with files it includes) and the exact diagnostics `therex check` must print
 * (expected.err): file, line, column, message, source line and caret, every error of
 * the run, in order. Exit status 3 means "the rule files have errors". Then the limits
 * that keep bad rule files and bad patterns from crashing or hanging a run: file size,
 * regex flags at the end of the text, and patterns that give up at PCRE2's match limit
 * (a warning per rule and document, counted in the summary; explain says so too).
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rules/rule_load.h"
#include "support.h"

static void check_case(const char *name)
{
    char args[512], rel[512];
    snprintf(args, sizeof args, "check bad-rules/%s/main.rules", name);
    snprintf(rel, sizeof rel, "bad-rules/%s/expected.err", name);
    char *want = read_fixture(rel, NULL);
    cr_assert_not_null(want, "%s: no expected.err", name);
    char *out = NULL, *err = NULL;
    int rc = run_cli(THX_TEST_DIR, args, &out, &err);
    cr_expect_eq(rc, 3, "%s: exit status %d, expected 3", name, rc);
    cr_expect_str_eq(err, want, "%s: diagnostics differ:\n--- got\n%s--- expected\n%s", name,
                     err, want);
    free(want);
    free(out);
    free(err);
}

Test(diagnostics, every_bad_rules_case_prints_exactly_its_expected_errors)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/bad-rules", THX_TEST_DIR);
    struct dirent **names;
    int n = scandir(dir, &names, NULL, alphasort);
    cr_assert_gt(n, 2, "no cases in %s", dir);
    int cases = 0;
    for (int i = 0; i < n; i++) {
        if (names[i]->d_name[0] != '.') {
            check_case(names[i]->d_name);
            cases++;
        }
        free(names[i]);
    }
    free(names);
    cr_expect_geq(cases, 10);
}

Test(diagnostics, missing_rule_file_is_named)
{
    char *err = NULL;
    int rc = run_cli(THX_TEST_DIR, "check no/such.rules", NULL, &err);
    cr_expect_eq(rc, 3);
    cr_expect(strstr(err, "no/such.rules: error: cannot read") != NULL, "got: %s", err);
    free(err);
}

Test(diagnostics, errors_of_several_files_are_all_reported)
{
    char *err = NULL;
    int rc = run_cli(THX_TEST_DIR,
                     "check bad-rules/unknown-key/main.rules bad-rules/unknown-macro/main.rules",
                     NULL, &err);
    cr_expect_eq(rc, 3);
    cr_expect(strstr(err, "unknown-key/main.rules:6:3: error: unknown key 'efect'") != NULL);
    cr_expect(strstr(err, "unknown-macro/main.rules:3:21: error: unknown macro '$HAVE'") != NULL);
    cr_expect(strstr(err, "4 errors in the rule files") != NULL, "got: %s", err);
    free(err);
}

Test(diagnostics, calibrate_of_an_unknown_rule_is_a_warning_and_the_pack_loads)
{
    char *out = NULL, *err = NULL;
    int rc = run_cli(THX_TEST_DIR, "check rules/calibration.rules rules/unit.rules", &out, &err);
    cr_expect_eq(rc, 0, "a warning does not fail check: %s", err);
    cr_expect(strstr(err, "rules/calibration.rules:6:11: warning: calibrate: no rule or join "
                          "is named 'treats.retired-rule' (ignored)\n"
                          "  calibrate treats.retired-rule 0.9\n"
                          "            ^\n") != NULL, "got: %s", err);
    cr_expect(strstr(err, "error") == NULL, "got: %s", err);
    free(out);
    free(err);
}

Test(diagnostics, regex_flags_end_where_the_pattern_text_ends)
{
    thx_diags d;
    thx_diags_init(&d);
    const char *paths[] = {THX_TEST_DIR "/rules/unit.rules"};
    thx_ruleset *rs = thx_ruleset_load(paths, 1, &d);
    cr_assert_not_null(rs);
    /* past the pattern's terminator, bytes that would read as one more flag and a word:
     * the compiler must not look there */
    static const char text[] = "{therapy} /x/i\0c Z";
    char *src = malloc(sizeof text);
    cr_assert_not_null(src);
    memcpy(src, text, sizeof text);
    rule r = {.id = "r"};
    rule_pattern p = {.source = src, .gate_literal = -1, .loc = {"t.rules", 1, 1, src}};
    cr_expect_eq(rules_compile_pattern(rs, &r, &p, &d), 0);
    cr_expect_str_eq(p.regex, "(?<thx_t>\\x01T\\d+\\x02)\\s*(?:x)");
    cr_expect_eq(d.len, 0);
    free(p.regex);
    pcre2_code_free(p.code);
    free(p.gate_text);
    free(p.gate_ids);
    free(p.gate_ends);
    free(p.step_src);
    free(p.step_re);
    free(src);
    thx_diags_free(&d);
    thx_ruleset_free(rs);
}

Test(diagnostics, a_rule_file_over_64_mb_is_refused_unread)
{
    char path[] = "/tmp/thx-test-big-XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    cr_assert_eq(ftruncate(fd, (off_t)RULES_FILE_MAX + 1), 0); /* sparse: no disk used */
    close(fd);
    char args[128], want[192];
    snprintf(args, sizeof args, "check %s", path);
    snprintf(want, sizeof want, "%s: error: cannot read: larger than 64 MB, the most a rule "
                                "file may have\ntherex: 1 error in the rule files\n", path);
    char *err = NULL;
    int rc = run_cli(THX_TEST_DIR, args, NULL, &err);
    unlink(path);
    cr_expect_eq(rc, 3);
    cr_expect_str_eq(err, want);
    free(err);
}

/* about fib(40) steps for (?:a|aa)+b (rules/match-limit.rules) */
#define SLOW_SENTENCE "Aspirin aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac, then b."

Test(diagnostics, a_rule_past_the_match_limit_is_a_warning_per_document_and_counted)
{
    char path[] = "/tmp/thx-test-limit-XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    FILE *f = fdopen(fd, "w");
    cr_assert_not_null(f);
    fputs("{\"id\": \"doc-1\", \"abstract\": \"" SLOW_SENTENCE " " SLOW_SENTENCE
          " Aspirin relieves headache.\"}\n"
          "{\"id\": \"doc-2\", \"abstract\": \"Aspirin relieves headache.\"}\n"
          "{\"id\": \"doc-3\", \"title\": \"Aspirin\", \"abstract\": \"" SLOW_SENTENCE "\"}\n",
          f);
    fclose(f);
    char args[256];
    snprintf(args, sizeof args, "extract -j 3 -r rules/match-limit.rules -o - %s", path);
    char *out = NULL, *err = NULL;
    int rc = run_cli(THX_TEST_DIR, args, &out, &err);
    cr_expect_eq(rc, 0);
    /* the other rule and the other documents go on as before */
    size_t lines = 0;
    for (const char *p = out; p && (p = strchr(p, '\n')); p++)
        lines++;
    cr_expect_eq(lines, 2, "got: %s", out);
    const char *warn = "rules/match-limit.rules:11: warning: rule 'slow.backtracking' gave up on "
                       "document '%s', sentence %d: match limit exceeded; counted as no match "
                       "there, so a claim may be missing\n";
    char want[2048];
    int n = snprintf(want, sizeof want, warn, "doc-1", 0);
    n += snprintf(want + n, sizeof want - (size_t)n, warn, "doc-3", 1);
    snprintf(want + n, sizeof want - (size_t)n,
             "therex: 1 file, 3 documents, 2 triples -> - (2 match-limit warnings: see above)\n");
    cr_expect_str_eq(err, want);
    free(out);
    free(err);
    /* -q: the warnings still, no summary */
    snprintf(args, sizeof args, "extract -q -r rules/match-limit.rules -o - %s", path);
    rc = run_cli(THX_TEST_DIR, args, NULL, &err);
    unlink(path);
    cr_expect_eq(rc, 0);
    cr_expect(err && strstr(err, "document 'doc-3', sentence 1") && !strstr(err, "therex:"),
              "got: %s", err);
    free(err);
}

Test(diagnostics, explain_runs_under_the_same_match_limits)
{
    char *out = NULL;
    int rc = run_cli(THX_TEST_DIR, "explain -r rules/match-limit.rules \"" SLOW_SENTENCE "\"",
                     &out, NULL);
    cr_expect_eq(rc, 0);
    cr_expect(out && strstr(out, "rule slow.backtracking (rules/match-limit.rules:11): gave up "
                                 "(match limit exceeded), 0 candidates before that; the rest "
                                 "counts as no match\n"),
              "got: %s", out);
    free(out);
}

/* A lexicon regex synonym past the match limit: a warning once per synonym and
 * document (it was a silent no match), counted with the rules' in the summary; explain
 * shows it too. tests/rules/lexicon-limit.rules. */
#define SLOW_SYNONYM "Zzz aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac relieves headache, then b."

Test(diagnostics, a_regex_synonym_past_the_match_limit_is_a_warning_per_document)
{
    const char *text = "{\"id\": \"d1\", \"abstract\": \"" SLOW_SYNONYM " " SLOW_SYNONYM
                       " Aspirin relieves headache.\"}\n"
                       "{\"id\": \"d2\", \"abstract\": \"Aspirin relieves headache.\"}\n";
    char path[4300], args[4400];
    snprintf(path, sizeof path, "%s", write_tmp("lexicon-limit.jsonl", text, strlen(text)));
    snprintf(args, sizeof args, "extract -r rules/lexicon-limit.rules -o - '%s'", path);
    /* twice: the second run reads the pack from the cache the first one wrote, and the
     * warning must still name its place */
    for (int run = 0; run < 2; run++) {
        char *out = NULL, *err = NULL;
        cr_expect_eq(run_cli(THX_TEST_DIR, args, &out, &err), 0);
        cr_expect_str_eq(err, "rules/lexicon-limit.rules:6:12: warning: regex synonym /zzz "
                              "(?:a|aa)+b/ of therapy 'slow' gave up on document 'd1', sentence "
                              "0: match limit exceeded; counted as no match there, so a mention "
                              "may be missing\n"
                              "therex: 1 file, 2 documents, 2 triples -> - (1 match-limit "
                              "warning: see above)\n",
                         "run %d", run + 1);
        free(out), free(err);
    }
    char *out = NULL;
    remove(path);
    remove_tmp_dir();
    cr_expect_eq(run_cli(THX_TEST_DIR, "explain -r rules/lexicon-limit.rules \"" SLOW_SYNONYM "\"",
                         &out, NULL),
                 0);
    cr_expect(out && strstr(out, "  lexicon:   regex synonym /zzz (?:a|aa)+b/ gave up (match "
                                 "limit exceeded); counted as no match  "
                                 "(rules/lexicon-limit.rules:6)\n"),
              "got: %s", out);
    free(out);
}
