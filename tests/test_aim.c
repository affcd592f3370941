/*
 * A study verb whose object is an effect states an aim, not a finding
 * (src/claims/aim.c, aim_object; read 13 of pubmed-10k, "aim read as finding"), on
 * sentences of pubmed-10k: evidence-inference PMC4923578 ("Herein, we investigated the
 * antiinflammatory effects of pioglitazone (PIO) on circulating peripheral blood
 * mononuclear cells ...") and bc5cdr 11334364 ("This study assessed the ability of IH636
 * grape seed proanthocyanidin extract (GSPE) to prevent acetaminophen (AAP)-induced
 * nephrotoxicity ..."). Counters: a verb whose object is a measure (evidence-inference
 * PMC5864139, "We evaluated the incidence of acute pancreatitis ... in patients with type
 * 2 diabetes ... who were treated with sitagliptin") leaves the use alone, and a finding
 * reported after the aim ends it.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "claims/aim.h"
#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(aim);

Test(aim, a_study_verb_whose_object_is_an_effect_is_an_aim)
{
    cr_expect_str_eq(therapy_claims(rs,
                                    "Herein, we investigated the antiinflammatory effects "
                                    "of pioglitazone (PIO) on circulating peripheral blood "
                                    "mononuclear cells (MNCs) in patients after coronary "
                                    "DES implantation.",
                                    "pioglitazone (PIO)", false),
                     "studied for|");
    cr_expect_not_null(strstr(therapy_claims(rs,
                                             "This study assessed the ability of IH636 grape "
                                             "seed proanthocyanidin extract (GSPE) to "
                                             "prevent acetaminophen (AAP)-induced "
                                             "nephrotoxicity in mice.",
                                             "IH636 grape seed proanthocyanidin extract (GSPE)",
                                             false),
                              "studied for|"));
}

Test(aim, a_measure_as_object_or_a_finding_after_it_is_no_aim)
{
    const char *s = "We evaluated the incidence of acute pancreatitis and pancreatic cancer "
                    "in patients with type 2 diabetes and cardiovascular disease who were "
                    "treated with sitagliptin, a dipeptidyl peptidase-4 inhibitor (DPP-4i).";
    cr_expect_not(aim_object(s, strlen(s), (size_t)(strstr(s, "treated") - s)));
    const char *f = "We examined the effects of X on Y and found that X reduced Y.";
    cr_expect(aim_object(f, strlen(f), (size_t)(strstr(f, "on Y") - f)));
    cr_expect_not(aim_object(f, strlen(f), (size_t)(strstr(f, "reduced") - f)));
}
