/*
 * The background therapy of an add-on yields to the therapy added to it
 * (src/claims/background.c), with the shipped rule pack, on real sentences of pubmed-10k
 * (evidence-inference PMC5725027, PMC3907426, PMC4224669, PMC3724383): "the addition of X
 * to Y", "X added to Y", "X as add-on to Y", and "adding <no mention> to Y", which
 * drops Y's claim. A "from X to Y" switch is no add-on. The comparator of a comparison
 * (PMC4124476, PMC3798206, PMC5762965) is no subject: "more effective than X",
 * "superior to X" give X no claim; "A versus X" keeps X as a studied arm only, unless X is
 * a group of "other" drugs (PMC4218766, "vs. placebo or other ACE-inhibitors"). The
 * setting of the people studied (PMC5101425; easyner-lund-autophagy 18547304) is no
 * subject when the sentence is about a therapy named before it; with none before it
 * (evidence-inference, "patients undergoing elective aortic valve replacement for aortic
 * stenosis") it keeps its claim. A partner named as the base treatment ("combined with
 * second-line chemotherapy", PMC4101294) yields to the therapy combined with it; an equal
 * partner (bc5cdr, "Paclitaxel ... was combined with carboplatin") keeps its claim. The
 * base of both arms ("resveratrol with COC to COC with placebo", PMC5686687; "X and
 * Lactulose versus Lactulose Alone", PMC5308129) yields to the therapy added to it; the
 * arm that gives it alone keeps only a finding (PMC3432828, "isoflavone alone did not
 * inhibit").
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(background);

Test(background, addition_of_x_to_y_claims_x)
{
    cr_expect_str_eq(therapies_for(rs, "The addition of dexmedetomidine to PCA enhanced "
                                   "patient-centered recovery, reduced pain and adverse "
                                   "effect, and improved patient satisfaction after "
                                   "laparotomy surgery.",
                                   "pain"),
                     "dexmedetomidine");
}

Test(background, x_added_to_y_claims_x)
{
    cr_expect_str_eq(therapies_for(rs, "Atorvastatin Added to Interferon Beta for Relapsing "
                                   "Multiple Sclerosis: 12-Month Treatment Extension of the "
                                   "Randomized Multicenter SWABIMS Trial",
                                   "multiple sclerosis"),
                     "atorvastatin");
}

Test(background, x_as_add_on_to_y_claims_x)
{
    cr_expect_str_eq(therapies_for(rs, "Lithium as add-on to quetiapine XR in adult patients "
                                   "with acute mania: a 6-week, multicenter, double-blind, "
                                   "randomized, placebo-controlled study",
                                   "mania"),
                     "lithium");
}

Test(background, an_unnamed_addition_drops_the_base)
{
    cr_expect_str_eq(therapies_for(rs, "We evaluated effects of adding a prebiotic formula to "
                                   "mineral oil in the treatment of functional constipation "
                                   "in children.",
                                   "constipation"),
                     "");
}

Test(background, a_switch_is_no_addition)
{
    cr_expect_str_eq(therapies_for(rs, "Conversion from tacrolimus to sirolimus reduced "
                                   "proteinuria in kidney transplant recipients with "
                                   "chronic allograft nephropathy.",
                                   "proteinuria"),
                     "sirolimus");
}

Test(background, the_comparator_of_than_is_no_subject)
{
    cr_expect_str_eq(therapies_for(rs, "Ramosetron at 0.3 mg was more effective than ondansetron "
                                   "at 4 or 8 mg for preventing PONV in adult craniotomy "
                                   "patients.",
                                   "nausea and vomiting"),
                     "ramosetron");
}

Test(background, the_comparator_of_superior_to_is_no_subject)
{
    cr_expect_str_eq(therapies_for(rs, "Dabigatran 150 mg twice daily was shown to be superior "
                                   "to warfarin in preventing stroke in subjects with "
                                   "nonvalvular atrial fibrillation (SPAF) in the RE-LY "
                                   "trial.",
                                   "stroke"),
                     "");
}

Test(background, a_versus_arm_stays_a_studied_arm)
{
    cr_expect_str_eq(therapies_for(rs, "Paricalcitol Versus Calcifediol for Treating "
                                   "Hyperparathyroidism in Kidney Transplant Recipients",
                                   "hyperparathyroidism"),
                     "paricalcitol,calcifediol");
}

Test(background, other_drugs_after_versus_are_no_arm)
{
    cr_expect_str_eq(therapies_for(rs, "However, the SMILE studies proved the prognostic benefit "
                                   "of zofenopril vs. placebo or other ACE-inhibitors (ACEIs) "
                                   "in post-acute myocardial infarction (AMI).",
                                   "myocardial infarction"),
                     "zofenopril");
}

Test(background, the_setting_of_another_therapy_is_no_subject)
{
    cr_expect_str_eq(therapies_for(rs, "This study aimed at investigating the effects of "
                                   "desmopressin on the amount of bleeding in patients "
                                   "undergoing CABG with a cardiopulmonary bypass pump (CPBP) "
                                   "who were taking anti-platelet medicine.",
                                   "bleeding"),
                     "deamino arginine vasopressin");
    cr_expect_str_eq(therapies_for(rs, "Immunosuppressive treatment with rapamycin, a specific "
                                   "mTOR inhibitor, initiated because of renal "
                                   "transplantation, reduced facial angiofibroma "
                                   "dramatically.",
                                   "facial angiofibroma"),
                     "");
}

Test(background, a_setting_with_no_other_therapy_keeps_its_claim)
{
    cr_expect_str_eq(therapies_for(rs, "In this prospective randomized, double-blinded, "
                                   "controlled study, 39 patients with obstructive sleep apnea "
                                   "syndrome undergoing uvulopalatopharyngoplasty were assigned "
                                   "to two groups.",
                                   "obstructive sleep apnea syndrome"),
                     "uvulopalatopharyngoplasty");
}

/* The setting of people randomised to other therapies is the base treatment of everyone
 * (read 6 of pubmed-10k, "background therapy"; evidence-inference PMC4173571, PMC1783850,
 * PMC2995234). Counter: the setting named again as an arm (evidence-inference
 * PMC4011370-like "143 receiving tiropramide ... allocated to either tiropramide or
 * octylonium"). */
