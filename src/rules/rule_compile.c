/*
 * Pattern compiler: turns a rule's pattern text into one PCRE2 (JIT) regex that runs on
 * the masked sentence, where every lexicon mention has been replaced by a token
 * "\x01" TYPE NUMBER "\x02" (TYPE: T therapy, E effect, C condition; see match.c).
 *
 *   {therapy}  {condition+}   a slot (one mention / a coordination "A, B and C")
 *   @effect                   a mention that must be there but is not bound
 *   $NAME                     a macro (itself pattern text)
 *   ~N                        at most N words
 *   "a phrase"  word  ,       literals (case-insensitive, whole words)
 *   /regex/flags              PCRE2 as written
 *   ( a | b c )  ( ... )?     alternatives, optional group
 *   [ ... ]                   the trigger: the words that state the effect
 *
 * Elements are joined by \s* and literal words carry \b at their edges, so optional
 * elements need no special spacing. The literals that every match must contain are
 * collected here; rule_gate.c chooses the best few as the pattern's gate, looked up by
 * the lexicon trie, so that a pattern only runs on sentences that can match it. A slot's
 * regex is written by rule_slot.c; rule_macro.c checks each macro expansion;
 * rule_pattern_code.c compiles the regex to the code that is matched.
 *
 * The compiler recurses on groups and macros: their nesting, and the text that macros
 * expand to, are bounded (rule_load.h) and checked before each step down, so that no
 * rule file can take the stack or the memory.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rule_syntax.h"
#include "rule_load.h"

#define TOKEN_RE(c) "\\x01" c "\\d+\\x02"
#define ANY_TOKEN_RE "\\x01[TEC]\\d+\\x02"

/* Shared by a pattern's compiler and its macros' sub-compilers. */
typedef struct {
    size_t bytes; /* pattern text read so far, macro bodies counted at every expansion */
    bool halted;  /* a limit was passed and reported: stop, report nothing more */
} expansion;

typedef struct {
    thx_ruleset *rs;
    thx_diags *diags;
    rule_pattern *pat;
    const char *rule_id;
    const char *src;   /* pattern text being read (the pattern or a macro body) */
    const char *p;
    src_loc loc;       /* where src starts */
    int optional;      /* > 0 inside an optional group or an alternative */
    int depth;         /* macro depth: the length of the stack `macros` */
    const macro_frame *macros;
    int groups;        /* ( and [ groups open around p, macros included */
    expansion *ex;
    bool slot_seen[SLOT_NTYPES];
    bool trigger_seen;
    /* what every match must contain: literals, and groups of plain alternatives
     * "(reduces|reduced)" of which one must occur; the best few become the gate */
    gate_candidate gates[MAX_GATE_CANDIDATES];
    size_t ngates;
    bool failed;
} compiler;

static void cerr(compiler *c, const char *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void cerr(compiler *c, const char *at, const char *fmt, ...)
{
    if ((c->failed && c->depth > 0) || c->ex->halted)
        return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rules_error(c->diags, &c->loc, c->loc.col + (int)(at - c->src), "%s", msg);
    c->failed = true;
}

/* Reports a limit passed (msg, at loc:col) and stops the pattern's compilation there:
 * nothing after it is read or reported. halt_at: at `at` in c's text. */
static void halt(compiler *c, const src_loc *loc, int col, const char *msg)
{
    if (!c->ex->halted)
        rules_error(c->diags, loc, col, "%s", msg);
    c->ex->halted = true;
    c->failed = true;
}

static void halt_at(compiler *c, const char *at, const char *msg)
{
    halt(c, &c->loc, c->loc.col + (int)(at - c->src), msg);
}

static void skip_ws(compiler *c)
{
    while (*c->p == ' ' || *c->p == '\t')
        c->p++;
}

static bool is_word_end(char ch)
{
    return ch == '\0' || ch == ' ' || ch == '\t' || strchr("(){}[]|\"", ch) != NULL;
}

/* A token of type t every match holds, after those noted before it (rules.h: order):
 * elements outside groups follow one another in the match as in the pattern. */
static void require_token(compiler *c, int t)
{
    c->pat->need_types |= 1u << t;
    if (c->pat->norder < RULES_ORDER_MAX)
        c->pat->order[c->pat->norder++] = (uint8_t)t;
}

/* ------------------------------------------------------------------ literals */

static void note_gate(compiler *c, const char *src, size_t len, size_t score, bool set)
{
    if (!c->optional)
        gate_note(c->gates, &c->ngates, (gate_candidate){src, len, score, set});
}

static void note_literal(compiler *c, const char *s, size_t n)
{
    bool has_alnum = false;
    for (size_t i = 0; i < n; i++)
        has_alnum |= is_ascii_alnum((unsigned char)s[i]);
    if (has_alnum)
        note_gate(c, s, n, n, false);
}

static void emit_literal(compiler *c, strbuf *out, const char *s, size_t n)
{
    note_literal(c, s, n);
    if (n && is_ascii_alnum((unsigned char)s[0]))
        sb_puts(out, "\\b");
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == ' ' || ch == '\t') {
            while (i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '\t'))
                i++;
            sb_puts(out, "\\s+");
        } else if (ch == '-') {
            sb_puts(out, "[-\\s]?");
        } else if (is_ascii_alnum(ch) || ch >= 0x80) {
            sb_putc(out, (char)ch);
        } else {
            sb_printf(out, "\\x%02x", ch);
        }
    }
    if (n && is_ascii_alnum((unsigned char)s[n - 1]))
        sb_puts(out, "\\b");
}

