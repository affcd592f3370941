/*
 * From candidates to claims, within one sentence: settles conflicts between rules
 * (higher priority, then longer match, then earlier rule), and finds the negation and
 * hedge cues whose scope covers each claim (NegEx / ConText style).
 */
#ifndef THX_CLAIMS_H
#define THX_CLAIMS_H

#include "match.h"

/* Keeps one candidate per claimed span, in sentence order. */
void claims_resolve(candidate_vec *cands);

#define CLAIM_MAX_CUES 8

typedef struct {
    bool negated, hedged;
    size_t ncues;
    size_t cue[CLAIM_MAX_CUES]; /* indexes into tags->cues */
} claim_flags;

/* Flags of candidate c in sentence s[0..n). */
void claims_flags(const thx_ruleset *rs, const tag_result *tags, const char *s, size_t n,
                  const candidate *c, claim_flags *out);

#endif
