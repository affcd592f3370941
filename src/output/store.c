/*
 * The triples in normalised database tables, the same in SQLite and PostgreSQL (README
 * "Databases", docs/output.md "Database tables"): documents, sentences, rules, the
 * therapy and condition vocabularies, triples, cues and evidence, and schema_version.
 * Every row is an upsert (INSERT ... ON CONFLICT ... DO UPDATE) keyed by its natural
 * key (the triple id, the document id, ...), so loading the same triples twice changes
 * no count; records are written in transactions of THX_STORE_BATCH. A document is
 * replaced whole: the first record of a document (or thx_store_replace_document) takes
 * out the rows its earlier version left (triples, their cues and evidence, sentences),
 * so a rerun with other rules or a newer version of a PMID leaves no stale triple.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "store.h"
#include "util/util.h"

#define SCHEMA_VERSION 1

struct thx_store {
    const store_backend *be;
    void *h;
    char *sql[STORE_SLOTS]; /* each table's upsert */
    size_t in_batch; /* records and documents replaced in the open transaction */
    bool open;       /* a transaction is open */
    bool broken;     /* a failed batch was rolled back: nothing more is written */
    char *doc;       /* the document the last record or replacement was of */
};

/* The tables, in the order a record's rows are written (referenced rows first). */
enum { T_DOC, T_SENT, T_RULE, T_THERAPY, T_CONDITION, T_TRIPLE, T_CUE, T_EVIDENCE, T_COUNT };

static const struct {
    const char *name;
    const char *columns; /* comma-separated, the key first */
    int nkey, ncols;
    const char *ddl;     /* "%s" is the type of a double */
} tables[T_COUNT] = {
    [T_DOC] = {"documents", "id,pmid,doi,title,source", 1, 5,
               "CREATE TABLE IF NOT EXISTS documents (id TEXT PRIMARY KEY, pmid TEXT, doi TEXT, "
               "title TEXT, source TEXT)"},
    [T_SENT] = {"sentences", "doc_id,idx,section,start_cp,end_cp,text", 2, 6,
                "CREATE TABLE IF NOT EXISTS sentences (doc_id TEXT NOT NULL REFERENCES "
                "documents(id), idx INTEGER NOT NULL, section TEXT NOT NULL, start_cp INTEGER "
                "NOT NULL, end_cp INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (doc_id, idx))"},
    [T_RULE] = {"rules", "id,file,line", 1, 3,
                "CREATE TABLE IF NOT EXISTS rules (id TEXT PRIMARY KEY, file TEXT, line INTEGER)"},
    [T_THERAPY] = {"therapies", "name,ontology_id", 1, 2,
                   "CREATE TABLE IF NOT EXISTS therapies (name TEXT PRIMARY KEY, ontology_id TEXT)"},
    [T_CONDITION] = {"conditions", "name,ontology_id", 1, 2,
                     "CREATE TABLE IF NOT EXISTS conditions (name TEXT PRIMARY KEY, "
                     "ontology_id TEXT)"},
    [T_TRIPLE] = {"triples",
                  "id,doc_id,sentence_idx,therapy,therapy_text,therapy_start,therapy_end,effect,"
                  "effect_text,effect_start,effect_end,condition,condition_text,condition_start,"
                  "condition_end,predicate,negated,hedged,coref,scope,rule_id,confidence",
                  1, 22,
                  "CREATE TABLE IF NOT EXISTS triples (id TEXT PRIMARY KEY, doc_id TEXT NOT NULL "
                  "REFERENCES documents(id), sentence_idx INTEGER NOT NULL, therapy TEXT NOT NULL "
                  "REFERENCES therapies(name), therapy_text TEXT NOT NULL, therapy_start INTEGER "
                  "NOT NULL, therapy_end INTEGER NOT NULL, effect TEXT NOT NULL, effect_text TEXT "
                  "NOT NULL, effect_start INTEGER NOT NULL, effect_end INTEGER NOT NULL, condition "
                  "TEXT REFERENCES conditions(name), condition_text TEXT, condition_start INTEGER, "
                  "condition_end INTEGER, predicate TEXT NOT NULL, negated INTEGER NOT NULL, "
                  "hedged INTEGER NOT NULL, coref INTEGER NOT NULL, scope TEXT NOT NULL, rule_id "
                  "TEXT NOT NULL REFERENCES rules(id), confidence %s NOT NULL)"},
    [T_CUE] = {"cues", "triple_id,n,kind,text,start_cp,end_cp", 2, 6,
               "CREATE TABLE IF NOT EXISTS cues (triple_id TEXT NOT NULL REFERENCES triples(id), "
               "n INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, start_cp INTEGER NOT "
               "NULL, end_cp INTEGER NOT NULL, PRIMARY KEY (triple_id, n))"},
    [T_EVIDENCE] = {"evidence", "triple_id,n,sentence_idx", 2, 3,
                    "CREATE TABLE IF NOT EXISTS evidence (triple_id TEXT NOT NULL REFERENCES "
                    "triples(id), n INTEGER NOT NULL, sentence_idx INTEGER NOT NULL, PRIMARY KEY "
                    "(triple_id, n))"},
};

