/*
 * The compiled rule pack as a byte image: see rule_cache.h; rule_cache_decode.c reads it
 * back. Every field goes as 8-byte units (integers, lengths) or raw arrays padded to 8
 * bytes; strings as length + 1 (0: NULL) and bytes; a pointer to an interned string (a
 * file name, a source line) or to a lexicon-owned string as its index + 1 (0: NULL).
 */
#include <stdlib.h>
#include <string.h>

#include "rule_cache.h"

uint64_t cache_hash(const void *p, size_t n, uint64_t h)
{
    const unsigned char *s = p;
    h ^= 0x9e3779b97f4a7c15ULL + n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
    }
    for (; i < n; i++)
        h = (h ^ s[i]) * 0x100000001b3ULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 29);
}

/* ------------------------------------------------------------------ pointer index */

/* Pointer -> index + 1, open addressing. */
typedef struct {
    const void **keys;
    size_t *vals;
    size_t cap;
} ptr_map;

static size_t ptr_slot(const ptr_map *m, const void *p)
{
    uint64_t h = (uint64_t)(uintptr_t)p * 0x9e3779b97f4a7c15ULL;
    size_t i = (size_t)(h >> 20) & (m->cap - 1);
    while (m->keys[i] && m->keys[i] != p)
        i = (i + 1) & (m->cap - 1);
    return i;
}

static int ptr_map_init(ptr_map *m, char *const *items, size_t n)
{
    m->cap = 16;
    while (m->cap < n * 2 + 2)
        m->cap *= 2;
    m->keys = calloc(m->cap, sizeof *m->keys);
    m->vals = calloc(m->cap, sizeof *m->vals);
    if (!m->keys || !m->vals)
        return -1;
    for (size_t i = 0; i < n; i++) {
        size_t s = ptr_slot(m, items[i]);
        if (!m->keys[s]) {
            m->keys[s] = items[i];
            m->vals[s] = i + 1;
        }
    }
    return 0;
}

static void ptr_map_free(ptr_map *m)
{
    free(m->keys);
    free(m->vals);
}

/* ------------------------------------------------------------------ writing */

typedef struct {
    strbuf *b;
    ptr_map strings, owned;
    int err;
} writer;

static void w_raw(writer *w, const void *p, size_t n)
{
    static const char zero[8];
    if (w->err || sb_putn(w->b, p, n) || sb_putn(w->b, zero, (8 - n % 8) % 8))
        w->err = -1;
}

static void w_u(writer *w, uint64_t v)
{
    w_raw(w, &v, 8);
}

static void w_f(writer *w, double v)
{
    w_raw(w, &v, 8);
}

static void w_arr(writer *w, const void *p, size_t n, size_t elem)
{
    w_u(w, p ? n : (uint64_t)-1);
    if (p)
        w_raw(w, p, n * elem);
}

static void w_str(writer *w, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    w_u(w, s ? n + 1 : 0);
    if (s)
        w_raw(w, s, n);
}

static void w_strs(writer *w, char *const *items, size_t n)
{
    w_u(w, n);
    for (size_t i = 0; i < n; i++)
        w_str(w, items[i]);
}

static void w_ref(writer *w, const ptr_map *m, const void *p)
{
    if (!p) {
        w_u(w, 0);
        return;
    }
    size_t s = ptr_slot(m, p);
    if (m->keys[s] != p)
        w->err = -1; /* not a string the rule set owns */
    w_u(w, m->vals[s]);
}

static void w_loc(writer *w, const src_loc *l)
{
    w_ref(w, &w->strings, l->file);
    w_u(w, (uint64_t)(int64_t)l->line);
    w_u(w, (uint64_t)(int64_t)l->col);
    w_ref(w, &w->strings, l->src);
}

