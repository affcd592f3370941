/*
 * Databases and graph folders as sinks of records (see records.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "records.h"

static int fail(recs *r, char *msg)
{
    if (r->kind == RECS_PG)
        cli_error("PostgreSQL: %s", msg ? msg : "out of memory");
    else
        cli_error("%s: %s", r->target, msg ? msg : "out of memory");
    free(msg);
    r->failed = true;
    return -1;
}

/* mkdir -p */
static int make_folder(const char *path)
{
    char *p = strdup(path);
    if (!p)
        return ENOMEM;
    int err = 0;
    for (char *s = p + 1; !err; s++) {
        bool end = *s == '\0';
        if (*s != '/' && !end)
            continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            err = errno;
        if (end)
            break;
        *s = '/';
    }
    struct stat st;
    if (!err && (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)))
        err = ENOTDIR;
    free(p);
    return err;
}

int recs_open(recs *r, recs_kind kind, const char *target)
{
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->target = target;
    char *err = NULL;
    if (kind == RECS_NEO4J) {
        int e = make_folder(target);
        if (e) {
            cli_error("cannot make the folder '%s': %s", target, strerror(e));
            r->failed = true;
            return -1;
        }
        r->graph = thx_graph_new();
        return r->graph ? 0 : fail(r, NULL);
    }
    r->store = kind == RECS_PG ? thx_store_open_pg(target, &err) : thx_store_open_sqlite(target, &err);
    return r->store ? 0 : fail(r, err);
}

int recs_add(recs *r, const thx_rec *rec)
{
    if (r->failed)
        return -1;
    char *err = NULL;
    if (r->graph)
        return thx_graph_add(r->graph, rec) ? fail(r, NULL) : 0;
    return thx_store_add(r->store, rec, &err) ? fail(r, err) : 0;
}

int recs_put_json(void *ctx, const char *json)
{
    recs *r = ctx;
    thx_rec rec;
    thx_diags d;
    thx_diags_init(&d);
    int rc = thx_rec_parse(&rec, json, strlen(json), "<triple>", 1, &d);
    thx_diags_print(&d, stderr); /* the writer's own JSON: not expected */
    thx_diags_free(&d);
    if (rc) {
        r->failed = true;
        return -1;
    }
    rc = recs_add(r, &rec);
    thx_rec_free(&rec);
    return rc;
}

int recs_begin_document(void *ctx, const char *doc_id)
{
    recs *r = ctx;
    if (r->failed)
        return -1;
    char *err = NULL;
    return r->store && thx_store_replace_document(r->store, doc_id, &err) ? fail(r, err) : 0;
}

int recs_delete_document(recs *r, const char *doc_id)
{
    if (r->failed)
        return -1;
    char *err = NULL;
    return r->store && thx_store_delete_document(r->store, doc_id, &err) ? fail(r, err) : 0;
}

int recs_close(recs *r, bool keep)
{
    char *err = NULL;
    int rc = 0;
    if (keep && !r->failed && r->store && thx_store_commit(r->store, &err))
        rc = fail(r, err);
    if (keep && !r->failed && r->graph && thx_graph_write(r->graph, r->target, &err))
        rc = fail(r, err);
    thx_store_close(r->store);
    thx_graph_free(r->graph);
    r->store = NULL;
    r->graph = NULL;
    return rc || r->failed ? -1 : 0;
}

const char *recs_name(const recs *r)
{
    return r->kind == RECS_PG ? "PostgreSQL" : r->target;
}
