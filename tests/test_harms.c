/*
 * Harms are no therapy claims (src/claims/harm.c, rules/harms.rules), with the shipped
 * rule pack, on sentences of pubmed-10k (PMIDs and corpora named at each test): a pair
 * the abstract lists among the therapy's adverse events or says it goes with, and an
 * outcome that the therapy moves the bad way.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "support.h"
#include "therex.h"

static thx_ruleset *rs;
static thx_triples ts;

static void setup(void)
{
    rs = load_shipped_pack();
    thx_triples_init(&ts);
}

static void teardown(void)
{
    thx_triples_free(&ts);
    thx_ruleset_free(rs);
}

TestSuite(harms, .init = setup, .fini = teardown);

static void run(const char *title, const char *abstract)
{
    thx_triples_free(&ts);
    thx_triples_init(&ts);
    thx_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "t";
    doc.title = (char *)title;
    doc.abstract = (char *)abstract;
    cr_assert_eq(thx_extract(&ts, rs, &doc), 0);
}

/* a triple of therapy (canonical name) whose effect label is effect; condition NULL for
 * an effect-only triple, "*" for any */
static const thx_triple *find(const char *therapy, const char *effect, const char *condition)
{
    for (size_t i = 0; i < ts.len; i++) {
        const thx_triple *t = &ts.items[i];
        if (strcmp(t->therapy.norm, therapy) || strcmp(t->effect.norm, effect))
            continue;
        if (condition && !strcmp(condition, "*"))
            return t;
        if (condition ? t->condition.norm && !strcmp(t->condition.norm, condition)
                      : t->condition.text == NULL)
            return t;
    }
    return NULL;
}

/* easyner-lund-autophagy 34422335: the conditions are everolimus's adverse events */
Test(harms, an_adverse_event_listed_is_no_claim)
{
    static const char *s = "Everolimus was overall well tolerated with anemia, decreased "
                           "neutrophil and lymphocyte counts, peripheral edema and "
                           "hyperglycemia representing the most common adverse events.";
    run("", s);
    cr_expect_null(find("everolimus", "reduces", "hyperglycemia"));
    cr_expect_null(find("everolimus", "reduces", "edema"));
    cr_expect_eq(ts.len, 0);
}

/* BC5CDR 19996135: the title says the drug goes with the seizures; the methods sentence
 * then gives no "TXA studied for seizures" */
Test(harms, a_pair_the_title_associates_is_no_claim)
{
    static const char *result =
        "These events were temporally coincident with the initial use of high-dose "
        "tranexamic acid (TXA) therapy after withdrawal of aprotinin from general clinical "
        "usage. All 24 patients with seizures received high doses of TXA intraoperatively "
        "ranging from 61 to 259 mg/kg, had a mean age of 69.9 years, and 21 of 24 had "
        "undergone open chamber rather than coronary bypass procedures.";
    run("", result);
    cr_assert_not_null(find("tranexamic acid", "studied for", "*"),
                       "alone, the sentence gives the (wrong) claim");
    run("High-dose tranexamic Acid is associated with nonischemic clinical seizures "
        "in cardiac surgical patients.",
        result);
    cr_expect_null(find("tranexamic acid", "studied for", "*"));
}

/* BC5CDR 2722224 and 7547656 (PubMedQA), evidence-inference PMC3204557: a rise in blood
 * pressure with no condition that wants it, a fall in blood flow or in survival */
Test(harms, an_outcome_that_goes_the_bad_way_is_no_claim)
{
    run("", "Oral hydrocortisone increases blood pressure and enhances pressor "
            "responsiveness in normal human subjects.");
    cr_expect_null(find("hydrocortisone", "increases blood pressure", NULL));
    run("", "Epinephrine 15 micrograms decreased uterine blood flow to 68% of baseline.");
    cr_expect_null(find("epinephrine", "reduces uterine blood flow", NULL));
    run("", "Sorafenib reduced overall survival in the elderly.");
    cr_expect_null(find("sorafenib", "reduces survival", NULL));
    /* evidence-inference PMC1584256 */
    run("", "Estrogen increases COX expression, and inhibitors of COX such as nonsteroidal "
            "anti-inflammatory agents appear to increase coronary risk, raising the "
            "possibility of a clinically important interaction in the trials.");
    cr_expect_null(find("nonsteroidal anti-inflammatory agents", "increases coronary risk", NULL));
}

