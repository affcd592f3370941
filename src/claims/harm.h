/*
 * The harm guard, over one document's sentence triples: a claim that the document also
 * states as a harm is no therapy claim. A rule whose predicate is causal
 * (biolink:causes, biolink:contributes_to; the shipped pack's harms.rules: "cisplatin-
 * induced nephrotoxicity", "seizures caused by X") yields a harm triple; every other
 * triple of the document whose therapy and condition name the same pair (or a condition
 * whose name is the harm's with words before it, or the other way round: "vomiting" and
 * "cisplatin-induced nausea and vomiting") is dropped
 * ("Haloperidol-induced catalepsy ... attenuated the catalepsy" gives no
 * haloperidol-attenuates-catalepsy claim). Harm triples themselves are dropped too unless
 * the caller keeps them (THX_EXTRACT_HARMS). A claim whose effect moves an outcome the bad
 * way ("reduces survival", "reduces uterine blood flow", "increases mortality", and
 * "increases blood pressure" with no condition) is dropped too: it is no therapy claim,
 * nor a harm with a condition to name. Internal to claims/ (extract.c calls it).
 *
 * Ownership: dropped triples are freed here; the rest keep their order.
 */
#ifndef THX_HARM_H
#define THX_HARM_H

#include <stdbool.h>

#include "joins.h"

/* True for a causal predicate: the triple states a harm, not a benefit. */
bool harm_predicate(const char *predicate);

/* True when t states a harm: a causal predicate, not negated, with a condition. */
bool harm_stated(const thx_triple *t);

/* Two slots name the same thing: the same id where both have one, else the same
 * canonical name (ignoring case). */
bool harm_same_thing(const thx_slot *a, const thx_slot *b);

/* True when the effect label effect ("<verb> <object>"; written: the effect as written,
 * or NULL) moves its object the bad way:
 * a fall in an outcome of rs's `cues outcome-good` (survival, blood flow, eGFR, ...); a
 * rise in one of its `cues outcome-bad` (mortality, toxicity, time to recovery, ...) or
 * (has_condition false) in blood pressure. An object with a word that turns it round
 * ("impaired", "reduction") never. */
bool harm_outcome(const thx_ruleset *rs, const char *effect, const char *written,
                  bool has_condition);

/* Whether sentence s[0..n) names a harm: "adverse", "toxic", "harmful", "side effect",
 * "induced", "due to", "caused by", "cause of", "fatal" ("a side effect of captopril
 * treatment in hypertensive patients", "aplastic anemia due to carbamazepine treatment in
 * an epileptic woman"). */
bool harm_named(const char *s, size_t n);

/* Applies the guard to out->items[first..] and their join infos (one per triple, kept
 * in step). 0 or THX_ENOMEM (the triples are then left as they were). */
int harm_filter(const thx_ruleset *rs, thx_triples *out, size_t first, join_infos *infos,
                bool keep_harms);

#endif
