/*
 * A drug given side by side with a knockdown or a starvation is a probe of mechanism,
 * not a therapy (src/claims/probe.c; reads 7 to 12 of pubmed-10k, "non-therapy as
 * therapy: a tool compound used to show a pathway's role"), on sentences of pubmed-10k:
 * easyner-lund-autophagy 17028174 ("FLCN phosphorylation was diminished by rapamycin and
 * amino acid starvation") and 22696685 ("these changes were attenuated by pretreatment
 * with CsA or knockdown of REDD1"). Counter: two drugs joined by "and" (bc5cdr 9061777,
 * "Scopolamine ... and pentobarbital ... prevented development of pilocarpine-induced
 * behavioral seizure") keep their claims.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(probe);

Test(probe, a_drug_beside_a_starvation_or_a_knockdown_is_no_therapy)
{
    cr_expect_str_empty(therapy_claims(rs,
                                       "Moreover, FLCN phosphorylation was diminished by "
                                       "rapamycin and amino acid starvation and "
                                       "facilitated by FNIP1 overexpression, suggesting "
                                       "that FLCN may be regulated by mTOR and AMPK "
                                       "signaling.",
                                       "rapamycin", false));
    cr_expect_str_empty(therapy_claims(rs,
                                       "Treatment with PMA/Io increased expression of the "
                                       "goblet cell differentiation marker MUC2; these "
                                       "changes were attenuated by pretreatment with CsA or "
                                       "knockdown of REDD1 or NFATc3.",
                                       "CsA", false));
}

Test(probe, two_drugs_joined_keep_their_claims)
{
    cr_expect_not_null(strstr(therapy_claims(rs,
                                             "Scopolamine (10 mg/kg) and pentobarbital (5 "
                                             "mg/kg) prevented development of "
                                             "pilocarpine-induced behavioral seizure but "
                                             "MK-801 (0.5 mg/kg) did not.",
                                             "pentobarbital", false),
                              "prevents|seizure"));
}
