/*
 * Rule-file parser: turns the line-oriented rule language (docs/rule-language.md) into
 * lexicon entries, cue definitions, macros and rules inside a thx_ruleset. Patterns are
 * kept as text here and compiled later (rule_compile.c), so that macros may be used
 * before they are defined. Every error is reported with its file, line and column and
 * parsing goes on, so one run shows all errors of all files.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rule_parser.h"
#include "rule_syntax.h"

/* A statement line is a key, white space, then its value: returns the key's length
 * and points *value at the value. */
static size_t split_key(const char *line, const char **value)
{
    const char *e = line;
    while (*e && *e != ' ' && *e != '\t')
        e++;
    const char *v = e;
    while (*v == ' ' || *v == '\t')
        v++;
    *value = v;
    return (size_t)(e - line);
}

/* ------------------------------------------------------------------ rules */

static rule *new_rule(parser *ps, const char *id, size_t n, int col)
{
    thx_ruleset *rs = ps->rs;
    for (size_t i = 0; i < rs->nrules; i++)
        if (strlen(rs->rules[i].id) == n && memcmp(rs->rules[i].id, id, n) == 0) {
            const src_loc *first = &rs->rules[i].loc;
            ERR(ps, col, "duplicate rule id '%.*s' (first defined at %s:%d)", (int)n, id,
                first->file, first->line);
            const char *at = first->src ? strstr(first->src, rs->rules[i].id) : NULL;
            thx_diags_add(ps->diags, THX_SEV_NOTE, first->file, first->line,
                          at ? (int)(at - first->src) + 1 : 1, first->src,
                          "rule '%.*s' is first defined here", (int)n, id);
            break;
        }
    if (VEC_PUSH_SLOT_N(rs->rules, rs->nrules, rs->caprules))
        return NULL;
    rule *r = &rs->rules[rs->nrules];
    memset(r, 0, sizeof *r);
    r->id = xstrndup(id, n);
    r->loc = ps->loc;
    r->confidence = 0.8;
    r->order = rs->nrules++;
    return r;
}

static int parse_confidence(parser *ps, const char *v, int col, double *out)
{
    char *end;
    errno = 0;
    double d = strtod(v, &end);
    while (*end == ' ' || *end == '\t')
        end++;
    if (errno || *end || end == v || d < 0 || d > 1) {
        ERR(ps, col, "confidence must be a number from 0 to 1");
        return -1;
    }
    *out = d;
    return 0;
}

static int parse_priority(parser *ps, const char *v, int col, int *out)
{
    char *end;
    errno = 0;
    long p = strtol(v, &end, 10);
    while (*end == ' ' || *end == '\t')
        end++;
    if (errno || *end || end == v || p < -1000 || p > 1000) {
        ERR(ps, col, "priority must be a whole number from -1000 to 1000");
        return -1;
    }
    *out = (int)p;
    return 0;
}

static void add_pattern(parser *ps, const char *v, int col)
{
    rule *r = ps->cur;
    if (VEC_PUSH_SLOT_N(r->patterns, r->npatterns, r->cappatterns))
        return;
    rule_pattern *p = &r->patterns[r->npatterns++];
    memset(p, 0, sizeof *p);
    p->source = xstrdup(v);
    p->loc = ps->loc;
    p->loc.col = col;
    p->gate_literal = -1;
}

static void add_example(parser *ps, const char *v, int col, bool counter)
{
    rule *r = ps->cur;
    if (VEC_PUSH_SLOT_N(r->examples, r->nexamples, r->capexamples))
        return;
    rule_example *ex = &r->examples[r->nexamples++];
    memset(ex, 0, sizeof *ex);
    ex->sentence = xstrdup(v);
    ex->counter = counter;
    ex->loc = ps->loc;
    ex->loc.col = col;
    ps->cur_example = ex;
}

