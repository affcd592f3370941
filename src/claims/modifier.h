/*
 * A participle after a determiner is its noun's modifier, not the sentence's predicate:
 * in "5 mg/kg AMN082 reverses the increased reaction time to respond", "DEX could reverse
 * the reduced plasma concentrations of BDNF", "the effect of aspirin on the increased
 * cell proliferation induced by FANFT", "as a consequence of a reduced relapse rate",
 * the drug neither increases the reaction time nor reduces BDNF (read 10 of pubmed-10k,
 * "the predicate is 'reverses'; 'increased' qualifies the object"). A candidate whose
 * trigger is one word ending in -ed, right after "the", "a", "an", "these", "this",
 * "its" or "their", is dropped when the word before the determiner is a verb that acts
 * on the noun phrase (reverse, restore, prevent, attenuate, inhibit, block, abolish,
 * suppress, normalize, counteract, ameliorate, alleviate, mitigate, rescue, correct,
 * oppose, antagonize, in any form) or "on", "of", "using": after them the participle
 * is inside the object. Kept: "X resulted in a reduced Y", "X showed an improved Y",
 * "X was associated with a reduced risk" (the participle is the result named).
 * A participle trigger also names the people's measure, not an effect, when a hyphen
 * joins it to its noun ("in reduced-EF heart failure") or when it follows "with", "and"
 * or "or" inside the scope of a population cue and a noun follows it (no determiner,
 * preposition or conjunction: "were enrolled and randomized into" stays): "MRAs improve outcomes in
 * patients with heart failure and reduced left ventricular ejection fraction" gave
 * "reduces heart failure" (read 13 of pubmed-10k, "modifier read as predicate").
 * Internal to claims/ (extract.c calls it on a sentence's candidates, before conflicts
 * are settled).
 */
#ifndef THX_MODIFIER_H
#define THX_MODIFIER_H

#include "match.h"

/* Drops m's candidates for sentence s[0..n) whose trigger is a participle modifying a
 * noun, as above. */
void modifier_drop(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n);

#endif
