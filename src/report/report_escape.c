/*
 * Text into HTML: every string of the input is escaped (& < > " '), and a sentence gets
 * its therapy, effect, condition and cues marked where the record's offsets (code points
 * in the section, docs/output.md) put them inside it and the slot's text is found there.
 * A span that overlaps one already marked, or whose text is not where its offsets say, is
 * left unmarked rather than marked wrong.
 */
#include <stdlib.h>
#include <string.h>

#include "report_model.h"

int rp_escape(strbuf *b, const char *s)
{
    int rc = 0;
    for (const char *p = s; *p && !rc; p++) {
        switch (*p) {
        case '&': rc = sb_puts(b, "&amp;"); break;
        case '<': rc = sb_puts(b, "&lt;"); break;
        case '>': rc = sb_puts(b, "&gt;"); break;
        case '"': rc = sb_puts(b, "&quot;"); break;
        case '\'': rc = sb_puts(b, "&#39;"); break;
        default: rc = sb_putc(b, *p);
        }
    }
    return rc;
}

typedef struct {
    size_t from, to;   /* bytes in the sentence's text */
    const char *cls;   /* "t" therapy, "e" effect, "c" condition, "neg", "hedge" */
    const rp_slot *slot; /* for the title: canonical name and id; NULL for a cue */
} span;

/* The byte offset of code point cp in s (len bytes), or (size_t)-1 past the end. */
static size_t byte_at(const char *s, size_t len, size_t cp)
{
    size_t i = 0;
    for (size_t k = 0; k < cp; k++) {
        if (i >= len)
            return (size_t)-1;
        size_t n = utf8_seq(s + i, len - i);
        i += n ? n : 1;
    }
    return i <= len ? i : (size_t)-1;
}

/* Adds the span [start, end) (code points in the section) when it lies in sentence s,
 * holds text there and overlaps no span added before; else leaves it out. */
static void add_span(span *spans, size_t *n, const rp_sentence *s, size_t start, size_t end,
                     const char *text, const char *cls, const rp_slot *slot)
{
    if (!text || start < s->start || end < start || end > s->end)
        return;
    size_t len = strlen(s->text);
    size_t from = byte_at(s->text, len, start - s->start);
    size_t to = byte_at(s->text, len, end - s->start);
    if (from == (size_t)-1 || to == (size_t)-1 || to - from != strlen(text) ||
        memcmp(s->text + from, text, to - from) || from == to)
        return;
    for (size_t i = 0; i < *n; i++)
        if (from < spans[i].to && spans[i].from < to)
            return;
    spans[(*n)++] = (span){from, to, cls, slot};
}

static int cmp_span(const void *pa, const void *pb)
{
    const span *a = pa, *b = pb;
    return a->from < b->from ? -1 : a->from > b->from;
}

static const char *slot_label(const char *cls)
{
    return !strcmp(cls, "t") ? "therapy" : !strcmp(cls, "e") ? "effect" : "condition";
}

int rp_mark_sentence(strbuf *b, const rp_record *r, const rp_sentence *s)
{
    if (!s->text)
        return 0;
    span *spans = malloc((3 + r->ncues) * sizeof *spans);
    if (!spans)
        return -1;
    size_t n = 0;
    add_span(spans, &n, s, r->therapy.start, r->therapy.end, r->therapy.text, "t", &r->therapy);
    add_span(spans, &n, s, r->effect.start, r->effect.end, r->effect.text, "e", &r->effect);
    add_span(spans, &n, s, r->condition.start, r->condition.end, r->condition.text, "c",
             &r->condition);
    for (size_t i = 0; i < r->ncues; i++)
        add_span(spans, &n, s, r->cues[i].start, r->cues[i].end, r->cues[i].text,
                 r->cues[i].kind && !strcmp(r->cues[i].kind, "negation") ? "neg" : "hedge", NULL);
    qsort(spans, n, sizeof *spans, cmp_span);
    strbuf piece;
    sb_init(&piece);
    int rc = 0;
    size_t at = 0;
    for (size_t i = 0; i <= n && !rc; i++) {
        size_t upto = i < n ? spans[i].from : strlen(s->text);
        piece.len = 0;
        rc = sb_putn(&piece, s->text + at, upto - at) || rp_escape(b, piece.ptr ? piece.ptr : "");
        if (rc || i == n)
            break;
        const span *sp = &spans[i];
        rc = sb_printf(b, "<mark class=\"%s\" title=\"", sp->cls);
        if (!rc && sp->slot)
            rc = sb_printf(b, "%s: ", slot_label(sp->cls)) || rp_escape(b, rp_name(sp->slot)) ||
                 (sp->slot->id && (sb_puts(b, " (") || rp_escape(b, sp->slot->id) ||
                                   sb_putc(b, ')')));
        else if (!rc)
            rc = sb_puts(b, !strcmp(sp->cls, "neg") ? "negation cue" : "hedge cue");
        piece.len = 0;
        if (!rc)
            rc = sb_puts(b, "\">") || sb_putn(&piece, s->text + sp->from, sp->to - sp->from) ||
                 rp_escape(b, piece.ptr) || sb_puts(b, "</mark>");
        at = sp->to;
    }
    sb_free(&piece);
    free(spans);
    return rc ? -1 : 0;
}
