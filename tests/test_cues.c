/*
 * Negation and hedge flags with the shipped rule pack (rules/cues.rules and the
 * relation rules), on real sentences from PubMed abstracts (shared/data/pubmed-10k:
 * BC5CDR, PubMedQA, Evidence Inference records) and the seed abstract: cue words
 * before the trigger, backward cues, pseudo triggers and a finding reported as
 * observed.
 */
#include <criterion/criterion.h>
#include <string.h>
#include <strings.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(cues);

/* Extracts sentence (an abstract of one sentence) with the shipped pack into ts. */
static void extract_sentence(thx_triples *ts, const char *sentence)
{
    extract_abstract(rs, sentence, ts);
}

/* Extracts sentence into ts and returns the triple therapy -> condition (the
 * condition's canonical name or its text as written), or NULL. */
static const thx_triple *claim(thx_triples *ts, const char *sentence, const char *therapy,
                               const char *condition)
{
    extract_sentence(ts, sentence);
    for (size_t i = 0; i < ts->len; i++) {
        const thx_triple *t = &ts->items[i];
        if (!t->doc_scope && t->condition.text && !strcmp(t->therapy.norm, therapy) &&
            (!strcmp(t->condition.norm, condition) || !strcmp(t->condition.text, condition)))
            return t;
    }
    return NULL;
}

/* The flags of that triple: 'n' negated, 'h' hedged, '-' neither; "?" when the sentence
 * gives no such triple. */
static const char *flags(const char *sentence, const char *therapy, const char *condition)
{
    static char out[4];
    thx_triples ts;
    const thx_triple *t = claim(&ts, sentence, therapy, condition);
    strcpy(out, "?");
    if (t) {
        snprintf(out, sizeof out, "%s%s", t->negated ? "n" : "", t->hedged ? "h" : "");
        if (!out[0])
            strcpy(out, "-");
    }
    thx_triples_free(&ts);
    return out;
}

/* The effect label of that triple, or "?". */
static const char *label(const char *sentence, const char *therapy, const char *condition)
{
    static char out[64];
    thx_triples ts;
    const thx_triple *t = claim(&ts, sentence, therapy, condition);
    snprintf(out, sizeof out, "%s", t ? t->effect.norm : "?");
    thx_triples_free(&ts);
    return out;
}

Test(cues, negation_before_the_trigger)
{
    cr_expect_str_eq(flags("Haloperidol failed to prevent amphetamine-induced seizures, but did "
                           "lower the mortality rate at most doses tested.",
                           "haloperidol", "seizure"), "n");
    cr_expect_str_eq(flags("CONCLUSION: The administration of CaCl2 or 4-aminopyridine did not "
                           "reverse tricyclic antidepressant-induced hypotension in rats.",
                           "4-aminopyridine", "hypotension"), "n");
    cr_expect_str_eq(flags("Botulinum toxin was not proven effective in treatment of neck pain in "
                           "chronic whiplash syndrome.", "botulinum toxin", "pain"), "n");
    cr_expect_str_eq(flags("Increasing the treatment volume to include a longer nerve length for "
                           "trigeminal neuralgia radiosurgery does not significantly improve pain "
                           "relief but may increase complications.", "radiotherapy", "pain"), "n");
}

/* The trigger lies inside the cue: "not effective", "no benefit". */
Test(cues, negation_that_contains_the_trigger)
{
    cr_expect_str_eq(flags("A programme of progressive resistance exercise and orientation was "
                           "not effective in reducing incident delirium in hospitalised elderly "
                           "patients.", "physical therapy", "delirium"), "n");
}

