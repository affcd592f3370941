/*
 * The rule set: what rule files become once parsed (rule_parse.c), compiled
 * (rule_compile.c) and loaded (ruleset.c). A thx_ruleset owns everything below; once
 * loaded it is immutable and shared read-only by every thread.
 */
#ifndef THX_RULES_H
#define THX_RULES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "lexicon/lexicon.h"
#include "therex.h"

/* Where something was written: file (interned, owned by the rule set), line, column,
 * and the source line for carets. */
typedef struct {
    const char *file;
    int line, col;
    const char *src; /* the whole source line (interned) */
} src_loc;

typedef struct {
    char *therapy, *effect, *condition; /* condition NULL for "-" */
    int negated, hedged, coref;         /* -1: not stated, else 0/1 */
    src_loc loc;
} rule_expect;

typedef struct {
    char *sentence;
    bool counter;
    rule_expect *expects;
    size_t nexpects, capexpects;
    src_loc loc;
} rule_example;

#define RULES_ORDER_MAX 8 /* rule_pattern.order */

/* A compiled relation pattern: one rule may have several (alternatives). */
typedef struct {
    char *source;        /* the pattern as written */
    char *regex;         /* what it compiled to, for explain */
    pcre2_code *code;    /* to match with: rules_pattern_code(p), which JIT-compiles it */
    atomic_bool jitted;  /* code is JIT-compiled (or the JIT was tried and failed), and
                          * core is set */
    pcre2_code *core;    /* a run of the regex every match holds, searched first, or NULL
                          * (rule_core.c); set with the JIT, by rules_pattern_code */
    bool offset_limit;   /* code was compiled with PCRE2_USE_OFFSET_LIMIT (read once, when
                          * code is set: rules_pattern_set_code) */
    int group[SLOT_NTYPES]; /* capture group number of each slot, 0 if absent */
    bool list[SLOT_NTYPES]; /* the slot is a coordination {type+} */
    bool open[SLOT_NTYPES]; /* the slot is an open noun phrase {type:open} */
    int open_group[SLOT_NTYPES]; /* its noun-phrase group (group[] is the mention's) */
    char *slot_tag[SLOT_NTYPES]; /* {type#tag}: the mention's lexicon entry must carry the
                                  * tag ("vaccine"); NULL: any mention */
    int trigger_group;      /* [...] in the pattern, 0 if absent */
    unsigned need_types;    /* bit per slot type / @type the pattern requires */
    int gate_literal;       /* the first gate literal id, -1: the pattern has no gate */
    /* the gate: ngates groups of literal ids; group g is gate_ids[gate_ends[g - 1] ..
     * gate_ends[g]) and one of its literals must occur, for every group */
    int *gate_ids;
    size_t ngate_ids;
    size_t *gate_ends;
    size_t ngates;
    char *gate_text;        /* the gate as text ("a|b & c"), for explain */
    /* the mention tokens every match holds, in the order it holds them: the slot type of
     * each required slot ({type}, {type+}, {type#tag}; not {type:open}) and @type outside
     * groups, alternatives and optional macros, the first RULES_ORDER_MAX of them. A
     * sentence whose masked tokens do not hold this sequence (in order, gaps allowed) is
     * not tried (match.c) */
    uint8_t order[RULES_ORDER_MAX];
    uint8_t norder;
    /* top-level elements, for explain: element k spans source [step_src[k],
     * step_src[k + 1]) and its regex prefix is regex[0, step_re[k]) */
    size_t *step_src, *step_re;
    size_t nsteps;
    src_loc loc;
} rule_pattern;

typedef struct {
    char *id;
    src_loc loc;
    char *effect;    /* label; may hold "{effect}" */
    char *predicate; /* NULL: from the effect lexicon or the default */
    double confidence;
    int priority;
    size_t order;    /* position in load order, for conflicts */
    rule_pattern *patterns;
    size_t npatterns, cappatterns;
    rule_example *examples;
    size_t nexamples, capexamples;
} rule;

