/*
 * A drug given side by side with a genetic or physiological manipulation is a probe of
 * mechanism, not a therapy: "these changes were attenuated by pretreatment with CsA or
 * knockdown of REDD1 or NFATc3", "FLCN phosphorylation was diminished by rapamycin and
 * amino acid starvation", "17-DMAG or Hsp90beta knockdown dramatically alleviated the
 * high-salt-diet-induced proteinuria" (pubmed-10k; reads 7 to 12, "non-therapy as
 * therapy: a tool compound used to show a pathway's role"). The sentence tests what the
 * target does, and the drug stands for the target as the knockdown does. A candidate is
 * dropped when its therapy and a word of manipulation (knockdown, knockout, siRNA,
 * shRNA, silencing, deletion, overexpression, depletion, starvation) are joined by "or",
 * "and" or a comma, with at most four words from the therapy to that word on either
 * side and no clause break between ("but", "whereas", "while", "which", ";", ".").
 * Internal to claims/ (extract.c calls it on a sentence's candidates, before conflicts
 * are settled).
 */
#ifndef THX_PROBE_H
#define THX_PROBE_H

#include "match.h"

/* Drops m's candidates for sentence s[0..n) whose therapy is coordinated with a
 * genetic or physiological manipulation, as above. */
void probe_drop(match_ctx *m, const char *s, size_t n);

#endif
