/*
 * Tests of the PubMed XML (reader_xml.c) and MEDLINE (reader_medline.c) readers and of
 * reading files as streams (reader_file.c, reader_stream.c): fields, structured
 * abstracts, inline markup, DeleteCitation, gzip, a gzip file cut short, malformed XML,
 * a bad MEDLINE line, content detection. Fixtures: tests/fixtures/pubmed-xml and
 * tests/fixtures/medline (sources in tests/fixtures/README.md). Owned by input/.
 */
#include "support.h"
#include "therex.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static thx_docs docs;
static thx_diags diags;

static void setup(void)
{
    thx_docs_init(&docs);
    thx_diags_init(&diags);
}

static void teardown(void)
{
    thx_docs_free(&docs);
    thx_diags_free(&diags);
    remove_tmp_dir();
}

TestSuite(pubmed, .init = setup, .fini = teardown);

static const char *fix_path(const char *name)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/fixtures/%s", THX_TEST_DIR, name);
    return path;
}

static int read_fix(const char *name, thx_format fmt)
{
    return thx_read_file(&docs, fix_path(name), name, fmt, &diags);
}

static void assert_list(const thx_strlist *l, size_t n, const char *const *want)
{
    cr_assert_eq(l->len, n, "%zu items, not %zu", l->len, n);
    for (size_t i = 0; i < n; i++)
        cr_assert_str_eq(l->items[i], want[i]);
}

/* ---------------------------------------------------------------- PubMed XML */

Test(pubmed, xml_fields_of_a_structured_abstract)
{
    cr_assert_eq(read_fix("pubmed-xml/structured.xml", THX_FMT_AUTO), 0);
    cr_assert_eq(diags.len, 0);
    cr_assert_eq(docs.len, 2);
    const thx_doc *d = &docs.items[0];
    cr_assert_str_eq(d->id, "900001");
    cr_assert_str_eq(d->pmid, "900001", "not the PMID of CommentsCorrections");
    cr_assert_str_eq(d->doi, "10.1000/test.1", "PubmedData's DOI, not a reference's");
    cr_assert_str_eq(d->journal, "Journal of Test Medicine");
    cr_assert_str_eq(d->year, "2019", "the first year of a MedlineDate");
    /* inline markup reduced to its text; entities decoded */
    cr_assert_str_eq(d->title, "Metformin in type 2 diabetes & H2O.");
    /* sections as `LABEL: text`, joined by a newline; MathML as its text; no copyright */
    cr_assert_str_eq(d->abstract, "BACKGROUND: Diabetes is common.\n"
                                  "RESULTS: Metformin reduced HbA1c by 1.2%.\n"
                                  "No label here.");
    assert_list(&d->publication_types, 2,
                (const char *const[]){"Journal Article", "Randomized Controlled Trial"});
    assert_list(&d->mesh_terms, 2, (const char *const[]){"Diabetes Mellitus, Type 2", "Metformin"});
    assert_list(&d->keywords, 1, (const char *const[]){"glycaemic control"});
    const thx_doc *e = &docs.items[1];
    cr_assert_str_eq(e->doi, "10.1000/eloc.2", "ELocationID when PubmedData has no DOI");
    cr_assert_str_eq(e->year, "2021");
    cr_assert_str_eq(e->abstract, "Aspirin reduced pain.", "no UNLABELLED label");
    cr_assert_eq(e->mesh_terms.len, 0);
}

Test(pubmed, xml_offsets_count_the_text_as_read)
{
    /* a triple's offsets index the document's text, markup and labels included as read */
    cr_assert_eq(read_fix("pubmed-xml/structured.xml", THX_FMT_PUBMED_XML), 0);
    const char *a = docs.items[0].abstract;
    const char *m = strstr(a, "Metformin reduced");
    cr_assert_not_null(m);
    cr_assert_eq(m - a, (long)strlen("BACKGROUND: Diabetes is common.\nRESULTS: "));
}

