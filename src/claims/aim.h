/*
 * A sentence that opens with a study's aim ("To compare the safety and efficacy of X
 * ...", "OBJECTIVE: To assess ...", "In order to evaluate the efficacy ... of topical
 * capsaicin, 39 patients with PHN were treated with capsaicin cream"; read 6 of
 * pubmed-10k, "objective read as finding"): what follows the aim is the aim itself or the
 * methods that serve it, never a finding, so extract.c labels its claims `studied for`.
 * An aim inside a sentence is an objective cue's (rules/cues.rules, whose scope runs to
 * the sentence's end, a ';' or a finding verb). Internal to claims/.
 */
#ifndef THX_AIM_H
#define THX_AIM_H

#include <stdbool.h>
#include <stddef.h>

/* Does sentence s[0..n) open, after a section label ("OBJECTIVE:") and an optional "In
 * order", with "to" and a study verb (evaluate, assess, determine, investigate, examine,
 * test, compare, explore, clarify, elucidate, analyze, analyse, study)? */
bool aim_opens(const char *s, size_t n);

/* Does a study verb whose object is an effect come before trig (an offset into s[0..n)),
 * with no finding between them: "we investigated the antiinflammatory effects of PIO",
 * "We evaluated the efficacy of adding ... HN019 to milk, in preventing diarrhea" (read 13
 * of pubmed-10k, "aim read as finding")? The verb (investigated, examined, evaluated,
 * assessed, explored, studied, tested, and their present forms), "the", at most four
 * words, then a noun of effect (effect, efficacy, effectiveness, ability, potential,
 * benefit, role, impact, usefulness, value, utility) and "of" or "that". A verb
 * whose object is anything else ("We evaluated the incidence of acute pancreatitis in
 * patients ... treated with sitagliptin", "the long-term safety of danazol") names a
 * measure or a harm, not the therapy's aim. */
bool aim_object(const char *s, size_t n, size_t trig);

#endif
