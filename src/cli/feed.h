/*
 * The reading side of therex extract: a feeder thread reads the input files (walk.h) as
 * streams of documents (thx_reader), in input order, into chunks of chunk_docs
 * documents, and queues up to QUEUE_CHUNKS of them while the extraction threads work on
 * the chunk before, so that reading overlaps extraction. Memory holds at most
 * QUEUE_CHUNKS + 2 chunks whatever the size of a file. The feeder prints each file's
 * diagnostics (each list whole, under stderr's lock) before queueing its documents, and
 * counts the files with errors. --shard K/N: feed_shard_files keeps the files of shard K
 * by a hash of their source name, or, when there is one file, marks the documents to be
 * sharded by a hash of their id. Used by cmd_extract.c only.
 */
#ifndef THX_FEED_H
#define THX_FEED_H

#include "therex.h"
#include "util/util.h"
#include "walk.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

typedef struct {
    thx_format input_format;
    size_t chunk_docs;
    unsigned shard, nshards; /* shard K (1..N) of N; nshards 0: everything */
    bool shard_docs;         /* shard the documents (one file), not the files */
} feed_opts;

/* Reading overlaps extraction: a feeder thread reads the files into chunks of
 * o->chunk_docs documents and queues up to QUEUE_CHUNKS of them, while the extraction
 * threads work on the chunk before; chunks are extracted and written in input order.
 * Memory holds at most QUEUE_CHUNKS + 2 chunks, whatever the size of a file. */
#define QUEUE_CHUNKS 2

typedef struct {
    feed_opts o;
    const walk_list *files;
    pthread_t thread;
    bool threaded;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    thx_docs queue[QUEUE_CHUNKS];
    size_t head, count;
    bool end;      /* the feeder has queued its last chunk */
    bool stop;     /* the writer failed: the feeder stops reading */
    int status;    /* the feeder's: -1 when out of memory */
    str_vec *deleted;
    size_t bad;    /* files with errors */
    int read_xml;  /* some input was PubMed XML */
    uintmax_t done_bytes; /* of the files read so far (under lock), for --progress */
    size_t done_files;
    uintmax_t pos;        /* into the file being read */
} feeder;


/* Starts reading files; DeleteCitation PMIDs are appended to *deleted. Returns 0, or -1
 * when no thread could be started (nothing is read; feeder_finish is still called). */
int feeder_start(feeder *f, const feed_opts *o, const walk_list *files, str_vec *deleted);
/* The next chunk in input order (moved into *docs): false at the end. */
bool feeder_next(feeder *f, thx_docs *docs);
/* Asks the feeder to stop reading (the writer failed). */
void feeder_stop(feeder *f);
/* Waits for the feeder and frees what is left; f->bad, f->status, f->read_xml stay. */
void feeder_finish(feeder *f);
/* --shard: keeps the files of the shard (several files), else sets o->shard_docs. */
void feed_shard_files(feed_opts *o, walk_list *files);

/* The progress line of --progress: files, documents, triples, MB/s and the time left
 * (from the sizes of the files and how far the feeder has read), rewritten in place at
 * most twice a second, and ended when final. */
typedef struct {
    bool on, tty;
    struct timespec start, last;
    uintmax_t total; /* bytes of the input files (regular files; 0 for standard input) */
} progress;
void progress_init(progress *p, bool on, const walk_list *files);
void progress_show(progress *p, feeder *f, size_t nfiles, size_t ndocs, size_t ntriples,
                   bool final);

#endif
