/*
 * Tests of the corpus readers (reader*.c): the seed and efetch PubMed text exports,
 * JSON Lines with bad records and bad bytes, plain text, whole-file errors and format
 * detection. Byte order marks inside files and the bounds on files and sentences are in
 * test_input_bounds.c.
 * Fixtures are the small copies in tests/fixtures (see the README there); broken
 * files are written to a temporary directory. Owned by the corpus-readers module.
 */
#include "input/reader.h" /* internals: author lists, citation lines */
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

TestSuite(reader, .init = setup, .fini = teardown);

/* Reads tests/fixtures/<name> through thx_read_file with source <name>. */
static int read_fix(const char *name, thx_format fmt)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/fixtures/%s", THX_TEST_DIR, name);
    return thx_read_file(&docs, path, name, fmt, &diags);
}

static bool has_item(const thx_strlist *l, const char *s)
{
    for (size_t i = 0; i < l->len; i++)
        if (strcmp(l->items[i], s) == 0)
            return true;
    return false;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* The diagnostics formatted as the CLI prints them. */
static char *printed_diags(void)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    thx_diags_print(&diags, f);
    fclose(f);
    return buf;
}

/* ---------------------------------------------------------------- PubMed text */

Test(reader, seed_abstract)
{
    cr_assert_eq(read_fix("seed.txt", THX_FMT_AUTO), THX_OK);
    cr_assert_eq(docs.len, 1);
    cr_assert_eq(diags.len, 0);
    const thx_doc *d = &docs.items[0];
    cr_assert_str_eq(d->title, "A review on the stem cell therapy and an introduction to "
                               "exosomes as a new tool in reproductive medicine");
    cr_assert_str_eq(d->doi, "10.1016/j.repbio.2020.07.002");
    cr_assert_null(d->pmid);
    cr_assert_str_eq(d->id, "seed.txt");
    cr_assert_str_eq(d->source, "seed.txt");
    cr_assert(strncmp(d->abstract, "Stem cell therapy and exosome therapy", 37) == 0);
    cr_assert(ends_with(d->abstract, "based on previous studies."));
    cr_assert_null(strstr(d->abstract, "Keywords"));
    cr_assert_null(strchr(d->abstract, '\n'));
}

Test(reader, seed_lists)
{
    cr_assert_eq(read_fix("seed.txt", THX_FMT_PUBMED_TEXT), THX_OK);
    const thx_doc *d = &docs.items[0];
    cr_assert_eq(d->keywords.len, 4);
    cr_assert(has_item(&d->keywords, "Exosome"));
    cr_assert(has_item(&d->keywords, "Stem cell"), "the final '.' is not part of a keyword");
    cr_assert_eq(d->publication_types.len, 1);
    cr_assert_str_eq(d->publication_types.items[0], "Review");
    /* the descriptors, as PubMed XML gives them: no "/ qualifier", no major-topic '*' */
    cr_assert_eq(d->mesh_terms.len, 18);
    cr_assert_str_eq(d->mesh_terms.items[0], "Adult Germline Stem Cells");
    cr_assert_str_eq(d->mesh_terms.items[17], "Stem Cells");
    cr_assert(has_item(&d->mesh_terms, "Exosomes"));
    cr_assert(has_item(&d->mesh_terms, "Cell- and Tissue-Based Therapy"));
}

static const char *const five_pmids[] = {"20007881", "19965397", "19965390", "19797661",
                                         "19608888"};

