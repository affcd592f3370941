/*
 * therex extract [options] [PATH...]: reads the corpus files (directories recursively,
 * sorted), extracts triples on N threads and writes them in input order, so the output
 * is byte-identical whatever the number of threads. The result goes to a temporary
 * file renamed over the target at the end: an interrupted run never leaves a truncated
 * result. A bad input file is reported and skipped; the rest is still written, and the
 * exit status says something was skipped. With --gold FILE the written output is then
 * scored against FILE (cli_eval_report(), cmd_eval.c) and the scores go to stderr.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "util/util.h"
#include "walk.h"

#define CHUNK_DOCS 512

typedef struct {
    const char **rules;
    size_t nrules;
    const char **inputs;
    size_t ninputs;
    const char *output;
    int json_array;
    thx_format input_format;
    int jobs;
    int quiet;
    const char *gold; /* --gold: score the output against it (cmd_eval.c) */
} extract_opts;

static void extract_usage(FILE *out)
{
    fputs("usage: therex extract [options] [PATH...]\n"
          "Reads abstracts from files and directories (default: corpus/) and writes\n"
          "therapy-claim triples.\n\n"
          "  -r, --rules PATH         rule file or directory (repeatable; default: rules/)\n"
          "  -o, --output FILE        output file (default: out/triples.jsonl; '-': stdout)\n"
          "  -f, --format FMT         jsonl (one triple a line, default) or json (an array)\n"
          "      --input-format FMT   auto (default), pubmed, jsonl or text\n"
          "  -j, --jobs N             threads (default: the number of cores)\n"
          "  -q, --quiet              no summary on standard error\n"
          "      --gold FILE          then score the output against a gold file and print\n"
          "                           the scores and the rules table (as therex eval\n"
          "                           --rules-table) on standard error\n",
          out);
}

static int need_value(int argc, char **argv, int *i, const char **out)
{
    const char *a = argv[*i];
    const char *eq = strchr(a, '=');
    if (a[1] == '-' && eq) {
        *out = eq + 1;
        return 0;
    }
    if (a[1] != '-' && a[2]) { /* a short option with its value attached: -j2, -oout.jsonl */
        *out = a + 2;
        return 0;
    }
    if (*i + 1 >= argc) {
        cli_error("option '%s' needs a value", a);
        return -1;
    }
    *out = argv[++*i];
    return 0;
}

static bool opt_is(const char *a, const char *s, const char *l)
{
    size_t n = strlen(l);
    return (s && (!strcmp(a, s) || (!strncmp(a, s, 2) && a[2] && a[1] != '-'))) || !strcmp(a, l) ||
           (!strncmp(a, l, n) && a[n] == '=');
}

static int parse_opts(int argc, char **argv, extract_opts *o)
{
    static const char *rules[64], *inputs[4096];
    memset(o, 0, sizeof *o);
    o->rules = rules;
    o->inputs = inputs;
    o->output = "out/triples.jsonl";
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    o->jobs = ncpu > 0 ? (int)ncpu : 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            extract_usage(stdout);
            exit(0);
        } else if (opt_is(a, "-r", "--rules")) {
            if (need_value(argc, argv, &i, &v) || o->nrules == 64)
                return -1;
            rules[o->nrules++] = v;
        } else if (opt_is(a, "-o", "--output")) {
            if (need_value(argc, argv, &i, &o->output))
                return -1;
        } else if (opt_is(a, "-f", "--format")) {
            if (need_value(argc, argv, &i, &v))
                return -1;
            if (strcmp(v, "jsonl") && strcmp(v, "json")) {
                cli_error("unknown output format '%s' (expected jsonl or json)", v);
                return -1;
            }
            o->json_array = !strcmp(v, "json");
        } else if (opt_is(a, NULL, "--input-format")) {
            if (need_value(argc, argv, &i, &v))
                return -1;
            int f = thx_format_from_name(v);
            if (f < 0) {
                cli_error("unknown input format '%s' (expected auto, pubmed, jsonl or text)", v);
                return -1;
            }
            o->input_format = (thx_format)f;
        } else if (opt_is(a, "-j", "--jobs")) {
            if (need_value(argc, argv, &i, &v))
                return -1;
            char *end;
            long j = strtol(v, &end, 10);
            if (*end || j < 1 || j > 256) {
                cli_error("--jobs takes a number from 1 to 256");
                return -1;
            }
            o->jobs = (int)j;
        } else if (opt_is(a, NULL, "--gold")) {
            if (need_value(argc, argv, &i, &o->gold))
                return -1;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            o->quiet = 1;
        } else if (a[0] == '-' && a[1]) {
            cli_error("unknown option '%s'", a);
            return -1;
        } else if (o->ninputs < 4096) {
            inputs[o->ninputs++] = a;
        } else {
            cli_error("too many input paths (4096 at most; name a directory instead)");
            return -1;
        }
    }
    if (o->ninputs == 0)
        inputs[o->ninputs++] = "corpus";
    if (o->gold && (!strcmp(o->output, "-") || o->json_array)) {
        cli_error("--gold needs an output file in JSON Lines (not '-' or -f json)");
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ output */

typedef struct {
    FILE *f;
    char *final_path;
    char *tmp_path;
    size_t written;
    int json_array;
} sink;

static int mkdirs_for(const char *path)
{
    char *dir = xstrdup(path);
    if (!dir)
        return -1;
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(dir, 0777) && errno != EEXIST) {
            free(dir);
            return -1;
        }
        *p = '/';
    }
    free(dir);
    return 0;
}

