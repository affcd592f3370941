/*
 * A finding after "X in patients with Y" is no study (src/claims/finding.c), with the
 * shipped rule pack, on real sentences of pubmed-10k (evidence-inference PMC4440276,
 * PMC5729494, PMC4069731; scientific-claims 25501057): the verb of result that follows
 * the people's condition gives the claim its label ("has considerable beneficial
 * effects" -> beneficial, "reduced plasma levels of lipids" -> reduces with its object,
 * "leads to", "resulted in" -> treats). Counters: an objective stays `studied for`
 * (evidence-inference PMC5614421, "to assess whether vaginal progesterone pessaries in
 * pregnant women with ... reduced the risk"), and so does a methods sentence with no
 * verb of result (fallback.rules, omeprazole).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

#define CLAIMS(sentence, therapy) therapy_claims(rs, sentence, therapy, false)

SHIPPED_PACK_SUITE(finding);

Test(finding, beneficial_effects_after_the_people)
{
    /* the abstract's first two sentences: the first defines MetS */
    cr_expect_str_eq(CLAIMS("Metabolic syndrome (MetS) is a clustering of cardiovascular "
                            "risk factors, which is associated with diabetes mellitus and "
                            "cardiovascular disease. "
                            "Lifestyle interventions applied to people with MetS has "
                            "considerable beneficial effects on disease preventive "
                            "outcomes.",
                            "Lifestyle interventions"),
                     "beneficial|MetS");
}

Test(finding, a_verb_of_result_with_its_object)
{
    cr_expect_str_eq(CLAIMS("An 8-week low-calorie diet, in individuals with obesity, "
                            "reduced plasma levels of lipids and the atherogenic marker "
                            "apoB.",
                            "low-calorie diet"),
                     "reduces plasma levels of lipids|obesity");
}

/* evidence-inference PMC5440538: the people described at length before "with" */
Test(finding, people_described_before_with)
{
    cr_expect_str_eq(CLAIMS("Oral paricalcitol in children aged 10-16 years with stages "
                            "3-5 CKD reduced iPTH levels and the treatment was well "
                            "tolerated.",
                            "paricalcitol"),
                     "reduces ipth levels|CKD");
}

Test(finding, leads_to_and_resulted_in_treat)
{
    cr_expect_str_eq(CLAIMS("Spironolactone in patients with resistant arterial "
                            "hypertension leads to a significant decrease of both SBP and "
                            "DBP and markedly improves BP control.",
                            "Spironolactone"),
                     "treats|hypertension");
    cr_expect_str_eq(CLAIMS("Our results showed that the use of Lactobacillus GG in "
                            "children with acute diarrhoea resulted in shorter duration "
                            "and faster improvement in stool consistency as compared to "
                            "the control group.",
                            "Lactobacillus"),
                     "treats|acute diarrhoea");
}

Test(finding, an_objective_stays_a_study)
{
    cr_expect_str_eq(CLAIMS("The aim of our trial was to assess whether vaginal "
                            "progesterone pessaries in pregnant women with a history of "
                            "previous spontaneous preterm birth reduced the risk and "
                            "severity of respiratory distress syndrome.",
                            "pessaries"),
                     "studied for|spontaneous preterm birth");
}

Test(finding, no_verb_of_result_stays_a_study)
{
    cr_expect_str_eq(CLAIMS("Omeprazole was administered to 48 patients with CAD in a "
                            "randomized, placebo-controlled, crossover study design.",
                            "Omeprazole"),
                     "studied for|CAD");
}

/* A sentence that opens with a study's aim states no finding, after the aim or in the
 * methods that serve it (src/claims/extract.c; read 6 of pubmed-10k #63, bc5cdr 1779253;
 * evidence-inference PMC4226329). Counter: a finding after another opening keeps its
 * label. */
