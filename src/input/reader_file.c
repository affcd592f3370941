/*
 * Reading a file as a stream of documents (thx_reader_*, thx_read_file,
 * thx_read_buffer): opens the file through zlib (plain or gzip), looks at its first
 * bytes to choose the format, and then
 *  - PubMed XML (reader_xml.c), JSON Lines (reader_jsonl.c) and MEDLINE
 *    (reader_medline.c) are read as they are handed over: a record (a line) at a time,
 *    so memory does not grow with the file;
 *  - text and PubMed text, one or a few documents a file, are read whole (at most
 *    THX_MAX_FILE_BYTES) and checked and parsed by the dispatcher (reader.c).
 * Line ends: CRLF and lone CR count as LF in the line formats as in the others.
 * Owned by input/.
 */
#include "reader.h"

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PEEK_BYTES 65536

typedef enum { R_WHOLE, R_JSONL, R_XML, R_MEDLINE } reader_kind;

struct thx_reader {
    instream in;
    char *source, *dpath;
    thx_format fmt;
    reader_kind kind;
    size_t max;         /* bytes of a file read whole; of one line of a line format */
    thx_docs docs;      /* R_WHOLE: the documents read, handed over from `next` */
    size_t next;
    jsonl_state js;
    medline_state ms;
    xml_state *xs;
    strbuf line, clean;
    long lineno;        /* lines of a line format, CR and CRLF counted as LF */
    long nbad_utf8;     /* MEDLINE: bytes of malformed UTF-8 replaced */
    long bad_line, bad_col;
    bool done;
    int rc;             /* THX_EINPUT once something was skipped */
    str_vec deleted;
};

/* "256 MB", or a number of bytes when max is no whole number of megabytes. */
static void size_text(char *dst, size_t n, size_t bytes)
{
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0)
        snprintf(dst, n, "%zu MB", bytes >> 20);
    else
        snprintf(dst, n, "%zu bytes", bytes);
}

static reader_ctx ctx_of(thx_reader *r, thx_docs *out, thx_diags *diags)
{
    reader_ctx c = {out, r->source, r->dpath, diags};
    return c;
}

static void stream_error(thx_reader *r, thx_diags *diags)
{
    thx_diags_add(diags, THX_SEV_ERROR, r->dpath, r->kind == R_WHOLE ? 0 : (int)r->lineno + 1, 0,
                  NULL, "cannot read: %s", r->in.errmsg[0] ? r->in.errmsg : strerror(r->in.err));
}

/* ---------------------------------------------------------------- format */

static bool name_has(const thx_reader *r, const char *ext)
{
    return reader_has_ext(r->dpath, ext) || reader_has_ext(r->source, ext);
}

static bool is_jsonl_name(const thx_reader *r)
{
    return name_has(r, ".jsonl") || name_has(r, ".ndjson") || name_has(r, ".jsonl.gz") ||
           name_has(r, ".ndjson.gz");
}

/* The format of an AUTO file, from its name and first bytes. */
static thx_format choose_format(const thx_reader *r, const char *p, size_t n)
{
    if (is_jsonl_name(r))
        return THX_FMT_JSONL;
    size_t i = 0;
    if (n >= 3 && memcmp(p, UTF8_BOM, 3) == 0)
        i = 3;
    while (i < n && is_space((unsigned char)p[i]))
        i++;
    if (i < n && p[i] == '<')
        return THX_FMT_PUBMED_XML;
    if (i < n && p[i] == '{')
        return THX_FMT_JSONL;
    if (medline_looks_like(p + i, n - i) || name_has(r, ".nbib"))
        return THX_FMT_MEDLINE;
    return THX_FMT_AUTO; /* text or PubMed text: the dispatcher looks at all of it */
}

/* ---------------------------------------------------------------- whole files */

