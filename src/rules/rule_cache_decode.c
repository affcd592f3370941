/*
 * The rule set of a byte image written by rule_cache_encode.c (see there for the
 * layout). Reading checks every length and index it keeps against what is left or what
 * was read, so a damaged image fails instead of reading on (the cache file's hash,
 * checked first, catches the rest).
 */
#define _DEFAULT_SOURCE /* madvise's MADV_DONTNEED */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "rule_cache.h"
#include "rule_syntax.h"

typedef struct {
    const uint8_t *p, *end;
    char **strings;
    size_t nstrings;
    char **owned;
    size_t nowned;
    int err;
} reader;

static const void *r_raw(reader *r, size_t n)
{
    size_t padded = n + (8 - n % 8) % 8;
    if (r->err || padded < n || (size_t)(r->end - r->p) < padded) {
        r->err = -1;
        return NULL;
    }
    const void *at = r->p;
    r->p += padded;
    return at;
}

static uint64_t r_u(reader *r)
{
    const void *p = r_raw(r, 8);
    uint64_t v = 0;
    if (p)
        memcpy(&v, p, 8);
    return v;
}

static int r_int(reader *r)
{
    return (int)(int64_t)r_u(r);
}

static double r_f(reader *r)
{
    const void *p = r_raw(r, 8);
    double v = 0;
    if (p)
        memcpy(&v, p, 8);
    return v;
}

/* A count of things at least min_bytes each in the image: bounded by what is left. */
static size_t r_count(reader *r, size_t min_bytes)
{
    uint64_t n = r_u(r);
    if (n > (uint64_t)(r->end - r->p) / (min_bytes ? min_bytes : 1))
        r->err = -1;
    return r->err ? 0 : (size_t)n;
}

/* A copy of an array (NULL when written as NULL); *n its length. */
/* Gives back to the kernel the whole pages of the image (a private read-only map of the
 * cache file) under src[0..n) once copied out, so that a large pack is not held twice at
 * the peak; the decoder reads each byte once. Advice only. */
static void release(const void *src, size_t n)
{
#ifdef MADV_DONTNEED
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    uintptr_t a = ((uintptr_t)src + page - 1) & ~(uintptr_t)(page - 1);
    uintptr_t b = ((uintptr_t)src + n) & ~(uintptr_t)(page - 1);
    if (n >= ((size_t)1 << 20) && b > a)
        madvise((void *)a, b - a, MADV_DONTNEED);
#else
    (void)src, (void)n;
#endif
}

/* An array of n elements of size elem, copied out of the image; huge: into huge-page
 * memory when large enough (trie_huge_copy), not first into a copy of its own. */
static void *r_arr_in(reader *r, size_t *n, size_t elem, bool huge)
{
    uint64_t len = r_u(r);
    *n = 0;
    if (r->err || len == (uint64_t)-1)
        return NULL;
    if (len > (uint64_t)(r->end - r->p) / elem) {
        r->err = -1;
        return NULL;
    }
    const void *src = r_raw(r, (size_t)len * elem);
    void *dst = src && huge ? trie_huge_copy(src, (size_t)len * elem) : NULL;
    if (!dst) {
        dst = src ? malloc(len ? (size_t)len * elem : 1) : NULL;
        if (!dst) {
            r->err = -1;
            return NULL;
        }
        memcpy(dst, src, (size_t)len * elem);
    }
    release(src, (size_t)len * elem);
    *n = (size_t)len;
    return dst;
}

static void *r_arr(reader *r, size_t *n, size_t elem)
{
    return r_arr_in(r, n, elem, false);
}

static char *r_str(reader *r)
{
    uint64_t n = r_u(r);
    if (r->err || n == 0)
        return NULL;
    const char *s = r_raw(r, (size_t)n - 1);
    char *out = s ? xstrndup(s, (size_t)n - 1) : NULL;
    if (!out)
        r->err = -1;
    return out;
}

static void r_strs(reader *r, str_vec *v)
{
    size_t n = r_count(r, 8);
    if (r->err)
        return;
    if (!(v->items = calloc(n ? n : 1, sizeof *v->items))) {
        r->err = -1;
        return;
    }
    v->cap = n ? n : 1;
    for (size_t i = 0; i < n && !r->err; i++) {
        v->items[i] = r_str(r);
        v->len += v->items[i] != NULL;
        if (!v->items[i])
            r->err = -1; /* written lists hold no NULL */
    }
}

