/*
 * PubMed "Abstract" text reader: the efetch `rettype=abstract&retmode=text` output
 * (records `N. Journal. Year...`, title, authors, `Author information:`, abstract,
 * `DOI:`, `PMID:`) and the single-record web copy of the seed (title, citation,
 * abstract, `Keywords:`, `Publication types` and `MeSH terms` bullet lists).
 *
 * reader_pubmed_lines.c classifies lines and groups them into paragraphs; here a small
 * state machine walks the paragraphs of each record: HEAD (title and citation, in
 * either order) -> AUTHORS (the first text after both may be the author list) -> BODY
 * (abstract paragraphs) -> TAIL (keywords, bullet lists, identifiers; text is no
 * longer abstract). A numbered citation `N.` with the next record number starts a
 * new record. Wrapped lines of a paragraph are joined with one space; abstract
 * paragraphs are joined with "\n". Author, affiliation, copyright, conflict-of-interest
 * and link (`Comment in`) text is left out. Ids: PMID, else the source for a
 * single-record file, else `source#N` for the N-th record.
 * Owned by the corpus-readers module.
 */
#include "reader.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- pass 3: records */

typedef enum { ST_HEAD, ST_AUTHORS, ST_BODY, ST_TAIL } state;

typedef struct {
    const reader_ctx *ctx;
    const pm_lines *lines;
    size_t nrecords;   /* record starts in the file (for ids) */
    size_t index;      /* 1-based number of the current record */
    int next_number;   /* the "N." that starts the next record */
    int first_line;    /* 1-based line of the record's first paragraph */
    state st;
    bool seen_citation;
    strbuf title, abstract;
    char *doi, *pmid;
    str_vec keywords, pub_types, mesh;
    str_vec *list; /* target of bullet paragraphs; NULL: dropped */
    int rc;
} record;

static void record_reset(record *r)
{
    sb_free(&r->title);
    sb_free(&r->abstract);
    free(r->doi);
    free(r->pmid);
    r->doi = r->pmid = NULL;
    str_vec_free(&r->keywords);
    str_vec_free(&r->pub_types);
    str_vec_free(&r->mesh);
    r->list = NULL;
    r->st = ST_HEAD;
    r->seen_citation = false;
    r->first_line = 0;
}

static bool record_empty(const record *r)
{
    return r->first_line == 0;
}

/* Appends the paragraph's lines, trimmed and joined with single spaces. */
static int join_para(strbuf *b, const record *r, const pm_para *p)
{
    for (size_t i = 0; i < p->count; i++) {
        size_t n = r->lines->items[p->first + i].n;
        const char *s = reader_trim(r->lines->items[p->first + i].s, &n);
        if (n == 0)
            continue;
        if (b->len > 0 && b->ptr[b->len - 1] != '\n' && sb_putc(b, ' '))
            return THX_ENOMEM;
        if (sb_putn(b, s, n))
            return THX_ENOMEM;
    }
    return 0;
}

/* The paragraph joined into a fresh buffer (caller frees with sb_free). */
static int para_text(strbuf *b, const record *r, const pm_para *p)
{
    sb_init(b);
    return join_para(b, r, p);
}

static int set_once(char **dst, const char *s, size_t n)
{
    if (*dst || n == 0)
        return 0;
    *dst = xstrndup(s, n);
    return *dst ? 0 : THX_ENOMEM;
}

/* The doi in a citation: `doi: 10.x/y.` (the sentence's final '.' is not part of it). */
static int take_citation_doi(record *r, const char *s)
{
    const char *d = strstr(s, "doi: ");
    if (!d)
        return 0;
    d += 5;
    size_t n = 0;
    while (d[n] && !is_space((unsigned char)d[n]))
        n++;
    if (n > 0 && d[n - 1] == '.')
        n--;
    return set_once(&r->doi, d, n);
}

/* Each line of an identifier paragraph: `DOI: x`, `PMID: 123  [Indexed for MEDLINE]`. */
static int take_ids(record *r, const pm_para *p)
{
    for (size_t i = 0; i < p->count; i++) {
        const pm_line *l = &r->lines->items[p->first + i];
        size_t n = l->n;
        const char *s = reader_trim(l->s, &n);
        if (reader_starts_with(s, n, "DOI: ")) { /* the DOI line wins over the citation's */
            size_t dn = n - 5;
            const char *d = reader_trim(s + 5, &dn);
            if (dn > 0) {
                free(r->doi);
                r->doi = NULL;
            }
            if (set_once(&r->doi, d, dn))
                return THX_ENOMEM;
        } else if (reader_starts_with(s, n, "PMID: ")) {
            size_t k = 6;
            while (k < n && reader_is_digit(s[k]))
                k++;
            if (set_once(&r->pmid, s + 6, k - 6))
                return THX_ENOMEM;
        }
    }
    return 0;
}