/* BC5CDR 12498738 and 19761039: the markers of a toxic dose */
Test(harms, a_toxic_effect_is_no_claim)
{
    run("", "Doxorubicin treatment also caused a decrease in RCR for liver mitochondria and "
            "inhibition of hepatic cytochrome oxidase activity.");
    cr_expect_null(find("doxorubicin", "reduces rcr", NULL));
    run("", "Biochemical analysis of brain revealed that the reserpine treatment significantly "
            "increased lipid peroxidation and decreased levels of superoxide dismutase.");
    cr_expect_null(find("reserpine", "increases lipid peroxidation", NULL));
    cr_expect_null(find("reserpine", "reduces superoxide dismutase", NULL));
    /* the other way round is the protection studied */
    run("", "Erdosteine significantly decreased renal malondialdehyde in rats.");
    cr_expect_not_null(find("erdosteine", "reduces renal malondialdehyde", NULL));
}

Test(harms, an_outcome_that_goes_the_good_way_stays)
{
    run("", "Ramipril decreased systolic and diastolic blood pressure.");
    cr_expect_not_null(find("ramipril", "reduces systolic and diastolic blood pressure", NULL));
    run("", "Sorafenib increased overall survival in the elderly.");
    cr_expect_not_null(find("sorafenib", "increases survival", NULL));
    /* the object's head decides: a rise in blood pressure reduction is a benefit
     * (evidence-inference PMC3659156), in the people named by their condition's adjective
     * (rules/lexicons/mined/condition-adjectives.rules) */
    run("", "Antihypertensive treatment based on impedance cardiography can significantly "
            "increase blood pressure reduction in hypertensive patients.");
    cr_expect_not_null(find("antihypertensive drugs", "increases blood pressure reduction",
                            "hypertension"));
}

/* BC5CDR 7931490: the title's harm is "nausea and vomiting"; the conclusion's claim names
 * "vomiting" only, and is still no claim of cisplatin's */
Test(harms, a_harm_vetoes_a_claim_on_a_condition_of_its_name)
{
    static const char *conclusion =
        "CONCLUSION: A single 10-, 20-, or 40-micrograms/kg dose of granisetron was "
        "effective in controlling vomiting in 57% to 60% of patients who received cisplatin "
        "at doses greater than 81 mg/m2 and totally prevented vomiting in 40% to 47% of "
        "patients.";
    run("", conclusion);
    cr_assert_not_null(find("cisplatin", "prevents", "vomiting"),
                       "alone, the sentence gives the (wrong) claim");
    run("Efficacy and safety of granisetron, a selective 5-hydroxytryptamine-3 receptor "
        "antagonist, in the prevention of nausea and vomiting induced by high-dose "
        "cisplatin.",
        conclusion);
    cr_expect_null(find("cisplatin", "prevents", "vomiting"));
    cr_expect_not_null(find("granisetron", "treats", "vomiting"));
}

/* The claim therapy | effect | - that sentence result gives alone, and that it no longer
 * gives in a document whose title and first sentences (before) state the therapy's harm. */
static void expect_course_of_harm(const char *title, const char *before, const char *result,
                                  const char *therapy, const char *effect)
{
    run("", result);
    cr_assert_not_null(find(therapy, effect, NULL), "alone, the sentence gives the claim");
    char abstract[1024];
    snprintf(abstract, sizeof abstract, "%s%s%s", before, *before ? " " : "", result);
    run(title, abstract);
    cr_expect_null(find(therapy, effect, NULL), "%s | %s is the harm's course", therapy, effect);
}

/* BC5CDR 24587916: the title names dexamethasone's harm; an outcome dexamethasone moves
 * in that study is the harm's course, no therapy effect */
Test(harms, an_outcome_of_the_titles_harmful_agent_is_no_claim)
{
    expect_course_of_harm("Antioxidant effects of bovine lactoferrin on dexamethasone-induced "
                          "hypertension in rat.",
                          "",
                          "Dexamethasone significantly increased SBP and plasma H2O2 level and "
                          "decreased thymus and body weights.",
                          "dexamethasone", "increases plasma h2o2 level");
    cr_expect_not_null(find("lactoferrin", "antioxidant", NULL), "the therapy's own stays");
}

/* BC5CDR 24309294: the abstract, not the title, names morphine's harm ("morphine-induced
 * amnesia"); what morphine does to LTP in that study is the harm's course */
Test(harms, an_outcome_of_the_abstracts_harmful_agent_is_no_claim)
{
    expect_course_of_harm("Cholecystokinin-octapeptide restored morphine-induced hippocampal "
                          "long-term potentiation impairment in rats.",
                          "We have previously reported that CCK-8 significantly alleviated "
                          "morphine-induced amnesia and reversed spine density decreases in the "
                          "CA1 region of the hippocampus in morphine-treated animals.",
                          "Acute morphine (30mg/kg, s.c.) treatment significantly attenuated "
                          "hippocampal LTP.",
                          "morphine", "attenuates hippocampal ltp");
}

