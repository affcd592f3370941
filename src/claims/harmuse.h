/*
 * A therapy's indication in a report of its harm (read 13 of pubmed-10k, "use/indication
 * labelled studied for"): a case report or a study of a therapy's side effect names what
 * the therapy was given for as its use, not as what the study tests ("Spironolactone-
 * induced renal insufficiency and hyperkalemia in patients with heart failure" ...
 * "METHODS: We performed a case control study of heart failure patients treated with
 * spironolactone": spironolactone | treats | heart failure; "... a 45-year-old woman who
 * was taking cisapride for gastroesophageal reflux disorder" in "Prolongation of the QT
 * interval related to cisapride-diltiazem interaction").
 *
 * A `studied for` claim with a condition becomes `treats` (biolink:treats) when the
 * document reports a harm of its therapy: a harm triple of the same therapy in the
 * document, or a title or its own sentence that names a harm of the therapy, the harm's
 * word right after the therapy ("X-induced", "X related", "X toxicity", "X-Y
 * interaction", "X with the complication of") or right before it ("complications
 * associated with ATRA therapy", "caused by X"); a harm of another agent ("crocin reduced
 * diazinon-induced hyperlipemia") is none of X's. Not
 * when its sentence names a trial or a study of efficacy ("A previous randomized
 * controlled trial evaluating the use of spironolactone in heart failure patients"):
 * that is what was tested; and not when a harm triple of the same therapy comes from the
 * same sentence: the harm guard reads those (harm.h: the disease treated is the
 * background of the harm). A claim whose pair is the harm's is the harm guard's too.
 *
 * Internal to claims/ (extract.c calls it before the harm guard). Triples are relabelled
 * in place; none are added or dropped.
 */
#ifndef THX_HARMUSE_H
#define THX_HARMUSE_H

#include <stddef.h>

#include "therex.h"

/* Relabels the indication claims of out->items[first..] (see above). 0 or THX_ENOMEM. */
int harm_use_apply(thx_triples *out, size_t first, const thx_doc *doc);

#endif