/* ------------------------------------------------------------------ elements */

static void compile_alt(compiler *c, strbuf *out, char close);
static void compile_seq(compiler *c, strbuf *out, char close);

static void compile_slot(compiler *c, strbuf *out)
{
    const char *start = c->p++;
    const char *e = strchr(c->p, '}');
    if (!e) {
        cerr(c, start, "unterminated {slot}%s", "");
        c->p += strlen(c->p);
        return;
    }
    size_t n = (size_t)(e - c->p);
    /* {type#tag}, {type+#tag}: only mentions whose entry carries the tag */
    const char *hash = memchr(c->p, '#', n);
    size_t hn = hash ? (size_t)(e - hash - 1) : 0;
    if (hash)
        n = (size_t)(hash - c->p);
    bool list = n && c->p[n - 1] == '+';
    const char *colon = memchr(c->p, ':', n);
    size_t tn = colon ? (size_t)(colon - c->p) : n - (list ? 1 : 0);
    int t = slot_type_from_name(c->p, tn);
    c->p = e + 1;
    for (size_t k = 0; hash && k < hn; k++)
        if (!is_ascii_alnum((unsigned char)hash[1 + k]) && hash[1 + k] != '-' && hash[1 + k] != '_')
            hn = 0; /* a tag is one word: "{therapy#vaccine+}" is a typo */
    if (hash && hn == 0) {
        cerr(c, hash, "'#' needs the tag a mention must carry, one word, as in "
                      "{therapy#vaccine} or {therapy+#vaccine}%s", "");
        return;
    }
    if (hash && colon) {
        cerr(c, hash, "an open slot {type:open} takes no tag%s", "");
        return;
    }
    if (t < 0) {
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)(tn < 60 ? tn : 60), start + 1);
        cerr(c, start + 1, "unknown slot type '%s' (expected therapy, effect or condition)",
             name);
        return;
    }
    bool open = false;
    if (colon) {
        if (e - colon != 5 || memcmp(colon, ":open", 5) || list) {
            cerr(c, colon, "a slot is {type}, {type+}, {type#tag} or {type:open}%s", "");
            return;
        }
        open = true;
    }
    if (c->slot_seen[t]) {
        cerr(c, start, "slot {%s} is used twice in one pattern", slot_type_names[t]);
        return;
    }
    c->slot_seen[t] = true;
    if (open) {
        c->pat->open[t] = true;
        slot_regex_open(out, (slot_type)t);
        return;
    }
    if (!c->optional)
        require_token(c, t);
    c->pat->list[t] = list;
    if (hash && !(c->pat->slot_tag[t] = xstrndup(hash + 1, hn))) {
        cerr(c, hash, "out of memory%s", "");
        return;
    }
    bool in_people = t == SLOT_CONDITION && (c->pat->need_types & (1u << SLOT_THERAPY));
    slot_regex_mention(out, (slot_type)t, list, in_people);
    /* a tagged slot: a callout (numbered by slot type) checks the tag, so that the regex
     * backtracks to another mention when the one it took lacks it (match.c) */
    if (c->pat->slot_tag[t])
        sb_printf(out, "(?C%d)", t + 1);
}

