/*
 * What every format reader shares (see reader.h): line helpers and handing a finished
 * document over (taking U+FEFF out of its text, warning about sentences cut at
 * THX_SENTENCE_MAX). Below the format readers and the dispatcher (reader.c), calling
 * neither; it calls the sentence splitter (sentence.c), which calls nothing here.
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

/* Takes every U+FEFF out of s, in place: a zero-width character, which would glue the
 * word after it to the one before (JSON's "\ufeff", BOMs of joined files). */
static void strip_feff(char *s)
{
    char *w = s ? strstr(s, UTF8_BOM) : NULL;
    if (!w)
        return;
    for (const char *r = w; *r;) {
        if (strncmp(r, UTF8_BOM, 3) == 0) /* stops at the NUL */
            r += 3;
        else
            *w++ = *r++;
    }
    *w = '\0';
}

/* One warning for a document with sentences cut at THX_SENTENCE_MAX. Only a section
 * of more bytes than the bound can hold such a sentence, so others are not split here. */
static int warn_long_sentences(const reader_ctx *ctx, const thx_doc *d)
{
    const char *secs[2] = {d->title, d->abstract};
    size_t cuts = 0;
    for (int k = 0; k < 2; k++) {
        size_t n = strlen(secs[k]), c = 0;
        if (n <= THX_SENTENCE_MAX)
            continue;
        thx_sentences ss = {0};
        int rc = split_sentences_counted(&ss, secs[k], n, (thx_section)k, &c);
        thx_sentences_free(&ss);
        if (rc)
            return rc;
        cuts += c;
    }
    if (cuts)
        return thx_diags_add(ctx->diags, THX_SEV_WARNING, ctx->dpath, 0, 0, NULL,
                             "document '%s': text without a sentence end for more than %d "
                             "code points, cut into shorter sentences (%zu cut%s)",
                             d->id, THX_SENTENCE_MAX, cuts, cuts == 1 ? "" : "s");
    return 0;
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
    strip_feff(d->title);
    strip_feff(d->abstract);
    if (!d->source || !d->id || !d->title || !d->abstract || warn_long_sentences(ctx, d) ||
        VEC_PUSH_SLOT(ctx->out)) {
        thx_doc_free(d);
        return THX_ENOMEM;
    }
    ctx->out->items[ctx->out->len++] = *d;
    memset(d, 0, sizeof *d);
    return 0;
}

const char *reader_mesh_descriptor(const char *s, size_t *n)
{
    while (*n > 0 && *s == '*') {
        s++;
        (*n)--;
    }
    const char *slash = memchr(s, '/', *n);
    if (slash)
        *n = (size_t)(slash - s);
    s = reader_trim(s, n);
    while (*n > 0 && s[*n - 1] == '*')
        (*n)--;
    return reader_trim(s, n);
}

bool reader_has_item(const str_vec *v, const char *s, size_t n)
{
    for (size_t i = 0; i < v->len; i++)
        if (strlen(v->items[i]) == n && memcmp(v->items[i], s, n) == 0)
            return true;
    return false;
}
