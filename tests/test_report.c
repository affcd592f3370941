/*
 * therex report (src/report/, src/cli/cmd_report.c): the page escapes every string of
 * the input, marks the slots and cues where the record's offsets put them (code points,
 * not bytes) and nowhere else, groups and counts claims by therapy and by condition with
 * asserted, hedged and negated apart, links PMIDs (only numbers), loads nothing from the
 * network, and the command reports a bad line at its line and column and goes on.
 * Fixtures: tests/report/README.md.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/report.h"
#include "support.h"

#define FIXTURE THX_TEST_DIR "/report/triples.jsonl"

/* The page of the lines of a file (all must be good) or of one line. */
static char *page_of_lines(const char *text, const char *title)
{
    report_data *r = report_new();
    cr_assert_not_null(r);
    thx_diags d;
    thx_diags_init(&d);
    int lineno = 0;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        cr_assert_eq(report_add_line(r, p, n, "t.jsonl", ++lineno, &d), 0,
                     "line %d: %s", lineno, d.len ? d.items[0].message : "");
        p += n + (nl != NULL);
    }
    cr_assert_eq(d.len, 0);
    thx_diags_free(&d);
    char *html = report_html(r, title);
    cr_assert_not_null(html);
    report_free(r);
    return html;
}

static char *fixture_page(void)
{
    char *text = read_fixture(FIXTURE, NULL);
    cr_assert_not_null(text);
    char *html = page_of_lines(text, "t <&> \"q\"");
    free(text);
    return html;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

Test(report, every_string_of_the_input_is_escaped)
{
    char *html = fixture_page();
    /* the sentence of d1 holds <script>alert(1)</script> and & */
    cr_expect_eq(count(html, "<script"), 1, "only the page's own script");
    cr_expect_eq(count(html, "alert(1)"), 1);
    cr_expect(strstr(html, "&amp; obesity &lt;script&gt;alert(1)&lt;/script&gt;.") != NULL);
    cr_expect(strstr(html, "<i>Metformin &amp; PCOS &lt;b&gt;trial&lt;/b&gt;</i>") != NULL);
    cr_expect_null(strstr(html, "<b>trial"));
    cr_expect(strstr(html, "<title>Therapy claims: t &lt;&amp;&gt; &quot;q&quot;</title>") != NULL);
    free(html);
}

Test(report, the_page_loads_nothing)
{
    char *html = fixture_page();
    const char *banned[] = {" src=", "<link", "@import", "url(", "<iframe", "<img", "fetch("};
    for (size_t i = 0; i < sizeof banned / sizeof *banned; i++)
        cr_expect_null(strstr(html, banned[i]), "the page has %s", banned[i]);
    /* the only addresses: PubMed links (PMIDs 12345 and 67890) and the SVG namespace */
    size_t http = count(html, "http"), links = count(html, "href=\"https://pubmed.ncbi.nlm.nih.gov/");
    cr_expect_eq(links, 2);
    cr_expect_eq(http, links + count(html, "xmlns=\"http://www.w3.org/2000/svg\""));
    cr_expect(strstr(html, "<style>") != NULL && strstr(html, "<script>\n(function") != NULL);
    free(html);
}

Test(report, pmids_are_linked_only_when_they_are_numbers)
{
    char *html = fixture_page();
    cr_expect(strstr(html, "<a href=\"https://pubmed.ncbi.nlm.nih.gov/12345/\"") != NULL);
    cr_expect(strstr(html, "<a href=\"https://pubmed.ncbi.nlm.nih.gov/67890/\"") != NULL);
    cr_expect_null(strstr(html, "pubmed.ncbi.nlm.nih.gov/x"));
    cr_expect(strstr(html, "&middot; d4 &middot;") != NULL, "d4 (PMID x<y) is named by its id");
    free(html);
}

Test(report, slots_and_cues_are_marked)
{
    char *html = fixture_page();
    cr_expect(strstr(html, "<mark class=\"t\" title=\"therapy: metformin (MeSH:D008687)\">"
                           "Metformin</mark> <mark class=\"neg\" title=\"negation cue\">did "
                           "not</mark> improve <mark class=\"e\" title=\"effect: improves "
                           "ovulation\">ovulation</mark> in women with <mark class=\"c\"") != NULL);
    cr_expect(strstr(html, "<mark class=\"hedge\" title=\"hedge cue\">may</mark>") != NULL);
    /* the two claims of d3's second sentence each mark their own condition */
    cr_expect(strstr(html, "<mark class=\"c\" title=\"condition: erectile dysfunction") != NULL);
    cr_expect(strstr(html, "<mark class=\"c\" title=\"condition: primary ovarian insufficiency") != NULL);
    free(html);
}

/* A record of its own: offsets count code points ("Über 50 %: " is 11 of them in 12
 * bytes); a slot whose text is not at its offsets is not marked. */
static char *one_record(const char *therapy_start, const char *therapy_text)
{
    char line[2048];
    snprintf(line, sizeof line,
             "{\"schema\":\"therex.triple/1\",\"id\":\"0000000000000001\","
             "\"doc\":{\"id\":\"u\",\"pmid\":null,\"doi\":null,\"title\":null,\"source\":\"u\"},"
             "\"sentence\":{\"index\":0,\"section\":\"abstract\",\"start\":100,\"end\":135,"
             "\"text\":\"\\u00dcber 50 %%: Metformin improved PCOS.\"},"
             "\"therapy\":{\"text\":\"%s\",\"norm\":\"metformin\",\"start\":%s,\"end\":120},"
             "\"effect\":{\"text\":\"improved\",\"norm\":\"improves\",\"start\":121,\"end\":129},"
             "\"condition\":{\"text\":\"PCOS\",\"norm\":\"polycystic ovary syndrome\","
             "\"start\":130,\"end\":134},\"predicate\":\"biolink:treats\",\"negated\":false,"
             "\"hedged\":false,\"cues\":[],\"coref\":false,\"scope\":\"sentence\",\"evidence\":[],"
             "\"rule\":{\"id\":\"r\",\"file\":\"f\",\"line\":1},\"confidence\":0.5}",
             therapy_text, therapy_start);
    return page_of_lines(line, NULL);
}

Test(report, offsets_are_code_points_and_a_slot_not_found_there_is_not_marked)
{
    char *html = one_record("111", "Metformin");
    cr_expect(strstr(html, "<p class=\"sent\">\xC3\x9C" "ber 50 %: <mark class=\"t\" title=\"therapy: "
                           "metformin\">Metformin</mark> <mark class=\"e\"") != NULL, "%s",
              strstr(html, "<p class=\"sent\">"));
    cr_expect(strstr(html, ">PCOS</mark>.</p>") != NULL);
    free(html);
    html = one_record("112", "etformin");
    cr_expect(strstr(html, ">etformin</mark>") != NULL, "the offsets and the text agree");
    free(html);
    html = one_record("110", "Metformin"); /* one code point off: the text is not there */
    cr_expect_null(strstr(html, "<mark class=\"t\" title=\"therapy"));
    cr_expect(strstr(html, "50 %: Metformin <mark class=\"e\"") != NULL);
    free(html);
}

Test(report, claims_are_grouped_and_counted)
{
    char *html = fixture_page();
    /* metformin: d1, d4 asserted, d2 negated; exosomes: d3 hedged and asserted */
    const char *met = strstr(html, "<details class=\"group\" id=\"t0\" open><summary><b>metformin</b>");
    const char *exo = strstr(html, "<details class=\"group\" id=\"t1\" open><summary><b>exosomes</b>");
    cr_assert(met && exo, "metformin (3 abstracts) comes before exosomes (1)");
    cr_expect(strstr(met, "<span class=\"counts\">3 abstracts: 2 asserted, 0 hedged, 1 negated") == 
              strstr(met, "<span class=\"counts\">"));
    cr_expect(strstr(exo, "<span class=\"counts\">1 abstract: 1 asserted, 1 hedged, 0 negated") ==
              strstr(exo, "<span class=\"counts\">"));
    cr_expect(strstr(met, "Asserted: 2 claims in 2 abstracts") != NULL);
    cr_expect(strstr(met, "Negated: 1 claim in 1 abstract") != NULL);
    cr_expect(strstr(exo, "Hedged: 1 claim in 1 abstract") != NULL);
    /* by condition: a row per pair, linking to its claims */
    const char *pcos = strstr(html, "<summary><b>polycystic ovary syndrome</b>");
    cr_assert_not_null(pcos);
    cr_expect(strstr(pcos, "<td><a href=\"#p") != NULL);
    cr_expect(strstr(pcos, "metformin</a></td><td>improves ovulation</td><td class=\"n\">3</td>"
                           "<td class=\"n\">2</td><td class=\"n\">0</td><td class=\"n\">1</td>") != NULL);
    cr_expect_eq(count(html, "<li class=\"claim "), 6, "every record is shown once");
    cr_expect_eq(count(html, "<tr class=\"row\""), 4, "four therapy-condition pairs");
    /* the graph: one curve per pair, one node per therapy and condition */
    cr_expect_eq(count(html, "<path class=\"edge"), 4);
    cr_expect_eq(count(html, "<g class=\"node\""), 2 + 4);
    cr_expect(strstr(html, "<path class=\"edge neg\"") == NULL, "2 of 3 metformin claims are asserted");
    free(html);
}

Test(report, bad_lines_are_errors_at_their_line_and_add_nothing)
{
    char *text = read_fixture(THX_TEST_DIR "/report/bad.jsonl", NULL);
    cr_assert_not_null(text);
    report_data *r = report_new();
    thx_diags d;
    thx_diags_init(&d);
    int lineno = 0, rcs[8] = {0};
    char *p = text;
    while (*p && lineno < 8) {
        char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        rcs[lineno] = report_add_line(r, p, n, "bad.jsonl", lineno + 1, &d);
        lineno++;
        p += n + (nl != NULL);
    }
    cr_assert_eq(lineno, 6);
    int want[6] = {0, THX_EINPUT, THX_EINPUT, 0, THX_EINPUT, 0};
    for (int i = 0; i < 6; i++)
        cr_expect_eq(rcs[i], want[i], "line %d", i + 1);
    cr_expect_eq(report_records(r), 2);
    cr_expect_eq(report_documents(r), 2);
    cr_assert_eq(d.len, 3);
    cr_expect_eq(d.items[0].line, 2);
    cr_expect_eq(d.items[0].col, 34, "where the JSON goes wrong (the end of the bad token)");
    cr_expect(strstr(d.items[0].message, "not JSON") != NULL, "%s", d.items[0].message);
    cr_expect_eq(d.items[1].line, 3);
    cr_expect(strstr(d.items[1].message, "not a triple record") != NULL);
    cr_expect_eq(d.items[2].line, 5);
    cr_expect(strstr(d.items[2].message, "\"therapy\"") != NULL, "%s", d.items[2].message);
    thx_diags_free(&d);
    report_free(r);
    free(text);
}

Test(report, an_empty_report_is_a_page)
{
    char *html = page_of_lines("", NULL);
    cr_expect(strstr(html, "0 claims from 0 abstracts") != NULL);
    cr_expect(strstr(html, "No claims.") != NULL);
    cr_expect(strstr(html, "</html>\n") != NULL);
    free(html);
}

/* ------------------------------------------------------------------ the command */

Test(report_cli, writes_the_page_and_reports_bad_lines)
{
    const char *out = tmp_path("page.html");
    char args[4200], *so = NULL, *se = NULL;
    snprintf(args, sizeof args, "report '%s/report/bad.jsonl' -o '%s'", THX_TEST_DIR, out);
    cr_expect_eq(run_cli(NULL, args, &so, &se), 1, "bad lines skipped: status 1");
    cr_expect(strstr(se, "/report/bad.jsonl:2:34: error: not JSON") != NULL, "%s", se);
    cr_expect(strstr(se, "/report/bad.jsonl:3:1: error: not a triple record") != NULL, "%s", se);
    cr_expect(strstr(se, "/report/bad.jsonl:5:1: error: not a triple record: \"therapy\"") != NULL,
              "%s", se);
    cr_expect(strstr(se, "therex: 2 triples from 2 documents -> ") != NULL, "%s", se);
    char *html = read_fixture(out, NULL);
    cr_assert_not_null(html);
    cr_expect_eq(count(html, "<li class=\"claim "), 2);
    cr_expect(strstr(html, "</html>\n") && !strstr(html, "</html>\n\n"));
    free(html), free(so), free(se);
    unlink(out);
    remove_tmp_dir();
}

Test(report_cli, a_missing_input_is_a_usage_error_and_nothing_is_written)
{
    const char *out = tmp_path("never.html");
    char args[4200], *se = NULL;
    snprintf(args, sizeof args, "report no-such.jsonl -o '%s'", out);
    cr_expect_eq(run_cli(NULL, args, NULL, &se), 2);
    cr_expect(strstr(se, "no-such.jsonl: error: no such file") != NULL, "%s", se);
    cr_expect_eq(access(out, F_OK), -1);
    free(se);
    snprintf(args, sizeof args, "report --bogus '%s'", FIXTURE);
    cr_expect_eq(run_cli(NULL, args, NULL, NULL), 2);
    remove_tmp_dir();
}

Test(report_cli, an_unwritable_output_is_status_4_and_the_old_page_stays)
{
    char args[4200], *se = NULL;
    snprintf(args, sizeof args, "report -q '%s' -o /dev/full", FIXTURE);
    cr_expect_eq(run_cli(NULL, args, NULL, &se), 4);
    cr_expect(strstr(se, "cannot write '/dev/full'") != NULL, "%s", se);
    free(se);
    const char *out = write_tmp("old.html", "old", 3);
    snprintf(args, sizeof args, "report -q '%s' '%s/report/bad.jsonl' -o '%s'", FIXTURE,
             THX_TEST_DIR, out);
    cr_expect_eq(run_cli(NULL, args, NULL, NULL), 1);
    char *html = read_fixture(out, NULL);
    cr_expect_eq(count(html, "<li class=\"claim "), 6 + 2, "both files are shown");
    free(html);
    unlink(out);
    remove_tmp_dir();
}

Test(report_cli, reads_standard_input)
{
    const char *out = tmp_path("stdin.html");
    char cmd[8400];
    snprintf(cmd, sizeof cmd, "'%s' report -q - -o '%s' <'%s'", THX_BINARY, out, FIXTURE);
    cr_expect_eq(system(cmd), 0);
    char *html = read_fixture(out, NULL);
    cr_assert_not_null(html);
    cr_expect(strncmp(html, "<!DOCTYPE html>", 15) == 0);
    cr_expect(strstr(html, "<title>Therapy claims: &lt;stdin&gt;</title>") != NULL);
    cr_expect_eq(count(html, "<li class=\"claim "), 6);
    free(html);
    unlink(out);
    remove_tmp_dir();
}

/* Every option of `therex report --help` is in the man page, and report is in the
 * command list of `therex --help`. */
Test(report_cli, the_help_and_the_man_page_agree)
{
    char *so = NULL, *man = read_fixture(THX_SOURCE_DIR "/docs/therex.1", NULL);
    cr_assert_not_null(man);
    cr_assert_eq(run_cli(NULL, "report --help", &so, NULL), 0);
    const char *opts[] = {"-o, --output", "--title", "-q, --quiet"};
    for (size_t i = 0; i < sizeof opts / sizeof *opts; i++)
        cr_expect(strstr(so, opts[i]) != NULL, "%s", opts[i]);
    const char *in_man[] = {".B therex report", "\\-\\-title", ".B out/report.html"};
    for (size_t i = 0; i < sizeof in_man / sizeof *in_man; i++)
        cr_expect(strstr(man, in_man[i]) != NULL, "the man page lacks %s", in_man[i]);
    free(so);
    cr_assert_eq(run_cli(NULL, "--help", &so, NULL), 0);
    cr_expect(strstr(so, "  report ") != NULL, "%s", so);
    free(so), free(man);
}

/* The array of `therex extract -f json` gives the same page as its JSON Lines. */
Test(report_cli, reads_the_json_array_of_extract)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s", tmp_path("x"));
    *strrchr(dir, '/') = '\0';
    setenv("T", dir, 1);
    setenv("THEREX", THX_BINARY, 1);
    cr_expect_eq(system("cd '" THX_SOURCE_DIR "' && "
                        "\"$THEREX\" extract -q -f json -r rules corpus/seed.txt -o \"$T/a.json\" && "
                        "\"$THEREX\" extract -q -r rules corpus/seed.txt -o \"$T/a.jsonl\" && "
                        "\"$THEREX\" report -q --title t \"$T/a.json\" -o \"$T/a.html\" && "
                        "\"$THEREX\" report -q --title t \"$T/a.jsonl\" -o \"$T/b.html\" && "
                        "test \"$(grep -c '^{.*},$' \"$T/a.json\")\" -gt 1 && "
                        "cmp \"$T/a.html\" \"$T/b.html\""),
                 0);
    cr_expect_eq(system("rm -f \"$T\"/a.json \"$T\"/a.jsonl \"$T\"/a.html \"$T\"/b.html"), 0);
    remove_tmp_dir();
}

/* A file that is not JSON Lines at all: 50 errors, then one note for the rest. */
Test(report_cli, a_file_of_bad_lines_gives_fifty_errors_and_a_note)
{
    char text[120 * 20];
    size_t n = 0;
    for (int i = 0; i < 120; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "<p>%d</p>\n", i);
    char path[4200], args[8600], *se = NULL;
    snprintf(path, sizeof path, "%s", write_tmp("page.txt", text, n));
    snprintf(args, sizeof args, "report -q '%s' -o -", path);
    cr_expect_eq(run_cli(NULL, args, NULL, &se), 1);
    cr_expect_eq(count(se, ": error: not JSON"), 50, "%s", se);
    cr_expect(strstr(se, "page.txt: note: 70 more bad lines skipped and not shown") != NULL, "%s", se);
    free(se);
    unlink(path);
    remove_tmp_dir();
}
