/*
 * The treatment of a case report: in a report of one patient (its title or first
 * sentence: "case report", "a case of", "we report ...", "A 14-year-old girl ..."), a
 * sentence "the patient was treated with X" that names no condition says what the
 * patient's condition was treated with; that condition is the one the title is about,
 * the conditions it names before its first "in", "with", "induced by", "after" ...
 * ("Recurrent acute interstitial nephritis induced by azithromycin" -> "both were
 * treated with intensive corticosteroid therapy": corticosteroids | treats | acute
 * interstitial nephritis). Never a therapy the title names (the culprit of an adverse
 * reaction), the abstract names as a harm's cause or already pairs with a condition
 * (topic.h). The joined triple has "scope": "document", the title's sentence and the
 * treatment's in evidence. Internal to the extractor (extract.c).
 *
 * Ownership: a case_state owns its items (case_free); the joined triples own copies.
 */
#ifndef THX_CASEREPORT_H
#define THX_CASEREPORT_H

#include "topic.h"

/* A therapy a "was treated with" sentence names. */
typedef struct {
    thx_slot therapy;      /* as written there, its name and id */
    thx_slot effect;       /* "treated" */
    thx_evidence sentence; /* the sentence */
} case_item;

typedef struct case_state {
    bool report;       /* the title or first sentence reports one patient */
    bool seen_abstract; /* the abstract's first sentence has been read */
    case_item *items;
    size_t len, cap;
} case_state;

void case_free(case_state *c);

/* After a sentence (its triples out->items[mine..]): notes whether it opens a case
 * report, and the therapies of a "was treated with" sentence of one. 0 or -1 (out of
 * memory). */
int case_note_sentence(case_state *c, const sent_ctx *sc);

/* Appends the joined triples of the noted treatments (infos kept in step) after the
 * sentence triples out->items[first..]. 0 or THX_ENOMEM. */
int case_apply(thx_triples *out, size_t first, const thx_doc *doc, join_infos *infos,
               const case_state *c, const topic_state *topics);

#endif
