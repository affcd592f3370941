/*
 * The effect label a claim's sentence decides (issue 10; read 12 of pubmed-10k), with
 * the shipped rule pack, on real sentences of pubmed-10k:
 * - an aim runs past a negation's stop word ("while"), a tested hypothesis and a future
 *   study are aims, and a bare "whether" question hedges (rules/cues.rules; each cue
 *   block's stop words end its own scopes, src/claims/resolve.c);
 * - an established use between the therapy and the condition makes `treats`, and a
 *   condition named as what is prevented makes `prevents` (src/claims/indication.c);
 * - a cohort's description is methods: `studied for` (src/claims/cohort.c);
 * - a title's apposition that says what the therapy is states a use, not an aim.
 * Counters: a finding after an aim's relative clause ("which has been shown to") and "the
 * treatment and prevention of Y" keep their labels.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

#define CLAIMS(sentence, therapy) therapy_claims(rs, sentence, therapy, false)

SHIPPED_PACK_SUITE(label);

/* "effect|condition|h" (h when hedged) of each triple of therapy (as written) in a
 * document with this title and abstract, joined by ','; a static buffer. */
static const char *hedged_claims(const char *title, const char *abstract, const char *therapy)
{
    static char out[512];
    out[0] = 0;
    thx_triples ts;
    extract_titled(rs, title, abstract, &ts);
    for (const thx_triple *t = ts.items; t < ts.items + ts.len; t++) {
        if (strcmp(t->therapy.text, therapy))
            continue;
        if (out[0])
            strcat(out, ",");
        strncat(out, t->effect.norm, sizeof out - strlen(out) - 40);
        strcat(out, "|");
        strncat(out, t->condition.text ? t->condition.text : "-", sizeof out - strlen(out) - 4);
        strcat(out, t->hedged ? "|h" : "|");
    }
    thx_triples_free(&ts);
    return out;
}

/* evidence-inference PMC5379244 (read 12 #85): "while" ended the aim's scope */
Test(label, an_aim_runs_past_while)
{
    cr_expect_str_eq(CLAIMS("We aimed to investigate whether day-and-night hybrid closed-loop "
                            "insulin delivery can improve glucose control while alleviating "
                            "the risk of hypoglycaemia in adults with HbA1c below 7·5% "
                            "(58 mmol/mol).",
                            "insulin"),
                     "studied for|hypoglycaemia");
}

/* evidence-inference PMC2855860 (read 12 #10, "to test the hypothesis that"); pubmedqa
 * 22532370 (read 12 #94, a future study) */
Test(label, a_tested_hypothesis_and_a_future_study_are_aims)
{
    cr_expect_str_eq(hedged_claims("", "This multicenter, randomized, open-label phase III "
                                   "trial (planned enrollment: 700 patients) was conducted to "
                                   "test the hypothesis that single-agent sunitinib improves "
                                   "progression-free survival (PFS) compared with capecitabine "
                                   "as treatment for advanced breast cancer (ABC).",
                                   "sunitinib"),
                     "studied for|-|");
    cr_expect_str_eq(hedged_claims("", "As changes in arterial wall properties may be incipient "
                                   "in young obese subjects, future studies will be required "
                                   "to demonstrate whether early intervention such as diet "
                                   "and exercise in this population can improve vascular "
                                   "functions.",
                                   "exercise"),
                     /* the people's one condition is what the aim tests it in (target.c) */
                     "studied for|obese|");
}

/* evidence-inference PMC4213554: an open question, no study verb, hedges; the aim of
 * easyner-lund-autophagy 28775826 stops at its relative clause of what is known */
Test(label, a_bare_question_hedges_and_a_known_fact_ends_an_aim)
{
    cr_expect_str_eq(hedged_claims("", "Little is known about whether a routinely inserted "
                                   "endoscopic nasobiliary drainage (ENBD) tube improves the "
                                   "clinical course in patients with choledocholithiasis-induced "
                                   "acute cholangitis after clearance of choledocholithiasis.",
                                   "endoscopic nasobiliary drainage (ENBD)"),
                     "improves clinical course|choledocholithiasis|h");
    cr_expect_str_eq(CLAIMS("The aim of the present study was (1) to identify molecular "
                            "changes associated with social and cognitive deficits in the "
                            "brain tissue of Tsc1+/- mice and (2) to investigate the "
                            "molecular effects of rapamycin treatment, which has been shown "
                            "to ameliorate genotype-related behavioural deficits.",
                            "rapamycin"),
                     "ameliorates|behavioural deficits");
}

