/*
 * An open effect label runs to its head noun. The open outcome phrase of a rule stops at
 * a comma, a preposition-like word or a coordination, and can stop on a word that needs
 * the noun after it: "Cinaciguat prevented structural, molecular alterations" gave
 * "prevents structural", "to decrease high on-treatment platelet reactivity" gave
 * "reduces high", "sunitinib was associated with higher frequencies and greater
 * severities of adverse events" gave "increases frequencies", "reduced the percentage of
 * days of poor control" gave "reduces percentage of days" (read 13 of pubmed-10k,
 * "modifier read as predicate / cut label": a label that names no outcome). An
 * effect-only or effect-and-condition candidate whose open effect ends on
 *   - an adjective (high, low, total, mean, ...; a word in -al, -ic, -ive, -ous, -ar,
 *     -ary, -ory, -ible, -able that is no noun: survival, memory, interval, ... stay), or
 *   - a bare measure word (frequencies, number, percentage, levels, rate, ...: the
 *     effect is that word alone), or
 *   - a unit after "of" ("percentage of days") right before "of", "with" or "without",
 * runs on to its head: into the "of"/"with" phrase, or on from the adjective, past a
 * comma, "and" or "or" between adjectives ("cognitive, motivational, or creative
 * deficits"), at most four words, up to punctuation or a word that ends a phrase
 * (complement.h's). When that phrase runs into a condition mention, past four words, or
 * ends on an adjective again, no head is found: an adjective after a noun of the label
 * is left out ("CSF MMP-9 concentrations early in treatment" gives "reduces csf mmp-9
 * concentrations"), and otherwise the candidate is dropped. Internal to claims/
 * (extract.c calls it on a sentence's candidates before the triples are built).
 */
#ifndef THX_HEADNOUN_H
#define THX_HEADNOUN_H

#include "match.h"

/* Extends, or drops, m's candidates for sentence s[0..n) whose open effect ends short of
 * its head noun, as above. */
void headnoun_extend(match_ctx *m, const char *s, size_t n);

#endif
