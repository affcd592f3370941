/*
 * Folding mentions into one another before matching (fold.c). Internal to claims/:
 * match.c calls these while it builds the masked sentence. Each widens or renames a
 * mention of m->tags in place; note_abbreviation and fold_combination may allocate
 * (they return -1 when out of memory).
 */
#ifndef THX_FOLD_H
#define THX_FOLD_H

#include "match.h"

/* Whether mention me's lexicon entry carries tag; whether it is a drug: a therapy that is
 * no drug class (tag `drug-class`) and no anaphor. role.c asks the same. */
bool mention_has_tag(const lexicon *lx, const mention *me, const char *tag);
bool mention_is_drug(const lexicon *lx, const mention *me);

void fold_salt(match_ctx *m, const char *s, size_t n, size_t i);
void adopt_listed_name(match_ctx *m, const lexicon *lx, size_t i);
size_t folded_paren(const char *s, size_t n, size_t at, const mention_vec *mv, size_t i,
                    size_t *open);
size_t open_defined_end(const char *s, size_t n, size_t end);
int note_abbreviation(match_ctx *m, const lexicon *lx, const char *s, mention *me,
                      size_t open, size_t fold, bool known);
int fold_administered(match_ctx *m, const lexicon *lx, const char *s, size_t i, size_t at);
void fold_class_before(match_ctx *m, const lexicon *lx, const char *s, size_t i);
void fold_named_analog(match_ctx *m, const lexicon *lx, const char *s, size_t i);
size_t fold_class_apposition(const match_ctx *m, const lexicon *lx, const char *s,
                             size_t n, size_t i, size_t at);
size_t fold_description(const match_ctx *m, const lexicon *lx, const char *s, size_t n,
                        size_t i, size_t at);
int fold_combination(match_ctx *m, const lexicon *lx, const char *s, size_t n,
                     size_t i, size_t *at);

#endif
