/*
 * The zero anaphor of a continuation (src/claims/zero.c), with the shipped rule pack, on
 * a real abstract of pubmed-10k (bc5cdr:18541230, antithrombin in puromycin
 * aminonucleoside nephrosis): "Puromycin aminonucleoside-induced renal dysfunction and
 * hyperlipidemia were also suppressed." has no agent; the sentence before says
 * antithrombin treatment attenuated the abnormalities, so each condition of the subject
 * is antithrombin's (coref). Its guards: a negated continuation, one whose sentence
 * before claims nothing the good way, and one whose only therapy is the harm's cause
 * ("puromycin aminonucleoside-induced") give nothing.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(zero);

static const char TITLE[] =
    "Protective effects of antithrombin on puromycin aminonucleoside nephrosis in rats.";
static const char TREATED[] = "Treatment with antithrombin attenuated the puromycin "
                              "aminonucleoside-induced hematological abnormalities. ";
static const char ALSO[] =
    "Puromycin aminonucleoside-induced renal dysfunction and hyperlipidemia were also "
    "suppressed.";

static const char *claims_of(const char *first, const char *second, const char *therapy)
{
    static char abstract[512];
    snprintf(abstract, sizeof abstract, "%s%s", first, second);
    return titled_claims(rs, TITLE, abstract, therapy);
}

Test(zero, the_continuation_takes_the_previous_therapy)
{
    cr_expect_str_eq(claims_of(TREATED, ALSO, "antithrombin"),
                     "protects against|nephrosis,attenuates|hematological abnormalities,"
                     "suppresses|renal dysfunction,suppresses|hyperlipidemia");
    thx_triples ts;
    char abstract[512];
    snprintf(abstract, sizeof abstract, "%s%s", TREATED, ALSO);
    extract_titled(rs, TITLE, abstract, &ts);
    size_t zero = 0;
    for (size_t i = 0; i < ts.len; i++)
        if (ts.items[i].sentence.sentence_index == 2) {
            zero++;
            cr_expect(ts.items[i].coref);
            cr_expect_eq(ts.items[i].nevidence, 1);
            cr_expect_eq(ts.items[i].evidence[0].sentence_index, 1);
        }
    cr_expect_eq(zero, 2);
    thx_triples_free(&ts);
}

Test(zero, a_negated_continuation_is_none)
{
    cr_expect_str_eq(claims_of(TREATED,
                               "Puromycin aminonucleoside-induced renal dysfunction and "
                               "hyperlipidemia were not suppressed.",
                               "antithrombin"),
                     "protects against|nephrosis,attenuates|hematological abnormalities");
}

Test(zero, no_good_claim_before_is_no_antecedent)
{
    /* the sentence before is about the model's harm, not about a therapy's benefit */
    cr_expect_str_eq(claims_of("Rats were given puromycin aminonucleoside to induce "
                               "nephrosis. ",
                               ALSO, "antithrombin"),
                     "protects against|nephrosis");
    cr_expect_str_eq(claims_of("Rats were given puromycin aminonucleoside to induce "
                               "nephrosis. ",
                               ALSO, "Puromycin"),
                     "");
}
