/* Checks shared by the fuzz harnesses (see fuzz.h). */
#include "fuzz.h"
#include "util/util.h"

#include <string.h>

int fuzz_utf8_ok(const char *s, size_t n)
{
    size_t bad;
    return utf8_valid(s, n, &bad);
}

static void check_string(const char *s)
{
    if (s)
        FUZZ_CHECK(fuzz_utf8_ok(s, strlen(s)));
}

static void check_list(const thx_strlist *l)
{
    FUZZ_CHECK(l->len == 0 || l->items);
    for (size_t i = 0; i < l->len; i++) {
        FUZZ_CHECK(l->items[i]);
        check_string(l->items[i]);
    }
}

void fuzz_check_docs(const thx_docs *docs, size_t from)
{
    FUZZ_CHECK(docs->len <= docs->cap);
    for (size_t i = from; i < docs->len; i++) {
        const thx_doc *d = &docs->items[i];
        FUZZ_CHECK(d->id && d->source && d->title && d->abstract);
        check_string(d->id);
        check_string(d->pmid);
        check_string(d->doi);
        check_string(d->source);
        check_string(d->title);
        check_string(d->abstract);
        check_list(&d->keywords);
        check_list(&d->publication_types);
        check_list(&d->mesh_terms);
    }
}

void fuzz_check_diags(const thx_diags *diags)
{
    static FILE *devnull;
    if (!devnull)
        devnull = fopen("/dev/null", "w");
    for (size_t i = 0; i < diags->len; i++) {
        const thx_diag *g = &diags->items[i];
        FUZZ_CHECK(g->path && g->message);
        FUZZ_CHECK(g->line >= 0 && g->col >= 0);
    }
    if (devnull)
        thx_diags_print(diags, devnull);
}

void fuzz_check_sentences(const thx_sentences *s, const char *text, size_t len,
                          thx_section sec)
{
    int valid = fuzz_utf8_ok(text, len);
    size_t prev = 0;
    for (size_t i = 0; i < s->len; i++) {
        const thx_sentence *t = &s->items[i];
        FUZZ_CHECK(t->section == sec);
        FUZZ_CHECK(prev <= t->start && t->start < t->end && t->end <= len);
        for (size_t k = prev; k < t->start; k++)
            FUZZ_CHECK(is_space((unsigned char)text[k]));
        FUZZ_CHECK(!is_space((unsigned char)text[t->start]));
        FUZZ_CHECK(!is_space((unsigned char)text[t->end - 1]));
        if (valid)
            FUZZ_CHECK(fuzz_utf8_ok(text + t->start, t->end - t->start));
        prev = t->end;
    }
    for (size_t k = prev; k < len; k++)
        FUZZ_CHECK(is_space((unsigned char)text[k]));
}

int fuzz_read(thx_docs *docs, const char *buf, size_t len, const char *source,
              thx_format fmt)
{
    thx_format f = thx_format_detect(buf, len);
    FUZZ_CHECK(f == THX_FMT_JSONL || f == THX_FMT_PUBMED_TEXT || f == THX_FMT_TEXT ||
               f == THX_FMT_PUBMED_XML || f == THX_FMT_MEDLINE);
    thx_diags diags;
    thx_diags_init(&diags);
    size_t before = docs->len;
    int rc = thx_read_buffer(docs, buf, len, source, fmt, &diags);
    FUZZ_CHECK(rc == 0 || rc == THX_EINPUT || rc == THX_ENOMEM);
    size_t errors = thx_diags_count(&diags, THX_SEV_ERROR);
    FUZZ_CHECK(rc != 0 || errors == 0);
    FUZZ_CHECK(rc != THX_EINPUT || errors > 0);
    /* PubMed XML of only DeleteCitation elements is read without a document */
    FUZZ_CHECK(rc != 0 || docs->len > before || fmt == THX_FMT_PUBMED_XML);
    fuzz_check_docs(docs, before);
    fuzz_check_diags(&diags);
    thx_diags_free(&diags);
    return rc;
}
