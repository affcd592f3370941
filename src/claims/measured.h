/*
 * A therapy's name used for a quantity that is measured or changed is no therapy (read 13
 * of pubmed-10k, "non-therapy as therapy"): "The observed increase in ventilation and
 * inspiratory drive may contribute to the improved activity level ... during growth
 * hormone therapy" (ventilation breathed, not mechanical ventilation), "whether the daily
 * use of pedometers could increase physical activity and improve health outcomes"
 * (physical activity the outcome of pedometer use). A candidate is dropped when its
 * therapy comes right after a noun of change and "in" or "of" ("increase in", "reduction
 * in", "changes in"; "the" may come between), or right after "to" or a modal
 * and a verb of change ("could increase", "to improve"), unless a word of dosing follows
 * the therapy ("an increase in enoxaparin dose": the drug given more). Internal to
 * claims/ (extract.c calls it on a sentence's candidates, before conflicts are settled).
 */
#ifndef THX_MEASURED_H
#define THX_MEASURED_H

#include "match.h"

/* Drops m's candidates for sentence s[0..n) whose therapy is named as a measured
 * quantity, as above. */
void measured_drop(match_ctx *m, const char *s, size_t n);

#endif
