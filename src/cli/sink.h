/*
 * Where therex extract writes its triples, without losing or clobbering anything
 * (README "Command line"):
 *  - "-": standard output;
 *  - an existing file that is not a regular file (a character device such as /dev/null,
 *    a FIFO, a socket), and /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: opened
 *    and written in place, never replaced (a FIFO's open waits for its reader);
 *  - a regular file or a new name: written to NAME.tmp.XXXXXX beside it and renamed over
 *    it at the end, so that a failed or interrupted run leaves the previous file. The
 *    temporary file is removed on every failure and on SIGINT, SIGTERM and SIGHUP (the
 *    process then dies of the signal, status 128+N, unless the signal was ignored when
 *    therex started). A new file gets 0666 & ~umask; a replaced one keeps its mode and,
 *    as root, its owner and group. Missing folders of a new name are made.
 *  - a symbolic link (or a chain of them): kept; what it points to is written as above
 *    (a dangling link's target is created, as the shell's > does).
 * Used by cmd_extract.c and cmd_report.c. Rows (CSV, TSV) are made from each triple's
 * JSON by output/ (thx_rows_append); a database or graph takes the JSON through a callback.
 */
#ifndef THX_SINK_H
#define THX_SINK_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

/* What a file sink writes: JSON Lines, one JSON array, or rows (output/output.h). */
enum { SINK_JSONL = 0, SINK_JSON = 1, SINK_CSV, SINK_TSV };

typedef struct {
    FILE *f;
    char *final_path; /* the file renamed over (links followed); NULL unless replacing */
    char *tmp_path;   /* the temporary file; NULL unless replacing */
    size_t written;   /* triples */
    int format;       /* SINK_* */
    int err;          /* the first write error (errno), 0 while none */
    /* a sink of records (a database, a graph) instead of a file: each triple's JSON
     * goes to put(ctx, json), which returns 0 or -1 (its message is its own) */
    int (*put)(void *ctx, const char *json);
    int (*begin)(void *ctx, const char *doc_id); /* a document begins (may be NULL) */
    void *ctx;
} sink;

/* The device and inode of the existing file that path reaches (links followed); false
 * for "-", a missing file or one that is not a regular file. */
bool sink_identity(const char *path, dev_t *dev, ino_t *ino);

/* Opens the output, a file written in `format` (SINK_*; CSV and TSV begin with their
 * header row): 0, or an errno value (EISDIR for a folder). */
int sink_open(sink *s, const char *path, int format);

/* A sink that hands each triple's JSON to put(ctx, json) instead of writing a file, and
 * tells begin(ctx, doc_id) (when not NULL) where each document begins. */
void sink_open_records(sink *s, int (*put)(void *ctx, const char *json),
                       int (*begin)(void *ctx, const char *doc_id), void *ctx);

/* A document begins, whether it gives triples or not: 0, or -1 after an error (kept in
 * s->err). Nothing for a file. */
int sink_begin_document(sink *s, const char *doc_id);

/* Writes one triple's JSON; 0, or -1 after a write error (kept in s->err). */
int sink_put(sink *s, const char *json);

/* Finishes the output: with keep, flushes it and renames the temporary file into place;
 * without, removes the temporary file. Returns 0 or the errno value of the first
 * failure (the temporary file is then removed too). */
int sink_close(sink *s, bool keep);

#endif