Test(cues, hedges)
{
    cr_expect_str_eq(flags("Azelastine appears to be a safe, efficacious medication for seasonal "
                           "allergic rhinitis.", "azelastine", "spring allergic rhinitis"), "h");
    cr_expect_str_eq(flags("These results indicate that IL-12-based immunotherapy may hold promise "
                           "for treatment of MRSA pneumonia.", "immunotherapy", "MRSA pneumonia"), "h");
    cr_expect_str_eq(flags("Therefore, we propose that nurses can use massage to reduce anxiety in "
                           "school-age children in hospital.", "massage", "anxiety"), "h");
    cr_expect_str_eq(flags("Exosomes have shown promising results in regenerative medicine such as "
                           "liver fibrosis, stroke, cardiac ischemia, and skin injuries.",
                           "exosomes", "cardiac ischemia"), "h");
}

/* A backward cue stops at a new clause with its own subject (", it"). pubmed-10k. */
Test(cues, a_backward_cue_stops_at_a_new_clause)
{
    thx_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "t";
    doc.title = "";
    doc.abstract = "Although bezafibrate lowers fibrinogen, it has no effect on CRP; this suggests "
                   "that the reduction in fibrinogen is due to an effect on its metabolism rather "
                   "than suppression of an inflammatory response.";
    thx_triples ts;
    thx_triples_init(&ts);
    cr_assert_eq(thx_extract(&ts, rs, &doc), 0);
    const thx_triple *t = NULL;
    for (size_t i = 0; i < ts.len && !t; i++)
        if (!strcmp(ts.items[i].therapy.norm, "bezafibrate") &&
            !strcmp(ts.items[i].effect.norm, "reduces fibrinogen"))
            t = &ts.items[i];
    cr_assert_not_null(t);
    cr_expect(!t->negated, "'has no effect' is about CRP, after ', it'");
    thx_triples_free(&ts);
}

Test(cues, pseudo_triggers_and_observed_findings_are_not_flagged)
{
    cr_expect_str_eq(flags("CONCLUSION: Pretreatment with remifentanil 1 microg/kg reduced myoclonus "
                           "after etomidate induction without side effects such as sedation, apnea, "
                           "nausea, or pruritus.", "remifentanil", "myoclonus"), "-");
    cr_expect_str_eq(flags("Metformin is not only the first-line medication for the treatment of "
                           "type 2 diabetes, but it is also effective as an anti-inflammatory, "
                           "anti-oxidative and anti-tumor agent.", "metformin", "type 2 diabetes"),
                     "-");
    cr_expect_str_eq(flags("Exosomes have been used to treat reproductive diseases such as erectile "
                           "dysfunction and primary ovarian insufficiency.",
                           "exosomes", "primary ovarian insufficiency"), "-");
}

/* "NO" in capitals inside a sentence in mixed case is nitric oxide, no negation
 * (pubmed-10k, BC5CDR 19300402) */
Test(cues, nitric_oxide_is_no_negation)
{
    const char *f = flags("Therefore, concomitant administration of small doses of bradykinin "
                          "receptor antagonists and NO synthase inhibitors can be effective in "
                          "alleviation of neuropathic pain, even in hospital care.",
                          "bradykinin receptor antagonists", "neuropathic pain");
    cr_expect_str_neq(f, "?");
    cr_expect_null(strchr(f, 'n'), "flags '%s': NO synthase is no negation", f);
}

/* An objective or a question is what a study tests: `studied for` (GUIDELINES), whatever
 * verb the rule read; the same claim stated as a finding keeps its verb. Sentences from
 * pubmed-10k (evidence-inference PMC5976950; pubmedqa 21880023). */
Test(cues, an_objective_or_a_question_is_studied_for)
{
    cr_expect_str_eq(label("We aimed to assess whether tranexamic acid reduces haematoma "
                           "expansion and improves outcome in adults with stroke due to "
                           "intracerebral haemorrhage.",
                           "tranexamic acid", "haematoma"),
                     "studied for");
    /* "exercise" is an entry of "physical therapy" in rules/lexicons/therapies.rules */
    cr_expect_str_eq(label("Does exercise during pregnancy prevent postnatal depression?",
                           "physical therapy", "postnatal depression"),
                     "studied for");
    cr_expect_str_eq(label("Exercise during pregnancy prevented postnatal depression.",
                           "physical therapy", "postnatal depression"),
                     "prevents");
}