Test(reader, efetch_five_records)
{
    cr_assert_eq(read_fix("efetch_abstract_5records.txt", THX_FMT_AUTO), THX_OK);
    cr_assert_eq(docs.len, 5);
    for (size_t i = 0; i < 5; i++) {
        cr_assert_str_eq(docs.items[i].pmid, five_pmids[i]);
        cr_assert_str_eq(docs.items[i].id, five_pmids[i]);
        cr_assert_str_eq(docs.items[i].source, "efetch_abstract_5records.txt");
    }
    cr_assert_str_eq(docs.items[0].title,
                     "Human evolution. What's for dinner? Researchers seek our ancestors' answers.");
    cr_assert_str_eq(docs.items[1].title,
                     "Cell therapies. Clean pigs offer alternative to stem cell transplants.");
    cr_assert_str_eq(docs.items[2].title,
                     "Overexpression of alpha2A-adrenergic receptors contributes to type 2 diabetes.");
    cr_assert_str_eq(docs.items[3].title,
                     "Ribosomal protein S6 kinase 1 signaling regulates mammalian life span.");
    cr_assert_str_eq(docs.items[4].title, "Insulin resistance. Prosperity's plague.");
    cr_assert_str_eq(docs.items[1].doi, "10.1126/science.326.5956.1049-a");
    cr_assert_str_eq(docs.items[2].doi, "10.1126/science.1176827");
}

Test(reader, efetch_leaves_out_authors_and_links)
{
    cr_assert_eq(read_fix("efetch_abstract_5records.txt", THX_FMT_PUBMED_TEXT), THX_OK);
    cr_assert_eq(docs.len, 5);
    /* records without an abstract: the author line must not become one */
    cr_assert_str_eq(docs.items[0].abstract, "");
    cr_assert_str_eq(docs.items[1].abstract, "");
    cr_assert_str_eq(docs.items[4].abstract, "");
    const char *a3 = docs.items[2].abstract, *a4 = docs.items[3].abstract;
    cr_assert(strncmp(a3, "Several common genetic variations", 33) == 0);
    cr_assert(ends_with(a3, "alpha(2A)AR antagonists."));
    cr_assert(strncmp(a4, "Caloric restriction (CR) protects", 33) == 0);
    cr_assert(ends_with(a4, "protection against diseases of aging."));
    const char *banned[] = {"Rosengren", "Lund University", "Author information", "Selman",
                            "Withers DJ", "Erratum", "Comment in", "Science.", "DOI:",
                            "PMID", "  "};
    for (size_t i = 0; i < sizeof banned / sizeof banned[0]; i++) {
        cr_assert_null(strstr(a3, banned[i]), "'%s' in abstract 3", banned[i]);
        cr_assert_null(strstr(a4, banned[i]), "'%s' in abstract 4", banned[i]);
    }
    /* wrapped lines are joined with one space */
    cr_assert_not_null(strstr(a3, "but the exact disease mechanisms"));
}

Test(reader, efetch_single_record_keeps_pmid_and_doi_line)
{
    cr_assert_eq(read_fix("efetch_abstract_1record_transferrin.txt", THX_FMT_AUTO), THX_OK);
    cr_assert_eq(docs.len, 1);
    const thx_doc *d = &docs.items[0];
    cr_assert_str_eq(d->id, "22294463");
    cr_assert_str_eq(d->doi, "10.1007/s10534-012-9520-3");
    cr_assert_str_eq(d->title, "Known and potential roles of transferrin in iron biology.");
    cr_assert(strncmp(d->abstract, "Transferrin is an abundant serum", 32) == 0);
    cr_assert(ends_with(d->abstract, "regulation of hepcidin expression."));
    cr_assert_null(strstr(d->abstract, "Children"));
    cr_assert_null(strstr(d->abstract, "Bartnikas"));
}

/* Record 3 of the 5-record file edited: a paragraph break, copyright and keywords. */
Test(reader, efetch_paragraphs_copyright_keywords)
{
    size_t len;
    char *src = read_fixture("fixtures/efetch_abstract_5records.txt", &len);
    cr_assert_not_null(src);
    const char *cut = strstr(src, "Alpha(2A)AR mediates");
    const char *tail = strstr(src, "\nDOI: 10.1126/science.1176827");
    cr_assert(cut && tail && cut < tail);
    char buf[8192];
    snprintf(buf, sizeof buf, "%.*s\n%.*s\nCopyright 2009 AAAS.\n\nKeywords: Insulin; "
             "Diabetes.\n%s", (int)(cut - src), src, (int)(tail - cut), cut, tail);
    cr_assert_eq(thx_read_buffer(&docs, buf, strlen(buf), "five.txt", THX_FMT_AUTO, &diags),
                 THX_OK);
    cr_assert_eq(docs.len, 5);
    const thx_doc *d = &docs.items[2];
    cr_assert_not_null(strstr(d->abstract, "significantly overexpressed.\nAlpha(2A)AR mediates"));
    cr_assert_null(strstr(d->abstract, "Copyright"));
    cr_assert_eq(d->keywords.len, 2);
    cr_assert_str_eq(d->keywords.items[1], "Diabetes");
    free(src);
}