static const char *const indexes[] = {
    "CREATE INDEX IF NOT EXISTS triples_therapy ON triples (therapy)",
    "CREATE INDEX IF NOT EXISTS triples_condition ON triples (condition)",
    "CREATE INDEX IF NOT EXISTS triples_doc ON triples (doc_id)",
};

/* INSERT INTO t (a,b,c) VALUES ($1,$2,$3) ON CONFLICT (a) DO UPDATE SET b = excluded.b, ...
 * A vocabulary keeps an ontology id it has when a later row has none. */
static char *upsert_sql(int t)
{
    strbuf b;
    sb_init(&b);
    const char *cols = tables[t].columns;
    int rc = sb_printf(&b, "INSERT INTO %s (%s) VALUES (", tables[t].name, cols);
    for (int i = 1; i <= tables[t].ncols && !rc; i++)
        rc = sb_printf(&b, "%s$%d", i > 1 ? ", " : "", i);
    if (!rc)
        rc = sb_puts(&b, ") ON CONFLICT (");
    const char *p = cols;
    for (int i = 0; i < tables[t].nkey && !rc; i++) {
        size_t n = strcspn(p, ",");
        rc = sb_printf(&b, "%s%.*s", i ? ", " : "", (int)n, p);
        p += n + (p[n] == ',');
    }
    if (!rc)
        rc = sb_puts(&b, ") DO UPDATE SET ");
    for (int i = tables[t].nkey; i < tables[t].ncols && !rc; i++) {
        size_t n = strcspn(p, ",");
        if (!strncmp(p, "ontology_id", n))
            rc = sb_printf(&b, "%sontology_id = COALESCE(excluded.ontology_id, %s.ontology_id)",
                           i > tables[t].nkey ? ", " : "", tables[t].name);
        else
            rc = sb_printf(&b, "%s%.*s = excluded.%.*s", i > tables[t].nkey ? ", " : "", (int)n,
                           p, (int)n, p);
        p += n + (p[n] == ',');
    }
    if (rc) {
        sb_free(&b);
        return NULL;
    }
    return sb_take(&b);
}

static int run(thx_store *s, int t, const char *const *vals, char **err)
{
    return s->be->run(s->h, t, s->sql[t], vals, tables[t].ncols, err);
}

/* ------------------------------------------------------------------ opening */

static int create_schema(thx_store *s, char **err)
{
    char ddl[2048];
    if (s->be->exec(s->h, "BEGIN", err) ||
        s->be->exec(s->h, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
                    err))
        return -1;
    long long v = s->be->scalar(s->h, "SELECT MAX(version) FROM schema_version");
    if (v > 0 && v != SCHEMA_VERSION) {
        strbuf m;
        sb_init(&m);
        sb_printf(&m, "the database has therex tables of schema version %lld; this therex "
                      "writes version %d (load into a new database)", v, SCHEMA_VERSION);
        *err = sb_take(&m);
        s->be->exec(s->h, "ROLLBACK", NULL);
        return -1;
    }
    for (int t = 0; t < T_COUNT; t++) {
        snprintf(ddl, sizeof ddl, tables[t].ddl, s->be->real_type);
        if (s->be->exec(s->h, ddl, err))
            return -1;
    }
    for (size_t i = 0; i < sizeof indexes / sizeof *indexes; i++)
        if (s->be->exec(s->h, indexes[i], err))
            return -1;
    snprintf(ddl, sizeof ddl, "INSERT INTO schema_version (version) VALUES (%d)", SCHEMA_VERSION);
    if (v <= 0 && s->be->exec(s->h, ddl, err))
        return -1;
    return s->be->exec(s->h, "COMMIT", err);
}

