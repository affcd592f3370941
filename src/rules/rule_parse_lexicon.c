/*
 * Rule-file parser, the data blocks: lexicon entries (canonical name, id, tags, targets,
 * predicate, synonyms, anaphors) and negation/hedge cue lists.
 */
#include <stdlib.h>
#include <string.h>

#include "rule_parser.h"

/* ------------------------------------------------------------------ lexicons */

/* Keeps the term as written, with its place, for lint (t->p points into the interned
 * source line). */
static void note_term(parser *ps, int entry, const token *t)
{
    thx_ruleset *rs = ps->rs;
    if (VEC_PUSH_SLOT_N(rs->terms, rs->nterms, rs->capterms))
        return;
    lex_term *lt = &rs->terms[rs->nterms++];
    lt->entry = entry;
    lt->text = t->p;
    lt->n = t->n;
    lt->regex = t->kind == TK_REGEX;
    lt->loc = ps->loc;
    lt->loc.col = t->col;
}

static int add_synonym(parser *ps, int entry, const token *t)
{
    lexicon *lx = &ps->rs->lex;
    if (t->kind == TK_REGEX || t->kind == TK_WORD || t->kind == TK_STRING)
        note_term(ps, entry, t);
    if (t->kind == TK_REGEX) {
        pcre2_code *code = syntax_compile_regex(t, ps->diags, &ps->loc, 0, true);
        if (!code)
            return -1;
        return lexicon_add_regex(lx, code, entry, t->p, t->n);
    }
    if (t->kind != TK_WORD && t->kind != TK_STRING) {
        ERR(ps, t->col, "expected a synonym (a word, \"phrase\" or /regex/)");
        return -1;
    }
    if (t->kind == TK_WORD && t->n > 0 && t->p[0] == '*') {
        char *ending = xstrndup(t->p + 1, t->n - 1);
        int rc = ending ? lexicon_add_ending(lx, ending, entry) : -1;
        free(ending);
        if (rc)
            ERR(ps, t->col, "a word ending is '*' and 2 letters or more (*itis, *osis)");
        return rc;
    }
    char *s = xstrndup(t->p, t->n);
    int rc = s ? lexicon_add_term(lx, s, TERM_MENTION, entry, true) : -1;
    free(s);
    return rc;
}

/* synonyms: syn (| syn)*, starting at *at */
static void parse_synonyms(parser *ps, int entry, const token *toks, size_t n, size_t at)
{
    bool want = true;
    for (size_t i = at; i < n; i++) {
        if (toks[i].kind == TK_BAR) {
            if (want)
                ERR(ps, toks[i].col, "empty synonym before '|'");
            want = true;
        } else if (!want) {
            ERR(ps, toks[i].col, "expected '|' between synonyms");
            return;
        } else {
            add_synonym(ps, entry, &toks[i]);
            want = false;
        }
    }
    if (want && n > at)
        ERR(ps, toks[n - 1].col, "a synonym must follow '%s'", toks[n - 1].kind == TK_EQ ? "=" : "|");
}

static int entry_words(parser *ps, str_vec *into, const token *toks, size_t n, size_t *i)
{
    size_t start = *i;
    while (*i < n && toks[*i].kind == TK_WORD && !tok_is(&toks[*i], "tags") &&
           !tok_is(&toks[*i], "targets") && !tok_is(&toks[*i], "predicate") &&
           !tok_is(&toks[*i], "as-written")) {
        if (str_vec_push(into, toks[*i].p, toks[*i].n))
            return -1;
        (*i)++;
    }
    if (*i == start)
        ERR(ps, toks[start - 1].col, "'%.*s' needs at least one word", (int)toks[start - 1].n,
            toks[start - 1].p);
    return 0;
}

static void parse_entry_attrs(parser *ps, int entry, const token *toks, size_t n, size_t i)
{
    lex_entry *e = &ps->rs->lex.entries[entry];
    while (i < n && toks[i].kind != TK_EQ) {
        const token *t = &toks[i++];
        if (tok_is(t, "tags")) {
            entry_words(ps, &e->tags, toks, n, &i);
        } else if (tok_is(t, "targets")) {
            entry_words(ps, &e->targets, toks, n, &i);
        } else if (tok_is(t, "predicate")) {
            if (i >= n || toks[i].kind != TK_WORD || !syntax_valid_predicate(toks[i].p, toks[i].n)) {
                ERR(ps, i < n ? toks[i].col : t->col,
                    "predicate needs a Biolink name such as biolink:treats");
                return;
            }
            free(e->predicate);
            e->predicate = xstrndup(toks[i].p, toks[i].n);
            i++;
        } else if (tok_is(t, "as-written")) {
            e->as_written = true;
        } else if (t->kind == TK_WORD && !e->id && memchr(t->p, ':', t->n) && i == 2) {
            e->id = xstrndup(t->p, t->n);
        } else {
            ERR(ps, t->col, "unexpected '%.*s' in a lexicon entry (expected an id, tags, "
                            "targets, predicate, as-written or '=')", (int)t->n, t->p);
            return;
        }
    }
    if (i < n)
        parse_synonyms(ps, entry, toks, n, i + 1);
}