static int sink_open(sink *s, const char *path, int json_array)
{
    memset(s, 0, sizeof *s);
    s->json_array = json_array;
    if (!strcmp(path, "-")) {
        s->f = stdout;
    } else {
        if (mkdirs_for(path))
            return -1;
        strbuf tmp;
        sb_init(&tmp);
        sb_printf(&tmp, "%s.tmp.XXXXXX", path);
        int fd = tmp.ptr ? mkstemp(tmp.ptr) : -1;
        if (fd < 0 || !(s->f = fdopen(fd, "w"))) {
            sb_free(&tmp);
            return -1;
        }
        s->tmp_path = sb_take(&tmp);
        s->final_path = xstrdup(path);
    }
    if (json_array)
        fputs("[", s->f);
    return 0;
}

static void sink_put(sink *s, const char *json)
{
    if (s->json_array)
        fputs(s->written ? ",\n" : "\n", s->f);
    fputs(json, s->f);
    if (!s->json_array)
        fputc('\n', s->f);
    s->written++;
}

/* Finishes the output; renames the temporary file into place. */
static int sink_close(sink *s, bool keep)
{
    if (s->json_array)
        fputs(s->written ? "\n]\n" : "]\n", s->f);
    int rc = 0;
    if (s->f == stdout) {
        rc = fflush(stdout) ? -1 : 0;
    } else {
        rc = fflush(s->f) || fsync(fileno(s->f)) ? -1 : 0;
        rc |= fclose(s->f) ? -1 : 0;
        if (rc == 0 && keep)
            rc = rename(s->tmp_path, s->final_path) ? -1 : 0;
        else
            unlink(s->tmp_path);
    }
    free(s->tmp_path);
    free(s->final_path);
    return rc;
}

/* ------------------------------------------------------------------ parallel work */

typedef struct {
    const thx_ruleset *rs;
    thx_docs *docs;
    char **results; /* per document: its JSON lines, joined by '\n' */
    thx_diags *warnings; /* per document: rules that gave up at the match limits */
    size_t next;
    int failed;
    pthread_mutex_t lock;
} work;

static char *doc_lines(thx_extractor *ex, const thx_doc *doc, size_t *ntriples,
                       thx_diags *warnings)
{
    thx_triples ts;
    thx_triples_init(&ts);
    strbuf b;
    sb_init(&b);
    int rc = thx_extractor_run_diags(ex, &ts, doc, warnings);
    for (size_t i = 0; rc == 0 && i < ts.len; i++) {
        char *j = thx_triple_to_json(&ts.items[i], doc);
        if (!j || (b.len && sb_putc(&b, '\n')) || sb_puts(&b, j))
            rc = THX_ENOMEM;
        free(j);
    }
    *ntriples = ts.len;
    thx_triples_free(&ts);
    if (rc) {
        sb_free(&b);
        return NULL;
    }
    return sb_take(&b);
}

static void *worker(void *arg)
{
    work *w = arg;
    thx_extractor *ex = thx_extractor_new(w->rs);
    for (;;) {
        pthread_mutex_lock(&w->lock);
        size_t i = w->next++;
        pthread_mutex_unlock(&w->lock);
        if (i >= w->docs->len) {
            thx_extractor_free(ex);
            return NULL;
        }
        size_t n;
        w->results[i] = ex ? doc_lines(ex, &w->docs->items[i], &n, &w->warnings[i]) : NULL;
        if (!w->results[i]) {
            pthread_mutex_lock(&w->lock);
            w->failed = 1;
            pthread_mutex_unlock(&w->lock);
        }
    }
}

