/*
 * The sinks besides JSON (output/output.h, README "Databases", docs/output.md "Other
 * formats"): the record read back from JSON, CSV and TSV rows, the neo4j import files,
 * and SQLite tables written by `therex load` and `therex extract --db` (upserts: loading
 * twice changes no count; a bad line is reported at path:line:col and the rest loaded).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output/output.h"
#include "support.h"

static char dir[64];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/thx-db-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        cr_log_warn("could not remove %s", dir);
}

TestSuite(db, .init = setup, .fini = teardown);

/* A record whose sentence holds a comma, quotes, a tab, a newline and a backslash. */
static const char tricky[] =
    "{\"schema\":\"therex.triple/1\",\"id\":\"00000000000000ab\",\"doc\":{\"id\":\"d,1\","
    "\"pmid\":\"123\",\"doi\":null,\"title\":\"T\",\"source\":\"x.jsonl\"},\"sentence\":{\"index\":2,"
    "\"section\":\"abstract\",\"start\":5,\"end\":40,\"text\":\"A, \\\"b\\\"\\tc\\nd\\\\e\"},"
    "\"therapy\":{\"text\":\"Metformin\",\"norm\":\"metformin\",\"id\":\"MeSH:D008687\",\"start\":5,"
    "\"end\":14},\"effect\":{\"text\":\"improve\",\"norm\":\"improves\",\"start\":20,\"end\":27},"
    "\"condition\":{\"text\":\"PCOS\",\"norm\":\"polycystic ovary syndrome\",\"id\":\"MeSH:D011085\","
    "\"start\":30,\"end\":34},\"predicate\":\"biolink:treats\",\"negated\":true,\"hedged\":false,"
    "\"cues\":[{\"kind\":\"negation\",\"text\":\"did not\",\"start\":15,\"end\":22}],\"coref\":false,"
    "\"scope\":\"sentence\",\"evidence\":[],\"rule\":{\"id\":\"improves.generic\",\"file\":"
    "\"rules/x.rules\",\"line\":64},\"confidence\":0.8}";

static char *row_of(const char *json, thx_rows_kind kind)
{
    thx_rec r;
    thx_diags d;
    thx_diags_init(&d);
    cr_assert_eq(thx_rec_parse(&r, json, strlen(json), "t.jsonl", 1, &d), 0);
    thx_diags_free(&d);
    strbuf b;
    sb_init(&b);
    cr_assert_eq(thx_rows_append(&r, kind, &b), 0);
    thx_rec_free(&r);
    return sb_take(&b);
}

Test(db, csv_quotes_as_rfc4180_and_tsv_escapes)
{
    char *csv = row_of(tricky, THX_ROWS_CSV);
    cr_expect(!strncmp(csv, "00000000000000ab,\"d,1\",123,,x.jsonl,2,abstract,5,40,Metformin,"
                            "metformin,MeSH:D008687,5,14,improve,improves,20,27,PCOS,",
                       strlen("00000000000000ab,\"d,1\",123,,x.jsonl,2,abstract,5,40,Metformin,"
                              "metformin,MeSH:D008687,5,14,improve,improves,20,27,PCOS,")),
              "%s", csv);
    cr_expect(strstr(csv, ",biolink:treats,true,false,false,sentence,negation:did not,,"
                          "improves.generic,rules/x.rules,64,0.8,\"A, \"\"b\"\"\tc\nd\\e\"\r\n") !=
                  NULL,
              "%s", csv);
    char *tsv = row_of(tricky, THX_ROWS_TSV);
    cr_expect(strstr(tsv, "\t0.8\tA, \"b\"\\tc\\nd\\\\e\n") != NULL, "%s", tsv);
    cr_expect(strchr(tsv, '\n') == tsv + strlen(tsv) - 1, "one line: %s", tsv);
    /* as many fields as the header has */
    size_t tabs = 0, head_tabs = 0;
    for (const char *p = tsv; *p; p++)
        tabs += *p == '\t';
    for (const char *p = thx_rows_header(THX_ROWS_TSV); *p; p++)
        head_tabs += *p == '\t';
    cr_expect_eq(tabs, head_tabs);
    cr_expect(!strncmp(thx_rows_header(THX_ROWS_CSV), "id,doc_id,pmid,", 15));
    free(csv);
    free(tsv);
}