Test(reader, pubmed_without_pmid_numbers_records)
{
    size_t len;
    char *src = read_fixture("fixtures/efetch_abstract_5records.txt", &len);
    cr_assert_not_null(src);
    for (char *p = strstr(src, "PMID: "); p; p = strstr(p, "PMID: "))
        memcpy(p, "Xmid", 4); /* hide the PMIDs */
    cr_assert_eq(thx_read_buffer(&docs, src, len, "dir/five.txt", THX_FMT_AUTO, &diags), 0);
    cr_assert_eq(docs.len, 5);
    cr_assert_str_eq(docs.items[0].id, "dir/five.txt#1");
    cr_assert_str_eq(docs.items[4].id, "dir/five.txt#5");
    cr_assert_null(docs.items[4].pmid);
    free(src);
}

Test(reader, crlf_and_bom_give_the_same_documents)
{
    size_t len;
    char *src = read_fixture("fixtures/efetch_abstract_5records.txt", &len);
    cr_assert_not_null(src);
    char *crlf = malloc(2 * len + 4);
    size_t n = 0;
    memcpy(crlf, "\xEF\xBB\xBF", 3);
    n = 3;
    for (size_t i = 0; i < len; i++) {
        if (src[i] == '\n')
            crlf[n++] = '\r';
        crlf[n++] = src[i];
    }
    thx_docs lf;
    thx_docs_init(&lf);
    cr_assert_eq(thx_read_buffer(&lf, src, len, "a", THX_FMT_AUTO, &diags), 0);
    cr_assert_eq(thx_read_buffer(&docs, crlf, n, "a", THX_FMT_AUTO, &diags), 0);
    cr_assert_eq(docs.len, lf.len);
    for (size_t i = 0; i < lf.len; i++) {
        cr_assert_str_eq(docs.items[i].title, lf.items[i].title);
        cr_assert_str_eq(docs.items[i].abstract, lf.items[i].abstract);
        cr_assert_str_eq(docs.items[i].id, lf.items[i].id);
    }
    thx_docs_free(&lf);
    free(crlf);
    free(src);
}

/* ---------------------------------------------------------------- JSON Lines */

Test(reader, jsonl_bad_line_is_skipped_and_located)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/fixtures/bad-line.jsonl", THX_TEST_DIR);
    cr_assert_eq(thx_read_file(&docs, path, "bad-line.jsonl", THX_FMT_AUTO, &diags),
                 THX_EINPUT);
    cr_assert_eq(docs.len, 2);
    cr_assert_str_eq(docs.items[0].id, "pubmedqa:21550158");
    cr_assert_str_eq(docs.items[1].id, "evidence-inference:PMC4821226");
    cr_assert(strncmp(docs.items[1].title, "Core Decompression", 18) == 0);
    cr_assert_eq(diags.len, 1);
    const thx_diag *g = &diags.items[0];
    cr_assert_str_eq(g->path, path);
    cr_assert_eq(g->line, 2);
    /* jansson points at the '}' where a value was expected */
    const char *bad = "{\"id\": \"broken\", \"title\": \"Core Decompression\", \"abstract\": }";
    cr_assert_eq(g->col, (int)(strchr(bad, '}') - bad) + 1);
    cr_assert_not_null(strstr(g->message, "invalid JSON"));
    cr_assert_str_eq(g->src_line, bad);
}

