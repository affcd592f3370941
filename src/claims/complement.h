/*
 * A relational head takes its complement: in "Crocin reduced inhibition of ERK
 * activation", "IT and TA seem to improve sense of coherence", "NAVA improves the quality
 * of sleep", "acetaminophen reduced the CNS toxicity of caffeine" the outcome is the
 * head with its "of" phrase; the head alone ("reduces inhibition", "improves sense") is a
 * cut label, and "reduces inhibition" even reads as the opposite of the finding (read 12
 * of pubmed-10k, "modifier read as predicate / cut label"). An effect-only candidate
 * whose open effect ends in such a head (inhibition, suppression, activation, quality,
 * efficacy, intensity, ability, sense, excretion, clearance, ...: a word that names a
 * process or property of something else, not an outcome by itself) right before "of"
 * takes, into its effect, the "of" phrase: up to four words, no determiner first, ending
 * at punctuation, a preposition, a conjunction, a participle of the clause ("induced",
 * "resulting") or an adverb in -ly; a phrase that runs into a condition mention or past
 * four words is left out whole ("prevented development of pilocarpine-induced
 * behavioral seizure": a cut complement is no better than none). Internal to claims/ (extract.c calls it on a sentence's
 * candidates before the triples are built).
 */
#ifndef THX_COMPLEMENT_H
#define THX_COMPLEMENT_H

#include "match.h"

/* Extends the open effect span of m's effect-only candidates for sentence s[0..n)
 * whose object is a relational head, as above. */
void complement_extend(match_ctx *m, const char *s, size_t n);

/* Whether the word s[ws..we) ends a noun phrase: a preposition, a conjunction, an
 * auxiliary or a participle of the clause ("induced", "resulting"). */
bool complement_stop(const char *s, size_t ws, size_t we);

/* Whether a condition mention of m overlaps sentence bytes [a, b). */
bool complement_condition_in(const match_ctx *m, size_t a, size_t b);

#endif
