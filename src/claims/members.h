/*
 * The members a sentence names for a therapy (members.c). Internal to claims/:
 * extract.c calls it on a sentence's candidates before conflicts are settled.
 */
#ifndef THX_MEMBERS_H
#define THX_MEMBERS_H

#include "match.h"

/* "Tic disorders can be treated by <antipsychotics> such as <risperidone>, <olanzapine>
 * and <ziprasidone>", "atypical (<olanzapine>, <clozapine> and <aripiprazole>)
 * <antipsychotics> were effective in ...": each therapy that a candidate's therapy lists
 * as its members (after "such as", "including", "e.g.", "in particular", "namely", or in
 * a parenthesis right before or after it) gets a copy of the candidate's claim. The
 * listed therapy keeps its own. A condition's members after such a word ("the mainstay
 * of treatment for several solid tumors, including colorectal, breast and head and neck
 * cancers") get a copy in the same way. Appends to m->cands; 0, or -1 when out of
 * memory. */
int members_expand(match_ctx *m, const char *s, size_t n);

#endif
