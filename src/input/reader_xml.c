/*
 * PubMed / MEDLINE XML reader (`PubmedArticleSet` as efetch, the baseline and the
 * update files give it; also `PubmedBookArticle`), read as a stream with libxml2's SAX2
 * push parser fed from an instream (reader_stream.c: plain or gzip) in blocks of
 * XML_BLOCK bytes, so memory holds one record (and one block) however large the file.
 * SAX events arrive in document order as the parser reaches them, so every record that
 * ends before a parse error has been handed over when the error comes.
 *
 * Per record (`PubmedArticle`): PMID (MedlineCitation/PMID), title (Article/ArticleTitle,
 * for a book BookTitle), abstract (Abstract/AbstractText, each section as `LABEL: text`
 * when it has a Label, sections joined by "\n" as in PubMed's text export), journal
 * (Journal/Title), year (PubDate/Year, else the first year of MedlineDate), DOI
 * (PubmedData/ArticleIdList, else Article/ELocationID), MeSH descriptors, keywords and
 * publication types. Inline markup (<i>, <sup>, <b>, MathML) is reduced to its text;
 * runs of white space become one space. `DeleteCitation` PMIDs are collected in
 * xml_state.deleted for the caller. A record with neither PMID nor text is skipped.
 *
 * Bad XML stops the file: the error names the file and line (and the record's PMID, or
 * the one before, where known); the records before it have been handed over already.
 * Owned by input/.
 */
#include "reader.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 64
#define XML_BLOCK 16384
#define NAME_MAX_LEN 32

typedef enum {
    T_NONE,
    T_PMID,
    T_TITLE,
    T_BOOKTITLE,
    T_ABSTRACT,
    T_JOURNAL,
    T_YEAR,
    T_MEDLINEDATE,
    T_DOI,
    T_ELOC_DOI,
    T_MESH,
    T_KEYWORD,
    T_PUBTYPE,
    T_DELETED,
} target;

struct xml_state {
    instream *in;
    xmlParserCtxtPtr px;
    reader_ctx pctx;       /* during xml_next: the caller's, handing over to pending */
    thx_docs pending;      /* records of the last block not yet handed over */
    size_t pnext;
    int depth;             /* of the element open now (the root is 0) */
    int rc;                /* the first failure of a callback (THX_ENOMEM) */
    bool ended;            /* the parser has seen the end or an error; end_rc says which */
    int end_rc;
    char names[MAX_DEPTH][NAME_MAX_LEN];
    bool in_record, in_delete, saw_set;
    int record_depth;  /* depth of the element that holds the record */
    size_t nrecords;   /* records begun, for ids of records without PMID */
    target capture;
    int capture_depth;
    strbuf cur;        /* text of the element captured */
    char *label;       /* Label of the AbstractText captured */
    strbuf title, booktitle, abstract;
    char *pmid, *doi, *eloc_doi, *journal, *year;
    char *last_pmid;   /* of the last record finished, for messages */
    str_vec keywords, pub_types, mesh;
    str_vec *deleted;
    /* the first error the parser reported */
    bool failed;
    int err_line, err_col;
    char err_msg[256];
};

/* ---------------------------------------------------------------- input and errors */

static void error_cb(void *arg, xmlErrorPtr e)
{
    xml_state *x = arg;
    if (!e || e->level < XML_ERR_FATAL || x->failed)
        return; /* warnings and recoverable errors (an undeclared namespace prefix) */
    x->failed = true;
    x->err_line = e->line;
    x->err_col = e->int2;
    snprintf(x->err_msg, sizeof x->err_msg, "%s", e->message ? e->message : "malformed XML");
    size_t n = strlen(x->err_msg);
    while (n > 0 && (x->err_msg[n - 1] == '\n' || x->err_msg[n - 1] == ' '))
        x->err_msg[--n] = '\0';
}

/* ---------------------------------------------------------------- records */

