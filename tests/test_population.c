/*
 * The people's condition yields to the claim's target (src/claims/population.c), with
 * the shipped rule pack, on real sentences of pubmed-10k: a condition right before the
 * people of a population cue describes them ("morbidly obese patients with pelvic
 * stones", semrep-gs308 15877828; "obese patients with type 2 diabetes", pubmedqa
 * 20011163; "obese and elderly women with type 2 diabetes", evidence-inference
 * PMC3603112), and a claim with no outcome of its own on the people's condition yields
 * to one on another condition ("Vitamin E reduces cardiovascular disease in individuals
 * with diabetes mellitus", biored 20415560; "whether acupuncture reduces dyspnea in
 * patients with lung or breast cancer", evidence-inference PMC1208905). Counters: an
 * outcome claim keeps the people's condition (PMC "In women with PCOS, metformin ...
 * increase pregnancy rates"), conditions listed together are all the people's
 * (evidence-inference PMC4354798, droxidopa), a disease model is the target (scientific-
 * claims 26416861, "a Murine Model of Oral Candidiasis"), a list after a comma is not
 * the people's condition (bc5cdr 17346443, "a Wilson disease patient with hepatic
 * presentation, anxiety"), and a population alone stays the condition (fallback.rules).
 * A condition named by its adjective before the people is theirs too ("in <neutropenic>
 * patients", bc5cdr 11868798; "among the <preeclamptic> patients", evidence-inference
 * PMC5018157), and stays the condition when the sentence names no other (bc5cdr
 * 1428568, "Eight <glaucomatous> patients chronically treated with timolol"); in a
 * sentence that names a harm the therapy is no treatment of theirs (bc5cdr 6454943,
 * "Proteinuria is a side effect of captopril treatment in <hypertensive> patients").
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(population);

Test(population, the_people_described_before_with_yield_to_their_condition)
{
    cr_expect_str_eq(conditions_for(rs, "CONCLUSION: We conclude that ESWL with the Siemens "
                                    "Lithostar-plus is the most effective and cost-efficient "
                                    "in morbidly obese patients with pelvic stones sized "
                                    "between 6 and 20 mm.",
                                    "shock wave therapy"),
                     "pelvic stones");
    cr_expect_str_eq(conditions_for(rs, "Bariatric surgery such as gastric bypass is emerging as "
                                    "a promising option in obese patients with type 2 "
                                    "diabetes.",
                                    "gastric bypass"),
                     "type 2 diabetes");
    cr_expect_str_eq(conditions_for(rs, "Effect of mild physical activity in obese and elderly "
                                    "women with type 2 diabetes",
                                    "physical therapy"),
                     "type 2 diabetes");
}

Test(population, a_claim_on_the_people_yields_to_its_target)
{
    cr_expect_str_eq(conditions_for(rs, "Vitamin E reduces cardiovascular disease in individuals "
                                    "with diabetes mellitus and the haptoglobin 2-2 genotype.",
                                    "vitamin E"),
                     "cardiovascular disease");
    cr_expect_str_eq(conditions_for(rs, "We conducted a pilot study (ISRCTN89462491) preparatory "
                                    "to a fully powered randomized, placebo-controlled trial "
                                    "to determine whether acupuncture reduces dyspnea in "
                                    "patients with lung or breast cancer.",
                                    "acupuncture"),
                     "dyspnea");
}

/* evidence-inference PMC4872285 (read 4 #20), PMC2699720 (read 4 #25's kind) */
Test(population, a_claim_left_on_the_people_takes_its_framed_target)
{
    cr_expect_str_eq(conditions_for(rs, "Heart failure outcomes with empagliflozin in patients "
                                    "with type 2 diabetes at high cardiovascular risk: "
                                    "results of the EMPA-REG OUTCOME trial.",
                                    "empagliflozin"),
                     "Heart failure");
    cr_expect_str_eq(conditions_for(rs, "To compare the effects of a 1-year intervention with a "
                                    "low-carbohydrate and a low-fat diet on weight loss and "
                                    "glycemic control in patients with type 2 diabetes.",
                                    "diet"),
                     "weight loss");
}

