/*
 * The comparator of a finding is no subject of a `studied for` claim (read 13 of
 * pubmed-10k: "The median overall survival (OS) was longer versus GM-CSF in patients with
 * earlier-stage melanoma" gave GM-CSF | studied for | melanoma; "Liraglutide suppresses
 * non-esterified free fatty acids ... compared with metformin in patients with
 * recent-onset type 2 diabetes" gave metformin). A candidate of a `studied for` rule is
 * dropped when its therapy comes right after "versus", "vs", "compared with", "compared
 * to", "than" or "relative to" after a word that is no therapy ("longer versus",
 * "NEFA ... compared with"), and the sentence names no design or aim ("trial",
 * "randomized", "study", "comparison", "compared the", "aim", "objective", "assessed",
 * "evaluated", ...). Two therapies side by side ("Paricalcitol Versus Calcifediol for
 * Treating Hyperparathyroidism ...") or a design ("The present study compared ... faster
 * aspart vs IAsp in Japanese patients with type 1 diabetes") name arms, both studied.
 *
 * Internal to claims/ (extract.c calls it on a sentence's candidates, before conflicts
 * are settled).
 */
#ifndef THX_COMPARATOR_H
#define THX_COMPARATOR_H

#include "match.h"

/* Drops m's `studied for` candidates for sentence s[0..n) whose therapy is a finding's
 * comparator, as above. */
void comparator_drop(match_ctx *m, const char *s, size_t n);

#endif
