/*
 * MEDLINE tagged format reader (PubMed's "PubMed" / .nbib export, `efetch
 * rettype=medline`): records of fields `TAG - value`, the tag padded to four columns,
 * continuation lines indented (six spaces), records separated by blank lines (a new
 * `PMID- ` also starts one). Many records a file, each its own document:
 *   PMID -> pmid (and id), TI (else BTI) -> title, AB -> abstract, JT -> journal,
 *   DP -> year (its first four digits), LID/AID `... [doi]` -> doi, MH -> MeSH terms
 *   (the descriptor: without `*` and `/qualifier`), OT -> keywords, PT -> publication
 *   types. A repeated TI or AB is appended to the first (with a space / "\n").
 * Continuation lines are joined with one space. Other fields are ignored. A line that is
 * neither a field nor a continuation is an error naming the file, line and record; that
 * record is skipped, the others are read. Fed one line at a time (medline_line), so a
 * file of any size is read with one record in memory. Owned by input/.
 */
#include "reader.h"

#include <stdlib.h>
#include <string.h>

void medline_init(medline_state *m)
{
    memset(m, 0, sizeof *m);
}

static void record_reset(medline_state *m)
{
    thx_doc_free(&m->doc);
    str_vec_free(&m->kw);
    str_vec_free(&m->pt);
    str_vec_free(&m->mh);
    sb_free(&m->title);
    sb_free(&m->abstract);
    sb_free(&m->tag_value);
    m->tag[0] = '\0';
    m->in_record = false;
    m->bad = false;
}

void medline_free(medline_state *m)
{
    record_reset(m);
}

/* The tag of a field line `TAG - value` (also `PMID-123`, a tag of 2 to 4 capitals or
 * digits padded with spaces to the dash); *value gets the offset of its value. */
static bool field_line(const char *s, size_t n, char tag[5], size_t *value)
{
    size_t i = 0;
    while (i < n && i < 4 && ((s[i] >= 'A' && s[i] <= 'Z') || (i > 0 && reader_is_digit(s[i]))))
        i++;
    if (i < 2)
        return false;
    size_t t = i;
    while (i < n && i < 4 && s[i] == ' ')
        i++;
    if (i >= n || s[i] != '-')
        return false;
    memcpy(tag, s, t);
    tag[t] = '\0';
    i++;
    if (i < n && s[i] == ' ')
        i++;
    *value = i;
    return true;
}

static bool is_continuation(const char *s, size_t n)
{
    return n > 0 && (s[0] == ' ' || s[0] == '\t');
}

/* Appends s[0..n) with white space collapsed, one space before it when b is not empty. */
static int put_words(strbuf *b, const char *s, size_t n)
{
    const char *t = reader_trim(s, &n);
    bool space = b->len > 0;
    for (size_t i = 0; i < n; i++) {
        if (is_space((unsigned char)t[i])) {
            space = true;
            continue;
        }
        if (space && sb_putc(b, ' '))
            return THX_ENOMEM;
        space = false;
        if (sb_putc(b, t[i]))
            return THX_ENOMEM;
    }
    return 0;
}

static int set_str(char **dst, const char *s, size_t n)
{
    if (*dst || n == 0)
        return 0;
    *dst = xstrndup(s, n);
    return *dst ? 0 : THX_ENOMEM;
}

/* `10.1000/xyz [doi]` -> 10.1000/xyz; else n = 0. */
static const char *doi_of(const char *s, size_t *n)
{
    static const char suffix[] = " [doi]";
    size_t k = sizeof suffix - 1;
    if (*n <= k || memcmp(s + *n - k, suffix, k) != 0) {
        *n = 0;
        return s;
    }
    *n -= k;
    return reader_trim(s, n);
}

/* The field read so far goes into the record. */
static int field_done(medline_state *m)
{
    const char *v = m->tag_value.ptr ? m->tag_value.ptr : "";
    size_t n = m->tag_value.len;
    const char *tag = m->tag;
    int rc = 0;
    if (!tag[0] || m->bad)
        rc = 0;
    else if (!strcmp(tag, "PMID"))
        rc = set_str(&m->doc.pmid, v, n);
    else if (!strcmp(tag, "TI") || (!strcmp(tag, "BTI") && m->title.len == 0))
        rc = n ? put_words(&m->title, v, n) : 0;
    else if (!strcmp(tag, "AB"))
        rc = n && ((m->abstract.len && sb_putc(&m->abstract, '\n')) ||
                   sb_putn(&m->abstract, v, n))
                 ? THX_ENOMEM
                 : 0;
    else if (!strcmp(tag, "JT"))
        rc = set_str(&m->doc.journal, v, n);
    else if (!strcmp(tag, "DP") && n >= 4 && reader_is_digit(v[0]) && reader_is_digit(v[1]) &&
             reader_is_digit(v[2]) && reader_is_digit(v[3]))
        rc = set_str(&m->doc.year, v, 4);
    else if (!strcmp(tag, "LID") || !strcmp(tag, "AID")) {
        size_t k = n;
        const char *d = doi_of(v, &k);
        rc = set_str(&m->doc.doi, d, k);
    } else if (!strcmp(tag, "MH")) {
        size_t k = n;
        const char *d = reader_mesh_descriptor(v, &k);
        rc = k && !reader_has_item(&m->mh, d, k) && str_vec_push(&m->mh, d, k) ? THX_ENOMEM : 0;
    } else if (!strcmp(tag, "OT"))
        rc = n && str_vec_push(&m->kw, v, n) ? THX_ENOMEM : 0;
    else if (!strcmp(tag, "PT"))
        rc = n && str_vec_push(&m->pt, v, n) ? THX_ENOMEM : 0;
    m->tag[0] = '\0';
    m->tag_value.len = 0;
    return rc;
}