static thx_store *open_with(const store_backend *be, void *h, char **err)
{
    if (!h)
        return NULL;
    thx_store *s = calloc(1, sizeof *s);
    if (!s) {
        be->close(h);
        *err = xstrdup("out of memory");
        return NULL;
    }
    s->be = be;
    s->h = h;
    for (int t = 0; t < T_COUNT; t++)
        if (!(s->sql[t] = upsert_sql(t))) {
            *err = xstrdup("out of memory");
            thx_store_close(s);
            return NULL;
        }
    if (create_schema(s, err)) {
        thx_store_close(s);
        return NULL;
    }
    return s;
}

thx_store *thx_store_open_sqlite(const char *path, char **err)
{
    *err = NULL;
    return open_with(&store_sqlite, store_sqlite_open(path, err), err);
}

thx_store *thx_store_open_pg(const char *conninfo, char **err)
{
    *err = NULL;
    return open_with(&store_pg, store_pg_open(conninfo, err), err);
}

/* ------------------------------------------------------------------ writing */

typedef struct {
    char buf[24][24]; /* numbers as text */
    int used;
} numbers;

static const char *num(numbers *n, long long v)
{
    char *b = n->buf[n->used++ % 24];
    snprintf(b, 24, "%lld", v);
    return b;
}

static const char *name_of(const thx_rec_slot *s)
{
    return s->norm ? s->norm : s->text;
}

static int sentence_rows(thx_store *s, const thx_rec *r, const thx_rec_sentence *sn, char **err)
{
    numbers n = {.used = 0};
    const char *v[] = {r->doc_id, num(&n, sn->index), sn->section, num(&n, sn->start),
                       num(&n, sn->end), sn->text};
    return run(s, T_SENT, v, err);
}

static int write_record(thx_store *s, const thx_rec *r, char **err)
{
    numbers n = {.used = 0};
    const char *doc[] = {r->doc_id, r->pmid, r->doi, r->title, r->source};
    const char *rule[] = {r->rule_id, r->rule_file, num(&n, r->rule_line)};
    const char *therapy[] = {name_of(&r->therapy), r->therapy.id};
    const char *condition[] = {name_of(&r->condition), r->condition.id};
    bool has_cond = r->condition.text != NULL;
    char conf[32];
    snprintf(conf, sizeof conf, "%.4g", r->confidence);
    const char *triple[] = {
        r->id, r->doc_id, num(&n, r->sentence.index), name_of(&r->therapy), r->therapy.text,
        num(&n, r->therapy.start), num(&n, r->therapy.end), name_of(&r->effect), r->effect.text,
        num(&n, r->effect.start), num(&n, r->effect.end), has_cond ? name_of(&r->condition) : NULL,
        r->condition.text, has_cond ? num(&n, r->condition.start) : NULL,
        has_cond ? num(&n, r->condition.end) : NULL, r->predicate, r->negated ? "1" : "0",
        r->hedged ? "1" : "0", r->coref ? "1" : "0", r->scope, r->rule_id, conf};
    if (run(s, T_DOC, doc, err) || sentence_rows(s, r, &r->sentence, err) ||
        run(s, T_RULE, rule, err) || run(s, T_THERAPY, therapy, err) ||
        (has_cond && run(s, T_CONDITION, condition, err)))
        return -1;
    for (size_t i = 0; i < r->nevidence; i++)
        if (sentence_rows(s, r, &r->evidence[i], err))
            return -1;
    if (run(s, T_TRIPLE, triple, err))
        return -1;
    /* a triple's cues and evidence are replaced whole: a rerun with other cue lexicons
     * leaves no cue behind that the triple no longer has */
    const char *key[] = {r->id};
    if (s->be->run(s->h, T_COUNT, "DELETE FROM cues WHERE triple_id = $1", key, 1, err) ||
        s->be->run(s->h, T_COUNT + 1, "DELETE FROM evidence WHERE triple_id = $1", key, 1, err))
        return -1;
    for (size_t i = 0; i < r->ncues; i++) {
        numbers m = {.used = 0};
        const char *cue[] = {r->id, num(&m, (long long)i), r->cues[i].kind, r->cues[i].text,
                             num(&m, r->cues[i].start), num(&m, r->cues[i].end)};
        if (run(s, T_CUE, cue, err))
            return -1;
    }
    for (size_t i = 0; i < r->nevidence; i++) {
        numbers m = {.used = 0};
        const char *ev[] = {r->id, num(&m, (long long)i), num(&m, r->evidence[i].index)};
        if (run(s, T_EVIDENCE, ev, err))
            return -1;
    }
    return 0;
}

