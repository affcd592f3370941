/*
 * A class named as what a therapy is gives no claim of its own (src/claims/classof.c;
 * read 13 of pubmed-10k: bc5cdr 24209900, "Ifosfamide is an alkylating agent useful in
 * the treatment of ... sarcomas": the therapy is ifosfamide). Counter: the subject's
 * claim stays (bc5cdr 15565293, "Ethambutol is an antimycobacterial agent often used to
 * treat tuberculosis").
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(classof);

Test(classof, the_class_a_therapy_is_gives_no_claim)
{
    const char *s = "BACKGROUND: Ifosfamide is an alkylating agent useful in the treatment of a "
                    "wide range of cancers including sarcomas, lymphoma, gynecologic and "
                    "testicular cancers.";
    cr_expect_str_empty(therapy_claims(rs, s, "alkylating agent", false));
    cr_expect_not_null(strstr(therapy_claims(rs, s, "Ifosfamide", false), "treats|sarcomas"));
}

Test(classof, the_subject_keeps_its_claim)
{
    cr_expect_not_null(strstr(therapy_claims(rs,
                                             "Ethambutol is an antimycobacterial agent often "
                                             "used to treat tuberculosis.",
                                             "Ethambutol", false),
                              "treats|tuberculosis"));
}