typedef struct {
    char *name;
    char *body;
    src_loc loc;
} rule_macro;

/* A pattern's gate in brief, for the loop that tries every pattern on every sentence:
 * conditions match_gate_open also requires, kept in one small array (see match.c). */
typedef struct {
    unsigned need_types; /* as in rule_pattern */
    int literal;         /* a literal that must occur (a gate group of one), or -1 */
} pattern_filter;

/* A document-level join. JOIN_TARGETS (`when effect.targets in condition.tags`): an
 * effect-only claim and a condition claim of the same therapy meet when the effect's
 * targets meet the condition's tags. JOIN_TITLE (`when title.condition`): an effect-only
 * claim takes the one condition the title names (claims/topic.c says when). */
typedef enum { JOIN_TARGETS, JOIN_TITLE } join_kind;
typedef struct {
    char *name;
    join_kind kind;
    double confidence;
    char *predicate; /* NULL: biolink:ameliorates_condition */
    src_loc loc;
} rule_join;

/* `calibrate RULE-ID CONFIDENCE` (rule_calibrate.c): applied to the rule or join of that
 * id once every file is parsed; loc points at the id. */
typedef struct {
    char *id;
    double confidence;
    src_loc loc;
} rule_calibration;

/* negation and hedge set a claim's flags; an objective cue ("to evaluate whether", a
 * question's "?") says the claim is what a study sets out to test: `studied for`; a
 * population cue ("patients with", "a rat model of") marks the condition in its scope as
 * the one the sentence's subjects have, which an effect-only claim then takes; a design
 * cue (a title's ": a randomised controlled trial") says the same of a title claim that
 * no finite verb states */
/* The two outcome kinds are no cues of a sentence but the polarity vocabulary of
 * outcomes, read by the harm guard after matching (claims/harm.c): outcome-bad lists
 * measures that are worse when they rise ("mortality", "time to recovery"),
 * outcome-good measures that are worse when they fall ("survival", "eGFR"). They are not
 * put in the lexicon automaton: nothing tags them in a sentence. */
/* (a new kind goes last: rule_cache_decode.c refuses a kind above CUE_LAST) */
typedef enum {
    CUE_NEGATION,
    CUE_HEDGE,
    CUE_OBJECTIVE,
    CUE_POPULATION,
    CUE_DESIGN,
    CUE_OUTCOME_BAD,
    CUE_OUTCOME_GOOD
} cue_kind;
#define CUE_LAST CUE_OUTCOME_GOOD
typedef enum { CUE_FORWARD, CUE_BACKWARD, CUE_PSEUDO, CUE_STOP } cue_role;

/* A lexicon term as written (canonical name, synonym or /regex/), kept for lint: text
 * points into the interned source line at loc. */
typedef struct {
    int entry;
    const char *text;
    size_t n;
    bool regex;
    src_loc loc;
} lex_term;

/* One cue phrase: matched by the lexicon automaton as a term of type TERM_CUE. */
typedef struct {
    cue_kind kind;
    cue_role role;
    int scope; /* words */
    char *text;
    src_loc loc;
} cue_def;

/* A `#lint-ok KIND...: why` comment (docs/rules.md): lint shows no warning of those
 * kinds on lines first..last of loc's file (the next statement, the block it opens, or
 * with `#lint-ok-file` the whole file). kinds: the kind names, space-separated. */
typedef struct {
    src_loc loc;
    const char *kinds; /* interned */
    int first, last;   /* 0, 0 until the statement it marks is read */
} lint_mark;