Test(background, the_setting_of_people_randomised_to_other_therapies_is_no_subject)
{
    cr_expect_str_eq(therapies_for(rs, "A total of 75 patients undergoing elective craniotomy for "
                                   "brain tumors were randomized into three groups, G, O and D, "
                                   "to receive single doses of dexamethasone 8 mg at induction "
                                   "with either granisetron 1 mg, ondansetron 4 mg or normal "
                                   "saline 2 ml at the time of dural closure respectively.",
                                   "brain tumor"),
                     "dexamethasone");
    cr_expect_str_eq(therapies_for(rs, "20 patients undergoing elective aortic valve replacement "
                                   "for aortic stenosis were randomly assigned to either "
                                   "moderate hypothermic or mild hypothermic cardiopulmonary "
                                   "bypass.",
                                   "aortic valve stenosis"),
                     "");
    cr_expect(strstr(therapies_for(rs, "In this multicenter, randomized, non-inferiority trial, "
                                   "287 patients with IBS (143 receiving tiropramide and 144 "
                                   "octylonium) were randomly allocated to either tiropramide "
                                   "100 mg or octylonium 20 mg t.i.d for 4 weeks.",
                                   "irritable bowel syndrome"),
                     "tiropramide"));
}

Test(background, a_base_partner_yields_to_the_combined_therapy)
{
    cr_expect_str_eq(therapies_for(rs, "This study investigated efficacy of computed "
                                   "tomography-guided percutaneous fine-needle 5% "
                                   "ethanol-cisplatin intratumoral injection (CT-PFNECII) "
                                   "combined with second-line chemotherapy in patients with "
                                   "platinum-pretreated stage IV NSCLC.",
                                   "non-small cell lung cancer"),
                     "cisplatin,intratumoral injection");
    cr_expect_str_eq(therapies_for(rs, "Paclitaxel by 3-hour infusion was combined with "
                                   "carboplatin in a phase I/II study directed to patients "
                                   "with non-small cell lung cancer.",
                                   "non-small cell lung cancer"),
                     "carboplatin");
}

/* evidence-inference PMC5686687 (read 5 #1), PMC5308129's title: a therapy that an arm
 * gives alone or with placebo ("COC with placebo", "Lactulose Alone") is the base of the
 * other arm too, which adds another therapy to it: the claim is the added therapy's, or
 * none when the added one is no mention (polyethylene glycol is none) */
Test(background, the_base_of_both_arms_yields_to_the_added_therapy)
{
    cr_expect_str_eq(therapies_for(rs, "To compare resveratrol (40 mg/d) with monophasic "
                                   "contraceptive pill (COC) to COC with placebo for the "
                                   "reduction of pain scores.",
                                   "pain"),
                     "resveratrol");
    cr_expect_str_eq(therapies_for(rs, "Polyethylene Glycol and Lactulose versus Lactulose Alone "
                                   "in the Treatment of Hepatic Encephalopathy in Patients "
                                   "with Cirrhosis: A Non-Inferiority Randomized Controlled "
                                   "Trial",
                                   "hepatic encephalopathy"),
                     "");
    /* PMC3724383: the arm of its own ("mineral oil alone in the treatment of") keeps no
     * claim either, a studied-for nor a treats one */
    cr_expect_str_eq(therapies_for(rs, "Comparison of Lactobacillus Sporogenes plus mineral oil "
                                   "and mineral oil alone in the treatment of childhood "
                                   "functional constipation",
                                   "constipation"),
                     "probiotics");
}