/* `Keywords: Exosome; Infertility; Stem cell.` -> three strings. */
static int take_keywords(record *r, const pm_para *p)
{
    strbuf b;
    int rc = para_text(&b, r, p);
    const char *s = rc ? "" : b.ptr + strlen("Keywords:");
    while (rc == 0 && *s) {
        const char *semi = strchr(s, ';');
        size_t n = semi ? (size_t)(semi - s) : strlen(s);
        const char *t = reader_trim(s, &n);
        if (!semi && n > 0 && t[n - 1] == '.')
            n--;
        if (n > 0)
            rc = str_vec_push(&r->keywords, t, n) ? THX_ENOMEM : 0;
        s += semi ? (size_t)(semi - s) + 1 : strlen(s);
    }
    sb_free(&b);
    return rc;
}

static int take_bullets(record *r, const pm_para *p)
{
    for (size_t i = 0; r->list && i < p->count; i++) {
        const pm_line *l = &r->lines->items[p->first + i];
        if (l->k != K_BULLET)
            continue;
        size_t n = l->n;
        const char *s = reader_trim(l->s, &n);
        size_t bn = n - 3; /* after the 3-byte bullet */
        const char *t = reader_trim(s + 3, &bn);
        if (r->list == &r->mesh) /* the descriptor, as in PubMed XML and MEDLINE */
            t = reader_mesh_descriptor(t, &bn);
        if (r->list == &r->mesh && reader_has_item(r->list, t, bn))
            continue;
        if (bn > 0 && str_vec_push(r->list, t, bn))
            return THX_ENOMEM;
    }
    return 0;
}

static void take_heading(record *r, const pm_para *p)
{
    const pm_line *l = &r->lines->items[p->first];
    size_t n = l->n;
    const char *s = reader_trim(l->s, &n);
    r->list = reader_starts_with(s, n, "Publication types") ? &r->pub_types
            : reader_starts_with(s, n, "MeSH terms")        ? &r->mesh
            : reader_starts_with(s, n, "Keywords")          ? &r->keywords
                                                              : NULL;
}

/* ---------------------------------------------------------------- the state machine */

static int add_abstract_para(record *r, const pm_para *p)
{
    if (r->abstract.len > 0 && sb_putc(&r->abstract, '\n'))
        return THX_ENOMEM;
    r->st = ST_BODY;
    return join_para(&r->abstract, r, p);
}

static int on_text(record *r, const pm_para *p)
{
    strbuf b;
    int rc;
    switch (r->st) {
    case ST_HEAD:
        if (r->title.len > 0) /* a title but no citation: the rest is abstract */
            return add_abstract_para(r, p);
        rc = join_para(&r->title, r, p);
        r->st = r->seen_citation ? ST_AUTHORS : ST_HEAD;
        return rc;
    case ST_AUTHORS:
        if ((rc = para_text(&b, r, p)) == 0 && pubmed_looks_like_authors(b.ptr, b.len))
            r->st = ST_BODY;
        else if (rc == 0)
            rc = add_abstract_para(r, p);
        sb_free(&b);
        return rc;
    case ST_BODY:
        return add_abstract_para(r, p);
    case ST_TAIL:
        return 0;
    }
    return 0;
}

static int on_citation(record *r, const pm_para *p)
{
    if (r->seen_citation)
        return on_text(r, p);
    r->seen_citation = true;
    r->st = r->title.len > 0 ? ST_AUTHORS : ST_HEAD;
    strbuf b;
    int rc = para_text(&b, r, p);
    if (rc == 0)
        rc = take_citation_doi(r, b.ptr);
    sb_free(&b);
    return rc;
}

