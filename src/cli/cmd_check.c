/*
 * therex check [RULES...]: compiles the rule files (reporting every error) and runs
 * each rule's own tests: an `example` must give exactly the triples listed under it
 * with `=>`, a `counter` must give none. Each rule runs alone on its sentences, with
 * the whole rule set's lexicons and cues. PASS/FAIL per rule, the difference at
 * file:line for each failure, exit status 1 on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "claims/claims.h"
#include "util/util.h"

static bool same_text(const char *want, const thx_slot *got)
{
    if (!want)
        return got->text == NULL;
    if (!got->text)
        return false;
    return !strcasecmp(want, got->norm ? got->norm : "") || !strcasecmp(want, got->text);
}

static bool flags_ok(const rule_expect *e, const thx_triple *t)
{
    return (e->negated < 0 || e->negated == t->negated) &&
           (e->hedged < 0 || e->hedged == t->hedged) && (e->coref < 0 || e->coref == t->coref);
}

static bool expect_matches(const rule_expect *e, const thx_triple *t)
{
    return same_text(e->therapy, &t->therapy) && same_text(e->effect, &t->effect) &&
           same_text(e->condition, &t->condition) && flags_ok(e, t);
}

static void describe(FILE *out, const char *what, const thx_triple *t)
{
    fprintf(out, "      %s %s | %s | %s%s%s\n", what, t->therapy.norm, t->effect.norm,
            t->condition.text ? t->condition.norm : "-", t->negated ? " (negated)" : "",
            t->hedged ? " (hedged)" : "");
}

/* Runs one example; prints what differs; returns true when it passes. */
static bool run_example(FILE *out, const thx_ruleset *rs, size_t ri, const rule_example *ex,
                        match_ctx *m)
{
    thx_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "check";
    doc.title = "";
    doc.abstract = ex->sentence;
    thx_triples ts;
    thx_triples_init(&ts);
    extract_doc(&ts, rs, &doc, m, (long)ri, 0); /* one rule: no document-level pass */
    bool *used = calloc(ts.len + 1, sizeof *used);
    bool *found = calloc(ex->nexpects + 1, sizeof *found);
    bool ok = used && found;
    /* each expected triple takes the first unused triple that matches it */
    for (size_t k = 0; ok && k < ex->nexpects; k++) {
        for (size_t j = 0; j < ts.len && !found[k]; j++)
            if (!used[j] && expect_matches(&ex->expects[k], &ts.items[j]))
                used[j] = found[k] = true;
        ok &= found[k];
    }
    for (size_t j = 0; ok && j < ts.len; j++)
        ok &= used[j];
    if (!ok && used && found) {
        fprintf(out, "    %s:%d: %s gave:\n", ex->loc.file, ex->loc.line,
                ex->counter ? "counter" : "example");
        for (size_t j = 0; j < ts.len; j++)
            describe(out, used[j] ? "  " : "+ ", &ts.items[j]);
        if (ts.len == 0)
            fprintf(out, "        (nothing)\n");
        for (size_t k = 0; k < ex->nexpects; k++)
            if (!found[k])
                fprintf(out, "      - %s | %s | %s   (expected, %s:%d)\n", ex->expects[k].therapy,
                        ex->expects[k].effect,
                        ex->expects[k].condition ? ex->expects[k].condition : "-",
                        ex->expects[k].loc.file, ex->expects[k].loc.line);
    }
    free(used);
    free(found);
    thx_triples_free(&ts);
    return ok;
}

int cmd_check(int argc, char **argv)
{
    const char *paths[256];
    size_t n;
    int arg = cli_rule_args(argc, argv,
                            "usage: therex check [RULES...]\n"
                            "Compiles the rule files or directories (default: rules/) and runs every\n"
                            "rule's example and counter sentences. Exit status 1 if any fails.\n",
                            NULL, NULL, paths, sizeof paths / sizeof *paths, &n);
    if (arg)
        return arg > 0 ? 0 : EXIT_USAGE;
    thx_ruleset *rs = cli_load_rules(paths, n);
    if (!rs)
        return EXIT_RULES;
    match_ctx m;
    match_ctx_init(&m);
    size_t passed = 0, failed = 0, examples = 0;
    for (size_t i = 0; i < rs->nrules; i++) {
        const rule *r = &rs->rules[i];
        bool ok = r->nexamples > 0;
        if (!ok)
            printf("FAIL %s (%s:%d)\n    has no example: every rule carries at least one\n",
                   r->id, r->loc.file, r->loc.line);
        else {
            /* the details go to a buffer, printed under the verdict line */
            char *details = NULL;
            size_t dlen = 0;
            FILE *buf = open_memstream(&details, &dlen);
            for (size_t k = 0; k < r->nexamples; k++, examples++)
                if (!run_example(buf ? buf : stdout, rs, i, &r->examples[k], &m))
                    ok = false;
            if (buf)
                fclose(buf);
            printf("%s %s (%s:%d, %zu example%s)\n%s", ok ? "PASS" : "FAIL", r->id,
                   r->loc.file, r->loc.line, r->nexamples, r->nexamples == 1 ? "" : "s",
                   details ? details : "");
            free(details);
        }
        ok ? passed++ : failed++;
    }
    printf("%zu rules, %zu examples: %zu passed, %zu failed\n", rs->nrules, examples, passed,
           failed);
    match_ctx_free(&m);
    thx_ruleset_free(rs);
    return failed ? EXIT_SKIPPED : 0;
}
