/*
 * What the pattern compiler reads ahead in pattern text, the registry of gate
 * literals, and the choice of each pattern's gate among the literals and alternations
 * every match must contain: a pattern runs only on sentences where the lexicon trie saw
 * its gate. Declared in rule_syntax.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rule_syntax.h"

/* True when s has a '|' outside groups, phrases and regexes: its alternatives make
 * every literal optional as far as gating is concerned. */
bool has_top_bar(const char *s)
{
    int depth = 0;
    for (const char *p = s; *p; p++) {
        if (*p == '"' || *p == '/') {
            const char *e = strchr(p + 1, *p);
            if (!e)
                return false;
            p = e;
        } else if (*p == '(' || *p == '[' || *p == '{') {
            depth++;
        } else if (*p == ')' || *p == ']' || *p == '}') {
            depth--;
        } else if (*p == '|' && depth == 0) {
            return true;
        }
    }
    return false;
}

/* When the group at p (just after '(') is a plain alternation of words and phrases,
 * returns the length of its shortest alternative (the group's text ends at *end);
 * else 0. */
size_t plain_alternation(const char *p, const char **end)
{
    size_t shortest = SIZE_MAX, cur = 0;
    for (; *p && *p != ')'; p++) {
        if (*p == '"') {
            const char *q = strchr(p + 1, '"');
            if (!q)
                return 0;
            cur += (size_t)(q - p - 1);
            p = q;
        } else if (*p == '|') {
            shortest = cur < shortest ? cur : shortest;
            cur = 0;
        } else if (strchr("{}@~$/([]?", *p)) {
            return 0;
        } else if (*p != ' ' && *p != '\t') {
            cur++;
        }
    }
    if (*p != ')' || p[1] == '?')
        return 0;
    shortest = cur < shortest ? cur : shortest;
    *end = p;
    return shortest;
}

/* The id of a gate literal, registered once per distinct text. */
int literal_id(thx_ruleset *rs, const char *s, size_t n)
{
    char *lit = lexicon_normalise(s, n);
    if (!lit)
        return -1;
    for (size_t i = 0; i < rs->literal_texts.len; i++)
        if (!strcmp(rs->literal_texts.items[i], lit)) {
            free(lit);
            return (int)i;
        }
    int id = (int)rs->lex.nliterals++;
    rs->nliterals = rs->lex.nliterals;
    if (str_vec_push(&rs->literal_texts, lit, strlen(lit)) ||
        lexicon_add_term(&rs->lex, lit, TERM_LITERAL, id, false))
        id = -1;
    free(lit);
    return id;
}

/* Keeps a required literal or alternation as a gate candidate (the best ones when
 * there are too many). */
void gate_note(gate_candidate *gates, size_t *ngates, gate_candidate g)
{
    if (g.score < 3)
        return;
    size_t at = *ngates;
    if (at == MAX_GATE_CANDIDATES) {
        at = 0;
        for (size_t i = 1; i < *ngates; i++)
            if (gates[i].score < gates[at].score)
                at = i;
        if (gates[at].score >= g.score)
            return;
    } else {
        (*ngates)++;
    }
    gates[at] = g;
}

static int by_score(const void *x, const void *y)
{
    const gate_candidate *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return a->src < b->src ? -1 : a->src > b->src;
}

/* Adds one gate group: the literal, or each alternative of the set. */
static int add_gate_group(thx_ruleset *rs, rule_pattern *p, const gate_candidate *g, strbuf *text)
{
    const char *a = g->src, *end = g->src + g->len;
    if (text->len)
        sb_puts(text, " & ");
    while (a < end) {
        const char *bar = g->set ? memchr(a, '|', (size_t)(end - a)) : NULL;
        const char *b = bar ? bar : end;
        const char *x = a, *y = b;
        while (x < y && (*x == ' ' || *x == '\t' || *x == '"'))
            x++;
        while (y > x && (y[-1] == ' ' || y[-1] == '\t' || y[-1] == '"'))
            y--;
        int *ids = realloc(p->gate_ids, (p->ngate_ids + 1) * sizeof *ids);
        if (!ids)
            return -1;
        p->gate_ids = ids;
        p->gate_ids[p->ngate_ids++] = literal_id(rs, x, (size_t)(y - x));
        sb_printf(text, "%s%.*s", a == g->src ? "" : "|", (int)(y - x), x);
        a = b + 1;
    }
    size_t *ends = realloc(p->gate_ends, (p->ngates + 1) * sizeof *ends);
    if (!ends)
        return -1;
    p->gate_ends = ends;
    p->gate_ends[p->ngates++] = p->ngate_ids;
    return 0;
}

/* The pattern's gate: its best few required literals or alternations, each of which
 * must be seen in a sentence before the pattern runs there. */
