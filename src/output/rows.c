/*
 * One flat row per triple for spreadsheets and COPY: CSV (RFC 4180) or TSV (backslash
 * escapes), the columns of docs/output.md "CSV and TSV".
 */
#include <stdio.h>
#include <string.h>

#include "output.h"
#include "util/util.h"

#define COLUMNS(S)                                                                        \
    "id" S "doc_id" S "pmid" S "doi" S "source" S "sentence_index" S "section" S          \
    "sentence_start" S "sentence_end" S "therapy" S "therapy_norm" S "therapy_id" S       \
    "therapy_start" S "therapy_end" S "effect" S "effect_norm" S "effect_start" S         \
    "effect_end" S "condition" S "condition_norm" S "condition_id" S "condition_start" S  \
    "condition_end" S "predicate" S "negated" S "hedged" S "coref" S "scope" S "cues" S   \
    "evidence_sentences" S "rule_id" S "rule_file" S "rule_line" S "confidence" S         \
    "sentence"

const char *thx_rows_header(thx_rows_kind kind)
{
    return kind == THX_ROWS_CSV ? COLUMNS(",") "\r\n" : COLUMNS("\t") "\n";
}

typedef struct {
    strbuf b;
    thx_rows_kind kind;
    int n;  /* fields written in this row */
    int rc; /* the first failure */
} row;

static void sep(row *w)
{
    if (w->n++ && !w->rc)
        w->rc = sb_putc(&w->b, w->kind == THX_ROWS_CSV ? ',' : '\t');
}

/* A text field; NULL is an empty field. */
static void field(row *w, const char *s)
{
    sep(w);
    if (!s || w->rc)
        return;
    if (w->kind == THX_ROWS_CSV) {
        if (!s[strcspn(s, ",\"\r\n")]) {
            w->rc = sb_puts(&w->b, s);
            return;
        }
        w->rc = sb_putc(&w->b, '"');
        for (const char *p = s; *p && !w->rc; p++)
            w->rc = *p == '"' ? sb_puts(&w->b, "\"\"") : sb_putc(&w->b, *p);
        if (!w->rc)
            w->rc = sb_putc(&w->b, '"');
        return;
    }
    for (const char *p = s; *p && !w->rc; p++) {
        switch (*p) {
        case '\t': w->rc = sb_puts(&w->b, "\\t"); break;
        case '\n': w->rc = sb_puts(&w->b, "\\n"); break;
        case '\r': w->rc = sb_puts(&w->b, "\\r"); break;
        case '\\': w->rc = sb_puts(&w->b, "\\\\"); break;
        default: w->rc = sb_putc(&w->b, *p);
        }
    }
}

static void num(row *w, long long v, bool present)
{
    sep(w);
    if (present && !w->rc)
        w->rc = sb_printf(&w->b, "%lld", v);
}

static void flag(row *w, bool v)
{
    sep(w);
    if (!w->rc)
        w->rc = sb_puts(&w->b, v ? "true" : "false");
}

static void slot(row *w, const thx_rec_slot *s, bool with_id)
{
    field(w, s->text);
    field(w, s->text ? s->norm : NULL);
    if (with_id)
        field(w, s->text ? s->id : NULL);
    num(w, s->start, s->text != NULL);
    num(w, s->end, s->text != NULL);
}

/* "kind:text" of each cue, joined by " | "; the evidence sentences' indexes by " ". */
static int lists(const thx_rec *r, strbuf *cues, strbuf *ev)
{
    int rc = 0;
    for (size_t i = 0; i < r->ncues && !rc; i++)
        rc = sb_printf(cues, "%s%s:%s", i ? " | " : "", r->cues[i].kind, r->cues[i].text);
    for (size_t i = 0; i < r->nevidence && !rc; i++)
        rc = sb_printf(ev, "%s%lld", i ? " " : "", r->evidence[i].index);
    return rc;
}

int thx_rows_append(const thx_rec *r, thx_rows_kind kind, strbuf *out)
{
    row w = {*out, kind, 0, 0};
    strbuf cues, ev;
    sb_init(&cues);
    sb_init(&ev);
    w.rc = lists(r, &cues, &ev);
    field(&w, r->id);
    field(&w, r->doc_id);
    field(&w, r->pmid);
    field(&w, r->doi);
    field(&w, r->source);
    num(&w, r->sentence.index, true);
    field(&w, r->sentence.section);
    num(&w, r->sentence.start, true);
    num(&w, r->sentence.end, true);
    slot(&w, &r->therapy, true);
    slot(&w, &r->effect, false);
    slot(&w, &r->condition, true);
    field(&w, r->predicate);
    flag(&w, r->negated);
    flag(&w, r->hedged);
    flag(&w, r->coref);
    field(&w, r->scope);
    field(&w, cues.ptr ? cues.ptr : "");
    field(&w, ev.ptr ? ev.ptr : "");
    field(&w, r->rule_id);
    field(&w, r->rule_file);
    num(&w, r->rule_line, true);
    sep(&w);
    if (!w.rc)
        w.rc = sb_printf(&w.b, "%.4g", r->confidence);
    field(&w, r->sentence.text);
    if (!w.rc)
        w.rc = sb_puts(&w.b, kind == THX_ROWS_CSV ? "\r\n" : "\n");
    sb_free(&cues);
    sb_free(&ev);
    *out = w.b;
    return w.rc ? THX_ENOMEM : 0;
}