/* bc5cdr 12912689 (read 12 #71), easyner-lund-autophagy 21916571, evidence-inference
 * PMC2888205 (#89, "is therapeutic for") */
Test(label, an_established_use_treats)
{
    cr_expect_str_eq(CLAIMS("BACKGROUND: Focal subtenon carboplatin injections have recently "
                            "been used as a presumably toxicity-free adjunct to systemic "
                            "chemotherapy for intraocular retinoblastoma.",
                            "carboplatin"),
                     "treats|intraocular retinoblastoma");
    cr_expect_str_eq(CLAIMS("Everolimus is the first mTOR inhibitor approved in the USA for "
                            "the treatment of patients with subependymal giant-cell "
                            "astrocytomas (SEGAs) associated with TSC.",
                            "mTOR inhibitor"),
                     "treats|subependymal giant-cell astrocytomas (SEGAs)");
    /* evidence-inference PMC2888205 (read 12 #89); the pack gives the triple twice, the
     * second as coref (as it did before, with studied for) */
    cr_expect_str_eq(CLAIMS("Although exercise is therapeutic for adults with fibromyalgia "
                            "(FM), its symptoms often create obstacles that discourage "
                            "exercise.",
                            "exercise"),
                     "treats|fibromyalgia (FM),treats|fibromyalgia (FM)");
}

/* evidence-inference PMC1851720 (read 12 #9), PMC3108665; counter: the treatment and the
 * prevention of a condition named together */
Test(label, a_condition_named_as_prevented)
{
    cr_expect_str_eq(CLAIMS("In a trial conducted in the Gambia between 1985 and 1987, young "
                            "children were allocated either to receive dapsone/pyrimethamine "
                            "(a commonly used drug for malaria prevention) or placebo, for up "
                            "to four years.",
                            "dapsone/pyrimethamine"),
                     "prevents|malaria");
    cr_expect_str_eq(CLAIMS("Somatostatin has been found to be effective in the prevention of "
                            "postoperative complications in pancreatic surgery.",
                            "Somatostatin"),
                     "prevents|postoperative complications");
    cr_expect_str_eq(CLAIMS("Alendronate, a biphosphonate, is effective for both the "
                            "treatment and prevention of osteoporosis in postmenopausal women.",
                            "Alendronate"),
                     "treats|osteoporosis");
}

/* read 12 #42 (Nagoya Spine Group); counter: a cohort's result keeps its verb */
Test(label, a_cohort_description_is_methods)
{
    cr_expect_str_eq(CLAIMS("Nagoya Spine Group database included 1560 cases with cervical "
                            "myelopathy treated with cervical laminectomy or laminoplasty "
                            "from 2001 to 2005.",
                            "laminectomy"),
                     "studied for|myelopathy");
    cr_expect_str_eq(CLAIMS("Six hundred and twenty consecutive patients underwent total "
                            "laparoscopic fundoplication for GERD.",
                            "fundoplication"),
                     "studied for|GERD");
}

/* bc5cdr 18996674 (read 12 #44): the title states a use; bc5cdr 7890216 (#14): a bare
 * "response to X" names the topic */
Test(label, a_title_states_a_use_or_names_a_topic)
{
    cr_expect_str_eq(hedged_claims("Intracavernous epinephrine: a minimally invasive treatment "
                                   "for priapism in the emergency department.",
                                   "", "epinephrine"),
                     "treats|priapism|");
    cr_expect_str_eq(hedged_claims("Composition of gall bladder stones associated with "
                                   "octreotide: response to oral ursodeoxycholic acid.",
                                   "", "ursodeoxycholic acid"),
                     "studied for|gall bladder stones|");
}