static void add_expect(parser *ps, const char *v, int col)
{
    rule_example *ex = ps->cur_example;
    if (!ex || ex->counter) {
        ERR(ps, col - 3 > 0 ? col - 3 : 1, "'=>' must follow an example sentence");
        return;
    }
    if (VEC_PUSH_SLOT_N(ex->expects, ex->nexpects, ex->capexpects))
        return;
    rule_expect *e = &ex->expects[ex->nexpects];
    memset(e, 0, sizeof *e);
    e->loc = ps->loc;
    e->loc.col = col;
    if (syntax_parse_expect(v, col, e, ps->diags, &ps->loc) == 0) {
        ex->nexpects++;
    } else {
        free(e->therapy);
        free(e->effect);
        free(e->condition);
    }
}

static const char *const rule_keys[] = {"effect", "predicate", "confidence", "priority",
                                        "pattern", "example", "=>", "counter"};

static void parse_rule_line(parser *ps, const char *line)
{
    const char *k = line, *v;
    size_t kn = split_key(line, &v);
    int kcol = col_of(ps, k), vcol = col_of(ps, v);
    size_t which = sizeof rule_keys / sizeof *rule_keys;
    for (size_t i = 0; i < sizeof rule_keys / sizeof *rule_keys; i++)
        if (strlen(rule_keys[i]) == kn && memcmp(rule_keys[i], k, kn) == 0)
            which = i;
    static const char *const blocks[] = {"rule", "lexicon", "cues", "macro", "join", "include",
                                         "labels", "calibrate"};
    for (size_t i = 0; which == sizeof rule_keys / sizeof *rule_keys && i < sizeof blocks / sizeof *blocks; i++)
        if (strlen(blocks[i]) == kn && memcmp(blocks[i], k, kn) == 0) {
            ERR(ps, kcol, "'%s' inside rule '%s' (line %d): is its 'end' missing?", blocks[i],
                ps->cur->id ? ps->cur->id : "?", ps->cur->loc.line);
            return;
        }
    if (which == sizeof rule_keys / sizeof *rule_keys) {
        ERR(ps, kcol, "unknown key '%.*s' in rule (expected effect, predicate, confidence, "
                      "priority, pattern, example, => or counter)", (int)kn, k);
        return;
    }
    if (!*v) {
        ERR(ps, kcol, "'%s' needs a value", rule_keys[which]);
        return;
    }
    rule *r = ps->cur;
    switch (which) {
    case 0:
        free(r->effect);
        r->effect = xstrdup(v);
        break;
    case 1:
        if (!syntax_valid_predicate(v, strlen(v)))
            ERR(ps, vcol, "predicate needs a Biolink name such as biolink:treats");
        else {
            free(r->predicate); /* a second predicate line replaces the first */
            r->predicate = xstrdup(v);
        }
        break;
    case 2: parse_confidence(ps, v, vcol, &r->confidence); break;
    case 3: parse_priority(ps, v, vcol, &r->priority); break;
    case 4: add_pattern(ps, v, vcol); break;
    case 5: add_example(ps, v, vcol, false); break;
    case 6: add_expect(ps, v, vcol); break;
    case 7: add_example(ps, v, vcol, true); break;
    }
}

/* ------------------------------------------------------------------ joins */

static rule_join *new_join(parser *ps, const char *name)
{
    thx_ruleset *rs = ps->rs;
    if (VEC_PUSH_SLOT_N(rs->joins, rs->njoins, rs->capjoins))
        return NULL;
    rule_join *j = &rs->joins[rs->njoins++];
    memset(j, 0, sizeof *j);
    j->name = xstrdup(name);
    j->confidence = 0.5;
    j->loc = ps->loc;
    return j;
}

static void parse_join_line(parser *ps, const char *line)
{
    const char *k = line, *v;
    size_t kn = split_key(line, &v);
    int vcol = col_of(ps, v);
    rule_join *j = ps->cur_join;
    if (kn == 4 && !memcmp(k, "when", 4)) {
        if (!strcmp(v, "effect.targets in condition.tags"))
            j->kind = JOIN_TARGETS;
        else if (!strcmp(v, "title.condition"))
            j->kind = JOIN_TITLE;
        else
            ERR(ps, vcol, "unknown join condition (expected 'effect.targets in "
                          "condition.tags' or 'title.condition')");
    } else if (kn == 10 && !memcmp(k, "confidence", 10)) {
        parse_confidence(ps, v, vcol, &j->confidence);
    } else if (kn == 9 && !memcmp(k, "predicate", 9)) {
        if (!syntax_valid_predicate(v, strlen(v)))
            ERR(ps, vcol, "predicate needs a Biolink name such as biolink:treats");
        else {
            free(j->predicate);
            j->predicate = xstrdup(v);
        }
    } else {
        ERR(ps, col_of(ps, k), "unknown key '%.*s' in join (expected when, confidence or "
                               "predicate)", (int)kn, k);
    }
}

