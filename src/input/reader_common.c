/*
 * What every format reader shares (see reader.h): line helpers and handing a finished
 * document over. Below the format readers and the dispatcher (reader.c), calling
 * neither.
 */
#include <stdlib.h>
#include <string.h>

#include "reader.h"

bool reader_starts_with(const char *s, size_t n, const char *prefix)
{
    size_t pn = strlen(prefix);
    return n >= pn && memcmp(s, prefix, pn) == 0;
}

size_t reader_line_len(const char *s, const char *end)
{
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    return nl ? (size_t)(nl - s) : (size_t)(end - s);
}

const char *reader_trim(const char *s, size_t *n)
{
    while (*n > 0 && is_space((unsigned char)s[0])) {
        s++;
        (*n)--;
    }
    while (*n > 0 && is_space((unsigned char)s[*n - 1]))
        (*n)--;
    return s;
}

void str_vec_move(thx_strlist *l, str_vec *v)
{
    l->items = v->items;
    l->len = v->len;
    v->items = NULL;
    v->len = v->cap = 0;
}

int reader_push_doc(const reader_ctx *ctx, thx_doc *d, const char *fallback_id)
{
    if (!d->source)
        d->source = xstrdup(ctx->source);
    if (!d->id)
        d->id = xstrdup(d->pmid ? d->pmid : fallback_id);
    if (!d->title)
        d->title = xstrdup("");
    if (!d->abstract)
        d->abstract = xstrdup("");
    if (!d->source || !d->id || !d->title || !d->abstract || VEC_PUSH_SLOT(ctx->out)) {
        thx_doc_free(d);
        return THX_ENOMEM;
    }
    ctx->out->items[ctx->out->len++] = *d;
    memset(d, 0, sizeof *d);
    return 0;
}
