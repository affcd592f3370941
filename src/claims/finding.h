/*
 * A finding is no study: "Oral paricalcitol in children ... with stages 3-5 CKD reduced
 * iPTH levels", "Lifestyle interventions applied to people with MetS has considerable
 * beneficial effects on ...", "Spironolactone in patients with resistant arterial
 * hypertension leads to a significant decrease of ..." state what the therapy did to
 * the people with the condition, yet a rule that reads only "X in patients with Y"
 * labels them `studied for` (read 4 of pubmed-10k, "finding labelled studied for").
 * A `studied for` claim whose therapy comes before the people of a population cue (or
 * before a word of people and "with": "children aged 10-16 years with ..."), and
 * whose condition (the one those people have) is followed in the same clause by a
 * finite verb of result, takes that verb as its trigger and its label: reduced,
 * decreased, lowered -> `reduces`; improved -> `improves`; prevented -> `prevents`;
 * resulted in, led to, was effective -> `treats`; has ... beneficial effects ->
 * `beneficial`. An objective or a trial's title still makes it `studied for`
 * (extract.c), and the cues are read at the new trigger. Internal to claims/.
 */
#ifndef THX_FINDING_H
#define THX_FINDING_H

#include "match.h"

/* Relabels m's candidates for sentence s[0..n) as above. */
void finding_relabel(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n);

/* A claim whose label is a bare verb ("reduces", "prevents") and whose condition is its
 * people's ("X prevented the increase of urinary TGF-beta1 ... in patients with T2D",
 * "X reduced serum levels of PTH in patients with renal failure") names what the verb
 * acts on between them: the label takes that object ("prevents increase of urinary
 * TGF-beta1"; GUIDELINES: the predicate with its object when the object is an outcome
 * or measure; read 8 of pubmed-10k, "population condition as target"). The people may
 * be named by a compound of the condition: "Exercise ... Improves Physiological Markers
 * of Stress in HIV-Infected Men" gives "improves physiological markers of stress" (read
 * 13, "outcome dropped from the label"). Not an object
 * that names a therapy or a condition, nor in an objective or a trial's title. */
void finding_object(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n);

#endif