/* ------------------------------------------------------------------ top level */

static void open_block(parser *ps, block_kind kind)
{
    ps->block = kind;
    ps->block_loc = ps->loc;
    ps->last_entry = -1;
    ps->cur_example = NULL;
}

static void close_block(parser *ps)
{
    for (size_t k = ps->block_marks[0]; k < ps->block_marks[1]; k++)
        ps->rs->marks[k].last = ps->loc.line; /* a mark before the block covers all of it */
    ps->block_marks[0] = ps->block_marks[1] = 0;
    if (ps->block == BLOCK_RULE && ps->cur && ps->cur->npatterns == 0)
        rules_error(ps->diags, &ps->block_loc, 1, "rule '%s' has no pattern", ps->cur->id);
    ps->block = BLOCK_NONE;
    ps->cur = NULL;
}


static void parse_macro(parser *ps, const char *v, int col)
{
    const char *name = v, *e = v;
    while (is_ascii_alnum((unsigned char)*e) || *e == '_')
        e++;
    const char *eq = e;
    while (*eq == ' ' || *eq == '\t')
        eq++;
    if (e == name || *eq != '=') {
        ERR(ps, col, "expected 'macro NAME = pattern'");
        return;
    }
    const char *body = eq + 1;
    while (*body == ' ' || *body == '\t')
        body++;
    thx_ruleset *rs = ps->rs;
    for (size_t i = 0; i < rs->nmacros; i++)
        if (strlen(rs->macros[i].name) == (size_t)(e - name) &&
            memcmp(rs->macros[i].name, name, (size_t)(e - name)) == 0) {
            ERR(ps, col, "macro '%.*s' is already defined at %s:%d", (int)(e - name), name,
                rs->macros[i].loc.file, rs->macros[i].loc.line);
            return;
        }
    if (VEC_PUSH_SLOT_N(rs->macros, rs->nmacros, rs->capmacros))
        return;
    rule_macro *m = &rs->macros[rs->nmacros++];
    m->name = xstrndup(name, (size_t)(e - name));
    m->body = xstrdup(body);
    m->loc = ps->loc;
    m->loc.col = col_of(ps, body);
}

static void parse_include(parser *ps, const char *arg, int col)
{
    size_t n = strlen(arg);
    if (n < 2 || arg[0] != '"' || arg[n - 1] != '"') {
        ERR(ps, col, "include needs a \"quoted/path.rules\"");
        return;
    }
    strbuf path;
    sb_init(&path);
    if (arg[1] != '/' && ps->dir[0])
        sb_printf(&path, "%s/", ps->dir);
    sb_putn(&path, arg + 1, n - 2);
    if (path.ptr)
        ps->include(ps->rs, path.ptr, ps->diags, ps->chain, ps->depth, &ps->loc, col);
    sb_free(&path);
}

