/*
 * Lint: rules that compile but are risky (see lint.h). Each check walks the loaded,
 * compiled rule set read-only and adds located warnings to the caller's diags list:
 *
 *   gates        a pattern with no gate literal runs on every sentence
 *   gaps         ~N wider than 8 words; a /regex/ element with an unbounded .* \S+ \w+
 *                (lint_regex.c)
 *   terms        lexicon terms of 1-2 characters, 3-letter common words matched in any
 *                case, regex synonyms with no gate literal, a term under two entries
 *   duplicates   two patterns of equal priority that compile to the same regex
 *   lists        a {type+} slot that no example tests with two items
 *   reach        lexicon entries of a type that no pattern has a slot or @type for
 *   redeclared   an entry declared again without its id (lint_entries.c)
 *
 * Each warning ends with its kind in [ ]; #lint-ok marks in the rule files leave out
 * the warnings they cover (lint_marks.c).
 *
 * Lexicon terms are located by rs->terms (kept by the parser for this purpose).
 * Ownership: nothing here keeps memory; the diags belong to the caller.
 */
#include "lint.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define LINT_MAX_GAP 8

typedef struct {
    const thx_ruleset *rs;
    thx_diags *out;
    int added;
    bool oom;
    bool all; /* each cross-file term overlap on its own (else one per pair of files) */
} linter;

