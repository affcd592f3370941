/*
 * A relational head takes its "of" complement into the effect label
 * (src/claims/complement.c; read 12 of pubmed-10k, "modifier read as predicate / cut
 * label": "Crocin reduced inhibition of ERK activation" -> "reduces inhibition"), on
 * sentences of pubmed-10k: bc5cdr 24132704 (Crocin), evidence-inference PMC4541185
 * ("The addition of clonidine to local anesthetic improves the quality of peripheral
 * nerve blocks"). Counter: a complement that runs into
 * a condition is left out whole (bc5cdr 9061777, "prevented development of
 * pilocarpine-induced behavioral seizure" keeps "prevents development").
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(complement);

Test(complement, a_relational_head_takes_its_of_phrase)
{
    cr_expect_not_null(strstr(therapy_claims(rs,
                                             "Crocin reduced inhibition of ERK activation and "
                                             "diazinon-induced hyperlipemia and increased "
                                             "levels of LDLr transcript.",
                                             "Crocin", false),
                              "reduces inhibition of erk activation|"));
    cr_expect_str_eq(therapy_claims(rs,
                                    "The addition of clonidine to local anesthetic improves "
                                    "the quality of peripheral nerve blocks.",
                                    "clonidine", false),
                     "improves quality of peripheral nerve blocks|");
}

Test(complement, a_complement_cut_by_a_condition_is_left_out)
{
    cr_expect_not_null(strstr(therapy_claims(rs,
                                             "Scopolamine (10 mg/kg) and pentobarbital (5 "
                                             "mg/kg) prevented development of "
                                             "pilocarpine-induced behavioral seizure but "
                                             "MK-801 (0.5 mg/kg) did not.",
                                             "Scopolamine", false),
                              "prevents development|"));
}
