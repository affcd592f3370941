/*
 * Triples, slots and the sentence being extracted, shared inside claims/ by extract.c,
 * coref.c and joins.c (triple.c). Internal to claims/.
 *
 * Ownership: a thx_slot owns its strings; slot_copy makes a deep copy the caller owns.
 */
#ifndef THX_TRIPLE_H
#define THX_TRIPLE_H
#include "match.h"

struct coref_state;
struct join_infos;
struct topic_state;

void thx_triple_clear(thx_triple *t);
/* A deep copy of src into dst; 0, or -1 when out of memory (dst then owns what was copied). */
int slot_copy(thx_slot *dst, const thx_slot *src);
/* A copy of src into dst with its own text; 0, or -1 when out of memory. */
int evidence_copy(thx_evidence *dst, const thx_evidence *src);
/* Whether two slots name the same thing: the same id when both have one, else the same
 * canonical name (ignoring case). */
bool slot_same(const thx_slot *a, const thx_slot *b);
/* Frees a slot's strings and zeroes it. */
void slot_clear(thx_slot *s);
/* A stable id: what identifies the claim, hashed the same on every machine. */
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
    bool methods;      /* in a structured abstract's methods section (claims_section_label) */
    match_ctx *m;
    struct coref_state *coref;   /* abstract level: what anaphors may stand for (coref.h) */
    local_terms *local;   /* abstract level: abbreviations defined so far */
    struct join_infos *infos;    /* per triple: lexicon entries the joins need */
    struct topic_state *topic;   /* abstract level: the conditions the title names */
    struct basis_state *basis;   /* abstract level: its base therapies (basis.h) */
} sent_ctx;

/* Code points from the section start to byte `byte` of the sentence. */
size_t sent_cp_at(const sent_ctx *sc, size_t byte);
/* The slot of mention mi: as written, its canonical name and id (a combination's name
 * joins its therapies' and has no id). 0 or -1 (out of memory). */
int sent_fill_mention(thx_slot *slot, const sent_ctx *sc, int mi);

/* Fills slot with the sentence's bytes [a, b): the text as written and its code-point
 * offsets. 0 or -1 (out of memory). */
int sent_fill_span(thx_slot *slot, const sent_ctx *sc, size_t a, size_t b);

#endif