static void record_clear(xml_state *x)
{
    sb_free(&x->title);
    sb_free(&x->booktitle);
    sb_free(&x->abstract);
    sb_free(&x->cur);
    free(x->pmid);
    free(x->doi);
    free(x->eloc_doi);
    free(x->journal);
    free(x->year);
    free(x->label);
    x->pmid = x->doi = x->eloc_doi = x->journal = x->year = x->label = NULL;
    str_vec_free(&x->keywords);
    str_vec_free(&x->pub_types);
    str_vec_free(&x->mesh);
    x->capture = T_NONE;
}

/* Appends s[0..n) to b with runs of white space as one space, trimmed. */
static int put_collapsed(strbuf *b, const char *s, size_t n)
{
    bool space = false;
    size_t start = b->len;
    for (size_t i = 0; i < n; i++) {
        if (is_space((unsigned char)s[i])) {
            space = true;
            continue;
        }
        if (space && b->len > start && sb_putc(b, ' '))
            return THX_ENOMEM;
        space = false;
        if (sb_putc(b, s[i]))
            return THX_ENOMEM;
    }
    return 0;
}

static int set_once(char **dst, const strbuf *t)
{
    if (*dst || t->len == 0)
        return 0;
    *dst = xstrndup(t->ptr, t->len);
    return *dst ? 0 : THX_ENOMEM;
}

/* The first run of four digits in s ("2019 Nov-Dec", "Winter 2018"). */
static char *first_year(const strbuf *t)
{
    for (size_t i = 0; i + 4 <= t->len; i++) {
        const char *p = t->ptr + i;
        if ((i == 0 || !reader_is_digit(p[-1])) && reader_is_digit(p[0]) &&
            reader_is_digit(p[1]) && reader_is_digit(p[2]) && reader_is_digit(p[3]) &&
            (i + 4 == t->len || !reader_is_digit(p[4])))
            return xstrndup(p, 4);
    }
    return NULL;
}

/* The element captured has ended: its collapsed text goes where it belongs. */
static int capture_done(xml_state *x)
{
    strbuf t;
    sb_init(&t);
    int rc = put_collapsed(&t, x->cur.ptr ? x->cur.ptr : "", x->cur.len);
    target k = x->capture;
    x->capture = T_NONE;
    x->cur.len = 0;
    if (rc == 0) {
        switch (k) {
        case T_PMID:
            rc = set_once(&x->pmid, &t);
            break;
        case T_TITLE:
            rc = x->title.len == 0 && t.len ? sb_putn(&x->title, t.ptr, t.len) : 0;
            break;
        case T_BOOKTITLE:
            rc = x->booktitle.len == 0 && t.len ? sb_putn(&x->booktitle, t.ptr, t.len) : 0;
            break;
        case T_ABSTRACT:
            if (t.len == 0)
                break;
            if (x->abstract.len && sb_putc(&x->abstract, '\n'))
                rc = THX_ENOMEM;
            else if (x->label && *x->label && strcmp(x->label, "UNLABELLED") != 0 &&
                     sb_printf(&x->abstract, "%s: ", x->label))
                rc = THX_ENOMEM;
            else
                rc = sb_putn(&x->abstract, t.ptr, t.len);
            break;
        case T_JOURNAL:
            rc = set_once(&x->journal, &t);
            break;
        case T_YEAR:
            rc = set_once(&x->year, &t);
            break;
        case T_MEDLINEDATE:
            if (!x->year && !(x->year = first_year(&t)))
                rc = 0;
            break;
        case T_DOI:
            rc = set_once(&x->doi, &t);
            break;
        case T_ELOC_DOI:
            rc = set_once(&x->eloc_doi, &t);
            break;
        case T_MESH:
        case T_KEYWORD:
        case T_PUBTYPE:
        case T_DELETED: {
            str_vec *v = k == T_MESH      ? &x->mesh
                         : k == T_KEYWORD ? &x->keywords
                         : k == T_PUBTYPE ? &x->pub_types
                                          : x->deleted;
            rc = t.len && str_vec_push(v, t.ptr, t.len) ? THX_ENOMEM : 0;
            break;
        }
        case T_NONE:
            break;
        }
    }
    sb_free(&t);
    free(x->label);
    x->label = NULL;
    return rc ? THX_ENOMEM : 0;
}

static char *take_text(strbuf *b)
{
    return b->len ? sb_take(b) : xstrdup("");
}

