/*
 * Sinks of whole records for extract and load: a database (SQLite file or PostgreSQL
 * connection, output/ thx_store) or a neo4j-admin import folder (thx_graph). Errors
 * are printed here, as `therex: error: ...`. Owned by the database/output module.
 */
#ifndef THX_RECORDS_H
#define THX_RECORDS_H

#include <stdbool.h>

#include "output/output.h"

typedef enum { RECS_NONE = 0, RECS_SQLITE, RECS_PG, RECS_NEO4J } recs_kind;

typedef struct {
    recs_kind kind;
    const char *target; /* the file, connection string or folder */
    thx_store *store;
    thx_graph *graph;
    bool failed;        /* an error was printed */
} recs;

/* Opens the database (creating its tables) or makes the folder: 0, or -1 after
 * printing the error. */
int recs_open(recs *r, recs_kind kind, const char *target);
/* Adds one record: 0, or -1 after printing the error (then nothing more is added). */
int recs_add(recs *r, const thx_rec *rec);
/* The same from the record's JSON: a sink_open_records() callback. */
int recs_put_json(void *r, const char *json);
/* A document begins (extract reads every document, with or without triples): in a
 * database its rows from before go (thx_store_replace_document); 0, or -1 after printing
 * the error. A sink_open_records() callback. */
int recs_begin_document(void *r, const char *doc_id);
/* A PubMed DeleteCitation: the document goes from the database. 0 (also for a graph,
 * which keeps no earlier run), or -1 after printing the error. */
int recs_delete_document(recs *r, const char *doc_id);
/* With keep, commits the last batch or writes the graph's files; then closes. 0, or -1
 * after printing the error. */
int recs_close(recs *r, bool keep);
/* "out/x.sqlite", "PostgreSQL", "out/neo4j/": where the records went, for summaries. */
const char *recs_name(const recs *r);

#endif
