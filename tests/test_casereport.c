/*
 * The treatment of a case report (src/claims/casereport.c), with the shipped rule pack,
 * on real abstracts of pubmed-10k: "Erythema multiforme and hypersensitivity myocarditis
 * caused by ampicillin" (bc5cdr:7919560), whose "The patient was treated with
 * methylprednisolone and gradually improved." names no condition: methylprednisolone
 * treats the two the title is about. The culprit the title names (ampicillin) and a
 * therapy whose sentence names its own condition ("gentamicin because of suspected
 * septicemia") join nothing; nor does a report whose first sentence reports no patient.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(casereport);

static const char TITLE[] =
    "Erythema multiforme and hypersensitivity myocarditis caused by ampicillin.";
static const char ABSTRACT[] =
    "OBJECTIVE: To report a case of erythema multiforme and hypersensitivity myocarditis "
    "caused by ampicillin. CASE SUMMARY: A 13-year-old boy was treated with ampicillin and "
    "gentamicin because of suspected septicemia. Medications were discontinued when erythema "
    "multiforme and congestive heart failure caused by myocarditis occurred. The patient was "
    "treated with methylprednisolone and gradually improved.";

Test(casereport, the_remedy_treats_the_reported_condition)
{
    cr_expect_str_eq(titled_claims(rs, TITLE, ABSTRACT, "methylprednisolone"),
                     "treats|Erythema multiforme,treats|hypersensitivity myocarditis");
    thx_triples ts;
    extract_titled(rs, TITLE, ABSTRACT, &ts);
    for (size_t i = 0; i < ts.len; i++)
        if (!strcmp(ts.items[i].therapy.text, "methylprednisolone")) {
            cr_expect(ts.items[i].doc_scope);
            cr_expect_eq(ts.items[i].nevidence, 2);
            cr_expect_eq(ts.items[i].evidence[0].sentence_index, 0); /* the title */
        }
    thx_triples_free(&ts);
}

Test(casereport, the_culprit_and_a_therapy_with_its_own_condition_join_nothing)
{
    cr_expect(!strstr(titled_claims(rs, TITLE, ABSTRACT, "ampicillin"), "treats|"));
    cr_expect(!strstr(titled_claims(rs, TITLE, ABSTRACT, "gentamicin"), "treats|Erythema"));
}

Test(casereport, no_report_of_a_patient_is_no_case)
{
    const char *abstract = "Medications were discontinued when erythema multiforme and "
                           "congestive heart failure caused by myocarditis occurred. The "
                           "patient was treated with methylprednisolone and gradually improved.";
    cr_expect_str_eq(titled_claims(rs, TITLE, abstract, "methylprednisolone"), "");
}

/* The sentence's banned words are whole words: "normal" holds no "no", "form" no "for"
 * (a prefix match dropped the treatment of this sentence). */
Test(casereport, a_banned_word_is_a_whole_word)
{
    const char *abstract = "OBJECTIVE: To report a case of erythema multiforme and "
                           "hypersensitivity myocarditis caused by ampicillin. The patient was "
                           "treated with methylprednisolone at a normal dose in oral form.";
    cr_expect_str_eq(titled_claims(rs, TITLE, abstract, "methylprednisolone"),
                     "treats|Erythema multiforme,treats|hypersensitivity myocarditis");
}
