/*
 * A trial's result stated as the two arms' figures (rules/arms.rules, src/claims/arms.c),
 * with the shipped rule pack, on real sentences of pubmed-10k (pubmedqa 17606778;
 * evidence-inference PMC3713669, PMC2887326, PMC2995234, PMC5614421, PMC3714019): the
 * studied arm's percentage against the placebo arm's gives the label (lower -> reduces,
 * higher -> increases), p values of 0.05 or more or "similar in both groups" negate it,
 * and a harm that rises with the therapy gives no claim.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

#define CLAIMS(sentence, therapy) therapy_claims(rs, sentence, therapy, true)

SHIPPED_PACK_SUITE(arms);

Test(arms, lower_in_the_studied_arm_reduces)
{
    cr_expect_str_eq(CLAIMS("The prevalence of complex regional pain syndrome was 2.4% "
                            "(eight of 328) in the vitamin C group and 10.1% (ten of "
                            "ninety-nine) in the placebo group (p=0.002); all of the "
                            "affected patients were elderly women.",
                            "vitamin C"),
                     "reduces|complex regional pain syndrome|");
}

Test(arms, higher_in_the_studied_arm_increases)
{
    cr_expect_str_eq(CLAIMS("Complete response was obtained in 90% patients in the "
                            "betahistine group as compared to 66% in the placebo group.",
                            "betahistine"),
                     "increases complete response||");
}

Test(arms, a_p_value_of_005_or_more_negates)
{
    cr_expect_str_eq(CLAIMS("The prominent efficacy rate was 19% (7 of 37) in the "
                            "Hochu-ekki-to group and 5% (2 of 40) in the placebo group "
                            "(P = 0.06).",
                            "Hochu-ekki-to"),
                     "increases prominent efficacy rate||n");
}

Test(arms, similar_in_both_groups_negates)
{
    cr_expect_str_eq(CLAIMS("The incidence of respiratory distress syndrome was similar in "
                            "both study groups—10.5% (42/402) in the progesterone group and "
                            "10.6% (41/388) in the placebo group (adjusted relative risk "
                            "[RR] 0.98, 95% confidence interval [CI] 0.64–1.49, p = 0.912).",
                            "progesterone"),
                     "reduces|respiratory distress syndrome|n");
}

Test(arms, a_harm_that_rises_is_no_claim)
{
    cr_expect_str_eq(CLAIMS("The incidence of thrombotic events was 7% in the epoetin alfa "
                            "arm vs 3% in the control arm.",
                            "epoetin alfa"),
                     "");
}