struct thx_ruleset {
    lexicon lex;
    rule *rules;
    size_t nrules, caprules;
    rule_macro *macros;
    size_t nmacros, capmacros;
    cue_def *cues;
    size_t ncues, capcues;
    rule_join *joins;
    size_t njoins, capjoins;
    rule_calibration *calibrations;
    size_t ncalibrations, capcalibrations;
    lex_term *terms; size_t nterms, capterms; /* lexicon terms as written, for lint; a pack
                                               * from the cache holds its regex synonyms
                                               * only (for match-limit warnings) */
    lint_mark *marks; size_t nmarks, capmarks; /* #lint-ok comments, for lint */
    /* interned strings (file names, source lines) */
    char **strings;
    size_t nstrings, capstrings;
    size_t nliterals; /* gate literals registered in the lexicon */
    str_vec loaded;   /* real paths of the files read, so each is read once */
    /* `labels` blocks: label_forms[i] (lowercase, single spaces) is labelled
     * label_names[i]; an effect label "{trigger}" names its trigger so */
    str_vec label_forms, label_names;
    bool open_therapy; /* some pattern binds an open {therapy:open} slot */
    str_vec literal_texts; /* gate literals by id, normalised */
    pattern_filter *filters; /* one per pattern, rule by rule, made by rules_compile;
                              * NULL when it could not be */
    size_t nfilters;
    /* the patterns indexed by their filter's literal (made with the filters, NULL when
     * they could not be): patterns are numbered as the filters; those of literal L are
     * lit_pats[lit_start[L] .. lit_start[L + 1]), in order; pat_always is the bitmap
     * (npatwords words) of the patterns without a literal; pattern p is pattern
     * pat_index[p] of rule pat_rule[p] */
    uint32_t *lit_start, *lit_pats, *pat_rule, *pat_index;
    uint64_t *pat_always;
    size_t npatwords;
};

/* The pattern's code, JIT-compiled the first time it is asked for rather than at load
 * (most patterns of a large pack never run on a small input). Safe from several threads
 * at once on a shared rule set: the JIT runs once per pattern, under a lock, and is
 * published before any thread matches with it; after that, one atomic load. When the
 * JIT fails, the code is matched by the interpreter, as PCRE2 does by itself. */
pcre2_code *rules_pattern_code(const rule_pattern *p);
/* rule_core.c: the core of a pattern's regex, for rule_pattern.core: the longest run of
 * whole top-level parts without look-arounds that holds at least two parts every match
 * must fill ("(in|among) (the|both)? {therapy}"); without one, up to three runs of one
 * such part (a group's leading run among them) joined by "(?s:.*?)"; as regex text (the
 * caller frees it), or NULL when there is none. Wherever the regex matches, its core
 * matches at the same place; where the core matches nowhere, the pattern cannot match. */
char *rules_pattern_core(const char *regex);
/* rule_pattern_code.c: sets p->code and what match.c reads of its options
 * (p->offset_limit), so that no pattern run asks PCRE2 for them. */
void rules_pattern_set_code(rule_pattern *p, pcre2_code *code);

/* The code of every pattern that needs a therapy mention (need_types) is compiled with
 * PCRE2_USE_OFFSET_LIMIT: match.c searches it with the offset limit set to the
 * sentence's last therapy token, which every match must hold, so no start past it is
 * tried. (A callout at its start did the same, at the cost of one call per start.) The
 * tag callouts are numbered 1 to 3 (by slot type). */

/* The effect label of a trigger written as text[0..n): its `labels` entry (the form
 * compared lowercase, runs of white space as one space), else NULL. */
const char *rules_trigger_label(const thx_ruleset *rs, const char *text, size_t n);

/* lint.c: appends one THX_SEV_WARNING per finding to out, sorted by file, line and
 * column. Terms listed again in a later file under an entry that names something else
 * are one warning per pair of files unless all. Returns the number of warnings added,
 * or THX_ENOMEM. Read-only on the rule set. */
int rules_lint(const thx_ruleset *rs, thx_diags *out, bool all);
/* The same, with the warnings that #lint-ok marks cover as THX_SEV_NOTE (their number
 * in *marked), and a warning for each mark that covers none or names no kind. */
int rules_lint_marked(const thx_ruleset *rs, thx_diags *out, bool all, size_t *marked);

#endif