/* anaphor They | "these vesicles" | ...: words that stand for a mention named earlier
 * (therapies and conditions: "this disease");
 * pronoun It | ...: the same, but only as the subject of a sentence, for the therapy that
 * was the subject of the sentence before */
static void parse_anaphors(parser *ps, const token *toks, size_t n, bool pronoun)
{
    const char *what = pronoun ? "pronoun" : "anaphor";
    if (ps->lex_ignore || ps->lex_type == SLOT_EFFECT || (pronoun && ps->lex_type != SLOT_THERAPY)) {
        ERR(ps, toks[0].col, pronoun ? "pronouns are only resolved for therapies"
                                     : "anaphors are only resolved for therapies and conditions%s",
            "");
        return;
    }
    if (n < 2) {
        ERR(ps, toks[0].col, "%s needs at least one word or \"phrase\"", what);
        return;
    }
    int e = lexicon_add_entry(&ps->rs->lex, ps->lex_type, "anaphor", NULL);
    if (e < 0)
        return;
    lex_entry *en = &ps->rs->lex.entries[e];
    en->anaphor = true;
    en->pronoun = pronoun;
    en->file = ps->file;
    en->line = ps->loc.line;
    ps->last_entry = e;
    /* the list reads like synonyms: word | "phrase" | ... */
    token first = toks[1];
    if (first.kind == TK_BAR) {
        ERR(ps, first.col, "empty %s before '|'", what);
        return;
    }
    token eq = toks[0];
    eq.kind = TK_EQ;
    token *all = malloc((n + 1) * sizeof *all);
    if (!all)
        return;
    memcpy(all + 1, toks + 1, (n - 1) * sizeof *toks);
    all[0] = eq;
    parse_synonyms(ps, e, all, n, 1);
    free(all);
}

void parse_lexicon_line(parser *ps, const char *line)
{
    token toks[SYNTAX_MAX_TOKENS];
    size_t n = 0;
    if (syntax_tokenize(line, ps->loc.src, toks, &n, ps->diags, &ps->loc))
        return;
    if (n == 0)
        return;
    if (toks[0].kind == TK_BAR) {
        if (ps->last_entry < 0)
            ERR(ps, toks[0].col, "a '|' continuation line needs an entry above it");
        else
            parse_synonyms(ps, ps->last_entry, toks, n, 1);
        return;
    }
    if (tok_is(&toks[0], "anaphor") || tok_is(&toks[0], "pronoun")) {
        parse_anaphors(ps, toks, n, tok_is(&toks[0], "pronoun"));
        return;
    }
    if (toks[0].kind != TK_STRING && toks[0].kind != TK_WORD) {
        ERR(ps, toks[0].col, "a lexicon entry starts with its canonical name");
        return;
    }
    char *canon = xstrndup(toks[0].p, toks[0].n);
    if (!canon)
        return;
    int e = lexicon_add_entry(&ps->rs->lex, ps->lex_type, canon, NULL);
    if (e >= 0) {
        ps->rs->lex.entries[e].file = ps->file;
        ps->rs->lex.entries[e].line = ps->loc.line;
        ps->rs->lex.entries[e].ignore = ps->lex_ignore;
        lexicon_add_term(&ps->rs->lex, canon, TERM_MENTION, e, true);
        note_term(ps, e, &toks[0]);
        ps->last_entry = e;
        parse_entry_attrs(ps, e, toks, n, 1);
    }
    free(canon);
}

/* ------------------------------------------------------------------ cues */

static const struct {
    const char *name;
    cue_role role;
} cue_roles[] = {{"forward", CUE_FORWARD}, {"backward", CUE_BACKWARD},
                 {"pseudo", CUE_PSEUDO},   {"stop", CUE_STOP}};

static int add_cue(parser *ps, cue_role role, const token *t)
{
    thx_ruleset *rs = ps->rs;
    if (VEC_PUSH_SLOT_N(rs->cues, rs->ncues, rs->capcues))
        return -1;
    cue_def *c = &rs->cues[rs->ncues];
    memset(c, 0, sizeof *c);
    c->kind = ps->cue_kind;
    c->role = role;
    c->text = xstrndup(t->p, t->n);
    c->loc = ps->loc;
    c->loc.col = t->col;
    if (!c->text)
        return -1;
    if (c->kind == CUE_OUTCOME_BAD || c->kind == CUE_OUTCOME_GOOD) {
        rs->ncues++; /* a polarity word, read by the harm guard, never tagged */
        return 0;
    }
    return lexicon_add_term(&rs->lex, c->text, TERM_CUE, (int)rs->ncues++, false);
}

