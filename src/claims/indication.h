/*
 * What a sentence says a therapy is for (read 12 of pubmed-10k, "use/indication as
 * studied", "drug for malaria prevention" read as treats). Two facts of the words
 * around a claim's mentions, computed once per claim by extract.c:
 *
 * - an established use: the words between the therapy and the condition state an
 *   approval, an indication or a use in practice ("Everolimus has been recently approved
 *   as a pharmacotherapy option for TSC patients with ... renal angiomyolipomas",
 *   "subtenon carboplatin injections have recently been used as ... adjunct ... for
 *   intraocular retinoblastoma", "is the standard treatment", "treatment of choice",
 *   "mainstay"): the claim is X treats Y, not X studied for Y, and an aim or a methods
 *   sentence around it ("whether it is sensitive to the mTOR blocker, rapamycin, that is
 *   approved for epilepsy treatment") does not make it one. Not when the words compare
 *   ("than", "compared", "versus"): there the use is the comparator's; nor in a disease
 *   model ("used in animal models of ...").
 * - an apposition that says what the therapy is ("Intracavernous epinephrine: a minimally
 *   invasive treatment for priapism in the emergency department"): a use, as above (a
 *   title's own wording decides whether it names an aim or states a finding).
 * - a prevention: the condition is named as what is prevented ("a commonly used drug for
 *   malaria prevention", "prophylaxis against VAP", "effective in preventing PONV"): a
 *   treats claim is X prevents Y; "the treatment and prevention of osteoporosis" names
 *   both and stays treats.
 *
 * Internal to claims/. Positions are bytes of the sentence s[0..n).
 */
#ifndef THX_INDICATION_H
#define THX_INDICATION_H

#include <stdbool.h>
#include <stddef.h>

#include "lexicon/lexicon.h"

/* Do the words between therapy t and condition cond (either order, at most 120 bytes)
 * state an established use of the therapy? */
bool indication_use(const char *s, const mention *t, const mention *cond);

/* Does an apposition right after therapy t say what it is, up to the trigger noun
 * [trig_start, trig_end) ("Intracavernous epinephrine: a minimally invasive treatment for
 * priapism", "X, a safe treatment for Y"): a title that states a use, not an aim? Not a
 * study's subtitle ("X: a randomized trial of ..."). */
bool indication_apposition(const char *s, const mention *t, size_t trig_start, size_t trig_end);

/* Is condition cond named as what is prevented ("Y prevention", "prophylaxis of Y",
 * "preventing Y"), and not also as what is treated ("treatment and prevention of Y")? */
bool indication_prevention(const char *s, size_t n, const mention *cond);

#endif