Test(pubmed, xml_delete_citations_are_listed_not_read)
{
    thx_reader *r;
    cr_assert_eq(thx_reader_open(&r, fix_path("pubmed-xml/structured.xml"), "s.xml",
                                 THX_FMT_AUTO, &diags),
                 0);
    cr_assert_eq(thx_reader_format(r), THX_FMT_PUBMED_XML);
    /* one document a call */
    cr_assert_eq(thx_reader_next(r, &docs, 1, &diags), 0);
    cr_assert_eq(docs.len, 1);
    cr_assert_not(thx_reader_done(r));
    while (!thx_reader_done(r))
        cr_assert_eq(thx_reader_next(r, &docs, 1, &diags), 0);
    cr_assert_eq(docs.len, 2);
    thx_strlist del = thx_reader_deleted(r);
    assert_list(&del, 2, (const char *const[]){"800001", "800002"});
    thx_reader_free(r);
}

Test(pubmed, xml_gzip_update_file)
{
    thx_reader *r;
    cr_assert_eq(thx_reader_open(&r, fix_path("pubmed-xml/pubmed26n1335.xml.gz"), "u.xml.gz",
                                 THX_FMT_AUTO, &diags),
                 0);
    while (!thx_reader_done(r))
        cr_assert_eq(thx_reader_next(r, &docs, 7, &diags), 0);
    cr_assert_eq(diags.len, 0);
    cr_assert_eq(docs.len, 30);
    cr_assert_str_eq(docs.items[0].pmid, "26228458");
    thx_strlist del = thx_reader_deleted(r);
    cr_assert_eq(del.len, 6);
    cr_assert_str_eq(del.items[0], "41456105");
    thx_reader_free(r);
}

Test(pubmed, xml_gzip_cut_short_keeps_the_records_before_the_cut)
{
    size_t len;
    char *gz = read_fixture("fixtures/pubmed-xml/pubmed26n1335.xml.gz", &len);
    cr_assert_not_null(gz);
    const char *path = write_tmp("cut.xml.gz", gz, len / 2);
    free(gz);
    cr_assert_eq(thx_read_file(&docs, path, "cut.xml.gz", THX_FMT_AUTO, &diags), THX_EINPUT);
    cr_assert_gt(docs.len, 5);
    cr_assert_lt(docs.len, 30);
    cr_assert_eq(diags.len, 1);
    cr_assert_str_eq(diags.items[0].path, path);
    cr_assert_gt(diags.items[0].line, 0);
    cr_assert(strstr(diags.items[0].message, "cannot read: unexpected end of file"),
              "%s", diags.items[0].message);
    char want[64];
    snprintf(want, sizeof want, "%zu records before it read", docs.len);
    cr_assert(strstr(diags.items[0].message, want), "%s", diags.items[0].message);
    unlink(path);
}

Test(pubmed, xml_malformed_record_is_an_error_after_the_good_ones)
{
    const char xml[] = "<PubmedArticleSet>\n"
                       "<PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>"
                       "Good.</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n"
                       "<PubmedArticle><MedlineCitation><PMID>2</PMID><Article><ArticleTitle>"
                       "Bad <i>markup.</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n"
                       "</PubmedArticleSet>\n";
    const char *path = write_tmp("bad.xml", xml, sizeof xml - 1);
    cr_assert_eq(thx_read_file(&docs, path, "bad.xml", THX_FMT_AUTO, &diags), THX_EINPUT);
    cr_assert_eq(docs.len, 1);
    cr_assert_str_eq(docs.items[0].title, "Good.");
    cr_assert_eq(diags.len, 1);
    cr_assert_str_eq(diags.items[0].path, path);
    cr_assert_eq(diags.items[0].line, 3);
    cr_assert(strstr(diags.items[0].message, "malformed XML: "), "%s", diags.items[0].message);
    cr_assert(strstr(diags.items[0].message, "(in the record of PMID 2); 1 record before it read"),
              "%s", diags.items[0].message);
    unlink(path);
}

