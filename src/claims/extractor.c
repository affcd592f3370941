/*
 * The public extractor (therex.h): a rule set and a reusable match context, run over one
 * document at a time (extract.c does the work), and the warnings of a run: rules and
 * regex synonyms that gave up at PCRE2's match limits, one per rule (or synonym) and
 * document.
 *
 * Ownership: the extractor borrows the rule set, which must outlive it, and owns its
 * match context; thx_extractor_free frees both the context and the extractor.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "claims.h"

struct thx_extractor {
    const thx_ruleset *rs;
    match_ctx m;
    unsigned flags; /* THX_EXTRACT_* */
};

thx_extractor *thx_extractor_new(const thx_ruleset *rs)
{
    thx_extractor *ex = malloc(sizeof *ex);
    if (!ex)
        return NULL;
    ex->rs = rs;
    ex->flags = 0;
    match_ctx_init(&ex->m);
    return ex;
}

void thx_extractor_set_flags(thx_extractor *ex, unsigned flags)
{
    ex->flags = flags;
}

int thx_extractor_run(thx_extractor *ex, thx_triples *out, const thx_doc *doc)
{
    return extract_doc(out, ex->rs, doc, &ex->m, -1, ex->flags);
}

/* The place of regex synonym k of the lexicon: the k-th regex term as written. */
static const src_loc *regex_loc(const thx_ruleset *rs, size_t k, const lex_term **term)
{
    for (size_t i = 0; i < rs->nterms; i++)
        if (rs->terms[i].regex && k-- == 0) {
            *term = &rs->terms[i];
            return &rs->terms[i].loc;
        }
    return NULL;
}

/* One warning per regex synonym and document that gave up at the match limits. */
static int lexicon_limit_warnings(const thx_ruleset *rs, const limit_vec *lv, const thx_doc *doc,
                                  thx_diags *diags)
{
    for (size_t i = 0; i < lv->len; i++) {
        const limit_hit *h = &lv->items[i];
        bool again = false;
        for (size_t k = 0; k < i && !again; k++)
            again = lv->items[k].pattern == h->pattern;
        const lex_term *t = NULL;
        const src_loc *at = again ? NULL : regex_loc(rs, h->pattern, &t);
        if (!at)
            continue;
        const lex_entry *e = &rs->lex.entries[t->entry];
        if (thx_diags_add(diags, THX_SEV_WARNING, at->file, at->line, at->col, NULL,
                          "regex synonym /%.*s%s/ of %s '%s' gave up on document '%s', "
                          "sentence %zu: match limit exceeded; counted as no match there, so "
                          "a mention may be missing",
                          (int)(t->n > 40 ? 40 : t->n), t->text, t->n > 40 ? "..." : "",
                          slot_type_names[e->type], e->canonical, doc->id, h->sentence))
            return THX_ENOMEM;
    }
    return 0;
}

int thx_extractor_run_diags(thx_extractor *ex, thx_triples *out, const thx_doc *doc,
                            thx_diags *diags)
{
    int rc = extract_doc(out, ex->rs, doc, &ex->m, -1, ex->flags);
    const limit_vec *lv = &ex->m.limits;
    for (size_t i = 0; rc == 0 && diags && i < lv->len; i++) {
        const limit_hit *h = &lv->items[i];
        bool again = false; /* one warning per rule and document */
        for (size_t k = 0; k < i && !again; k++)
            again = lv->items[k].r == h->r;
        if (again)
            continue;
        PCRE2_UCHAR why[128];
        if (pcre2_get_error_message(h->error, why, sizeof why) < 0)
            snprintf((char *)why, sizeof why, "PCRE2 error %d", h->error);
        const src_loc *at = &h->r->patterns[h->pattern].loc;
        if (thx_diags_add(diags, THX_SEV_WARNING, at->file, at->line, 0, NULL,
                          "rule '%s' gave up on document '%s', sentence %zu: %s; counted "
                          "as no match there, so a claim may be missing",
                          h->r->id, doc->id, h->sentence, (const char *)why))
            rc = THX_ENOMEM;
    }
    if (rc == 0 && diags)
        rc = lexicon_limit_warnings(ex->rs, &ex->m.lex_limits, doc, diags);
    return rc;
}

void thx_extractor_free(thx_extractor *ex)
{
    if (!ex)
        return;
    match_ctx_free(&ex->m);
    free(ex);
}

int thx_extract(thx_triples *out, const thx_ruleset *rs, const thx_doc *doc)
{
    thx_extractor *ex = thx_extractor_new(rs);
    if (!ex)
        return THX_ENOMEM;
    int rc = thx_extractor_run(ex, out, doc);
    thx_extractor_free(ex);
    return rc;
}
