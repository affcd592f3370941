/*
 * An open effect label runs to its head noun (src/claims/headnoun.c; read 13 of
 * pubmed-10k, "modifier read as predicate / cut label"), on sentences of pubmed-10k:
 * evidence-inference PMC4628236 ("prevents structural"), PMC3772299 ("reduces high"),
 * PMC2848004 ("reduces percentage of days"). Counter: a bare measure word that reaches
 * no head is dropped (PMC2855860, "increases frequencies").
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(headnoun);

Test(headnoun, an_adjective_runs_to_its_head_noun)
{
    cr_expect_not_null(strstr(therapy_claims(rs,
                                             "Cinaciguat prevented structural, molecular "
                                             "alterations and improved cardiac performance "
                                             "of the diabetic heart.",
                                             "Cinaciguat", false),
                              "prevents structural, molecular alterations|"));
    /* the aim of the same abstract (PMC3772299) cut "reduces high" before headnoun.c;
     * "We evaluated the effectiveness of" makes it an aim (aim.c, read 13 #33), and the
     * aim's label wins over the completed one */
    cr_expect_str_eq(therapy_claims(rs,
                                    "We evaluated the effectiveness of genotype- and "
                                    "phenotype-directed individualization of P2Y12 "
                                    "inhibitors to decrease high on-treatment platelet "
                                    "reactivity (HOPR).",
                                    "P2Y12 inhibitors", false),
                     "studied for|");
}

Test(headnoun, a_unit_takes_its_phrase)
{
    cr_expect_not_null(strstr(therapy_claims(rs,
                                             "Indacaterol significantly reduced the "
                                             "percentage of days of poor control versus "
                                             "placebo by 22.5% (p < 0.001).",
                                             "Indacaterol", false),
                              "reduces percentage of days of poor control|"));
}

Test(headnoun, a_bare_measure_with_no_head_is_dropped)
{
    const char *c = therapy_claims(rs,
                                   "While no new or unexpected safety findings were reported, "
                                   "sunitinib treatment was associated with higher "
                                   "frequencies and greater severities of many common "
                                   "adverse events (AEs) compared with capecitabine.",
                                   "sunitinib", false);
    cr_expect_null(strstr(c, "frequencies"), "%s", c);
}
