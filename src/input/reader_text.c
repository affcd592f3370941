/*
 * Plain-text corpus reader: the whole file is one document whose abstract is the
 * trimmed text, with an empty title and the source name as id.
 * Owned by the corpus-readers module.
 */
#include "reader.h"

int reader_text(const reader_ctx *ctx, const char *buf, size_t len)
{
    size_t n = len;
    const char *s = reader_trim(buf, &n);
    thx_doc d = {0};
    d.abstract = xstrndup(s, n);
    if (!d.abstract)
        return THX_ENOMEM;
    return reader_push_doc(ctx, &d, ctx->source);
}
