/*
 * A participle after a determiner is its noun's modifier, not the predicate
 * (src/claims/modifier.c; read 10 of pubmed-10k, "the predicate is 'reverses';
 * 'increased' qualifies the object"), on sentences of pubmed-10k: bc5cdr 19940105
 * ("AMN082 reverses the increased reaction time"), evidence-inference PMC4190894 ("DEX
 * could reverse the reduced plasma concentrations of BDNF"). Counter: a participle that
 * names the result ("resulted in a reduced", "showed an improved") stays the predicate.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(modifier);

/* the effect labels of the sentence's triples, joined by "; " */
static const char *effects(const char *sentence)
{
    static char buf[1024];
    thx_triples ts;
    thx_triples_init(&ts);
    extract_abstract(rs, sentence, &ts);
    buf[0] = '\0';
    for (size_t i = 0; i < ts.len; i++) {
        if (i)
            strncat(buf, "; ", sizeof buf - strlen(buf) - 1);
        strncat(buf, ts.items[i].effect.norm, sizeof buf - strlen(buf) - 1);
    }
    thx_triples_free(&ts);
    return buf;
}

Test(modifier, a_participle_in_the_object_of_reversing_is_no_predicate)
{
    cr_expect_null(strstr(effects("In a more complex task commonly used to evaluate major "
                                  "akinetic symptoms of PD patients, 5 mg/kg AMN082 reverses "
                                  "the increased reaction time to respond to a cue of "
                                  "bilateral 6-OHDA-lesioned rats."),
                          "increases"));
    cr_expect_null(strstr(effects("An autoradiographic study was performed to evaluate the "
                                  "effect of aspirin on the increased cell proliferation "
                                  "induced by FANFT in the forestomach and bladder."),
                          "increases cell proliferation"));
}

Test(modifier, a_participle_that_names_the_result_stays_the_predicate)
{
    cr_expect_not_null(strstr(effects("Exercise training resulted in a reduced QT/RR slope "
                                      "in both genders."),
                              "reduces"));
    cr_expect_not_null(strstr(effects("Exercise training reduced the QT/RR slope in both "
                                      "genders."),
                              "reduces qt/rr slope"));
}

/* a participle that names the people's measure: evidence-inference PMC3743070 (read 13
 * of pubmed-10k, #56) */
Test(modifier, a_participle_in_the_people_phrase_is_no_trigger)
{
    const char *c = therapy_claims(rs,
                                   "Mineralocorticoid receptor antagonists (MRAs) improve "
                                   "outcomes in patients with heart failure and reduced left "
                                   "ventricular ejection fraction (HFrEF), but their use is "
                                   "limited by hyperkalaemia and/or worsening renal function "
                                   "(WRF).",
                                   "Mineralocorticoid receptor antagonists (MRAs)", false);
    cr_expect_not_null(strstr(c, "improves outcomes|heart failure"), "%s", c);
    cr_expect_null(strstr(c, "reduces"), "%s", c);
}