/* The statements that take a document out, in the order the references allow (slots
 * T_COUNT + 2 on); the last also takes the documents row. */
static const char *const doc_deletes[] = {
    "DELETE FROM cues WHERE triple_id IN (SELECT id FROM triples WHERE doc_id = $1)",
    "DELETE FROM evidence WHERE triple_id IN (SELECT id FROM triples WHERE doc_id = $1)",
    "DELETE FROM triples WHERE doc_id = $1",
    "DELETE FROM sentences WHERE doc_id = $1",
    "DELETE FROM documents WHERE id = $1",
};
#define DOC_DELETES (sizeof doc_deletes / sizeof *doc_deletes)

/* Opens the batch's transaction when none is open; 0, or -1 with *err set. */
static int begin(thx_store *s, char **err)
{
    if (s->open)
        return 0;
    if (s->be->exec(s->h, "BEGIN", err))
        return -1;
    s->open = true;
    return 0;
}

/* Rolls the open batch back after a failure: the store takes no more. */
static int fail(thx_store *s)
{
    if (s->open)
        s->be->exec(s->h, "ROLLBACK", NULL);
    s->open = false;
    s->in_batch = 0;
    s->broken = true;
    return THX_EIO;
}

/* Counts one operation of the batch, committing it when full. */
static int counted(thx_store *s, char **err)
{
    return ++s->in_batch >= THX_STORE_BATCH ? thx_store_commit(s, err) : 0;
}

/* Runs the first n of doc_deletes for doc_id and remembers it as the current document. */
static int take_out(thx_store *s, const char *doc_id, size_t n, char **err)
{
    if (s->broken) {
        *err = xstrdup("an earlier batch failed");
        return THX_EIO;
    }
    char *copy = xstrdup(doc_id);
    if (!copy) {
        *err = xstrdup("out of memory");
        return fail(s);
    }
    free(s->doc);
    s->doc = copy;
    if (begin(s, err))
        return fail(s);
    const char *key[] = {doc_id};
    for (size_t i = 0; i < n; i++)
        if (s->be->run(s->h, T_COUNT + 2 + (int)i, doc_deletes[i], key, 1, err))
            return fail(s);
    return counted(s, err);
}

int thx_store_replace_document(thx_store *s, const char *doc_id, char **err)
{
    *err = NULL;
    return take_out(s, doc_id, DOC_DELETES - 1, err);
}

int thx_store_delete_document(thx_store *s, const char *doc_id, char **err)
{
    *err = NULL;
    int rc = take_out(s, doc_id, DOC_DELETES, err);
    free(s->doc); /* a record of it after this starts it anew */
    s->doc = NULL;
    return rc;
}

int thx_store_add(thx_store *s, const thx_rec *r, char **err)
{
    *err = NULL;
    if (s->broken) {
        *err = xstrdup("an earlier batch failed");
        return THX_EIO;
    }
    /* a record of another document than the last: that document's earlier rows go */
    if ((!s->doc || strcmp(s->doc, r->doc_id)) && thx_store_replace_document(s, r->doc_id, err))
        return THX_EIO;
    if (begin(s, err) || write_record(s, r, err))
        return fail(s);
    return counted(s, err);
}

int thx_store_commit(thx_store *s, char **err)
{
    *err = NULL;
    if (!s->open)
        return s->broken ? THX_EIO : 0;
    s->open = false;
    s->in_batch = 0;
    if (s->be->exec(s->h, "COMMIT", err)) {
        fail(s);
        return THX_EIO;
    }
    return 0;
}

long long thx_store_count(thx_store *s, const char *table)
{
    for (int t = 0; t < T_COUNT; t++)
        if (!strcmp(table, tables[t].name)) {
            char sql[96];
            snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM %s", tables[t].name);
            return s->be->scalar(s->h, sql);
        }
    return -1;
}

void thx_store_close(thx_store *s)
{
    if (!s)
        return;
    if (s->open)
        s->be->exec(s->h, "ROLLBACK", NULL);
    s->be->close(s->h);
    free(s->doc);
    for (int t = 0; t < T_COUNT; t++)
        free(s->sql[t]);
    free(s);
}
