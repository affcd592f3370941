/*
 * The claim's target over the people's condition, when the sentence names both (issue 10,
 * read 12 of pubmed-10k, "wrong condition": the population's condition taken as the
 * therapy's target). population.c settles the claims that state no outcome of their own
 * against other condition claims; here the claims that do, and the outcome claims:
 * - a claim with an outcome of its own on the people's condition yields to a claim of
 *   the same therapy whose condition stands between the therapy and the people, outside
 *   any population, in the same clause: the object of the trigger ("HBOT facilitates
 *   healing of <chronic foot ulcers> in patients with <diabetes>": the diabetes claim is
 *   dropped);
 * - a claim that states no outcome ("treats", "studied for") and pairs the therapy with
 *   the people's condition, in a sentence where another claim of the same therapy states
 *   an outcome and names no condition, is the people's description, not a claim: the
 *   outcome claim takes the people's condition (GUIDELINES: "improved sperm motility in
 *   asthenozoospermia") and the bare claim is dropped ("Hypertensive patients with <type 2
 *   diabetes> treated with amlodipine exhibited an improved pattern of pulse wave
 *   reflection": amlodipine | improves pattern | type 2 diabetes, no "treats").
 * - an outcome claim of a therapy that names no condition, in a sentence whose one
 *   condition (one lexicon entry, however often named) is the people's in the outcome's
 *   clause and no harm claim's, takes it ("acute severe <TBI> patients with
 *   administration of progesterone hold improved neurologic outcomes": progesterone |
 *   improves neurologic outcomes | TBI; issue 10, reads 13-15 "condition missed"); two
 *   conditions leave it without one (which the outcome is measured in is unsaid).
 * - a claim whose condition names an operation ("<cataract> surgery", "<hallux valgus>
 *   surgery", "<rectal cancer> surgery") is dropped: the therapy is given for the
 *   operation (an anaesthetic, a prophylactic implant), not for the condition; not when the
 *   therapy is the operation's own word, nor when a word between them times the therapy
 *   around it ("before", "after", "adjuvant": "chemotherapy before rectal cancer surgery").
 * Internal to claims/ (extract.c calls it after population_yield).
 */
#ifndef THX_TARGET_H
#define THX_TARGET_H

#include "match.h"

/* Drops and retargets m's candidates for sentence s[0..n) as above. */
void target_over_population(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n);

#endif
