/*
 * The reading side of therex extract (see feed.h): a feeder thread reads the files as
 * streams of documents into chunks and queues them for the extraction, so that reading
 * overlaps extraction; --shard K/N keeps one shard of the files or of the documents.
 * Owned by the corpus-readers module.
 */
#include "feed.h"
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* doc.source names the file as the user reaches it */
static int set_sources(thx_docs *docs, size_t from, const walk_entry *e)
{
    for (size_t i = from; i < docs->len; i++) {
        free(docs->items[i].source);
        docs->items[i].source = xstrdup(e->is_stdin ? e->source : e->path);
        if (!docs->items[i].source)
            return -1;
    }
    return 0;
}

/* Prints and forgets the diagnostics so far; true when one was an error. The feeder
 * thread prints while the extraction threads may: each list is printed whole. */
static bool flush_diags(thx_diags *diags)
{
    flockfile(stderr);
    thx_diags_print(diags, stderr);
    funlockfile(stderr);
    bool err = thx_diags_count(diags, THX_SEV_ERROR) > 0;
    thx_diags_free(diags);
    thx_diags_init(diags);
    return err;
}

/* Appends copies of the PMIDs in l to v: 0 or -1. */
static int deleted_add(str_vec *v, thx_strlist l)
{
    for (size_t i = 0; i < l.len; i++)
        if (str_vec_push(v, l.items[i], strlen(l.items[i])))
            return -1;
    return 0;
}

/* Queues a chunk (taken from *docs): false when the writer asked to stop. */
static bool feed(feeder *f, thx_docs *docs)
{
    pthread_mutex_lock(&f->lock);
    while (f->count == QUEUE_CHUNKS && !f->stop)
        pthread_cond_wait(&f->cond, &f->lock);
    bool ok = !f->stop;
    if (ok) {
        f->queue[(f->head + f->count++) % QUEUE_CHUNKS] = *docs;
        thx_docs_init(docs);
        pthread_cond_broadcast(&f->cond);
    }
    pthread_mutex_unlock(&f->lock);
    return ok;
}

/* True when name falls in the shard --shard chose (always without --shard). */
static bool in_shard(const feed_opts *o, const char *name)
{
    return !o->nshards ||
           fnv1a64(FNV1A64_INIT, name, strlen(name)) % o->nshards == o->shard - 1;
}

/* Frees the documents from `from` on that are not in the shard, keeping the order. */
static void keep_shard(const feed_opts *o, thx_docs *docs, size_t from)
{
    size_t w = from;
    for (size_t i = from; i < docs->len; i++) {
        if (in_shard(o, docs->items[i].id))
            docs->items[w++] = docs->items[i];
        else
            thx_doc_free(&docs->items[i]);
    }
    docs->len = w;
}

/* Reads one file into chunks: false when it must stop (out of memory, or asked to). */
static bool feed_file(feeder *f, const walk_entry *e, thx_docs *docs, thx_diags *diags)
{
    const feed_opts *o = &f->o;
    thx_reader *r = NULL;
    int rc = e->is_stdin ? thx_reader_open_fd(&r, 0, e->source, o->input_format, diags)
                         : thx_reader_open(&r, e->path, e->source, o->input_format, diags);
    bool failed = rc != 0, go = true;
    while (go && rc != THX_ENOMEM && !thx_reader_done(r)) {
        failed |= flush_diags(diags);
        size_t before = docs->len;
        rc = thx_reader_next(r, docs, o->chunk_docs - docs->len, diags);
        failed |= rc != 0;
        if (o->shard_docs)
            keep_shard(o, docs, before);
        if (set_sources(docs, before, e))
            rc = THX_ENOMEM;
        if (rc != THX_ENOMEM && docs->len >= o->chunk_docs) {
            failed |= flush_diags(diags); /* a file's messages before its triples' */
            pthread_mutex_lock(&f->lock);
            f->pos = thx_reader_position(r);
            pthread_mutex_unlock(&f->lock);
            go = feed(f, docs);
        }
    }
    failed |= flush_diags(diags);
    if (rc == THX_ENOMEM || deleted_add(f->deleted, thx_reader_deleted(r)))
        f->status = -1;
    if (thx_reader_format(r) == THX_FMT_PUBMED_XML)
        f->read_xml = 1;
    if (failed)
        f->bad++;
    pthread_mutex_lock(&f->lock);
    f->done_bytes += e->size;
    f->done_files++;
    f->pos = 0;
    pthread_mutex_unlock(&f->lock);
    thx_reader_free(r);
    return go && f->status == 0;
}

