/* Document and document-list lifetime. */
#include "therex.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

static void strlist_free(thx_strlist *l)
{
    for (size_t i = 0; i < l->len; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->len = 0;
}

void thx_doc_free(thx_doc *d)
{
    if (!d)
        return;
    free(d->id);
    free(d->pmid);
    free(d->doi);
    free(d->source);
    free(d->title);
    free(d->abstract);
    free(d->journal);
    free(d->year);
    strlist_free(&d->keywords);
    strlist_free(&d->publication_types);
    strlist_free(&d->mesh_terms);
    memset(d, 0, sizeof *d);
}

void thx_docs_init(thx_docs *d)
{
    d->items = NULL;
    d->len = d->cap = 0;
}

void thx_docs_free(thx_docs *d)
{
    for (size_t i = 0; i < d->len; i++)
        thx_doc_free(&d->items[i]);
    free(d->items);
    thx_docs_init(d);
}
