/*
 * A class or role word that describes a named therapy is no therapy of its own
 * (src/claims/fold.c, fold_class_apposition; read 6 of pubmed-10k, "wrong therapy span
 * (category/role word)"): after the copula ("Ethambutol is an antimycobacterial agent
 * often used to treat tuberculosis", bc5cdr 11185917-like sentences of pubmed-10k;
 * "Bilastine is a novel second-generation antihistamine for the symptomatic treatment of
 * allergic rhinitis", pubmed-10k) the claim names the drug, not its class. Counter: a
 * therapy after "is the" names the treatment itself ("The main treatment for rectal
 * carcinoma is surgery") and keeps its claim.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(role);

Test(role, the_class_after_the_copula_names_the_drug)
{
    cr_expect_str_eq(therapies_for(rs, "Ethambutol is an antimycobacterial agent often used "
                                       "to treat tuberculosis.",
                                   "tuberculosis"),
                     "ethambutol");
    cr_expect_str_eq(therapies_for(rs, "Sulfasalazine is a widely used anti-inflammatory agent "
                                       "in the treatment of inflammatory bowel disease.",
                                   "inflammatory bowel disease"),
                     "sulfasalazine");
}

Test(role, the_treatment_named_after_the_copula_keeps_its_claim)
{
    cr_expect_str_eq(therapies_for(rs, "The main treatment for rectal carcinoma is surgery.",
                                   "rectal carcinoma"),
                     "surgery");
}

/* pubmed-10k (evidence-inference PMC3094237, PMC5818014): a description in apposition
 * that a preposition follows folds into the drug; before a verb it is left alone */
Test(role, a_description_in_apposition_before_a_preposition_folds_into_the_drug)
{
    cr_expect_str_eq(therapies_for(rs, "The study was designed to investigate the benefit of "
                                       "L-lysine, an amino acid that interferes with NO "
                                       "production, as an add-on treatment for schizophrenia.",
                                   "schizophrenia"),
                     "L-lysine");
    cr_expect_str_eq(therapies_for(rs, "To examine the safety and tolerability as well as the "
                                       "preliminary efficacy of arimoclomol, a heat shock "
                                       "protein co-inducer that promotes nascent protein "
                                       "folding, in patients with rapidly progressive SOD1 "
                                       "amyotrophic lateral sclerosis (ALS).",
                                   "amyotrophic lateral sclerosis"),
                     "arimoclomol");
}
