/*
 * Genetic counselling is no therapy (src/claims/counselling.c; read 12 of pubmed-10k
 * #56, "non-therapy: genetic counselling of families is not a treatment for ALD"), on
 * sentences of pubmed-10k: ncbi-disease 10364518 ("direct implications for genetic
 * counseling of Lowe syndrome families"). Counter: counselling given to patients keeps
 * its claim (evidence-inference, "confirm the effectiveness of counseling in elderly
 * patients with hip fracture").
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(counselling);

Test(counselling, genetic_counselling_of_families_is_no_therapy)
{
    cr_expect_str_empty(therapy_claims(rs,
                                       "This observation has direct implications for "
                                       "genetic counseling of Lowe syndrome families..",
                                       "counseling", false));
}

Test(counselling, counselling_given_to_patients_keeps_its_claim)
{
    cr_expect_str_eq(therapy_claims(rs,
                                    "Decreasing anxiety and depression levels, as well as "
                                    "more satisfying pain management, assessed by means of "
                                    "specific tests, confirm the effectiveness of "
                                    "counseling in elderly patients with hip fracture.",
                                    "counseling", false),
                     "treats|hip fracture");
}