static void warn(linter *l, const char *kind, const src_loc *loc, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* A warning of a kind (lint_marks.c: the names a #lint-ok mark gives), which ends its
 * message as " [kind]". */
static void warn(linter *l, const char *kind, const src_loc *loc, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!msg) {
        l->oom = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
    if (thx_diags_add(l->out, THX_SEV_WARNING, loc->file, loc->line, col, loc->src, "%s [%s]",
                      msg, kind))
        l->oom = true;
    else
        l->added++;
    free(msg);
}

/* ------------------------------------------------------------------ gates */

static void lint_gates(linter *l)
{
    for (size_t i = 0; i < l->rs->nrules; i++) {
        const rule *r = &l->rs->rules[i];
        for (size_t k = 0; k < r->npatterns; k++)
            if (r->patterns[k].gate_literal < 0)
                warn(l, "ungated-pattern", &r->patterns[k].loc, r->patterns[k].loc.col,
                     "pattern has no required literal word outside ( ) groups: it runs on "
                     "every sentence");
    }
}

/* ------------------------------------------------------------------ gaps, regexes */

static void warn_unbounded(linter *l, const src_loc *loc, int col, const char *s, size_t n)
{
    warn(l, "unbounded-regex", loc, col, "regex has an unbounded '%.*s%s' that can run on across the sentence: "
                      "bound it ({0,N}) or use ~N",
         (int)(n > 40 ? 40 : n), s, n > 40 ? "..." : "");
}

/* One /regex/ element of a pattern: re[0..n) at column col. */
static void lint_regex_element(linter *l, const src_loc *loc, int col, const char *re, size_t n)
{
    size_t at, len;
    if (regex_unbounded(re, n, &at, &len))
        warn_unbounded(l, loc, col + (int)at, re + at, len);
}

static bool at_element_start(const char *src, const char *p)
{
    return p == src || strchr(" \t(){}[]|\"?", p[-1]) != NULL;
}

/* Pattern text (a pattern or a macro body) whose first character is at loc->col. */
static void lint_pattern_text(linter *l, const src_loc *loc, const char *src)
{
    for (const char *p = src; *p; p++) {
        if (*p == '"') {
            const char *e = strchr(p + 1, '"');
            if (!e)
                return;
            p = e;
        } else if (*p == '/' && at_element_start(src, p)) {
            const char *q = p + 1;
            while (*q && *q != '/')
                q += (*q == '\\' && q[1]) ? 2 : 1;
            if (!*q)
                return;
            lint_regex_element(l, loc, loc->col + (int)(p + 1 - src), p + 1,
                               (size_t)(q - p - 1));
            p = q;
        } else if (*p == '~' && at_element_start(src, p)) {
            char *end;
            long n = strtol(p + 1, &end, 10);
            if (end > p + 1 && n > LINT_MAX_GAP)
                warn(l, "wide-gap", loc, loc->col + (int)(p - src),
                     "gap ~%ld is wider than %d words: it may join mentions that are not "
                     "related", n, LINT_MAX_GAP);
        }
    }
}

static void lint_gaps(linter *l)
{
    const thx_ruleset *rs = l->rs;
    for (size_t i = 0; i < rs->nmacros; i++)
        lint_pattern_text(l, &rs->macros[i].loc, rs->macros[i].body);
    for (size_t i = 0; i < rs->nrules; i++)
        for (size_t k = 0; k < rs->rules[i].npatterns; k++)
            lint_pattern_text(l, &rs->rules[i].patterns[k].loc, rs->rules[i].patterns[k].source);
}

/* ------------------------------------------------------------------ lexicon terms */

/* Three-letter words common enough in abstracts that a lexicon term spelled so would
 * match ordinary text. */
static const char *const common_words[] = {
    "act", "add", "age", "aid", "all", "and", "any", "are", "arm", "bad", "bed", "big",
    "bit", "but", "can", "cut", "day", "did", "due", "end", "far", "few", "fit", "for",
    "gap", "get", "had", "has", "her", "him", "his", "hit", "how", "its", "key", "lay",
    "led", "let", "lid", "low", "man", "may", "men", "mix", "new", "not", "now", "off",
    "old", "one", "our", "out", "own", "per", "put", "ran", "raw", "run", "saw", "see",
    "set", "she", "six", "ten", "the", "too", "top", "two", "use", "via", "was", "way",
    "who", "why", "yet", "you",
};

static bool is_common_word(const char *norm)
{
    for (size_t i = 0; i < sizeof common_words / sizeof *common_words; i++)
        if (!strcasecmp(norm, common_words[i]))
            return true;
    return false;
}

/* Terms with two capitals or more must match their capitals (lexicon.c). */
static bool matches_any_case(const char *norm)
{
    size_t upper = 0;
    for (const char *p = norm; *p; p++)
        upper += *p >= 'A' && *p <= 'Z';
    return upper < 2;
}

static bool is_anaphor(const linter *l, const lex_term *t)
{
    return l->rs->lex.entries[t->entry].anaphor;
}

static void lint_term(linter *l, const lex_term *t)
{
    if (t->regex) {
        /* The tagger gates a regex on regex_gate(): a literal of 3 characters or more
         * when there is one, else a weak one (a shorter literal, "any digit"), else
         * none. Only the first is selective enough to leave the regex unwarned. */
        char *gate = regex_required_literal(t->text, t->n);
        char *weak = gate ? NULL : regex_gate(t->text, t->n);
        int w = (int)(t->n > 40 ? 40 : t->n);
        const char *more = t->n > 40 ? "..." : "";
        if (!gate && !weak)
            warn(l, "ungated-regex", &t->loc, t->loc.col,
                 "regex synonym /%.*s%s/ has no required literal: it runs on every sentence",
                 w, t->text, more);
        else if (!gate)
            warn(l, "ungated-regex", &t->loc, t->loc.col,
                 "regex synonym /%.*s%s/ has no required literal of 3 characters or more, "
                 "only '%s': it runs on every sentence that has %s",
                 w, t->text, more, weak, strchr(weak, '|') ? "one of them" : "it");
        free(gate);
        free(weak);
        return;
    }
    char *norm = lexicon_normalise(t->text, t->n);
    if (!norm) {
        l->oom = true;
        return;
    }
    size_t len = utf8_count(norm, strlen(norm));
    if (len > 0 && len <= 2)
        warn(l, "short-term", &t->loc, t->loc.col,
             "lexicon term '%.*s' is only %zu character%s long: it will match unrelated text",
             (int)t->n, t->text, len, len == 1 ? "" : "s");
    else if (len == 3 && matches_any_case(norm) && is_common_word(norm))
        warn(l, "common-word", &t->loc, t->loc.col,
             "lexicon term '%.*s' is a common English word: it will match unrelated text",
             (int)t->n, t->text);
    free(norm);
}

static void lint_terms(linter *l)
{
    for (size_t i = 0; i < l->rs->nterms; i++)
        if (!is_anaphor(l, &l->rs->terms[i]))
            lint_term(l, &l->rs->terms[i]);
}

/* ------------------------------------------------------------------ one term, two entries */

typedef struct {
    char *key; /* normalised, case folded */
    size_t term;
} term_key;

static int by_key(const void *a, const void *b)
{
    const term_key *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->term > y->term) - (x->term < y->term);
}

/* A term listed in one file and again in a file loaded after it, under entries that
 * name different things: the first file's entry wins. Unless lint runs with `all`,
 * these are reported once per pair of files, at the first such term, with a count. */
typedef struct {
    const char *later, *earlier; /* file names (interned by the rule set) */
    size_t term, term0;          /* the first overlapping term of the later file, and the
                                  * earlier file's term it repeats */
    size_t count;
} file_overlap;

typedef struct {
    file_overlap *items;
    size_t len, cap;
} overlap_vec;

static bool same_thing(const lex_entry *a, const lex_entry *b)
{
    return !strcasecmp(a->canonical, b->canonical) || (a->id && b->id && !strcmp(a->id, b->id));
}

static void note_overlap(linter *l, overlap_vec *v, size_t term, size_t term0)
{
    const char *later = l->rs->terms[term].loc.file, *earlier = l->rs->terms[term0].loc.file;
    for (size_t i = 0; i < v->len; i++)
        if (!strcmp(v->items[i].later, later) && !strcmp(v->items[i].earlier, earlier)) {
            if (term < v->items[i].term) {
                v->items[i].term = term;
                v->items[i].term0 = term0;
            }
            v->items[i].count++;
            return;
        }
    if (VEC_PUSH_SLOT(v)) {
        l->oom = true;
        return;
    }
    v->items[v->len++] = (file_overlap){later, earlier, term, term0, 1};
}

static void warn_two_entries(linter *l, const lex_term *t0, const lex_term *t)
{
    const lex_entry *a = &l->rs->lex.entries[t0->entry], *b = &l->rs->lex.entries[t->entry];
    warn(l, "two-entries", &t->loc, t->loc.col,
         "'%.*s' is listed under two entries: %s '%s' (%s:%d) and %s '%s' (%s:%d)",
         (int)t->n, t->text, slot_type_names[a->type], a->canonical, a->file, a->line,
         slot_type_names[b->type], b->canonical, b->file, b->line);
}

/* keys[k] has the same form as keys[first] (the first written): reported unless it
 * is the same entry or names the same thing (same name or id), or an entry already
 * reported for this form; in another file, noted in v unless l->all. */
static void report_duplicate(linter *l, const term_key *keys, size_t first, size_t k,
                             overlap_vec *v)
{
    const lex_term *t0 = &l->rs->terms[keys[first].term], *t = &l->rs->terms[keys[k].term];
    if (t->entry == t0->entry)
        return;
    for (size_t m = first + 1; m < k; m++)
        if (l->rs->terms[keys[m].term].entry == t->entry)
            return;
    const lex_entry *a = &l->rs->lex.entries[t0->entry], *b = &l->rs->lex.entries[t->entry];
    if (same_thing(a, b))
        return;
    if (!l->all && strcmp(t->loc.file, t0->loc.file)) {
        note_overlap(l, v, keys[k].term, keys[first].term);
        return;
    }
    warn_two_entries(l, t0, t);
}

static size_t collect_keys(linter *l, term_key *keys)
{
    size_t n = 0;
    for (size_t i = 0; i < l->rs->nterms; i++) {
        const lex_term *t = &l->rs->terms[i];
        if (t->regex || is_anaphor(l, t))
            continue;
        char *key = lexicon_normalise(t->text, t->n);
        if (!key) {
            l->oom = true;
            continue;
        }
        for (char *p = key; *p; p++)
            *p = (char)ascii_lower((unsigned char)*p);
        keys[n++] = (term_key){key, i};
    }
    return n;
}

static void lint_duplicate_terms(linter *l)
{
    if (!l->rs->nterms)
        return;
    term_key *keys = malloc(l->rs->nterms * sizeof *keys);
    if (!keys) {
        l->oom = true;
        return;
    }
    size_t n = collect_keys(l, keys);
    if (n > 1)
        qsort(keys, n, sizeof *keys, by_key);
    overlap_vec v = {0};
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && !strcmp(keys[j].key, keys[i].key))
            j++;
        for (size_t k = i + 1; k < j; k++)
            report_duplicate(l, keys, i, k, &v);
        i = j;
    }
    for (size_t i = 0; i < v.len; i++) {
        const lex_term *t = &l->rs->terms[v.items[i].term];
        if (v.items[i].count == 1)
            warn_two_entries(l, &l->rs->terms[v.items[i].term0], t);
        else
            warn(l, "two-entries", &t->loc, t->loc.col,
                 "'%.*s' and %zu more term%s of this file are also listed in %s under other "
                 "entries, which win (loaded first); `therex lint --all` lists each",
                 (int)t->n, t->text, v.items[i].count - 1, v.items[i].count == 2 ? "" : "s",
                 v.items[i].earlier);
    }
    free(v.items);
    for (size_t i = 0; i < n; i++)
        free(keys[i].key);
    free(keys);
}

