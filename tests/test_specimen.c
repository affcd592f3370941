/*
 * Cells studied, not given (src/claims/specimen.c), with the shipped rule pack, on real
 * sentences of pubmed-10k (read 5 #12, "non-therapy as therapy"): cells from the people
 * studied ("PBMCs of diabetic HD patients", evidence-inference PMC5801479; "the skin
 * fibroblasts of a patient with Alpers syndrome", biored 16181814) and cells of a
 * genotype ("Tsc1(-/-) mouse embryonic fibroblasts", easyner-lund-autophagy 16339216) are
 * what the study measures, never a claim's therapy. Counters: cells given ("treatment
 * with BMCs", bc5cdr 20080419) and cells named as the subject of a benefit with no
 * specimen cue ("Mesenchymal Stem Cells Attenuate Renal Fibrosis", the title of the
 * domain's kind) keep their claims.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(specimen);

/* How many triples of sentence name therapy (its canonical name). */
static size_t claims_of(const char *sentence, const char *therapy)
{
    thx_triples ts;
    extract_abstract(rs, sentence, &ts);
    size_t k = 0;
    for (size_t i = 0; i < ts.len; i++)
        k += !strcmp(ts.items[i].therapy.norm, therapy);
    thx_triples_free(&ts);
    return k;
}

Test(specimen, cells_of_the_people_studied_are_no_therapy)
{
    cr_expect_eq(claims_of("Gene expression of inflammatory cytokines and biomarkers of "
                           "oxidative stress were assessed in peripheral blood mononuclear "
                           "cells (PBMCs) of diabetic HD patients with RT-PCR method.",
                           "peripheral blood stem cells"),
                 0);
    cr_expect_eq(claims_of("We studied the skin fibroblasts of a patient with Alpers syndrome "
                           "having the genotype E873stop/A467T.",
                           "fibroblasts"),
                 0);
}

Test(specimen, cells_of_a_genotype_are_no_therapy)
{
    cr_expect_eq(claims_of("Finally, Tsc1(-/-) mouse embryonic fibroblasts (MEFs) have "
                           "increased number of centrosomes and increased DNA content, "
                           "compared to Tsc1(+/+) cells.",
                           "fibroblasts"),
                 0);
}

Test(specimen, cells_given_keep_their_claims)
{
    cr_expect_eq(claims_of("In conclusion, treatment with BMCs can prevent the development of "
                           "chronic seizures, reduce neuronal loss, and influence the "
                           "reorganization of the hippocampal neuronal network.",
                           "bone marrow mononuclear cells"),
                 2);
    cr_expect_eq(claims_of("Mesenchymal Stem Cells Attenuate Renal Fibrosis via "
                           "Exosomes-Mediated Delivery of microRNA Let-7i-5p Antagomir.",
                           "mesenchymal stem cells"),
                 1);
}

/* A gene ablated is no therapy given (mline "Genetic ablation of Sox2 from murine
 * medulloblastoma"; pubmed-10k easyner-lund-autophagy "via ablation of tuberous sclerosis
 * complex 1 (TSC1)", "Nrf2 ablation markedly improved DR"). Counter: an ablation of tissue
 * or of a condition is a procedure ("Ablation of persistent atrial fibrillation (AF)",
 * "Radiofrequency Ablation of Colorectal Liver Metastases"). */
Test(specimen, a_gene_ablated_is_no_therapy)
{
    cr_expect_eq(claims_of("Genetic ablation of Sox2 from murine medulloblastoma did not "
                           "affect survival, most likely due to a compensatory overexpression "
                           "of Sox3.",
                           "ablation"),
                 0);
    cr_expect_eq(claims_of("We found that also oligodendrocyte-specific overactivation of "
                           "mTORC1, via ablation of tuberous sclerosis complex 1 (TSC1), causes "
                           "hypomyelination characterized by downregulation of Akt signaling.",
                           "ablation"),
                 0);
    cr_expect_eq(claims_of("Ablation of p53 in Tsc1-deficient mice prevented acinar cell death "
                           "but promoted formation of cysts.",
                           "ablation"),
                 0);
}

Test(specimen, an_ablation_of_tissue_keeps_its_claims)
{
    cr_expect_eq(claims_of("Ablation of persistent atrial fibrillation (AF) may require "
                           "adjunctive methods of substrate modification.",
                           "ablation"),
                 1);
}