static void compile_require(compiler *c, strbuf *out)
{
    const char *start = c->p++;
    const char *e = c->p;
    while (!is_word_end(*e))
        e++;
    int t = slot_type_from_name(c->p, (size_t)(e - c->p));
    c->p = e;
    if (t < 0) {
        cerr(c, start, "unknown mention type after '@' (expected therapy, effect or condition)%s",
             "");
        return;
    }
    if (!c->optional)
        require_token(c, t);
    sb_printf(out, "\\x01%c\\d+\\x02", slot_type_letter[t]);
}

static void compile_gap(compiler *c, strbuf *out)
{
    const char *start = c->p++;
    char *end;
    long n = strtol(c->p, &end, 10);
    if (end == c->p || n < 1 || n > 20 || !is_word_end(*end)) {
        cerr(c, start, "a gap is ~N with N from 1 to 20%s", "");
        c->p = end > c->p ? end : c->p;
        return;
    }
    c->p = end;
    /* a gap word is taken whole (possessive): splitting words would backtrack
     * exponentially when gaps follow one another */
    sb_printf(out, "(?:(?:[^\\s\\x01]++|" ANY_TOKEN_RE ")\\s*){0,%ld}?", n);
}

static void compile_macro(compiler *c, strbuf *out)
{
    const char *start = c->p++;
    const char *e = c->p;
    while (is_ascii_alnum((unsigned char)*e) || *e == '_')
        e++;
    size_t n = (size_t)(e - c->p);
    c->p = e;
    bool optional = *c->p == '?'; /* $NAME? */
    if (optional)
        c->p++;
    const rule_macro *m = macro_find(c->rs, start + 1, n);
    if (!m) {
        char name[128];
        snprintf(name, sizeof name, "%.*s", (int)(n < 100 ? n : 100), start + 1);
        cerr(c, start, "unknown macro '$%s'", name);
        return;
    }
    macro_frame frame = {m, start, c->macros};
    strbuf msg;
    sb_init(&msg);
    macro_verdict v = macro_enter(&frame, c->depth, &c->ex->bytes, c->rule_id, &msg);
    const char *text = msg.ptr ? msg.ptr : "out of memory";
    if (v == MACRO_CYCLE)
        cerr(c, start, "%s", text);
    else if (v == MACRO_TOO_DEEP)
        halt_at(c, start, text);
    else if (v == MACRO_TOO_BIG) /* at the outermost macro, in the pattern's own text */
        halt(c, &c->pat->loc,
             c->pat->loc.col + (int)(macro_outermost(&frame)->at - c->pat->source), text);
    sb_free(&msg);
    if (v != MACRO_OK)
        return;
    compiler sub = *c;
    sub.src = sub.p = m->body;
    sub.loc = m->loc;
    sub.depth++;
    sub.macros = &frame;
    if (has_top_bar(m->body) || optional)
        sub.optional++;
    sb_puts(out, "(?:");
    compile_alt(&sub, out, '\0');
    sb_puts(out, optional ? ")?" : ")");
    memcpy(c->slot_seen, sub.slot_seen, sizeof c->slot_seen);
    c->trigger_seen = sub.trigger_seen;
    c->failed |= sub.failed;
    /* sub started as a copy of c: its candidates are c's and the macro's */
    memcpy(c->gates, sub.gates, sizeof c->gates);
    c->ngates = sub.ngates;
}