/* BC5CDR 12574103: "a reduction in glomerular number" is the damage, and the conditions
 * listed after it are more of the damage, none that the drug lowers */
Test(harms, the_conditions_listed_after_a_lost_good_are_harms)
{
    static const char *result =
        "This study shows that prenatal dexamethasone in rats results in a reduction in "
        "glomerular number, glomerulosclerosis, and hypertension when administered at "
        "specific points during gestation.";
    run("", result);
    cr_expect_null(find("dexamethasone", "reduces", "glomerulonephritis"));
    cr_expect_null(find("dexamethasone", "reduces", "hypertension"));
    run("", "Prenatal dexamethasone resulted in a reduction in glomerulosclerosis and "
            "hypertension in rats.");
    cr_expect_not_null(find("dexamethasone", "reduces", "hypertension"),
                       "without the lost good first, the list is the drug's");
}

/* BC5CDR 7066357 and the TECOS pancreatic safety report (PMC5864139): the drug named as
 * the cause in a title, a pooled increased risk of a condition */
Test(harms, a_cause_in_the_title_or_an_increased_risk_is_no_claim)
{
    run("Plasma and urinary lipids and lipoproteins during the development of nephrotic "
        "syndrome induced in the rat by puromycin aminonucleoside.",
        "These observations indicate that puromycin aminonucleoside alters plasma "
        "lipoproteins by lowering VLDL and increasing HDL.");
    cr_expect_null(find("puromycin", "reduces vldl", NULL));
    run("Pancreatic Safety of Sitagliptin in the TECOS Study",
        "We evaluated the incidence of acute pancreatitis in patients with type 2 diabetes "
        "who were treated with sitagliptin, a dipeptidyl peptidase-4 inhibitor (DPP-4i). "
        "Meta-analysis with two other DPP-4i cardiovascular outcome studies showed an "
        "increased risk for acute pancreatitis (risk ratio 1.78) and no significant effect "
        "for pancreatic cancer.");
    cr_expect_null(find("dipeptidyl-peptidase IV inhibitors", "studied for", "pancreatitis"));
}

/* BC5CDR 3750012 and 18405372 (titles): a case report of a side effect names the disease
 * the drug was given for; that disease is background, no "X studied for Y" */
Test(harms, the_disease_a_harmful_drug_was_given_for_is_no_claim)
{
    run("Myasthenia gravis caused by penicillamine and chloroquine therapy for rheumatoid "
        "arthritis.",
        "");
    cr_expect_null(find("chloroquine", "studied for", "*"));
    run("Hepatotoxicity associated with sulfasalazine in inflammatory arthritis: A case "
        "series from a local surveillance of serious adverse events.",
        "");
    cr_expect_null(find("sulfasalazine", "studied for", "*"));
    cr_expect_eq(ts.len, 0);
}

/* the same sentence shape without a harm keeps its claim (pubmed-10k, easyner-lund-
 * autophagy 28092822): "Is Superior to" states the result, so treats (compared.c) */
Test(harms, a_drug_for_a_disease_with_no_harm_named_keeps_its_claim)
{
    run("Combination of Everolimus with Sorafenib for Solid Renal Tumors in Tsc2+/- Mice Is "
        "Superior to Everolimus Alone.",
        "");
    cr_expect_not_null(find("sorafenib", "treats", "*"));
}

/* pubmed-10k, evidence-inference PMC3094237 and PMC2694465: a drug's own blood level is
 * pharmacokinetics, no effect of the drug; the claim on a condition stays */
Test(harms, a_therapys_own_level_is_no_effect)
{
    run("L-lysine as adjunctive treatment in patients with schizophrenia: a single-blinded, "
        "randomized, cross-over pilot study",
        "L-lysine treatment caused a significant increase in blood concentration of "
        "L-lysine and was well tolerated.");
    cr_expect_null(find("L-lysine", "increases blood concentration of l-lysine", NULL));
    cr_expect_not_null(find("L-lysine", "studied for", "schizophrenia"));
    run("", "The plasma morphine concentration was also reduced in the morphine group 24 "
            "hours after surgery.");
    cr_expect_null(find("morphine", "reduces plasma morphine concentration", NULL));
}

/* Read 11 of pubmed-10k (evidence-inference PMC5809707, PMC5407976, PMC3707768): the
 * polarity vocabulary of rules/polarity.rules (cues outcome-bad, outcome-good) reads a
 * longer recovery, a higher oxygen cost and a fall in eGFR as harms; "EGFR", the
 * receptor, is not the filtration rate */
