/*
 * therex extract over PubMed XML and MEDLINE end to end: the newest version of a PMID
 * wins within a run (supersede.c), DeleteCitation PMIDs go to the sidecar file
 * (OUTPUT.deleted or --deleted FILE), and the output is the same for any -j. Inputs are
 * written into a temporary folder. Owned by the corpus-readers module.
 */
#include "output/output.h"
#include "support.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void teardown(void)
{
    remove_tmp_dir();
}

TestSuite(cli_pubmed, .fini = teardown);

static const char set_head[] = "<PubmedArticleSet>\n";
static const char set_tail[] = "</PubmedArticleSet>\n";

/* A record of PMID pmid whose title is `title`. */
static void put_record(FILE *f, const char *pmid, const char *title)
{
    fprintf(f, "<PubmedArticle><MedlineCitation><PMID Version=\"1\">%s</PMID><Article>"
               "<ArticleTitle>%s</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n",
            pmid, title);
}

static char dir[4200];

/* corpus/a-baseline.xml: PMIDs 1 (rapamycin, 2 triples' worth of text), 2, 3;
 * corpus/b-update.xml: PMID 1 again (a new text), a deletion of 3, PMID 4. */
static void write_corpus(void)
{
    snprintf(dir, sizeof dir, "%s", tmp_path("corpus"));
    mkdir(dir, 0700);
    char path[4400];
    snprintf(path, sizeof path, "%s/a-baseline.xml", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(set_head, f);
    put_record(f, "1", "Rapamycin reduced liver fibrosis. Rapamycin reduced kidney fibrosis.");
    put_record(f, "2", "Rapamycin reduced lung fibrosis.");
    put_record(f, "3", "Rapamycin reduced skin fibrosis.");
    fputs(set_tail, f);
    fclose(f);
    snprintf(path, sizeof path, "%s/b-update.xml", dir);
    f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(set_head, f);
    put_record(f, "1", "Rapamycin reduced heart fibrosis.");
    fputs("<DeleteCitation><PMID Version=\"1\">3</PMID></DeleteCitation>\n", f);
    put_record(f, "4", "Rapamycin reduced gut fibrosis.");
    fputs(set_tail, f);
    fclose(f);
}

static char *slurp(const char *path)
{
    size_t n;
    return read_fixture(path, &n);
}

static int count(const char *s, const char *needle)
{
    int k = 0;
    for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
        k++;
    return k;
}

Test(cli_pubmed, the_newest_version_of_a_pmid_wins)
{
    write_corpus();
    char args[10000], out1[4400], out2[4400];
    snprintf(out1, sizeof out1, "%s/j1.jsonl", tmp_path("o"));
    snprintf(out2, sizeof out2, "%s/j2.jsonl", tmp_path("o"));
    char *err = NULL;
    snprintf(args, sizeof args, "extract -r rules/unit.rules -j 1 '%s' -o '%s'", dir, out1);
    cr_assert_eq(run_cli(THX_TEST_DIR, args, NULL, &err), 0);
    cr_expect(strstr(err, "1 document replaced an earlier version of the same PMID (2 triples "
                          "of earlier versions left out)"),
              "%s", err);
    free(err);
    snprintf(args, sizeof args, "extract -q -r rules/unit.rules -j 2 '%s' -o '%s'", dir, out2);
    cr_assert_eq(run_cli(THX_TEST_DIR, args, NULL, NULL), 0);
    char *a = slurp(out1), *b = slurp(out2);
    cr_assert(a && b);
    cr_expect_str_eq(a, b, "the same for any -j");
    /* PMID 1: only the update's triple; the others as they were */
    cr_expect_eq(count(a, "\"pmid\":\"1\""), 1, "%s", a);
    cr_expect(strstr(a, "heart fibrosis"));
    cr_expect_null(strstr(a, "liver fibrosis"));
    cr_expect_null(strstr(a, "kidney fibrosis"));
    cr_expect_eq(count(a, "\"pmid\":\"2\""), 1);
    cr_expect_eq(count(a, "\"pmid\":\"4\""), 1);
    cr_expect_eq(count(a, "\n"), 4, "%s", a);
    free(a);
    free(b);
    /* the DeleteCitation PMIDs, beside the output */
    char del[4500];
    snprintf(del, sizeof del, "%s.deleted", out1);
    char *d = slurp(del);
    cr_assert_not_null(d);
    cr_expect_str_eq(d, "3\n");
    free(d);
}

static long long rows(const char *db, const char *table)
{
    char *err = NULL;
    thx_store *s = thx_store_open_sqlite(db, &err);
    cr_assert_not_null(s, "%s", err);
    long long n = thx_store_count(s, table);
    thx_store_close(s);
    return n;
}

/* In a database too the newest version of a PMID wins (its document is replaced), and a
 * DeleteCitation takes the document out; a second run changes no count. */
Test(cli_pubmed, a_database_keeps_the_newest_version_and_drops_deleted_citations)
{
    write_corpus();
    char args[10000], db[4400];
    snprintf(db, sizeof db, "%s", tmp_path("t.sqlite"));
    for (int run = 0; run < 2; run++) {
        char *err = NULL;
        snprintf(args, sizeof args, "extract -r rules/unit.rules -j 2 '%s' --db '%s'", dir, db);
        cr_assert_eq(run_cli(THX_TEST_DIR, args, NULL, &err), 0, "%s", err);
        cr_expect(strstr(err, "1 document replaced an earlier version of the same PMID in "),
                  "%s", err);
        cr_expect(strstr(err, "1 PMID of DeleteCitation taken out of "), "%s", err);
        free(err);
        /* PMID 1: the update's one triple (heart), not the baseline's two; 3 is gone */
        cr_expect_eq(rows(db, "triples"), 3, "run %d", run);
        cr_expect_eq(rows(db, "documents"), 3, "run %d", run);
        cr_expect_eq(rows(db, "sentences"), 3, "run %d", run);
    }
}

Test(cli_pubmed, deleted_file_option_and_standard_output)
{
    write_corpus();
    char args[10000], del[4400];
    snprintf(del, sizeof del, "%s", tmp_path("gone.txt"));
    char *out = NULL, *err = NULL;
    snprintf(args, sizeof args, "extract -r rules/unit.rules '%s' -o - --deleted '%s'", dir, del);
    cr_assert_eq(run_cli(THX_TEST_DIR, args, &out, &err), 0);
    /* standard output cannot be filtered: every version is there, and a note says so */
    cr_expect(strstr(out, "liver fibrosis") && strstr(out, "heart fibrosis"), "%s", out);
    cr_expect(strstr(err, "therex: note: 1 document repeated a PMID read before"), "%s", err);
    char *d = slurp(del);
    cr_assert_not_null(d);
    cr_expect_str_eq(d, "3\n");
    free(d);
    free(out);
    free(err);
}

Test(cli_pubmed, a_directory_of_xml_medline_and_gzip_is_read)
{
    /* before the XML reader: .xml, .nbib and .gz were skipped without a word */
    char *err = NULL;
    cr_assert_eq(run_cli(THX_TEST_DIR, "extract -r rules/unit.rules cases/pubmed/corpus -o -",
                         NULL, &err),
                 0);
    cr_expect(strstr(err, "therex: 4 files, 10 documents, "), "%s", err);
    free(err);
}

static int strcmp_ptr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct {
    char *s;
    size_t len;
} strbuf_t;

static void append(strbuf_t *b, const char *t)
{
    size_t n = strlen(t);
    b->s = realloc(b->s, b->len + n + 1);
    memcpy(b->s + b->len, t, n + 1);
    b->len += n;
}

/* The lines of a run's output, sorted, as one string. */
static char *sorted_lines(const char *text)
{
    size_t n = 0, cap = 16;
    char **lines = malloc(cap * sizeof *lines);
    char *copy = strdup(text);
    for (char *save, *t = strtok_r(copy, "\n", &save); t; t = strtok_r(NULL, "\n", &save)) {
        if (n == cap)
            lines = realloc(lines, (cap *= 2) * sizeof *lines);
        lines[n++] = t;
    }
    qsort(lines, n, sizeof *lines, strcmp_ptr);
    size_t len = 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(lines[i]) + 1;
    char *out = malloc(len), *w = out;
    for (size_t i = 0; i < n; i++)
        w += sprintf(w, "%s\n", lines[i]);
    *w = '\0';
    free(lines);
    free(copy);
    return out;
}

/* The union of the shards' outputs is the single run's, for files and for documents. */
static void check_shards(const char *inputs, int nshards)
{
    char args[6000];
    char *all = NULL;
    snprintf(args, sizeof args, "extract -q -r rules/unit.rules %s -o -", inputs);
    cr_assert_eq(run_cli(THX_TEST_DIR, args, &all, NULL), 0);
    strbuf_t joined = {0};
    int nonempty = 0;
    for (int k = 1; k <= nshards; k++) {
        char *part = NULL;
        snprintf(args, sizeof args, "extract -q -r rules/unit.rules --shard %d/%d %s -o -", k,
                 nshards, inputs);
        cr_assert_eq(run_cli(THX_TEST_DIR, args, &part, NULL), 0);
        nonempty += *part != '\0';
        append(&joined, part);
        free(part);
    }
    char *want = sorted_lines(all), *got = sorted_lines(joined.s ? joined.s : "");
    cr_expect_str_eq(got, want, "%s: the shards' union differs from the single run", inputs);
    cr_expect_gt(nonempty, 1, "%s: more than one shard has triples", inputs);
    free(want);
    free(got);
    free(all);
    free(joined.s);
}

Test(cli_pubmed, shards_union_is_the_single_run)
{
    check_shards("cases/pubmed/corpus cases/formats/corpus", 3); /* files */
    /* one file: its documents */
    char path[4400], inputs[4500];
    snprintf(path, sizeof path, "%s", tmp_path("many.jsonl"));
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    for (int i = 0; i < 24; i++)
        fprintf(f, "{\"id\": \"d%d\", \"text\": \"Rapamycin reduced fibrosis %d.\"}\n", i, i);
    fclose(f);
    snprintf(inputs, sizeof inputs, "'%s'", path);
    check_shards(inputs, 3);
    cr_expect_eq(run_cli(THX_TEST_DIR, "extract --shard 4/3 cases/pubmed/corpus -o -", NULL, NULL),
                 2);
    cr_expect_eq(run_cli(THX_TEST_DIR, "extract --shard 0/3 cases/pubmed/corpus -o -", NULL, NULL),
                 2);
}

Test(cli_pubmed, progress_line_when_asked)
{
    char *err = NULL;
    /* standard error is no terminal here: no progress line unless --progress */
    cr_assert_eq(run_cli(THX_TEST_DIR, "extract -r rules/unit.rules cases/pubmed/corpus -o -",
                         NULL, &err),
                 0);
    cr_expect_null(strstr(err, "\r"), "%s", err);
    free(err);
    err = NULL;
    cr_assert_eq(run_cli(THX_TEST_DIR,
                         "extract -q --progress -r rules/unit.rules cases/pubmed/corpus -o -",
                         NULL, &err),
                 0);
    cr_expect(strstr(err, "\rtherex: 4/4 files, 10 documents, 2 triples, "), "%s", err);
    cr_expect_null(strstr(err, "therex: 4 files"), "-q: no summary");
    free(err);
}
