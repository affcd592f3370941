/*
 * The base therapy of a document gives no claim that only restates the setting when the
 * study is about another therapy (src/claims/basis.c), with the shipped rule pack, on
 * real abstracts of pubmed-10k (read 12, "background therapy as subject"): home
 * phototherapy, which every neonate of a clofibrate trial received (evidence-inference
 * PMC3446002); total knee arthroplasty, after which two drainage methods are compared
 * (PMC4759876; its background sentence "TKA is widely accepted treatment for ...
 * osteoarthritis" keeps its claim); and curative radiotherapy, which the patients of a
 * honey trial required (PMC5615289: the title's subject is an open slot). A document
 * that studies the base therapy keeps its claims (the title names no other therapy), and
 * so does a base therapy named as an arm elsewhere ("randomized to resistance training",
 * PMC1475428).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(basis);

/* "effect|condition" of each triple of therapy (as written) in a document of this
 * title and abstract (support.h). */
static const char *doc_claims(const char *title, const char *abstract, const char *therapy)
{
    return titled_claims(rs, title, abstract, therapy);
}

static const char CLOFIBRATE_TITLE[] =
    "The Effect of Clofibrate on Decreasing Serum Bilirubin in Healthy Term Neonates under "
    "Home Phototherapy";
static const char CLOFIBRATE[] =
    "This study was designed to determine the effect of clofibrate on neonatal uncomplicated "
    "jaundice treated with home phototherapy. This clinical trial study was performed on 60 "
    "newborns with jaundice that received home phototherapy. The neonates were randomly "
    "divided into two groups. All received home phototherapy. Group I received a single dose "
    "of 50 mg/kg clofibrate and the other group served as control group.";

Test(basis, what_every_patient_received_is_no_claim)
{
    cr_expect_str_eq(doc_claims(CLOFIBRATE_TITLE, CLOFIBRATE, "phototherapy"), "");
    /* the studied drug keeps its objective */
    cr_expect_str_eq(doc_claims(CLOFIBRATE_TITLE, CLOFIBRATE, "clofibrate"),
                     "studied for|jaundice");
}

Test(basis, a_study_of_the_base_keeps_its_claims)
{
    /* the same sentences, in a document whose title studies phototherapy itself */
    cr_expect_str_eq(doc_claims("Home phototherapy for neonatal jaundice", CLOFIBRATE,
                                "phototherapy"),
                     "studied for|neonatal jaundice,studied for|jaundice,studied for|jaundice");
}

Test(basis, the_operation_of_every_arm_keeps_a_statement_of_its_own)
{
    const char *title = "Subcutaneous versus intraarticular closed suction indwelling drainage "
                        "after total knee arthroplasty: A randomised control trial";
    const char *abstract =
        "Total knee arthroplasty (TKA) is widely accepted treatment for moderate or severe "
        "osteoarthritis and rheumatoid arthritis. One hundred and sixty patients with primary "
        "osteoarthritis who underwent unilateral TKA were enrolled; group A with subcutaneous "
        "(n = 78) and group B with intraarticular (n = 79) indwelling closed suction drainage "
        "method.";
    cr_expect_str_eq(doc_claims(title, abstract, "Total knee arthroplasty (TKA)"),
                     "treats|osteoarthritis,treats|rheumatoid arthritis");
    cr_expect_str_eq(doc_claims(title, abstract, "TKA"), ""); /* "who underwent unilateral TKA" */
}

Test(basis, the_treatment_the_people_required)
{
    const char *title = "Honey Mitigates Radiation-Induced Oral Mucositis in Head and Neck "
                        "Cancer Patients without Affecting the Tumor Response";
    const char *abstract =
        "The objective of this study was to understand the efficacy of honey in mitigating "
        "radiation-induced mucositis and whether it would interfere with tumor control. This "
        "was a single-blinded, randomized, controlled study and was carried out in patients "
        "with H & N cancer requiring curative radiotherapy (>62 Gy (Gray)).";
    cr_expect_str_eq(doc_claims(title, abstract, "radiotherapy"), "");
}

Test(basis, an_arm_is_no_base)
{
    const char *title = "Skeletal muscle sodium glucose co-transporters in older adults with "
                        "type 2 diabetes undergoing resistance training";
    const char *abstract =
        "We examined the expression of the sodium-dependent glucose co-transporter system "
        "(hSGLT3) in skeletal muscle of Hispanic older adults with type 2 diabetes. Subjects "
        "(65\xc2\xb1" "8 yr) were randomized to resistance training (3x/wk, n=13) or standard of "
        "care (controls, n=5) for 16 weeks.";
    cr_expect_neq(strlen(doc_claims(title, abstract, "resistance training")), 0);
}
