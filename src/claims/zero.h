/*
 * The zero anaphor of a continuation: a sentence whose only claim is an agentless
 * passive about conditions ("Puromycin aminonucleoside-induced renal dysfunction and
 * hyperlipidemia were also suppressed.") that continues the sentence before
 * ("Treatment with antithrombin attenuated the ... hematological abnormalities.") says
 * what that sentence's therapy did: the therapy is the unwritten agent. Each condition
 * of its subject takes the previous sentence's therapy, coref: true, the previous
 * sentence in evidence. Guards: the sentence names no therapy of its own (but as a
 * harm's cause: "PAN-induced"), is not negated and names no control arm; the previous
 * sentence's claim moves something the good way and its therapy is no harm's cause in
 * the abstract. Internal to the extractor (extract.c).
 *
 * Ownership: the triples it appends to out are out's.
 */
#ifndef THX_ZERO_H
#define THX_ZERO_H

#include "triple.h"

/* After sentence sc's own triples (out->items[mine..]; none: mine == out->len), appends
 * its continuation triples, keeping sc->infos in step. 0 or THX_ENOMEM. */
int zero_continue(thx_triples *out, size_t mine, const sent_ctx *sc);

#endif