void parse_cue_line(parser *ps, const char *line)
{
    token toks[SYNTAX_MAX_TOKENS];
    size_t n = 0;
    if (syntax_tokenize(line, ps->loc.src, toks, &n, ps->diags, &ps->loc) || n == 0)
        return;
    int r = -1;
    for (size_t k = 0; k < sizeof cue_roles / sizeof *cue_roles; k++)
        if (tok_is(&toks[0], cue_roles[k].name))
            r = (int)k;
    if (r < 0) {
        ERR(ps, toks[0].col, "unknown cue role '%.*s' (expected forward, backward, pseudo or "
                             "stop)", (int)toks[0].n, toks[0].p);
        return;
    }
    int scope = 0;
    if (n >= 3 && tok_is(&toks[n - 2], "scope")) {
        char *end;
        long v = strtol(toks[n - 1].p, &end, 10);
        if (end != toks[n - 1].p + toks[n - 1].n || v < 1 || v > 50) {
            ERR(ps, toks[n - 1].col, "scope must be a number of words from 1 to 50");
            return;
        }
        scope = (int)v;
        n -= 2;
    }
    cue_role role = cue_roles[r].role;
    if ((role == CUE_FORWARD || role == CUE_BACKWARD) && scope == 0)
        scope = role == CUE_FORWARD ? 6 : 5;
    size_t first = ps->rs->ncues;
    bool want = true;
    for (size_t i = 1; i < n; i++) {
        if (toks[i].kind == TK_BAR) {
            want = true;
        } else if (!want || (toks[i].kind != TK_WORD && toks[i].kind != TK_STRING)) {
            ERR(ps, toks[i].col, "expected a cue word or \"phrase\" here");
            return;
        } else {
            add_cue(ps, role, &toks[i]);
            want = false;
        }
    }
    for (size_t k = first; k < ps->rs->ncues; k++)
        ps->rs->cues[k].scope = scope;
}


/* ------------------------------------------------------------------ labels */

/* s[0..n) lowercase with runs of white space as one space, into a new string. */
static char *label_form(const char *s, size_t n)
{
    char *out = malloc(n + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t') {
            if (o > out && o[-1] != ' ')
                *o++ = ' ';
        } else {
            *o++ = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }
    while (o > out && o[-1] == ' ')
        o--;
    *o = '\0';
    return out;
}

/* Adds form -> label; a form that already names another label is an error. */
static void add_label_form(parser *ps, const token *t, const char *label)
{
    thx_ruleset *rs = ps->rs;
    char *form = label_form(t->p, t->n);
    if (!form)
        return;
    const char *had = rules_trigger_label(rs, form, strlen(form));
    if (had && strcmp(had, label))
        ERR(ps, t->col, "'%s' is already labelled '%s'", form, had);
    else if (!had && str_vec_push(&rs->label_forms, form, strlen(form)) == 0 &&
             str_vec_push(&rs->label_names, label, strlen(label)) != 0)
        free(rs->label_forms.items[--rs->label_forms.len]); /* keep the two in step */
    free(form);
}

void parse_label_line(parser *ps, const char *line)
{
    token toks[SYNTAX_MAX_TOKENS];
    size_t n = 0;
    if (syntax_tokenize(line, ps->loc.src, toks, &n, ps->diags, &ps->loc) || n == 0)
        return;
    thx_ruleset *rs = ps->rs;
    size_t first; /* the first form token */
    char *label;
    if (toks[0].kind == TK_BAR && ps->block_labels < rs->label_names.len) {
        /* "| form ...": more forms of the label above */
        const char *above = rs->label_names.items[rs->label_names.len - 1];
        label = label_form(above, strlen(above));
        first = 0;
    } else if ((toks[0].kind == TK_WORD || toks[0].kind == TK_STRING) && n >= 3 &&
               toks[1].kind == TK_EQ) {
        label = label_form(toks[0].p, toks[0].n);
        if (label)
            add_label_form(ps, &toks[0], label);
        first = 2;
    } else {
        ERR(ps, toks[0].col, "expected LABEL = form | form ... (a word or \"phrase\" each), "
                             "or | form ... to go on");
        return;
    }
    if (!label)
        return;
    bool want = first == 2;
    for (size_t i = first; i < n; i++) {
        if (toks[i].kind == TK_BAR) {
            want = true;
        } else if (!want || (toks[i].kind != TK_WORD && toks[i].kind != TK_STRING)) {
            ERR(ps, toks[i].col, "expected a word or \"phrase\" here");
            break;
        } else {
            add_label_form(ps, &toks[i], label);
            want = false;
        }
    }
    free(label);
}
