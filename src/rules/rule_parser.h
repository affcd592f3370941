/*
 * The rule-file parser's state, shared by its files: rule_parse.c (statements, rules,
 * joins) and rule_parse_lexicon.c (lexicon entries, anaphors, cues). Internal.
 */
#ifndef THX_RULE_PARSER_H
#define THX_RULE_PARSER_H

#include "rule_syntax.h"
#include "rule_load.h"

typedef enum { BLOCK_NONE, BLOCK_LEXICON, BLOCK_CUES, BLOCK_RULE, BLOCK_JOIN, BLOCK_LABELS } block_kind;

typedef struct {
    thx_ruleset *rs;
    thx_diags *diags;
    const char *file;
    const char *dir;
    const char **chain; /* include chain, outermost first */
    size_t depth;
    src_loc loc; /* current line */
    block_kind block;
    src_loc block_loc;
    slot_type lex_type;
    bool lex_ignore; /* in a `lexicon ignore` block */
    cue_kind cue_kind;
    int last_entry; /* for "|" continuation lines */
    rule *cur;
    rule_example *cur_example;
    rule_join *cur_join;
    rules_include_fn include; /* how an include statement is read */
    size_t block_labels;      /* labels known when this `labels` block opened */
    size_t marks_pending;     /* #lint-ok marks from here on wait for their statement */
    size_t block_marks[2];    /* the marks [from, to) of the block that is open */
    size_t stmt_marks[2];     /* the marks [from, to) of the last statement line: a '|'
                               * continuation line is covered with it */
} parser;


#define ERR(ps, col, ...) rules_error((ps)->diags, &(ps)->loc, (col), __VA_ARGS__)

static inline int col_of(const parser *ps, const char *p)
{
    return (int)(p - ps->loc.src) + 1;
}

static inline bool tok_is(const token *t, const char *w)
{
    return t->kind == TK_WORD && strlen(w) == t->n && memcmp(t->p, w, t->n) == 0;
}

void parse_lexicon_line(parser *ps, const char *line);
void parse_cue_line(parser *ps, const char *line);
void parse_label_line(parser *ps, const char *line);

#endif