Test(reader, jsonl_ids_and_fields)
{
    const char *in = "{\"id\": 42, \"text\": \"t1\"}\n"
                     "\n"
                     "{\"pmid\": 123, \"title\": \"T\", \"abstract\": \"a2\", \"doi\": \"10.1/x\"}\n"
                     "{\"pmid\": \"77\", \"id\": \"own\", \"abstract\": \"a3\"}\n"
                     "   \n"
                     "{\"abstract\": \"a4\"}\n";
    cr_assert_eq(thx_read_buffer(&docs, in, strlen(in), "c/s.jsonl", THX_FMT_AUTO, &diags), 0);
    cr_assert_eq(docs.len, 4);
    cr_assert_str_eq(docs.items[0].id, "42");
    cr_assert_str_eq(docs.items[0].abstract, "t1");
    cr_assert_str_eq(docs.items[0].title, "");
    cr_assert_str_eq(docs.items[1].id, "123");
    cr_assert_str_eq(docs.items[1].pmid, "123");
    cr_assert_str_eq(docs.items[1].doi, "10.1/x");
    cr_assert_str_eq(docs.items[2].id, "own");
    cr_assert_str_eq(docs.items[2].pmid, "77");
    cr_assert_str_eq(docs.items[3].id, "c/s.jsonl#6");
    cr_assert_str_eq(docs.items[3].source, "c/s.jsonl");
}

Test(reader, jsonl_bad_records)
{
    const char *in = "[1, 2]\n"
                     "{\"id\": \"x\", \"pmid\": \"1\"}\n"
                     "{\"id\": \"y\", \"title\": 5, \"abstract\": \"a\"}\n"
                     "{\"id\": [1], \"abstract\": \"a\"}\n"
                     "{\"id\": \"ok\", \"abstract\": \"kept\"}\n"
                     "{\"id\": \"t\", \"title\": \"A title and no abstract\"}\n";
    cr_assert_eq(thx_read_buffer(&docs, in, strlen(in), "s.jsonl", THX_FMT_JSONL, &diags),
                 THX_EINPUT);
    cr_assert_eq(docs.len, 2);
    cr_assert_str_eq(docs.items[0].id, "ok");
    /* a title alone is a document, as a PubMed record without an abstract is */
    cr_assert_str_eq(docs.items[1].id, "t");
    cr_assert_str_eq(docs.items[1].title, "A title and no abstract");
    cr_assert_str_eq(docs.items[1].abstract, "");
    cr_assert_eq(diags.len, 4);
    cr_assert_not_null(strstr(diags.items[0].message, "not a JSON object"));
    cr_assert_not_null(strstr(diags.items[1].message, "no \"title\", \"abstract\" or \"text\""));
    cr_assert_eq(diags.items[2].line, 3);
    cr_assert_eq(diags.items[2].col, 13, "col of \"title\"");
    cr_assert_not_null(strstr(diags.items[2].message, "\"title\" must be a string"));
    cr_assert_not_null(strstr(diags.items[3].message, "\"id\" must be a string or an integer"));
}

/* A .jsonl or .ndjson file is JSON Lines whatever its first line holds. */
Test(reader, jsonl_by_name_even_when_the_first_line_is_no_object)
{
    const char in[] = "not JSON at all\n"
                      "{\"id\": \"a\", \"abstract\": \"kept\"}\n"
                      "[1, 2]\n";
    const char *path = write_tmp("notes.jsonl", in, sizeof in - 1);
    cr_assert_eq(thx_read_file(&docs, path, "notes.jsonl", THX_FMT_AUTO, &diags), THX_EINPUT);
    cr_assert_eq(docs.len, 1);
    cr_assert_str_eq(docs.items[0].id, "a");
    cr_assert_eq(diags.len, 2);
    cr_assert_str_eq(diags.items[0].path, path);
    cr_assert_eq(diags.items[0].line, 1);
    cr_assert_not_null(strstr(diags.items[0].message, "invalid JSON"));
    cr_assert_eq(diags.items[1].line, 3);
    cr_assert_not_null(strstr(diags.items[1].message, "not a JSON object"));
    unlink(path);
    /* the same for .ndjson (any case), also through a buffer's source name */
    const char nd[] = "plain words\n{\"id\": \"b\", \"text\": \"t\"}\n";
    thx_diags_free(&diags);
    cr_assert_eq(thx_read_buffer(&docs, nd, sizeof nd - 1, "d/x.NDJSON", THX_FMT_AUTO, &diags),
                 THX_EINPUT);
    cr_assert_eq(docs.len, 2);
    cr_assert_str_eq(docs.items[1].id, "b");
    cr_assert_eq(diags.len, 1);
    cr_assert_eq(diags.items[0].line, 1);
    /* a format given explicitly wins over the name */
    cr_assert_eq(thx_read_buffer(&docs, nd, sizeof nd - 1, "x.jsonl", THX_FMT_TEXT, &diags), 0);
    cr_assert_eq(docs.len, 3);
    cr_assert(strncmp(docs.items[2].abstract, "plain words\n{", 13) == 0);
}

