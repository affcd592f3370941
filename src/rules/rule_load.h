/*
 * Loading a rule set, stage by stage, inside rules/: ruleset.c (thx_ruleset_load) reads
 * the files (rule_files.c), which hands each file's text to the parser (rule_parse.c,
 * rule_parse_lexicon.c, rule_syntax.c); then every pattern is compiled (rule_compile.c,
 * rule_slot.c, rule_macro.c, rule_gate.c, rule_pattern_code.c). rule_source.c, at the bottom, interns source
 * text and reports errors at a source location. Internal to rules/.
 */
#ifndef THX_RULE_LOAD_H
#define THX_RULE_LOAD_H

#include "rules.h"

/* rule_files.c: reads one file (and, recursively, its includes) into rs. Errors go to
 * diags. rules_include is the same for an include statement at `from`; `chain` holds
 * (name, real path) pairs of the files being read, for cycle detection. */
int rules_parse_file(thx_ruleset *rs, const char *path, thx_diags *diags);
/* How the parser reads an include statement (rules_include; given by rule_files.c, which
 * sits above the parser). */
typedef int (*rules_include_fn)(thx_ruleset *rs, const char *path, thx_diags *diags,
                                const char **chain, size_t depth, const src_loc *from,
                                int from_col);
int rules_include(thx_ruleset *rs, const char *path, thx_diags *diags, const char **chain,
                  size_t depth, const src_loc *from, int from_col);
/* rule_parse.c: parses the text of one file (buf is modified); include statements are
 * handed to `include`. */
int rules_parse_buffer(thx_ruleset *rs, const char *file, const char **chain, size_t depth,
                       char *buf, thx_diags *diags, rules_include_fn include);
/* rule_source.c: s[0..n) as a string the rule set owns (recent equal strings shared). */
const char *rules_intern(thx_ruleset *rs, const char *s, size_t n);

/* rule_calibrate.c: a `calibrate` statement's value v (after the keyword) at loc, kept in
 * rs; errors go to diags. rules_calibrate_apply sets the confidence of the rules and
 * joins they name, after every file is parsed; an id naming none is a warning. */
void rules_calibrate_parse(thx_ruleset *rs, thx_diags *diags, const src_loc *loc,
                           const char *v);
void rules_calibrate_apply(thx_ruleset *rs, thx_diags *diags);

/* rule_compile.c: compiles every pattern of every rule (after all files are parsed,
 * so macros may be used before they are defined). */
int rules_compile(thx_ruleset *rs, thx_diags *diags);
/* Compiles one pattern string of rule r. */
int rules_compile_pattern(thx_ruleset *rs, const rule *r, rule_pattern *p, thx_diags *diags);
/* rule_pattern_code.c: p->code (and its slot and trigger group numbers) from p->regex,
 * which rules_compile_pattern wrote; slot_seen: the slots the pattern has. */
int rules_pattern_make_code(thx_ruleset *rs, rule_pattern *p, const bool slot_seen[SLOT_NTYPES],
                            bool trigger_seen, thx_diags *diags);

/* The limits of the rule language (docs/rules.md, "Limits"): a rule file is read whole
 * and at most RULES_FILE_MAX bytes long; a pattern, its macros expanded as many times as
 * they are used, is at most RULES_PATTERN_EXPANDED_MAX bytes of text; macros inside
 * macros, and groups inside groups, nest at most so many levels (the compiler recurses
 * on both). */
#define RULES_FILE_MAX (64 << 20)
#define RULES_PATTERN_EXPANDED_MAX (1 << 20)
#define RULES_MACRO_NESTING 100
#define RULES_GROUP_NESTING 100

/* rule_source.c: reports diag at a location with a column offset into the located text. */
void rules_error(thx_diags *diags, const src_loc *loc, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