static const char *r_ref(reader *r, char **items, size_t n)
{
    uint64_t k = r_u(r);
    if (k > n)
        r->err = -1;
    return r->err || k == 0 ? NULL : items[k - 1];
}

static void r_loc(reader *r, src_loc *l)
{
    l->file = r_ref(r, r->strings, r->nstrings);
    l->line = r_int(r);
    l->col = r_int(r);
    l->src = r_ref(r, r->strings, r->nstrings);
}

/* huge: the double array in huge pages, as trie_huge_pages leaves it (the word trie) */
static void r_trie(reader *r, trie *t, bool huge)
{
    const void *root = r_raw(r, sizeof t->root);
    if (root)
        memcpy(t->root, root, sizeof t->root);
    size_t n;
    free(t->edges);
    t->edges = r_arr(r, &t->cap, sizeof *t->edges);
    t->nedges = r_u(r);
    free(t->value);
    t->nnodes = r_u(r);
    t->value = r_arr(r, &n, sizeof *t->value);
    t->capnodes = n;
    t->cells = r_arr_in(r, &t->ncells, sizeof *t->cells, huge);
    if ((t->cells == NULL) == (t->edges == NULL) || (t->cap & (t->cap - 1)) ||
        (t->cells ? t->value || t->ncells < t->nnodes : !t->value || n != t->nnodes))
        r->err = -1; /* one of the two forms (values in the cells or beside the hash), a
                      * power-of-two hash */
    for (int c = 0; c < 256 && !r->err; c++)
        if (t->root[c] < -1 || t->root[c] >= (int32_t)t->nnodes)
            r->err = -1;
}

static void r_lexicon(reader *r, lexicon *lx)
{
    size_t n = r_count(r, 64);
    if (r->err || !(lx->entries = calloc(n ? n : 1, sizeof *lx->entries))) {
        r->err = -1;
        return;
    }
    lx->capentries = n ? n : 1;
    for (size_t i = 0; i < n && !r->err; i++, lx->nentries++) {
        lex_entry *e = &lx->entries[i];
        e->type = (slot_type)(r_u(r) % SLOT_NTYPES);
        e->canonical = r_str(r);
        e->id = r_str(r);
        e->predicate = r_str(r);
        r_strs(r, &e->tags);
        r_strs(r, &e->targets);
        e->file = r_ref(r, r->strings, r->nstrings);
        e->line = r_int(r);
        uint64_t f = r_u(r);
        e->anaphor = f & 1, e->pronoun = f >> 1 & 1, e->ignore = f >> 2 & 1;
        e->as_written = f >> 3 & 1;
        if (!e->canonical)
            r->err = -1;
    }
    r_trie(r, &lx->words, true); /* as lexicon_compact leaves it */
    r_trie(r, &lx->gates, false);
    r_trie(r, &lx->endings, false);
    const void *cls = r_raw(r, sizeof lx->gate_class);
    if (cls)
        memcpy(lx->gate_class, cls, sizeof lx->gate_class);
    lx->gate_nclasses = r_u(r);
    size_t nn, nr, nd;
    lx->gate_next = r_arr(r, &nn, sizeof *lx->gate_next);
    lx->gate_report = r_arr(r, &nr, sizeof *lx->gate_report);
    lx->gate_dict = r_arr(r, &nd, sizeof *lx->gate_dict);
    if (lx->gate_next && (nr != lx->gates.nnodes || nd != nr || !lx->gate_nclasses ||
                          nn != nr * lx->gate_nclasses))
        r->err = -1;
    r_strs(r, &lx->owned);
    r->owned = lx->owned.items;
    r->nowned = lx->owned.len;
    n = r_count(r, 32);
    if (r->err || !(lx->outputs = calloc(n ? n : 1, sizeof *lx->outputs))) {
        r->err = -1;
        return;
    }
    lx->noutputs = n;
    lx->capoutputs = n ? n : 1;
    for (size_t i = 0; i < n && !r->err; i++) {
        trie_output *o = &lx->outputs[i];
        o->kind = (term_kind)(r_u(r) % 3);
        o->ref = r_int(r);
        o->cased = r_ref(r, r->owned, r->nowned);
        o->next = r_int(r);
        if (o->next < -1 || o->next >= (int)n)
            r->err = -1;
    }
    n = r_count(r, 16);
    if (r->err || !(lx->regexes = calloc(n ? n : 1, sizeof *lx->regexes))) {
        r->err = -1;
        return;
    }
    lx->capregexes = n ? n : 1;
    for (size_t i = 0; i < n && !r->err; i++, lx->nregexes++) {
        lx->regexes[i].entry = r_int(r);
        lx->regexes[i].gate = r_str(r);
        lx->regexes[i].capital_runs = r_u(r) != 0;
        if (lx->regexes[i].entry < 0 || (size_t)lx->regexes[i].entry >= lx->nentries)
            r->err = -1;
    }
    lx->nliterals = r_u(r);
}

