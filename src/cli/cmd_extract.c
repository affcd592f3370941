/*
 * therex extract [options] [PATH...]: reads the corpus files (directories recursively,
 * sorted; '-' standard input), extracts triples on N threads and writes them in input
 * order, so the output is byte-identical whatever the number of threads. Where and how
 * the output is written (a temporary file renamed over a regular file, devices and
 * FIFOs written in place, nothing left behind on failure or signal) is sink.c's. A
 * missing input path is a usage error found before any work; a bad input file is
 * reported and skipped, the rest is still written, and the exit status says something
 * was skipped. The output is JSON Lines, a JSON array, CSV or TSV rows (sink.c), or
 * with -f neo4j, --db or --pg a graph folder or database (records.c). Documents without
 * an id of their own are named relative to --root (doc_ids.c). The summary line is
 * printed only when the output was written. With --gold FILE the written output is
 * then scored against FILE (cli_eval_report(), cmd_eval.c) and the scores go to
 * stderr. Exit codes: README "Exit codes".
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "doc_ids.h"
#include "records.h"
#include "sink.h"
#include "feed.h"
#include "pool.h"
#include "supersede.h"
#include "util/util.h"
#include "walk.h"

#define CHUNK_DOCS 512
#define FORMAT_NEO4J 100

typedef struct {
    const char **rules;
    size_t nrules;
    const char **inputs;
    size_t ninputs;
    const char *output;
    bool output_given; /* -o named: --db and --pg take none */
    int format;        /* SINK_* of sink.h, or FORMAT_NEO4J */
    recs_kind records; /* -f neo4j, --db, --pg: a sink of records (records.h) */
    const char *records_target;
    feed_opts feed; /* --input-format, --shard */
    int jobs;
    int quiet;
    int progress;  /* --progress 1, --quiet -1 (unless --progress), else 0: a terminal */
    int no_cache;  /* --no-cache: load the rules from their text, write no cache */
    unsigned flags;   /* THX_EXTRACT_*: --harms */
    const char *gold; /* --gold: score the output against it (cmd_eval.c) */
    double min_conf;  /* --min-confidence: triples below it are not written */
    const char *root; /* --root: the corpus root of document ids (doc_ids.h) */
    const char *deleted; /* --deleted: where the DeleteCitation PMIDs go (NULL: default) */
} extract_opts;

