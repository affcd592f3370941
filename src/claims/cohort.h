/*
 * A sentence that describes a study's cohort is methods, not a finding (read 12 of
 * pubmed-10k, "methods/database description labelled treats"; GUIDELINES, effect: a
 * design or methods sentence is `studied for`): "Nagoya Spine Group database included
 * 1560 cases with cervical myelopathy treated with cervical laminectomy or
 * laminoplasty", "Six hundred and twenty consecutive patients underwent total
 * laparoscopic fundoplication for GERD", "This randomized controlled trial included
 * 1,250 eyes of 625 patients undergoing PRK for correction of myopia". A claim read off a
 * word that only says who got what ("treated", "underwent", "undergoing", "receiving",
 * "for") in a sentence whose words before it say how the cohort was drawn ("included",
 * "enrolled", "recruited", "consecutive", "retrospectively", "database", "registry",
 * "charts", "medical records") is `studied for`. A result's verb ("reduced",
 * "remission") is not such a word: its claim keeps its label.
 *
 * Internal to claims/. Positions are bytes of the sentence s[0..n).
 */
#ifndef THX_COHORT_H
#define THX_COHORT_H

#include <stdbool.h>
#include <stddef.h>

/* Does sentence s describe a cohort before the trigger [trig_start, trig_end), and is the
 * trigger a word that only says who got what? */
bool cohort_described(const char *s, size_t trig_start, size_t trig_end);

#endif