/* The tested effect before a passive study verb, and a study's question after "to identify
 * if" (pubmed-10k, read 8: bc5cdr 3831029, evidence-inference PMC5120251, easyner
 * 32563542). Counter: a finding whose measure was assessed in another clause. */
Test(cues, a_passive_study_verb_or_a_question_is_studied_for)
{
    cr_expect_str_eq(label("The efficacy of denopamine, an orally active beta 1-adrenoceptor "
                           "agonist, in improving cardiac failure was assessed in dog "
                           "heart-lung preparations.",
                           "denopamine", "cardiac failure"),
                     "studied for");
    cr_expect_str_eq(label("Multicenter, prospective studies are ongoing to identify if "
                           "presymptomatic treatment with vigabatrin in patients with TSC can "
                           "improve outcomes, including autism.",
                           "vigabatrin", "autism spectrum disorder"),
                     "studied for");
    cr_expect_str_eq(label("Denopamine improved cardiac failure; its safety was assessed in a "
                           "second study.",
                           "denopamine", "cardiac failure"),
                     "improves");
}

/* scientific-claims 26722066 (pubmed-10k): the androgen inside "anti-androgen" is what
 * the drug works against, not a therapy of the sentence. */
Test(cues, a_therapy_after_anti_is_no_mention)
{
    thx_triples ts;
    extract_sentence(&ts, "Enzalutamide is a novel, non-steroidal anti-androgen that was "
                          "approved for the treatment of patients with castration-resistant "
                          "prostate cancer (CRPC) in 2014 in Japan.");
    for (size_t i = 0; i < ts.len; i++)
        cr_expect(strcasecmp(ts.items[i].therapy.text, "androgen") != 0,
                  "a claim names 'androgen' as the therapy");
    thx_triples_free(&ts);
}

/* evidence-inference PMC4717436 (pubmed-10k): an outcome claim takes the condition of
 * the patients it is stated for ("in ... patients with collagenous colitis"); a model
 * that the therapy itself induced is no population (BC5CDR-style sentence). */
Test(cues, an_outcome_claim_takes_its_populations_condition)
{
    thx_triples ts;
    const thx_triple *t =
        claim(&ts, "Budesonide at a mean dose of 4.5 mg/day maintained clinical remission "
                   "for at least 1 year in the majority of patients with collagenous "
                   "colitis and preserved health-related quality of life without safety "
                   "concerns.",
              "budesonide", "collagenous colitis");
    cr_assert_not_null(t, "no budesonide -> collagenous colitis claim");
    cr_expect_str_eq(t->effect.norm, "preserves clinical remission");
    cr_expect_str_eq(t->predicate, "biolink:ameliorates_condition");
    thx_triples_free(&ts);
    t = claim(&ts, "Cisplatin reduced body weight in a rat model of cisplatin-induced "
                   "nephrotoxicity.",
              "cisplatin", "nephrotoxicity");
    cr_expect_null(t, "the therapy's own harm became its population");
    thx_triples_free(&ts);
}

/* easyner-lund-autophagy 19966866 and bc5cdr 18809400 (pubmed-10k): the effect-only copy
 * of a claim that names its condition is left out ("rapamycin | beneficial | -" beside
 * "rapamycin | beneficial | lung cancer"); an outcome of its own is another claim and
 * stays (evidence-inference PMC4839526: "improved cognitive function, depression"). */
Test(cues, an_effect_only_copy_of_a_claim_with_its_condition_is_left_out)
{
    thx_triples ts;
    extract_sentence(&ts, "Rapamycin may have unique benefit for patients with lung cancer, "
                          "for whom the TSC1/TSC2 function is limited.");
    size_t pairs = 0, only = 0;
    for (size_t i = 0; i < ts.len; i++)
        if (!strcmp(ts.items[i].therapy.norm, "sirolimus")) /* rapamycin */
            ts.items[i].condition.text ? pairs++ : only++;
    cr_expect_eq(pairs, 1);
    cr_expect_eq(only, 0, "the effect-only copy stayed");
    thx_triples_free(&ts);
    extract_sentence(&ts, "In this study of MDD adults who self-reported cognitive "
                          "dysfunction, vortioxetine significantly improved cognitive "
                          "function, depression, and functionality and was generally well "
                          "tolerated.");
    bool outcome = false;
    for (size_t i = 0; i < ts.len; i++)
        outcome |= !ts.items[i].condition.text &&
                   !strcmp(ts.items[i].effect.norm, "improves cognitive function");
    cr_expect(outcome, "the outcome claim of its own was dropped");
    thx_triples_free(&ts);
}

