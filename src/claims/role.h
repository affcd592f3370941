/*
 * A drug class that describes a named drug is no subject of its own: in "Ethambutol is
 * an antimycobacterial agent often used to treat tuberculosis", "Bisoprolol fumarate is
 * a selective beta-1 receptor blocker that significantly reduced morbidity ... in CHF
 * patients", "Methylphenidate and modafinil are psychostimulants that are used to treat
 * ADHD", the claim is about the drug (read 6 of pubmed-10k, "wrong therapy span
 * (category/role word)": the class was taken). A candidate whose therapy is a drug class
 * (an entry tagged `drug-class`) right after a drug mention, past its parenthesis, and
 * "is a", "is an", "was a(n)" or "are" and at most three words of kind ("a widely
 * used", "a novel second-generation"), takes the drug; it is dropped when another
 * candidate already pairs the drug with the same condition (the drug's own claim). Never after "is the"
 * ("The main treatment for rectal carcinoma is surgery"). fold.c folds the comma
 * apposition (", an mTOR inhibitor,") and "as a <role>" before matching; the copula is
 * left to the rules that read it ("X is an mTOR inhibitor approved for Y") and settled
 * here. Internal to claims/ (extract.c calls it before the background therapies are
 * settled).
 */
#ifndef THX_ROLE_H
#define THX_ROLE_H

#include "match.h"

/* Moves m's candidates for sentence s[0..n) from a class to the drug it describes. */
void role_retarget(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n);

#endif
