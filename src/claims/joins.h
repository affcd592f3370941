/*
 * Document-level joins: an effect-only claim ("Exosomes show ... anti-fibrotic
 * characteristics") and a claim that names a condition for the same therapy in the
 * same abstract ("... exosomes for alleviating the symptoms of endometriosis") become
 * one document-scope triple, but only where a `join` rule says the effect bears on the
 * condition: the effect's `targets` meet the condition's `tags`.
 */
#ifndef THX_JOINS_H
#define THX_JOINS_H

#include "rules/rules.h"

/* What the joins need to know of each sentence triple: its lexicon entries. */
typedef struct {
    int effect_entry;    /* -1: the effect came from the rule's label */
    int condition_entry; /* -1: no condition, or an open one */
    bool has_condition;
} join_info;

typedef struct join_infos {
    join_info *items;
    size_t len, cap;
} join_infos;

/* Marks t, built by join rule j, as a document-scope triple of j and gives it its id;
 * 0, or -1 when t has no predicate (out of memory). */
int join_stamp(thx_triple *t, const rule_join *j, const char *doc_id);

/* Frees the triples out->items[i] (first <= i < out->len) for which drop[i - first] is
 * set and closes the gaps, keeping infos (one per triple from first) in step and the
 * rest in order. */
void joins_drop(thx_triples *out, size_t first, join_infos *infos, const bool *drop);

/* Appends the document-scope triples of out->items[first..] (described by infos, one
 * per triple) to out. */
int joins_apply(thx_triples *out, size_t first, const thx_ruleset *rs, const thx_doc *doc,
                const join_infos *infos);

#endif