static void r_pattern(reader *r, rule_pattern *p)
{
    p->source = r_str(r);
    p->regex = r_str(r);
    for (int t = 0; t < SLOT_NTYPES; t++) {
        p->group[t] = r_int(r);
        uint64_t f = r_u(r);
        p->list[t] = f & 1, p->open[t] = f >> 1 & 1;
        p->open_group[t] = r_int(r);
        p->slot_tag[t] = r_str(r);
    }
    p->trigger_group = r_int(r);
    p->need_types = (unsigned)r_u(r);
    uint64_t norder = r_u(r);
    if (norder > RULES_ORDER_MAX)
        r->err = -1;
    p->norder = r->err ? 0 : (uint8_t)norder;
    for (size_t i = 0; i < p->norder; i++) {
        uint64_t t = r_u(r);
        if (t >= SLOT_NTYPES)
            r->err = -1;
        p->order[i] = (uint8_t)t;
    }
    p->gate_literal = r_int(r);
    size_t ns, nr;
    p->gate_ids = r_arr(r, &p->ngate_ids, sizeof *p->gate_ids);
    p->gate_ends = r_arr(r, &p->ngates, sizeof *p->gate_ends);
    p->gate_text = r_str(r);
    p->step_src = r_arr(r, &ns, sizeof *p->step_src);
    p->step_re = r_arr(r, &nr, sizeof *p->step_re);
    p->nsteps = ns;
    r_loc(r, &p->loc);
    for (size_t g = 0; g < p->ngates; g++)
        if (p->gate_ends[g] > p->ngate_ids || (g && p->gate_ends[g] < p->gate_ends[g - 1]))
            r->err = -1;
    if (ns != nr)
        r->err = -1;
}

static void r_codes(reader *r, thx_ruleset *rs)
{
    size_t n = r_u(r), size, k = 0;
    uint8_t *bytes = r_arr(r, &size, 1);
    size_t want = rs->lex.nregexes;
    for (size_t i = 0; i < rs->nrules; i++)
        want += rs->rules[i].npatterns;
    pcre2_code **codes = calloc(want ? want : 1, sizeof *codes);
    if (r->err || n != want || !codes || (n && (!bytes || size < 16)) ||
        (n && pcre2_serialize_get_number_of_codes(bytes) != (int32_t)n) ||
        (n && pcre2_serialize_decode(codes, (int32_t)n, bytes, NULL) != (int32_t)n))
        r->err = -1;
    free(bytes);
    for (size_t i = 0; i < rs->nrules; i++)
        for (size_t j = 0; j < rs->rules[i].npatterns; j++, k++)
            rules_pattern_set_code(&rs->rules[i].patterns[j], codes ? codes[k] : NULL);
    for (size_t i = 0; i < rs->lex.nregexes; i++, k++) {
        lexicon_regex_set_code(&rs->lex.regexes[i], codes ? codes[k] : NULL);
        if (!r->err) /* as the parser does: the tagger matches with the JIT */
            pcre2_jit_compile(rs->lex.regexes[i].code, PCRE2_JIT_COMPLETE);
    }
    free(codes);
}

