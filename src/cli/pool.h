/*
 * The extraction threads of therex extract: jobs - 1 threads started once per run, each
 * with its own extractor (whose scratch space is kept from chunk to chunk), and the
 * caller as the last one. pool_run hands them a chunk of documents, works along, and
 * returns when every document has its JSON lines (results[i], joined by '\n'; caller
 * frees) and its match-limit warnings (warnings[i]). Used by cmd_extract.c only.
 */
#ifndef THX_POOL_H
#define THX_POOL_H

#include "therex.h"

#include <pthread.h>
#include <stdbool.h>

/* The extraction threads, started once per run, each with its own extractor (whose
 * scratch space and compiled patterns are kept from chunk to chunk): for each chunk the
 * caller wakes them, works along, and waits until the chunk is done. */
typedef struct {
    const thx_ruleset *rs;
    unsigned flags;  /* THX_EXTRACT_* */
    double min_conf; /* --min-confidence */
    pthread_mutex_t lock;
    pthread_cond_t wake, idle;
    unsigned gen;    /* chunks handed out so far */
    bool quit;
    int nthreads, running;
    pthread_t th[256];
    thx_extractor *ex; /* the caller's */
    /* the chunk at hand */
    thx_docs *docs;
    char **results;      /* per document: its JSON lines, joined by '\n' */
    thx_diags *warnings; /* per document: rules that gave up at the match limits */
    size_t next;
    size_t dropped;      /* triples below --min-confidence, left out */
    int failed;
} pool;

void pool_start(pool *p, const thx_ruleset *rs, unsigned flags, double min_conf, int jobs);
/* Extracts docs; afterwards p->failed is set when a document could not be (out of
 * memory) and p->dropped counts the triples below min_conf left out. */
void pool_run(pool *p, thx_docs *docs, char **results, thx_diags *warnings);
void pool_stop(pool *p);

#endif