/* ------------------------------------------------------------------ duplicated patterns */

/* Whether two patterns ask the same tags of their slots ({therapy#vaccine}). */
static bool same_tags(const rule_pattern *a, const rule_pattern *b)
{
    for (int t = 0; t < SLOT_NTYPES; t++) {
        const char *x = a->slot_tag[t], *y = b->slot_tag[t];
        if ((x || y) && (!x || !y || strcmp(x, y)))
            return false;
    }
    return true;
}

/* The first pattern before rules[ri].patterns[pk] with the same priority, regex and slot
 * tags. */
static const rule_pattern *earlier_twin(const thx_ruleset *rs, size_t ri, size_t pk,
                                        const rule **owner)
{
    const rule *r = &rs->rules[ri];
    const rule_pattern *p = &r->patterns[pk];
    for (size_t i = 0; i <= ri; i++) {
        const rule *o = &rs->rules[i];
        size_t end = i == ri ? pk : o->npatterns;
        for (size_t k = 0; k < end && o->priority == r->priority; k++)
            if (o->patterns[k].regex && !strcmp(o->patterns[k].regex, p->regex) &&
                same_tags(&o->patterns[k], p)) {
                *owner = o;
                return &o->patterns[k];
            }
    }
    return NULL;
}

static void lint_duplicate_patterns(linter *l)
{
    const thx_ruleset *rs = l->rs;
    for (size_t i = 0; i < rs->nrules; i++)
        for (size_t k = 0; k < rs->rules[i].npatterns; k++) {
            const rule_pattern *p = &rs->rules[i].patterns[k];
            const rule *owner = NULL;
            const rule_pattern *twin = p->regex ? earlier_twin(rs, i, k, &owner) : NULL;
            if (twin)
                warn(l, "duplicate-pattern", &p->loc, p->loc.col,
                     "pattern compiles to the same regex as a pattern of rule '%s' (%s:%d) "
                     "at equal priority: duplicated work",
                     owner->id, twin->loc.file, twin->loc.line);
        }
}