Test(pubmed, xml_that_is_not_pubmed_is_an_error)
{
    const char *path = write_tmp("other.xml", "<html><body>Hi</body></html>\n", 29);
    cr_assert_eq(thx_read_file(&docs, path, "other.xml", THX_FMT_AUTO, &diags), THX_EINPUT);
    cr_assert_eq(docs.len, 0);
    cr_assert_str_eq(diags.items[0].message, "XML without a PubmedArticleSet: not PubMed XML");
    unlink(path);
    /* a file named .xml that is not XML is not read as text */
    cr_assert_eq(read_fix("pubmed-xml/jabref-MedlineImporterTestMalformedEntry.xml",
                          THX_FMT_AUTO),
                 THX_EINPUT);
    cr_assert_eq(docs.len, 0);
}

Test(pubmed, xml_books_and_mathml)
{
    cr_assert_eq(read_fix("pubmed-xml/jabref-MedlineImporterTestBookArticleSet.xml",
                          THX_FMT_AUTO),
                 0);
    cr_assert_eq(docs.len, 2);
    cr_assert_str_eq(docs.items[0].title, "Title for some article");
    cr_assert_str_eq(docs.items[0].doi, "10.3275/8949");
    assert_list(&docs.items[0].publication_types, 2,
                (const char *const[]){"Review", "Practice Guideline"});
    thx_docs_free(&docs);
    cr_assert_eq(read_fix("pubmed-xml/jabref-MedlineImporterTestMathML.xml", THX_FMT_AUTO), 0);
    cr_assert_eq(docs.len, 1);
    cr_assert(strstr(docs.items[0].abstract, "Following are examples of MathML elements: "));
    cr_assert_null(strchr(docs.items[0].abstract, '<'), "no markup left");
}

/* ---------------------------------------------------------------- MEDLINE */

Test(pubmed, medline_records_are_documents)
{
    cr_assert_eq(read_fix("medline/three.nbib", THX_FMT_AUTO), 0);
    cr_assert_eq(diags.len, 0);
    cr_assert_eq(docs.len, 3, "a record a document");
    const thx_doc *d = &docs.items[0];
    cr_assert_str_eq(d->id, "700001");
    cr_assert_str_eq(d->title, "Metformin lowers glucose in type 2 diabetes.");
    cr_assert_str_eq(d->abstract,
                     "BACKGROUND: Metformin is used widely. RESULTS: Metformin reduced glucose.");
    cr_assert_str_eq(d->doi, "10.1000/med.1");
    cr_assert_str_eq(d->year, "2018");
    cr_assert_str_eq(d->journal, "Journal of Tests");
    assert_list(&d->mesh_terms, 2, (const char *const[]){"Humans", "Diabetes Mellitus, Type 2"});
    assert_list(&d->keywords, 2, (const char *const[]){"glucose", "metformin"});
    assert_list(&d->publication_types, 2, (const char *const[]){"Journal Article", "Review"});
    cr_assert_str_eq(docs.items[1].doi, "10.1000/med.2");
    cr_assert_str_eq(docs.items[2].title, "Third record, right after the second.");
    cr_assert_str_eq(docs.items[2].abstract, "");
}

Test(pubmed, medline_txt_export_is_detected_by_content)
{
    cr_assert_eq(read_fix("medline/pubmed_result2.txt", THX_FMT_AUTO), 0);
    cr_assert_eq(docs.len, 4);
    cr_assert_str_eq(docs.items[0].pmid, "16403221");
    cr_assert_str_eq(docs.items[0].journal, "BMC bioinformatics");
    cr_assert(strncmp(docs.items[0].abstract, "BACKGROUND: Benchmarking algorithms", 35) == 0);
    cr_assert_null(strstr(docs.items[0].abstract, "AB  -"));
    cr_assert_null(strstr(docs.items[0].title, "TI  -"));
}

