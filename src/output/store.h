/*
 * The database backends under store.c (internal to output/): each opens a connection,
 * runs plain SQL, and runs the upsert of one table with text parameters ($1, $2, ...;
 * NULL is SQL NULL). store.c owns the schema and the SQL; a backend knows only its
 * client library.
 */
#ifndef THX_STORE_H
#define THX_STORE_H

typedef struct {
    const char *name;      /* "SQLite", "PostgreSQL" */
    const char *real_type; /* the column type of a double */
    /* Runs SQL without results; 0, or -1 with *err set (caller frees). */
    int (*exec)(void *h, const char *sql, char **err);
    /* Runs statement number `slot` (prepared from sql the first time) with n text
     * values; 0, or -1 with *err set. */
    int (*run)(void *h, int slot, const char *sql, const char *const *vals, int n, char **err);
    /* The integer the query's first row and column hold; -1 when there is none or on
     * failure. */
    long long (*scalar)(void *h, const char *sql);
    void (*close)(void *h);
} store_backend;

#define STORE_SLOTS 16

/* Opens a connection; NULL with *err set. */
void *store_sqlite_open(const char *path, char **err);
extern const store_backend store_sqlite;
void *store_pg_open(const char *conninfo, char **err);
extern const store_backend store_pg;

#endif
