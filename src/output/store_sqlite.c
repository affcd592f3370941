/*
 * The SQLite backend of store.c (linked with Debian's libsqlite3): one connection, a
 * prepared statement per table kept for the whole load.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "util/util.h"

typedef struct {
    sqlite3 *db;
    sqlite3_stmt *stmt[STORE_SLOTS];
} conn;

static char *message(sqlite3 *db, const char *what)
{
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "%s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
    return sb_take(&b);
}

void *store_sqlite_open(const char *path, char **err)
{
    conn *c = calloc(1, sizeof *c);
    if (!c) {
        *err = xstrdup("out of memory");
        return NULL;
    }
    if (sqlite3_open_v2(path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
            SQLITE_OK ||
        sqlite3_exec(c->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK) {
        *err = message(c->db, "cannot open the database");
        sqlite3_close(c->db);
        free(c);
        return NULL;
    }
    sqlite3_busy_timeout(c->db, 10000);
    return c;
}

static int exec(void *h, const char *sql, char **err)
{
    conn *c = h;
    if (sqlite3_exec(c->db, sql, NULL, NULL, NULL) == SQLITE_OK)
        return 0;
    if (err)
        *err = message(c->db, sql);
    return -1;
}

static int run(void *h, int slot, const char *sql, const char *const *vals, int n, char **err)
{
    conn *c = h;
    sqlite3_stmt **st = &c->stmt[slot];
    if (!*st && sqlite3_prepare_v2(c->db, sql, -1, st, NULL) != SQLITE_OK) {
        *err = message(c->db, sql);
        return -1;
    }
    sqlite3_reset(*st);
    for (int i = 0; i < n; i++)
        if ((vals[i] ? sqlite3_bind_text(*st, i + 1, vals[i], -1, SQLITE_TRANSIENT)
                     : sqlite3_bind_null(*st, i + 1)) != SQLITE_OK) {
            *err = message(c->db, sql);
            return -1;
        }
    if (sqlite3_step(*st) != SQLITE_DONE) {
        *err = message(c->db, sql);
        sqlite3_reset(*st);
        return -1;
    }
    sqlite3_reset(*st);
    return 0;
}

static long long scalar(void *h, const char *sql)
{
    conn *c = h;
    sqlite3_stmt *st;
    long long v = -1;
    if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static void close_conn(void *h)
{
    conn *c = h;
    for (int i = 0; i < STORE_SLOTS; i++)
        sqlite3_finalize(c->stmt[i]);
    sqlite3_close(c->db);
    free(c);
}

const store_backend store_sqlite = {"SQLite", "REAL", exec, run, scalar, close_conn};
