/*
 * From candidates to claims, within one sentence: settles conflicts between rules
 * (higher priority, then longer match, then earlier rule), and finds the negation and
 * hedge cues whose scope covers each claim (NegEx / ConText style).
 */
#ifndef THX_RESOLVE_H
#define THX_RESOLVE_H

#include "match.h"

/* One conflict decision, for explain. */
typedef struct {
    candidate winner, loser;
    const char *reason; /* "higher priority", "longer match", "earlier rule" */
} conflict;

typedef struct {
    conflict *items;
    size_t len, cap;
} conflict_vec;

/* Keeps one candidate per claimed span, in sentence order. With trace, every decision
 * is appended to it. */
void claims_resolve(candidate_vec *cands, conflict_vec *trace);

/* The scope [*from, *to) of cue hit i in s[0..n); false when the hit is not a live
 * forward/backward cue (a stop word, a pseudo trigger, or covered by a longer cue). */
bool claims_cue_scope(const thx_ruleset *rs, const tag_result *tags, const char *s, size_t n,
                      size_t i, size_t *from, size_t *to);

/* The condition mention that an effect-only candidate c (a therapy, no condition) is
 * about: the first condition in the scope of a population cue ("improved quality of life
 * for patients with <FAI>", "in a rat model of <fatty liver disease>"), unless the
 * therapy itself induced it; -1 when there is none. */
int claims_population(const thx_ruleset *rs, const tag_result *tags, const char *s, size_t n,
                      const candidate *c);

#define CLAIM_MAX_CUES 8

typedef struct {
    bool negated, hedged;
    bool objective; /* under an objective cue: the claim is what a study tests */
    bool design;    /* under a design cue: so is a title claim no finite verb states */
    size_t study_cue; /* the objective or design cue's index into tags->cues, when one is set */
    size_t ncues;
    size_t cue[CLAIM_MAX_CUES]; /* indexes into tags->cues */
} claim_flags;

/* Does title s[0..n) state candidate c as a finding: a finite verb or auxiliary before its
 * subtitle ("X reduces Y: a randomised trial", "X does not prevent Y: ..."), or c's
 * trigger a verb of the present or past? Not when the trigger is an infinitive, a noun
 * or a preposition ("Prevention of Y with X: ...", "X to prevent Y: ...", "X for Y: a
 * randomised controlled trial"). */
bool claims_stated(const char *s, size_t n, const candidate *c);

/* Does title s[0..n) name an aim rather than a result: c's claim no finite verb states
 * (claims_stated) and its trigger a treatment or prevention noun, a gerund or an
 * infinitive ("Treatment of Y with X", "X in the prevention of Y", "X in preventing Y",
 * "X to prevent Y")? Not a result's noun ("Protective effects of X", "Reversal of Y by
 * X") nor a participle ("Y treated with X", a case's title). */
bool claims_aim(const char *s, size_t n, const candidate *c);

/* Is text p[0..len) (what follows a title's sentence in the title) a design sentence:
 * within its first ten words a trial, a study or a design adjective ("A double-blind,
 * placebo-controlled clinical trial", "A phase II study")? */
bool claims_design_after(const char *p, size_t len);

/* The structured-abstract label that opens sentence s[0..n) ("METHODS:", "PATIENTS AND
 * METHODS:", "RESULTS:", "EXPERIMENTAL DESIGN In this trial ..."): 1 when it names a
 * section that describes the study (methods, design, setting, participants,
 * interventions), 0 another label, -1 none. */
int claims_section_label(const char *s, size_t n);

/* Flags of candidate c in sentence s[0..n). */
void claims_flags(const thx_ruleset *rs, const tag_result *tags, const char *s, size_t n,
                  const candidate *c, claim_flags *out);

#endif