Test(harms, the_packs_polarity_vocabulary_reads_an_adverse_outcome)
{
    run("", "However, unlike the addition of fentanyl, the addition of ketamine increased the "
            "time to recovery.");
    cr_expect_null(find("ketamine", "increases time to recovery", NULL));
    run("", "The aim of this study was to investigate the impact of a tenofovir disoproxil "
            "fumarate (TDF) plus ritonavir-boosted protease inhibitor (PI/r) regimen on renal "
            "function in Chinese HIV-infected patients. Patients treated with TDF+PI/r showed "
            "greater decline in eGFR than control (-8.8 vs. 6.4ml/min/1.73m2, P<0.001).");
    cr_expect_null(find("tenofovir disoproxil fumarate + protease inhibitor", "reduces egfr",
                        NULL));
    run("", "Aspirin reduced mortality in patients with myocardial infarction.");
    cr_expect_not_null(find("aspirin", "reduces mortality", "myocardial infarction"));
    run("", "Cetuximab reduced EGFR in tumour cells.");
    cr_expect_not_null(find("cetuximab", "reduces egfr", "*"));
}

/* Read 11 of pubmed-10k (BC5CDR 6585590): the condition is what the dose resulted in, no
 * condition doxorubicin was studied for */
Test(harms, a_condition_stated_as_the_therapys_result_is_not_studied_for)
{
    run("", "Light microscopic evidence of renal damage was seen above a dose of 0.5 mg "
            "doxorubicin/kg, which resulted in albuminuria and very low serum albumin levels.");
    cr_expect_null(find("doxorubicin", "studied for", "*"));
    /* BC5CDR 11256525; a result for the better stays (BC5CDR 2445283) */
    run("", "Surprisingly, the first dose of 50 mg of losartan resulted in a sudden anuria, "
            "which lasted eight hours despite high-dose furosemide and amine infusion.");
    cr_expect_null(find("losartan", "studied for", "*"));
    run("", "Administration of ribavirin resulted in a neutralization of viremia and a drop "
            "of endogenous interferon titers.");
    cr_expect_not_null(find("ribavirin", "studied for", "viremia"));
}

/* BC5CDR 2266990 (pubmed-10k): the outcomes listed after "side effects ... included" are
 * mazindol's harms, no "mazindol reduces appetite" (src/claims/harmlist.c) */
Test(harms, a_harm_list_is_no_claim)
{
    static const char *s = "Side effects attributable to mazindol included decreased appetite "
                           "(36%), dry mouth (10%), behavioral change (22%), and "
                           "gastrointestinal symptoms (18%); mazindol dosage was reduced in "
                           "43% of patients.";
    run("Randomized, double-blind trial of mazindol in Duchenne dystrophy.", s);
    cr_expect_null(find("mazindol", "reduces appetite", NULL));
    cr_expect_null(find("mazindol", "reduces", "dry mouth"));

    /* BC5CDR 21418164 (pubmed-10k): a list the toxicities close, in dogs receiving CCNU,
     * is no study of CCNU for them */
    run("CCNU (lomustine) toxicity in dogs: a retrospective study (2002-07).",
        "OBJECTIVE: To describe the incidence of haematological, renal, hepatic and "
        "gastrointestinal toxicities in tumour-bearing dogs receiving "
        "1-(2-chloroethyl)-3-cyclohexyl-1-nitrosourea (CCNU).");
    cr_expect_null(find("lomustine", "studied for", "*"));
}

/* a therapy that starts a claim of its own after the list is no list item (a constructed
 * counter of the review); one inside a parenthesis of the list is (the chemotherapy of
 * PMC5337626, pubmed-10k) */
Test(harms, a_claim_after_a_harm_list_stays)
{
    run("", "Adverse events included headache and dizziness, and topiramate reduced migraine "
            "frequency.");
    cr_expect_not_null(find("topiramate", "reduces", "migraine"));
    run("", "Serious adverse events for all patients included anastomotic leaks (30 events in "
            "chemotherapy alone group vs 69 in the chemotherapy plus bevacizumab group), and "
            "infections with normal neutrophil count (42 events vs 53).");
    cr_expect_null(find("chemotherapy", "studied for", "infections"));
}

/* the harms a therapy spares stay its claims: a word of relief before the harm noun */
Test(harms, harms_a_therapy_spares_stay_claims)
{
    static const char *s = "Amifostine reduced the toxicities of cisplatin, including "
                           "nephrotoxicity and ototoxicity.";
    run("", s);
    cr_expect_not_null(find("amifostine", "reduces", "nephrotoxicity"));
}