static void *feeder_main(void *arg)
{
    feeder *f = arg;
    thx_docs docs;
    thx_docs_init(&docs);
    thx_diags diags;
    thx_diags_init(&diags);
    bool go = true;
    for (size_t i = 0; go && i < f->files->len; i++)
        go = feed_file(f, &f->files->items[i], &docs, &diags);
    if (go && docs.len)
        feed(f, &docs);
    thx_docs_free(&docs);
    thx_diags_free(&diags);
    pthread_mutex_lock(&f->lock);
    f->end = true;
    pthread_cond_broadcast(&f->cond);
    pthread_mutex_unlock(&f->lock);
    return NULL;
}

/* The next chunk in input order: false at the end. */
bool feeder_next(feeder *f, thx_docs *docs)
{
    pthread_mutex_lock(&f->lock);
    while (f->count == 0 && !f->end)
        pthread_cond_wait(&f->cond, &f->lock);
    bool got = f->count > 0;
    if (got) {
        *docs = f->queue[f->head];
        f->head = (f->head + 1) % QUEUE_CHUNKS;
        f->count--;
        pthread_cond_broadcast(&f->cond);
    }
    pthread_mutex_unlock(&f->lock);
    return got;
}

/* --shard K/N: several files are sharded by name (the source, as walked: relative to the
 * directory given), one file by its documents' ids (keep_shard). */
void feed_shard_files(feed_opts *o, walk_list *files)
{
    if (files->len <= 1) {
        o->shard_docs = true;
        return;
    }
    size_t w = 0;
    for (size_t i = 0; i < files->len; i++) {
        if (in_shard(o, files->items[i].source)) {
            files->items[w++] = files->items[i];
        } else {
            free(files->items[i].path);
            free(files->items[i].source);
        }
    }
    files->len = w;
}

int feeder_start(feeder *f, const feed_opts *o, const walk_list *files, str_vec *deleted)
{
    memset(f, 0, sizeof *f);
    f->o = *o;
    f->files = files;
    f->deleted = deleted;
    pthread_mutex_init(&f->lock, NULL);
    pthread_cond_init(&f->cond, NULL);
    f->threaded = pthread_create(&f->thread, NULL, feeder_main, f) == 0;
    if (!f->threaded)
        f->end = true; /* nothing will come: the caller reports it */
    return f->threaded ? 0 : -1;
}

void feeder_stop(feeder *f)
{
    pthread_mutex_lock(&f->lock);
    f->stop = true;
    pthread_cond_broadcast(&f->cond);
    pthread_mutex_unlock(&f->lock);
}

void feeder_finish(feeder *f)
{
    if (f->threaded)
        pthread_join(f->thread, NULL);
    for (size_t i = 0; i < f->count; i++)
        thx_docs_free(&f->queue[(f->head + i) % QUEUE_CHUNKS]);
    pthread_mutex_destroy(&f->lock);
    pthread_cond_destroy(&f->cond);
}

void progress_init(progress *p, bool on, const walk_list *files)
{
    memset(p, 0, sizeof *p);
    p->on = on;
    p->tty = isatty(STDERR_FILENO) == 1;
    clock_gettime(CLOCK_MONOTONIC, &p->start);
    for (size_t i = 0; i < files->len; i++)
        p->total += files->items[i].size;
}

static double since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

void progress_show(progress *p, feeder *f, size_t nfiles, size_t ndocs, size_t ntriples,
                          bool final)
{
    if (!p->on || (!final && since(&p->last) < 0.5))
        return;
    clock_gettime(CLOCK_MONOTONIC, &p->last);
    pthread_mutex_lock(&f->lock);
    uintmax_t done = f->done_bytes + f->pos;
    size_t files = f->done_files;
    pthread_mutex_unlock(&f->lock);
    double secs = since(&p->start), rate = secs > 0 ? (double)done / secs : 0;
    char left[48] = "";
    if (!final && rate > 0 && p->total > done)
        snprintf(left, sizeof left, ", %.0f s left", (double)(p->total - done) / rate);
    flockfile(stderr);
    fprintf(stderr, "\rtherex: %zu/%zu files, %zu documents, %zu triples, %.1f MB/s%s%s", files,
            nfiles, ndocs, ntriples, rate / 1e6, left, p->tty ? "\033[K" : "");
    if (final)
        fputs(p->tty ? "\r\033[K" : "\n", stderr);
    funlockfile(stderr);
}