/* A drug named as what is measured or as the body's machinery is no therapy (pubmed-10k:
 * evidence-inference "insulin sensitivity", PMC5668343 "the estrogen receptor"); an
 * unlisted "<X> receptor antagonist" in apposition names the drug before it (pubmed-10k:
 * anifrolumab, "a type I interferon (IFN) receptor antagonist"). */
Test(cues, a_measured_or_targeted_drug_is_no_therapy)
{
    thx_triples ts;
    extract_sentence(&ts, "Other studies have shown that PIO administration has beneficial "
                          "effects on insulin sensitivity in people with type 2 diabetes.");
    for (size_t i = 0; i < ts.len; i++)
        cr_expect(strcasecmp(ts.items[i].therapy.text, "insulin") != 0,
                  "'insulin' of 'insulin sensitivity' is a therapy");
    thx_triples_free(&ts);
    cr_expect_not_null(claim(&ts, "To assess anifrolumab, a type I interferon (IFN) receptor "
                                  "antagonist, in a phase IIb study of adults with SLE.",
                             "anifrolumab", "systemic lupus erythematosus"));
    for (size_t i = 0; i < ts.len; i++)
        cr_expect(strncasecmp(ts.items[i].therapy.text, "interferon", 10) != 0,
                  "the drug's target or class is the therapy");
    thx_triples_free(&ts);
}

/* The triple therapy | effect of ts with no condition, or NULL. */
static const thx_triple *effect_only(const thx_triples *ts, const char *therapy,
                                     const char *effect)
{
    for (size_t i = 0; i < ts->len; i++) {
        const thx_triple *t = &ts->items[i];
        if (!t->condition.text && !strcmp(t->therapy.norm, therapy) &&
            !strcmp(t->effect.norm, effect))
            return t;
    }
    return NULL;
}

/* An open outcome is a whole noun phrase (pubmed-10k: evidence-inference PMC4301837,
 * PMC3269419, PMC3705347, PMC5010179, PMC3750227; easyner-lund-autophagy 20851890): no
 * modifier without its head, a relational head with its complement, no quantifier, time
 * word or trailing adverb. */
Test(cues, an_open_outcome_is_a_whole_noun_phrase)
{
    thx_triples ts;
    extract_sentence(&ts, "Eplerenone 100 mg increased plasma and 24 h urinary aldosterone "
                          "while stimulating natriuresis.");
    cr_expect_null(effect_only(&ts, "eplerenone", "increases plasma"),
                   "a modifier without its head");
    thx_triples_free(&ts);
    extract_sentence(&ts, "Artesunate was more effective at preventing emergence of mature "
                          "gametocytes, except in cases that recrudesced.");
    cr_expect_not_null(
        effect_only(&ts, "artesunate", "prevents emergence of mature gametocytes"));
    thx_triples_free(&ts);
    extract_sentence(&ts, "Resveratrol inhibits mTOR signaling by promoting the interaction "
                          "between mTOR and DEPTOR.");
    cr_expect_not_null(
        effect_only(&ts, "resveratrol", "promotes interaction between mtor and deptor"));
    cr_expect_null(effect_only(&ts, "resveratrol", "promotes deptor"),
                   "'between X and Y' is no list of objects");
    thx_triples_free(&ts);
    extract_sentence(&ts, "In conclusion, three months of synbiotic supplementation did not "
                          "promote any significant changes in inflammatory cytokines.");
    for (size_t i = 0; i < ts.len; i++)
        cr_expect(strncmp(ts.items[i].effect.norm, "promotes any", 12) != 0,
                  "a quantifier as object");
    thx_triples_free(&ts);
    /* "tegafur" for the record's UFT/LV, defined in an earlier sentence */
    extract_sentence(&ts, "The RFS rate at 3 years was higher in the tegafur group (38.6%, "
                          "n = 88) than in the surgery alone group (32.3%, n = 89).");
    for (size_t i = 0; i < ts.len; i++)
        cr_expect(strcmp(ts.items[i].effect.norm, "increases years") != 0,
                  "a time word as object");
    thx_triples_free(&ts);
    extract_sentence(&ts, "Enalapril increased serum potassium levels similarly.");
    cr_expect_not_null(effect_only(&ts, "enalapril", "increases serum potassium levels"),
                       "the adverb after the object is no part of it");
    thx_triples_free(&ts);
}

