/*
 * The setting of the people studied: a therapy the people of a sentence undergo or
 * receive as their circumstance ("the effect of desmopressin on bleeding in patients
 * undergoing CABG", "TJ-100 reduced bloating in patients with chronic constipation
 * receiving stimulant laxatives", "in patients with type 2 diabetes receiving liraglutide
 * and metformin") is the background of the study, not the therapy it is about, when
 * another therapy is: one the sentence names before it, one the people are randomised
 * to, or one the abstract's title studies (read 10 of pubmed-10k, "background or
 * co-administered therapy credited as the studied therapy"). Such a therapy gives no
 * claim. Internal to claims/ (extract.c calls it after the background therapies of
 * background.h are settled, before conflicts).
 */
#ifndef THX_SETTING_H
#define THX_SETTING_H

#include "match.h"
#include "topic.h"

/* Whether therapy mention tm of mv in sentence s is the object of a setting word
 * ("undergoing", "underwent", "undergone", "undergo", "receiving", "because of", "on"
 * after people or their condition: "patients with T2D on metformin"): at
 * most two fillers ("a", "the", "elective" ...) or four words that are no mention and no
 * function word between them ("receiving effective antiretroviral therapy", "undergoing
 * tumour nephrectomy"), or a therapy before it, joined by "and", "or" or "plus", that is
 * such an object itself ("receiving liraglutide and metformin"). The setting word's
 * start in *at and, in *progressive, whether it is an -ing form. */
bool setting_of(const char *s, const mention_vec *mv, int tm, size_t *at, bool *progressive);

/* Whether s[ws..we) never stands between a setting word and its therapy: a preposition,
 * a verb of the clause, a relative or a negation ("receiving 2 years of sirolimus",
 * "undergoing surgery for", "who were"); not a parenthesis (a dose, an abbreviation). */
bool setting_function_word(const char *s, size_t ws, size_t we);

/* Whether byte range [ws, we) of the sentence overlaps a mention of mv. */
bool setting_in_mention(const mention_vec *mv, size_t ws, size_t we);

/* Whether therapy mention j is a cause or a time, not the subject: "Acetaminophen-induced
 * ALF", "pethidine-associated seizure", "ARI after high-dose melphalan". */
bool setting_caused_by(const char *s, size_t n, const mention_vec *mv, int j);

/* Whether therapy mention tm is the setting of the people and the sentence about
 * another therapy: the index of the therapy named before the setting that the sentence
 * is about (no anaphor, no specimen "of" or "from" the people, not the same drug, nor a
 * cause: "Acetaminophen-induced ALF patients
 * undergoing LT", "ARI after high-dose melphalan"), or -1 (no setting, or none named
 * before it: "patients undergoing CABG for ..." stays a claim of CABG). */
int setting_other(const thx_ruleset *rs, const char *s, size_t n, const mention_vec *mv, int tm);

/* Whether therapy mention tm is the time of another therapy, named before it, that the
 * sentence is about: "during", "after" or "following" at most two words before it
 * (articles aside) that are no mention and no function word ("fibrin sealant ...
 * following inguino-femoral lymph node dissection", "tiotropium during pulmonary
 * rehabilitation": the operation, the programme of both arms, is the background; read
 * 11 of pubmed-10k). The index of that therapy (as setting_other), or -1. */
int setting_during(const thx_ruleset *rs, const char *s, size_t n, const mention_vec *mv, int tm);

/* Whether therapy mention tm is the setting of people randomised to something else:
 * "patients undergoing elective craniotomy for brain tumors were randomized into three
 * groups ... to receive dexamethasone" (the base treatment of everyone). */
bool setting_randomized(const char *s, size_t n, const mention_vec *mv, int tm);

/* After a title sentence (section title): notes in topics->studied the canonical names
 * of the therapies the title names that are no setting of its people. 0 or -1 (out of
 * memory). */
int setting_note_title(topic_state *topics, const thx_ruleset *rs, const match_ctx *m,
                       const char *s, size_t n);

/* Drops the candidates of m (sentence s[0..n)) whose therapy is the setting of another
 * therapy's claim (setting_other) or of people randomised to other therapies
 * (setting_randomized); those whose therapy is the people's setting and whose claim is
 * about their condition, named before it, when the title studies
 * therapies and this is none of them (topics, NULL outside the abstract: "... Progressive
 * Muscle Relaxation and Guided Imagery ... in Breast and Prostate Cancer Patients
 * Undergoing Chemotherapy"; -ing forms only: "patients with HIV infection receiving
 * effective antiretroviral therapy"); and the studied-for claims of a setting in a
 * sentence that names a harm ("A patient with renal disease developed Coombs-positive
 * hemolytic anemia while receiving cephalothin therapy"). */
void setting_drop(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n,
                  const topic_state *topics);

#endif
