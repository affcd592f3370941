/*
 * The PostgreSQL backend of store.c (libpq): one connection, a statement per table
 * prepared on the server the first time it runs, values sent as text (the server casts
 * them to the columns' types).
 */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "util/util.h"

typedef struct {
    PGconn *pg;
    bool prepared[STORE_SLOTS];
} conn;

/* "what: the server's message" without its trailing newline; caller frees. */
static char *message(const char *what, const char *why)
{
    strbuf b;
    sb_init(&b);
    size_t n = strlen(why);
    while (n && (why[n - 1] == '\n' || why[n - 1] == ' '))
        n--;
    sb_printf(&b, "%s: %.*s", what, (int)n, why);
    return sb_take(&b);
}

static void quiet(void *arg, const char *msg)
{
    (void)arg, (void)msg; /* NOTICEs ("relation already exists, skipping") are not errors */
}

void *store_pg_open(const char *conninfo, char **err)
{
    conn *c = calloc(1, sizeof *c);
    if (!c) {
        *err = xstrdup("out of memory");
        return NULL;
    }
    c->pg = PQconnectdb(conninfo);
    if (!c->pg || PQstatus(c->pg) != CONNECTION_OK) {
        *err = message("cannot connect to PostgreSQL",
                       c->pg ? PQerrorMessage(c->pg) : "out of memory");
        PQfinish(c->pg);
        free(c);
        return NULL;
    }
    PQsetNoticeProcessor(c->pg, quiet, NULL);
    return c;
}

/* 0 when res is a success of the kind wanted; else the message into *err. */
static int check(conn *c, PGresult *res, ExecStatusType want, const char *what, char **err)
{
    int rc = res && PQresultStatus(res) == want ? 0 : -1;
    if (rc && err)
        *err = message(what, res ? PQresultErrorMessage(res) : PQerrorMessage(c->pg));
    PQclear(res);
    return rc;
}

static int exec(void *h, const char *sql, char **err)
{
    conn *c = h;
    return check(c, PQexec(c->pg, sql), PGRES_COMMAND_OK, sql, err);
}

static int run(void *h, int slot, const char *sql, const char *const *vals, int n, char **err)
{
    conn *c = h;
    char name[16];
    snprintf(name, sizeof name, "thx_%d", slot);
    if (!c->prepared[slot]) {
        if (check(c, PQprepare(c->pg, name, sql, n, NULL), PGRES_COMMAND_OK, sql, err))
            return -1;
        c->prepared[slot] = true;
    }
    return check(c, PQexecPrepared(c->pg, name, n, vals, NULL, NULL, 0), PGRES_COMMAND_OK, sql,
                 err);
}

static long long scalar(void *h, const char *sql)
{
    conn *c = h;
    PGresult *res = PQexec(c->pg, sql);
    long long v = -1;
    if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) > 0 && !PQgetisnull(res, 0, 0))
        v = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
    PQclear(res);
    return v;
}

static void close_conn(void *h)
{
    conn *c = h;
    PQfinish(c->pg);
    free(c);
}

const store_backend store_pg = {"PostgreSQL", "DOUBLE PRECISION", exec, run, scalar, close_conn};