/* A head that measures something (duration, latency, time, expression, size ...) is no
 * outcome without what it measures: it takes its "of" (or, for a time, "to") complement
 * (pubmed-10k read 5, "cut effect object": evidence-inference PMC5809707, PMC5433376,
 * PMC2556743; biored 29045486). */
Test(cues, a_measuring_head_takes_its_complement)
{
    thx_triples ts;
    /* the whole object, a longer recovery, is a harm the pack's polarity vocabulary drops
     * (tests/test_harms.c); never the cut one */
    extract_sentence(&ts, "However, unlike the addition of fentanyl, the addition of ketamine "
                          "increased the time to recovery.");
    cr_expect_null(effect_only(&ts, "ketamine", "increases time"));
    thx_triples_free(&ts);
    /* pubmedqa 22658587 */
    extract_sentence(&ts, "Affect-regulated exercise to feel 'good' can be used in a training "
                          "programme to regulate exercise intensity. This approach led to a 19% "
                          "increase in time to reach ventilatory threshold, which is indicative "
                          "of improved fitness.");
    cr_expect_not_null(
        effect_only(&ts, "physical therapy", "increases time to reach ventilatory threshold"));
    cr_expect_null(effect_only(&ts, "physical therapy", "increases time"));
    thx_triples_free(&ts);
    extract_sentence(&ts, "Remifentanil group had lower duration of procedure (2.5 ± 1.6 versus "
                          "4.6 ± 1.8 minutes, p < 0.001).");
    cr_expect_not_null(effect_only(&ts, "remifentanil", "reduces duration of procedure"));
    cr_expect_null(effect_only(&ts, "remifentanil", "reduces duration"));
    thx_triples_free(&ts);
    extract_sentence(&ts, "Monitoring and minimizing PP by volume loading during high-risk "
                          "surgery improves postoperative outcome and decreases the length of "
                          "stay in hospital.");
    cr_expect_null(effect_only(&ts, "surgery", "reduces length"));
    thx_triples_free(&ts);
    extract_sentence(&ts, "Pharmacological inhibition of HIF-1a activity using YC1 and thiamine "
                          "repletion both reduced expression of pro-apoptotic HIF-1a target "
                          "genes.");
    cr_expect_null(effect_only(&ts, "thiamine", "reduces expression"));
    thx_triples_free(&ts);
    /* whose volume it is, not what the volume is of (bc5cdr 7453952) */
    extract_sentence(&ts, "Amiloride reduced the drinking and urine volume of rats in an acute "
                          "(6 or 12 h) and a subacute (3 days) experiment.");
    cr_expect_not_null(effect_only(&ts, "amiloride", "reduces urine volume"));
    thx_triples_free(&ts);
}

/* What a study sets out to test, when its claim names no condition, is studied for with
 * no condition, as the mline gold writes it ("Can early second-look tympanoplasty reduce
 * the rate of conversion ...?" is tympanoplasty | studied for | -): no finding ("We
 * hypothesized that X would ..."); pubmed-10k reads 5 and 8 to 10, "objective read as
 * finding" (evidence-inference PMC5801479 kind, PMC2464595; PMC5217546). */