static void parse_top_line(parser *ps, const char *line)
{
    const char *k = line, *v;
    size_t kn = split_key(line, &v);
    int vcol = col_of(ps, v);
#define IS(w) (kn == strlen(w) && memcmp(k, w, kn) == 0)
    if (IS("include")) {
        parse_include(ps, v, vcol);
    } else if (IS("macro")) {
        parse_macro(ps, v, vcol);
    } else if (IS("lexicon")) {
        bool ignore = !strcmp(v, "ignore");
        int t = ignore ? SLOT_THERAPY : slot_type_from_name(v, strlen(v));
        if (t < 0)
            ERR(ps, vcol, "unknown lexicon type '%s' (expected therapy, effect, condition or "
                          "ignore)", v);
        open_block(ps, BLOCK_LEXICON);
        ps->lex_type = t < 0 ? SLOT_THERAPY : (slot_type)t;
        ps->lex_ignore = ignore;
    } else if (IS("cues")) {
        if (strcmp(v, "negation") && strcmp(v, "hedge") && strcmp(v, "objective") &&
            strcmp(v, "population") && strcmp(v, "design") && strcmp(v, "outcome-bad") &&
            strcmp(v, "outcome-good"))
            ERR(ps, vcol, "unknown cue kind '%s' (expected negation, hedge, objective, "
                          "population, design, outcome-bad or outcome-good)", v);
        open_block(ps, BLOCK_CUES);
        ps->cue_kind = !strcmp(v, "hedge")        ? CUE_HEDGE
                       : !strcmp(v, "objective")  ? CUE_OBJECTIVE
                       : !strcmp(v, "population") ? CUE_POPULATION
                       : !strcmp(v, "design")     ? CUE_DESIGN
                       : !strcmp(v, "outcome-bad")  ? CUE_OUTCOME_BAD
                       : !strcmp(v, "outcome-good") ? CUE_OUTCOME_GOOD
                                                  : CUE_NEGATION;
    } else if (IS("labels")) {
        if (*v)
            ERR(ps, vcol, "'labels' takes nothing after it");
        open_block(ps, BLOCK_LABELS);
        ps->block_labels = ps->rs->label_names.len;
    } else if (IS("rule")) {
        if (!*v || strpbrk(v, " \t"))
            ERR(ps, vcol, "rule needs one id (letters, digits, '.', '-', '_')");
        open_block(ps, BLOCK_RULE);
        ps->cur = new_rule(ps, v, strlen(v), vcol);
    } else if (IS("join")) {
        if (!*v || strpbrk(v, " \t"))
            ERR(ps, vcol, "join needs one name");
        open_block(ps, BLOCK_JOIN);
        ps->cur_join = new_join(ps, v);
    } else if (IS("calibrate")) {
        rules_calibrate_parse(ps->rs, ps->diags, &ps->loc, v);
    } else if (IS("end")) {
        ERR(ps, 1, "'end' without an open lexicon, cues, labels or rule block");
    } else {
        ERR(ps, 1, "unknown statement '%.*s' (expected include, macro, lexicon, cues, labels, "
                      "rule, join or calibrate)",
            (int)kn, k);
    }
#undef IS
}

static void parse_line_statement(parser *ps, const char *line);

/* "#lint-ok KIND...: why" (the next statement, or the block it opens) or
 * "#lint-ok-file KIND...: why" (the whole file): kept for lint. */