thx_ruleset *cache_decode(const uint8_t *p, size_t n)
{
    thx_ruleset *rs = calloc(1, sizeof *rs);
    if (!rs || lexicon_init(&rs->lex)) {
        free(rs);
        return NULL;
    }
    reader r = {.p = p, .end = p + n};
    size_t ns = r_count(&r, 8);
    if (!r.err && !(rs->strings = calloc(ns ? ns : 1, sizeof *rs->strings)))
        r.err = -1;
    rs->capstrings = ns ? ns : 1;
    for (size_t i = 0; i < ns && !r.err; i++) {
        rs->strings[i] = r_str(&r);
        rs->nstrings += rs->strings[i] != NULL;
        if (!rs->strings[i])
            r.err = -1;
    }
    r.strings = rs->strings;
    r.nstrings = rs->nstrings;
    r_lexicon(&r, &rs->lex);
    size_t nr = r_count(&r, 64);
    if (!r.err && !(rs->rules = calloc(nr ? nr : 1, sizeof *rs->rules)))
        r.err = -1;
    rs->caprules = nr ? nr : 1;
    for (size_t i = 0; i < nr && !r.err; i++, rs->nrules++) {
        rule *ru = &rs->rules[i];
        ru->id = r_str(&r);
        r_loc(&r, &ru->loc);
        ru->effect = r_str(&r);
        ru->predicate = r_str(&r);
        ru->confidence = r_f(&r);
        ru->priority = r_int(&r);
        ru->order = r_u(&r);
        size_t np = r_count(&r, 128);
        if (r.err || !(ru->patterns = calloc(np ? np : 1, sizeof *ru->patterns))) {
            r.err = -1;
            break;
        }
        ru->cappatterns = np ? np : 1;
        for (size_t k = 0; k < np && !r.err; k++, ru->npatterns++)
            r_pattern(&r, &ru->patterns[k]);
    }
    size_t nc = r_count(&r, 56);
    if (!r.err && !(rs->cues = calloc(nc ? nc : 1, sizeof *rs->cues)))
        r.err = -1;
    rs->capcues = nc ? nc : 1;
    for (size_t i = 0; i < nc && !r.err; i++, rs->ncues++) {
        cue_def *c = &rs->cues[i];
        unsigned kind = r_u(&r); /* a kind this build does not know: a foreign image */
        if (kind > CUE_LAST)
            r.err = -1;
        c->kind = (cue_kind)(kind > CUE_LAST ? 0 : kind);
        c->role = (cue_role)(r_u(&r) % 4);
        c->scope = r_int(&r);
        c->text = r_str(&r);
        r_loc(&r, &c->loc);
    }
    size_t nt = r_count(&r, 32);
    if (!r.err && !(rs->terms = calloc(nt ? nt : 1, sizeof *rs->terms)))
        r.err = -1;
    rs->capterms = nt ? nt : 1;
    for (size_t i = 0; i < nt && !r.err; i++, rs->nterms++) {
        lex_term *t = &rs->terms[i];
        t->entry = r_int(&r);
        r_loc(&r, &t->loc);
        uint64_t off = r_u(&r), len = r_u(&r);
        size_t line = t->loc.src ? strlen(t->loc.src) : 0;
        if (t->entry < 0 || (size_t)t->entry >= rs->lex.nentries || off > line ||
            len > line - off)
            r.err = -1; /* the text must lie inside its source line */
        t->text = t->loc.src ? t->loc.src + (r.err ? 0 : off) : "";
        t->n = r.err ? 0 : len;
        t->regex = true;
    }
    size_t nj = r_count(&r, 56);
    if (!r.err && !(rs->joins = calloc(nj ? nj : 1, sizeof *rs->joins)))
        r.err = -1;
    rs->capjoins = nj ? nj : 1;
    for (size_t i = 0; i < nj && !r.err; i++, rs->njoins++) {
        rs->joins[i].name = r_str(&r);
        uint64_t kind = r_u(&r);
        if (kind > JOIN_TITLE)
            r.err = -1; /* a kind this build does not know */
        rs->joins[i].kind = kind == JOIN_TITLE ? JOIN_TITLE : JOIN_TARGETS;
        rs->joins[i].confidence = r_f(&r);
        rs->joins[i].predicate = r_str(&r);
        r_loc(&r, &rs->joins[i].loc);
    }
    rs->nliterals = r_u(&r);
    r_strs(&r, &rs->loaded);
    r_strs(&r, &rs->label_forms);
    r_strs(&r, &rs->label_names);
    rs->open_therapy = r_u(&r) != 0;
    r_strs(&r, &rs->literal_texts);
    if (!r.err)
        r_codes(&r, rs);
    if (!r.err && (r.p != r.end || rs->nliterals != rs->lex.nliterals ||
                   rs->literal_texts.len != rs->nliterals))
        r.err = -1;
    if (!r.err) {
        gate_make_filters(rs);
        if (!rs->filters)
            r.err = -1;
    }
    if (r.err) {
        thx_ruleset_free(rs);
        return NULL;
    }
    return rs;
}