Test(db, a_record_without_a_key_of_the_schema_is_reported)
{
    thx_rec r;
    thx_diags d;
    thx_diags_init(&d);
    cr_expect_eq(thx_rec_parse(&r, "{\"id\":\"x\"}", 10, "t.jsonl", 7, &d), THX_EINPUT);
    cr_assert_eq(d.len, 1);
    cr_expect_eq(d.items[0].line, 7);
    cr_expect(strstr(d.items[0].message, "\"doc\"") != NULL, "%s", d.items[0].message);
    thx_diags_free(&d);
    thx_diags_init(&d);
    cr_expect_eq(thx_rec_parse(&r, "{\"id\": }", 8, "t.jsonl", 3, &d), THX_EINPUT);
    cr_assert_eq(d.len, 1);
    cr_expect_eq(d.items[0].col, 8);
    cr_expect(strstr(d.items[0].message, "invalid JSON") != NULL);
    thx_diags_free(&d);
}

/* Extracts the formats corpus (13 triples with the unit rules) to DIR/t.jsonl. */
static void extract_fixture(void)
{
    char args[512];
    snprintf(args, sizeof args,
             "extract -q -r rules/unit.rules --root cases/formats cases/formats/corpus -o %s/t.jsonl",
             dir);
    cr_assert_eq(run_cli(THX_TEST_DIR, args, NULL, NULL), 0);
}

static long long count(const char *db, const char *table)
{
    char *err = NULL, path[128];
    snprintf(path, sizeof path, "%s/%s", dir, db);
    thx_store *s = thx_store_open_sqlite(path, &err);
    cr_assert_not_null(s, "%s", err);
    long long n = thx_store_count(s, table);
    thx_store_close(s);
    return n;
}

static const char *const table_names[] = {"documents", "sentences", "rules", "therapies",
                                           "conditions", "triples", "cues", "evidence"};

Test(db, loading_twice_upserts_and_extract_db_writes_the_same_rows)
{
    extract_fixture();
    char args[512], *err = NULL;
    snprintf(args, sizeof args, "load %s/t.jsonl --db %s/x.sqlite", dir, dir);
    cr_assert_eq(run_cli(NULL, args, NULL, &err), 0, "%s", err);
    cr_expect(strstr(err, "13 records loaded") != NULL, "%s", err);
    free(err);
    long long first[8];
    for (int t = 0; t < 8; t++)
        first[t] = count("x.sqlite", table_names[t]);
    cr_expect_eq(first[5], 13);
    cr_expect_eq(first[0], 4); /* plain.txt, seed.txt, sent-1, 12345 */
    cr_expect_eq(first[6], 3); /* "did not", "suggest" (two triples) */
    cr_assert_eq(run_cli(NULL, args, NULL, NULL), 0);
    for (int t = 0; t < 8; t++)
        cr_expect_eq(count("x.sqlite", table_names[t]), first[t], "%s grew on the second load",
                     table_names[t]);
    /* extract --db writes the same rows */
    snprintf(args, sizeof args,
             "extract -q -r rules/unit.rules --root cases/formats cases/formats/corpus --db %s/y.sqlite",
             dir);
    cr_assert_eq(run_cli(THX_TEST_DIR, args, NULL, NULL), 0);
    for (int t = 0; t < 8; t++)
        cr_expect_eq(count("y.sqlite", table_names[t]), first[t], "%s", table_names[t]);
    cr_expect_eq(count("y.sqlite", "schema_version"), -1, "not a table of thx_store_count");
}

