/*
 * The therex command line: one cmd_<name>.c per command, dispatched by main.c.
 * Exit codes are shared by every command (README "Exit codes").
 */
#ifndef THX_CLI_H
#define THX_CLI_H

#include <stdbool.h>

#include "therex.h"

enum {
    EXIT_OK_ = 0,
    EXIT_SKIPPED = 1,   /* extract: some input was bad and skipped; check: a rule failed */
    EXIT_USAGE = 2,
    EXIT_RULES = 3,     /* the rule files have errors */
    EXIT_OUTPUT = 4,    /* the output could not be written */
};

int cmd_extract(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_load(int argc, char **argv);
int cmd_report(int argc, char **argv);
/* Scores pred against gold as `therex eval --rules-table` (cmd_eval.c), printing the
 * scores and the rules table to out and file problems to stderr; 0, or 1 on failure. */
int cli_eval_report(const char *gold, const char *pred, FILE *out);

/* Loads the rule files named (or rules/ when none), printing every diagnostic to
 * stderr. NULL when there were errors. */
thx_ruleset *cli_load_rules(const char *const *paths, size_t n);
/* The same through the cache of compiled packs when cache (thx_ruleset_load_cached): for
 * extract, which reads no examples. */
thx_ruleset *cli_load_rules_cached(const char *const *paths, size_t n, bool cache);

/* Reads the arguments of a command that takes only rule paths (check, lint) and at most
 * one boolean option `flag` (NULL: none; anywhere among the paths, sets *flag_set) into
 * paths: 1 after printing usage for -h/--help, -1 after a usage error, else 0. */
int cli_rule_args(int argc, char **argv, const char *usage, const char *flag, bool *flag_set,
                  const char **paths, size_t cap, size_t *n);

/* The rule paths a command was named (check, lint with -r): files or folders, kept as
 * real paths. cli_named_has: whether file is one of them or below one. n == 0 when none
 * was named (or none exists). */
typedef struct {
    char *real[256];
    size_t n;
} cli_named;
void cli_named_init(cli_named *v, const char *const *paths, size_t n);
bool cli_named_has(const cli_named *v, const char *file);
void cli_named_free(cli_named *v);
/* The rule pack installed with this therex (BINDIR/../share/therex/rules, found from
 * /proc/self/exe), or NULL when there is none (a build tree). Borrowed static storage. */
const char *cli_installed_rules(void);

/* Prints "therex: error: ..." to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