/* evidence-inference PMC4392900, PMC3669105: what a therapeutic noun acts on ("Prevention
 * of <Type 2 Diabetes>", "Treatment of <heart failure>") is the target, the people's
 * prediabetes or thalassemia their condition. Counter (read 5 #66's kind): a count of
 * events ("the incidence of <hypoglycaemia> in patients with T2D treated with
 * sitagliptin", PMC3253336) names a harm as often as a target: the people stay. */
Test(population, what_a_therapeutic_noun_acts_on_is_the_target)
{
    cr_expect_str_eq(conditions_for(rs, "Prevention of Type 2 Diabetes in Subjects With "
                                    "Prediabetes and Metabolic Syndrome Treated With "
                                    "Phentermine and Topiramate Extended Release",
                                    "phentermine"),
                     "Type 2 Diabetes");
    cr_expect_str_eq(conditions_for(rs, "Treatment of heart failure in adults with thalassemia "
                                    "major: response in patients randomised to deferoxamine "
                                    "with or without deferiprone",
                                    "deferoxamine"),
                     "heart failure");
    /* easyner-lund-autophagy 21525172, read 4: "regression of <renal angiomyolipomas>" */
    cr_expect_str_eq(conditions_for(rs, "CONCLUSIONS This study showed sustained regression of "
                                    "renal angiomyolipomas in patients with tuberous sclerosis "
                                    "or sporadic LAM receiving 2 years of sirolimus treatment.",
                                    "sirolimus"),
                     "renal angiomyolipomas");
    cr_expect_str_eq(conditions_for(rs, "To compare the incidence of symptomatic hypoglycaemia in "
                                    "fasting Muslim patients with type 2 diabetes treated with "
                                    "sitagliptin or a sulphonylurea during Ramadan.",
                                    "sitagliptin phosphate"),
                     "type 2 diabetes");
}

/* pubmedqa 20353735, easyner-lund-autophagy 24507694: a condition named right before a
 * word of people ("in <CKD> patients") is the people's too when the frame names a target
 * ("Treatment of <vitamin D deficiency>"); a condition coordinated with the people's
 * ("on <Overweight> and <Obese> Adults", evidence-inference PMC3611107) describes them
 * and is no other target */
Test(population, the_condition_before_people_yields_to_a_framed_target)
{
    cr_expect_str_eq(conditions_for(rs, "Treatment of vitamin D deficiency in CKD patients with "
                                    "ergocalciferol: are current K/DOQI treatment guidelines "
                                    "adequate?",
                                    "ergocalciferols"),
                     "vitamin D deficiency");
    cr_expect_str_eq(conditions_for(rs, "Surgical treatment of subependymal giant cell "
                                    "astrocytoma in tuberous sclerosis complex patients.",
                                    "surgery"),
                     "subependymal giant cell astrocytoma");
    cr_expect_str_eq(conditions_for(rs, "Effect of Lactobacillus gasseri BNR17 on Overweight and "
                                    "Obese Adults: A Randomized, Double-Blind Clinical Trial",
                                    "probiotics"),
                     "Overweight,Obese");
}

/* bc5cdr 1639466: a harm names no target. The class before the drug names the drug
 * ("the calcium channel blocker nitrendipine" is one mention, nitrendipine), so the
 * harm is the drug's, and the sentence that names the drug's harm gives it no claim:
 * neither the harmed organ nor, as with the plain "Adverse effect of nitrendipine on
 * ...", the people's condition. */
