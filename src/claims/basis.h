/*
 * The base therapy of a document: what every patient of the study had, the operation or
 * treatment that is its context, while the study is about another therapy ("The Effect
 * of Clofibrate on Decreasing Serum Bilirubin in Healthy Term Neonates under Home
 * Phototherapy" ... "All received home phototherapy"; "Subcutaneous versus intraarticular
 * closed suction indwelling drainage after total knee arthroplasty" ... "patients ... who
 * underwent unilateral TKA were enrolled"; "Honey Mitigates Radiation-Induced Oral
 * Mucositis" ... "patients with H & N cancer requiring curative radiotherapy"; read 12 of
 * pubmed-10k, "background therapy as subject"). A claim with the base therapy as subject
 * that only restates the setting (studied for it, or a claim whose sentence names it as
 * what the people had: "treated with", "requiring", "undergoing", "receiving" it) is no
 * claim of the study and is dropped. One that states the base therapy's own effect in
 * other words ("TKA is widely accepted treatment for ... osteoarthritis", "T reduced
 * pain") stays; so do the claims of a therapy the title or the first objective sentence
 * names as no base, or that the title names in the triple's words where the lexicon did
 * not ("... sorafenib resistance in hepatocellular carcinoma"), or that some sentence
 * names as an arm ("randomized to resistance training", "patients not undergoing
 * surgery", "tiotropium or salmeterol", background_comparator); and all claims of a
 * document whose title and objective study no other therapy named as one (not a kind:
 * "GERD laparoscopic surgery"). setting.h is the same guard within one sentence.
 * Internal to claims/ (extract.c notes every sentence and triple, then filters the
 * document's triples before its joins).
 *
 * Ownership: a basis_state owns its names, the title's copy and the indices
 * (basis_free).
 */
#ifndef THX_BASIS_H
#define THX_BASIS_H

#include "joins.h"
#include "triple.h"

typedef struct basis_state {
    str_vec base;         /* therapies some sentence names as the people's base (basis_frame) */
    str_vec title;        /* therapies the title names as no base: the study's own */
    char *title_text;     /* the title sentence */
    str_vec objective;    /* therapies an objective sentence names as no base */
    bool objective_read;  /* the first objective sentence is read */
    str_vec arms;         /* therapies some sentence names as an arm of the trial */
    size_t *framed;       /* indices (in the output) of triples whose therapy is named  */
    size_t nframed, cap;  /* in their own sentence as what the people had (or were given) */
} basis_state;

void basis_free(basis_state *b);

/* Whether therapy mention tm of sentence s[0..n) is named as the base of the people:
 * the object of a setting word (setting_of: "undergoing", "underwent", "on" after the
 * people ...; not "receiving", which names an arm as often); after
 * "during", "after", "following", "under", "requiring", "post-" (at most three words of
 * its own name between: "requiring curative radiotherapy", "under Home Phototherapy");
 * or what all of them received ("All received home phototherapy", "all patients
 * underwent TKA"). Not a cause ("Radiation-Induced"). */
bool basis_frame(const char *s, size_t n, const mention_vec *mv, int tm);

/* After a sentence: notes the therapies it names as a base or as an arm, and, for the
 * title or the first objective sentence, those it names as neither a base nor what the
 * people were given ("jaundice treated with home phototherapy"). 0 or -1 (out of
 * memory). */
int basis_note_sentence(basis_state *b, const sent_ctx *sc);

/* After triple t (index i in the output, its therapy mention tm of sentence sc, -1 for
 * an open slot) is built: notes whether its therapy is framed as a base, or as what the
 * people were "treated with" / "treated by"; and, in the title or an objective sentence,
 * its therapy as the study's own when it is no base (an open slot's too: "Honey
 * Mitigates Radiation-Induced Oral Mucositis"). 0 or -1 (out of memory). */
int basis_note_triple(basis_state *b, const sent_ctx *sc, int tm, const thx_triple *t,
                      size_t i);

/* Drops from out->items[first..] (infos kept in step, joins_drop) the triples whose
 * therapy is a base of the document and not the study's own (see above), while the title
 * or the objective studies another therapy, and whose claim only restates the setting:
 * studied for, or framed in its own sentence (basis_note_triple). Document-scope triples
 * are left. 0 or THX_ENOMEM. */
int basis_filter(thx_triples *out, size_t first, join_infos *infos, const basis_state *b);

#endif
