/*
 * A therapy's indication in a report of its harm is its use (src/claims/harmuse.c; read
 * 13 of pubmed-10k, "use/indication labelled studied for"), and a finding's comparator is
 * no subject of a `studied for` claim (src/claims/comparator.c), on documents and
 * sentences of pubmed-10k: bc5cdr 9545159 ("Prolongation of the QT interval related to
 * cisapride-diltiazem interaction"), bc5cdr 15632880 ("Spironolactone-induced renal
 * insufficiency and hyperkalemia in patients with heart failure"; its trial reference
 * stays studied for), evidence-inference PMC5119624 ("The median overall survival (OS)
 * was longer versus GM-CSF ...") and PMC5762965 (two arms side by side keep theirs).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "support.h"
#include "therex.h"

SHIPPED_PACK_SUITE(harmuse);

/* documents of pubmed-10k: the claims of therapy must hold want and not unwanted */
static const struct {
    const char *title, *abstract, *therapy, *want, *also, *unwanted;
} DOCS[] = {
    /* a case report of a harm names what the drugs were taken for: a use */
    {"Prolongation of the QT interval related to cisapride-diltiazem interaction.",
     "A possible drug interaction occurred in a 45-year-old woman who was taking cisapride "
     "for gastroesophageal reflux disorder and diltiazem, an agent that has inhibitory "
     "effect on CYP3A4, for hypertension.",
     "cisapride", "treats|gastroesophageal reflux disorder", "treats|", "studied for"},
    /* a harm study: its methods name the use, its trial reference stays studied */
    {"Spironolactone-induced renal insufficiency and hyperkalemia in patients with heart "
     "failure.",
     "BACKGROUND: A previous randomized controlled trial evaluating the use of "
     "spironolactone in heart failure patients reported a low risk of hyperkalemia (2%) and "
     "renal insufficiency (0%). METHODS: We performed a case control study of heart failure "
     "patients treated with spironolactone in our clinical practice.",
     "spironolactone", "treats|heart failure", "studied for|heart failure", "prevents"},
};

Test(harmuse, a_report_of_a_harm_names_the_drugs_use)
{
    for (size_t i = 0; i < sizeof DOCS / sizeof *DOCS; i++) {
        const char *got = titled_claims(rs, DOCS[i].title, DOCS[i].abstract, DOCS[i].therapy);
        cr_expect_not_null(strstr(got, DOCS[i].want), "%s", got);
        cr_expect_not_null(strstr(got, DOCS[i].also), "%s", got);
        cr_expect_null(strstr(got, DOCS[i].unwanted), "%s", got);
    }
}

Test(harmuse, a_findings_comparator_is_no_subject)
{
    cr_expect_str_empty(therapy_claims(rs,
                                       "The median overall survival (OS) was longer versus "
                                       "GM-CSF in patients with earlier-stage melanoma "
                                       "(IIIB-IVM1a).",
                                       "GM-CSF", false));
    cr_expect_not_null(strstr(therapy_claims(rs,
                                             "Paricalcitol Versus Calcifediol for Treating "
                                             "Hyperparathyroidism in Kidney Transplant "
                                             "Recipients",
                                             "Calcifediol", false),
                              "studied for|Hyperparathyroidism"));
}
