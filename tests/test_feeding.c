/*
 * A diet fed, or a loading diet, is an exposure, not a therapy (src/claims/feeding.c;
 * read 12 of pubmed-10k #31, "non-therapy as therapy: 'diet' of lambs"), on sentences of
 * pubmed-10k: evidence-inference PMC4093188 ("supplementation with vitamin E to the diet
 * of lambs increased Se and Zn levels in loin muscle"), PMC4414381 ("Feeding a
 * high-grain diet reduces the percentage of LPS clearance"), biored 27103577 ("A
 * high-fat diet increased cardiac PPARa expression"). Counter: a diet given as an
 * intervention keeps its claim (bc5cdr 18674790, "moderate diet restriction remarkably protects
 * against doxorubicin-induced cardiotoxicity").
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(feeding);

Test(feeding, a_diet_fed_or_loading_is_no_therapy)
{
    cr_expect_str_empty(therapy_claims(rs,
                                       "Inorganic Se and Zn supplementation with vitamin E "
                                       "to the diet of lambs increased Se and Zn levels in "
                                       "loin muscle (p<0.001) to 0.46 μg/g and 32.9 μg/g in "
                                       "fresh tissue, respectively.",
                                       "diet", false));
    cr_expect_str_empty(therapy_claims(rs,
                                       "Feeding a high-grain diet reduces the percentage of "
                                       "LPS clearance and enhances immune gene expression in "
                                       "goat liver",
                                       "diet", false));
    cr_expect_str_empty(therapy_claims(rs,
                                       "A high-fat diet increased cardiac PPARa expression, "
                                       "fatty acid oxidation, and UCP3 levels with decreased "
                                       "glycolysis.",
                                       "diet", false));
}

Test(feeding, a_diet_given_as_an_intervention_keeps_its_claim)
{
    cr_expect_not_null(strstr(therapy_claims(rs,
                                             "Recently, we have shown that moderate diet "
                                             "restriction remarkably protects against "
                                             "doxorubicin-induced cardiotoxicity.",
                                             "diet", false),
                              "cardiotoxicity"));
}
