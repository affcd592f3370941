/*
 * JSON Lines corpus reader: one object a line,
 *   {"id", "title"?, "abstract" | "text", "pmid"?, "doi"?}
 * parsed with jansson line by line. Blank lines are skipped, and byte order marks at the
 * start of a line (files joined with cat). A bad line (malformed UTF-8 or a NUL byte,
 * not JSON, not an object, no abstract/text, a field of the wrong type) is reported at
 * path:line:col and skipped; the other records are kept and the reader then returns
 * THX_EINPUT. Past MAX_LINE_ERRORS bad lines in a file (a binary file named .jsonl) the
 * rest are only counted, in one last note.
 * id: "id" (string or integer), else "pmid", else `source#N` with N the line number.
 * Owned by the corpus-readers module.
 */
#include "reader.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bad lines reported in full for one file; the others are counted. */
#define MAX_LINE_ERRORS 50

typedef struct {
    const reader_ctx *ctx;
    const char *line;
    size_t len;
    int lineno;
    size_t *nbad; /* bad lines of the file so far */
} jsonl_line;

/* Reports a problem with the line; col counts code points from 1. The line is shown
 * with each NUL byte as U+FFFD (one column, as counted). */
static int bad_line(const jsonl_line *l, int col, const char *msg)
{
    if (++*l->nbad > MAX_LINE_ERRORS)
        return THX_EINPUT;
    strbuf src;
    sb_init(&src);
    for (size_t i = 0, run = 0; i <= l->len; i++) {
        if (i < l->len && l->line[i] != '\0')
            continue;
        sb_putn(&src, l->line + run, i - run);
        if (i < l->len)
            sb_puts(&src, UTF8_REPLACEMENT);
        run = i + 1;
    }
    thx_diags_add(l->ctx->diags, THX_SEV_ERROR, l->ctx->dpath, l->lineno, col > 0 ? col : 1,
                  src.ptr ? src.ptr : "", "%s", msg);
    sb_free(&src);
    return THX_EINPUT;
}

/* Column (code points, from 1) of the byte at offset off, which follows valid UTF-8. */
static int column_at(const jsonl_line *l, size_t off)
{
    return (int)utf8_count(l->line, off) + 1;
}

/* A NUL byte or malformed UTF-8 in the line: reported at the first. */
static int check_bytes(const jsonl_line *l)
{
    size_t bad = l->len;
    bool valid = utf8_valid(l->line, l->len, &bad);
    const char *nul = memchr(l->line, '\0', valid ? l->len : bad);
    if (nul)
        return bad_line(l, column_at(l, (size_t)(nul - l->line)), "NUL byte in a JSON line");
    if (!valid)
        return bad_line(l, column_at(l, bad), "invalid UTF-8");
    return 0;
}

/* Column of `"key"` in the line (where a wrong-typed field is), else 1. */
static int key_column(const jsonl_line *l, const char *key)
{
    char quoted[64];
    snprintf(quoted, sizeof quoted, "\"%s\"", key);
    size_t qn = strlen(quoted);
    for (size_t i = 0; i + qn <= l->len; i++)
        if (memcmp(l->line + i, quoted, qn) == 0)
            return (int)utf8_count(l->line, i) + 1;
    return 1;
}

enum { F_INT = 1, F_ID = 2 }; /* integers allowed; "" counts as absent */

static const struct {
    const char *key;
    int flags;
    size_t offset;
} jsonl_fields[] = {
    {"id", F_INT | F_ID, offsetof(thx_doc, id)},
    {"pmid", F_INT | F_ID, offsetof(thx_doc, pmid)},
    {"doi", F_ID, offsetof(thx_doc, doi)},
    {"title", 0, offsetof(thx_doc, title)},
    {"abstract", 0, offsetof(thx_doc, abstract)},
};

/* Copies field `key` into *dst; absent or null leaves *dst NULL. Returns 0,
 * THX_ENOMEM, or 1 for a wrong type. */
static int get_field(json_t *obj, const char *key, int flags, char **dst)
{
    json_t *v = json_object_get(obj, key);
    char num[32];
    const char *s;
    if (!v || json_is_null(v))
        return 0;
    if (json_is_string(v)) {
        s = json_string_value(v);
    } else if ((flags & F_INT) && json_is_integer(v)) {
        snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        s = num;
    } else {
        return 1;
    }
    if (!*s && (flags & F_ID))
        return 0;
    *dst = xstrdup(s);
    return *dst ? 0 : THX_ENOMEM;
}

