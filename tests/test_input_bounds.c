/*
 * Tests of what the corpus readers (src/input/) do at the edges: byte order marks inside
 * files (taken out, offsets counted without them), the size bound on regular files and
 * streams (THX_MAX_FILE_BYTES), and the warning for a document whose sentences were
 * cut at THX_SENTENCE_MAX. Owned by the corpus-readers module.
 */
#include "input/reader.h" /* reader_read_file_max: the size bound made small */
#include "support.h"
#include "therex.h"

#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
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

TestSuite(bounds, .init = setup, .fini = teardown);

/* ---------------------------------------------------------------- U+FEFF */

/* A file joined from two with cat: the second one's BOM is inside. */
Test(bounds, byte_order_marks_inside_jsonl_are_taken_out)
{
    const char in[] = "{\"id\": \"a\", \"abstract\": \"one\"}\n"
                      "\xEF\xBB\xBF{\"id\": \"b\", \"abstract\": \"\xEF\xBB\xBFtwo\"}\n"
                      "{\"id\": \"c\", \"title\": \"\\ufeffT\", \"abstract\": \"x\\uFEFFy\"}\n"
                      "\xEF\xBB\xBF\n"
                      "\xEF\xBB\xBF{\"id\": }\n";
    cr_assert_eq(thx_read_buffer(&docs, in, sizeof in - 1, "j.jsonl", THX_FMT_AUTO, &diags),
                 THX_EINPUT);
    cr_assert_eq(docs.len, 3);
    cr_assert_str_eq(docs.items[1].id, "b");
    cr_assert_str_eq(docs.items[1].abstract, "two");
    cr_assert_str_eq(docs.items[2].title, "T");
    cr_assert_str_eq(docs.items[2].abstract, "xy");
    cr_assert_eq(diags.len, 1, "a line of only a BOM is blank");
    cr_assert_eq(diags.items[0].line, 5);
    cr_assert_eq(diags.items[0].col, 9, "the BOM is one column");
}

/* Reading A + B and A + BOM + B gives the same documents, in every format. */
static void expect_same_docs(const char *a, const char *b, const char *source)
{
    strbuf plain, joined;
    sb_init(&plain);
    sb_init(&joined);
    sb_puts(&plain, a);
    sb_puts(&plain, b);
    sb_puts(&joined, a);
    sb_puts(&joined, "\xEF\xBB\xBF");
    sb_puts(&joined, b);
    thx_docs want;
    thx_docs_init(&want);
    cr_assert_eq(thx_read_buffer(&want, plain.ptr, plain.len, source, THX_FMT_AUTO, &diags), 0);
    cr_assert_eq(thx_read_buffer(&docs, joined.ptr, joined.len, source, THX_FMT_AUTO, &diags), 0);
    cr_assert_eq(diags.len, 0);
    cr_assert_eq(docs.len, want.len);
    for (size_t i = 0; i < want.len; i++) {
        cr_assert_str_eq(docs.items[i].id, want.items[i].id);
        cr_assert_str_eq(docs.items[i].title, want.items[i].title);
        cr_assert_str_eq(docs.items[i].abstract, want.items[i].abstract);
    }
    thx_docs_free(&want);
    thx_docs_free(&docs);
    sb_free(&plain);
    sb_free(&joined);
}

Test(bounds, byte_order_marks_inside_text_are_taken_out)
{
    expect_same_docs("First file.\n", "Exosomes have been used to treat stroke.\n", "t.txt");
    size_t len;
    char *five = read_fixture("fixtures/efetch_abstract_5records.txt", &len);
    char *one = read_fixture("fixtures/efetch_abstract_1record_transferrin.txt", &len);
    cr_assert(five && one);
    expect_same_docs(five, one, "pubmed.txt");
    free(five);
    free(one);
}

/* Offsets count the code points of the document's text, which has no U+FEFF: the word
 * after a BOM is tagged, and every slot's offsets select its text. */
static void slot_at(const char *section, const thx_slot *s)
{
    if (!s->text)
        return;
    const char *p = section;
    for (size_t i = 0; i < s->start; i++)
        p += utf8_seq(p, strlen(p));
    cr_assert(strncmp(p, s->text, strlen(s->text)) == 0, "offset %zu does not select '%s'",
              s->start, s->text);
    cr_assert_eq(utf8_count(s->text, strlen(s->text)), s->end - s->start);
}

