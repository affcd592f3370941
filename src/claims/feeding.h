/*
 * A diet fed, or a loading diet, is an exposure, not a therapy: "Inorganic Se and Zn supplementation with
 * vitamin E to the diet of lambs increased Se and Zn levels in loin muscle", "HG diet
 * feeding increased blood flow and LPS concentration in the portal vein", "feeding HF
 * diet markedly increased the fetal weight" (pubmed-10k; read 12 #31, "non-therapy as
 * therapy: 'diet' of lambs"). The feed of an animal study or of livestock, a high-fat or
 * high-grain diet, is what the animals eat, the model or the husbandry, not an
 * intervention given for a benefit. A candidate whose therapy is the lexicon's generic
 * diet (canonical name "diet": a named diet, "ketogenic diet", "Mediterranean diet",
 * keeps its own entry) is dropped when the sentence speaks of feeding ("fed",
 * "feeding" or "diet(s) of"), or when a load names it, the word before it: "high-fat",
 * "high salt", "HF", "HS", "HG", "Western", "atherogenic" ("A high-fat diet increased
 * cardiac PPARa expression", "HS diet for 4 wk increased renal cortical angiotensinogen
 * mRNA": a model of disease).
 * Internal to claims/ (extract.c calls it on a sentence's candidates after the
 * background therapies are settled: a drug "added to a high-fat diet" that took the
 * diet's claim keeps it).
 */
#ifndef THX_FEEDING_H
#define THX_FEEDING_H

#include "match.h"

/* Drops m's candidates for sentence s[0..n) whose therapy is a generic diet fed or loading, as
 * above. */
void feeding_drop(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n);

#endif
