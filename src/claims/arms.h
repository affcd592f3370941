/*
 * A trial's result stated as the figures of its two arms ("The prevalence of complex
 * regional pain syndrome was 2.4% (eight of 328) in the vitamin C group and 10.1% (ten of
 * ninety-nine) in the placebo group (p=0.002)"): the rules of rules/arms.rules (ids
 * `arms.*`) label such a claim `reduces`, and the figures say whether the studied arm's
 * measure was lower or higher. Internal to claims/ (extract.c calls it).
 */
#ifndef THX_ARMS_H
#define THX_ARMS_H

#include "match.h"

/* For each candidate of an `arms.` rule in sentence s[0..n): the last percentage of its
 * match before the therapy mention is the studied arm's, the first after it the other
 * arm's. Lower: kept as the rule says. Higher: an outcome's label becomes `increases
 * {effect}`; a condition's claim (the condition rose with the therapy: a harm) is
 * dropped. Equal, or a figure missing: dropped. When the sentence gives p values and
 * every one is 0.05 or more ("P = 0.44", "p > 0.05"), the claim is negated (no
 * significant difference; GUIDELINES: negated), and so is one whose trigger is
 * "similar" or "comparable" ("was similar in both study groups (10.5% ... and 10.6%
 * ...)"). The studied arm must be named as one: one of the two words after its therapy
 * is "group", "arm", "cohort" or "recipients". */
void arms_direction(match_ctx *m, const char *s, size_t n);

/* Whether rule r reads a trial's arms by their figures (its id starts "arms."). */
bool arms_rule(const rule *r);

/* The value of the p values of s[0..n): 1 when there are some and all are 0.05 or
 * more, 0 when one is below (or "<" anything up to 0.05), -1 when there is none. */
int arms_not_significant(const char *s, size_t n);

#endif
