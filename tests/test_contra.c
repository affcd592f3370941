/*
 * A contraindication is a harm, not a study (src/claims/contra.c; read 12 of
 * pubmed-10k, "harm": "Application of SOCE agonists could thus be a contraindication for
 * TSC patients" -> studied for), on sentences of pubmed-10k: evidence-inference
 * PMC4056626 ("Ketamine has been historically contraindicated for its use in head injury
 * patients"). Counter: a denied contraindication ("there should be no contraindication
 * to the use of ... phenylephrine to treat hypotensive patients with tachycardia") keeps
 * its claim.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(contra);

Test(contra, a_therapy_contraindicated_in_a_condition_is_no_claim)
{
    cr_expect_str_empty(therapies_for(rs,
                                      "Ketamine has been historically contraindicated for "
                                      "its use in head injury patients, since an increase "
                                      "of intracranial pressure (ICP) was reported; "
                                      "nevertheless, its use was recently suggested in "
                                      "neurosurgical patients.",
                                      "head injury"));
}

Test(contra, a_denied_contraindication_keeps_the_claim)
{
    cr_expect_not_null(strstr(therapies_for(rs,
                                            "After delivery of the infant, there should be "
                                            "no contraindication to the use of an "
                                            "alpha-adrenergic vasopressor such as "
                                            "phenylephrine to treat hypotensive patients "
                                            "with tachycardia.",
                                            "tachycardia"),
                              "phenylephrine"));
}