/* A line with malformed UTF-8 or a NUL byte costs that line, not the file. */
Test(reader, jsonl_bad_bytes_cost_one_line)
{
    const char in[] = "{\"id\": \"a\", \"abstract\": \"first\"}\n"
                      "{\"id\": \"b\", \"abstract\": \"caf\xC3\xA9 S\xE3o\"}\n"
                      "{\"id\": \"c\", \"abstract\": \"third\"}\n"
                      "{\"id\": \"d\", \"abstract\": \"x\0y\"}\r\n"
                      "{\"id\": \"e\", \"abstract\": \"fifth\"}";
    const char *path = write_tmp("mixed.jsonl", in, sizeof in - 1);
    cr_assert_eq(thx_read_file(&docs, path, "mixed.jsonl", THX_FMT_AUTO, &diags), THX_EINPUT);
    cr_assert_eq(docs.len, 3);
    cr_assert_str_eq(docs.items[0].id, "a");
    cr_assert_str_eq(docs.items[1].id, "c");
    cr_assert_str_eq(docs.items[2].id, "e");
    cr_assert_eq(diags.len, 2);
    const char *l2 = "{\"id\": \"b\", \"abstract\": \"caf\xC3\xA9 S";
    cr_assert_eq(diags.items[0].line, 2);
    cr_assert_eq(diags.items[0].col, (int)utf8_count(l2, strlen(l2)) + 1);
    cr_assert_str_eq(diags.items[0].message, "invalid UTF-8");
    cr_assert_eq(diags.items[1].line, 4);
    cr_assert_eq(diags.items[1].col, 27);
    cr_assert_not_null(strstr(diags.items[1].message, "NUL"));
    /* the line is shown whole, each bad byte as U+FFFD, the caret under it */
    char *out = printed_diags();
    char want[8192];
    snprintf(want, sizeof want,
             "%s:2:32: error: invalid UTF-8\n"
             "  {\"id\": \"b\", \"abstract\": \"caf\xC3\xA9 S\xEF\xBF\xBDo\"}\n"
             "                                 ^\n"
             "%s:4:27: error: NUL byte in a JSON line\n"
             "  {\"id\": \"d\", \"abstract\": \"x\xEF\xBF\xBDy\"}\n"
             "                            ^\n",
             path, path);
    cr_assert_str_eq(out, want);
    free(out);
    unlink(path);
}

Test(reader, jsonl_reports_at_most_fifty_bad_lines_a_file)
{
    strbuf b;
    sb_init(&b);
    for (int i = 0; i < 70; i++)
        sb_puts(&b, "\x1F\x8B\x08\xFF binary\n");
    sb_puts(&b, "{\"id\": \"ok\", \"text\": \"still read\"}\n");
    cr_assert_eq(thx_read_buffer(&docs, b.ptr, b.len, "big.jsonl.gz.jsonl", THX_FMT_AUTO, &diags),
                 THX_EINPUT);
    cr_assert_eq(docs.len, 1);
    cr_assert_eq(thx_diags_count(&diags, THX_SEV_ERROR), 50);
    cr_assert_eq(diags.len, 51);
    cr_assert_str_eq(diags.items[50].message, "20 more bad lines not shown (70 in all)");
    sb_free(&b);
}

/* ---------------------------------------------------------------- plain text */

