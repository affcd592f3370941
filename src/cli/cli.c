/* What every command shares: error messages, rule-path arguments, loading the rules
 * (see cli.h). main.c dispatches to the commands; the commands call this. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("therex: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_rule_args(int argc, char **argv, const char *usage, const char *flag, bool *flag_set,
                  const char **paths, size_t cap, size_t *n)
{
    *n = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(usage, stdout);
            return 1;
        }
        if (flag && !strcmp(argv[i], flag)) {
            *flag_set = true;
            continue;
        }
        if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("unknown option '%s'", argv[i]);
            return -1;
        }
        if (*n == cap) {
            cli_error("too many rule paths (at most %zu)", cap);
            return -1;
        }
        paths[(*n)++] = argv[i];
    }
    return 0;
}

thx_ruleset *cli_load_rules(const char *const *paths, size_t n)
{
    return cli_load_rules_cached(paths, n, false);
}

thx_ruleset *cli_load_rules_cached(const char *const *paths, size_t n, bool cache)
{
    /* without -r: $THEREX_RULES, else rules/ in the current folder, else the pack
     * installed with therex (found beside the executable: rules_dir.c) */
    const char *env = getenv("THEREX_RULES");
    const char *fallback[] = {env && *env ? env : "rules"};
    const char *installed;
    if (n == 0 && !(env && *env) && access("rules", F_OK) != 0 &&
        (installed = cli_installed_rules()) != NULL)
        fallback[0] = installed;
    if (n == 0 && access(fallback[0], F_OK) != 0) {
        fprintf(stderr, "%s: error: no rule folder here: run therex from the project folder, "
                        "name the rules with -r PATH, or set THEREX_RULES\n", fallback[0]);
        return NULL;
    }
    thx_diags diags;
    thx_diags_init(&diags);
    thx_ruleset *rs = cache ? thx_ruleset_load_cached(n ? paths : fallback, n ? n : 1, NULL, &diags)
                            : thx_ruleset_load(n ? paths : fallback, n ? n : 1, &diags);
    thx_diags_print(&diags, stderr);
    size_t errors = thx_diags_count(&diags, THX_SEV_ERROR);
    if (!rs && errors)
        fprintf(stderr, "therex: %zu error%s in the rule files\n", errors, errors == 1 ? "" : "s");
    else if (!rs)
        cli_error("out of memory loading the rules");
    thx_diags_free(&diags);
    return rs;
}

void cli_named_init(cli_named *v, const char *const *paths, size_t n)
{
    v->n = 0;
    for (size_t i = 0; i < n && v->n < sizeof v->real / sizeof *v->real; i++)
        if ((v->real[v->n] = realpath(paths[i], NULL)) != NULL)
            v->n++;
}

bool cli_named_has(const cli_named *v, const char *file)
{
    char real[PATH_MAX];
    if (!file || !realpath(file, real))
        return false;
    for (size_t i = 0; i < v->n; i++) {
        size_t len = strlen(v->real[i]);
        if (!strncmp(real, v->real[i], len) && (real[len] == '\0' || real[len] == '/'))
            return true;
    }
    return false;
}

void cli_named_free(cli_named *v)
{
    for (size_t i = 0; i < v->n; i++)
        free(v->real[i]);
    v->n = 0;
}
