/*
 * "the <hormone> analog <drug>" names the drug (src/claims/fold.c, fold_named_analog;
 * read 13 of pubmed-10k, "the therapy is the analog, not the hormone it mimics"), on
 * sentences of pubmed-10k: evidence-inference PMC4882374 ("Adjunctive mealtime use of the
 * amylin analog pramlintide improves postprandial hyperglycemia in patients with type 1
 * diabetes") and bc5cdr 8421099 ("... patients with active acromegaly treated with sc
 * injection of the somatostatin analog octreotide ...").
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(analog);

Test(analog, the_hormone_analog_drug_names_the_drug)
{
    const char *s = "Adjunctive mealtime use of the amylin analog pramlintide improves "
                    "postprandial hyperglycemia in patients with type 1 diabetes.";
    cr_expect_str_empty(therapy_claims(rs, s, "amylin", false));
    cr_expect_not_null(
        strstr(therapy_claims(rs, s, "amylin analog pramlintide", false), "improves|"));
    cr_expect_str_eq(therapies_for(rs,
                                   "Gallbladder function was examined in 20 patients with "
                                   "active acromegaly treated with sc injection of the "
                                   "somatostatin analog octreotide in dosages of 300-1500 "
                                   "micrograms/day.",
                                   "acromegaly"),
                     "octreotide");
}