Test(bounds, offsets_after_a_byte_order_mark)
{
    const char in[] = "S\xC3\xA3o Paulo.\n\xEF\xBB\xBF"
                      "Exosomes have been used to treat diseases such as stroke. "
                      "\xCE\xB1-Exosomes \xEF\xBB\xBFhave been used to treat diseases such as "
                      "\xEF\xBB\xBFliver fibrosis.";
    cr_assert_eq(thx_read_buffer(&docs, in, sizeof in - 1, "bom.txt", THX_FMT_AUTO, &diags), 0);
    cr_assert_eq(docs.len, 1);
    cr_assert_null(strstr(docs.items[0].abstract, "\xEF\xBB\xBF"));
    char rules[4096];
    snprintf(rules, sizeof rules, "%s/rules/unit.rules", THX_TEST_DIR);
    const char *paths[] = {rules};
    thx_ruleset *rs = thx_ruleset_load(paths, 1, &diags);
    cr_assert_not_null(rs);
    thx_triples ts;
    thx_triples_init(&ts);
    cr_assert_eq(thx_extract(&ts, rs, &docs.items[0]), 0);
    cr_assert_eq(ts.len, 2, "the word after each BOM is found: %zu triples", ts.len);
    cr_assert_str_eq(ts.items[0].condition.text, "stroke");
    cr_assert_str_eq(ts.items[1].condition.text, "liver fibrosis");
    for (size_t i = 0; i < ts.len; i++) {
        const thx_triple *t = &ts.items[i];
        cr_assert_eq(t->sentence.section, THX_SEC_ABSTRACT);
        thx_slot sent = {t->sentence.text, NULL, NULL, t->sentence.start, t->sentence.end};
        slot_at(docs.items[0].abstract, &sent);
        slot_at(docs.items[0].abstract, &t->therapy);
        slot_at(docs.items[0].abstract, &t->effect);
        slot_at(docs.items[0].abstract, &t->condition);
    }
    cr_assert_eq(ts.items[0].therapy.start, 11, "'S\xC3\xA3o Paulo.\\n' is 11 code points");
    thx_triples_free(&ts);
    thx_ruleset_free(rs);
}

/* ---------------------------------------------------------------- size bound */

Test(bounds, a_regular_file_over_the_bound_is_refused_unread)
{
    const char *path = write_tmp("big.txt", "x", 1);
    /* sparse: as large as it says, without writing it */
    cr_assert_eq(truncate(path, (off_t)THX_MAX_FILE_BYTES + 1), 0);
    cr_assert_eq(thx_read_file(&docs, path, "big.txt", THX_FMT_AUTO, &diags), THX_EINPUT);
    cr_assert_eq(docs.len, 0);
    cr_assert_eq(diags.len, 1);
    cr_assert_str_eq(diags.items[0].path, path);
    cr_assert_str_eq(diags.items[0].message,
                     "file too large: 268435457 bytes, more than the limit of 256 MB per input "
                     "file (split it into smaller files)");
    unlink(path);
    /* at the bound itself it is read */
    path = write_tmp("small.txt", "0123456789", 10);
    cr_assert_eq(reader_read_file_max(&docs, path, "small.txt", THX_FMT_AUTO, 10, &diags), 0);
    cr_assert_eq(docs.len, 1);
    cr_assert_eq(reader_read_file_max(&docs, path, "small.txt", THX_FMT_AUTO, 9, &diags),
                 THX_EINPUT);
    cr_assert_eq(docs.len, 1);
    unlink(path);
}

/* Writes n bytes of JSON Lines into the FIFO at path from a child process. */
static pid_t feed_fifo(const char *path, size_t n)
{
    pid_t pid = fork();
    cr_assert_geq(pid, 0);
    if (pid == 0) {
        FILE *f = fopen(path, "wb");
        const char rec[] = "{\"id\": \"s\", \"text\": \"streamed\"}\n";
        for (size_t i = 0; f && i < n; i += sizeof rec - 1)
            fwrite(rec, 1, sizeof rec - 1, f);
        if (f)
            fclose(f);
        _exit(0);
    }
    return pid;
}