Test(population, a_harm_names_no_target)
{
    cr_expect_str_eq(conditions_for(rs, "Adverse effect of the calcium channel blocker "
                                    "nitrendipine on nephrosclerosis in rats with "
                                    "renovascular hypertension.",
                                    "nitrendipine"),
                     "");
    cr_expect_str_eq(conditions_for(rs, "Adverse effect of nitrendipine on nephrosclerosis "
                                    "in rats with renovascular hypertension.",
                                    "nitrendipine"),
                     "");
    /* The same sentence with a benefit word gives the claim: the empty results above
     * come from the harm, not from a side left untagged. */
    cr_expect_str_eq(conditions_for(rs, "Beneficial effect of nitrendipine on nephrosclerosis "
                                    "in rats with renovascular hypertension.",
                                    "nitrendipine"),
                     "nephrosclerosis");
}

Test(population, an_outcome_claim_keeps_the_people)
{
    cr_expect_str_eq(conditions_for(rs, "In women with PCOS, metformin co-treatment during IVF "
                                    "has been shown to increase pregnancy rates and reduce "
                                    "the risk of ovarian hyperstimulation syndrome (OHSS).",
                                    "metformin"),
                     "PCOS,ovarian hyperstimulation syndrome (OHSS)");
}

Test(population, conditions_listed_together_are_all_the_peoples)
{
    cr_expect_str_eq(conditions_for(rs, "Patients with symptomatic neurogenic orthostatic "
                                    "hypotension and Parkinson disease, multiple system "
                                    "atrophy, pure autonomic failure, or nondiabetic "
                                    "autonomic neuropathy underwent open-label droxidopa "
                                    "titration (100-600 mg, 3x daily).",
                                    "droxidopa"),
                     "orthostatic hypotension,Parkinson disease,multiple system "
                     "atrophy,pure autonomic failure,autonomic neuropathy");
}

Test(population, a_disease_model_is_the_target)
{
    cr_expect_str_eq(conditions_for(rs, "In Vitro Activity of Miltefosine against Candida "
                                    "albicans under Planktonic and Biofilm Growth Conditions "
                                    "and In Vivo Efficacy in a Murine Model of Oral "
                                    "Candidiasis.",
                                    "miltefosine"),
                     "Candida albicans,Oral Candidiasis");
}

Test(population, a_list_after_a_comma_describes_no_people)
{
    cr_expect_str_eq(conditions_for(rs, "Penicillamine-related lichenoid dermatitis and utility "
                                    "of zinc acetate in a Wilson disease patient with hepatic "
                                    "presentation, anxiety and SPECT abnormalities.",
                                    "zinc acetate"),
                     "Wilson disease");
}

Test(population, the_people_alone_stay_the_condition)
{
    cr_expect_str_eq(conditions_for(rs, "Omeprazole was administered to 48 patients with CAD in "
                                    "a randomized, placebo-controlled, crossover study "
                                    "design.",
                                    "omeprazole"),
                     "CAD");
}

Test(population, a_condition_named_by_its_adjective_before_the_people_is_theirs)
{
    cr_expect_str_eq(conditions_for(rs, "This study was designed to assess the ability of "
                                    "spironolactone to reduce potassium requirements and to "
                                    "prevent hypokalemia in neutropenic patients on AmB "
                                    "treatment.",
                                    "spironolactone"),
                     "hypokalemia");
    cr_expect_str_eq(conditions_for(rs, "The total doses of IV ephedrine for treating hypotension "
                                    "were significantly lower among the preeclamptic patients "
                                    "(3.2 mg in preeclamptic patients versus 7.6 mg in "
                                    "normotensive patients) (P = 0.02).",
                                    "ephedrine"),
                     "hypotension");
    cr_expect_str_eq(conditions_for(rs, "Eight glaucomatous patients chronically treated with "
                                    "timolol 0.5%/12h, suffering from depression diagnosed "
                                    "through DMS-III-R criteria, were included in the study.",
                                    "timolol"),
                     "glaucomatous");
}

