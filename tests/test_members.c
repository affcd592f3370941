/*
 * A class named with its members shares its claim with them (src/claims/members.c),
 * with the shipped rule pack, on real sentences of pubmed-10k (BC5CDR 16225977 and
 * 19759529; easyner-lund-autophagy): "such as" lists, a parenthesis after the class and
 * one before it; a condition's members after "including" (BC5CDR 24209900).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(members);

Test(members, such_as_lists_share_the_claim)
{
    cr_expect_str_eq(therapies_for(rs, "Tic disorders can be effectively treated by atypical "
                                   "antipsychotics such as risperidone, olanzapine and "
                                   "ziprasidone.",
                                   "tic disorders"),
                     "antipsychotics,risperidone,olanzapine,ziprasidone");
}

Test(members, a_parenthesis_after_or_before_the_class)
{
    cr_expect_str_eq(therapies_for(rs, "The molecular connection between TSC and mTOR led to the "
                                   "clinical use of allosteric mTOR inhibitors (sirolimus and "
                                   "everolimus) for the treatment of TSC.",
                                   "tsc"),
                     "MTOR inhibitors,sirolimus,everolimus");
    cr_expect_str_eq(therapies_for(rs, "Importantly, both classical (haloperidol) and atypical "
                                   "(olanzapine, clozapine and aripiprazole) antipsychotics "
                                   "were effective in all these models of hyperactivity.",
                                   "hyperactivity"),
                     "haloperidol,olanzapine,clozapine,aripiprazole,antipsychotics");
}

/* a list that is not the class's members: "X and Y, such as ..." after a condition, or
 * a parenthesis that holds one abbreviation, adds no claim */
Test(members, no_members_no_copies)
{
    cr_expect_str_eq(therapies_for(rs, "Metformin (MET) improved insulin resistance in patients "
                                   "with polycystic ovary syndrome.",
                                   "insulin resistance"),
                     "metformin");
}

/* a condition named with its members ("a wide range of cancers including sarcomas,
 * lymphoma, ...") shares the claim with each of them */
Test(members, a_conditions_members_share_the_claim)
{
    cr_expect_str_eq(conditions_for(rs, "Ifosfamide is useful in the treatment of a wide range "
                                    "of cancers including sarcomas, lymphoma, gynecologic and "
                                    "testicular cancers.",
                                    "ifosfamide"),
                     "cancers,sarcomas,lymphoma");
}