static int on_paragraph(record *r, const pm_para *p)
{
    switch (p->k) {
    case K_TEXT:
        return on_text(r, p);
    case K_CITATION:
        return on_citation(r, p);
    case K_AUTHOR_INFO: /* affiliations come before the abstract: drop what came before */
        sb_free(&r->abstract);
        r->st = ST_BODY;
        return 0;
    case K_KEYWORDS:
        r->st = ST_TAIL;
        return take_keywords(r, p);
    case K_HEADING:
        r->st = ST_TAIL;
        take_heading(r, p);
        return 0;
    case K_BULLET:
        r->st = ST_TAIL;
        return take_bullets(r, p);
    case K_IDS:
        r->st = ST_TAIL;
        return take_ids(r, p);
    default: /* K_SKIP, K_LINKS */
        return 0;
    }
}

/* ---------------------------------------------------------------- records to documents */

/* N of a line starting `N. `, else 0. */
static int record_number(const pm_line *l)
{
    int v = 0;
    size_t i = 0;
    for (; i < l->n && reader_is_digit(l->s[i]) && v < 1000000; i++)
        v = v * 10 + (l->s[i] - '0');
    return (i + 1 < l->n && l->s[i] == '.' && l->s[i + 1] == ' ') ? v : 0;
}

static bool starts_record(const record *r, const pm_para *p)
{
    return p->k == K_CITATION && record_number(&r->lines->items[p->first]) == r->next_number;
}

static char *take_sb(strbuf *b)
{
    return b->len ? sb_take(b) : NULL;
}

static int record_emit(record *r)
{
    if (r->title.len == 0 && r->abstract.len == 0) {
        thx_diags_add(r->ctx->diags, THX_SEV_ERROR, r->ctx->dpath, r->first_line, 1, NULL,
                      "PubMed record %zu has no title or abstract; skipped", r->index);
        r->rc = THX_EINPUT;
        return 0;
    }
    thx_doc d = {0};
    d.title = take_sb(&r->title);
    d.abstract = take_sb(&r->abstract);
    d.doi = r->doi;
    d.pmid = r->pmid;
    r->doi = r->pmid = NULL;
    str_vec_move(&d.keywords, &r->keywords);
    str_vec_move(&d.publication_types, &r->pub_types);
    str_vec_move(&d.mesh_terms, &r->mesh);
    strbuf id;
    sb_init(&id);
    int rc = r->nrecords > 1 ? sb_printf(&id, "%s#%zu", r->ctx->source, r->index)
                             : sb_puts(&id, r->ctx->source);
    rc = rc ? THX_ENOMEM : reader_push_doc(r->ctx, &d, id.ptr);
    thx_doc_free(&d);
    sb_free(&id);
    return rc;
}

static size_t count_records(const pm_paras *paras, const pm_lines *lines)
{
    size_t n = 0;
    int next = 1;
    for (size_t i = 0; i < paras->len; i++) {
        const pm_para *p = &paras->items[i];
        if (p->k == K_CITATION && record_number(&lines->items[p->first]) == next) {
            n++;
            next++;
        }
    }
    return n > 0 ? n : 1;
}

static int skip_preamble(record *r)
{
    thx_diags_add(r->ctx->diags, THX_SEV_WARNING, r->ctx->dpath, r->first_line, 1, NULL,
                  "text before the first PubMed record ignored");
    return 0;
}

static int walk_records(record *r, const pm_paras *paras)
{
    for (size_t i = 0; i < paras->len; i++) {
        const pm_para *p = &paras->items[i];
        if (starts_record(r, p)) {
            int rc = record_empty(r) ? 0 : r->next_number == 1 ? skip_preamble(r) : record_emit(r);
            r->next_number++;
            record_reset(r);
            if (rc)
                return rc;
            r->index = (size_t)r->next_number - 1;
        }
        if (record_empty(r))
            r->first_line = (int)p->first + 1;
        int rc = on_paragraph(r, p);
        if (rc)
            return rc;
    }
    return record_empty(r) ? 0 : record_emit(r);
}

int reader_pubmed_text(const reader_ctx *ctx, const char *buf, size_t len)
{
    pm_lines lines = {0};
    pm_paras paras = {0};
    record r = {.ctx = ctx, .lines = &lines, .index = 1, .next_number = 1};
    int rc = pubmed_split(&lines, &paras, buf, len);
    if (rc == 0) {
        r.nrecords = count_records(&paras, &lines);
        rc = walk_records(&r, &paras);
    }
    record_reset(&r);
    free(lines.items);
    free(paras.items);
    return rc ? rc : r.rc;
}
