/*
 * therex check [-q] [-r RULES]... [RULES...]: compiles the rule files (reporting every
 * error) and runs each rule's own tests: an `example` must give exactly the triples
 * listed under it with `=>`, a `counter` must give none. Each rule runs alone on its
 * sentences, with the whole rule set's lexicons and cues. With -r, the rule set is the
 * -r paths and the named ones, and only the named files' rules run. PASS/FAIL per rule
 * (-q: only FAIL), the difference at file:line for each failure (flags included), exit
 * status 1 on any failure. A file checked alone that lacks the lexicons (or macros)
 * its pack defines is told so.
 */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

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

static bool texts_match(const rule_expect *e, const thx_triple *t)
{
    return same_text(e->therapy, &t->therapy) && same_text(e->effect, &t->effect) &&
           same_text(e->condition, &t->condition);
}

static bool expect_matches(const rule_expect *e, const thx_triple *t)
{
    return texts_match(e, t) && flags_ok(e, t);
}

static void describe(FILE *out, const char *what, const thx_triple *t)
{
    fprintf(out, "      %s %s | %s | %s%s%s%s\n", what, t->therapy.norm, t->effect.norm,
            t->condition.text ? t->condition.norm : "-", t->negated ? " (negated)" : "",
            t->hedged ? " (hedged)" : "", t->coref ? " (coref)" : "");
}

/* "negated: expected yes, got no; ..." for the stated flags of e that t does not have. */
static void describe_flags(FILE *out, const rule_expect *e, const thx_triple *t)
{
    const char *names[3] = {"negated", "hedged", "coref"};
    int want[3] = {e->negated, e->hedged, e->coref};
    bool got[3] = {t->negated, t->hedged, t->coref};
    const char *sep = "        the triple given has other flags: ";
    for (int f = 0; f < 3; f++)
        if (want[f] >= 0 && want[f] != got[f]) {
            fprintf(out, "%s%s: expected %s, got %s", sep, names[f], want[f] ? "yes" : "no",
                    got[f] ? "yes" : "no");
            sep = "; ";
        }
    fputc('\n', out);
}

static void describe_expect(FILE *out, const rule_expect *e)
{
    fprintf(out, "      - %s | %s | %s%s%s%s   (expected, %s:%d)\n", e->therapy, e->effect,
            e->condition ? e->condition : "-", e->negated == 1 ? " (negated)" : "",
            e->hedged == 1 ? " (hedged)" : "", e->coref == 1 ? " (coref)" : "", e->loc.file,
            e->loc.line);
}

/* Runs one example; prints what differs; returns true when it passes. */
static bool run_example(FILE *out, const thx_ruleset *rs, size_t ri, const rule_example *ex,
                        match_ctx *m)
{
    m->limits.len = 0;
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
        if (ts.len == 0 && m->limits.len)
            fprintf(out, "        (nothing: the rule gave up at the match limit, which counts "
                         "as no match; therex explain shows where)\n");
        else if (ts.len == 0)
            fprintf(out, "        (nothing)\n");
        for (size_t k = 0; k < ex->nexpects; k++) {
            if (found[k])
                continue;
            describe_expect(out, &ex->expects[k]);
            /* the same triple with other flags: say which flags differ */
            for (size_t j = 0; j < ts.len; j++)
                if (!used[j] && texts_match(&ex->expects[k], &ts.items[j])) {
                    describe_flags(out, &ex->expects[k], &ts.items[j]);
                    break;
                }
        }
    }
    free(used);
    free(found);
    thx_triples_free(&ts);
    return ok;
}

static bool all_files(const char *const *paths, size_t n)
{
    struct stat st;
    for (size_t i = 0; i < n; i++)
        if (stat(paths[i], &st) != 0 || S_ISDIR(st.st_mode))
            return false;
    return n > 0;
}

/* The folder of path ("." when none), for the hint below. */
static void folder_of(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(out, cap, ".");
    else
        snprintf(out, cap, "%.*s", (int)(slash - path) + (slash == path), path);
}