static void parse_mark(parser *ps, const char *line)
{
    bool file = !strncmp(line, "#lint-ok-file", 13);
    const char *k = line + (file ? 13 : 8), *colon = strchr(k, ':');
    const char *why = colon ? colon + 1 : NULL;
    while (why && (*why == ' ' || *why == '\t'))
        why++;
    const char *e = colon;
    while (e && e > k && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    bool named = e && e > k;
    for (const char *p = k; named && p < e; p++)
        named = is_ascii_alnum((unsigned char)*p) || strchr("-, \t", *p);
    if ((*k != ' ' && *k != '\t') || !named || !*why) {
        ERR(ps, 1, "a lint mark is '#lint-ok KIND...: why' (or #lint-ok-file): the kinds of "
                   "warning it marks as intended (as lint names them in [ ]), a colon, and why");
        return;
    }
    thx_ruleset *rs = ps->rs;
    if (VEC_PUSH_SLOT_N(rs->marks, rs->nmarks, rs->capmarks))
        return;
    lint_mark *m = &rs->marks[rs->nmarks++];
    m->loc = ps->loc;
    m->loc.col = col_of(ps, k) + 1;
    m->kinds = rules_intern(rs, k + 1, (size_t)(e - k - 1));
    m->first = file ? 1 : 0;
    m->last = file ? INT_MAX : 0;
    if (file) /* not waiting for a statement: out of the pending range */
        ps->marks_pending = rs->nmarks;
}

/* The pending marks [marks_pending, end) cover the statement on this line;
 * block_opened: and the block it opens. */
static void place_marks(parser *ps, size_t end, bool block_opened)
{
    thx_ruleset *rs = ps->rs;
    for (size_t k = ps->marks_pending; k < end; k++) {
        rs->marks[k].first = ps->loc.line;
        rs->marks[k].last = block_opened ? INT_MAX : ps->loc.line;
    }
    if (block_opened) {
        ps->block_marks[0] = ps->marks_pending;
        ps->block_marks[1] = end;
    }
    ps->stmt_marks[0] = ps->marks_pending;
    ps->stmt_marks[1] = end;
    ps->marks_pending = rs->nmarks; /* past the marks of a file this line included */
}

static void parse_line(parser *ps, const char *line)
{
    if (!strncmp(line, "#lint-ok", 8)) {
        parse_mark(ps, line);
        return;
    }
    if (!*line || *line == '#')
        return;
    bool was_open = ps->block != BLOCK_NONE;
    size_t end = ps->rs->nmarks;
    if (*line == '|' && was_open && ps->marks_pending == end) {
        /* "| more synonyms": the same statement as the line it goes on from */
        for (size_t k = ps->stmt_marks[0]; k < ps->stmt_marks[1]; k++)
            if (ps->rs->marks[k].last != INT_MAX)
                ps->rs->marks[k].last = ps->loc.line;
        parse_line_statement(ps, line);
        return;
    }
    parse_line_statement(ps, line);
    place_marks(ps, end, !was_open && ps->block != BLOCK_NONE);
}

static void parse_line_statement(parser *ps, const char *line)
{
    if (ps->block != BLOCK_NONE && strcmp(line, "end") == 0) {
        close_block(ps);
        return;
    }
    switch (ps->block) {
    case BLOCK_NONE: parse_top_line(ps, line); break;
    case BLOCK_LEXICON: parse_lexicon_line(ps, line); break;
    case BLOCK_CUES: parse_cue_line(ps, line); break;
    case BLOCK_LABELS: parse_label_line(ps, line); break;
    case BLOCK_RULE:
        if (ps->cur)
            parse_rule_line(ps, line);
        break;
    case BLOCK_JOIN:
        if (ps->cur_join)
            parse_join_line(ps, line);
        break;
    }
}

static void parse_buffer(parser *ps, char *buf)
{
    int lineno = 0;
    for (char *line = buf; line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        size_t n = strlen(line);
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        lineno++;
        /* the interned line is right-trimmed, so it can be parsed in place and every
         * column is a pointer difference from its start */
        while (n && (line[n - 1] == ' ' || line[n - 1] == '\t'))
            n--;
        ps->loc.line = lineno;
        ps->loc.src = rules_intern(ps->rs, line, n);
        ps->loc.col = 1;
        if (!ps->loc.src)
            return;
        const char *p = ps->loc.src;
        while (*p == ' ' || *p == '\t')
            p++;
        parse_line(ps, p);
        line = nl ? nl + 1 : NULL;
    }
    if (ps->block != BLOCK_NONE)
        rules_error(ps->diags, &ps->block_loc, 1, "block is not closed with 'end'");
}

/* ------------------------------------------------------------------ entry */

int rules_parse_buffer(thx_ruleset *rs, const char *file, const char **chain, size_t depth,
                       char *buf, thx_diags *diags, rules_include_fn include)
{
    parser ps;
    memset(&ps, 0, sizeof ps);
    ps.rs = rs;
    ps.diags = diags;
    ps.file = file;
    const char *slash = strrchr(file, '/');
    ps.dir = slash ? rules_intern(rs, file, (size_t)(slash - file)) : "";
    ps.chain = chain;
    ps.depth = depth;
    ps.last_entry = -1;
    ps.marks_pending = rs->nmarks;
    ps.include = include;
    ps.loc.file = file;
    size_t before = thx_diags_count(diags, THX_SEV_ERROR);
    parse_buffer(&ps, buf);
    return thx_diags_count(diags, THX_SEV_ERROR) > before ? THX_ERULES : 0;
}
