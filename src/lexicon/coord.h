/*
 * Coordinated condition heads (coord.c). Internal to lexicon/: tagger.c calls it once a
 * sentence's mentions are chosen.
 */
#ifndef THX_COORD_H
#define THX_COORD_H

#include "lexicon.h"

/* "predisposition to <breast> and <ovarian cancers>", "solid tumors, including
 * <colorectal>, <breast> and <head and neck cancers>", "a complication of <type 1> and
 * <type 2 diabetes>": a condition mention of two words or more whose modifier is
 * coordinated with others ("A(,) and|or|and/or M", "A, B(,) and M") shares its head
 * (the words after its first, or after its first few) with them. Each conjunct that
 * forms a listed condition term with the head (the trie, capitals as listed; not an
 * `as-written` shape) becomes a mention of that term, spanning the conjunct's own words.
 * A conjunct that overlaps a mention, or a span the lexicon ignores or hides, is none (a
 * condition of its own: "obesity and type 2 diabetes"); a listed multiword term is never
 * cut, as mentions are only added. The list is read right to left and ends at the first
 * item that forms no listed term, unless that item is one word between commas (up to
 * two such in a row: "colorectal, breast, pancreaticobiliary, gastric, renal cell and
 * head and neck cancers" reads on past "pancreaticobiliary"). r->mentions stays in text
 * order, without overlaps.
 * Returns 0 or -1 (out of memory). */
int coord_split(const lexicon *lx, const char *s, size_t n, const tag_scratch *sc,
                tag_result *r);

#endif