Test(cues, an_objectives_outcome_claim_is_studied_for)
{
    thx_triples ts;
    extract_sentence(&ts, "We hypothesized that vitamin D3 supplementation would ameliorate FLS "
                          "by decreasing related serum cytokines' levels.");
    cr_expect_null(effect_only(&ts, "vitamin D", "reduces related serum cytokines' levels"));
    cr_expect_not_null(effect_only(&ts, "vitamin D", "studied for"), "an objective's claim");
    thx_triples_free(&ts);
    extract_sentence(&ts, "This study assessed the impact of closed suction drains and evaluated "
                          "whether the intraoperative use of a fibrin sealant decreased time to "
                          "drain removal and wound complications in melanoma patients.");
    for (size_t i = 0; i < ts.len; i++)
        if (!ts.items[i].condition.text)
            cr_expect_str_eq(ts.items[i].effect.norm, "studied for",
                             "'%s | %s' is what the study tests", ts.items[i].therapy.norm,
                             ts.items[i].effect.norm);
    thx_triples_free(&ts);
    extract_sentence(&ts, "Bezafibrate decreased serum fibrinogen levels.");
    const thx_triple *t = effect_only(&ts, "bezafibrate", "reduces serum fibrinogen levels");
    cr_assert_not_null(t);
    cr_expect(!t->hedged, "a finding");
    thx_triples_free(&ts);
    cr_expect_str_eq(flags("Results of this pilot study suggest that adjunctive treatment with "
                           "Bacillus coagulans GBI-30, 6086 LAB probiotic appeared to be a safe "
                           "and effective for patients suffering from RA.",
                           "probiotics", "RA"),
                     "h");
}

/* The effect label of the title claim therapy -> condition of a document with only that
 * title, or "?". */
static const char *title_label(const char *title, const char *therapy, const char *condition)
{
    static char out[64];
    thx_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "t";
    doc.title = (char *)title;
    doc.abstract = "";
    thx_triples ts;
    thx_triples_init(&ts);
    cr_assert_eq(thx_extract(&ts, rs, &doc), 0);
    strcpy(out, "?");
    for (size_t i = 0; i < ts.len; i++) {
        const thx_triple *t = &ts.items[i];
        if (t->condition.text && !strcmp(t->therapy.norm, therapy) &&
            (!strcmp(t->condition.norm, condition) || !strcmp(t->condition.text, condition)))
            snprintf(out, sizeof out, "%s", t->effect.norm);
    }
    thx_triples_free(&ts);
    return out;
}

/* A trial's title that no finite verb states is what the trial tests (pubmed-10k titles,
 * reads 2 and 3: "objective/design/title read as finding"); the same subtitle after a
 * stated result keeps the result's label, and an abstract sentence is no title. */
Test(cues, a_trial_title_is_studied_for_unless_a_verb_states_it)
{
    cr_expect_str_eq(title_label("Prevention of breast cancer with tamoxifen: preliminary "
                                 "findings from the Italian randomised trial among "
                                 "hysterectomised women.",
                                 "tamoxifen", "breast cancer"),
                     "studied for");
    cr_expect_str_eq(title_label("Comparison of mesna with forced diuresis to prevent "
                                 "cyclophosphamide induced haemorrhagic cystitis in marrow "
                                 "transplantation: a prospective randomised study.",
                                 "mesna", "haemorrhagic cystitis"),
                     "studied for");
    cr_expect_str_eq(title_label("Electrosurgery reduces blood loss and immediate "
                                 "postoperative inflammation compared to cold instruments "
                                 "for midline celiotomy in dogs: A randomized controlled trial",
                                 "electrosurgery", "blood loss"),
                     "reduces");
    cr_expect_str_eq(title_label("Allogeneic Mesenchymal Stem Cells Ameliorate Aging Frailty: "
                                 "A Phase II Randomized, Double-Blind, Placebo-Controlled "
                                 "Clinical Trial",
                                 "mesenchymal stem cells", "aging frailty"),
                     "ameliorates");
    /* a property before its head noun is a nominal title too (pubmed-10k) */
    cr_expect_str_eq(title_label("Antidepressant Effect of Combined Ketamine and "
                                 "Electroconvulsive Therapy on Patients With Major Depressive "
                                 "Disorder: A Randomized Trial",
                                 "ketamine + electrotherapy", "Major Depressive Disorder"),
                     "studied for");
    cr_expect_str_eq(title_label("Cardioprotective effect of salvianolic acid A on "
                                 "isoproterenol-induced myocardial infarction in rats.",
                                 "salvianolic acid A", "myocardial infarction"),
                     "cardioprotective", "no design subtitle: the property stands");
    cr_expect_str_eq(label("Prevention of breast cancer with tamoxifen: preliminary findings "
                           "from the Italian randomised trial among hysterectomised women.",
                           "tamoxifen", "breast cancer"),
                     "prevents", "an abstract sentence is no title");
}

