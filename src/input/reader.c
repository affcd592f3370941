/*
 * Corpus readers, entry points: format names and detection, reading a file or a buffer.
 * Checks the whole input (empty, binary, invalid UTF-8), strips a UTF-8 BOM, turns
 * CRLF/CR line ends into LF and hands the clean text to one format reader
 * (reader_jsonl.c, reader_pubmed_text.c, reader_text.c): the dispatcher sits above the
 * readers, whose shared helpers are in reader_common.c. Owned by input/.
 */
#include "reader.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name;
    thx_format fmt;
} format_names[] = {
    {"auto", THX_FMT_AUTO},
    {"pubmed", THX_FMT_PUBMED_TEXT},
    {"jsonl", THX_FMT_JSONL},
    {"text", THX_FMT_TEXT},
};

#define NFORMATS (sizeof format_names / sizeof format_names[0])

int thx_format_from_name(const char *name)
{
    for (size_t i = 0; name && i < NFORMATS; i++)
        if (strcmp(name, format_names[i].name) == 0)
            return (int)format_names[i].fmt;
    return -1;
}

const char *thx_format_name(thx_format f)
{
    for (size_t i = 0; i < NFORMATS; i++)
        if (format_names[i].fmt == f)
            return format_names[i].name;
    return "unknown";
}

/* ---------------------------------------------------------------- detection */

static size_t skip_bom(const char *buf, size_t len)
{
    return (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
}

static bool is_pmid_line(const char *s, size_t n)
{
    return n > 6 && memcmp(s, "PMID: ", 6) == 0 && s[6] >= '0' && s[6] <= '9';
}

/* PubMed text: a citation line among the first non-empty lines, or a `PMID: ` line. */
static bool looks_like_pubmed(const char *buf, size_t len)
{
    const char *end = buf + len;
    int nonempty = 0;
    for (const char *p = buf; p < end;) {
        size_t n = reader_line_len(p, end);
        size_t tn = n;
        const char *t = reader_trim(p, &tn);
        if (tn > 0 && ++nonempty <= 5 && pubmed_is_citation(t, tn))
            return true;
        if (is_pmid_line(p, n))
            return true;
        p += n < (size_t)(end - p) ? n + 1 : n;
    }
    return false;
}

thx_format thx_format_detect(const char *buf, size_t len)
{
    size_t i = skip_bom(buf, len);
    while (i < len && is_space((unsigned char)buf[i]))
        i++;
    if (i < len && buf[i] == '{')
        return THX_FMT_JSONL;
    if (looks_like_pubmed(buf + i, len - i))
        return THX_FMT_PUBMED_TEXT;
    return THX_FMT_TEXT;
}

/* ---------------------------------------------------------------- whole-input checks */

static bool all_space(const char *buf, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!is_space((unsigned char)buf[i]))
            return false;
    return true;
}

/* Reports the first malformed byte with its line and (code point) column. */
static int report_utf8(const reader_ctx *c, const char *buf, size_t bad)
{
    int line = 1;
    size_t start = 0;
    for (size_t i = 0; i < bad; i++)
        if (buf[i] == '\n') {
            line++;
            start = i + 1;
        }
    int col = (int)utf8_count(buf + start, bad - start) + 1;
    thx_diags_add(c->diags, THX_SEV_ERROR, c->dpath, line, col, NULL, "invalid UTF-8");
    return THX_EINPUT;
}

static int check_input(const reader_ctx *c, const char *buf, size_t len)
{
    size_t bad;
    if (all_space(buf, len)) {
        thx_diags_add(c->diags, THX_SEV_ERROR, c->dpath, 0, 0, NULL, "empty file");
        return THX_EINPUT;
    }
    if (memchr(buf, '\0', len)) {
        thx_diags_add(c->diags, THX_SEV_ERROR, c->dpath, 0, 0, NULL, "binary file");
        return THX_EINPUT;
    }
    if (!utf8_valid(buf, len, &bad))
        return report_utf8(c, buf, bad);
    return 0;
}

/* Copies buf into b with every CRLF or lone CR turned into LF. */
static int normalise_newlines(strbuf *b, const char *buf, size_t len)
{
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        if (buf[i] != '\r')
            continue;
        if (sb_putn(b, buf + run, i - run) || sb_putc(b, '\n'))
            return THX_ENOMEM;
        if (i + 1 < len && buf[i + 1] == '\n')
            i++;
        run = i + 1;
    }
    if (sb_putn(b, buf + run, len - run))
        return THX_ENOMEM;
    return 0;
}

static int dispatch(const reader_ctx *c, const char *buf, size_t len, thx_format fmt)
{
    switch (fmt == THX_FMT_AUTO ? thx_format_detect(buf, len) : fmt) {
    case THX_FMT_JSONL:
        return reader_jsonl(c, buf, len);
    case THX_FMT_PUBMED_TEXT:
        return reader_pubmed_text(c, buf, len);
    case THX_FMT_TEXT:
        return reader_text(c, buf, len);
    default:
        thx_diags_add(c->diags, THX_SEV_ERROR, c->dpath, 0, 0, NULL, "unknown input format %d",
                      (int)fmt);
        return THX_EINPUT;
    }
}

static int read_checked(const reader_ctx *c, const char *buf, size_t len, thx_format fmt)
{
    size_t bom = skip_bom(buf, len);
    int rc = check_input(c, buf + bom, len - bom);
    if (rc)
        return rc;
    strbuf clean;
    sb_init(&clean);
    rc = normalise_newlines(&clean, buf + bom, len - bom);
    if (rc == 0)
        rc = dispatch(c, clean.ptr, clean.len, fmt);
    sb_free(&clean);
    return rc;
}

/* ---------------------------------------------------------------- public entry points */

int thx_read_buffer(thx_docs *out, const char *buf, size_t len, const char *source,
                    thx_format fmt, thx_diags *diags)
{
    const char *name = source ? source : "<input>";
    reader_ctx c = {out, name, name, diags};
    return read_checked(&c, buf ? buf : "", buf ? len : 0, fmt);
}

/* Reads the whole file into b; returns 0 or an errno value. */
static int slurp(const char *path, strbuf *b)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno;
    char chunk[65536];
    size_t k;
    int err = 0;
    while (!err && (k = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (sb_putn(b, chunk, k))
            err = ENOMEM;
    if (!err && ferror(f))
        err = errno ? errno : EIO;
    fclose(f);
    return err;
}

int thx_read_file(thx_docs *out, const char *path, const char *source, thx_format fmt,
                  thx_diags *diags)
{
    strbuf b;
    sb_init(&b);
    errno = 0;
    int err = slurp(path, &b);
    if (err) {
        sb_free(&b);
        if (err == ENOMEM)
            return THX_ENOMEM;
        thx_diags_add(diags, THX_SEV_ERROR, path, 0, 0, NULL, "cannot read: %s", strerror(err));
        return THX_EIO;
    }
    reader_ctx c = {out, source ? source : path, path, diags};
    int rc = read_checked(&c, b.ptr ? b.ptr : "", b.len, fmt);
    sb_free(&b);
    return rc;
}