/* ------------------------------------------------------------------ {type+} lists */

static const char *expect_value(const rule_expect *e, int t)
{
    const char *v = t == SLOT_THERAPY ? e->therapy : t == SLOT_EFFECT ? e->effect : e->condition;
    return v ? v : "-";
}

/* True when an example of r expects two triples that differ in slot t. */
static bool list_exercised(const rule *r, int t)
{
    for (size_t i = 0; i < r->nexamples; i++) {
        const rule_example *ex = &r->examples[i];
        for (size_t a = 0; !ex->counter && a < ex->nexpects; a++)
            for (size_t b = a + 1; b < ex->nexpects; b++)
                if (strcasecmp(expect_value(&ex->expects[a], t), expect_value(&ex->expects[b], t)))
                    return true;
    }
    return false;
}

/* Warns at the first {type+} slot of r when no example gives it two items. */
static void lint_list_slot(linter *l, const rule *r, int t)
{
    for (size_t k = 0; k < r->npatterns; k++) {
        const rule_pattern *p = &r->patterns[k];
        if (!p->list[t])
            continue;
        if (list_exercised(r, t))
            return;
        char slot[32];
        snprintf(slot, sizeof slot, "{%s+}", slot_type_names[t]);
        const char *at = strstr(p->source, slot);
        warn(l, "untested-list", &p->loc, p->loc.col + (at ? (int)(at - p->source) : 0),
             "%s is never exercised: no example of rule '%s' expects two triples that "
             "differ in their %s", slot, r->id, slot_type_names[t]);
        return;
    }
}

