/*
 * therex report [FILE...] [-o OUT]: the curator's view of extracted triples. Reads JSON
 * Lines triple records, or extract's -f json array (default out/triples.jsonl; '-'
 * standard input) and writes one
 * self-contained HTML page (default out/report.html) through sink.c, as extract writes
 * its output: a temporary file renamed over a regular file when the page is complete,
 * nothing left behind on failure. A bad line is reported as path:line:col: error and
 * skipped, the rest is still shown (exit 1). The page itself is src/report/'s.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "report/report.h"
#include "sink.h"

static void report_usage(FILE *out)
{
    fputs("usage: therex report [options] [FILE...]\n"
          "Writes one HTML page (no network needed: style and script inline) that shows\n"
          "the triples of FILE (therex extract's JSON Lines, or its -f json array;\n"
          "default out/triples.jsonl; '-': standard input) grouped by therapy and by\n"
          "condition, with the abstracts counted, asserted, hedged and negated claims\n"
          "apart, every evidence sentence marked, PubMed links, a filter box and a\n"
          "therapy-condition graph.\n\n"
          "  -o, --output FILE        the page (default: out/report.html; '-': stdout)\n"
          "      --title TEXT         shown on the page (default: the input names)\n"
          "  -q, --quiet              no summary on standard error\n"
          "  -h, --help               this help\n\n"
          "exit status:\n"
          "  0      every line was read and the page written\n"
          "  1      some line or file was bad and skipped (reported); the rest is shown\n"
          "  2      usage error (bad option, missing input file); nothing was written\n"
          "  4      the page could not be written (a regular file is left as it was)\n",
          out);
}

typedef struct {
    const char *inputs[256];
    size_t ninputs;
    const char *output, *title;
    int quiet;
} report_opts;

static int parse(int argc, char **argv, report_opts *o)
{
    memset(o, 0, sizeof *o);
    o->output = "out/report.html";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **value = NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            report_usage(stdout);
            return 1;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            o->quiet = 1;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            value = &o->output;
        } else if (!strncmp(a, "--output=", 9)) {
            o->output = a + 9;
        } else if (!strncmp(a, "-o", 2) && a[2]) {
            o->output = a + 2;
        } else if (!strcmp(a, "--title")) {
            value = &o->title;
        } else if (!strncmp(a, "--title=", 8)) {
            o->title = a + 8;
        } else if (a[0] == '-' && a[1]) {
            cli_error("unknown option '%s'", a);
            return -1;
        } else if (o->ninputs < sizeof o->inputs / sizeof *o->inputs) {
            o->inputs[o->ninputs++] = a;
        } else {
            cli_error("too many input files (256 at most)");
            return -1;
        }
        if (value) {
            if (i + 1 >= argc) {
                cli_error("option '%s' needs a value", a);
                return -1;
            }
            *value = argv[++i];
        }
    }
    if (!o->ninputs)
        o->inputs[o->ninputs++] = "out/triples.jsonl";
    size_t n = strlen(o->output);
    if (n == 0 || o->output[n - 1] == '/') {
        cli_error("-o needs a file name ('-' for standard output)");
        return -1;
    }
    return 0;
}

static const char *input_name(const char *path)
{
    return strcmp(path, "-") ? path : "<stdin>";
}

/* Bad lines reported one by one in a file (as extract does); the others are counted in
 * one last note. */
#define MAX_BAD_LINES_SHOWN 50

/* Reads the records of one file into r; -1 when out of memory. Bad lines and an
 * unreadable file are reported and counted in *bad. */