Test(db, a_bad_line_is_reported_and_the_rest_loaded)
{
    extract_fixture();
    char cmd[512];
    /* line 2 is not JSON, line 4 not a triple; the other 13 records are loaded */
    snprintf(cmd, sizeof cmd,
             "cd %s && (head -1 t.jsonl; echo '{\"id\": }'; sed -n 2,5p t.jsonl; "
             "echo '{\"id\":\"x\"}'; tail -n +6 t.jsonl) >bad.jsonl",
             dir);
    cr_assert_eq(system(cmd), 0);
    char args[512], *err = NULL;
    snprintf(args, sizeof args, "load bad.jsonl --db x.sqlite");
    int rc = run_cli(dir, args, NULL, &err);
    cr_expect_eq(rc, 1, "exit %d: %s", rc, err);
    cr_expect(strstr(err, "bad.jsonl:2:8: error: invalid JSON") != NULL, "%s", err);
    cr_expect(strstr(err, "bad.jsonl:7:1: error: not a therex triple record") != NULL, "%s", err);
    cr_expect(strstr(err, "13 records loaded") != NULL, "%s", err);
    free(err);
    cr_expect_eq(count("x.sqlite", "triples"), 13);
}

Test(db, usage_errors)
{
    cr_expect_eq(run_cli(NULL, "load out/triples.jsonl", NULL, NULL), 2);
    cr_expect_eq(run_cli(NULL, "load --db", NULL, NULL), 2);
    cr_expect_eq(run_cli(NULL, "load --frob --db x.sqlite", NULL, NULL), 2);
    cr_expect_eq(run_cli(NULL, "extract --db x.sqlite -o y.jsonl", NULL, NULL), 2);
    cr_expect_eq(run_cli(NULL, "extract --db x.sqlite -f csv", NULL, NULL), 2);
    char *err = NULL;
    cr_expect_eq(run_cli(NULL, "load tests/fixtures/none.jsonl --db /proc/none/x.sqlite", NULL,
                         &err), 4);
    cr_expect(strstr(err, "/proc/none/x.sqlite: cannot open") != NULL, "%s", err);
    free(err);
}

/* Lines of DIR/name, or -1. */
static int lines_of(const char *name)
{
    char path[160];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *s = read_fixture(path, NULL);
    if (!s)
        return -1;
    int n = 0;
    for (char *p = s; *p; p++)
        n += *p == '\n';
    free(s);
    return n;
}

Test(db, csv_tsv_and_neo4j_from_extract)
{
    char args[512];
    const char *fmts[] = {"csv", "tsv"};
    for (int i = 0; i < 2; i++) {
        snprintf(args, sizeof args,
                 "extract -q -r rules/unit.rules cases/formats/corpus -f %s -o %s/t.%s", fmts[i],
                 dir, fmts[i]);
        cr_assert_eq(run_cli(THX_TEST_DIR, args, NULL, NULL), 0);
        char name[16];
        snprintf(name, sizeof name, "t.%s", fmts[i]);
        cr_expect_eq(lines_of(name), 14, "%s: a header and 13 rows", name);
    }
    snprintf(args, sizeof args, "extract -q -r rules/unit.rules cases/formats/corpus -f neo4j -o %s/g",
             dir);
    cr_assert_eq(run_cli(THX_TEST_DIR, args, NULL, NULL), 0);
    /* 13 triples: 8 with a condition, 5 effect-only; nodes once each */
    cr_expect_eq(lines_of("g/claims.csv") + lines_of("g/has_effect.csv"), 2 + 13);
    cr_expect_eq(lines_of("g/therapies.csv"), 1 + 2, "exosomes, metformin");
    cr_expect_eq(lines_of("g/conditions.csv"), 1 + 5);
    char path[160];
    snprintf(path, sizeof path, "%s/g/therapies.csv", dir);
    char *t = read_fixture(path, NULL);
    cr_expect_str_eq(t, "name:ID(Therapy),ontologyId,:LABEL\nexosomes,MeSH:D055354,Therapy\n"
                        "metformin,MeSH:D008687,Therapy\n");
    free(t);
    snprintf(path, sizeof path, "%s/g/claims.csv", dir);
    t = read_fixture(path, NULL);
    cr_expect(strstr(t, "\nmetformin,polycystic ovary syndrome,TREATS,") != NULL, "%s", t);
    free(t);
}

