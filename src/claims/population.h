/*
 * Who the subjects are is not what a claim is about. A condition in the scope of a
 * population cue ("in patients with <Y>"), or named by its adjective right before a noun
 * of people ("in <schizophrenic> patients": rules/lexicons/mined/condition-adjectives.rules),
 * is the people's condition; the claim's target
 * is another condition when the sentence names one (reads 3 and 4 of pubmed-10k,
 * "population condition as target"):
 * - a condition right before the people of a population cue ("morbidly <obese>
 *   patients with <pelvic stones>", "<IPF> patients with <OSA>") describes them: the
 *   claim takes the condition after "with" instead;
 * - a claim that states no outcome of its own ("<reduces>", "studied for") and pairs
 *   the therapy with the people's condition yields to another claim of the sentence that
 *   pairs the same therapy with a condition outside any population ("Vitamin E reduces
 *   <cardiovascular disease> in individuals with <diabetes mellitus>": the diabetes
 *   claim is dropped). A claim with an outcome of its own keeps the people's condition
 *   ("In women with <PCOS>, metformin ... increase<s> pregnancy rates").
 * - such a claim left on the people's condition takes the target its frame names: a
 *   condition that a therapeutic noun acts on before the people ("<Prevention> of <Type
 *   2 Diabetes> in Subjects With Prediabetes ... Treated With Phentermine"; not a count,
 *   "the incidence of <hypoglycaemia> in patients with T2D treated with X", which names
 *   a harm as often as a target), a condition after "for"/"on" between the therapy and
 *   the people ("effect of X on
 *   <pain> ... in patients with TTH"), or before "outcomes with" and the therapy
 *   ("<Heart failure> outcomes with empagliflozin in patients with T2D"); not when the
 *   sentence names a harm ("Adverse effect of X on Y in rats with Z"), nor a condition
 *   coordinated with the people's ("on <Overweight> and <Obese> Adults"). Here a
 *   condition right before a word of people is the people's too ("Treatment of <vitamin
 *   D deficiency> in <CKD> patients with ergocalciferol"); it does not make the claim
 *   yield to another claim (tried over pubmed-10k: "<PAR> patients", "<IBS> patients"
 *   were the right target in a third of the claims dropped).
 * - a claim with no outcome of its own on the people's condition (or one right after
 *   "after") is dropped when a measure is named between the therapy and them, after
 *   "on" ("effect of cognitive training on <BDNF serum levels> in individuals with PD",
 *   "timolol treatment on <heart size> after MI"; reads 6 and 7): the measure is the
 *   target; not a measure that is the condition's own ("on <symptoms>", "disease
 *   activity", "glycemic control") nor one with a condition in it ("on <pain>").
 * - a claim with no outcome of its own on people named by their condition's adjective is
 *   dropped when the sentence names a harm ("a side effect of captopril treatment in
 *   <hypertensive> patients", "... due to carbamazepine treatment in an <epileptic> woman").
 * - a therapy the people never had gives no claim: after "not"/"never" and a verb of
 *   having it ("who had not been treated with <lamivudine> were included"), or after
 *   "no prior" / "without previous" ("patients with MBC and no prior <chemotherapy>");
 *   nor does the one that fails them, the base the studied therapy is added to
 *   ("type 2 diabetes inadequately controlled with <metformin>").
 * Internal to claims/ (extract.c calls it after the background therapies are settled,
 * before conflicts).
 */
#ifndef THX_POPULATION_H
#define THX_POPULATION_H

#include "match.h"

/* Is candidate c's condition (a lexicon mention) the people's: in the scope of a
 * population cue of people, named by its adjective before them, coordinated with such a
 * condition, or right before a word of people ("<CKD> patients")? For target.c. */
bool population_condition(const thx_ruleset *rs, const tag_result *tags, const char *s,
                          size_t n, const candidate *c);

/* No ';' between bytes a and b (in either order): one clause of the sentence. */
bool population_one_clause(const char *s, size_t a, size_t b);

/* Retargets and drops m's candidates for sentence s[0..n) as above. */
void population_yield(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n);

#endif
