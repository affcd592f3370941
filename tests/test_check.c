/*
 * The rule author's loop through `therex check` and `therex lint`: -r/--rules (the pack
 * loaded, only the named files' rules run or warnings show), -q, flags that differ
 * from an expected triple, a file checked alone told what it lacks, and an example that
 * gave up at the match limit. Fixtures: tests/check-pack/.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

static int check(const char *args, char **out, char **err)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "check %s", args);
    *out = *err = NULL;
    return run_cli(THX_TEST_DIR, cmd, out, err);
}

Test(check, rules_option_loads_the_pack_and_runs_only_the_named_files_rules)
{
    char *out, *err;
    cr_expect_eq(check("-r check-pack check-pack/claims.rules", &out, &err), 1);
    cr_expect(strstr(out, "PASS improves.passes (check-pack/claims.rules:4, 1 example)"), "%s", out);
    cr_expect(strstr(out, "3 rules, 3 examples: 1 passed, 2 failed"), "%s", out);
    cr_expect_str_eq(err, "");
    free(out), free(err);
    /* --rules is the long form; a pack named with -r alone runs all of its rules */
    cr_expect_eq(check("--rules check-pack", &out, &err), 1);
    cr_expect(strstr(out, "3 rules, 3 examples"), "%s", out);
    free(out), free(err);
    /* the named file's rules only: rules/unit.rules has rules of its own */
    cr_expect_eq(check("-r rules/unit.rules -r check-pack ./check-pack/claims.rules", &out, &err),
                 1);
    cr_expect(strstr(out, "\n3 rules, 3 examples"), "%s", out);
    cr_expect(!strstr(out, "treats.used-to-treat"), "%s", out);
    free(out), free(err);
    cr_expect_eq(check("-r", &out, &err), 2);
    cr_expect(strstr(err, "-r needs a rule path"), "%s", err);
    free(out), free(err);
}

Test(check, quiet_prints_only_the_failures)
{
    char *out, *err;
    cr_expect_eq(check("-q check-pack", &out, &err), 1);
    cr_expect(!strstr(out, "PASS"), "%s", out);
    cr_expect(strstr(out, "FAIL reduces.wrong-flags"), "%s", out);
    cr_expect(strstr(out, "1 passed, 2 failed"), "%s", out);
    free(out), free(err);
    cr_expect_eq(check("--quiet rules/unit.rules", &out, &err), 0);
    cr_expect_str_eq(out, "");
    free(out), free(err);
}

Test(check, a_mismatch_in_flags_says_which_flags_differ)
{
    char *out, *err;
    check("check-pack", &out, &err);
    cr_expect(strstr(out, "      - metformin | reduces | PCOS (negated)   (expected, "
                          "check-pack/claims.rules:15)\n"
                          "        the triple given has other flags: negated: expected yes, "
                          "got no\n"),
              "%s", out);
    free(out), free(err);
}

Test(check, an_example_that_hit_the_match_limit_says_so)
{
    char *out, *err;
    check("check-pack", &out, &err);
    cr_expect(strstr(out, "check-pack/claims.rules:21: example gave:\n"
                          "        (nothing: the rule gave up at the match limit"),
              "%s", out);
    free(out), free(err);
}

Test(check, a_file_checked_alone_is_told_which_lexicons_it_lacks)
{
    char *out, *err;
    cr_expect_eq(check("check-pack/claims.rules", &out, &err), 1);
    cr_expect(strstr(err, "therex: note: the rule file named holds no therapy lexicon, no "
                          "condition lexicon and no negation cues, so its examples cannot "
                          "match: check it with the pack that defines them: therex check -r "
                          "check-pack check-pack/claims.rules\n"),
              "%s", err);
    free(out), free(err);
    /* with its pack there is no such note */
    check("-r check-pack check-pack/claims.rules", &out, &err);
    cr_expect(!strstr(err, "note"), "%s", err);
    free(out), free(err);
    /* a file that does not compile alone (its macros are elsewhere) is told the same */
    const char *text = "rule r\n  effect treats\n  pattern {therapy} $TREATS {condition}\n"
                       "  example Aspirin treats headache.\nend\n";
    char f[1024], other[1024];
    snprintf(f, sizeof f, "%s", write_tmp("uses-macro.rules", text, strlen(text)));
    snprintf(other, sizeof other, "%s", write_tmp("macros.rules", "macro TREATS = treats\n", 22));
    char args[1100];
    snprintf(args, sizeof args, "'%s'", f);
    cr_expect_eq(check(args, &out, &err), 3);
    cr_expect(strstr(err, "unknown macro '$TREATS'"), "%s", err);
    cr_expect(strstr(err, "uses-macro.rules checked alone lacks the macros (and likely the "
                          "lexicons and cues) that other files of its pack define: check it "
                          "with the pack: therex check -r /tmp/"),
              "%s", err);
    free(out), free(err);
    /* other errors get no such note */
    cr_expect_eq(check("bad-rules/unknown-key/main.rules", &out, &err), 3);
    cr_expect(!strstr(err, "note"), "%s", err);
    free(out), free(err);
    remove(f);
    remove(other);
    remove_tmp_dir();
}

Test(check, lint_takes_the_rules_option_and_shows_only_the_named_files_warnings)
{
    char *out = NULL, *err = NULL;
    int rc = run_cli(THX_TEST_DIR, "lint -r rules/lint-cases.rules rules/lint-clean.rules", &out,
                     &err);
    /* lint-cases.rules is full of warnings: none of them shows */
    cr_expect(!strstr(out, "\nrules/lint-cases.rules:"), "%s", out);
    cr_expect(!strncmp(out, "rules/lint-clean.rules:", 23), "%s", out);
    cr_expect(strstr(out, "therex: 1 warning\n"), "%s", out);
    cr_expect_eq(rc, 1, "%s%s", out, err);
    free(out), free(err);
    out = err = NULL;
    rc = run_cli(THX_TEST_DIR, "lint --rules rules/lint-clean.rules rules/lint-cases.rules", &out,
                 &err);
    cr_expect_eq(rc, 1);
    cr_expect(strstr(out, "rules/lint-cases.rules:"), "%s", out);
    cr_expect(!strstr(out, "\nrules/lint-clean.rules:"), "%s", out);
    free(out), free(err);
}