static void w_trie(writer *w, const trie *t)
{
    w_raw(w, t->root, sizeof t->root);
    w_arr(w, t->edges, t->cap, sizeof *t->edges);
    w_u(w, t->nedges);
    w_u(w, t->nnodes);
    w_arr(w, t->value, t->value ? t->nnodes : 0, sizeof *t->value); /* the cells hold them */
    w_arr(w, t->cells, t->ncells, sizeof *t->cells);
}

static void w_lexicon(writer *w, const lexicon *lx)
{
    w_u(w, lx->nentries);
    for (size_t i = 0; i < lx->nentries; i++) {
        const lex_entry *e = &lx->entries[i];
        w_u(w, e->type);
        w_str(w, e->canonical);
        w_str(w, e->id);
        w_str(w, e->predicate);
        w_strs(w, e->tags.items, e->tags.len);
        w_strs(w, e->targets.items, e->targets.len);
        w_ref(w, &w->strings, e->file);
        w_u(w, (uint64_t)(int64_t)e->line);
        w_u(w, (uint64_t)e->anaphor | (uint64_t)e->pronoun << 1 | (uint64_t)e->ignore << 2 |
                   (uint64_t)e->as_written << 3);
    }
    w_trie(w, &lx->words);
    w_trie(w, &lx->gates);
    w_trie(w, &lx->endings);
    w_raw(w, lx->gate_class, sizeof lx->gate_class);
    w_u(w, lx->gate_nclasses);
    size_t nstates = lx->gate_next ? lx->gates.nnodes : 0;
    w_arr(w, lx->gate_next, nstates * lx->gate_nclasses, sizeof *lx->gate_next);
    w_arr(w, lx->gate_report, nstates, sizeof *lx->gate_report);
    w_arr(w, lx->gate_dict, nstates, sizeof *lx->gate_dict);
    w_strs(w, lx->owned.items, lx->owned.len);
    w_u(w, lx->noutputs);
    for (size_t i = 0; i < lx->noutputs; i++) {
        const trie_output *o = &lx->outputs[i];
        w_u(w, o->kind);
        w_u(w, (uint64_t)(int64_t)o->ref);
        w_ref(w, &w->owned, o->cased);
        w_u(w, (uint64_t)(int64_t)o->next);
    }
    w_u(w, lx->nregexes);
    for (size_t i = 0; i < lx->nregexes; i++) {
        w_u(w, (uint64_t)(int64_t)lx->regexes[i].entry);
        w_str(w, lx->regexes[i].gate);
        w_u(w, lx->regexes[i].capital_runs);
    }
    w_u(w, lx->nliterals);
}

static void w_pattern(writer *w, const rule_pattern *p)
{
    w_str(w, p->source);
    w_str(w, p->regex);
    for (int t = 0; t < SLOT_NTYPES; t++) {
        w_u(w, (uint64_t)(int64_t)p->group[t]);
        w_u(w, (uint64_t)p->list[t] | (uint64_t)p->open[t] << 1);
        w_u(w, (uint64_t)(int64_t)p->open_group[t]);
        w_str(w, p->slot_tag[t]);
    }
    w_u(w, (uint64_t)(int64_t)p->trigger_group);
    w_u(w, p->need_types);
    w_u(w, p->norder);
    for (size_t i = 0; i < p->norder; i++)
        w_u(w, p->order[i]);
    w_u(w, (uint64_t)(int64_t)p->gate_literal);
    w_arr(w, p->gate_ids, p->ngate_ids, sizeof *p->gate_ids);
    w_arr(w, p->gate_ends, p->ngates, sizeof *p->gate_ends);
    w_str(w, p->gate_text);
    w_arr(w, p->step_src, p->nsteps, sizeof *p->step_src);
    w_arr(w, p->step_re, p->nsteps, sizeof *p->step_re);
    w_loc(w, &p->loc);
}

