/*
 * The claim's target over the people's condition (src/claims/target.c), with the shipped
 * rule pack, on real sentences of pubmed-10k (issue 10, read 12 "wrong condition"):
 * - an outcome claim on the people's condition yields to the condition its outcome is
 *   "of" (evidence-inference PMC2858204: "HBOT facilitates healing of chronic foot
 *   ulcers in selected patients with diabetes": foot ulcer, not diabetes);
 * - a bare claim on the people's condition hands it to the therapy's outcome claim
 *   (evidence-inference PMC4126761, read 12 #33: "Hypertensive patients with type 2
 *   diabetes mellitus treated with amlodipine exhibited an improved pattern ...": no
 *   "treats type 2 diabetes", the outcome claim on it instead; PMC5659064, "exercise
 *   training is effective in improving lower limb muscle strength ... in COPD patients");
 * - a condition term that names the people ("cirrhotic patients", evidence-inference
 *   PMC5498774) is the people's: the target named before them wins.
 * - a condition that names an operation ("cataract surgery") is not what a drug given
 *   for the operation is for (evidence-inference PMC4478821, "atracurium for cataract
 *   surgery in children"; PMC3640164, "spinal anesthesia in hallux valgus surgery"); the
 *   operation itself keeps it, and so does a drug timed around it ("before").
 * - an outcome claim with no condition takes the sentence's one condition when it names
 *   the people (PMC2447617, read 15 #33: "acute severe TBI patients with administration of
 *   progesterone hold improved neurologic outcomes").
 * Counter: an outcome not named by "of" before the people keeps them (PMC5578640,
 * "could improve pain management, quality of life (QoL) and decrease infections in
 * palliative cancer patients": the aim stays studied for cancer).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(target);

Test(target, an_outcome_of_a_condition_wins_over_the_people)
{
    cr_expect_str_eq(therapy_claims(rs, "The HODFU study showed that adjunctive treatment with "
                                        "HBOT facilitates healing of chronic foot ulcers in "
                                        "selected patients with diabetes.",
                                    "HBOT", false),
                     "heals|foot ulcers");
}

Test(target, a_bare_claim_on_the_people_hands_them_to_the_outcome)
{
    cr_expect_str_eq(therapy_claims(rs, "Hypertensive patients with type 2 diabetes mellitus "
                                        "treated with amlodipine exhibited an improved pattern "
                                        "of pulse wave reflection in comparison with those "
                                        "treated with losartan.",
                                    "amlodipine", false),
                     "improves pattern|type 2 diabetes mellitus");
    cr_expect_str_eq(therapy_claims(rs, "High intensity exercise training is effective in "
                                        "improving lower limb muscle strength and exercise "
                                        "performance in COPD patients with low muscle mass and "
                                        "moderate airflow obstruction.",
                                    "exercise training", false),
                     "improves lower limb muscle strength|COPD");
}

Test(target, a_term_that_names_the_people_is_theirs)
{
    cr_expect_str_eq(conditions_for(rs, "A cost analysis of a broad-spectrum antibiotic therapy "
                                        "in the empirical treatment of health care-associated "
                                        "infections in cirrhotic patients",
                                    "antibiotics"),
                     "health care-associated infections");
}

Test(target, an_aim_keeps_the_people_when_no_outcome_is_of_a_condition)
{
    cr_expect_str_eq(conditions_for(rs, "The aim of this case-controlled study was to "
                                        "investigate if vitamin D supplementation could improve "
                                        "pain management, quality of life (QoL) and decrease "
                                        "infections in palliative cancer patients.",
                                    "vitamin D"),
                     "pain,infections,cancer");
}

Test(target, a_drug_for_an_operation_is_not_for_its_condition)
{
    cr_expect_str_eq(conditions_for(rs, "Evaluation of minimal dose of atracurium for cataract "
                                        "surgery in children: A prospective randomized "
                                        "double-blind study",
                                    "atracurium"),
                     "");
    cr_expect_str_eq(conditions_for(rs, "Popliteal sciatic nerve block versus spinal anesthesia "
                                        "in hallux valgus surgery",
                                    "spinal anesthesia"),
                     "");
    cr_expect_str_eq(conditions_for(rs, "Does the sequence of clamp application during open "
                                        "abdominal aortic aneurysm surgery influence distal "
                                        "embolisation?",
                                    "surgery"),
                     "abdominal aortic aneurysm");
}

/* evidence-inference PMC2447617 (read 15 #33 of pubmed-10k): the sentence's one condition
 * names the people, and the outcome claim with none takes it */
Test(target, an_outcome_takes_the_sole_condition_of_the_people)
{
    cr_expect_str_eq(therapy_claims(rs, "Our data suggest that acute severe TBI patients with "
                                        "administration of progesterone hold improved "
                                        "neurologic outcomes for up to 6 months.",
                                    "progesterone", false),
                     "improves neurologic outcomes|TBI");
}
