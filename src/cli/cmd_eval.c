/*
 * therex eval GOLD PRED [--json] [--show-errors N] [--rules-table]: scores predicted
 * triples against a gold file exactly as shared/eval/score.py does (the scoring is
 * src/eval/score.c) and prints score.py's lines, byte for byte: the scores on standard
 * output, the first N false hits and misses on standard error. --rules-table adds,
 * after the scores, each rule's hits on annotated sentences, how many were true
 * (matched to a gold triple at the triple level) and false. cli_eval_report() prints
 * the scores and the table for `therex extract --gold`. Owned by the evaluation module.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "eval/score.h"
#include "util/util.h"

#define EXIT_UNREADABLE 1 /* a file could not be read or had a bad line */

static void eval_usage(FILE *out)
{
    fputs("usage: therex eval GOLD PRED [--json] [--show-errors N] [--rules-table]\n"
          "Scores predicted triples (the JSON Lines of therex extract) against a gold file\n"
          "exactly as shared/eval/score.py does: precision, recall and F1 of therapy-\n"
          "condition pairs, therapy-effect pairs and whole triples, and the accuracy of\n"
          "the negated/hedged flags. Only sentence-scope predictions on annotated\n"
          "sentences count.\n\n"
          "  --json            the scores as one JSON object (score.py's keys; with\n"
          "                    --rules-table also \"rules\")\n"
          "  --show-errors N   the first N false hits (FP) and misses (FN), on stderr\n"
          "  --rules-table     after the scores, per rule: hits (its predictions on\n"
          "                    annotated sentences), true (those matched one to one to a\n"
          "                    gold triple by the triple-level matching, i.e. not listed\n"
          "                    as FP), false (hits - true) and precision (true / hits)\n\n"
          "Exit status: 0; 1 when a file cannot be read or has a bad line; 2 on usage\n"
          "errors.\n",
          out);
}

/* score.py prints the accuracies with str(): "1.0", "0.833", or "None". */
static const char *accuracy(char buf[32], const score_result *r, double acc, const char *none)
{
    if (!r->flags_compared)
        return none;
    score_float_repr(buf, acc);
    return buf;
}

static void print_lines(FILE *out, const score_result *r)
{
    for (int k = 0; k < SCORE_NLEVELS; k++) {
        const score_level *l = &r->level[k];
        fprintf(out, "%-7s P %.3f  R %.3f  F1 %.3f   (predicted %zu, gold %zu)\n",
                score_level_names[k], l->precision, l->recall, l->f1, l->predicted, l->gold);
    }
    char neg[32], hed[32];
    fprintf(out, "flags   negated %s  hedged %s   over %zu sentences\n",
            accuracy(neg, r, r->negated_accuracy, "None"),
            accuracy(hed, r, r->hedged_accuracy, "None"), r->sentences);
}

static double rule_precision(const score_rule *u)
{
    return u->hits ? (double)u->correct / (double)u->hits : 0.0;
}

static void print_json_rules(FILE *out, const score_result *r)
{
    fputs(", \"rules\": [", out);
    for (size_t i = 0; i < r->nrules; i++) {
        const score_rule *u = &r->rules[i];
        json_t *id = json_string(u->rule);
        char *quoted = id ? json_dumps(id, JSON_ENCODE_ANY | JSON_ENSURE_ASCII) : NULL;
        char prec[32];
        score_float_repr(prec, score_round3(rule_precision(u)));
        fprintf(out, "%s{\"rule\": %s, \"hits\": %zu, \"true\": %zu, \"false\": %zu, "
                     "\"precision\": %s}",
                i ? ", " : "", quoted ? quoted : "\"\"", u->hits, u->correct,
                u->hits - u->correct, prec);
        free(quoted);
        json_decref(id);
    }
    fputc(']', out);
}

/* json.dumps(result) of score.py: the same keys in the same order and spacing. */
static void print_json(FILE *out, const score_result *r, bool rules)
{
    fputc('{', out);
    for (int k = 0; k < SCORE_NLEVELS; k++) {
        const score_level *l = &r->level[k];
        char p[32], rc[32], f[32];
        score_float_repr(p, l->precision);
        score_float_repr(rc, l->recall);
        score_float_repr(f, l->f1);
        fprintf(out, "%s\"%s\": {\"precision\": %s, \"recall\": %s, \"f1\": %s, "
                     "\"predicted\": %zu, \"gold\": %zu}",
                k ? ", " : "", score_level_names[k], p, rc, f, l->predicted, l->gold);
    }
    char neg[32], hed[32];
    fprintf(out, ", \"negated_accuracy\": %s, \"hedged_accuracy\": %s, \"sentences\": %zu",
            accuracy(neg, r, r->negated_accuracy, "null"),
            accuracy(hed, r, r->hedged_accuracy, "null"), r->sentences);
    if (rules)
        print_json_rules(out, r);
    fputs("}\n", out);
}