/* Every PCRE2 code, patterns then lexicon regexes, in one serialized block. */
static void w_codes(writer *w, const thx_ruleset *rs)
{
    size_t n = rs->lex.nregexes;
    for (size_t i = 0; i < rs->nrules; i++)
        n += rs->rules[i].npatterns;
    const pcre2_code **codes = malloc((n ? n : 1) * sizeof *codes);
    if (!codes) {
        w->err = -1;
        return;
    }
    size_t k = 0;
    for (size_t i = 0; i < rs->nrules; i++)
        for (size_t j = 0; j < rs->rules[i].npatterns; j++)
            codes[k++] = rs->rules[i].patterns[j].code;
    for (size_t i = 0; i < rs->lex.nregexes; i++)
        codes[k++] = rs->lex.regexes[i].code;
    uint8_t *bytes = NULL;
    PCRE2_SIZE size = 0;
    if (n && pcre2_serialize_encode(codes, (int32_t)n, &bytes, &size, NULL) < 0)
        w->err = -1;
    w_u(w, n);
    w_arr(w, bytes, n ? size : 0, 1);
    if (bytes)
        pcre2_serialize_free(bytes);
    free(codes);
}

int cache_encode(const thx_ruleset *rs, strbuf *out)
{
    writer w = {.b = out};
    if (ptr_map_init(&w.strings, rs->strings, rs->nstrings) ||
        ptr_map_init(&w.owned, rs->lex.owned.items, rs->lex.owned.len))
        w.err = -1;
    w_strs(&w, rs->strings, rs->nstrings);
    w_lexicon(&w, &rs->lex);
    w_u(&w, rs->nrules);
    for (size_t i = 0; i < rs->nrules; i++) {
        const rule *r = &rs->rules[i];
        w_str(&w, r->id);
        w_loc(&w, &r->loc);
        w_str(&w, r->effect);
        w_str(&w, r->predicate);
        w_f(&w, r->confidence);
        w_u(&w, (uint64_t)(int64_t)r->priority);
        w_u(&w, r->order);
        w_u(&w, r->npatterns);
        for (size_t k = 0; k < r->npatterns; k++)
            w_pattern(&w, &r->patterns[k]);
    }
    w_u(&w, rs->ncues);
    for (size_t i = 0; i < rs->ncues; i++) {
        const cue_def *c = &rs->cues[i];
        w_u(&w, c->kind);
        w_u(&w, c->role);
        w_u(&w, (uint64_t)(int64_t)c->scope);
        w_str(&w, c->text);
        w_loc(&w, &c->loc);
    }
    /* the regex synonyms as written (their text lies in the interned source line of their
     * loc): a regex that gives up at the match limit is reported at its place */
    size_t nregex = 0;
    for (size_t i = 0; i < rs->nterms; i++)
        nregex += rs->terms[i].regex;
    w_u(&w, nregex);
    for (size_t i = 0; i < rs->nterms; i++) {
        const lex_term *t = &rs->terms[i];
        if (!t->regex)
            continue;
        w_u(&w, (uint64_t)(int64_t)t->entry);
        w_loc(&w, &t->loc);
        w_u(&w, (uint64_t)(t->text - t->loc.src));
        w_u(&w, t->n);
    }
    w_u(&w, rs->njoins);
    for (size_t i = 0; i < rs->njoins; i++) {
        w_str(&w, rs->joins[i].name);
        w_u(&w, (uint64_t)rs->joins[i].kind);
        w_f(&w, rs->joins[i].confidence);
        w_str(&w, rs->joins[i].predicate);
        w_loc(&w, &rs->joins[i].loc);
    }
    w_u(&w, rs->nliterals);
    w_strs(&w, rs->loaded.items, rs->loaded.len);
    w_strs(&w, rs->label_forms.items, rs->label_forms.len);
    w_strs(&w, rs->label_names.items, rs->label_names.len);
    w_u(&w, rs->open_therapy);
    w_strs(&w, rs->literal_texts.items, rs->literal_texts.len);
    w_codes(&w, rs);
    ptr_map_free(&w.strings);
    ptr_map_free(&w.owned);
    return w.err;
}