/* The record has ended: hand it over as a document. */
static int record_done(xml_state *x, const reader_ctx *ctx)
{
    x->in_record = false;
    if (!x->pmid && x->title.len == 0 && x->booktitle.len == 0 && x->abstract.len == 0) {
        thx_diags_add(ctx->diags, THX_SEV_WARNING, ctx->dpath,
                      xmlSAX2GetLineNumber(x->px), 0, NULL,
                      "record %zu has no PMID, title or abstract; skipped", x->nrecords);
        record_clear(x);
        return 0;
    }
    thx_doc d = {0};
    d.pmid = x->pmid;
    x->pmid = NULL;
    d.doi = x->doi ? x->doi : x->eloc_doi;
    if (x->doi)
        free(x->eloc_doi);
    x->doi = x->eloc_doi = NULL;
    d.journal = x->journal;
    d.year = x->year;
    x->journal = x->year = NULL;
    d.title = take_text(x->title.len ? &x->title : &x->booktitle);
    d.abstract = take_text(&x->abstract);
    str_vec_move(&d.keywords, &x->keywords);
    str_vec_move(&d.publication_types, &x->pub_types);
    str_vec_move(&d.mesh_terms, &x->mesh);
    free(x->last_pmid);
    x->last_pmid = d.pmid ? xstrdup(d.pmid) : NULL;
    record_clear(x);
    if (!d.title || !d.abstract) {
        thx_doc_free(&d);
        return THX_ENOMEM;
    }
    strbuf fallback;
    sb_init(&fallback);
    if (sb_printf(&fallback, "%s#%zu", ctx->source, x->nrecords)) {
        thx_doc_free(&d);
        return THX_ENOMEM;
    }
    int rc = reader_push_doc(ctx, &d, fallback.ptr);
    sb_free(&fallback);
    return rc;
}

/* SAX2 attributes: nb of (localname, prefix, URI, value, end) */
typedef struct {
    const xmlChar **a;
    int n;
} attrs;

/* The value of attribute `name`; caller frees. */
static char *attr_get(const attrs *at, const char *name)
{
    for (int i = 0; i < at->n; i++) {
        const xmlChar **t = at->a + 5 * i;
        if (strcmp((const char *)t[0], name) == 0)
            return xstrndup((const char *)t[3], (size_t)(t[4] - t[3]));
    }
    return NULL;
}

static bool attr_is(const attrs *at, const char *name, const char *value)
{
    char *v = attr_get(at, name);
    bool r = v && strcmp(v, value) == 0;
    free(v);
    return r;
}

/* What an element of a record holds, from its name and its parent's and grandparent's. */
static target target_of(xml_state *x, const attrs *at, const char *n, const char *p,
                        const char *g)
{
    if (x->in_delete)
        return strcmp(n, "PMID") == 0 ? T_DELETED : T_NONE;
    if (!x->in_record)
        return T_NONE;
    if (!strcmp(n, "PMID"))
        return !x->pmid && (!strcmp(p, "MedlineCitation") || !strcmp(p, "BookDocument"))
                   ? T_PMID
                   : T_NONE;
    if (!strcmp(n, "ArticleTitle"))
        return !strcmp(p, "Article") || !strcmp(p, "BookDocument") ? T_TITLE : T_NONE;
    if (!strcmp(n, "BookTitle"))
        return !strcmp(p, "Book") ? T_BOOKTITLE : T_NONE;
    if (!strcmp(n, "AbstractText"))
        return !strcmp(p, "Abstract") ? T_ABSTRACT : T_NONE;
    if (!strcmp(n, "Title"))
        return !strcmp(p, "Journal") ? T_JOURNAL : T_NONE;
    if (!strcmp(n, "Year"))
        return !strcmp(p, "PubDate") ? T_YEAR : T_NONE;
    if (!strcmp(n, "MedlineDate"))
        return !strcmp(p, "PubDate") ? T_MEDLINEDATE : T_NONE;
    if (!strcmp(n, "ArticleId"))
        return !strcmp(p, "ArticleIdList") &&
                       (!strcmp(g, "PubmedData") || !strcmp(g, "PubmedBookData")) &&
                       attr_is(at, "IdType", "doi")
                   ? T_DOI
                   : T_NONE;
    if (!strcmp(n, "ELocationID"))
        return (!strcmp(p, "Article") || !strcmp(p, "BookDocument") || !strcmp(p, "Book")) &&
                       attr_is(at, "EIdType", "doi")
                   ? T_ELOC_DOI
                   : T_NONE;
    if (!strcmp(n, "DescriptorName"))
        return !strcmp(p, "MeshHeading") ? T_MESH : T_NONE;
    if (!strcmp(n, "Keyword"))
        return !strcmp(p, "KeywordList") ? T_KEYWORD : T_NONE;
    if (!strcmp(n, "PublicationType"))
        return !strcmp(p, "PublicationTypeList") || !strcmp(p, "BookDocument") ? T_PUBTYPE
                                                                                : T_NONE;
    return T_NONE;
}

