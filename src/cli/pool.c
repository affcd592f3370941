/*
 * The extraction threads of therex extract (see pool.h). Owned by the CLI.
 */
#include "pool.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

/* A triple's confidence is its rule's, read from text as a double ("0.56" need not be
 * exactly 0.56): the threshold allows for that rounding, so --min-confidence 0.56 keeps a
 * rule calibrated at 0.56. */
static bool below(const thx_triple *t, double min_conf)
{
    return t->confidence < min_conf - 1e-9;
}

static char *doc_lines(thx_extractor *ex, const thx_doc *doc, double min_conf, size_t *dropped,
                       thx_diags *warnings)
{
    thx_triples ts;
    thx_triples_init(&ts);
    strbuf b;
    sb_init(&b);
    int rc = thx_extractor_run_diags(ex, &ts, doc, warnings);
    *dropped = 0;
    for (size_t i = 0; rc == 0 && i < ts.len; i++) {
        if (below(&ts.items[i], min_conf)) {
            ++*dropped;
            continue;
        }
        char *j = thx_triple_to_json(&ts.items[i], doc);
        if (!j || (b.len && sb_putc(&b, '\n')) || sb_puts(&b, j))
            rc = THX_ENOMEM;
        free(j);
    }
    thx_triples_free(&ts);
    if (rc) {
        sb_free(&b);
        return NULL;
    }
    return sb_take(&b);
}

static thx_extractor *new_extractor(const pool *p)
{
    thx_extractor *ex = thx_extractor_new(p->rs);
    if (ex)
        thx_extractor_set_flags(ex, p->flags);
    return ex;
}

/* Takes the chunk's documents one after the other until none is left. */
static void work_on(pool *p, thx_extractor *ex)
{
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t i = p->next++;
        pthread_mutex_unlock(&p->lock);
        if (i >= p->docs->len)
            return;
        size_t dropped = 0;
        p->results[i] = ex ? doc_lines(ex, &p->docs->items[i], p->min_conf, &dropped,
                                       &p->warnings[i])
                           : NULL;
        pthread_mutex_lock(&p->lock);
        p->dropped += dropped;
        if (!p->results[i])
            p->failed = 1;
        pthread_mutex_unlock(&p->lock);
    }
}

static void *pool_thread(void *arg)
{
    pool *p = arg;
    thx_extractor *ex = new_extractor(p);
    unsigned seen = 0;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->quit && p->gen == seen)
            pthread_cond_wait(&p->wake, &p->lock);
        if (p->quit)
            break;
        seen = p->gen;
        pthread_mutex_unlock(&p->lock);
        work_on(p, ex);
        pthread_mutex_lock(&p->lock);
        if (--p->running == 0)
            pthread_cond_signal(&p->idle);
    }
    pthread_mutex_unlock(&p->lock);
    thx_extractor_free(ex);
    return NULL;
}

/* Starts jobs - 1 threads (the caller is the last one). */
void pool_start(pool *p, const thx_ruleset *rs, unsigned flags, double min_conf, int jobs)
{
    memset(p, 0, sizeof *p);
    p->rs = rs;
    p->flags = flags;
    p->min_conf = min_conf;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->wake, NULL);
    pthread_cond_init(&p->idle, NULL);
    p->ex = new_extractor(p);
    for (int t = 1; t < jobs && p->nthreads < 256; t++)
        if (pthread_create(&p->th[p->nthreads], NULL, pool_thread, p) == 0)
            p->nthreads++;
}

void pool_stop(pool *p)
{
    pthread_mutex_lock(&p->lock);
    p->quit = true;
    pthread_cond_broadcast(&p->wake);
    pthread_mutex_unlock(&p->lock);
    for (int t = 0; t < p->nthreads; t++)
        pthread_join(p->th[t], NULL);
    thx_extractor_free(p->ex);
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->wake);
    pthread_cond_destroy(&p->idle);
}


void pool_run(pool *p, thx_docs *docs, char **results, thx_diags *warnings)
{
    pthread_mutex_lock(&p->lock);
    p->docs = docs;
    p->results = results;
    p->warnings = warnings;
    p->next = p->dropped = 0;
    p->failed = 0;
    p->running = p->nthreads;
    p->gen++;
    pthread_cond_broadcast(&p->wake);
    pthread_mutex_unlock(&p->lock);
    work_on(p, p->ex);
    pthread_mutex_lock(&p->lock);
    while (p->running > 0)
        pthread_cond_wait(&p->idle, &p->lock);
    pthread_mutex_unlock(&p->lock);
}
