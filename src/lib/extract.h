/*
 * Internal entry points of the extractor, for the commands that need more than
 * thx_extract: `check` runs one rule at a time and reuses a match context.
 */
#ifndef THX_EXTRACT_H
#define THX_EXTRACT_H

#include "match.h"

/* Extracts doc's triples with the given scratch context; with only >= 0, from that
 * rule alone. */
int extract_doc(thx_triples *out, const thx_ruleset *rs, const thx_doc *doc, match_ctx *m,
                long only);
void thx_triple_clear(thx_triple *t);
/* A deep copy of src into dst; 0, or -1 when out of memory (dst then owns what was copied). */
int slot_copy(thx_slot *dst, const thx_slot *src);
/* Adds the abbreviations a sentence defined (learned) to the abstract's own (local). */
int learn_abbreviations(local_terms *local, const local_terms *learned);
void triple_make_id(thx_triple *t, const char *doc_id);

#endif
