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

#endif