static int read_whole(thx_reader *r, thx_diags *diags)
{
    size_t max = r->max;
    if (r->in.regular && !r->in.compressed && r->in.size > max) {
        char lim[64];
        size_text(lim, sizeof lim, max);
        thx_diags_add(diags, THX_SEV_ERROR, r->dpath, 0, 0, NULL,
                      "file too large: %ju bytes, more than the limit of %s per input "
                      "file (split it into smaller files)", r->in.size, lim);
        return THX_EINPUT;
    }
    strbuf b;
    sb_init(&b);
    char chunk[65536];
    long k;
    while ((k = instream_read(&r->in, chunk, sizeof chunk)) > 0) {
        if ((size_t)k > max - b.len) {
            char lim[64];
            size_text(lim, sizeof lim, max);
            if (r->in.compressed)
                thx_diags_add(diags, THX_SEV_ERROR, r->dpath, 0, 0, NULL,
                              "input too large: more than the limit of %s per input file "
                              "once decompressed; none of it is used", lim);
            else
                thx_diags_add(diags, THX_SEV_ERROR, r->dpath, 0, 0, NULL,
                              "input too large: more than the limit of %s per input file was "
                              "read from it (not a regular file); none of it is used", lim);
            sb_free(&b);
            return THX_EINPUT;
        }
        if (sb_putn(&b, chunk, (size_t)k)) {
            sb_free(&b);
            return THX_ENOMEM;
        }
    }
    if (k < 0) {
        sb_free(&b);
        stream_error(r, diags);
        return THX_EIO;
    }
    reader_ctx c = ctx_of(r, &r->docs, diags);
    int rc = reader_read_checked(&c, b.ptr ? b.ptr : "", b.len, r->fmt);
    sb_free(&b);
    return rc;
}

/* ---------------------------------------------------------------- line formats */

/* One line of MEDLINE: malformed UTF-8 replaced (counted for one warning at the end),
 * byte order marks at its start (joined files) taken out. */
static int medline_one(thx_reader *r, const reader_ctx *c, const char *s, size_t n)
{
    while (n >= 3 && memcmp(s, UTF8_BOM, 3) == 0) {
        s += 3;
        n -= 3;
    }
    size_t bad = 0;
    if (!utf8_valid(s, n, &bad) || memchr(s, '\0', n)) {
        r->clean.len = 0;
        long k = utf8_sanitize(&r->clean, s, n);
        if (k < 0)
            return THX_ENOMEM;
        for (size_t i = 0; i < r->clean.len; i++)
            if (r->clean.ptr[i] == '\0')
                r->clean.ptr[i] = ' ', k++;
        if (!r->nbad_utf8) {
            r->bad_line = r->lineno;
            r->bad_col = (long)utf8_count(s, bad) + 1;
        }
        r->nbad_utf8 += k;
        s = r->clean.ptr;
        n = r->clean.len;
    }
    return medline_line(&r->ms, c, s, n, r->lineno);
}

static int line_one(thx_reader *r, const reader_ctx *c, const char *s, size_t n)
{
    r->lineno++;
    if (r->kind == R_JSONL)
        return reader_jsonl_line(c, &r->js, s, n, (int)r->lineno);
    return medline_one(r, c, s, n);
}

/* The end of a line-format file. */
static int lines_end(thx_reader *r, const reader_ctx *c)
{
    int rc = 0;
    if (r->kind == R_JSONL) {
        reader_jsonl_end(c, &r->js);
        if (!r->js.any) {
            thx_diags_add(c->diags, THX_SEV_ERROR, r->dpath, 0, 0, NULL, "empty file");
            rc = THX_EINPUT;
        }
    } else {
        rc = medline_end(&r->ms, c);
        if (rc == 0 && r->ms.nrecords == 0) {
            thx_diags_add(c->diags, THX_SEV_ERROR, r->dpath, 0, 0, NULL, "empty file");
            rc = THX_EINPUT;
        }
        if (r->nbad_utf8)
            thx_diags_add(c->diags, THX_SEV_WARNING, r->dpath, (int)r->bad_line, (int)r->bad_col,
                          NULL, "invalid UTF-8: %ld byte%s replaced by U+FFFD", r->nbad_utf8,
                          r->nbad_utf8 == 1 ? "" : "s");
    }
    return rc;
}

