/*
 * A compared result is no study (src/claims/compared.c), with the shipped rule pack, on
 * real sentences of pubmed-10k (reads 14 and 15, "finding labelled studied for"): a
 * benefit in comparison gives `treats` ("significantly less in patients receiving ...
 * than those receiving saline", "significantly greater improvements were observed with
 * aclidinium versus placebo"), a denial gives `treats`, negated ("have no role in").
 * Counter: a methods sentence ("were randomized to receive") stays `studied for`.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

#define CLAIMS(sentence, therapy) therapy_claims(rs, sentence, therapy, true)

SHIPPED_PACK_SUITE(compared);

Test(compared, a_benefit_in_comparison_treats)
{
    cr_expect_str_eq(CLAIMS("The intensity of pain was significantly less in patients "
                            "receiving methylprednisolone and lignocaine than those "
                            "receiving saline (P < 0.012).",
                            "methylprednisolone"),
                     "treats|pain|");
    cr_expect_str_eq(CLAIMS("In the active-comparator study, significantly greater "
                            "improvements were observed with aclidinium versus placebo for "
                            "severity of morning cough (-0.19 vs -0.02; p<0.01).",
                            "aclidinium"),
                     "treats|cough|");
}

Test(compared, no_role_is_a_negated_treats)
{
    cr_expect_str_eq(CLAIMS("This study adds to a body of evidence suggesting that "
                            "corticosteroids have no role in the management of "
                            "bronchiolitis for young infants who are first time wheezers "
                            "with no risk of atopy.",
                            "corticosteroids"),
                     "treats|bronchiolitis|n");
}

Test(compared, a_method_stays_a_study)
{
    cr_expect_str_eq(CLAIMS("Twenty-four subjects with TRD and a 17-item Hamilton Rating "
                            "Scale for Depression greater than 21 were randomized to "
                            "receive tDCS or sham tDCS.",
                            "tDCS"),
                     "studied for|Depression|");
}

/* A comparator named ahead of the result keeps its label, and "not superior" is an equal
 * result, no denial (constructed counters of the review: no pubmed-10k sentence has these
 * shapes with a studied-for claim). */
Test(compared, a_comparator_before_the_result_and_not_superior_are_left_alone)
{
    cr_expect(!strstr(CLAIMS("Compared with morphine, ketamine gave significantly lower pain "
                             "scores in patients with cancer pain.",
                             "morphine"),
                      "treats|"));
    cr_expect(!strstr(CLAIMS("Individualized acupuncture was not superior to standardized "
                             "acupuncture for patients suffering from chronic pain.",
                             "acupuncture"),
                      "treats|"));
}