static int read_records(report_data *r, const char *path, size_t *bad)
{
    bool std_in = !strcmp(path, "-");
    const char *name = input_name(path);
    FILE *f = std_in ? stdin : fopen(path, "r");
    if (!f) {
        fprintf(stderr, "%s: error: cannot read: %s\n", name, strerror(errno));
        ++*bad;
        return 0;
    }
    thx_diags diags;
    thx_diags_init(&diags);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int lineno = 0, rc = 0;
    size_t nbad = 0;
    while (rc == 0 && (len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (len && line[len - 1] == '\n')
            len--;
        rc = report_add_line(r, line, (size_t)len, name, lineno, &diags);
        if (rc == THX_EINPUT)
            rc = 0;
        size_t errors = thx_diags_count(&diags, THX_SEV_ERROR);
        if (nbad < MAX_BAD_LINES_SHOWN || !errors)
            thx_diags_print(&diags, stderr);
        nbad += errors;
        thx_diags_free(&diags);
        thx_diags_init(&diags);
    }
    if (nbad > MAX_BAD_LINES_SHOWN)
        fprintf(stderr, "%s: note: %zu more bad lines skipped and not shown\n", name,
                nbad - MAX_BAD_LINES_SHOWN);
    *bad += nbad;
    if (rc == 0 && ferror(f)) {
        fprintf(stderr, "%s: error: cannot read: %s\n", name, strerror(errno));
        ++*bad;
    }
    free(line);
    thx_diags_free(&diags);
    if (!std_in)
        fclose(f);
    return rc == THX_ENOMEM ? -1 : 0;
}

static void output_error(const char *path, int err)
{
    if (!strcmp(path, "-"))
        cli_error("cannot write to standard output: %s", strerror(err));
    else
        cli_error("cannot write '%s': %s", path, strerror(err));
}

/* The default title: the input names, joined. */
static char *default_title(const report_opts *o)
{
    size_t n = 1;
    for (size_t i = 0; i < o->ninputs; i++)
        n += strlen(input_name(o->inputs[i])) + 2;
    char *t = malloc(n);
    if (!t)
        return NULL;
    t[0] = '\0';
    for (size_t i = 0; i < o->ninputs; i++) {
        if (i)
            strcat(t, ", ");
        strcat(t, input_name(o->inputs[i]));
    }
    return t;
}

int cmd_report(int argc, char **argv)
{
    report_opts o;
    int p = parse(argc, argv, &o);
    if (p) {
        if (p < 0)
            report_usage(stderr);
        return p < 0 ? EXIT_USAGE : 0;
    }
    size_t missing = 0;
    for (size_t i = 0; i < o.ninputs; i++) {
        struct stat st;
        if (strcmp(o.inputs[i], "-") && stat(o.inputs[i], &st) != 0) {
            fprintf(stderr, "%s: error: no such file (give therex extract's output, e.g. "
                            "out/triples.jsonl)\n", o.inputs[i]);
            missing++;
        }
    }
    if (missing)
        return EXIT_USAGE;
    report_data *r = report_new();
    size_t bad = 0;
    int status = r ? 0 : EXIT_OUTPUT;
    for (size_t i = 0; i < o.ninputs && status == 0; i++)
        if (read_records(r, o.inputs[i], &bad))
            status = EXIT_OUTPUT;
    char *title = status ? NULL : o.title ? NULL : default_title(&o);
    char *html = status ? NULL : report_html(r, o.title ? o.title : title);
    if (status == 0 && !html)
        status = EXIT_OUTPUT;
    if (status)
        cli_error("out of memory");
    sink out;
    int err;
    if (status == 0 && (err = sink_open(&out, o.output, 0)) != 0) {
        output_error(o.output, err);
        status = EXIT_OUTPUT;
    } else if (status == 0) {
        size_t n = strlen(html);
        if (n && html[n - 1] == '\n')
            html[n - 1] = '\0'; /* sink_put ends the page with its newline */
        sink_put(&out, html);
        if ((err = sink_close(&out, true)) != 0) {
            output_error(o.output, err);
            status = EXIT_OUTPUT;
        }
    }
    if (status == 0 && !o.quiet)
        fprintf(stderr, "therex: %zu triple%s from %zu document%s -> %s%s\n",
                report_records(r), report_records(r) == 1 ? "" : "s",
                report_documents(r), report_documents(r) == 1 ? "" : "s", o.output,
                bad ? " (some input was skipped: see the messages above)" : "");
    free(html);
    free(title);
    report_free(r);
    if (status)
        return status;
    return bad ? EXIT_SKIPPED : 0;
}