static void compile_regex(compiler *c, strbuf *out)
{
    token t;
    memset(&t, 0, sizeof t);
    t.col = c->loc.col + (int)(c->p - c->src);
    const char *q = c->p + 1;
    while (*q && *q != '/') {
        if (*q == '\\' && q[1])
            q++;
        q++;
    }
    if (*q != '/') {
        cerr(c, c->p, "unterminated /regex/%s", "");
        c->p += strlen(c->p);
        return;
    }
    t.kind = TK_REGEX;
    t.p = c->p + 1;
    t.n = (size_t)(q - c->p - 1);
    t.flags = q + 1;
    while (t.flags[t.nflags] && strchr("imsxc", t.flags[t.nflags]))
        t.nflags++;
    c->p = q + 1 + t.nflags;
    /* compiled alone first, so that an error points into the regex itself */
    pcre2_code *alone = syntax_compile_regex(&t, c->diags, &c->loc, 0, false);
    if (!alone) {
        c->failed = true;
        return;
    }
    pcre2_code_free(alone);
    bool caseless = memchr(t.flags, 'c', t.nflags) == NULL;
    sb_puts(out, caseless ? "(?:" : "(?-i:");
    sb_putn(out, t.p, t.n);
    sb_putc(out, ')');
}

/* Groups nest by recursion: deep nesting is refused before it can take the stack. */
static bool enter_group(compiler *c, const char *start)
{
    if (c->groups < RULES_GROUP_NESTING) {
        c->groups++;
        return true;
    }
    char msg[128];
    snprintf(msg, sizeof msg, "groups '(' and '[' nest deeper than %d levels", RULES_GROUP_NESTING);
    halt_at(c, start, msg);
    return false;
}

static void compile_group(compiler *c, strbuf *out)
{
    const char *start = c->p++;
    if (!enter_group(c, start))
        return;
    const char *end;
    size_t score = c->optional ? 0 : plain_alternation(c->p, &end);
    if (score)
        note_gate(c, c->p, (size_t)(end - c->p), score, true);
    strbuf inner;
    sb_init(&inner);
    c->optional++;
    compile_alt(c, &inner, ')');
    c->optional--;
    c->groups--;
    if (*c->p != ')') {
        cerr(c, start, "'(' is not closed%s", "");
        sb_free(&inner);
        return;
    }
    c->p++;
    bool optional = *c->p == '?';
    if (optional)
        c->p++;
    sb_printf(out, "(?:%s)%s", inner.ptr ? inner.ptr : "", optional ? "?" : "");
    sb_free(&inner);
}

static void compile_trigger(compiler *c, strbuf *out)
{
    const char *start = c->p++;
    if (c->trigger_seen) {
        cerr(c, start, "a pattern has one [trigger] at most%s", "");
        return;
    }
    c->trigger_seen = true;
    if (!enter_group(c, start))
        return;
    sb_puts(out, "(?<thx_g>");
    compile_seq(c, out, ']');
    c->groups--;
    if (*c->p != ']') {
        cerr(c, start, "'[' is not closed%s", "");
        return;
    }
    c->p++;
    sb_putc(out, ')');
}

static void compile_word(compiler *c, strbuf *out)
{
    if (*c->p == '"') {
        const char *e = strchr(c->p + 1, '"');
        if (!e) {
            cerr(c, c->p, "unterminated \"phrase\"%s", "");
            c->p += strlen(c->p);
            return;
        }
        emit_literal(c, out, c->p + 1, (size_t)(e - c->p - 1));
        c->p = e + 1;
        return;
    }
    const char *e = c->p;
    while (!is_word_end(*e))
        e++;
    emit_literal(c, out, c->p, (size_t)(e - c->p));
    c->p = e;
}

static bool compile_element(compiler *c, strbuf *out)
{
    switch (*c->p) {
    case '{': compile_slot(c, out); break;
    case '@': compile_require(c, out); break;
    case '~': compile_gap(c, out); break;
    case '$': compile_macro(c, out); break;
    case '/': compile_regex(c, out); break;
    case '(': compile_group(c, out); break;
    case '[': compile_trigger(c, out); break;
    case '}':
    case ')':
    case ']':
        cerr(c, c->p, "unexpected '%s'", (char[]){*c->p, 0});
        c->p++;
        return false;
    default: compile_word(c, out); break;
    }
    return true;
}

/* Records a top-level element: where it starts in the source, where its regex ends. */
static void note_step(compiler *c, const char *elem, size_t re_len)
{
    rule_pattern *p = c->pat;
    size_t *src = realloc(p->step_src, (p->nsteps + 1) * sizeof *src);
    if (src)
        p->step_src = src;
    size_t *re = realloc(p->step_re, (p->nsteps + 1) * sizeof *re);
    if (re)
        p->step_re = re;
    if (!src || !re)
        return;
    p->step_src[p->nsteps] = (size_t)(elem - c->src);
    p->step_re[p->nsteps++] = re_len;
}