/* The record has ended: hand it over (a bad one was reported and is dropped). */
static int record_done(medline_state *m, const reader_ctx *ctx)
{
    if (!m->in_record)
        return 0;
    int rc = field_done(m);
    if (rc || m->bad) {
        record_reset(m);
        return rc;
    }
    thx_doc d = m->doc;
    memset(&m->doc, 0, sizeof m->doc);
    d.title = m->title.len ? sb_take(&m->title) : xstrdup("");
    d.abstract = m->abstract.len ? sb_take(&m->abstract) : xstrdup("");
    str_vec_move(&d.keywords, &m->kw);
    str_vec_move(&d.publication_types, &m->pt);
    str_vec_move(&d.mesh_terms, &m->mh);
    record_reset(m);
    if (!d.title || !d.abstract) {
        thx_doc_free(&d);
        return THX_ENOMEM;
    }
    strbuf fallback;
    sb_init(&fallback);
    if (sb_printf(&fallback, "%s#%zu", ctx->source, m->nrecords)) {
        thx_doc_free(&d);
        return THX_ENOMEM;
    }
    rc = reader_push_doc(ctx, &d, fallback.ptr);
    sb_free(&fallback);
    return rc;
}

/* Reports a line of the record that is no field, and marks the record to be dropped. */
static int bad_line(medline_state *m, const reader_ctx *ctx, const char *s, size_t n, long lineno)
{
    if (field_done(m)) /* the PMID, when it was the field before */
        return THX_ENOMEM;
    strbuf src;
    sb_init(&src);
    sb_putn(&src, s, n);
    if (m->doc.pmid)
        thx_diags_add(ctx->diags, THX_SEV_ERROR, ctx->dpath, (int)lineno, 1, src.ptr,
                      "not a MEDLINE field (TAG - value) or continuation line; the record of "
                      "PMID %s is skipped", m->doc.pmid);
    else
        thx_diags_add(ctx->diags, THX_SEV_ERROR, ctx->dpath, (int)lineno, 1, src.ptr,
                      "not a MEDLINE field (TAG - value) or continuation line; record %zu "
                      "(from line %ld) is skipped", m->nrecords, m->record_line);
    sb_free(&src);
    m->bad = true;
    return THX_EINPUT;
}

int medline_line(medline_state *m, const reader_ctx *ctx, const char *s, size_t n, long lineno)
{
    size_t tn = n;
    reader_trim(s, &tn);
    if (tn == 0)
        return record_done(m, ctx);
    char tag[5];
    size_t value = 0;
    bool field = !is_continuation(s, n) && field_line(s, n, tag, &value);
    if (field && (!strcmp(tag, "PMID") || !m->in_record)) {
        int rc = record_done(m, ctx);
        if (rc)
            return rc;
    }
    if (!m->in_record) {
        if (!field) { /* text before the first field, or between records */
            strbuf src;
            sb_init(&src);
            sb_putn(&src, s, n);
            thx_diags_add(ctx->diags, THX_SEV_ERROR, ctx->dpath, (int)lineno, 1, src.ptr,
                          "not a MEDLINE field (TAG - value), outside any record; skipped");
            sb_free(&src);
            return THX_EINPUT;
        }
        m->in_record = true;
        m->nrecords++;
        m->record_line = lineno;
    }
    if (m->bad)
        return 0;
    if (field) {
        int rc = field_done(m);
        if (rc)
            return rc;
        memcpy(m->tag, tag, sizeof tag);
        m->field_line = lineno;
        const char *v = s + value;
        size_t vn = n - value;
        v = reader_trim(v, &vn);
        return sb_putn(&m->tag_value, v, vn) ? THX_ENOMEM : 0;
    }
    if (is_continuation(s, n) && m->tag[0])
        return put_words(&m->tag_value, s, n);
    return bad_line(m, ctx, s, n, lineno);
}

int medline_end(medline_state *m, const reader_ctx *ctx)
{
    return record_done(m, ctx);
}

bool medline_looks_like(const char *buf, size_t len)
{
    const char *end = buf + len;
    for (const char *p = buf; p < end;) {
        size_t n = reader_line_len(p, end), tn = n;
        reader_trim(p, &tn);
        if (tn > 0)
            return reader_starts_with(p, n, "PMID-") ||
                   (reader_starts_with(p, n, "PMID") && n > 5 && p[4] == ' ' &&
                    memchr(p, '-', n < 8 ? n : 8));
        p += n < (size_t)(end - p) ? n + 1 : n;
    }
    return false;
}

int reader_medline(const reader_ctx *ctx, const char *buf, size_t len)
{
    medline_state m;
    medline_init(&m);
    const char *end = buf + len;
    long lineno = 0;
    int rc = 0;
    for (const char *p = buf; p < end;) {
        size_t n = reader_line_len(p, end);
        int r = medline_line(&m, ctx, p, n, ++lineno);
        p += n < (size_t)(end - p) ? n + 1 : n;
        if (r == THX_ENOMEM) {
            medline_free(&m);
            return r;
        }
        if (r)
            rc = THX_EINPUT;
    }
    int r = medline_end(&m, ctx);
    medline_free(&m);
    return r ? r : rc;
}