Test(reader, plain_text_is_one_document)
{
    const char *in = "\n  An abstract in plain text.\nSecond line.  \n\n";
    cr_assert_eq(thx_read_buffer(&docs, in, strlen(in), "text/a.txt", THX_FMT_AUTO, &diags), 0);
    cr_assert_eq(docs.len, 1);
    cr_assert_str_eq(docs.items[0].id, "text/a.txt");
    cr_assert_str_eq(docs.items[0].title, "");
    cr_assert_str_eq(docs.items[0].abstract, "An abstract in plain text.\nSecond line.");
    cr_assert_null(docs.items[0].pmid);
}

/* ---------------------------------------------------------------- whole-file errors */

static void expect_file_error(const char *name, const char *bytes, size_t len,
                              const char *message)
{
    const char *path = write_tmp(name, bytes, len);
    cr_assert_eq(thx_read_file(&docs, path, name, THX_FMT_AUTO, &diags), THX_EINPUT);
    cr_assert_eq(docs.len, 0);
    cr_assert_eq(diags.len, 1);
    cr_assert_str_eq(diags.items[0].path, path);
    cr_assert_str_eq(diags.items[0].message, message);
    cr_assert_eq(diags.items[0].severity, THX_SEV_ERROR);
    unlink(path);
}

Test(reader, empty_file)
{
    expect_file_error("empty.txt", "", 0, "empty file");
}

Test(reader, whitespace_only_file)
{
    expect_file_error("blank.jsonl", "\xEF\xBB\xBF \n\t\r\n", 8, "empty file");
}

Test(reader, binary_file)
{
    expect_file_error("bin.txt", "PK\x03\x04\0\0abc", 9, "binary file");
}

Test(reader, invalid_utf8_in_text_is_replaced_and_located)
{
    /* line 2: "ab", 'é' (2 bytes), then a stray 0xFF: code point column 4 */
    const char bytes[] = "first line\r\nab\xC3\xA9\xFFz\xE9\n";
    const char *path = write_tmp("latin1.txt", bytes, sizeof bytes - 1);
    cr_assert_eq(thx_read_file(&docs, path, "latin1.txt", THX_FMT_AUTO, &diags), THX_OK);
    cr_assert_eq(docs.len, 1, "the document is kept");
    /* one U+FFFD a bad byte: offsets in code points stay countable */
    cr_assert_str_eq(docs.items[0].abstract, "first line\nab\xC3\xA9\xEF\xBF\xBDz\xEF\xBF\xBD");
    cr_assert_eq(diags.len, 1);
    cr_assert_eq(diags.items[0].severity, THX_SEV_WARNING);
    char *out = printed_diags();
    char want[4400];
    snprintf(want, sizeof want, "%s:2:4: warning: invalid UTF-8: 2 bytes replaced by U+FFFD\n",
             path);
    cr_assert_str_eq(out, want);
    free(out);
    unlink(path);
}

Test(reader, invalid_utf8_in_a_pubmed_record_keeps_every_record)
{
    size_t len;
    char *src = read_fixture("fixtures/efetch_abstract_5records.txt", &len);
    cr_assert_not_null(src);
    char *at = strstr(src, "Several common genetic variations");
    cr_assert_not_null(at);
    at[5] = (char)0xE9; /* "Several" -> "Sever\xE9l": Latin-1 */
    cr_assert_eq(thx_read_buffer(&docs, src, len, "five.txt", THX_FMT_AUTO, &diags), THX_OK);
    cr_assert_eq(docs.len, 5);
    cr_assert(strncmp(docs.items[2].abstract, "Sever\xEF\xBF\xBDl common", 15) == 0);
    cr_assert_eq(diags.len, 1);
    cr_assert_eq(diags.items[0].severity, THX_SEV_WARNING);
    cr_assert_gt(diags.items[0].line, 30);
    cr_assert_eq(diags.items[0].col, 6);
    free(src);
}

Test(reader, unreadable_file)
{
    cr_assert_eq(thx_read_file(&docs, "/nonexistent/therex/x.txt", NULL, THX_FMT_AUTO, &diags),
                 THX_EIO);
    cr_assert_eq(docs.len, 0);
    cr_assert_eq(diags.len, 1);
    cr_assert_str_eq(diags.items[0].path, "/nonexistent/therex/x.txt");
    cr_assert_str_eq(diags.items[0].message, "cannot read: No such file or directory");
}

