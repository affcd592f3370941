/*
 * Cells studied, not given: cells are a therapy of the pack's domain (stem and stromal
 * cells, exosomes), yet a sentence names as often the cells a study measures (read 5
 * of pubmed-10k, "non-therapy as therapy": "IL-1 expression ... in PBMCs of diabetic HD
 * patients" -> PBMCs | treats | diabetic). A candidate whose therapy is a cell type (its
 * entry's name ends in "cells", "fibroblasts", "monocytes", "exosomes", ...; not a
 * "cell therapy", "transplantation" or "vaccine" entry) is dropped when the sentence
 * says the cells are a specimen and nothing says they are given:
 * - given: a word of giving in the mention or near it, in its clause (transplantation,
 *   infusion, injection, implantation, administration, delivery, therapy, treatment,
 *   engraftment, autologous, allogeneic, donor, received, given, use, ...: "treatment
 *   with BMCs", "Allogeneic Mesenchymal Stem Cells Ameliorate");
 * - a specimen: within the three words before it, in its clause, a genotype or state
 *   ("Tsc1(-/-) MEFs", "TSC2-deficient mouse embryo fibroblasts", "senescent", "patient
 *   fibroblasts") or "in" as the place of a measure ("IL-6 ... in PBMCs", "deletion of
 *   p53 in Lgr5-expressing intestinal stem cells"); or right after it "of", "from",
 *   "derived/isolated/obtained from" and, within five words, people or animals
 *   ("fibroblasts of a patient with Alpers syndrome", "monocytes isolated from
 *   ritonavir-treated females") or a condition ("stromal cells of endometrial polyps").
 * Nor is a gene ablated a therapy given (mline "Genetic ablation of Sox2 from murine
 * medulloblastoma"; pubmed-10k "via ablation of tuberous sclerosis complex 1 (TSC1)"): a
 * candidate whose therapy is a bare "ablation" is dropped when "genetic", "conditional",
 * "<cell>-specific" or a gene ("Nrf2 ablation") comes right before it, or "of" and a gene
 * ("of p53", "of PKCa"), "its" or a condition with a number ("of tuberous sclerosis
 * complex 1") right after it; an ablation of a condition or tissue is the procedure
 * ("Ablation of persistent atrial fibrillation").
 * Internal to claims/ (extract.c calls it before the background therapies are settled).
 */
#ifndef THX_SPECIMEN_H
#define THX_SPECIMEN_H

#include "match.h"

/* Drops m's candidates for sentence s[0..n) whose therapy is cells studied or a gene
 * ablated, as above. */
void specimen_drop(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n);

#endif