static int next_lines(thx_reader *r, const reader_ctx *c, size_t max)
{
    size_t start = c->out->len;
    int rc = 0;
    while (c->out->len - start < max) {
        int k = instream_line(&r->in, &r->line, r->max);
        if (k < 0) {
            if (r->in.err == ENOMEM)
                return THX_ENOMEM;
            /* what was read before stands; the last record may be cut */
            int e = lines_end(r, c);
            stream_error(r, c->diags);
            r->done = true;
            return e == THX_ENOMEM ? e : THX_EINPUT;
        }
        if (k == 0) {
            r->done = true;
            int e = lines_end(r, c);
            return e ? e : rc;
        }
        if (k == 2) {
            char lim[64];
            size_text(lim, sizeof lim, r->max);
            thx_diags_add(c->diags, THX_SEV_ERROR, r->dpath, (int)r->lineno + 1, 0, NULL,
                          "line longer than the limit of %s; skipped", lim);
            r->lineno++;
            rc = THX_EINPUT;
            continue;
        }
        const char *s = r->line.ptr ? r->line.ptr : "";
        size_t n = r->line.len, seg = 0;
        for (size_t i = 0; i < n; i++) {
            if (s[i] != '\r')
                continue;
            int e = line_one(r, c, s + seg, i - seg);
            if (e == THX_ENOMEM)
                return e;
            if (e)
                rc = THX_EINPUT;
            seg = i + 1;
        }
        if (seg < n || n == 0) {
            int e = line_one(r, c, s + seg, n - seg);
            if (e == THX_ENOMEM)
                return e;
            if (e)
                rc = THX_EINPUT;
        }
    }
    return rc;
}

/* ---------------------------------------------------------------- the reader */

static int reader_start(thx_reader *r, thx_format fmt, thx_diags *diags)
{
    const char *p;
    size_t n = instream_peek(&r->in, PEEK_BYTES, &p);
    if (r->in.err) {
        if (r->in.err == ENOMEM)
            return THX_ENOMEM;
        stream_error(r, diags);
        return THX_EIO;
    }
    if (fmt == THX_FMT_AUTO) {
        fmt = choose_format(r, p, n);
        /* never read a file named XML as something else */
        if (fmt != THX_FMT_PUBMED_XML && (name_has(r, ".xml") || name_has(r, ".xml.gz"))) {
            thx_diags_add(diags, THX_SEV_ERROR, r->dpath, 1, 1, NULL,
                          "named as XML but does not start with '<'; not read");
            return THX_EINPUT;
        }
    }
    r->fmt = fmt;
    switch (fmt) {
    case THX_FMT_JSONL:
        r->kind = R_JSONL;
        return 0;
    case THX_FMT_MEDLINE:
        r->kind = R_MEDLINE;
        return 0;
    case THX_FMT_PUBMED_XML:
        r->kind = R_XML;
        r->xs = xml_open(&r->in, r->dpath, &r->deleted);
        return r->xs ? 0 : THX_ENOMEM;
    default:
        r->kind = R_WHOLE;
        return read_whole(r, diags);
    }
}

static thx_reader *reader_new(const char *path, const char *source, size_t max)
{
    thx_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->dpath = xstrdup(path);
    r->source = xstrdup(source ? source : path);
    r->max = max;
    medline_init(&r->ms);
    if (!r->dpath || !r->source) {
        thx_reader_free(r);
        return NULL;
    }
    return r;
}

/* Opens path (fd < 0) or fd, then starts reading. A problem with the whole file ends it
 * at once (*out is still a reader, done, so that its documents, none, can be asked for). */
static int reader_open(thx_reader **out, const char *path, int fd, const char *source,
                       thx_format fmt, size_t max, thx_diags *diags)
{
    thx_reader *r = reader_new(path, source, max);
    *out = r;
    if (!r)
        return THX_ENOMEM;
    int err = fd < 0 ? instream_open(&r->in, path) : instream_open_fd(&r->in, fd);
    if (err == ENOMEM)
        return THX_ENOMEM;
    if (err) {
        r->done = true;
        thx_diags_add(diags, THX_SEV_ERROR, path, 0, 0, NULL, "cannot read: %s", strerror(err));
        return THX_EIO;
    }
    int rc = reader_start(r, fmt, diags);
    if (rc && r->kind != R_WHOLE)
        r->done = true;
    if (rc && r->kind == R_WHOLE && r->docs.len == 0)
        r->done = true;
    r->rc = rc == THX_EINPUT ? rc : 0;
    return rc;
}

int thx_reader_open(thx_reader **out, const char *path, const char *source, thx_format fmt,
                    thx_diags *diags)
{
    return reader_open(out, path, -1, source, fmt, THX_MAX_FILE_BYTES, diags);
}