Test(pubmed, medline_crlf_gives_the_same_documents)
{
    size_t len;
    char *lf = read_fixture("fixtures/medline/three.nbib", &len);
    cr_assert_not_null(lf);
    char *crlf = malloc(2 * len + 1);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (lf[i] == '\n')
            crlf[n++] = '\r';
        crlf[n++] = lf[i];
    }
    const char *path = write_tmp("crlf.txt", crlf, n);
    cr_assert_eq(thx_read_file(&docs, path, "crlf.txt", THX_FMT_AUTO, &diags), 0);
    cr_assert_eq(docs.len, 3);
    cr_assert_str_eq(docs.items[0].title, "Metformin lowers glucose in type 2 diabetes.");
    free(lf);
    free(crlf);
    unlink(path);
}

Test(pubmed, medline_bad_line_costs_its_record_only)
{
    cr_assert_eq(read_fix("medline/jabref-MedlinePlainImporterStringOutOfBounds.txt",
                          THX_FMT_AUTO),
                 THX_EINPUT);
    cr_assert_eq(docs.len, 1);
    cr_assert_str_eq(docs.items[0].pmid, "27394443");
    cr_assert_eq(diags.len, 1);
    cr_assert_eq(diags.items[0].line, 3);
    cr_assert_str_eq(diags.items[0].message,
                     "not a MEDLINE field (TAG - value) or continuation line; the record of "
                     "PMID 27433151 is skipped");
}

Test(pubmed, gzip_medline_and_json_lines)
{
    /* any format may be gzip-compressed; the name's .gz does not matter */
    char cmd[16384];
    const char *gz = tmp_path("three.nbib.gz");
    snprintf(cmd, sizeof cmd, "gzip -c '%s' > '%s'", fix_path("medline/three.nbib"), gz);
    cr_assert_eq(system(cmd), 0);
    cr_assert_eq(thx_read_file(&docs, gz, "three.nbib.gz", THX_FMT_AUTO, &diags), 0);
    cr_assert_eq(docs.len, 3);
    unlink(gz);
    char jl[4200], jgz[8500]; /* tmp_path's buffer is overwritten by the next call */
    snprintf(jl, sizeof jl, "%s", write_tmp("a.jsonl", "{\"id\": \"x\", \"text\": \"T.\"}\n", 26));
    snprintf(jgz, sizeof jgz, "%s", tmp_path("a.jsonl.gz"));
    snprintf(cmd, sizeof cmd, "gzip -c '%s' > '%s'", jl, jgz);
    cr_assert_eq(system(cmd), 0);
    cr_assert_eq(thx_read_file(&docs, jgz, "a.jsonl.gz", THX_FMT_AUTO, &diags), 0);
    cr_assert_eq(docs.len, 4);
    cr_assert_str_eq(docs.items[3].id, "x");
    unlink(jl);
    unlink(jgz);
}

Test(pubmed, detection)
{
    cr_assert_eq(thx_format_detect("PMID- 1\nTI  - x\n", 16), THX_FMT_MEDLINE);
    cr_assert_eq(thx_format_detect("\n<PubmedArticleSet/>", 20), THX_FMT_PUBMED_XML);
    cr_assert_eq(thx_format_detect("PMID: 12345 is a line", 21), THX_FMT_PUBMED_TEXT);
    cr_assert_eq(thx_format_detect("PMIDs are ids.", 14), THX_FMT_TEXT);
}

Test(pubmed, xml_markup_space_cdata_and_entities_from_a_buffer)
{
    static const char xml[] =
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>7</PMID><Article>"
        "<ArticleTitle><i>a</i> <i>b</i> &#x3b1;-c&lt;d</ArticleTitle><Abstract><AbstractText>"
        "<![CDATA[x < y]]> z</AbstractText></Abstract></Article></MedlineCitation>"
        "</PubmedArticle></PubmedArticleSet>";
    cr_assert_eq(thx_read_buffer(&docs, xml, sizeof xml - 1, "b.xml", THX_FMT_AUTO, &diags), 0);
    cr_assert_eq(docs.len, 1);
    cr_assert_str_eq(docs.items[0].title, "a b \xCE\xB1-c<d", "the space between two tags kept");
    cr_assert_str_eq(docs.items[0].abstract, "x < y z");
}