/* Fills d from the object; on a bad record reports it and returns THX_EINPUT. */
static int fill_doc(const jsonl_line *l, json_t *obj, thx_doc *d)
{
    char msg[128];
    for (size_t i = 0; i < sizeof jsonl_fields / sizeof jsonl_fields[0]; i++) {
        const char *key = jsonl_fields[i].key;
        char **dst = (char **)((char *)d + jsonl_fields[i].offset);
        int flags = jsonl_fields[i].flags;
        int r = get_field(obj, key, flags, dst);
        if (r == 0 && dst == &d->abstract && !d->abstract)
            r = get_field(obj, key = "text", flags, dst);
        if (r == THX_ENOMEM)
            return r;
        if (r) {
            snprintf(msg, sizeof msg, "\"%s\" must be a string%s", key,
                     (flags & F_INT) ? " or an integer" : "");
            return bad_line(l, key_column(l, key), msg);
        }
    }
    /* a title alone is a document, as a PubMed record without an abstract is */
    if (!d->abstract && d->title && !(d->abstract = xstrdup("")))
        return THX_ENOMEM;
    if (!d->abstract)
        return bad_line(l, 1, "record has no \"title\", \"abstract\" or \"text\"");
    return 0;
}

static int read_record(const jsonl_line *l)
{
    if (check_bytes(l))
        return THX_EINPUT;
    /* byte order marks of files joined with cat: not part of the JSON */
    size_t skip = 0;
    while (l->len - skip >= 3 && memcmp(l->line + skip, UTF8_BOM, 3) == 0)
        skip += 3;
    size_t rest = l->len - skip;
    reader_trim(l->line + skip, &rest);
    if (rest == 0)
        return 0; /* a line of only byte order marks and spaces is blank */
    json_error_t err;
    json_t *obj = json_loadb(l->line + skip, l->len - skip,
                             JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &err);
    if (!obj) {
        char msg[256];
        snprintf(msg, sizeof msg, "invalid JSON: %s", err.text);
        return bad_line(l, err.column + (int)(skip / 3), msg);
    }
    int rc = THX_EINPUT;
    thx_doc d = {0};
    if (!json_is_object(obj))
        bad_line(l, 1, "record is not a JSON object");
    else
        rc = fill_doc(l, obj, &d);
    json_decref(obj);
    if (rc) {
        thx_doc_free(&d);
        return rc;
    }
    strbuf fallback;
    sb_init(&fallback);
    if (sb_printf(&fallback, "%s#%d", l->ctx->source, l->lineno)) {
        thx_doc_free(&d);
        return THX_ENOMEM;
    }
    rc = reader_push_doc(l->ctx, &d, fallback.ptr);
    sb_free(&fallback);
    return rc;
}

int reader_jsonl_line(const reader_ctx *ctx, jsonl_state *st, const char *line, size_t len,
                      int lineno)
{
    jsonl_line l = {ctx, line, len, lineno, &st->nbad};
    size_t tn = len;
    const char *t = reader_trim(line, &tn);
    while (tn >= 3 && memcmp(t, UTF8_BOM, 3) == 0) { /* a line of only BOMs is blank */
        t += 3;
        tn -= 3;
        reader_trim(t, &tn);
    }
    if (tn == 0)
        return 0;
    st->any = true;
    return read_record(&l);
}

void reader_jsonl_end(const reader_ctx *ctx, const jsonl_state *st)
{
    if (st->nbad > MAX_LINE_ERRORS)
        thx_diags_add(ctx->diags, THX_SEV_NOTE, ctx->dpath, 0, 0, NULL,
                      "%zu more bad lines not shown (%zu in all)", st->nbad - MAX_LINE_ERRORS,
                      st->nbad);
}

int reader_jsonl(const reader_ctx *ctx, const char *buf, size_t len)
{
    const char *end = buf + len;
    int rc = 0, lineno = 0;
    jsonl_state st = {0, false};
    for (const char *p = buf; p < end;) {
        size_t n = reader_line_len(p, end);
        int r = reader_jsonl_line(ctx, &st, p, n, ++lineno);
        p += n < (size_t)(end - p) ? n + 1 : n;
        if (r == THX_ENOMEM)
            return r;
        if (r)
            rc = THX_EINPUT;
    }
    reader_jsonl_end(ctx, &st);
    return rc;
}
