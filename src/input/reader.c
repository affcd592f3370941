/*
 * Corpus readers, the dispatcher of whole buffers: format names and detection, and
 * reading one buffer of the formats read whole (text, PubMed text; the line formats
 * too when a caller hands a buffer; reader_file.c streams files). Checks the whole input
 * (empty; for text and PubMed: binary, malformed UTF-8, which is replaced by U+FFFD with
 * a warning), strips a UTF-8 BOM (and, in text, every U+FEFF), turns CRLF/CR line ends
 * into LF and hands the clean text to one format reader (reader_jsonl.c, which checks
 * each line itself, reader_pubmed_text.c, reader_text.c): the dispatcher sits above the
 * readers, whose shared helpers are in reader_common.c. Owned by input/.
 */
#include "reader.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const struct {
    const char *name;
    thx_format fmt;
} format_names[] = {
    {"auto", THX_FMT_AUTO},
    {"pubmed", THX_FMT_PUBMED_TEXT},
    {"jsonl", THX_FMT_JSONL},
    {"text", THX_FMT_TEXT},
    {"xml", THX_FMT_PUBMED_XML},
    {"medline", THX_FMT_MEDLINE},
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
    return (len >= 3 && memcmp(buf, UTF8_BOM, 3) == 0) ? 3 : 0;
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
    if (i < len && buf[i] == '<')
        return THX_FMT_PUBMED_XML;
    if (medline_looks_like(buf + i, len - i))
        return THX_FMT_MEDLINE;
    if (looks_like_pubmed(buf + i, len - i))
        return THX_FMT_PUBMED_TEXT;
    return THX_FMT_TEXT;
}

/* ---------------------------------------------------------------- whole-input checks */

/* Nothing but white space and byte order marks (U+FEFF, which readers take out). */
static bool all_space(const char *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (i + 3 <= len && memcmp(buf + i, UTF8_BOM, 3) == 0)
            i += 2;
        else if (!is_space((unsigned char)buf[i]))
            return false;
    }
    return true;
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

/* Text for the text and PubMed readers: b gets buf with each byte of malformed UTF-8
 * replaced by U+FFFD and every U+FEFF (a BOM left inside by joined files) taken out,
 * decoding as it goes, so that taking a BOM out never joins two bad bytes into a
 * character. *nbad gets the number of bytes replaced and *first the offset in b of the
 * first replacement. */
static int clean_text(strbuf *b, const char *buf, size_t len, long *nbad, size_t *first)
{
    *nbad = 0;
    for (size_t i = 0, run = 0; i <= len;) {
        size_t k = i < len ? utf8_seq(buf + i, len - i) : 0;
        bool bom = k == 3 && memcmp(buf + i, UTF8_BOM, 3) == 0;
        if (i < len && k && !bom) {
            i += k;
            continue;
        }
        if (sb_putn(b, buf + run, i - run))
            return THX_ENOMEM;
        if (i == len)
            break;
        if (!bom) {
            if (!(*nbad)++)
                *first = b->len;
            if (sb_puts(b, UTF8_REPLACEMENT))
                return THX_ENOMEM;
        }
        i += bom ? 3 : 1;
        run = i;
    }
    return 0;
}

/* Reports the bytes clean_text replaced, at the line and column (in code points) of the
 * first, as a warning: the document is still read. */
static void report_replaced(const reader_ctx *c, const char *text, size_t at, long nbad)
{
    int line = 1;
    size_t start = 0;
    for (size_t i = 0; i < at; i++)
        if (text[i] == '\n') {
            line++;
            start = i + 1;
        }
    int col = (int)utf8_count(text + start, at - start) + 1;
    thx_diags_add(c->diags, THX_SEV_WARNING, c->dpath, line, col, NULL,
                  "invalid UTF-8: %ld byte%s replaced by U+FFFD", nbad, nbad == 1 ? "" : "s");
}

static int dispatch(const reader_ctx *c, const char *buf, size_t len, thx_format fmt)
{
    switch (fmt) {
    case THX_FMT_JSONL:
        return reader_jsonl(c, buf, len);
    case THX_FMT_PUBMED_TEXT:
        return reader_pubmed_text(c, buf, len);
    case THX_FMT_TEXT:
        return reader_text(c, buf, len);
    case THX_FMT_MEDLINE:
        return reader_medline(c, buf, len);
    default:
        thx_diags_add(c->diags, THX_SEV_ERROR, c->dpath, 0, 0, NULL, "unknown input format %d",
                      (int)fmt);
        return THX_EINPUT;
    }
}

/* True when name ends in ext, ignoring ASCII case. */
bool reader_has_ext(const char *name, const char *ext)
{
    size_t n = name ? strlen(name) : 0, e = strlen(ext);
    if (n <= e)
        return false;
    for (size_t i = 0; i < e; i++)
        if (ascii_lower((unsigned char)name[n - e + i]) != (unsigned char)ext[i])
            return false;
    return true;
}

/* The text and PubMed readers: a NUL makes the whole file binary; malformed UTF-8 is
 * replaced (with a warning) and BOMs taken out. */
static int read_text_kind(const reader_ctx *c, const char *buf, size_t len, thx_format fmt)
{
    if (memchr(buf, '\0', len)) {
        thx_diags_add(c->diags, THX_SEV_ERROR, c->dpath, 0, 0, NULL, "binary file");
        return THX_EINPUT;
    }
    if (utf8_valid(buf, len, NULL) && !strstr(buf, UTF8_BOM)) /* buf holds no NUL */
        return dispatch(c, buf, len, fmt);
    strbuf clean;
    sb_init(&clean);
    long nbad;
    size_t first = 0;
    int rc = clean_text(&clean, buf, len, &nbad, &first);
    if (rc == 0 && nbad)
        report_replaced(c, clean.ptr, first, nbad);
    if (rc == 0 && all_space(clean.ptr, clean.len)) {
        thx_diags_add(c->diags, THX_SEV_ERROR, c->dpath, 0, 0, NULL, "empty file");
        rc = THX_EINPUT;
    }
    if (rc == 0)
        rc = dispatch(c, clean.ptr ? clean.ptr : "", clean.len, fmt);
    sb_free(&clean);
    return rc;
}

int reader_read_checked(const reader_ctx *c, const char *buf, size_t len, thx_format fmt)
{
    size_t bom = skip_bom(buf, len);
    if (all_space(buf + bom, len - bom)) {
        thx_diags_add(c->diags, THX_SEV_ERROR, c->dpath, 0, 0, NULL, "empty file");
        return THX_EINPUT;
    }
    strbuf lf;
    sb_init(&lf);
    int rc = normalise_newlines(&lf, buf + bom, len - bom);
    if (rc == 0 && fmt == THX_FMT_AUTO)
        fmt = reader_has_ext(c->dpath, ".jsonl") || reader_has_ext(c->dpath, ".ndjson") ||
                      reader_has_ext(c->source, ".jsonl") || reader_has_ext(c->source, ".ndjson")
                  ? THX_FMT_JSONL
                  : thx_format_detect(lf.ptr, lf.len);
    /* JSON Lines checks each line (reader_jsonl.c): one bad line costs that line only */
    if (rc == 0)
        rc = fmt == THX_FMT_JSONL ? dispatch(c, lf.ptr, lf.len, fmt)
                                  : read_text_kind(c, lf.ptr, lf.len, fmt);
    sb_free(&lf);
    return rc;
}