/* Whether folder dir holds a .rules file other than path (a pack the hint can name). */
static bool has_other_rules(const char *dir, const char *path)
{
    DIR *d = opendir(dir);
    if (!d)
        return false;
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    bool found = false;
    for (struct dirent *e; !found && (e = readdir(d)) != NULL;) {
        size_t len = strlen(e->d_name);
        found = len > 6 && !strcmp(e->d_name + len - 6, ".rules") && strcmp(e->d_name, base);
    }
    closedir(d);
    return found;
}

/* Rule files checked alone (without -r): which lexicons (and cues) the rules need that
 * no file named holds, on standard error. */
static void note_missing(const thx_ruleset *rs, const char *const *paths, size_t n)
{
    unsigned need = 0, have = 0;
    bool want_neg = false, want_hedge = false, have_neg = false, have_hedge = false;
    for (size_t i = 0; i < rs->nrules; i++) {
        const rule *r = &rs->rules[i];
        for (size_t k = 0; k < r->npatterns; k++)
            need |= r->patterns[k].need_types;
        for (size_t k = 0; k < r->nexamples; k++)
            for (size_t e = 0; e < r->examples[k].nexpects; e++) {
                want_neg |= r->examples[k].expects[e].negated == 1;
                want_hedge |= r->examples[k].expects[e].hedged == 1;
            }
    }
    for (size_t i = 0; i < rs->lex.nentries; i++)
        if (!rs->lex.entries[i].anaphor && !rs->lex.entries[i].ignore)
            have |= 1u << rs->lex.entries[i].type;
    for (size_t i = 0; i < rs->ncues; i++) {
        have_neg |= rs->cues[i].kind == CUE_NEGATION;
        have_hedge |= rs->cues[i].kind == CUE_HEDGE;
    }
    const char *item[SLOT_NTYPES + 2];
    size_t nitem = 0;
    static const char *const lexicons[SLOT_NTYPES] = {"no therapy lexicon", "no effect lexicon",
                                                      "no condition lexicon"};
    for (int t = 0; t < SLOT_NTYPES; t++)
        if ((need & (1u << t)) && !(have & (1u << t)))
            item[nitem++] = lexicons[t];
    if (want_neg && !have_neg)
        item[nitem++] = "no negation cues";
    if (want_hedge && !have_hedge)
        item[nitem++] = "no hedge cues";
    strbuf lacks;
    sb_init(&lacks);
    for (size_t i = 0; i < nitem; i++)
        sb_printf(&lacks, "%s%s", i == 0 ? "" : i + 1 == nitem ? " and " : ", ", item[i]);
    if (nitem) {
        char dir[PATH_MAX];
        folder_of(paths[0], dir, sizeof dir);
        fprintf(stderr,
                "therex: note: %s %s, so %s examples cannot match: check %s with the pack "
                "that defines them: therex check -r %s %s%s\n",
                n == 1 ? "the rule file named holds" : "the rule files named hold", lacks.ptr,
                n == 1 ? "its" : "their", n == 1 ? "it" : "them", dir, paths[0],
                n > 1 ? " ..." : "");
    }
    sb_free(&lacks);
}

/* Loads rule files named alone as cli_load_rules does; when they use macros that no
 * file named defines, says so and how to check them with their pack. */
