/*
 * The background therapy of an add-on: in "the addition of panitumumab to EOC
 * chemotherapy does not increase overall survival", "memantine added to stable donepezil
 * in patients with AD", "atorvastatin as add-on to interferon beta", the claim is about
 * the therapy added (panitumumab, memantine, atorvastatin); the one it is added to is the
 * base treatment of both arms and never the subject of the claim. A candidate whose
 * therapy is such a base treatment takes the added therapy instead, or is dropped when
 * the added one is no mention ("the addition of G to CT"). Nor is the comparator of a
 * comparison a subject ("Ramosetron was more effective than ondansetron for preventing
 * PONV", "superior to warfarin in preventing stroke"); an arm of "A versus X" or "A
 * compared with X" keeps only a studied-for claim. Internal to claims/
 * (extract.c calls it before conflicts are settled).
 */
#ifndef THX_BACKGROUND_H
#define THX_BACKGROUND_H

#include "match.h"

/* For therapy mention tm of mv in sentence s[0..n): -1 when it is no background therapy;
 * else the index of the therapy mention added to it, or -2 when the added one is named
 * by no mention. */
int background_addon(const char *s, size_t n, const mention_vec *mv, int tm);

/* Whether therapy mention tm of mv in sentence s is the base treatment another is
 * combined with ("X combined with / in combination with / together with / along with /
 * in conjunction with Y"), said by a word of its own ("standard", "background",
 * "second-line", "stable", ...: "CT-PFNECII combined with second-line chemotherapy") or
 * by the sentence coming back to it as the control ("... than Y alone", "Y
 * monotherapy"): the index of that other therapy, named before it, which the claim is
 * about; else -1 (an equal partner, "paclitaxel combined with carboplatin", keeps its
 * claims). */
int background_partner(const char *s, const mention_vec *mv, int tm);

/* Whether therapy mention tm of mv in sentence s is the base of both arms: the same
 * therapy comes back as an arm of its own, alone, against placebo or as the arm a
 * comparison names ("resveratrol with COC to COC with placebo", "PEG and lactulose versus
 * lactulose alone", "placebo + MTX ... golimumab + MTX", "capecitabine/docetaxel vs
 * docetaxel", "fotemustine and dacarbazine versus dacarbazine"), and tm is not that arm:
 * the index of the therapy added to it (joined to it in its arm), -2 when none is named;
 * -3 when tm is that arm of its own, which keeps a finding ("isoflavone alone did not
 * inhibit ...") but no studied-for claim (the trial studies the therapy added); -1 when
 * tm is neither. The same therapy: the same words, or one lexicon entry and the same
 * first word ("Exercises" ... "an Exercise Program"); an arm named by a comparison only,
 * or by its entry, counts when the other comes first, joined to another therapy; a
 * combination ("dorzolamide/timolol") is the same only in the same words. */
int background_both_arms(const char *s, const mention_vec *mv, int tm);

/* Whether therapy mention tm of mv in sentence s is the other arm of a comparison: 2 when
 * it is what another is measured against or replaces ("more effective than X",
 * "superior to X", "instead of X", "an alternative to X"), never a claim's subject; 1 when
 * it is an arm of "A versus X", "compared with X", which a trial studies but which has
 * none of the findings (2 when it is a group of "other" drugs: "vs. placebo or other
 * ACE-inhibitors"); 0 otherwise. */
int background_comparator(const char *s, const mention_vec *mv, int tm);

/* Applies background_addon to every candidate of m (its therapy moves to the added one,
 * or the candidate is dropped), and drops the candidates whose therapy is a comparator
 * (background_comparator 2, or 1 for any claim but studied_to_treat); the base of both
 * arms (background_both_arms) yields to the therapy added to it, and its own arm keeps
 * no studied-for claim nor one in an objective's scope (rs gives the cues' kinds). The
 * setting of the people studied is setting.h's. */
void background_retarget(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n);

#endif