Test(bounds, a_stream_of_json_lines_is_read_whatever_its_size)
{
    char path[4200];
    snprintf(path, sizeof path, "%s", tmp_path("fifo.jsonl"));
    cr_assert_eq(mkfifo(path, 0600), 0);
    /* JSON Lines is read a line at a time: the bound is on one line, not the file */
    pid_t pid = feed_fifo(path, 32 * 100);
    cr_assert_eq(reader_read_file_max(&docs, path, "fifo.jsonl", THX_FMT_AUTO, 1000, &diags), 0);
    waitpid(pid, NULL, 0);
    cr_assert_eq(docs.len, 100);
    cr_assert_eq(diags.len, 0);
    unlink(path);
}

Test(bounds, a_json_line_over_the_bound_is_skipped)
{
    strbuf b;
    sb_init(&b);
    sb_puts(&b, "{\"id\": \"a\", \"text\": \"short\"}\n{\"id\": \"b\", \"text\": \"");
    for (int i = 0; i < 100; i++)
        sb_puts(&b, "long long ");
    sb_puts(&b, "\"}\n{\"id\": \"c\", \"text\": \"short\"}\n");
    const char *path = write_tmp("long.jsonl", b.ptr, b.len);
    sb_free(&b);
    cr_assert_eq(reader_read_file_max(&docs, path, "long.jsonl", THX_FMT_AUTO, 500, &diags),
                 THX_EINPUT);
    cr_assert_eq(docs.len, 2);
    cr_assert_str_eq(docs.items[0].id, "a");
    cr_assert_str_eq(docs.items[1].id, "c");
    cr_assert_eq(diags.len, 1);
    cr_assert_eq(diags.items[0].line, 2);
    cr_assert_str_eq(diags.items[0].message, "line longer than the limit of 500 bytes; skipped");
    unlink(path);
}

Test(bounds, a_text_stream_is_read_up_to_the_bound)
{
    char path[4200];
    snprintf(path, sizeof path, "%s", tmp_path("fifo.txt"));
    cr_assert_eq(mkfifo(path, 0600), 0);
    pid_t pid = fork();
    cr_assert_geq(pid, 0);
    if (pid == 0) {
        FILE *f = fopen(path, "wb");
        for (int i = 0; f && i < 1000; i++)
            fputs("Plain text, read whole. ", f);
        if (f)
            fclose(f);
        _exit(0);
    }
    /* over the bound: an error naming the file, and nothing of it */
    cr_assert_eq(reader_read_file_max(&docs, path, "fifo.txt", THX_FMT_AUTO, 1000, &diags),
                 THX_EINPUT);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    cr_assert_eq(docs.len, 0);
    cr_assert_eq(diags.len, 1);
    cr_assert_str_eq(diags.items[0].path, path);
    cr_assert_str_eq(diags.items[0].message,
                     "input too large: more than the limit of 1000 bytes per input file was read "
                     "from it (not a regular file); none of it is used");
    unlink(path);
}

/* ---------------------------------------------------------------- long sentences */

Test(bounds, a_document_with_a_sentence_cut_at_the_bound_is_warned_about_once)
{
    strbuf b;
    sb_init(&b);
    sb_puts(&b, "{\"id\": \"short\", \"abstract\": \"A sentence. Another.\"}\n");
    sb_puts(&b, "{\"id\": \"long\", \"title\": \"");
    for (int i = 0; i < 1000; i++)
        sb_puts(&b, "aspirin, ");
    sb_puts(&b, "\", \"abstract\": \"A start. ");
    for (int i = 0; i < 3000; i++)
        sb_puts(&b, "metformin, ");
    sb_puts(&b, "and more.\"}\n");
    cr_assert_eq(thx_read_buffer(&docs, b.ptr, b.len, "l.jsonl", THX_FMT_AUTO, &diags), 0);
    cr_assert_eq(docs.len, 2);
    cr_assert_eq(diags.len, 1);
    const thx_diag *g = &diags.items[0];
    cr_assert_eq(g->severity, THX_SEV_WARNING);
    cr_assert_str_eq(g->path, "l.jsonl");
    /* title: 9,000 code points, 2 cuts; abstract: 33,000, 8 cuts */
    cr_assert_str_eq(g->message, "document 'long': text without a sentence end for more than "
                                 "4096 code points, cut into shorter sentences (10 cuts)");
    sb_free(&b);
}