static thx_ruleset *load_alone(const char *const *paths, size_t n)
{
    thx_diags diags;
    thx_diags_init(&diags);
    thx_ruleset *rs = thx_ruleset_load(paths, n, &diags);
    thx_diags_print(&diags, stderr);
    size_t errors = thx_diags_count(&diags, THX_SEV_ERROR), unknown = 0;
    if (!rs && errors)
        fprintf(stderr, "therex: %zu error%s in the rule files\n", errors, errors == 1 ? "" : "s");
    else if (!rs)
        cli_error("out of memory loading the rules");
    for (size_t i = 0; !rs && i < diags.len; i++)
        unknown += !strncmp(diags.items[i].message, "unknown macro '", 15);
    char dir[PATH_MAX];
    folder_of(paths[0], dir, sizeof dir);
    if (unknown && has_other_rules(dir, paths[0])) {
        fprintf(stderr, "therex: note: %s checked alone lack%s the macros (and likely the "
                        "lexicons and cues) that other files of %s pack define: check %s with "
                        "the pack: therex check -r %s %s%s\n",
                n == 1 ? paths[0] : "the files", n == 1 ? "s" : "", n == 1 ? "its" : "their",
                n == 1 ? "it" : "them", dir, paths[0], n > 1 ? " ..." : "");
    }
    thx_diags_free(&diags);
    return rs;
}

int cmd_check(int argc, char **argv)
{
    const char *paths[256], *rules[64];
    size_t n = 0, nrules = 0;
    bool quiet = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs("usage: therex check [-q] [-r RULES]... [RULES...]\n"
                  "Compiles the rule files or directories (default: rules/) and runs every\n"
                  "rule's example and counter sentences. Exit status 1 if any fails.\n"
                  "  -r, --rules PATH  rule file or directory loaded with the named ones\n"
                  "                    (repeatable): its lexicons, macros and cues serve,\n"
                  "                    but only the named files' rules run\n"
                  "                    (therex check -r rules rules/treats.rules)\n"
                  "  -q, --quiet       print only the rules that fail (and the count)\n",
                  stdout);
            return 0;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            quiet = true;
        } else if (!strcmp(a, "-r") || !strcmp(a, "--rules")) {
            if (i + 1 >= argc || nrules == sizeof rules / sizeof *rules) {
                cli_error(i + 1 >= argc ? "%s needs a rule path" : "too many %s paths", a);
                return EXIT_USAGE;
            }
            rules[nrules++] = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            cli_error("unknown option '%s' (see therex check --help)", a);
            return EXIT_USAGE;
        } else if (n == sizeof paths / sizeof *paths) {
            cli_error("too many rule paths (at most %zu)", sizeof paths / sizeof *paths);
            return EXIT_USAGE;
        } else {
            paths[n++] = a;
        }
    }
    /* the set loaded: the -r paths, then the named ones */
    const char *load[256 + 64];
    for (size_t i = 0; i < nrules; i++)
        load[i] = rules[i];
    for (size_t i = 0; i < n; i++)
        load[nrules + i] = paths[i];
    bool alone = nrules == 0 && all_files(paths, n);
    thx_ruleset *rs = alone ? load_alone(paths, n) : cli_load_rules(load, nrules + n);
    if (!rs)
        return EXIT_RULES;
    if (alone)
        note_missing(rs, paths, n);
    cli_named named;
    cli_named_init(&named, nrules ? paths : NULL, nrules ? n : 0);
    match_ctx m;
    match_ctx_init(&m);
    size_t passed = 0, failed = 0, examples = 0, ran = 0;
    const char *last_file = NULL;
    bool last_named = true;
    for (size_t i = 0; i < rs->nrules; i++) {
        const rule *r = &rs->rules[i];
        if (named.n) {
            if (r->loc.file != last_file)
                last_named = cli_named_has(&named, r->loc.file);
            last_file = r->loc.file;
            if (!last_named)
                continue;
        }
        ran++;
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
            if (!ok || !quiet)
                printf("%s %s (%s:%d, %zu example%s)\n%s", ok ? "PASS" : "FAIL", r->id,
                       r->loc.file, r->loc.line, r->nexamples, r->nexamples == 1 ? "" : "s",
                       details ? details : "");
            free(details);
        }
        ok ? passed++ : failed++;
    }
    if (!quiet || failed)
        printf("%zu rules, %zu examples: %zu passed, %zu failed\n", ran, examples, passed,
               failed);
    cli_named_free(&named);
    match_ctx_free(&m);
    thx_ruleset_free(rs);
    return failed ? EXIT_SKIPPED : 0;
}
