/*
 * A trial's result stated as the two arms' figures (rules/arms.rules, src/claims/arms.c),
 * with the shipped rule pack, on real sentences of pubmed-10k (pubmedqa 17606778;
 * evidence-inference PMC3713669, PMC2887326, PMC2995234, PMC5614421, PMC3714019): the
 * studied arm's percentage against the placebo arm's gives the label (lower -> reduces,
 * higher -> increases), p values of 0.05 or more or "similar in both groups" negate it,
 * and a harm that rises with the therapy gives no claim; an anaphor arm ("the treatment
 * group") is the title's one studied therapy.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "support.h"
#include "therex.h"

#define CLAIMS(sentence, therapy) therapy_claims(rs, sentence, therapy, true)

SHIPPED_PACK_SUITE(arms);

Test(arms, lower_in_the_studied_arm_reduces)
{
    cr_expect_str_eq(CLAIMS("The prevalence of complex regional pain syndrome was 2.4% "
                            "(eight of 328) in the vitamin C group and 10.1% (ten of "
                            "ninety-nine) in the placebo group (p=0.002); all of the "
                            "affected patients were elderly women.",
                            "vitamin C"),
                     "reduces|complex regional pain syndrome|");
}

Test(arms, higher_in_the_studied_arm_increases)
{
    cr_expect_str_eq(CLAIMS("Complete response was obtained in 90% patients in the "
                            "betahistine group as compared to 66% in the placebo group.",
                            "betahistine"),
                     "increases complete response||");
}

Test(arms, a_p_value_of_005_or_more_negates)
{
    cr_expect_str_eq(CLAIMS("The prominent efficacy rate was 19% (7 of 37) in the "
                            "Hochu-ekki-to group and 5% (2 of 40) in the placebo group "
                            "(P = 0.06).",
                            "Hochu-ekki-to"),
                     "increases prominent efficacy rate||n");
}

Test(arms, similar_in_both_groups_negates)
{
    cr_expect_str_eq(CLAIMS("The incidence of respiratory distress syndrome was similar in "
                            "both study groups—10.5% (42/402) in the progesterone group and "
                            "10.6% (41/388) in the placebo group (adjusted relative risk "
                            "[RR] 0.98, 95% confidence interval [CI] 0.64–1.49, p = 0.912).",
                            "progesterone"),
                     "reduces|respiratory distress syndrome|n");
}

Test(arms, a_harm_that_rises_is_no_claim)
{
    cr_expect_str_eq(CLAIMS("The incidence of thrombotic events was 7% in the epoetin alfa "
                            "arm vs 3% in the control arm.",
                            "epoetin alfa"),
                     "");
}

/* "therapy|effect|negated|coref" of each arms.* triple of a document (title, abstract),
 * joined by ','. */
static const char *arm_claims(const char *title, const char *abstract)
{
    static char buf[1024];
    thx_doc d = {.id = "t", .source = "t", .title = (char *)title, .abstract = (char *)abstract};
    thx_triples ts = {0};
    cr_assert_eq(thx_extract(&ts, rs, &d), 0);
    buf[0] = '\0';
    for (size_t i = 0; i < ts.len; i++) {
        const thx_triple *t = &ts.items[i];
        if (strncmp(t->rule_id, "arms.", 5))
            continue;
        size_t l = strlen(buf);
        snprintf(buf + l, sizeof buf - l, "%s%s|%s|%d|%d", l ? "," : "", t->therapy.norm,
                 t->effect.text ? t->effect.text : "", t->negated, t->coref);
    }
    thx_triples_free(&ts);
    return buf;
}

/* An anaphor arm ("the treatment group") stands for the one therapy the title studies
 * (evidence-inference PMC5471294), or, with no title, the one its objective sentence
 * names (PMC4826692); never the trial's goal ("Intervention for Smoking Cessation",
 * PMC3221331), nor a therapy when the title names two. */
Test(arms, an_anaphor_arm_is_the_titles_one_studied_therapy)
{
    const char *op = "Similarly, the OP rate was 37% in the treatment group and 31% in the "
                     "control group [OR 1.3 (95% CI 0.8–2.0), P < 0.23].";
    cr_expect_str_eq(arm_claims("Impact of Mid-Luteal Phase GnRH Agonist Administration on "
                                "Reproductive Outcomes in GnRH Agonist-Triggered Cycles",
                                op),
                     "GnRH agonist|OP rate|1|1");
    cr_expect_str_eq(arm_claims("",
                                "Aim. To determine one traditional Chinese medicine (TCM) "
                                "Nao-Xue-Shu oral liquid which protects and improves "
                                "secondary brain insults (SBI) in hypertensive cerebral "
                                "hemorrhage (HCH). Results. The incidence of SBI at the end of "
                                "week 2 was 8.97% in the treatment group and 23.75% in the "
                                "control group, and the difference was significant (P < "
                                "0.001)."),
                     "herbal medicine|SBI|0|1");
    cr_expect_str_eq(arm_claims("A Theory-Based Video Messaging Mobile Phone Intervention for "
                                "Smoking Cessation: Randomized Controlled Trial",
                                "Continuous abstinence at 6 months was 26.4% (29/110) in the "
                                "intervention group and 27.6% (32/116) in the control group "
                                "(P = .8)."),
                     "");
    cr_expect_str_eq(arm_claims("Letrozole versus clomiphene citrate for ovulation induction",
                                op),
                     "");
}