static void extract_usage(FILE *out)
{
    fputs("usage: therex extract [options] [PATH...]\n"
          "Reads abstracts from files and directories (default: corpus/) and writes\n"
          "therapy-claim triples.\n\n"
          "  -r, --rules PATH         rule file or directory (repeatable; default: rules/)\n"
          "  -o, --output FILE        output file (default: out/triples.jsonl; '-': stdout)\n"
          "  -f, --format FMT         jsonl (one triple a line, default), json (an array),\n"
          "                           csv or tsv (one row a triple), or neo4j (-o names a\n"
          "                           folder, default out/neo4j: node and relationship\n"
          "                           files for neo4j-admin import)\n"
          "      --db FILE            write the triples into the SQLite database FILE\n"
          "                           (made if missing; upserted by triple id) instead of -o\n"
          "      --pg CONNINFO        the same into PostgreSQL (\"postgresql://...\")\n"
          "      --input-format FMT   auto (default), xml (PubMed XML), medline, pubmed\n"
          "                           (PubMed text), jsonl or text\n"
          "      --shard K/N          only shard K (1 to N) of N: the files by a hash of\n"
          "                           their name, or, for one input file, its documents\n"
          "                           by a hash of their id\n"
          "      --deleted FILE       where the PMIDs of PubMed XML DeleteCitation go, one a\n"
          "                           line (default: the output's name + .deleted)\n"
          "  -j, --jobs N             threads (default: the number of cores)\n"
          "  -q, --quiet              no summary (and no progress line) on standard error\n"
          "      --progress           a progress line on standard error (the default when\n"
          "                           it is a terminal, unless -q)\n"
          "      --no-cache           compile the rules from their text, without the cache\n"
          "                           of compiled packs ($XDG_CACHE_HOME/therex or\n"
          "                           ~/.cache/therex)\n"
          "      --harms              also write the harms the abstracts state (predicate\n"
          "                           biolink:causes: \"cisplatin-induced nephrotoxicity\")\n"
          "      --min-confidence X   write only triples whose confidence is at least X\n"
          "                           (0 to 1; each rule's measured precision, see README\n"
          "                           \"Confidence\" for the precision/recall it buys)\n"
          "      --gold FILE          then score the output against a gold file and print\n"
          "                           the scores and the rules table (as therex eval\n"
          "                           --rules-table) on standard error\n"
          "      --root DIR           name documents without an id or PMID of their own by\n"
          "                           their path relative to DIR (default: the current\n"
          "                           folder), however the path was spelled\n"
          "  -h, --help               this help\n\n"
          "PATH '-' is standard input. A regular output file is replaced when the run\n"
          "succeeds (its mode kept); a device or FIFO is written in place; a symbolic link\n"
          "is kept and its target replaced. A directory walk skips the output file.\n\n"
          "exit status:\n"
          "  0      every input was read and the output written\n"
          "  1      some input was bad and skipped (reported); the rest was written\n"
          "  2      usage error (bad option, missing input path); nothing was written\n"
          "  3      the rule files have errors; nothing was written\n"
          "  4      the output could not be written (a regular file is left as it was)\n"
          "  128+N  interrupted by signal N (130 SIGINT, 143 SIGTERM, 129 SIGHUP); no\n"
          "         temporary file is left, a regular file is left as it was\n",
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
    o->root = ".";
    o->feed.chunk_docs = CHUNK_DOCS;
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
            o->output_given = true;
        } else if (opt_is(a, "-f", "--format")) {
            static const char *const names[] = {"jsonl", "json", "csv", "tsv", "neo4j"};
            static const int formats[] = {SINK_JSONL, SINK_JSON, SINK_CSV, SINK_TSV, FORMAT_NEO4J};
            if (need_value(argc, argv, &i, &v))
                return -1;
            size_t k = 0;
            while (k < 5 && strcmp(v, names[k]))
                k++;
            if (k == 5) {
                cli_error("unknown output format '%s' (expected jsonl, json, csv, tsv or neo4j)", v);
                return -1;
            }
            o->format = formats[k];
        } else if (opt_is(a, NULL, "--db") || opt_is(a, NULL, "--pg")) {
            if (o->records) {
                cli_error("--db and --pg name one database; give one of them once");
                return -1;
            }
            o->records = !strncmp(a, "--db", 4) ? RECS_SQLITE : RECS_PG;
            if (need_value(argc, argv, &i, &o->records_target))
                return -1;
        } else if (opt_is(a, NULL, "--input-format")) {
            if (need_value(argc, argv, &i, &v))
                return -1;
            int f = thx_format_from_name(v);
            if (f < 0) {
                cli_error("unknown input format '%s' (expected auto, xml, medline, pubmed, jsonl "
                          "or text)", v);
                return -1;
            }
            o->feed.input_format = (thx_format)f;
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
        } else if (opt_is(a, NULL, "--min-confidence")) {
            if (need_value(argc, argv, &i, &v))
                return -1;
            char *end;
            double c = strtod(v, &end);
            if (end == v || *end || !(c >= 0 && c <= 1)) {
                cli_error("--min-confidence takes a number from 0 to 1, not '%s'", v);
                return -1;
            }
            o->min_conf = c;
        } else if (opt_is(a, NULL, "--root")) {
            if (need_value(argc, argv, &i, &o->root))
                return -1;
        } else if (opt_is(a, NULL, "--deleted")) {
            if (need_value(argc, argv, &i, &o->deleted))
                return -1;
            if (!*o->deleted) {
                cli_error("--deleted needs a file name");
                return -1;
            }
        } else if (opt_is(a, NULL, "--shard")) {
            if (need_value(argc, argv, &i, &v))
                return -1;
            unsigned k, n;
            char extra;
            if (sscanf(v, "%u/%u%c", &k, &n, &extra) != 2 || n < 1 || n > 1000000 || k < 1 ||
                k > n) {
                cli_error("--shard takes K/N with 1 <= K <= N (shard K of N), not '%s'", v);
                return -1;
            }
            o->feed.shard = k;
            o->feed.nshards = n;
        } else if (opt_is(a, NULL, "--gold")) {
            if (need_value(argc, argv, &i, &o->gold))
                return -1;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            o->quiet = 1;
        } else if (!strcmp(a, "--no-cache")) {
            o->no_cache = 1;
        } else if (!strcmp(a, "--progress")) {
            o->progress = 1;
        } else if (!strcmp(a, "--harms")) {
            o->flags |= THX_EXTRACT_HARMS;
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
    size_t n = strlen(o->output);
    if (n == 0) {
        cli_error("-o needs a file name ('-' for standard output)");
        return -1;
    }
    if (o->output[n - 1] == '/' && o->format != FORMAT_NEO4J) {
        cli_error("-o '%s' names a folder; give the output file's name", o->output);
        return -1;
    }
    if (o->records && (o->output_given || o->format)) {
        cli_error("%s writes a database: it takes no -o or -f", o->records == RECS_PG ? "--pg" : "--db");
        return -1;
    }
    if (o->format == FORMAT_NEO4J) {
        o->records = RECS_NEO4J;
        o->records_target = o->output_given ? o->output : "out/neo4j";
    }
    if (o->records == RECS_NEO4J && !strcmp(o->records_target, "-")) {
        cli_error("-f neo4j writes several files: -o names their folder, not '-'");
        return -1;
    }
    if (o->records && !*o->records_target) {
        cli_error("--db, --pg and -f neo4j -o need a name");
        return -1;
    }
    if (o->gold && (!strcmp(o->output, "-") || o->format || o->records)) {
        cli_error("--gold needs an output file in JSON Lines (not '-', -f, --db or --pg)");
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ parallel work */

/* What a run counts besides the triples written, for the summary. */
typedef struct {
    size_t dropped; /* triples below --min-confidence, left out */
    size_t nwarn;   /* match-limit warnings printed */
    supersede sup;  /* the PMIDs written, for the newest version to win */
    int failed;     /* out of memory noting them */
    int read_xml;   /* some input was PubMed XML (which may hold DeleteCitation) */
} run_counts;

/* Extracts a chunk of documents on the pool's threads and writes them in order: 0, or
 * -1 when out of memory (a write error stays in out->err). */
static int run_chunk(pool *p, thx_docs *docs, sink *out, run_counts *counts)
{
    char **results = calloc(docs->len + 1, sizeof(char *));
    thx_diags *warnings = calloc(docs->len + 1, sizeof(thx_diags));
    if (!results || !warnings) {
        free(results);
        free(warnings);
        return -1;
    }
    pool_run(p, docs, results, warnings);
    for (size_t i = 0; i < docs->len; i++) {
        size_t nlines = 0;
        sink_begin_document(out, docs->items[i].id);
        if (results[i] && *results[i]) {
            /* a document's lines are one string; split for the array format */
            char *line = results[i];
            for (char *nl; (nl = strchr(line, '\n')); line = nl + 1) {
                *nl = '\0';
                sink_put(out, line);
                nlines++;
            }
            sink_put(out, line);
            nlines++;
        }
        if (supersede_note(&counts->sup, &docs->items[i], nlines))
            counts->failed = 1;
        free(results[i]);
        flockfile(stderr);
        thx_diags_print(&warnings[i], stderr); /* in input order, whatever the threads */
        funlockfile(stderr);
        counts->nwarn += warnings[i].len;
        thx_diags_free(&warnings[i]);
    }
    free(results);
    free(warnings);
    counts->dropped += p->dropped;
    return p->failed || counts->failed ? -1 : 0;
}

/* ------------------------------------------------------------------ the command */

static void output_error(const char *path, int err)
{
    if (!strcmp(path, "-"))
        cli_error("cannot write to standard output: %s", strerror(err));
    else
        cli_error("cannot write '%s': %s", path, strerror(err));
}

/* Reads the files (feed.c, on its own thread) and writes their triples, a chunk at a
 * time. The DeleteCitation PMIDs read go to *deleted. Returns 0, or EXIT_OUTPUT after a
 * failure (reported here, except a write error, which stays in out->err). */
static int extract_all(const extract_opts *o, const thx_ruleset *rs, const walk_list *files,
                       sink *out, str_vec *deleted, size_t *bad, size_t *ndocs,
                       run_counts *counts)
{
    progress p;
    progress_init(&p, o->progress == 1 || (o->progress == 0 && !o->quiet &&
                                            isatty(STDERR_FILENO) == 1),
                  files);
    pool workers;
    pool_start(&workers, rs, o->flags, o->min_conf, o->jobs);
    feeder f;
    int status = feeder_start(&f, &o->feed, files, deleted) ? EXIT_OUTPUT : 0;
    thx_docs docs;
    while (feeder_next(&f, &docs)) {
        if (status == 0 && !out->err) {
            *ndocs += docs.len;
            if (run_chunk(&workers, &docs, out, counts))
                status = EXIT_OUTPUT;
        }
        thx_docs_free(&docs);
        if (status || out->err)
            feeder_stop(&f);
        progress_show(&p, &f, files->len, *ndocs, out->written, false);
    }
    feeder_finish(&f);
    pool_stop(&workers);
    progress_show(&p, &f, files->len, *ndocs, out->written, true);
    *bad += f.bad;
    counts->read_xml = f.read_xml;
    if (f.status)
        status = EXIT_OUTPUT;
    if (status)
        cli_error("out of memory");
    return status;
}

/* The newest version of each PMID wins (supersede.h): the earlier versions' triples are
 * taken out of a regular JSON Lines output; elsewhere a note says they remain. Returns
 * 0, or -1 after an error (reported). */
static int newest_wins(const extract_opts *o, sink *out, supersede *sup)
{
    if (!sup->versions)
        return 0;
    if (!out->tmp_path || o->format != SINK_JSONL) {
        if (!o->quiet)
            fprintf(stderr, "therex: note: %zu document%s repeated a PMID read before; the "
                            "output holds the triples of every version (only a JSON Lines "
                            "file is filtered to the newest)\n",
                    sup->versions, sup->versions == 1 ? "" : "s");
        return 0;
    }
    size_t removed = 0;
    int err = supersede_apply(sup, out->f, out->tmp_path, &removed);
    if (err) {
        output_error(o->output, err);
        return -1;
    }
    out->written -= removed;
    if (!o->quiet)
        fprintf(stderr, "therex: %zu document%s replaced an earlier version of the same PMID "
                        "(%zu triple%s of earlier versions left out)\n",
                sup->versions, sup->versions == 1 ? "" : "s", removed, removed == 1 ? "" : "s");
    return 0;
}

/* In a database the newest version of a PMID has replaced the earlier ones already
 * (thx_store_replace_document at each document); the DeleteCitation PMIDs' documents go
 * from it. Says what it did. Returns 0, or -1 after an error (reported). */
static int db_versions_and_deletions(const extract_opts *o, recs *db, const supersede *sup,
                                     const str_vec *deleted)
{
    for (size_t i = 0; i < deleted->len; i++)
        if (recs_delete_document(db, deleted->items[i]))
            return -1;
    if (!o->quiet && sup->versions)
        fprintf(stderr, "therex: %zu document%s replaced an earlier version of the same PMID "
                        "in %s\n",
                sup->versions, sup->versions == 1 ? "" : "s", recs_name(db));
    if (!o->quiet && deleted->len)
        fprintf(stderr, "therex: %zu PMID%s of DeleteCitation taken out of %s\n", deleted->len,
                deleted->len == 1 ? "" : "s", recs_name(db));
    return 0;
}

/* Writes the DeleteCitation PMIDs, one a line in input order, to --deleted FILE, else
 * (when the run read PubMed XML) to the output's name + ".deleted", a name no directory
 * walk reads, so that a rerun replaces it; with -o - and no --deleted they are only
 * counted in a note. Returns 0, or -1 after an error (reported). */
static int write_deleted(const extract_opts *o, const str_vec *deleted)
{
    strbuf path;
    sb_init(&path);
    if (o->deleted ? sb_puts(&path, o->deleted)
                   : strcmp(o->output, "-") ? sb_printf(&path, "%s.deleted", o->output) : 0) {
        cli_error("out of memory");
        return -1;
    }
    if (!path.len) {
        if (deleted->len)
            fprintf(stderr, "therex: note: %zu PMID%s of DeleteCitation not written (give "
                        "--deleted FILE)\n", deleted->len, deleted->len == 1 ? "" : "s");
        sb_free(&path);
        return 0;
    }
    strbuf tmp;
    sb_init(&tmp);
    int err = sb_printf(&tmp, "%s.tmp", path.ptr) ? ENOMEM : 0;
    FILE *f = err ? NULL : fopen(tmp.ptr, "w");
    if (!err && !f)
        err = errno;
    for (size_t i = 0; f && i < deleted->len; i++)
        fprintf(f, "%s\n", deleted->items[i]);
    if (f && (fflush(f) != 0 || ferror(f)))
        err = errno ? errno : EIO;
    if (f && fclose(f) != 0 && !err)
        err = errno;
    if (!err && rename(tmp.ptr, path.ptr) != 0)
        err = errno;
    if (err) {
        if (f)
            unlink(tmp.ptr);
        cli_error("cannot write '%s': %s", path.ptr, strerror(err));
    } else if (!o->quiet) {
        fprintf(stderr, "therex: %zu PMID%s of DeleteCitation -> %s\n", deleted->len,
                deleted->len == 1 ? "" : "s", path.ptr);
    }
    sb_free(&tmp);
    sb_free(&path);
    return err ? -1 : 0;
}

int cmd_extract(int argc, char **argv)
{
    extract_opts o;
    if (parse_opts(argc, argv, &o)) {
        extract_usage(stderr);
        return EXIT_USAGE;
    }
    /* a mistyped input path is a usage error, found before anything is read or written */
    thx_diags diags;
    thx_diags_init(&diags);
    size_t missing = walk_missing(o.inputs, o.ninputs, &diags);
    thx_diags_print(&diags, stderr);
    thx_diags_free(&diags);
    if (missing)
        return EXIT_USAGE;
    char *root = doc_ids_root(o.root);
    if (!root) {
        cli_error("--root '%s': %s", o.root, strerror(errno));
        extract_usage(stderr);
        return EXIT_USAGE;
    }
    thx_ruleset *rs = cli_load_rules_cached(o.rules, o.nrules, !o.no_cache);
    if (!rs) {
        free(root);
        return EXIT_RULES;
    }
    walk_skip skip = {false, 0, 0};
    skip.set = sink_identity(o.output, &skip.dev, &skip.ino);
    thx_diags_init(&diags);
    walk_list files;
    walk_list_init(&files);
    int wrc = walk_paths(o.inputs, o.ninputs, &skip, &files, &diags);
    if (wrc != THX_ENOMEM && doc_ids_rebase(&files, root))
        wrc = THX_ENOMEM;
    free(root);
    if (o.feed.nshards)
        feed_shard_files(&o.feed, &files);
    thx_diags_print(&diags, stderr);
    size_t bad = thx_diags_count(&diags, THX_SEV_ERROR), ndocs = 0;
    run_counts counts = {0, 0, {0}, 0, 0};
    supersede_init(&counts.sup);
    str_vec deleted = {0};
    thx_diags_free(&diags);
    sink out;
    recs db; /* -f neo4j, --db, --pg */
    int status = 0, err = 0;
    const char *dest = o.records ? o.records_target : o.output;
    if (wrc == THX_ENOMEM) {
        cli_error("out of memory");
        status = EXIT_OUTPUT;
    } else if (o.records ? recs_open(&db, o.records, o.records_target) != 0
                         : (err = sink_open(&out, o.output, o.format)) != 0) {
        if (!o.records)
            output_error(o.output, err);
        status = EXIT_OUTPUT;
    } else {
        if (o.records) {
            sink_open_records(&out, recs_put_json, recs_begin_document, &db);
            dest = recs_name(&db);
        }
        status = extract_all(&o, rs, &files, &out, &deleted, &bad, &ndocs, &counts);
        if (status == 0 && !out.err && !o.records && newest_wins(&o, &out, &counts.sup))
            status = EXIT_OUTPUT;
        if (status == 0 && !out.err && o.records && o.records != RECS_NEO4J &&
            db_versions_and_deletions(&o, &db, &counts.sup, &deleted))
            status = EXIT_OUTPUT;
        if (o.records ? recs_close(&db, status == 0 && !out.err) != 0 && status == 0
                      : (err = sink_close(&out, status == 0)) != 0 && status == 0) {
            if (!o.records)
                output_error(o.output, err);
            status = EXIT_OUTPUT;
        }
        if (status == 0 && (deleted.len || o.deleted || counts.read_xml) &&
            write_deleted(&o, &deleted))
            status = EXIT_OUTPUT;
    }
    char warned[96] = ""; /* rules that gave up at the match limits on some document */
    if (counts.nwarn)
        snprintf(warned, sizeof warned, " (%zu match-limit warning%s: see above)", counts.nwarn,
                 counts.nwarn == 1 ? "" : "s");
    /* the summary only when the output was written */
    if (!o.quiet && status == 0)
        fprintf(stderr, "therex: %zu file%s, %zu document%s, %zu triple%s -> %s%s%s\n",
                files.len, files.len == 1 ? "" : "s", ndocs, ndocs == 1 ? "" : "s", out.written,
                out.written == 1 ? "" : "s", dest, warned,
                bad ? " (some input was skipped: see the messages above)" : "");
    if (!o.quiet && status == 0 && o.min_conf > 0)
        fprintf(stderr, "therex: %zu triple%s below --min-confidence %g left out\n",
                counts.dropped, counts.dropped == 1 ? "" : "s", o.min_conf);
    if (o.gold && status == 0 && cli_eval_report(o.gold, o.output, stderr))
        status = EXIT_SKIPPED;
    str_vec_free(&deleted);
    supersede_free(&counts.sup);
    walk_list_free(&files);
    thx_ruleset_free(rs);
    if (status)
        return status;
    return bad ? EXIT_SKIPPED : 0;
}