static void lint_lists(linter *l)
{
    for (size_t i = 0; i < l->rs->nrules; i++)
        for (int t = 0; t < SLOT_NTYPES; t++)
            lint_list_slot(l, &l->rs->rules[i], t);
}

/* ------------------------------------------------------------------ unreachable entries */

/* True when some pattern has a {type} slot or @type: its regex holds that token. */
static bool type_reachable(const thx_ruleset *rs, int t)
{
    static const char letters[SLOT_NTYPES] = {'T', 'E', 'C'};
    char needle[8];
    snprintf(needle, sizeof needle, "\\x01%c", letters[t]);
    for (size_t i = 0; i < rs->nrules; i++)
        for (size_t k = 0; k < rs->rules[i].npatterns; k++)
            if (rs->rules[i].patterns[k].regex && strstr(rs->rules[i].patterns[k].regex, needle))
                return true;
    return false;
}

typedef struct {
    const char **items;
    size_t len, cap;
} file_list;

static bool file_listed(const file_list *v, const char *file)
{
    for (size_t k = 0; k < v->len; k++)
        if (!strcmp(v->items[k], file))
            return true;
    return false;
}

/* Warns at the first entry of type t of each file (at its canonical name). */
static void report_unreachable(linter *l, int t)
{
    file_list done = {NULL, 0, 0};
    for (size_t i = 0; i < l->rs->nterms; i++) {
        const lex_term *term = &l->rs->terms[i];
        const lex_entry *e = &l->rs->lex.entries[term->entry];
        if ((int)e->type != t || e->anaphor || file_listed(&done, term->loc.file))
            continue;
        if (VEC_PUSH_SLOT(&done)) {
            l->oom = true;
            break;
        }
        done.items[done.len++] = term->loc.file;
        warn(l, "unused-entries", &term->loc, term->loc.col,
             "%s entries are never used: no pattern has a {%s} slot or @%s",
             slot_type_names[t], slot_type_names[t], slot_type_names[t]);
    }
    free(done.items);
}

static void lint_reach(linter *l)
{
    if (!l->rs->nrules)
        return;
    for (int t = 0; t < SLOT_NTYPES; t++)
        if (!type_reachable(l->rs, t))
            report_unreachable(l, t);
}

/* ------------------------------------------------------------------ all */

static bool diag_before(const thx_diag *x, const thx_diag *y)
{
    int c = strcmp(x->path, y->path);
    return c < 0 || (c == 0 && (x->line < y->line || (x->line == y->line && x->col < y->col)));
}

/* Stable insertion sort of d->items[from..] by file, line and column. */
static void sort_from(thx_diags *d, size_t from)
{
    for (size_t i = from + 1; i < d->len; i++) {
        thx_diag x = d->items[i];
        size_t j = i;
        for (; j > from && diag_before(&x, &d->items[j - 1]); j--)
            d->items[j] = d->items[j - 1];
        d->items[j] = x;
    }
}

static int lint_all(const thx_ruleset *rs, thx_diags *out, bool all, size_t *marked)
{
    linter l = {rs, out, 0, false, all};
    size_t first = out->len;
    lint_gates(&l);
    lint_gaps(&l);
    lint_terms(&l);
    lint_duplicate_terms(&l);
    lint_duplicate_patterns(&l);
    lint_lists(&l);
    lint_reach(&l);
    if (lint_redeclared_entries(rs, out) < 0)
        l.oom = true;
    if (marked && lint_apply_marks(rs, out, first, marked))
        l.oom = true;
    sort_from(out, first);
    int warnings = 0;
    for (size_t i = first; i < out->len; i++)
        warnings += out->items[i].severity == THX_SEV_WARNING;
    return l.oom ? THX_ENOMEM : warnings;
}

int rules_lint(const thx_ruleset *rs, thx_diags *out, bool all)
{
    return lint_all(rs, out, all, NULL);
}

int rules_lint_marked(const thx_ruleset *rs, thx_diags *out, bool all, size_t *marked)
{
    return lint_all(rs, out, all, marked);
}
