/*
 * The lexical layer of the rule language, shared by the parser and the pattern
 * compiler: tokens of a line ("phrase", /regex/flags, words, '|', '='), PCRE2 regex
 * compilation with errors placed at the rule file's column, and small value checks.
 */
#ifndef THX_RULE_SYNTAX_H
#define THX_RULE_SYNTAX_H

#include "rule_load.h"

#define SYNTAX_MAX_TOKENS 512

typedef enum { TK_WORD, TK_STRING, TK_REGEX, TK_BAR, TK_EQ } tk_kind;

typedef struct {
    tk_kind kind;
    const char *p; /* content: without quotes; for a regex, between the slashes */
    size_t n;
    const char *flags; /* regex flags after the closing slash */
    size_t nflags;
    int col; /* 1-based column of the token's first character in the source line */
} token;

/* Splits line (a pointer into src, the whole source line) into tokens. Reports
 * unterminated strings and regexes. Returns 0, or -1 after reporting. */
int syntax_tokenize(const char *line, const char *src, token *toks, size_t *ntoks,
                    thx_diags *diags, const src_loc *loc);

/* Compiles a regex token with PCRE2 (case-insensitive unless the flags hold 'c'),
 * reporting a compile error at the exact column. extra_options are ORed in. jit: the
 * code is to match with: JIT-compiled, and compiled from regex_hoist_lookahead's form of
 * the regex when it has one (false for a compile that only checks the regex and is
 * freed). */
pcre2_code *syntax_compile_regex(const token *t, thx_diags *diags, const src_loc *loc,
                                 uint32_t extra_options, bool jit);

bool syntax_valid_predicate(const char *s, size_t n);

/* Checks that the groups '(' ')' and triggers '[' ']' of pattern text s (at loc's
 * column) pair up, outside "phrases" and /regexes/: one error, at the group left open
 * (or at a closing one that has no opening), and -1; else 0. */
int syntax_check_groups(const char *s, thx_diags *diags, const src_loc *loc);

/* Parses "therapy | effect | condition [| flags]" (condition "-" = none; flags among
 * negated, hedged, coref). col is the column of s in loc's line. */
int syntax_parse_expect(const char *s, int col, rule_expect *e, thx_diags *diags,
                        const src_loc *loc);

/* rule_gate.c: true when pattern text s has a '|' outside groups, phrases and regexes;
 * the length of the shortest alternative when the group after '(' at p is a plain
 * alternation of words and phrases not made optional (its text ends at *end), else 0;
 * the id of a gate literal, registered once per distinct normalised text. */
bool has_top_bar(const char *s);
size_t plain_alternation(const char *p, const char **end);
int literal_id(thx_ruleset *rs, const char *s, size_t n);

/* rule_slot.c: the regex of a slot, appended to out: {type:open} (groups named
 * slot_group_names[t] and that name + "_open"), or {type} / {type+} (group
 * slot_group_names[t]; in_people: a condition list may go on over "in patients with"). */
extern const char slot_type_letter[SLOT_NTYPES];     /* T, E, C: the token's letter */
extern const char *const slot_group_names[SLOT_NTYPES];
void slot_regex_open(strbuf *out, slot_type t);
void slot_regex_mention(strbuf *out, slot_type t, bool list, bool in_people);

/* rule_macro.c: a macro being expanded, on the expansion stack (innermost first). */
typedef struct macro_frame {
    const rule_macro *m;
    const char *at; /* the "$NAME" that called it, in the caller's text */
    const struct macro_frame *up;
} macro_frame;

typedef enum { MACRO_OK, MACRO_CYCLE, MACRO_TOO_DEEP, MACRO_TOO_BIG } macro_verdict;

/* The macro named name[0..n), or NULL. */
const rule_macro *macro_find(const thx_ruleset *rs, const char *name, size_t n);
/* Whether top's macro may be expanded where top (its frame, on the stack of depth
 * frames before it) says: MACRO_OK, or the error, its message appended to msg. *bytes
 * counts the pattern text read so far, macro bodies at every expansion (the limit is
 * RULES_PATTERN_EXPANDED_MAX); rule_id names the rule in that message. */
macro_verdict macro_enter(const macro_frame *top, int depth, size_t *bytes, const char *rule_id,
                          strbuf *msg);
/* The bottom of the stack: its "$NAME" is in the pattern's own text. */
const macro_frame *macro_outermost(const macro_frame *f);

#define MAX_GATE_CANDIDATES 16
#define MAX_GATES 3

/* A literal or plain alternation that every match of a pattern contains. */
typedef struct {
    const char *src; /* the literal, or the alternatives' text "a|b c|\"d\"" */
    size_t len;
    size_t score;    /* its length; for alternatives the shortest one's */
    bool set;
} gate_candidate;

/* Keeps g among gates[0..*ngates) (at most MAX_GATE_CANDIDATES, the best by score). */
void gate_note(gate_candidate *gates, size_t *ngates, gate_candidate g);
/* Gives p its gate, the best MAX_GATES candidates (sorts gates); returns the first
 * gate literal's id or -1. */
int gate_register(thx_ruleset *rs, rule_pattern *p, gate_candidate *gates, size_t ngates);
/* The patterns' filters (rules.h), in rule and pattern order. */
void gate_make_filters(thx_ruleset *rs);

#endif