/* Extracts a chunk of documents on `jobs` threads and writes them in order. */
static int run_chunk(const thx_ruleset *rs, thx_docs *docs, int jobs, sink *out, size_t *nwarn)
{
    work w = {rs, docs, calloc(docs->len + 1, sizeof(char *)),
              calloc(docs->len + 1, sizeof(thx_diags)), 0, 0, PTHREAD_MUTEX_INITIALIZER};
    if (!w.results || !w.warnings) {
        free(w.results);
        free(w.warnings);
        return -1;
    }
    pthread_t th[256];
    int started = 0;
    int want = jobs < (int)docs->len ? jobs : (int)docs->len;
    for (int t = 1; t < want; t++)
        if (pthread_create(&th[started], NULL, worker, &w) == 0)
            started++;
    worker(&w);
    for (int t = 0; t < started; t++)
        pthread_join(th[t], NULL);
    for (size_t i = 0; i < docs->len; i++) {
        if (w.results[i] && *w.results[i]) {
            /* a document's lines are one string; split for the array format */
            char *line = w.results[i];
            for (char *nl; (nl = strchr(line, '\n')); line = nl + 1) {
                *nl = '\0';
                sink_put(out, line);
            }
            sink_put(out, line);
        }
        free(w.results[i]);
        thx_diags_print(&w.warnings[i], stderr); /* in input order, whatever the threads */
        *nwarn += w.warnings[i].len;
        thx_diags_free(&w.warnings[i]);
    }
    free(w.results);
    free(w.warnings);
    pthread_mutex_destroy(&w.lock);
    return w.failed ? -1 : 0;
}

/* ------------------------------------------------------------------ the command */

static int read_one(const walk_entry *e, thx_format fmt, thx_docs *docs, size_t *bad)
{
    thx_diags diags;
    thx_diags_init(&diags);
    size_t before = docs->len;
    int rc = thx_read_file(docs, e->path, e->source, fmt, &diags);
    thx_diags_print(&diags, stderr);
    if (rc != 0 || thx_diags_count(&diags, THX_SEV_ERROR))
        (*bad)++;
    thx_diags_free(&diags);
    /* doc.source names the file as the user reaches it */
    for (size_t i = before; i < docs->len; i++) {
        free(docs->items[i].source);
        docs->items[i].source = xstrdup(e->path);
    }
    return rc == THX_ENOMEM ? -1 : 0;
}

int cmd_extract(int argc, char **argv)
{
    extract_opts o;
    if (parse_opts(argc, argv, &o)) {
        extract_usage(stderr);
        return EXIT_USAGE;
    }
    thx_ruleset *rs = cli_load_rules(o.rules, o.nrules);
    if (!rs)
        return EXIT_RULES;
    thx_diags diags;
    thx_diags_init(&diags);
    walk_list files;
    walk_list_init(&files);
    int wrc = walk_paths(o.inputs, o.ninputs, &files, &diags);
    thx_diags_print(&diags, stderr);
    size_t bad = thx_diags_count(&diags, THX_SEV_ERROR), ndocs = 0, nwarn = 0;
    thx_diags_free(&diags);
    sink out;
    int status = wrc == THX_ENOMEM ? EXIT_OUTPUT : 0;
    if (sink_open(&out, o.output, o.json_array)) {
        cli_error("cannot write '%s': %s", o.output, strerror(errno));
        walk_list_free(&files);
        thx_ruleset_free(rs);
        return EXIT_OUTPUT;
    }
    thx_docs docs;
    thx_docs_init(&docs);
    for (size_t i = 0; i < files.len && status == 0; i++) {
        if (read_one(&files.items[i], o.input_format, &docs, &bad))
            status = EXIT_OUTPUT;
        if (docs.len >= CHUNK_DOCS || i + 1 == files.len) {
            ndocs += docs.len;
            if (run_chunk(rs, &docs, o.jobs, &out, &nwarn))
                status = EXIT_OUTPUT;
            thx_docs_free(&docs);
        }
    }
    thx_docs_free(&docs);
    size_t written = out.written;
    if (sink_close(&out, status == 0)) {
        cli_error("cannot write '%s': %s", o.output, strerror(errno));
        status = EXIT_OUTPUT;
    }
    char warned[96] = ""; /* rules that gave up at the match limits on some document */
    if (nwarn)
        snprintf(warned, sizeof warned, " (%zu match-limit warning%s: see above)", nwarn,
                 nwarn == 1 ? "" : "s");
    if (!o.quiet)
        fprintf(stderr, "therex: %zu file%s, %zu document%s, %zu triple%s -> %s%s%s\n", files.len,
                files.len == 1 ? "" : "s", ndocs, ndocs == 1 ? "" : "s", written,
                written == 1 ? "" : "s", o.output, warned,
                bad ? " (some input was skipped: see the messages above)" : "");
    if (o.gold && status == 0 && cli_eval_report(o.gold, o.output, stderr))
        status = EXIT_SKIPPED;
    walk_list_free(&files);
    thx_ruleset_free(rs);
    if (status)
        return status;
    return bad ? EXIT_SKIPPED : 0;
}