/* Rule ids are padded by code points, so non-ASCII ids line up too. */
static void print_rules(FILE *out, const score_result *r)
{
    size_t w = 4;
    for (size_t i = 0; i < r->nrules; i++) {
        size_t n = utf8_count(r->rules[i].rule, strlen(r->rules[i].rule));
        w = n > w ? n : w;
    }
    fprintf(out, "\n%-*s  %5s  %5s  %5s  %9s\n", (int)w, "rule", "hits", "true", "false",
            "precision");
    for (size_t i = 0; i < r->nrules; i++) {
        const score_rule *u = &r->rules[i];
        size_t n = utf8_count(u->rule, strlen(u->rule));
        fprintf(out, "%s%*s  %5zu  %5zu  %5zu  %9.3f\n", u->rule, (int)(w - n), "", u->hits,
                u->correct, u->hits - u->correct, rule_precision(u));
    }
}

static void print_errors(FILE *out, const score_result *r, size_t show)
{
    for (size_t i = 0; i < r->nerrors && i < show; i++)
        fprintf(out, "%s: %s\n    %s\n", r->errors[i].fp ? "FP" : "FN", r->errors[i].desc,
                r->errors[i].text);
}

/* Scores the files, printing any problem with them to stderr; 0 or a THX_E* code. */
static int run_score(score_result *res, const char *gold, const char *pred)
{
    thx_diags diags;
    thx_diags_init(&diags);
    int rc = score_files(res, gold, pred, &diags);
    thx_diags_print(&diags, stderr);
    if (rc == THX_ENOMEM)
        cli_error("out of memory scoring '%s' against '%s'", pred, gold);
    thx_diags_free(&diags);
    return rc;
}

int cli_eval_report(const char *gold, const char *pred, FILE *out)
{
    score_result res;
    int rc = run_score(&res, gold, pred);
    if (rc == 0) {
        print_lines(out, &res);
        print_rules(out, &res);
    }
    score_result_free(&res);
    return rc ? EXIT_UNREADABLE : 0;
}

/* --show-errors N / --show-errors=N: a count from 0; -1 when missing or bad. */
static long show_value(int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    const char *v = a[13] == '=' ? a + 14 : *i + 1 < argc ? argv[++*i] : NULL;
    char *end;
    long n = v && *v >= '0' && *v <= '9' ? strtol(v, &end, 10) : -1;
    if (n < 0 || *end) {
        cli_error("--show-errors takes a count (0 or more)");
        return -1;
    }
    return n;
}

int cmd_eval(int argc, char **argv)
{
    const char *files[2];
    int nfiles = 0;
    bool json = false, table = false;
    long show = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            eval_usage(stdout);
            return 0;
        } else if (!strcmp(a, "--json")) {
            json = true;
        } else if (!strcmp(a, "--rules-table")) {
            table = true;
        } else if (!strcmp(a, "--show-errors") || !strncmp(a, "--show-errors=", 14)) {
            if ((show = show_value(argc, argv, &i)) < 0)
                return EXIT_USAGE;
        } else if ((a[0] == '-' && a[1]) || nfiles == 2) {
            cli_error(a[0] == '-' && a[1] ? "unknown option '%s'" : "unexpected argument '%s'",
                      a);
            eval_usage(stderr);
            return EXIT_USAGE;
        } else {
            files[nfiles++] = a;
        }
    }
    if (nfiles != 2) {
        cli_error("eval needs a gold file and a prediction file");
        eval_usage(stderr);
        return EXIT_USAGE;
    }
    score_result res;
    if (run_score(&res, files[0], files[1])) {
        score_result_free(&res);
        return EXIT_UNREADABLE;
    }
    if (json)
        print_json(stdout, &res, table);
    else
        print_lines(stdout, &res);
    if (table && !json)
        print_rules(stdout, &res);
    /* the scores come first, as score.py's under PYTHONUNBUFFERED or on a terminal */
    fflush(stdout);
    print_errors(stderr, &res, (size_t)show);
    score_result_free(&res);
    return 0;
}
