/*
 * therex extract over PubMed XML and MEDLINE end to end: the newest version of a PMID
 * wins within a run (supersede.c), DeleteCitation PMIDs go to the sidecar file
 * (OUTPUT.deleted or --deleted FILE), and the output is the same for any -j. Inputs are
 * written into a temporary folder. Owned by the corpus-readers module.
 */
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