/* ---------------------------------------------------------------- formats */

Test(reader, format_names)
{
    cr_assert_eq(thx_format_from_name("auto"), THX_FMT_AUTO);
    cr_assert_eq(thx_format_from_name("pubmed"), THX_FMT_PUBMED_TEXT);
    cr_assert_eq(thx_format_from_name("jsonl"), THX_FMT_JSONL);
    cr_assert_eq(thx_format_from_name("text"), THX_FMT_TEXT);
    cr_assert_eq(thx_format_from_name("xml"), THX_FMT_PUBMED_XML);
    cr_assert_eq(thx_format_from_name("medline"), THX_FMT_MEDLINE);
    cr_assert_eq(thx_format_from_name("html"), -1);
    cr_assert_eq(thx_format_from_name(NULL), -1);
    for (int f = THX_FMT_AUTO; f <= THX_FMT_MEDLINE; f++)
        cr_assert_eq(thx_format_from_name(thx_format_name((thx_format)f)), f);
}

static thx_format detect(const char *s)
{
    return thx_format_detect(s, strlen(s));
}

Test(reader, format_detection)
{
    size_t len;
    char *seed = read_fixture("fixtures/seed.txt", &len);
    cr_assert_not_null(seed);
    cr_assert_eq(thx_format_detect(seed, len), THX_FMT_PUBMED_TEXT);
    free(seed);
    char *five = read_fixture("fixtures/efetch_abstract_5records.txt", &len);
    cr_assert_not_null(five);
    cr_assert_eq(thx_format_detect(five, len), THX_FMT_PUBMED_TEXT);
    free(five);
    cr_assert_eq(detect("\xEF\xBB\xBF \n {\"id\": 1}"), THX_FMT_JSONL);
    cr_assert_eq(detect("Some title\n\nSome text.\n\nPMID: 123\n"), THX_FMT_PUBMED_TEXT);
    cr_assert_eq(detect("Nat Med. 2020 Jan;26(1):5-6.\n"), THX_FMT_PUBMED_TEXT);
    cr_assert_eq(detect("We studied 2020 patients. Results: good.\n"), THX_FMT_TEXT);
    cr_assert_eq(detect("Stem cells. 2020 was a year\n"), THX_FMT_TEXT);
    cr_assert_eq(detect("Plain abstract text.\n"), THX_FMT_TEXT);
    cr_assert_eq(detect(""), THX_FMT_TEXT);
}

/* ---------------------------------------------------------------- internals */

Test(reader, author_list_shapes)
{
    const char *yes[] = {"Gibbons A.", "Rosengren AH(1), Jokubka R, Luthman H, RenstrÃ¶m E.",
                         "Smith J(1,2), Özdemir Ö(3); ATLAS Study Group.", "Smith JA Jr."};
    const char *no[] = {"Insulin resistance. Prosperity's plague.", "We report X, Y and Z.",
                        "Results were good.", "Author information:"};
    for (size_t i = 0; i < 4; i++) {
        cr_assert(pubmed_looks_like_authors(yes[i], strlen(yes[i])), "%s", yes[i]);
        cr_assert_not(pubmed_looks_like_authors(no[i], strlen(no[i])), "%s", no[i]);
    }
}

Test(reader, citation_lines)
{
    const char *yes[] = {"3. Science. 2010 Jan 8;327(5962):217-20. doi: 10.1126/science.1176827.",
                         "Reprod Biol. 2020 Dec;20(4):447-459.", "12. 3 Biotech. 2019;9(2):45.",
                         "eLife. 2020 Mar 3:e51234."};
    const char *no[] = {"Stem cells. 2020 was a year", "1. Introduction. 2020 update",
                        "Results: in 2020; fine.", "Insulin resistance. Prosperity's plague."};
    for (size_t i = 0; i < 4; i++) {
        cr_assert(pubmed_is_citation(yes[i], strlen(yes[i])), "%s", yes[i]);
        cr_assert_not(pubmed_is_citation(no[i], strlen(no[i])), "%s", no[i]);
    }
}