int gate_register(thx_ruleset *rs, rule_pattern *p, gate_candidate *gates, size_t ngates)
{
    qsort(gates, ngates, sizeof *gates, by_score);
    strbuf text;
    sb_init(&text);
    for (size_t i = 0; i < ngates && p->ngates < MAX_GATES; i++) {
        bool again = false; /* the same text twice gates nothing more */
        for (size_t k = 0; k < i && !again; k++)
            again = gates[k].len == gates[i].len &&
                    !memcmp(gates[k].src, gates[i].src, gates[i].len);
        if (!again && add_gate_group(rs, p, &gates[i], &text))
            break;
    }
    p->gate_text = p->ngates ? sb_take(&text) : NULL;
    sb_free(&text);
    return p->ngates ? p->gate_ids[0] : -1;
}

static void free_index(thx_ruleset *rs)
{
    free(rs->lit_start);
    free(rs->lit_pats);
    free(rs->pat_rule);
    free(rs->pat_index);
    free(rs->pat_always);
    rs->lit_start = rs->lit_pats = rs->pat_rule = rs->pat_index = NULL;
    rs->pat_always = NULL;
    rs->npatwords = 0;
}

/* The gate group a pattern is indexed by: its smallest group of literals that are all
 * registered (a negative id is an always-open alternative); *from and *to bound it in
 * gate_ids. False when there is none: the pattern is tried on every sentence. */
static bool index_group(const rule_pattern *p, size_t nl, size_t *from, size_t *to)
{
    bool found = false;
    for (size_t g = 0, a = 0; g < p->ngates; a = p->gate_ends[g++]) {
        size_t b = p->gate_ends[g];
        bool ok = b > a;
        for (size_t i = a; i < b && ok; i++)
            ok = p->gate_ids[i] >= 0 && (size_t)p->gate_ids[i] < nl;
        if (ok && (!found || b - a < *to - *from)) {
            *from = a;
            *to = b;
            found = true;
        }
    }
    return found;
}

/* The index of the patterns by gate literal (rules.h): a pattern is listed under each
 * literal of its index group, so that a sentence visits only the patterns one of whose
 * literals it holds (match_gate_open then checks the whole gate, as before). */
static void make_index(thx_ruleset *rs)
{
    size_t n = rs->nfilters, nl = rs->nliterals, total = 0;
    free_index(rs);
    rs->npatwords = (n + 63) / 64;
    rs->lit_start = calloc(nl + 2, sizeof *rs->lit_start);
    rs->pat_rule = malloc((n ? n : 1) * sizeof *rs->pat_rule);
    rs->pat_index = malloc((n ? n : 1) * sizeof *rs->pat_index);
    rs->pat_always = calloc(rs->npatwords ? rs->npatwords : 1, sizeof *rs->pat_always);
    if (!rs->lit_start || !rs->pat_rule || !rs->pat_index || !rs->pat_always) {
        free_index(rs);
        return;
    }
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0, p = 0; i < rs->nrules; i++)
            for (size_t k = 0; k < rs->rules[i].npatterns; k++, p++) {
                const rule_pattern *pat = &rs->rules[i].patterns[k];
                size_t a = 0, b = 0;
                rs->pat_rule[p] = (uint32_t)i;
                rs->pat_index[p] = (uint32_t)k;
                if (!index_group(pat, nl, &a, &b)) {
                    rs->pat_always[p / 64] |= (uint64_t)1 << (p % 64);
                    continue;
                }
                for (size_t g = a; g < b; g++) {
                    size_t l = (size_t)pat->gate_ids[g];
                    if (pass == 0) {
                        rs->lit_start[l + 2]++;
                        total++;
                    } else { /* lit_start[l + 1] moves to the end of l's list */
                        rs->lit_pats[rs->lit_start[l + 1]++] = (uint32_t)p;
                    }
                }
            }
        if (pass == 0) {
            for (size_t l = 0; l < nl; l++)
                rs->lit_start[l + 2] += rs->lit_start[l + 1];
            if (!(rs->lit_pats = malloc((total ? total : 1) * sizeof *rs->lit_pats))) {
                free_index(rs);
                return;
            }
        }
    }
}

/* The patterns' filters (rules.h), in rule and pattern order, and their index by
 * literal. */
void gate_make_filters(thx_ruleset *rs)
{
    size_t n = 0;
    for (size_t i = 0; i < rs->nrules; i++)
        n += rs->rules[i].npatterns;
    free(rs->filters);
    rs->nfilters = 0;
    if (!(rs->filters = malloc((n ? n : 1) * sizeof *rs->filters)))
        return;
    for (size_t i = 0; i < rs->nrules; i++)
        for (size_t k = 0; k < rs->rules[i].npatterns; k++) {
            const rule_pattern *p = &rs->rules[i].patterns[k];
            pattern_filter *f = &rs->filters[rs->nfilters++];
            f->need_types = p->need_types;
            f->literal = -1;
            for (size_t g = 0, from = 0; g < p->ngates && f->literal < 0; g++) {
                if (p->gate_ends[g] == from + 1 && p->gate_ids[from] >= 0)
                    f->literal = p->gate_ids[from];
                from = p->gate_ends[g];
            }
        }
    make_index(rs);
}