/* A claim in a structured abstract's methods section (METHODS, PATIENTS AND METHODS,
 * DESIGN, INTERVENTIONS ...: the label opens the section's first sentence) describes the
 * study, not its findings: studied for (GUIDELINES: effect; pubmed-10k read 3 #66, read 4
 * #95; bc5cdr 17418541, pubmedqa-style METHODS sentences). */
Test(cues, a_methods_sections_claim_is_studied_for)
{
    cr_expect_str_eq(label("METHODS: We undertook a retrospective case review of four children "
                           "with risperidone-induced hyperprolactinemia treated with "
                           "cabergoline.",
                           "cabergoline", "hyperprolactinemia"),
                     "studied for");
    cr_expect_str_eq(label("METHODS: We reviewed the charts. Fourteen patients chronically "
                           "infected with hepatitis C virus were treated by pegylated interferon "
                           "alpha 2a and ribavirin.",
                           "ribavirin", "HCV infection"),
                     "studied for", "the section goes on after its first sentence");
    cr_expect_str_eq(label("METHODS: We reviewed the charts. RESULTS: Fourteen patients "
                           "chronically infected with hepatitis C virus were treated by "
                           "pegylated interferon alpha 2a and ribavirin.",
                           "ribavirin", "HCV infection"),
                     "treats", "a results section");
    /* a label without its colon (easyner-lund-autophagy 21525172, pubmed-10k read 4 #95) */
    cr_expect_str_eq(label("EXPERIMENTAL DESIGN In this multicenter phase 2 nonrandomized open "
                           "label trial, 16 patients with tuberous sclerosis or sporadic LAM and "
                           "renal angiomyolipoma(s) were treated with oral sirolimus for 12 "
                           "months.",
                           "sirolimus", "tuberous sclerosis"),
                     "studied for");
    cr_expect_str_eq(label("METHODS AND RESULTS: Fourteen patients chronically infected with "
                           "hepatitis C virus were treated by pegylated interferon alpha 2a and "
                           "ribavirin.",
                           "ribavirin", "HCV infection"),
                     "treats", "a section of results too");
}

/* A trial's title split at its full stop: the design sentence after it makes it a
 * study's title (pubmed-10k read 5 #68; bc5cdr titles). */
Test(cues, a_title_before_its_design_sentence_is_studied_for)
{
    cr_expect_str_eq(title_label("Neck pain in chronic whiplash syndrome treated with "
                                 "botulinum toxin. A double-blind, placebo-controlled clinical "
                                 "trial.",
                                 "botulinum toxin", "whiplash syndrome"),
                     "studied for");
    cr_expect_str_eq(title_label("Neck pain in chronic whiplash syndrome treated with "
                                 "botulinum toxin.",
                                 "botulinum toxin", "whiplash syndrome"),
                     "treats", "no design sentence");
    cr_expect_str_eq(title_label("Remifentanil pretreatment reduces myoclonus after etomidate. A "
                                 "randomized trial.",
                                 "remifentanil", "myoclonus"),
                     "reduces", "a verb states it");
}

