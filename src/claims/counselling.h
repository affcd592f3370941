/*
 * Genetic counselling informs a family of a risk; it treats no one: "This observation
 * has direct implications for genetic counseling of Lowe syndrome families", "These
 * findings should be taken into consideration when counseling families in which cases
 * with clinically expressed ALD are represented" (pubmed-10k; read 12 #56, "non-therapy:
 * genetic counselling of families is not a treatment for ALD"). The lexicon reads
 * "counseling" as psychotherapy, which it is when given to patients ("smoking cessation
 * counseling", "lifestyle counseling given to pregnant women"). A candidate whose therapy
 * mention is a counselling word is dropped when "genetic" comes right before it, or
 * "families", "family", "parents", "relatives" or "carriers" within the two words after
 * it ("counseling families", "counseling of Lowe syndrome families" aside, which the
 * word "genetic" settles).
 * Internal to claims/ (extract.c calls it on a sentence's candidates, before conflicts
 * are settled).
 */
#ifndef THX_COUNSELLING_H
#define THX_COUNSELLING_H

#include "match.h"

/* Drops m's candidates for sentence s[0..n) whose therapy is genetic counselling, as
 * above. */
void counselling_drop(match_ctx *m, const char *s, size_t n);

#endif
