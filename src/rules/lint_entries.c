/*
 * Lint, lexicon entries declared twice: an entry whose canonical name (and type) an
 * earlier entry already has, with an id, but that gives none itself. The earlier entry
 * wins its own name, but the terms listed under the later one name a mention without
 * the id ("anxiety" MeSH:D001008 in one file, "anxiety" = "anxiety disorders" in a
 * later one: "anxiety disorders" comes out without MeSH:D001008). Warning kind
 * redeclared-entry (lint_marks.c). Read-only on the rule set.
 */
#include "lint.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const lexicon *sort_lex; /* qsort has no context argument */

static int by_name(const void *a, const void *b)
{
    const lex_entry *x = &sort_lex->entries[*(const size_t *)a];
    const lex_entry *y = &sort_lex->entries[*(const size_t *)b];
    if (x->type != y->type)
        return (int)x->type - (int)y->type;
    int c = strcasecmp(x->canonical, y->canonical);
    if (c)
        return c;
    return (*(const size_t *)a > *(const size_t *)b) - (*(const size_t *)a < *(const size_t *)b);
}

static bool counts(const lex_entry *e)
{
    return !e->anaphor && !e->ignore && !e->as_written && e->canonical;
}

int lint_redeclared_entries(const thx_ruleset *rs, thx_diags *out)
{
    const lexicon *lx = &rs->lex;
    size_t n = lx->nentries;
    if (n < 2)
        return 0;
    size_t *order = malloc(n * sizeof *order), *term_of = malloc(n * sizeof *term_of);
    if (!order || !term_of) {
        free(order), free(term_of);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = i, term_of[i] = SIZE_MAX;
    for (size_t i = rs->nterms; i-- > 0;) /* the first term of an entry is its name */
        if (rs->terms[i].entry >= 0 && (size_t)rs->terms[i].entry < n)
            term_of[rs->terms[i].entry] = i;
    sort_lex = lx;
    qsort(order, n, sizeof *order, by_name);
    int added = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && lx->entries[order[j]].type == lx->entries[order[i]].type &&
               !strcasecmp(lx->entries[order[j]].canonical, lx->entries[order[i]].canonical))
            j++;
        const lex_entry *with_id = NULL;
        for (size_t k = i; k < j; k++) {
            const lex_entry *e = &lx->entries[order[k]];
            if (!counts(e))
                continue;
            if (e->id && !with_id)
                with_id = e;
            else if (!e->id && with_id && term_of[order[k]] != SIZE_MAX) {
                const lex_term *t = &rs->terms[term_of[order[k]]];
                if (thx_diags_add(out, THX_SEV_WARNING, t->loc.file, t->loc.line, t->loc.col,
                                  t->loc.src,
                                  "%s '%s' is declared again without its id %s (%s:%d): the "
                                  "terms listed here name it without the id; give this "
                                  "entry the id too, or list them under the first "
                                  "[redeclared-entry]",
                                  slot_type_names[e->type], e->canonical, with_id->id,
                                  with_id->file ? with_id->file : "?", with_id->line)) {
                    added = -1;
                    break;
                }
                added++;
            }
        }
        if (added < 0)
            break;
        i = j;
    }
    free(order), free(term_of);
    return added;
}