/* A title that names an aim (a treatment or prevention noun, a gerund, an infinitive)
 * and no finite verb states is a study's title, with or without a design subtitle
 * (pubmed-10k read 4 #38, read 5 #96; bc5cdr 2494394, 3729969); a result's noun
 * ("Protective effects of X on Y"), a case title ("Y in Z treated with X") and a finite
 * verb keep their label. */
Test(cues, an_aim_title_is_studied_for)
{
    cr_expect_str_eq(title_label("Study on the Treatment of Tuberous Sclerosis with Rapamycin "
                                 "Nanomicelles Based on Abdominal Ultrasound.",
                                 "sirolimus", "tuberous sclerosis"),
                     "studied for");
    cr_expect_str_eq(title_label("Efficacy and safety of granisetron, a selective "
                                 "5-hydroxytryptamine-3 receptor antagonist, in the prevention "
                                 "of nausea and vomiting induced by high-dose cisplatin.",
                                 "granisetron", "nausea and vomiting"),
                     "studied for");
    cr_expect_str_eq(title_label("Continuous subcutaneous administration of mesna to prevent "
                                 "ifosfamide-induced hemorrhagic cystitis.",
                                 "mesna", "hemorrhagic cystitis"),
                     "studied for");
    cr_expect_str_eq(title_label("Remifentanil pretreatment reduces myoclonus after etomidate.",
                                 "remifentanil", "myoclonus"),
                     "reduces");
    cr_expect_str_eq(title_label("Protective effects of antithrombin on puromycin aminonucleoside "
                                 "nephrosis in rats.",
                                 "antithrombins", "nephrosis"),
                     "protects against");
    /* a case's title (bc5cdr 1858969) and a result's agent (bc5cdr 20080419) */
    cr_expect_str_eq(title_label("Five cases of encephalitis during treatment of loiasis with "
                                 "diethylcarbamazine.",
                                 "diethylcarbamazine", "loiasis"),
                     "treats");
    cr_expect_str_eq(title_label("Prevention of seizures and reorganization of hippocampal "
                                 "functions by transplantation of bone marrow cells in the acute "
                                 "phase of experimental epilepsy.",
                                 "bone marrow mononuclear cells", "seizures"),
                     "prevents");
    /* a finite verb before its object (evidence-inference PMC5842771) */
    cr_expect_str_eq(title_label("Combined application of tenuigenin and beta-asarone improved "
                                 "the efficacy of memantine in treating moderate-to-severe "
                                 "Alzheimer's disease",
                                 "memantine", "Alzheimer's disease"),
                     "treats");
    /* a gerund after a verb (evidence-inference PMC2858204) */
    cr_expect_str_eq(title_label("Hyperbaric Oxygen Therapy Facilitates Healing of Chronic Foot "
                                 "Ulcers in Patients With Diabetes",
                                 "hyperbaric oxygen therapy", "Foot Ulcers"),
                     "heals");
    /* an aim's outcome claim is studied for, with no condition (evidence-inference
     * PMC3233526) */
    thx_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "t";
    doc.title = "Role of iron supplementation in promoting maternal and fetal outcome";
    doc.abstract = "";
    thx_triples ts;
    thx_triples_init(&ts);
    cr_assert_eq(thx_extract(&ts, rs, &doc), 0);
    cr_expect_gt(ts.len, 0);
    for (size_t i = 0; i < ts.len; i++) {
        cr_expect_str_eq(ts.items[i].effect.norm, "studied for", "'%s' is an aim",
                         ts.items[i].effect.norm);
        cr_expect_eq(ts.items[i].ncues, 0, "no word of the title is a cue");
    }
    thx_triples_free(&ts);
    cr_expect_str_eq(title_label("Mitochondrial impairment contributes to cocaine-induced "
                                 "cardiac dysfunction: Prevention by the targeted antioxidant "
                                 "MitoQ.",
                                 "MitoQ", "cardiac dysfunction"),
                     "prevents");
}
