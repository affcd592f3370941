/*
 * therex lint [--all] [-r RULES]... [RULES...]: compiles the rule files (errors as in check, exit status 3)
 * and reports the rules that are legal but risky (src/rules/lint.c), each as
 * `path:line:col: warning: message` with the source line and a caret, then a summary
 * line. With -r, the -r paths are loaded too and only the named files' warnings show.
 * Exit status 0 when clean, 1 when there are warnings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rules/rules.h"

int cmd_lint(int argc, char **argv)
{
    const char *paths[256], *load[256 + 64] = {0};
    size_t n = 0, nrules = 0;
    bool all = false; /* --all: each term listed in two files on its own */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs("usage: therex lint [--all] [-r RULES]... [RULES...]\n"
                  "Compiles the rule files or directories (default: rules/) and reports rules\n"
                  "that are legal but risky: patterns with no gate literal, wide gaps and\n"
                  "unbounded regexes, short or common-word synonyms, a synonym under two\n"
                  "entries, duplicated patterns, {type+} slots no example tests with two items,\n"
                  "lexicon entries no rule can reach, regex synonyms with no gate literal, an\n"
                  "entry declared again without the id it had.\n"
                  "A term a later file lists again under an entry that names something else\n"
                  "(the first file's entry wins) is one warning per pair of files; --all lists\n"
                  "each.\n"
                  "  -r, --rules PATH  rule file or directory loaded with the named ones\n"
                  "                    (repeatable); only the named files' warnings are shown\n"
                  "                    (therex lint -r rules rules/treats.rules)\n"
                  "A warning marked as intended in the rule file (#lint-ok KIND: why, see\n"
                  "docs/rules.md) is not shown; the summary counts them.\n"
                  "Exit status 1 when there are warnings, 3 when the rules do not compile.\n",
                  stdout);
            return 0;
        } else if (!strcmp(a, "--all")) {
            all = true;
        } else if (!strcmp(a, "-r") || !strcmp(a, "--rules")) {
            if (i + 1 >= argc || nrules == 64) {
                cli_error(i + 1 >= argc ? "%s needs a rule path" : "too many %s paths", a);
                return EXIT_USAGE;
            }
            load[nrules++] = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            cli_error("unknown option '%s' (see therex lint --help)", a);
            return EXIT_USAGE;
        } else if (n == sizeof paths / sizeof *paths) {
            cli_error("too many rule paths (at most %zu)", sizeof paths / sizeof *paths);
            return EXIT_USAGE;
        } else {
            paths[n++] = a;
        }
    }
    for (size_t i = 0; i < n; i++)
        load[nrules + i] = paths[i];
    thx_ruleset *rs = cli_load_rules(load, nrules + n);
    if (!rs)
        return EXIT_RULES;
    thx_diags diags;
    thx_diags_init(&diags);
    size_t marked = 0;
    int rc = rules_lint_marked(rs, &diags, all, &marked);
    cli_named named;
    cli_named_init(&named, nrules ? paths : NULL, nrules ? n : 0);
    if (named.n) {
        /* only the warnings in the named files */
        size_t kept = 0;
        for (size_t i = 0; i < diags.len; i++) {
            if (cli_named_has(&named, diags.items[i].path))
                diags.items[kept++] = diags.items[i];
            else {
                free(diags.items[i].path);
                free(diags.items[i].message);
                free(diags.items[i].src_line);
            }
        }
        diags.len = kept;
    }
    cli_named_free(&named);
    /* the warnings marked as intended (notes now): counted, not shown */
    marked = 0;
    size_t shown = 0;
    for (size_t i = 0; i < diags.len; i++) {
        if (diags.items[i].severity == THX_SEV_NOTE) {
            marked++;
            free(diags.items[i].path);
            free(diags.items[i].message);
            free(diags.items[i].src_line);
        } else {
            diags.items[shown++] = diags.items[i];
        }
    }
    diags.len = shown;
    thx_diags_print(&diags, stdout);
    size_t warnings = thx_diags_count(&diags, THX_SEV_WARNING);
    if (marked)
        printf("therex: %zu warning%s (and %zu marked as intended with #lint-ok)\n", warnings,
               warnings == 1 ? "" : "s", marked);
    else
        printf("therex: %zu warning%s\n", warnings, warnings == 1 ? "" : "s");
    thx_diags_free(&diags);
    thx_ruleset_free(rs);
    if (rc < 0) {
        cli_error("out of memory while linting");
        return EXIT_RULES;
    }
    return warnings ? EXIT_SKIPPED : 0;
}