Test(population, people_named_by_their_adjective_and_harmed_give_no_claim)
{
    cr_expect_str_eq(conditions_for(rs, "Proteinuria is a side effect of captopril treatment in "
                                    "hypertensive patients.",
                                    "captopril"),
                     "");
}

/* A therapy the people never had is an inclusion criterion, not the therapy studied
 * (bc5cdr 17954033, 11230490 of pubmed-10k). Counter: the therapy they had keeps its
 * claim. */
Test(population, a_therapy_the_people_never_had_gives_no_claim)
{
    cr_expect_str_eq(conditions_for(rs, "PATIENTS AND METHODS: A total of 77 chronic hepatitis B "
                                    "patients who had not been treated with lamivudine were "
                                    "included in the study.",
                                    "lamivudine"),
                     "");
    cr_expect_str_eq(conditions_for(rs, "Two hundred ninety-seven patients with MBC and no prior "
                                    "chemotherapy for metastatic disease were randomized.",
                                    "chemotherapy"),
                     "");
    cr_expect_str_eq(conditions_for(rs, "A total of 77 chronic hepatitis B patients who had been "
                                    "treated with lamivudine were included in the study.",
                                    "lamivudine"),
                     "chronic hepatitis B");
}

/* The therapy that fails the people is the base the studied one is added to (mline,
 * "Inadequately controlled T2D patients treated with insulin therapy were recruited";
 * evidence-inference PMC5289138). Counter: the therapy people are randomised to after
 * the failing one is studied (evidence-inference PMC3781502). */
Test(population, the_therapy_that_fails_the_people_gives_no_claim)
{
    cr_expect_str_eq(conditions_for(rs, "Inadequately controlled T2D patients treated with "
                                    "insulin therapy were recruited between June 2012 and "
                                    "April 2013.",
                                    "insulin"),
                     "");
    cr_expect_str_eq(conditions_for(rs, "Adults with diabetes inadequately controlled (HbA1c "
                                    "7-10%) with metformin were randomized to lixisenatide 20 "
                                    "ug once daily or exenatide 10 ug twice daily in a 24-week, "
                                    "open-label, parallel-group, multicenter study.",
                                    "lixisenatide"),
                     "diabetes");
}

/* A measure the therapy is studied on, between it and the people, is the target, not the
 * people's condition (reads 6 and 7 of pubmed-10k, "population condition as target":
 * evidence-inference PMC4360779, scientific-claims 25966207, bc5cdr 6229975). Counters:
 * a measure that is the condition's own ("on symptoms", bc5cdr of pubmed-10k, cisapride)
 * and no measure named at all keep the people's condition. */
Test(population, a_measure_studied_on_the_people_is_no_claim_on_their_condition)
{
    cr_expect_str_eq(conditions_for(rs, "A pilot study on the effect of cognitive training on "
                                    "BDNF serum levels in individuals with Parkinson's "
                                    "disease",
                                    "cognitive training"),
                     "");
    cr_expect_str_eq(conditions_for(rs, "Effect of ulinastatin on HMGB1 expression in rats with "
                                    "acute lung injury induced by sepsis.",
                                    "ulinastatin"),
                     "");
    cr_expect_str_eq(conditions_for(rs, "The effect of long-term timolol treatment on heart size "
                                    "after myocardial infarction was evaluated by X-ray in a "
                                    "double-blind study including 241 patients (placebo 126, "
                                    "timolol 115).",
                                    "timolol"),
                     "");
    cr_expect_str_eq(conditions_for(rs, "Effects of cisapride on symptoms and postcibal "
                                    "small-bowel motor function in patients with irritable "
                                    "bowel syndrome.",
                                    "cisapride"),
                     "irritable bowel syndrome");
    cr_expect_str_eq(conditions_for(rs, "Effect of ulinastatin in rats with acute lung injury "
                                    "induced by sepsis.",
                                    "ulinastatin"),
                     "acute lung injury");
}
