/*
 * Lint: finds rules that are legal but risky in a loaded rule set (patterns without a
 * gate literal, wide gaps and unbounded regexes, short or ambiguous synonyms, a term
 * under two entries, duplicated patterns, untested {type+} lists, unreachable lexicon
 * entries, ungated regex synonyms). Read-only on the rule set; the warnings go to the
 * caller's diags list, which the caller owns and prints.
 */
#ifndef THX_LINT_H
#define THX_LINT_H

#include "rules.h"

/* lint_regex.c: true when regex re[0..n) holds a construct that repeats without bound
 * across a sentence: a repeat of anything (.* .+ \N+ [^x]*), a word-long repeat (\S+
 * \w*) that no {n,m} around it bounds, or a group repeated without bound over words
 * ((?:\w+\s)*). *at and *len locate the first. */
bool regex_unbounded(const char *re, size_t n, size_t *at, size_t *len);

/* lint_entries.c: warns of each lexicon entry declared again (same type and name)
 * without the id an earlier declaration has. Returns the number added, or -1. */
int lint_redeclared_entries(const thx_ruleset *rs, thx_diags *out);

/* lint_marks.c: turns the warnings of out->items[from..] that a #lint-ok mark covers
 * into THX_SEV_NOTE (counted in *marked) and adds a warning for each kind a mark names that is
 * unknown or covers nothing. 0, or -1 when out of memory. */
int lint_apply_marks(const thx_ruleset *rs, thx_diags *out, size_t from, size_t *marked);

#endif
