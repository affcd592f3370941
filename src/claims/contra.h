/*
 * A contraindication is a harm, not a study: "Application of SOCE agonists could thus
 * be a contraindication for TSC patients", "Ketamine has been historically
 * contraindicated for its use in head injury patients", "High-dose MP may be
 * contraindicated in patients with known heart disease" (read 12 of pubmed-10k, "harm":
 * SOCE agonists | studied for | TSC). A candidate is dropped when a word that starts
 * with "contraindicat" stands between its therapy and its condition (either order), or,
 * with no condition, within six words after its therapy in the same clause; unless one
 * of the three words before it denies it ("no contraindication to the use of ...
 * phenylephrine to treat", "unless contraindicated", "not contraindicated").
 * Internal to claims/ (extract.c calls it on a sentence's candidates, before conflicts
 * are settled).
 */
#ifndef THX_CONTRA_H
#define THX_CONTRA_H

#include "match.h"

/* Drops m's candidates for sentence s[0..n) whose therapy the sentence calls
 * contraindicated for their condition, as above. */
void contra_drop(match_ctx *m, const char *s, size_t n);

#endif
