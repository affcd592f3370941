/*
 * A word of harm in a sentence (harm_named, src/claims/harm.c): "toxic" and "induced"
 * count inside a word ("nephrotoxicity", "cisplatin-induced"); the other cues only
 * where a word starts, so "because of" (bc5cdr 1289188: "a totally implanted system
 * because of his poor compliance") is no "cause of".
 */
#include <criterion/criterion.h>
#include <string.h>

#include "claims/harm.h"

static bool named(const char *s)
{
    return harm_named(s, strlen(s));
}

Test(harm_words, cues_inside_a_word)
{
    cr_expect(named("Cephalothin nephrotoxicity in a patient with renal disease."));
    cr_expect(named("Cisplatin-induced ototoxicity was studied."));
}

Test(harm_words, cues_at_a_word_start)
{
    cr_expect(named("Anemia caused by zidovudine."));
    cr_expect(named("Cause of death was sepsis."));
    cr_expect(named("The main cause of hospitalisation"));
    cr_expect(named("Adverse events were rare."));
}

Test(harm_words, because_of_is_no_cause_of)
{
    cr_expect_not(named("He was undergoing home intravenous desferrioxamine treatment by "
                        "means of a totally implanted system because of his poor compliance "
                        "with the nightly subcutaneous therapy."));
    cr_expect_not(named("A nonfatal course."));
}
