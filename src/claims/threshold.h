/*
 * A fall in a condition's threshold is a harm: "the insecticide lindane, has been shown
 * to decrease seizure threshold to pentylenetrazol", "infusion of aminophylline resulted
 * in an even greater decrease in ventricular fibrillation threshold" (pubmed-10k: lindane
 * | reduces | seizure, aminophylline | reduces | ventricular fibrillation; the issue's
 * kind "the drug's own harm in toxicity studies credited as an outcome"). The condition
 * names a measure there, the dose or stimulus that brings it on, and lowering it brings
 * the condition nearer. A candidate is dropped when its condition is followed by
 * "threshold" (or "thresholds") and its trigger lowers (decrease, reduce, lower,
 * diminish, attenuate, inhibit, in any form).
 * Internal to claims/ (extract.c calls it on a sentence's candidates, before conflicts
 * are settled).
 */
#ifndef THX_THRESHOLD_H
#define THX_THRESHOLD_H

#include "match.h"

/* Drops m's candidates for sentence s[0..n) that lower their condition's threshold, as
 * above. */
void threshold_drop(match_ctx *m, const char *s, size_t n);

#endif
