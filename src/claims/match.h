/*
 * Rule matching on one sentence: builds the masked sentence (mentions replaced by
 * tokens), runs the gated rules' PCRE2 patterns over it and returns candidates, one
 * per (therapy, effect, condition) item combination of each match. Conflicts between
 * candidates and cues are settled later (resolve.c).
 *
 * Ownership: a match_ctx is one thread's scratch space, reused from sentence to
 * sentence; candidates borrow from the rule set and the tag result.
 */
#ifndef THX_MATCH_H
#define THX_MATCH_H

#include "rules/rules.h"

#define MENTION_OPEN (-2)

typedef struct {
    const rule *r;
    size_t pattern;
    size_t start, end;          /* the whole match, sentence bytes */
    int mention[SLOT_NTYPES];   /* mention index per slot, -1 when the slot is empty,
                                 * MENTION_OPEN for an open slot ({condition:open}) */
    size_t span_start[SLOT_NTYPES], span_end[SLOT_NTYPES]; /* each slot's bytes (0 if empty) */
    size_t trig_start, trig_end;/* sentence bytes */
    const char *label;          /* NULL, or the effect label that replaces the rule's (a
                                 * static string: finding.c) */
    const char *predicate;      /* NULL, or the predicate that replaces the rule's */
    bool negate;                /* negated whatever the cues say (arms.c: the sentence's
                                 * p values say no significant difference) */
} candidate;

typedef struct {
    candidate *items;
    size_t len, cap;
} candidate_vec;

/* A pattern that gave up at PCRE2's limits (THX_MATCH_LIMIT, THX_DEPTH_LIMIT) on a
 * sentence: its matches before that stand, the rest of the sentence counts as no match. */
typedef struct {
    const rule *r;
    size_t pattern;
    size_t sentence; /* left for the caller to set (extract_doc: the sentence's index) */
    int error;       /* PCRE2's error code */
} limit_hit;

typedef struct {
    limit_hit *items;
    size_t len, cap;
} limit_vec;

typedef struct {
    tag_scratch tag;
    tag_result tags;
    strbuf masked;
    size_t *anchor_m, *anchor_o; /* masked offset -> sentence offset, piecewise */
    size_t nanchors, capanchors;
    size_t *mention_at;          /* masked start of each mention's token */
    size_t capmention_at;
    pcre2_match_data *md;
    candidate_vec cands;
    local_terms learned;         /* abbreviations the sentence defines (see lexicon.h) */
    const lexicon *check_lx;     /* the pattern being run and its lexicon, for the */
    const rule_pattern *check_p; /* callout that checks {type#tag} slots */
    limit_vec limits;            /* patterns that gave up, once each, since the caller
                                  * last emptied it (match_sentence only adds) */
    limit_vec lex_limits;        /* the same for the lexicon's regex synonyms: r is NULL,
                                  * pattern the regex's index in the lexicon */
    size_t last_therapy;         /* masked start of the sentence's last therapy token */
    uint64_t *patbits;           /* the patterns a sentence may match (thx_ruleset.lit_pats) */
    size_t cappatbits;
    uint8_t *toks;               /* the slot type of each token of the masked sentence, in
                                  * order (what rule_pattern.order is read against) */
    size_t *tok_at;              /* and its masked start */
    size_t ntoks, captoks;
} match_ctx;

/* Removes from cs the candidates for which drop(c, ctx) is true; the rest keep their
 * order (the sentence guards: modifier.c, contra.c, probe.c, feeding.c). */
void cands_drop_if(candidate_vec *cs, bool (*drop)(const candidate *c, const void *ctx),
                   const void *ctx);
/* The same with a test that reads the candidate's sentence s[0..n). */
void cands_drop_in(candidate_vec *cs, const char *s, size_t n,
                   bool (*drop)(const char *s, size_t n, const candidate *c));

void match_ctx_init(match_ctx *m);
void match_ctx_free(match_ctx *m);

/* For explain: the slot types present in the last tagged sentence (bit per type), and
 * whether pattern p's gate lets it run there. */
unsigned match_present_types(const match_ctx *m);
/* The name of a combination mention ("A plus B", me->with >= 0) in sentence s: its
 * therapies' names (lexicon_mention_name) joined by " + " (caller frees); NULL when out
 * of memory. */
char *match_combination_name(const lexicon *lx, const mention_vec *mv, const mention *me,
                             const char *s);
bool match_gate_open(const match_ctx *m, const rule_pattern *p, unsigned present);

/* Tags s[0..n) (with the abstract's own terms, local, which may be NULL) and runs the
 * rules. With only >= 0, just that rule is tried (check). Results are in m->tags,
 * m->cands and m->learned. Returns 0 or -1 (out of memory). */
int match_sentence(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n,
                   const local_terms *local, long only);

#endif