int thx_reader_open_fd(thx_reader **out, int fd, const char *source, thx_format fmt,
                       thx_diags *diags)
{
    return reader_open(out, source, fd, source, fmt, THX_MAX_FILE_BYTES, diags);
}

int thx_reader_next(thx_reader *r, thx_docs *out, size_t max, thx_diags *diags)
{
    if (!r || r->done)
        return 0;
    reader_ctx c = ctx_of(r, out, diags);
    int rc = 0;
    switch (r->kind) {
    case R_WHOLE:
        while (max-- > 0 && r->next < r->docs.len) {
            if (VEC_PUSH_SLOT(out))
                return THX_ENOMEM;
            out->items[out->len++] = r->docs.items[r->next];
            memset(&r->docs.items[r->next++], 0, sizeof(thx_doc));
        }
        if (r->next == r->docs.len) {
            r->done = true;
            thx_docs_free(&r->docs);
        }
        break;
    case R_JSONL:
    case R_MEDLINE:
        rc = next_lines(r, &c, max);
        break;
    case R_XML: {
        bool done = false;
        rc = xml_next(r->xs, &c, max, &done);
        r->done = done;
        break;
    }
    }
    if (rc == THX_EINPUT)
        r->rc = rc;
    if (rc && rc != THX_EINPUT)
        r->done = true;
    return rc;
}

bool thx_reader_done(const thx_reader *r)
{
    return !r || r->done;
}

uintmax_t thx_reader_position(const thx_reader *r)
{
    if (!r)
        return 0;
    if (r->in.gz) {
        z_off_t off = gzoffset(r->in.gz);
        return off > 0 ? (uintmax_t)off : 0;
    }
    return r->in.consumed;
}

thx_format thx_reader_format(const thx_reader *r)
{
    return r ? r->fmt : THX_FMT_AUTO;
}

thx_strlist thx_reader_deleted(const thx_reader *r)
{
    thx_strlist l = {r ? r->deleted.items : NULL, r ? r->deleted.len : 0};
    return l;
}

void thx_reader_free(thx_reader *r)
{
    if (!r)
        return;
    xml_free(r->xs);
    medline_free(&r->ms);
    instream_close(&r->in);
    thx_docs_free(&r->docs);
    sb_free(&r->line);
    sb_free(&r->clean);
    str_vec_free(&r->deleted);
    free(r->source);
    free(r->dpath);
    free(r);
}

/* ---------------------------------------------------------------- whole files at once */

/* Reads every document of an open reader into out: THX_EINPUT when something was
 * skipped, else the first other error. */
static int read_all(thx_reader *r, int rc, thx_docs *out, thx_diags *diags)
{
    while (rc != THX_ENOMEM && !thx_reader_done(r)) {
        int e = thx_reader_next(r, out, SIZE_MAX, diags);
        if (e && rc != THX_ENOMEM)
            rc = e;
    }
    return rc;
}

int reader_read_file_max(thx_docs *out, const char *path, const char *source, thx_format fmt,
                         size_t max, thx_diags *diags)
{
    thx_reader *r;
    int rc = reader_open(&r, path, -1, source, fmt, max, diags);
    rc = read_all(r, rc, out, diags);
    thx_reader_free(r);
    return rc;
}

int thx_read_file(thx_docs *out, const char *path, const char *source, thx_format fmt,
                  thx_diags *diags)
{
    return reader_read_file_max(out, path, source, fmt, THX_MAX_FILE_BYTES, diags);
}

int thx_read_buffer(thx_docs *out, const char *buf, size_t len, const char *source,
                    thx_format fmt, thx_diags *diags)
{
    const char *name = source ? source : "<input>";
    thx_reader *r = reader_new(name, name, THX_MAX_FILE_BYTES);
    if (!r)
        return THX_ENOMEM;
    int rc = instream_open_buffer(&r->in, buf ? buf : "", buf ? len : 0);
    if (rc == 0)
        rc = reader_start(r, fmt, diags);
    if (rc && (r->kind != R_WHOLE || r->docs.len == 0))
        r->done = true;
    rc = read_all(r, rc, out, diags);
    thx_reader_free(r);
    return rc;
}