/* The store itself: an upsert keyed by the triple id; a triple's cues are replaced whole. */
Test(db, the_same_triple_again_is_one_row_with_its_latest_cues)
{
    char path[128], *err = NULL;
    snprintf(path, sizeof path, "%s/s.sqlite", dir);
    thx_store *s = thx_store_open_sqlite(path, &err);
    cr_assert_not_null(s, "%s", err);
    const char *cues = strstr(tricky, "\"cues\":[");
    char *no_cues = malloc(sizeof tricky);
    size_t head = (size_t)(cues - tricky);
    const char *after = strchr(cues, ']') + 1;
    snprintf(no_cues, sizeof tricky, "%.*s\"cues\":[]%s", (int)head, tricky, after);
    const char *versions[] = {tricky, tricky, no_cues};
    long long want_cues[] = {1, 1, 0};
    for (int i = 0; i < 3; i++) {
        thx_rec r;
        thx_diags d;
        thx_diags_init(&d);
        cr_assert_eq(thx_rec_parse(&r, versions[i], strlen(versions[i]), "t", 1, &d), 0);
        thx_diags_free(&d);
        cr_assert_eq(thx_store_add(s, &r, &err), 0, "%s", err);
        cr_assert_eq(thx_store_commit(s, &err), 0, "%s", err);
        thx_rec_free(&r);
        cr_expect_eq(thx_store_count(s, "triples"), 1);
        cr_expect_eq(thx_store_count(s, "documents"), 1);
        cr_expect_eq(thx_store_count(s, "cues"), want_cues[i], "version %d", i);
    }
    thx_store_close(s);
    free(no_cues);
}

/* A document is replaced whole: its first record in a later load takes out the triples
 * the earlier load gave it (a rerun with other rules leaves no stale triple), and
 * thx_store_replace_document empties a document that now gives none. */
Test(db, a_document_is_replaced_whole)
{
    char path[128], *err = NULL;
    snprintf(path, sizeof path, "%s/r.sqlite", dir);
    char *other = strdup(tricky); /* the same document, another triple id */
    memcpy(strstr(other, "00000000000000ab"), "00000000000000cd", 16);
    const char *first[] = {tricky, other}, *second[] = {other};
    const char *const *loads[] = {first, second};
    size_t nloads[] = {2, 1};
    long long want[] = {2, 1};
    for (int l = 0; l < 2; l++) {
        thx_store *s = thx_store_open_sqlite(path, &err);
        cr_assert_not_null(s, "%s", err);
        for (size_t i = 0; i < nloads[l]; i++) {
            thx_rec r;
            thx_diags d;
            thx_diags_init(&d);
            cr_assert_eq(thx_rec_parse(&r, loads[l][i], strlen(loads[l][i]), "t", 1, &d), 0);
            thx_diags_free(&d);
            cr_assert_eq(thx_store_add(s, &r, &err), 0, "%s", err);
            thx_rec_free(&r);
        }
        cr_assert_eq(thx_store_commit(s, &err), 0, "%s", err);
        cr_expect_eq(thx_store_count(s, "triples"), want[l], "load %d", l);
        cr_expect_eq(thx_store_count(s, "cues"), want[l], "load %d", l);
        cr_expect_eq(thx_store_count(s, "documents"), 1);
        thx_store_close(s);
    }
    thx_store *s = thx_store_open_sqlite(path, &err);
    cr_assert_not_null(s, "%s", err);
    cr_assert_eq(thx_store_replace_document(s, "d,1", &err), 0, "%s", err);
    cr_assert_eq(thx_store_commit(s, &err), 0, "%s", err);
    cr_expect_eq(thx_store_count(s, "triples"), 0);
    cr_expect_eq(thx_store_count(s, "cues"), 0);
    cr_expect_eq(thx_store_count(s, "sentences"), 0);
    cr_expect_eq(thx_store_count(s, "documents"), 1, "the document stays, without triples");
    cr_assert_eq(thx_store_delete_document(s, "d,1", &err), 0, "%s", err);
    cr_assert_eq(thx_store_commit(s, &err), 0, "%s", err);
    cr_expect_eq(thx_store_count(s, "documents"), 0);
    thx_store_close(s);
    free(other);
}