static int start_element(xml_state *x, const reader_ctx *ctx, int depth, const char *n,
                         const attrs *at)
{
    if (depth < MAX_DEPTH)
        snprintf(x->names[depth], NAME_MAX_LEN, "%s", n);
    if (x->capture != T_NONE)
        return 0; /* markup inside captured text: its text is taken */
    (void)ctx;
    if (!strcmp(n, "PubmedArticleSet") || !strcmp(n, "PubmedBookArticleSet") ||
        !strcmp(n, "MedlineCitationSet"))
        x->saw_set = true;
    if (!x->in_record &&
        (!strcmp(n, "PubmedArticle") || !strcmp(n, "PubmedBookArticle") ||
         (!strcmp(n, "MedlineCitation") && depth > 0 && depth - 1 < MAX_DEPTH &&
          !strcmp(x->names[depth - 1], "MedlineCitationSet")))) {
        record_clear(x);
        x->in_record = true;
        x->record_depth = depth;
        x->nrecords++;
        return 0;
    }
    if (!strcmp(n, "DeleteCitation")) {
        x->in_delete = true;
        return 0;
    }
    const char *p = depth >= 1 && depth - 1 < MAX_DEPTH ? x->names[depth - 1] : "";
    const char *g = depth >= 2 && depth - 2 < MAX_DEPTH ? x->names[depth - 2] : "";
    target t = target_of(x, at, n, p, g);
    if (t == T_NONE)
        return 0;
    x->capture = t;
    x->capture_depth = depth;
    x->cur.len = 0;
    if (t == T_ABSTRACT && (x->label = attr_get(at, "Label")) == NULL) {
        /* no Label: nothing to keep */
    }
    return 0;
}

static int end_element(xml_state *x, const reader_ctx *ctx, int depth, const char *n)
{
    if (x->capture != T_NONE && depth == x->capture_depth)
        return capture_done(x);
    if (x->capture != T_NONE)
        return 0;
    if (x->in_record && depth == x->record_depth)
        return record_done(x, ctx);
    if (!strcmp(n, "DeleteCitation"))
        x->in_delete = false;
    return 0;
}

/* ---------------------------------------------------------------- SAX callbacks */

static void sax_start(void *arg, const xmlChar *localname, const xmlChar *prefix,
                      const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                      int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
    (void)prefix, (void)uri, (void)nb_namespaces, (void)namespaces, (void)nb_defaulted;
    xml_state *x = arg;
    attrs at = {attributes, nb_attributes};
    int depth = x->depth++;
    if (x->rc == 0)
        x->rc = start_element(x, &x->pctx, depth, (const char *)localname, &at);
}

static void sax_end(void *arg, const xmlChar *localname, const xmlChar *prefix,
                    const xmlChar *uri)
{
    (void)prefix, (void)uri;
    xml_state *x = arg;
    int depth = --x->depth;
    if (x->rc == 0)
        x->rc = end_element(x, &x->pctx, depth, (const char *)localname);
}

static void sax_text(void *arg, const xmlChar *s, int len)
{
    xml_state *x = arg;
    if (x->rc == 0 && x->capture != T_NONE && sb_putn(&x->cur, (const char *)s, (size_t)len))
        x->rc = THX_ENOMEM;
}

/* ---------------------------------------------------------------- the reader */

