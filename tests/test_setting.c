/*
 * The setting of the people studied gives no claim when the study is about another
 * therapy (src/claims/setting.c), with the shipped rule pack, on real sentences of
 * pubmed-10k (read 10, "background or co-administered therapy credited as the studied
 * therapy"): words between the setting word and the therapy ("receiving stimulant
 * laxatives", evidence-inference PMC5139733; "undergoing tumour nephrectomy",
 * PMC2360567), a therapy coordinated with a setting ("receiving liraglutide and
 * metformin", PMC5074260), "on" after the people (bc5cdr 11027905, "cancer patients on
 * morphine therapy"), and a setting whose claim only the title shows is background
 * (PMC4545275: the title studies progressive muscle relaxation in patients undergoing
 * chemotherapy). A group of the trial is an arm, not a setting (PMC4362117, "the
 * treatment group (TG) receiving systemic doxycycline"), and a setting named in the
 * title keeps its claim (bc5cdr 24778426-like: the title's own setting is no studied
 * therapy, so the abstract's is not dropped when the title studies nothing else). A
 * setting's studied-for claim is dropped in a sentence about a harm, and on what a
 * measure in the people counts ("symptoms of depression ... in women receiving
 * chemotherapy").
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(setting);

/* The therapies (canonical names) claimed for condition in the abstract of a document
 * with this title, joined by ','; a static buffer. */
static const char *titled_therapies_for(const char *title, const char *abstract,
                                        const char *condition)
{
    thx_triples ts;
    extract_titled(rs, title, abstract, &ts);
    static char out[512];
    out[0] = 0;
    for (size_t i = 0; i < ts.len; i++) {
        const thx_triple *t = &ts.items[i];
        if (!t->condition.text || strcmp(t->condition.norm, condition) ||
            t->doc_scope || t->sentence.section != THX_SEC_ABSTRACT)
            continue;
        if (out[0])
            strcat(out, ",");
        strncat(out, t->therapy.norm, sizeof out - strlen(out) - 2);
    }
    thx_triples_free(&ts);
    return out;
}

Test(setting, words_between_the_setting_and_its_therapy)
{
    cr_expect_str_eq(therapies_for(rs, "The addition of a traditional Japanese medicine, "
                                   "TJ-100, reduced bloating and abdominal pain in patients "
                                   "with chronic constipation receiving stimulant laxatives, "
                                   "possibly by decreasing the bowel gas volume.",
                                   "constipation"),
                     "");
    cr_expect_str_eq(therapies_for(rs, "We conducted a non-randomised controlled phase II trial "
                                   "to investigate the role of preoperative administration of "
                                   "interleukin-2 (IL-2) in patients with renal cell carcinoma "
                                   "undergoing tumour nephrectomy.",
                                   "renal cell carcinoma"),
                     "interleukin-2");
}

Test(setting, a_therapy_coordinated_with_a_setting_is_one)
{
    cr_expect_str_eq(therapies_for(rs, "To evaluate the efficacy and safety of adding insulin "
                                   "degludec (IDeg) to treatment in patients with type 2 "
                                   "diabetes receiving liraglutide and metformin and qualifying "
                                   "for treatment intensification because of inadequate "
                                   "glycaemic control.",
                                   "type 2 diabetes"),
                     "insulin");
}

Test(setting, on_after_the_people_is_a_setting)
{
    cr_expect_str_eq(therapies_for(rs, "Analgesic effect of intravenous ketamine in cancer "
                                   "patients on morphine therapy: a randomized, controlled, "
                                   "double-blind, crossover, double-dose study.",
                                   "tumor"),
                     "ketamine");
}

Test(setting, a_group_receiving_a_therapy_is_an_arm)
{
    cr_expect_str_eq(therapies_for(rs, "A total of 76 diabetic subjects with chronic "
                                   "periodontitis were randomized into 2 groups: control group "
                                   "(CG) received only scaling and root planing (SRP), and the "
                                   "treatment group (TG) receiving systemic doxycycline during "
                                   "the reevaluation visit 45 days after the completion of SRP.",
                                   "chronic periodontitis"),
                     "doxycycline");
}

Test(setting, the_title_names_the_studied_therapy)
{
    static const char title[] =
        "A Randomized Controlled Trial for the Effectiveness of Progressive Muscle Relaxation "
        "and Guided Imagery as Anxiety Reducing Interventions in Breast and Prostate Cancer "
        "Patients Undergoing Chemotherapy";
    static const char abstract[] =
        "The findings showed that patients with prostate and breast cancer undergoing "
        "chemotherapy treatment can benefit from PMR and GI sessions to reduce their anxiety "
        "and depression.";
    cr_expect_str_eq(titled_therapies_for(title, abstract, "breast cancer"), "");
    /* with no title, nothing says chemotherapy is not what the sentence studies */
    cr_expect_str_eq(therapies_for(rs, abstract, "breast cancer"), "chemotherapy");
    /* the title's own setting is no studied therapy */
    cr_expect_str_eq(titled_therapies_for("Rates of Renal Toxicity in Cancer Patients "
                                          "Receiving Cisplatin",
                                          "Data were collected on adult cancer patients "
                                          "receiving single-agent cisplatin as an outpatient.",
                                          "tumor"),
                     "cisplatin");
}

/* A studied-for claim of a setting in a sentence about a harm (bc5cdr 816141) */
Test(setting, a_setting_in_a_harm_gives_no_study)
{
    cr_expect_str_eq(therapies_for(rs, "A patient with renal disease developed Coombs-positive "
                                   "hemolytic anemia while receiving cephalothin therapy.",
                                   "nephrotoxicity"),
                     "");
}

/* What a measure in the people counts is no target of their setting (evidence-inference
 * PMC4584261); without people between them, the therapy is what the measure follows
 * (bc5cdr 2070391, "the severity of pain after receiving standard lidocaine"). A
 * specimen "of" the people is no studied therapy ("peripheral blood mononuclear cells
 * (PBMCs) of ESRD patients on maintenance hemodialysis", semrep-gs308 16531984). */
Test(setting, a_measure_in_the_people_is_no_target_of_their_setting)
{
    static const char s[] = "Randomized sham controlled trial of cranial microcurrent stimulation "
                            "for symptoms of depression, anxiety, pain, fatigue and sleep "
                            "disturbances in women receiving chemotherapy for early-stage "
                            "breast cancer";
    cr_expect_str_eq(therapies_for(rs, s, "depression"), "");
    cr_expect_str_eq(therapies_for(rs, s, "sleep disturbances"), "");
    cr_expect_str_eq(therapies_for(rs, "Twenty patients were asked to quantify the severity of "
                                   "pain after receiving standard lidocaine in one femoral area "
                                   "and buffered lidocaine in the opposite femoral area.",
                                   "pain"),
                     "lidocaine");
    cr_expect_str_eq(therapies_for(rs, "5-Lox activity and expression are significantly "
                                   "increased in peripheral blood mononuclear cells (PBMCs) of "
                                   "end-stage renal disease (ESRD) patients on maintenance "
                                   "hemodialysis (HD).",
                                   "chronic renal failure"),
                     "dialysis");
}
