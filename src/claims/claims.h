/*
 * claims/: from a tagged sentence to triples. The face of the folder: what other
 * folders (the CLI) may use beyond the public thx_extract: the extractor's entry points
 * (`check` runs one rule at a time and reuses a match context; `explain` traces one
 * sentence), the matcher (match.h) and the conflict and cue-scope decisions (resolve.h).
 *
 * Files: match.c (patterns on the masked sentence) -> resolve.c (conflicts, cue scopes)
 * -> triple.c (slots, triples, ids) <- coref.c, joins.c <- extract.c (drives them all)
 * <- extractor.c (the public thx_extractor and its warnings).
 */
#ifndef THX_CLAIMS_H
#define THX_CLAIMS_H

#include "match.h"
#include "resolve.h"

/* Extracts doc's triples with the given scratch context and THX_EXTRACT_* flags; with
 * only >= 0, from that rule alone (and then with no document-level pass: no harm guard,
 * no joins, so a rule's examples show what the rule itself finds). */
int extract_doc(thx_triples *out, const thx_ruleset *rs, const thx_doc *doc, match_ctx *m,
                long only, unsigned flags);
/* Adds the abbreviations a sentence defined (learned) to the abstract's own (local). */
int learn_abbreviations(local_terms *local, const local_terms *learned);

#endif
