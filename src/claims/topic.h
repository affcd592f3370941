/*
 * The title's condition (a `join` with `when title.condition`): an effect-only claim
 * ("PCC ... reduced the mean hemorrhagic blood volume", "Curcumin ... neuroprotective")
 * is a claim about the condition the abstract is about when its title names exactly one
 * ("... in a mouse model of warfarin-associated intracerebral hemorrhage"): the effect
 * is what the therapy did in that population (GUIDELINES: "improved sperm motility in
 * asthenozoospermia" -> improves sperm motility | asthenozoospermia). Only effects that
 * move the condition the good way take it (reduces, improves, prevents, restores,
 * "-protective" ...), never one of a therapy the abstract names as a cause of a harm,
 * nor one of a therapy the title itself names or the abstract pairs with a condition. The joined triple
 * has "scope": "document", the title's sentence and the effect's in evidence.
 * Internal to claims/ (extract.c calls it).
 *
 * Ownership: a topic_state owns its slots and sentences (topic_free); the joined
 * triples own copies.
 */
#ifndef THX_TOPIC_H
#define THX_TOPIC_H

#include "joins.h"
#include "triple.h"

/* A condition the title names. */
typedef struct {
    int entry;             /* its lexicon entry */
    thx_slot slot;         /* as written in the title, its name and id */
    thx_evidence sentence; /* the title sentence that names it */
} topic_item;

typedef struct topic_state {
    topic_item *items; /* the conditions the title names */
    size_t len, cap;
    str_vec therapies; /* the canonical names of the therapies it names */
    str_vec studied;   /* those of them that are no setting of its people (setting.h) */
} topic_state;

void topic_free(topic_state *t);

/* After a title sentence: remembers the conditions it names (none of an abstract's
 * sentence). 0 or -1 (out of memory). */
int topic_note_sentence(const sent_ctx *sc);

/* Appends, for each `title.condition` join of rs, the joined triples of the sentence
 * triples out->items[first..] (infos: one per triple, kept in step: a joined triple gets
 * its own). 0 or THX_ENOMEM. */
int topic_apply(thx_triples *out, size_t first, const thx_ruleset *rs, const thx_doc *doc,
                join_infos *infos, const topic_state *topics);

/* Whether out->items[first..end) pair therapy a->therapy with a condition (a negated
 * claim too) or name it as the cause of a harm: then another condition of the abstract is
 * not simply the one it was given for. */
bool topic_paired_or_harmful(const thx_triples *out, size_t first, size_t end,
                             const thx_triple *a);
/* Whether the title names therapy, or one of a combination's: then the title's condition
 * may be the therapy's harm ("ESRD after liver transplantation"). */
bool topic_in_title(const topic_state *topics, const thx_slot *therapy);

#endif
