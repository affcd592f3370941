/*
 * The sinks of output/ besides the JSON writer (whose face is include/therex.h): the
 * triple record read back from its JSON (record.c), flat rows for spreadsheets
 * (rows.c: CSV, TSV), a graph for neo4j-admin import (graph.c), and the normalised
 * database tables of SQLite and PostgreSQL (store.c over store_sqlite.c and
 * store_pg.c). They all read the JSON record of schema therex.triple/1, so `therex
 * extract` and `therex load` write the same rows from the same triples. The CLI is
 * their only user (docs/output.md "Other formats", README "Databases").
 *
 * Like the rest of the library, nothing here prints or exits: problems are returned as
 * a message (caller frees) or added to a thx_diags list.
 */
#ifndef THX_OUTPUT_H
#define THX_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "therex.h"
#include "util/util.h"

/* ------------------------------------------------------------------ the record */

typedef struct {
    const char *text, *norm, *id; /* text NULL: the slot is null (an effect-only claim) */
    long long start, end;
} thx_rec_slot;

typedef struct {
    const char *kind, *text;
    long long start, end;
} thx_rec_cue;

typedef struct {
    long long index;
    const char *section, *text;
    long long start, end;
} thx_rec_sentence;

/* One triple record; every string is borrowed from the parsed JSON (NULL for a JSON
 * null) and lives until thx_rec_free. */
typedef struct {
    const char *id;
    const char *doc_id, *pmid, *doi, *title, *source;
    thx_rec_sentence sentence;
    thx_rec_slot therapy, effect, condition;
    const char *predicate, *scope;
    bool negated, hedged, coref;
    thx_rec_cue *cues;
    size_t ncues;
    thx_rec_sentence *evidence;
    size_t nevidence;
    const char *rule_id, *rule_file;
    long long rule_line;
    double confidence;
    void *json_; /* the parsed JSON that owns the strings */
} thx_rec;

/* Reads one JSON line (len bytes) as a triple record. 0, or THX_EINPUT with an error at
 * path:lineno:col in diags (not JSON, or a key of the schema missing or of the wrong
 * type), or THX_ENOMEM. */
int thx_rec_parse(thx_rec *r, const char *line, size_t len, const char *path, int lineno,
                  thx_diags *diags);
void thx_rec_free(thx_rec *r);

/* ------------------------------------------------------------------ rows */

/* CSV (RFC 4180: a field holding a comma, a quote, CR or LF is quoted, its quotes
 * doubled; CRLF after each row) or TSV (a tab, newline, carriage return or backslash in
 * a field is written \t, \n, \r, \\; LF after each row). */
typedef enum { THX_ROWS_CSV, THX_ROWS_TSV } thx_rows_kind;

/* The header row, with its line end. */
const char *thx_rows_header(thx_rows_kind kind);
/* Appends the record's row, with its line end, to out. 0 or THX_ENOMEM. */
int thx_rows_append(const thx_rec *r, thx_rows_kind kind, strbuf *out);

/* ------------------------------------------------------------------ neo4j graph */

typedef struct thx_graph thx_graph;

thx_graph *thx_graph_new(void);
/* Adds a record's therapy and condition (or effect) nodes and its relationship. 0 or
 * THX_ENOMEM. */
int thx_graph_add(thx_graph *g, const thx_rec *r);
/* Writes the node and relationship files into the folder dir (which must exist), each
 * to NAME.tmp beside it first and renamed into place. 0, or THX_EIO with *err set
 * (caller frees). */
int thx_graph_write(thx_graph *g, const char *dir, char **err);
/* The number of nodes and relationships. */
void thx_graph_counts(const thx_graph *g, size_t *nodes, size_t *rels);
void thx_graph_free(thx_graph *g);

/* ------------------------------------------------------------------ databases */

typedef struct thx_store thx_store;

/* Opens (creating it and its tables when missing) the SQLite database file path, or
 * connects to PostgreSQL with a libpq connection string ("postgresql://user@host/db",
 * "host=... dbname=..."), and creates the tables that are missing. NULL with *err set
 * (caller frees) on failure, also when the database has tables of another schema
 * version. */
thx_store *thx_store_open_sqlite(const char *path, char **err);
thx_store *thx_store_open_pg(const char *conninfo, char **err);

/* Writes a record into the tables: an upsert keyed by the triple id (and by the
 * document id, the sentence, the rule, the therapy's and condition's names), so loading
 * the same triples again changes no count. A record of another document than the
 * previous record's replaces that document: the rows it held from before (its triples,
 * their cues and evidence, its sentences) go first, so each document's records are
 * expected together, as extract writes them; a rerun with other rules or a newer version
 * of a PMID leaves no stale triple. Records are written in transactions of
 * THX_STORE_BATCH operations. 0, or THX_EIO with *err set (caller frees): the open batch
 * is then rolled back and the store can take no more. */
#define THX_STORE_BATCH 1000
int thx_store_add(thx_store *s, const thx_rec *r, char **err);
/* Takes out the rows document doc_id held (as thx_store_add does at a new document):
 * extract calls it for every document it reads, so a document that now gives no triple
 * keeps none from an earlier run. 0, or THX_EIO with *err set, as thx_store_add. */
int thx_store_replace_document(thx_store *s, const char *doc_id, char **err);
/* Takes the document out with its row in documents (a PubMed DeleteCitation). 0, or
 * THX_EIO with *err set, as thx_store_add. */
int thx_store_delete_document(thx_store *s, const char *doc_id, char **err);
/* Commits the last batch. 0, or THX_EIO with *err set. */
int thx_store_commit(thx_store *s, char **err);
/* The rows of a table ("triples", "documents", ...): for tests and summaries; -1 on
 * failure. */
long long thx_store_count(thx_store *s, const char *table);
/* Closes the store; an open batch that was not committed is rolled back. */
void thx_store_close(thx_store *s);

#endif
