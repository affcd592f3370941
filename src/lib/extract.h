/*
 * Internal entry points of the extractor, for the commands that need more than
 * thx_extract (`check` runs one rule at a time and reuses a match context), and the
 * sentence context that extract.c and coref.c share.
 */
#ifndef THX_EXTRACT_H
#define THX_EXTRACT_H

#include "coref.h"
#include "joins.h"
#include "match.h"

/* Extracts doc's triples with the given scratch context; with only >= 0, from that
 * rule alone. */
int extract_doc(thx_triples *out, const thx_ruleset *rs, const thx_doc *doc, match_ctx *m,
                long only);
void thx_triple_clear(thx_triple *t);
/* A deep copy of src into dst; 0, or -1 when out of memory (dst then owns what was copied). */
int slot_copy(thx_slot *dst, const thx_slot *src);
/* Frees a slot's strings and zeroes it. */
void slot_clear(thx_slot *s);
/* Adds the abbreviations a sentence defined (learned) to the abstract's own (local). */
int learn_abbreviations(local_terms *local, const local_terms *learned);
void triple_make_id(thx_triple *t, const char *doc_id);

/* One sentence being extracted, and the abstract-level state it reads and updates. */
typedef struct sent_ctx {
    const thx_ruleset *rs;
    const thx_doc *doc;
    const char *s;     /* sentence text (inside its section's text) */
    size_t n;
    size_t cp_base;    /* code points from the section start to the sentence start */
    size_t index;      /* sentence index in the document */
    thx_section section;
    match_ctx *m;
    coref_state *coref;   /* abstract level: what anaphors may stand for (coref.h) */
    local_terms *local;   /* abstract level: abbreviations defined so far */
    join_infos *infos;    /* per triple: lexicon entries the joins need */
} sent_ctx;

/* Code points from the section start to byte `byte` of the sentence. */
size_t sent_cp_at(const sent_ctx *sc, size_t byte);
/* The slot of mention mi: as written, its canonical name and id (a combination's name
 * joins its therapies' and has no id). 0 or -1 (out of memory). */
int sent_fill_mention(thx_slot *slot, const sent_ctx *sc, int mi);

#endif