Test(finding, a_sentence_opening_with_an_aim_states_no_finding)
{
    cr_expect_str_eq(CLAIMS("In order to evaluate the efficacy, time-course of action and "
                            "predictors of response to topical capsaicin, 39 patients with "
                            "chronic post-herpetic neuralgia (PHN), median duration 24 "
                            "months, were treated with 0.025% capsaicin cream for 8 weeks.",
                            "capsaicin"),
                     "studied for|post-herpetic neuralgia (PHN)");
    cr_expect_str_eq(CLAIMS("To test the efficacy and safety of osmotic release oral system "
                            "(OROS) methylphenidate (MPH) in doses up to 180 mg/day to treat "
                            "attention deficit hyperactivity disorder (ADHD).",
                            "methylphenidate (MPH)"),
                     "studied for|attention deficit hyperactivity disorder (ADHD)");
    cr_expect_str_eq(CLAIMS("In this trial, 39 patients with chronic post-herpetic neuralgia "
                            "(PHN) were treated with 0.025% capsaicin cream for 8 weeks.",
                            "capsaicin"),
                     "treats|post-herpetic neuralgia (PHN)");
}

/* A bare verb whose condition is its people's takes the object between them into its
 * label (finding_object; pubmed-10k: evidence-inference PMC4396730, bc5cdr 10539815,
 * PMC5697645; a made-up sentence of the same frame). Counter: a cut object ("macro-",
 * evidence-inference PMC4126761) leaves the verb bare. */
Test(finding, a_bare_verb_takes_its_object_before_the_people)
{
    cr_expect_str_eq(CLAIMS("Conclusion. In this 14-week trial, benefits of sulodexide in "
                            "preventing the increase of urinary TGF-beta1 were observed in "
                            "patients with normoalbuminuric type 2 diabetes.",
                            "sulodexide"),
                     "prevents increase of urinary tgf-beta1|type 2 diabetes");
    cr_expect_str_eq(CLAIMS("BACKGROUND: Although angiotensin-converting enzyme inhibitor "
                            "therapy reduces mortality rates in patients with congestive "
                            "heart failure (CHF), it may also cause decreased renal "
                            "function.",
                            "angiotensin-converting enzyme inhibitor"),
                     "reduces mortality rates|congestive heart failure (CHF)");
    cr_expect_str_eq(CLAIMS("In this 24-week study, once-daily evogliptin monotherapy "
                            "significantly improved glycaemic control and was well "
                            "tolerated in patients with T2D.",
                            "evogliptin"),
                     "improves glycaemic control|T2D");
}

Test(finding, a_cut_object_leaves_the_verb_bare)
{
    cr_expect_str_eq(CLAIMS("Pallidotomy improves motor symptoms in patients with "
                            "advanced Parkinson's disease.",
                            "Pallidotomy"),
                     "improves motor symptoms|Parkinson's disease");
    cr_expect_str_eq(CLAIMS("Antihypertensive drugs are used to control blood pressure "
                            "(BP) and reduce macro- and microvascular complications in "
                            "hypertensive patients with diabetes.",
                            "Antihypertensive drugs"),
                     "reduces|diabetes");
}

/* A negative result after the people keeps its verb and its negation (pubmed-10k:
 * evidence-inference PMC5057363, PMC3781990; read 8 #34). */
Test(finding, a_negated_verb_of_result_after_the_people)
{
    cr_expect_str_eq(CLAIMS("Despite clear biologic effects, adding atacicept to rituximab "
                            "in patients with active RA was not associated with clinical "
                            "benefit.",
                            "atacicept"),
                     "beneficial|RA");
    cr_expect_str_eq(CLAIMS("Consumption of pomegranate juice as an adjunct intervention in "
                            "men with advanced prostate cancer does not result in "
                            "significant PSA declines compared to placebo.",
                            "pomegranate juice"),
                     "treats|advanced prostate cancer");
    thx_triples ts;
    extract_abstract(rs, "Despite clear biologic effects, adding atacicept to rituximab in "
                         "patients with active RA was not associated with clinical benefit.",
                     &ts);
    bool negated = false;
    for (size_t i = 0; i < ts.len; i++)
        negated = negated || (!strcmp(ts.items[i].therapy.text, "atacicept") &&
                              ts.items[i].negated);
    thx_triples_free(&ts);
    cr_expect(negated, "the negation before the benefit negates the claim");
}

/* the people named by a compound of the condition: evidence-inference PMC3767244 (read
 * 13 of pubmed-10k, #54, "outcome dropped from the label") */
Test(finding, the_object_before_people_named_by_their_condition)
{
    cr_expect_not_null(strstr(CLAIMS("Moderate-Intensity Exercise Improves Body Composition "
                                     "and Improves Physiological Markers of Stress in "
                                     "HIV-Infected Men",
                                     "Exercise"),
                              "improves physiological markers of stress|HIV"));
}
