/*
 * A class named as what a therapy is ("Ifosfamide is an alkylating agent useful in the
 * treatment of a wide range of cancers including sarcomas": read 13 of pubmed-10k, the
 * therapy is ifosfamide, not the class): a candidate is dropped when its therapy comes
 * right after "is a", "is an", "was a" or "was an" that follows another therapy mention
 * right before the copula ("Cisapride, a ... substrate, is" is not this frame). The
 * subject's own claim is the one that sentence states.
 *
 * Internal to claims/ (extract.c calls it on a sentence's candidates, before conflicts
 * are settled).
 */
#ifndef THX_CLASSOF_H
#define THX_CLASSOF_H

#include "match.h"

/* Drops m's candidates for sentence s[0..n) whose therapy is the class a preceding
 * therapy is said to be, as above. */
void classof_drop(match_ctx *m, const char *s, size_t n);

#endif
