/*
 * therex load [FILE...] --db FILE | --pg CONNINFO: reads triple records (JSON Lines,
 * schema therex.triple/1, as extract writes them; '-' standard input; default
 * out/triples.jsonl) and writes them into the normalised tables of a SQLite database
 * or PostgreSQL (README "Databases"), each an upsert keyed by the triple id, so loading
 * twice changes no count. A line that is not a triple record is reported as
 * path:line:col: error: ... (the first 50 of a file, then a count) and skipped; the
 * others are loaded. Exit status: 0 all loaded, 1 some line or file skipped, 2 usage
 * error, 4 the database could not be opened or written (the open batch is rolled
 * back).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "records.h"

#define MAX_REPORTED 50

static const char load_usage[] =
    "usage: therex load [FILE...] (--db FILE | --pg CONNINFO) [-q]\n"
    "Loads triple records (JSON Lines, as therex extract writes them; default\n"
    "out/triples.jsonl; '-' standard input) into normalised database tables: documents,\n"
    "sentences, triples, cues, evidence, rules, therapies, conditions, schema_version.\n"
    "Every row is upserted by its key (the triple id, ...): loading twice adds nothing;\n"
    "a document's records replace the rows it had (they are expected together, as\n"
    "extract writes them).\n\n"
    "      --db FILE            a SQLite database file (made if missing)\n"
    "      --pg CONNINFO        a PostgreSQL connection string (\"postgresql://user@host/db\")\n"
    "  -q, --quiet              no summary on standard error\n"
    "  -h, --help               this help\n\n"
    "exit status:\n"
    "  0      every record was loaded\n"
    "  1      some line or file was bad and skipped (reported as path:line:col); the\n"
    "         rest was loaded\n"
    "  2      usage error; nothing was loaded\n"
    "  4      the database could not be opened or written (the open batch is rolled back)\n";

typedef struct {
    size_t lines, loaded, bad, files_bad;
} load_counts;

/* Loads one file: 0, or -1 when the database failed. */
static int load_file(recs *db, const char *path, load_counts *c)
{
    bool is_stdin = !strcmp(path, "-");
    const char *name = is_stdin ? "<stdin>" : path;
    FILE *f = is_stdin ? stdin : fopen(path, "r");
    if (!f) {
        fprintf(stderr, "%s: error: cannot open: %s\n", name, strerror(errno));
        c->files_bad++;
        return 0;
    }
    char *line = NULL;
    size_t cap = 0, bad_here = 0;
    ssize_t n;
    int lineno = 0, rc = 0;
    while (rc == 0 && (n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        size_t blank = strspn(line, " \t");
        if ((size_t)n == blank)
            continue;
        c->lines++;
        thx_diags d;
        thx_diags_init(&d);
        thx_rec r;
        int prc = thx_rec_parse(&r, line, (size_t)n, name, lineno, &d);
        if (prc == 0) {
            rc = recs_add(db, &r);
            thx_rec_free(&r);
            c->loaded += rc == 0;
        } else if (prc == THX_ENOMEM) {
            cli_error("out of memory");
            rc = -1;
        } else {
            c->bad++;
            if (++bad_here <= MAX_REPORTED)
                thx_diags_print(&d, stderr);
        }
        thx_diags_free(&d);
    }
    if (rc == 0 && ferror(f)) {
        fprintf(stderr, "%s: error: cannot read: %s\n", name, strerror(errno));
        c->files_bad++;
    }
    if (bad_here > MAX_REPORTED)
        fprintf(stderr, "%s: note: %zu more bad lines not shown (%zu in all)\n", name,
                bad_here - MAX_REPORTED, bad_here);
    free(line);
    if (!is_stdin)
        fclose(f);
    return rc;
}

int cmd_load(int argc, char **argv)
{
    static const char *files[4096];
    size_t nfiles = 0;
    recs_kind kind = RECS_NONE;
    const char *target = NULL;
    bool quiet = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(load_usage, stdout);
            return 0;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            quiet = true;
        } else if (!strncmp(a, "--db", 4) || !strncmp(a, "--pg", 4)) {
            const char *eq = a[4] == '=' ? a + 5 : NULL;
            if (a[4] && !eq) {
                cli_error("unknown option '%s'", a);
                fputs(load_usage, stderr);
                return EXIT_USAGE;
            }
            if (kind != RECS_NONE || (!eq && i + 1 >= argc)) {
                cli_error(kind ? "give one --db or --pg" : "option '%s' needs a value", a);
                fputs(load_usage, stderr);
                return EXIT_USAGE;
            }
            kind = a[2] == 'd' ? RECS_SQLITE : RECS_PG;
            target = eq ? eq : argv[++i];
        } else if (a[0] == '-' && a[1]) {
            cli_error("unknown option '%s'", a);
            fputs(load_usage, stderr);
            return EXIT_USAGE;
        } else if (nfiles < sizeof files / sizeof *files) {
            files[nfiles++] = a;
        } else {
            cli_error("too many files (4096 at most)");
            return EXIT_USAGE;
        }
    }
    if (kind == RECS_NONE || !*target) {
        cli_error("name the database: --db FILE (SQLite) or --pg CONNINFO (PostgreSQL)");
        fputs(load_usage, stderr);
        return EXIT_USAGE;
    }
    if (nfiles == 0)
        files[nfiles++] = "out/triples.jsonl";
    recs db;
    if (recs_open(&db, kind, target))
        return EXIT_OUTPUT;
    load_counts c = {0, 0, 0, 0};
    int rc = 0;
    for (size_t i = 0; i < nfiles && rc == 0; i++)
        rc = load_file(&db, files[i], &c);
    long long ntriples = rc == 0 && db.store ? thx_store_count(db.store, "triples") : -1;
    long long ndocs = rc == 0 && db.store ? thx_store_count(db.store, "documents") : -1;
    if (recs_close(&db, rc == 0) || rc)
        return EXIT_OUTPUT;
    if (!quiet)
        fprintf(stderr,
                "therex: %zu file%s, %zu record%s loaded%s -> %s (now %lld triples of %lld "
                "documents)\n",
                nfiles, nfiles == 1 ? "" : "s", c.loaded, c.loaded == 1 ? "" : "s",
                c.bad || c.files_bad ? " (some input was skipped: see the messages above)" : "",
                recs_name(&db), ntriples, ndocs);
    return c.bad || c.files_bad ? EXIT_SKIPPED : 0;
}
