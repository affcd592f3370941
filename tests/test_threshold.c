/*
 * A fall in a condition's threshold is a harm, no therapy claim (src/claims/threshold.c),
 * on sentences of pubmed-10k: bc5cdr 2440413 ("the insecticide lindane, has been shown
 * to decrease seizure threshold"). Counter: a fall in the condition itself stays a claim
 * ("CYM2503 increased the latency to first electrographic seizure and decreased the
 * total time in seizure").
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(threshold);

Test(threshold, lowering_a_seizure_threshold_is_no_claim)
{
    cr_expect_str_empty(therapy_claims(rs,
                                       "Gamma-hexachlorocyclohexane (gamma-HCH), the active "
                                       "ingredient of the insecticide lindane, has been "
                                       "shown to decrease seizure threshold to "
                                       "pentylenetrazol (PTZ) 3 h after exposure to gamma-HCH "
                                       "and conversely increase threshold to PTZ-induced "
                                       "seizures 24 h after exposure to gamma-HCH (Vohland et "
                                       "al. 1981).",
                                       "lindane", false));
}

Test(threshold, lowering_the_condition_itself_stays_a_claim)
{
    cr_expect_not_null(strstr(therapy_claims(rs,
                                             "In a Li-pilocarpine seizure model in mice, "
                                             "CYM2503 increased the latency to first "
                                             "electrographic seizure and decreased the total "
                                             "time in seizure.",
                                             "CYM2503", false),
                              "reduces|seizure"));
}
