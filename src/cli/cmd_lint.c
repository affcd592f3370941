/*
 * therex lint [RULES...]: compiles the rule files (errors as in check, exit status 3)
 * and reports the rules that are legal but risky (src/rules/lint.c), each as
 * `path:line:col: warning: message` with the source line and a caret, then a summary
 * line. Exit status 0 when clean, 1 when there are warnings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rules/rules.h"

int cmd_lint(int argc, char **argv)
{
    const char *paths[256];
    size_t n;
    bool all = false; /* --all: each term listed in two files on its own */
    int arg = cli_rule_args(
        argc, argv,
        "usage: therex lint [--all] [RULES...]\n"
        "Compiles the rule files or directories (default: rules/) and reports rules\n"
        "that are legal but risky: patterns with no gate literal, wide gaps and\n"
        "unbounded regexes, short or common-word synonyms, a synonym under two\n"
        "entries, duplicated patterns, {type+} slots no example tests with two items,\n"
        "lexicon entries no rule can reach, regex synonyms with no gate literal.\n"
        "A term a later file lists again under an entry that names something else\n"
        "(the first file's entry wins) is one warning per pair of files; --all lists\n"
        "each.\n"
        "Exit status 1 when there are warnings, 3 when the rules do not compile.\n",
        "--all", &all, paths, sizeof paths / sizeof *paths, &n);
    if (arg)
        return arg > 0 ? 0 : EXIT_USAGE;
    thx_ruleset *rs = cli_load_rules(paths, n);
    if (!rs)
        return EXIT_RULES;
    thx_diags diags;
    thx_diags_init(&diags);
    int rc = rules_lint(rs, &diags, all);
    thx_diags_print(&diags, stdout);
    size_t warnings = thx_diags_count(&diags, THX_SEV_WARNING);
    printf("therex: %zu warning%s\n", warnings, warnings == 1 ? "" : "s");
    thx_diags_free(&diags);
    thx_ruleset_free(rs);
    if (rc < 0) {
        cli_error("out of memory while linting");
        return EXIT_RULES;
    }
    return warnings ? EXIT_SKIPPED : 0;
}
