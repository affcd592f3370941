/*
 * A compared result is no study: "The intensity of pain was significantly less in
 * patients receiving methylprednisolone and lignocaine than those receiving saline",
 * "significantly greater improvements were observed with aclidinium versus placebo for
 * severity of morning cough", "corticosteroids have no role in the management of
 * bronchiolitis", "exercise training in patients with ... CAD did not significantly
 * change cIMT progression" state what the therapy did, yet the rules that read only
 * "patients receiving X", "X versus", "X in/for Y" label them `studied for` (reads 14
 * and 15 of pubmed-10k, "finding labelled studied for"). A `studied for` claim that
 * finding.c left as it is, not under an objective or design cue, in a sentence with no
 * word of method (randomized, assigned, aim, to compare ...), takes the label `treats`
 * when the sentence states a benefit in comparison ("significantly less", "greater
 * improvement", "superior efficacy", "beneficial effects observed", "effectively
 * improve"), and `treats`, negated, when it states none ("no role in", "did not
 * significantly change"). Left as they are: a sentence of equal result ("no significant
 * difference", "similar", "comparable"), the comparator arm (a therapy after the phrase
 * and a word of comparison: "superior to conventional continuous DBS") and a therapy
 * named as a measure ("doses of morphine usage ... were significantly lower"). The
 * trigger moves to the phrase, so the cues are read there. Internal to claims/.
 */
#ifndef THX_COMPARED_H
#define THX_COMPARED_H

#include "match.h"

/* Relabels m's candidates for sentence s[0..n) as above. */
void compared_relabel(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n);

#endif