/* A sequence of elements up to `close`, '|' or the end. */
static void compile_seq(compiler *c, strbuf *out, char close)
{
    bool first = true;
    while (!c->ex->halted) {
        skip_ws(c);
        if (!*c->p || *c->p == '|' || (close && *c->p == close))
            return;
        if (*c->p == ')' || *c->p == ']') {
            cerr(c, c->p, "unexpected '%s'", (char[]){*c->p, 0});
            c->p++;
            continue;
        }
        if (!first)
            sb_puts(out, "\\s*");
        first = false;
        const char *elem = c->p;
        compile_element(c, out);
        if ((c->failed && c->depth > 0) || c->ex->halted)
            return;
        if (close == '\0' && c->depth == 0 && !c->optional)
            note_step(c, elem, out->len);
    }
}

static void compile_alt(compiler *c, strbuf *out, char close)
{
    for (;;) {
        compile_seq(c, out, close);
        if (*c->p != '|' || c->ex->halted)
            return;
        c->p++;
        sb_putc(out, '|');
    }
}

/* ------------------------------------------------------------------ whole patterns */

int rules_compile_pattern(thx_ruleset *rs, const rule *r, rule_pattern *p, thx_diags *diags)
{
    compiler c;
    memset(&c, 0, sizeof c);
    expansion ex = {strlen(p->source), false};
    c.rs = rs;
    c.diags = diags;
    c.pat = p;
    c.rule_id = r->id;
    c.ex = &ex;
    c.src = c.p = p->source;
    c.loc = p->loc;
    p->need_types = 0;
    p->norder = 0;
    if (ex.bytes > RULES_PATTERN_EXPANDED_MAX) {
        rules_error(diags, &p->loc, p->loc.col, "the pattern of rule '%s' is over %d MB long",
                    r->id, RULES_PATTERN_EXPANDED_MAX >> 20);
        return THX_ERULES;
    }
    if (syntax_check_groups(p->source, diags, &p->loc)) /* one error per unpaired group */
        return THX_ERULES;
    strbuf re;
    sb_init(&re);
    bool top_alt = has_top_bar(p->source);
    if (top_alt)
        c.optional++;
    compile_alt(&c, &re, '\0');
    if (top_alt)
        c.optional--;
    if (*c.p)
        cerr(&c, c.p, "unexpected '%s'", c.p);
    if (!c.failed && !c.slot_seen[SLOT_THERAPY])
        cerr(&c, c.src, "a pattern needs a {therapy} slot%s", "");
    if (c.failed) {
        sb_free(&re);
        return THX_ERULES;
    }
    p->regex = sb_take(&re);
    if (rules_pattern_make_code(rs, p, c.slot_seen, c.trigger_seen, diags))
        return THX_ERULES;
    p->gate_literal = gate_register(rs, p, c.gates, c.ngates);
    return 0;
}

static void check_effect(thx_ruleset *rs, rule *r, thx_diags *diags)
{
    bool has_effect_slot = false;
    for (size_t i = 0; i < r->npatterns; i++)
        has_effect_slot |= r->patterns[i].group[SLOT_EFFECT] > 0;
    if (!r->effect && !has_effect_slot)
        rules_error(diags, &r->loc, 1, "rule '%s' needs an 'effect' or an {effect} slot", r->id);
    if (r->effect && strstr(r->effect, "{effect}") && !has_effect_slot)
        rules_error(diags, &r->loc, 1, "rule '%s' uses {effect} in its effect label but no "
                                       "pattern has an {effect} slot", r->id);
    (void)rs;
}

int rules_compile(thx_ruleset *rs, thx_diags *diags)
{
    size_t before = thx_diags_count(diags, THX_SEV_ERROR);
    for (size_t i = 0; i < rs->nrules; i++) {
        rule *r = &rs->rules[i];
        for (size_t k = 0; k < r->npatterns; k++)
            rules_compile_pattern(rs, r, &r->patterns[k], diags);
        check_effect(rs, r, diags);
    }
    gate_make_filters(rs);
    return thx_diags_count(diags, THX_SEV_ERROR) > before ? THX_ERULES : 0;
}