/* a claim on the arm that gives it alone keeps its therapy ("isoflavone alone did not
 * inhibit postgastrectomy osteopenia", evidence-inference PMC3432828) */
Test(background, the_alone_arm_keeps_its_claim)
{
    cr_expect_str_eq(therapies_for(rs, "These results indicate that isoflavone alone did not "
                                   "inhibit postgastrectomy osteopenia, but the combination of "
                                   "isoflavone and fructooligosaccharides improved the "
                                   "inhibition of trabecular bone loss by increasing calcium "
                                   "absorption and equol production through "
                                   "fructooligosaccharides supplementation.",
                                   "metabolic bone diseases"),
                     "isoflavones");
}

/* read 11 of pubmed-10k, "a base therapy in every arm of an add-on comparison credited as
 * the studied therapy": the arm a comparison names ("versus", "vs", "compared with") that
 * the other arm gives joined to another therapy ("capecitabine/docetaxel vs docetaxel",
 * evidence-inference PMC4907713; "Neuromuscular Electrical Stimulation Combined with
 * Exercises versus an Exercise Program", PMC3787573; "fotemustine and dacarbazine versus
 * dacarbazine", PMC3598549) is the base of both: no claim of its own, the combination's
 * and the added therapy's stay */
Test(background, the_base_named_by_a_comparison_yields_to_the_combination)
{
    cr_expect_str_eq(therapies_for(rs, "Comparison of the effectiveness and toxicity of "
                                   "neoadjuvant chemotherapy regimens, "
                                   "capecitabine/epirubicin/cyclophosphamide vs "
                                   "5-fluorouracil/epirubicin/cyclophosphamide, followed by "
                                   "adjuvant, capecitabine/docetaxel vs docetaxel, in patients "
                                   "with operable breast cancer",
                                   "operable breast cancer"),
                     "capecitabine + docetaxel");
    cr_expect_str_eq(therapies_for(rs, "Effects of Neuromuscular Electrical Stimulation "
                                   "Combined with Exercises versus an Exercise Program on the "
                                   "Pain and the Function in Patients with Knee "
                                   "Osteoarthritis: A Randomized Controlled Trial",
                                   "osteoarthritis"),
                     "");
    cr_expect_str_eq(therapies_for(rs, "Phase III randomized study of fotemustine and "
                                   "dacarbazine versus dacarbazine with or without "
                                   "interferon-α in advanced malignant melanoma",
                                   "melanoma"),
                     "fotemustine");
    /* two combinations, or two doses of one, are arms of their own (PMC3578670,
     * PMC5049622) */
    cr_expect_str_eq(therapies_for(rs, "Preference for a fixed combination of "
                                   "brinzolamide/timolol versus dorzolamide/timolol among "
                                   "patients with open-angle glaucoma or ocular hypertension",
                                   "open angle glaucoma"),
                     "brinzolamide + timolol,dorzolamide + timolol");
    cr_expect_str_eq(therapies_for(rs, "Glycaemic control and hypoglycaemia with new insulin "
                                   "glargine 300 U/ml versus insulin glargine 100 U/ml in "
                                   "people with type 2 diabetes using basal insulin and oral "
                                   "antihyperglycaemic drugs",
                                   "type 2 diabetes"),
                     "insulin,insulin");
}

/* the operation or programme a therapy is given during, after or following is its
 * background ("Fibrin sealant ... following inguino-femoral lymph node dissection in
 * melanoma patients", PMC2464595; "Alfuzosin After Shock Wave Lithotripsy for ... Ureteral
 * Calculi", PMC3580299); not a measure a therapy names ("the exercise capacity after
 * iloprost inhalation", PMC3531427) */
Test(background, the_operation_a_therapy_follows_is_no_subject)
{
    cr_expect_str_eq(therapies_for(rs, "Fibrin sealant does not decrease seroma output or time "
                                   "to drain removal following inguino-femoral lymph node "
                                   "dissection in melanoma patients: A randomized controlled "
                                   "trial (NCT00506311)",
                                   "melanoma"),
                     "");
    cr_expect_str_eq(therapies_for(rs, "Efficacy of Alfuzosin After Shock Wave Lithotripsy for "
                                   "the Treatment of Ureteral Calculi",
                                   "ureteral calculi"),
                     "alfuzosin");
    cr_expect_str_eq(therapies_for(rs, "Improvement of the exercise capacity after iloprost "
                                   "inhalation in patients with COPD-associated mild to "
                                   "moderate PH is very unlikely.",
                                   "chronic obstructive pulmonary disease"),
                     "iloprost");
}
