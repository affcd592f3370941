/*
 * A therapy's name used for a measured quantity is no therapy (src/claims/measured.c;
 * read 13 of pubmed-10k, "non-therapy as therapy"), on sentences of pubmed-10k:
 * ncbi-disease 10541953 ("The observed increase in ventilation and inspiratory drive may
 * contribute to the improved activity level ...": ventilation breathed, not mechanical
 * ventilation) and evidence-inference PMC2741450 ("whether the daily use of pedometers
 * could increase physical activity and improve health outcomes": physical activity the
 * outcome). Counter: the drug given in a larger dose (evidence-inference, "aFXa levels
 * increased significantly with an increase in enoxaparin dose") keeps its claim.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(measured);

Test(measured, a_quantity_measured_or_changed_is_no_therapy)
{
    cr_expect_str_empty(therapy_claims(rs,
                                       "The observed increase in ventilation and "
                                       "inspiratory drive may contribute to the improved "
                                       "activity level reported by parents of PWS children "
                                       "during growth hormone therapy",
                                       "ventilation", false));
    cr_expect_str_empty(therapy_claims(rs,
                                       "This research evaluated whether the daily use of "
                                       "pedometers could increase physical activity and "
                                       "improve health outcomes in sedentary overweight "
                                       "and obese women.",
                                       "physical activity", false));
}

Test(measured, a_drug_given_in_a_larger_dose_keeps_its_claim)
{
    cr_expect_str_not_empty(therapy_claims(rs,
                                           "In the obese group, aFXa levels increased "
                                           "significantly with an increase in enoxaparin "
                                           "dose, from 0.13 IU/ml at 40 mg to 0.2 IU/ml at "
                                           "60 mg.",
                                           "enoxaparin", false));
}