xml_state *xml_open(instream *in, const char *url, str_vec *deleted)
{
    xml_state *x = calloc(1, sizeof *x);
    if (!x)
        return NULL;
    x->in = in;
    x->deleted = deleted;
    xmlInitParser();
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = sax_start;
    sax.endElementNs = sax_end;
    sax.characters = sax_text;
    sax.cdataBlock = sax_text;
    sax.serror = error_cb;
    x->px = xmlCreatePushParserCtxt(&sax, x, NULL, 0, url);
    if (!x->px) {
        free(x);
        return NULL;
    }
    /* no network, no external DTD; entities are the predefined ones and character refs */
    xmlCtxtUseOptions(x->px, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    return x;
}

void xml_free(xml_state *x)
{
    if (!x)
        return;
    record_clear(x);
    free(x->last_pmid);
    thx_docs_free(&x->pending);
    if (x->px)
        xmlFreeParserCtxt(x->px);
    free(x);
}

/* Reports what stopped the file: the stream's error (a gzip file cut short) or the
 * parser's, at its line, with the record where known. */
static void report_failure(xml_state *x, const reader_ctx *ctx)
{
    strbuf m;
    sb_init(&m);
    if (x->in->err)
        sb_printf(&m, "cannot read: %s", x->in->errmsg);
    else
        sb_printf(&m, "malformed XML: %s", x->err_msg[0] ? x->err_msg : "parse error");
    if (x->in_record && x->pmid)
        sb_printf(&m, " (in the record of PMID %s)", x->pmid);
    else if (x->in_record && x->last_pmid)
        sb_printf(&m, " (in the record after PMID %s)", x->last_pmid);
    else if (x->in_record)
        sb_printf(&m, " (in record %zu)", x->nrecords);
    size_t before = x->nrecords - (x->in_record ? 1 : 0);
    sb_printf(&m, "; %zu record%s before it read", before, before == 1 ? "" : "s");
    int line = x->err_line > 0 ? x->err_line : xmlSAX2GetLineNumber(x->px);
    thx_diags_add(ctx->diags, THX_SEV_ERROR, ctx->dpath, line, x->in->err ? 0 : x->err_col,
                  NULL, "%s", m.ptr ? m.ptr : "malformed XML");
    sb_free(&m);
}

/* Moves pending documents to out, while fewer than max were handed over since start;
 * true when none is left pending. */
static bool hand_over(xml_state *x, thx_docs *out, size_t start, size_t max, int *rc)
{
    while (x->pnext < x->pending.len && out->len - start < max) {
        if (VEC_PUSH_SLOT(out)) {
            *rc = THX_ENOMEM;
            return false;
        }
        out->items[out->len++] = x->pending.items[x->pnext];
        memset(&x->pending.items[x->pnext++], 0, sizeof(thx_doc));
    }
    if (x->pnext < x->pending.len)
        return false;
    x->pending.len = x->pnext = 0;
    return true;
}

int xml_next(xml_state *x, const reader_ctx *ctx, size_t max, bool *done)
{
    size_t start = ctx->out->len;
    char block[XML_BLOCK];
    int rc = 0;
    *done = false;
    x->pctx = *ctx;
    x->pctx.out = &x->pending;
    while (hand_over(x, ctx->out, start, max, &rc)) {
        if (x->ended) {
            *done = true;
            return x->end_rc;
        }
        long k = instream_read(x->in, block, sizeof block);
        if (k >= 0)
            xmlParseChunk(x->px, block, (int)k, k == 0);
        if (x->rc)
            return x->rc;
        x->ended = k <= 0 || x->failed;
        if (k < 0 || x->failed) {
            report_failure(x, ctx);
            x->end_rc = THX_EINPUT;
        } else if (k == 0 && x->nrecords == 0 && x->deleted->len == 0 && !x->saw_set) {
            thx_diags_add(ctx->diags, THX_SEV_ERROR, ctx->dpath, 0, 0, NULL,
                          "XML without a PubmedArticleSet: not PubMed XML");
            x->end_rc = THX_EINPUT;
        }
        if (ctx->out->len - start >= max)
            break;
    }
    return rc;
}
