/*
 * Coreference: what an anaphor ("They", "this treatment", "this disease") or a pronoun
 * ("It") stands for. An abstract keeps the last therapy and the last condition named so
 * far, and the therapy the previous sentence opened with; a triple whose therapy or
 * condition slot is an anaphor takes its antecedent's slot (as written, where it stands,
 * its canonical name), coref: true, and the antecedent's sentence as evidence when that
 * is another sentence. Internal to the extractor (extract.c).
 *
 * Ownership: a coref_state owns its antecedents' strings (coref_free); the slots and
 * evidence it fills into a triple are copies the triple owns.
 */
#ifndef THX_COREF_H
#define THX_COREF_H

#include <stdbool.h>

#include "triple.h"

/* A mention that an anaphor may stand for, as a triple's slot would name it. */
typedef struct {
    int entry;             /* its lexicon entry; -1: none yet */
    thx_slot slot;         /* text, offsets (code points in its section), name, id */
    thx_evidence sentence; /* the sentence that names it */
} antecedent;

typedef struct coref_state {
    antecedent therapy;   /* the last therapy named so far */
    antecedent condition; /* the last condition named so far */
    antecedent subject;   /* the therapy the previous sentence opened with (pronouns) */
    antecedent arm;       /* the one therapy the title studies (an anaphor arm's) */
    bool arm_read;        /* the title or an objective sentence has named its therapies */
    /* the other conditions of condition's sentence, last named first, one per lexicon
     * entry and none of condition's: what a plural anaphor stands for besides it */
    antecedent *others;
    size_t nothers;
} coref_state;


void coref_init(coref_state *c);
void coref_free(coref_state *c);

/* Whether mention mi (or -1, MENTION_OPEN) is an anaphor or a pronoun. */
bool coref_is_anaphor(const sent_ctx *sc, int mi);
/* Whether anaphor mi stands for something: a pronoun must open its sentence and follow a
 * sentence that opened with a therapy; an anaphor needs a mention of its type before it
 * in the sentence or the abstract. */
bool coref_resolvable(const sent_ctx *sc, int mi);
/* Fills slot (of triple t) with what anaphor mi stands for, sets t->coref and adds the
 * antecedent's sentence to t->evidence when it is another one; *entry gets the
 * antecedent's lexicon entry. 0, or -1 when out of memory or nothing to stand for. */
int coref_fill(thx_triple *t, thx_slot *slot, const sent_ctx *sc, int mi, int *entry);
/* How many conditions condition anaphor mi stands for: a plural one ("these clinical
 * manifestations", "the skin symptoms") stands for every condition named before it in
 * its sentence, else for every condition of the last sentence that named one; any other
 * anaphor, or a mention that is none, stands for one. */
size_t coref_count(const sent_ctx *sc, int mi);
/* As coref_fill, for the k-th (from 0, k < coref_count) condition plural anaphor mi
 * stands for: 0 is coref_fill's, the last one named; the others follow back to the
 * first. */
int coref_fill_nth(thx_triple *t, thx_slot *slot, const sent_ctx *sc, int mi, size_t k,
                   int *entry);
/* After the title sentence: when the therapies it studies (studied: canonical names,
 * setting.h) are exactly one, and no placebo or control, remembers its mention as what an
 * anaphor arm ("the intervention group") of a trial's figures stands for (arms.c). Only
 * the title: the last therapy named before the arm is too often a hormone the trial
 * measured or the control arm. 0 or -1 (out of memory). */
int coref_note_title_arm(const sent_ctx *sc, const str_vec *studied);

/* After an abstract sentence: when neither the title nor an earlier objective sentence
 * named a studied therapy and this one states the objective (an objective cue: "Aim. To
 * determine one traditional Chinese medicine ..."), its therapies are read as the
 * title's would be (coref_note_title_arm). 0 or -1 (out of memory). */
int coref_note_objective_arm(const sent_ctx *sc);

/* Whether the title named the one therapy an anaphor arm stands for. */
bool coref_has_arm(const sent_ctx *sc);

/* As coref_fill, with the title's studied therapy (coref_note_title_arm). */
int coref_fill_arm(thx_triple *t, thx_slot *slot, const sent_ctx *sc, int *entry);

/* After a sentence: remembers the last therapy and condition it names and the therapy it
 * opens with. 0 or -1 (out of memory). */
int coref_note_sentence(const sent_ctx *sc);

#endif
