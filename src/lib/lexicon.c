/*
 * Lexicon trie and sentence tagger: see lexicon.h.
 *
 * Why a trie walked from word starts rather than PCRE2: an alternation of thousands of
 * terms scans at a few MB/s, a trie at hundreds. Why normalise hyphens and white space:
 * authors write "anti-fibrotic", "anti fibrotic" and line-wrapped "stem\n cells" for the
 * same term. Short capitalised terms (MSCs, POI, PRP) must match their capitals, so
 * that "poi" or "prp" inside ordinary words or lowercase text do not become mentions.
 */
#include "lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const slot_type_names[SLOT_NTYPES] = {"therapy", "effect", "condition"};

int slot_type_from_name(const char *name, size_t n)
{
    for (int i = 0; i < SLOT_NTYPES; i++)
        if (strlen(slot_type_names[i]) == n && memcmp(slot_type_names[i], name, n) == 0)
            return i;
    return -1;
}

/* ------------------------------------------------------------------ normalising */

static bool is_hyphen_or_space(const unsigned char *s, size_t n, size_t i, size_t *width)
{
    if (is_space(s[i]) || s[i] == '-') {
        *width = 1;
        return true;
    }
    /* U+2010 hyphen, U+2011 non-breaking hyphen, U+00A0 no-break space */
    if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0x90 || s[i + 2] == 0x91)) {
        *width = 3;
        return true;
    }
    if (i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xA0) {
        *width = 2;
        return true;
    }
    return false;
}

/* Normalises s into out (capitals kept), recording for each output byte the input
 * offset in map (if not NULL; map needs n + 1 slots). Leading and trailing separators
 * are dropped. */
static int normalise_into(const char *s, size_t n, strbuf *out, size_t *map)
{
    const unsigned char *u = (const unsigned char *)s;
    out->len = 0;
    if (sb_grow(out, n))
        return -1;
    bool pending = false;
    size_t pending_at = 0;
    for (size_t i = 0; i < n;) {
        size_t w;
        if (is_hyphen_or_space(u, n, i, &w)) {
            if (!pending)
                pending_at = i;
            pending = true;
            i += w;
            continue;
        }
        if (pending && out->len > 0) {
            if (map)
                map[out->len] = pending_at;
            out->ptr[out->len++] = ' ';
        }
        pending = false;
        if (map)
            map[out->len] = i;
        /* U+2018 and U+2019 are the apostrophe of "Crohn’s disease" */
        if (i + 2 < n && u[i] == 0xE2 && u[i + 1] == 0x80 && (u[i + 2] == 0x98 || u[i + 2] == 0x99)) {
            out->ptr[out->len++] = '\'';
            i += 3;
            continue;
        }
        out->ptr[out->len++] = s[i++];
    }
    if (map)
        map[out->len] = n;
    out->ptr[out->len] = '\0';
    return 0;
}

char *lexicon_normalise(const char *s, size_t n)
{
    strbuf b;
    sb_init(&b);
    if (normalise_into(s, n, &b, NULL)) {
        sb_free(&b);
        return NULL;
    }
    return sb_take(&b);
}

/* ------------------------------------------------------------------ the lexicon */

int lexicon_init(lexicon *lx)
{
    memset(lx, 0, sizeof *lx);
    return trie_init(&lx->words) || trie_init(&lx->gates) || trie_init(&lx->endings) ? -1 : 0;
}

void lexicon_free(lexicon *lx)
{
    for (size_t i = 0; i < lx->nentries; i++) {
        lex_entry *e = &lx->entries[i];
        free(e->canonical);
        free(e->id);
        free(e->predicate);
        str_vec_free(&e->tags);
        str_vec_free(&e->targets);
    }
    free(lx->entries);
    trie_free(&lx->words);
    trie_free(&lx->gates);
    trie_free(&lx->endings);
    free(lx->outputs);
    str_vec_free(&lx->owned);
    free(lx->gate_next);
    free(lx->gate_report);
    free(lx->gate_dict);
    for (size_t i = 0; i < lx->nregexes; i++) {
        pcre2_code_free(lx->regexes[i].code);
        free(lx->regexes[i].gate);
    }
    free(lx->regexes);
    memset(lx, 0, sizeof *lx);
}

int lexicon_add_entry(lexicon *lx, slot_type type, const char *canonical, const char *id)
{
    if (lx->nentries == lx->capentries &&
        vec_grow_((void **)&lx->entries, &lx->capentries, sizeof *lx->entries))
        return -1;
    lex_entry *e = &lx->entries[lx->nentries];
    memset(e, 0, sizeof *e);
    e->type = type;
    e->canonical = xstrdup(canonical);
    e->id = id ? xstrdup(id) : NULL;
    if (!e->canonical || (id && !e->id))
        return -1;
    return (int)lx->nentries++;
}

/* Short words with two capitals or more (MSCs, POI, iPSCs, sEVs) are abbreviations:
 * their capitals must match. */
static bool needs_case(const char *norm)
{
    size_t n = strlen(norm), upper = 0;
    if (n > 8 || strchr(norm, ' '))
        return false;
    for (size_t i = 0; i < n; i++)
        upper += norm[i] >= 'A' && norm[i] <= 'Z';
    return upper >= 2;
}

static int add_output(lexicon *lx, trie *t, int32_t node, term_kind kind, int ref,
                      const char *cased)
{
    /* the same term for the same target twice adds nothing, unless it is written with
     * other capitals ("IVIG" and "IVIg": each must match as written) */
    for (int32_t o = t->value[node]; o >= 0; o = lx->outputs[o].next) {
        const trie_output *x = &lx->outputs[o];
        if (x->kind == kind && x->ref == ref &&
            (!x->cased || (cased && !strcmp(x->cased, cased))))
            return 0;
    }
    if (lx->noutputs == lx->capoutputs &&
        vec_grow_((void **)&lx->outputs, &lx->capoutputs, sizeof *lx->outputs))
        return -1;
    trie_output *out = &lx->outputs[lx->noutputs];
    out->kind = kind;
    out->ref = ref;
    out->cased = cased;
    /* append at the end so outputs keep insertion order */
    out->next = -1;
    int32_t *link = &t->value[node];
    while (*link >= 0)
        link = &lx->outputs[*link].next;
    *link = (int32_t)lx->noutputs++;
    return 0;
}

static int insert_form(lexicon *lx, const char *norm, term_kind kind, int ref)
{
    if (!*norm)
        return 0;
    const char *cased = NULL;
    if (kind == TERM_MENTION && needs_case(norm)) {
        if (str_vec_push(&lx->owned, norm, strlen(norm)))
            return -1;
        cased = lx->owned.items[lx->owned.len - 1];
    }
    char *folded = xstrdup(norm);
    if (!folded)
        return -1;
    for (char *p = folded; *p; p++)
        *p = (char)ascii_lower((unsigned char)*p);
    int32_t node = trie_insert(&lx->words, folded, strlen(folded));
    free(folded);
    return node < 0 ? -1 : add_output(lx, &lx->words, node, kind, ref, cased);
}

static bool is_vowel(char c)
{
    return strchr("aeiouAEIOU", c) != NULL;
}

/* Writes the other number of the phrase's last word into out, or "" when unsure. */
static void other_number(const char *w, size_t n, char *out, size_t cap)
{
    out[0] = '\0';
    if (n < 3 || n + 3 >= cap || !is_ascii_alnum((unsigned char)w[n - 1]))
        return;
    char last = w[n - 1], prev = w[n - 2];
    if (n > 4 && strcmp(w + n - 3, "ies") == 0)
        snprintf(out, cap, "%.*sy", (int)(n - 3), w);
    else if ((last == 's' || last == 'S') && prev != 's' && prev != 'u' && prev != 'i')
        snprintf(out, cap, "%.*s", (int)(n - 1), w);
    else if (last == 'y' && !is_vowel(prev))
        snprintf(out, cap, "%.*sies", (int)(n - 1), w);
    else if (last == 'x' || last == 'z' || last == 's' ||
             (n > 2 && (strcmp(w + n - 2, "ch") == 0 || strcmp(w + n - 2, "sh") == 0)))
        snprintf(out, cap, "%.*ses", (int)n, w);
    else if (last >= 'A' && last <= 'Z')
        snprintf(out, cap, "%.*ss", (int)n, w); /* POI -> POIs */
    else if ((last >= 'a' && last <= 'z'))
        snprintf(out, cap, "%.*ss", (int)n, w);
}

int lexicon_add_term(lexicon *lx, const char *phrase, term_kind kind, int ref, bool plurals)
{
    char *norm = lexicon_normalise(phrase, strlen(phrase));
    if (!norm)
        return -1;
    int rc = insert_form(lx, norm, kind, ref);
    size_t n = strlen(norm);
    if (rc == 0 && plurals && n < 512) {
        char other[600];
        other_number(norm, n, other, sizeof other);
        if (other[0])
            rc = insert_form(lx, other, kind, ref);
    }
    free(norm);
    return rc;
}

#define ENDING_MIN_STEM 3

static int add_reversed(lexicon *lx, const char *s, size_t n, int entry)
{
    char rev[128];
    if (n == 0 || n >= sizeof rev)
        return -1;
    for (size_t i = 0; i < n; i++)
        rev[i] = (char)ascii_lower((unsigned char)s[n - 1 - i]);
    int32_t node = trie_insert(&lx->endings, rev, n);
    return node < 0 ? -1 : add_output(lx, &lx->endings, node, TERM_MENTION, entry, NULL);
}

int lexicon_add_ending(lexicon *lx, const char *ending, int entry)
{
    size_t n = strlen(ending);
    for (size_t i = 0; i < n; i++)
        if (!((ending[i] >= 'a' && ending[i] <= 'z') || (ending[i] >= 'A' && ending[i] <= 'Z')))
            return -1;
    if (n < 2 || add_reversed(lx, ending, n, entry))
        return -1;
    char other[128];
    other_number(ending, n, other, sizeof other); /* *oma also takes "omas" */
    return other[0] ? add_reversed(lx, other, strlen(other), entry) : 0;
}

int lexicon_compact(lexicon *lx)
{
    return trie_compact(&lx->words) || trie_compact(&lx->endings) ? -1 : 0;
}

/* Builds the gate automaton from the gate trie (see lexicon.h): goto edges from the
 * trie, failure links in breadth-first order, and the transitions of a state without
 * an edge taken from its failure state, so that a scan never backtracks. */
static int build_gate_automaton(lexicon *lx)
{
    const trie *t = &lx->gates;
    uint8_t byte_of[256];
    size_t k = 1, nstates = t->nnodes;
    memset(lx->gate_class, 0, sizeof lx->gate_class);
    bool used[256] = {false};
    for (int c = 0; c < 256; c++)
        if (t->root[c] >= 0)
            used[c] = true;
    for (size_t i = 0; i < t->cap; i++)
        if (t->edges[i].key)
            used[t->edges[i].key & 0xFF] = true;
    uint8_t class_of[256] = {0};
    for (int c = 0; c < 256; c++)
        if (used[c]) {
            class_of[c] = (uint8_t)k;
            byte_of[k++] = (uint8_t)c;
        }
    if (k > 255)
        return -1; /* cannot happen with literals of letters, digits and hyphens */
    for (int c = 0; c < 256; c++)
        lx->gate_class[c] = class_of[ascii_lower((unsigned char)c)];
    int32_t *next = malloc(nstates * k * sizeof *next);
    int32_t *report = malloc(nstates * sizeof *report);
    int32_t *dict = malloc(nstates * sizeof *dict);
    int32_t *fail = malloc(nstates * sizeof *fail);
    int32_t *queue = malloc(nstates * sizeof *queue);
    if (!next || !report || !dict || !fail || !queue) {
        free(next), free(report), free(dict), free(fail), free(queue);
        return -1;
    }
    size_t head = 0, tail = 0;
    fail[0] = 0;
    dict[0] = report[0] = -1; /* the root ends no literal: walks never looked at it */
    queue[tail++] = 0;
    while (head < tail) {
        int32_t u = queue[head++];
        next[(size_t)u * k] = 0;
        for (size_t c = 1; c < k; c++) {
            int32_t v = trie_child(t, u, byte_of[c]);
            if (v < 0) {
                next[(size_t)u * k + c] = u ? next[(size_t)fail[u] * k + c] : 0;
                continue;
            }
            next[(size_t)u * k + c] = v;
            int32_t f = u ? next[(size_t)fail[u] * k + c] : 0;
            fail[v] = f;
            dict[v] = report[f];
            report[v] = t->value[v] >= 0 ? v : dict[v];
            queue[tail++] = v;
        }
    }
    free(fail);
    free(queue);
    free(lx->gate_next);
    free(lx->gate_report);
    free(lx->gate_dict);
    lx->gate_next = next;
    lx->gate_report = report;
    lx->gate_dict = dict;
    lx->gate_nclasses = k;
    return 0;
}

int lexicon_add_regex(lexicon *lx, pcre2_code *code, int entry, const char *src, size_t n)
{
    if (lx->nregexes == lx->capregexes &&
        vec_grow_((void **)&lx->regexes, &lx->capregexes, sizeof *lx->regexes)) {
        pcre2_code_free(code);
        return -1;
    }
    int index = (int)lx->nregexes++;
    lex_regex *r = &lx->regexes[index];
    r->code = code;
    r->entry = entry;
    r->gate = regex_required_literal(src, n);
    for (const char *g = r->gate; g;) {
        const char *bar = strchr(g, '|');
        size_t k = bar ? (size_t)(bar - g) : strlen(g);
        int32_t node = trie_insert(&lx->gates, g, k);
        if (node < 0 || add_output(lx, &lx->gates, node, TERM_LITERAL, index, NULL))
            return -1;
        g = bar ? bar + 1 : NULL;
    }
    return r->gate ? build_gate_automaton(lx) : 0;
}


/* ------------------------------------------------------------------ tagging */

void tag_result_init(tag_result *r)
{
    memset(r, 0, sizeof *r);
}

void tag_result_free(tag_result *r)
{
    free(r->mentions.items);
    free(r->cues.items);
    free(r->literals);
    tag_result_init(r);
}

void tag_scratch_init(tag_scratch *s)
{
    memset(s, 0, sizeof *s);
}

void tag_scratch_free(tag_scratch *s)
{
    sb_free(&s->norm);
    free(s->regex_on);
    free(s->map);
    free(s->all.items);
    if (s->md)
        pcre2_match_data_free(s->md);
    pcre2_match_context_free(s->mctx);
    memset(s, 0, sizeof *s);
}

static bool word_char(unsigned char c)
{
    return is_ascii_alnum(c) || c >= 0x80;
}

/* True when s[at] follows a single letter and a hyphen that make one word with it
 * ("T-cell", "B-cell", "C-peptide"): no term starts there ("cell viability" is not
 * in "T-cell viability"). */
static bool after_letter_hyphen(const char *s, size_t at)
{
    if (at < 2 || s[at - 1] != '-' || !is_ascii_alnum((unsigned char)s[at - 2]) ||
        (s[at - 2] >= '0' && s[at - 2] <= '9'))
        return false;
    return at == 2 || !word_char((unsigned char)s[at - 3]);
}

static bool capitals_match(const char *cased, const char *text, size_t n)
{
    for (size_t i = 0; cased[i] && i < n; i++)
        if (cased[i] >= 'A' && cased[i] <= 'Z' && text[i] != cased[i])
            return false;
    return true;
}

static int push_mention(mention_vec *v, slot_type type, int entry, size_t start, size_t end)
{
    if (VEC_PUSH_SLOT(v))
        return -1;
    v->items[v->len++] = (mention){type, entry, start, end, false, -1};
    return 0;
}

static int record_hit(const lexicon *lx, tag_scratch *sc, tag_result *r, const trie_output *o,
                      size_t ns, size_t ne)
{
    const char *norm = sc->norm.ptr;
    if (o->cased && !capitals_match(o->cased, norm + ns, ne - ns))
        return 0;
    size_t start = sc->map[ns], end = sc->map[ne - 1] + 1;
    switch (o->kind) {
    case TERM_MENTION:
        return push_mention(&sc->all, lx->entries[o->ref].type, o->ref, start, end);
    case TERM_CUE:
        if (VEC_PUSH_SLOT(&r->cues))
            return -1;
        r->cues.items[r->cues.len++] = (cue_hit){o->ref, start, end};
        return 0;
    case TERM_LITERAL:
        r->literals[o->ref] = 1;
        return 0;
    }
    return 0;
}

static int walk_from(const lexicon *lx, tag_scratch *sc, tag_result *r, size_t from)
{
    const char *norm = sc->norm.ptr;
    size_t n = sc->norm.len;
    int32_t node = 0;
    for (size_t i = from; i < n; i++) {
        node = trie_child(&lx->words, node, ascii_lower((unsigned char)norm[i]));
        if (node < 0)
            return 0;
        if (lx->words.value[node] < 0)
            continue;
        if (i + 1 < n && word_char((unsigned char)norm[i + 1]) &&
            word_char((unsigned char)norm[i]))
            continue; /* not at a word end */
        for (int32_t o = lx->words.value[node]; o >= 0; o = lx->outputs[o].next)
            if (record_hit(lx, sc, r, &lx->outputs[o], from, i + 1))
                return -1;
    }
    return 0;
}

/* Marks in sc->regex_on the regexes whose gate literal occurs in s: one pass of the
 * gate automaton, instead of one substring search per regex. */
static int scan_gates(const lexicon *lx, const char *s, size_t n, tag_scratch *sc)
{
    if (sc->capregex_on < lx->nregexes) {
        free(sc->regex_on);
        sc->capregex_on = lx->nregexes;
        if (!(sc->regex_on = malloc(sc->capregex_on)))
            return -1;
    }
    for (size_t k = 0; k < lx->nregexes; k++)
        sc->regex_on[k] = lx->regexes[k].gate == NULL;
    if (!lx->gate_next)
        return 0;
    const int32_t *next = lx->gate_next, *report = lx->gate_report;
    const uint8_t *cls = lx->gate_class;
    size_t k = lx->gate_nclasses;
    int32_t state = 0;
    for (size_t i = 0; i < n; i++) {
        state = next[(size_t)state * k + cls[(unsigned char)s[i]]];
        for (int32_t x = report[state]; x >= 0; x = lx->gate_dict[x])
            for (int32_t o = lx->gates.value[x]; o >= 0; o = lx->outputs[o].next)
                sc->regex_on[lx->outputs[o].ref] = 1;
    }
    return 0;
}

/* Word endings: from the end of every word of ASCII letters, walk the reversed trie
 * back; an output with at least ENDING_MIN_STEM letters before it is a (weak) mention. */
static int find_endings(const lexicon *lx, tag_scratch *sc)
{
    if (lx->endings.nnodes <= 1)
        return 0;
    const char *norm = sc->norm.ptr;
    size_t n = sc->norm.len, start = 0;
    for (size_t i = 0; i <= n; i++) {
        bool letter = i < n && ((norm[i] >= 'a' && norm[i] <= 'z') || (norm[i] >= 'A' && norm[i] <= 'Z'));
        if (letter)
            continue;
        bool whole = (start == 0 || !word_char((unsigned char)norm[start - 1])) &&
                     (i == n || !word_char((unsigned char)norm[i]));
        int32_t node = 0;
        for (size_t j = i; whole && j > start + ENDING_MIN_STEM && node >= 0;) {
            node = trie_child(&lx->endings, node, ascii_lower((unsigned char)norm[--j]));
            if (node < 0 || j - start < ENDING_MIN_STEM)
                break;
            for (int32_t o = lx->endings.value[node]; o >= 0; o = lx->outputs[o].next) {
                int e = lx->outputs[o].ref;
                if (push_mention(&sc->all, lx->entries[e].type, e, sc->map[start], sc->map[i - 1] + 1))
                    return -1;
                sc->all.items[sc->all.len - 1].weak = true;
            }
        }
        start = i + 1;
    }
    return 0;
}

static int run_regexes(const lexicon *lx, const char *s, size_t n, tag_scratch *sc)
{
    if (!lx->nregexes)
        return 0;
    if (scan_gates(lx, s, n, sc))
        return -1;
    if (!sc->md && !(sc->md = pcre2_match_data_create(16, NULL)))
        return -1;

    for (size_t k = 0; k < lx->nregexes; k++) {
        if (!sc->regex_on[k])
            continue;
        size_t at = 0;
        while (at < n) {
            int rc = pcre2_match(lx->regexes[k].code, (PCRE2_SPTR)s, n, at, 0, sc->md, sc->mctx);
            if (rc < 0)
                break;
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
            if (ov[1] <= ov[0]) {
                at = ov[0] + 1;
                continue;
            }
            int e = lx->regexes[k].entry;
            if (push_mention(&sc->all, lx->entries[e].type, e, ov[0], ov[1]))
                return -1;
            at = ov[1];
        }
    }
    return 0;
}

/* Leftmost-longest, no overlaps; at equal spans the earlier-loaded entry wins. */
static int by_start_then_longest(const void *a, const void *b)
{
    const mention *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    if (x->weak != y->weak)
        return x->weak ? 1 : -1;
    return x->entry - y->entry;
}

static int choose_mentions(const lexicon *lx, tag_scratch *sc, tag_result *r)
{
    if (sc->all.len > 1)
        qsort(sc->all.items, sc->all.len, sizeof *sc->all.items, by_start_then_longest);
    size_t covered = 0;
    for (size_t i = 0; i < sc->all.len; i++) {
        const mention *m = &sc->all.items[i];
        if (m->start < covered)
            continue;
        covered = m->end;
        if (lx->entries[m->entry].ignore)
            continue;
        if (push_mention(&r->mentions, m->type, m->entry, m->start, m->end))
            return -1;
    }
    return 0;
}

void local_terms_free(local_terms *l)
{
    for (size_t i = 0; i < l->len; i++)
        free(l->items[i].text);
    free(l->items);
    l->items = NULL;
    l->len = l->cap = 0;
}

static int find_local(const lexicon *lx, const char *s, size_t n, const local_terms *local,
                      tag_scratch *sc)
{
    for (size_t k = 0; local && k < local->len; k++) {
        const char *t = local->items[k].text;
        size_t tn = strlen(t);
        for (size_t i = 0; i + tn <= n; i++) {
            if (s[i] != t[0] || memcmp(s + i, t, tn) != 0)
                continue;
            bool left = i == 0 || !word_char((unsigned char)s[i - 1]);
            bool right = i + tn == n || !word_char((unsigned char)s[i + tn]);
            int e = local->items[k].entry;
            if (left && right && push_mention(&sc->all, lx->entries[e].type, e, i, i + tn))
                return -1;
        }
    }
    return 0;
}

int lexicon_tag(const lexicon *lx, const char *s, size_t n, const local_terms *local,
                tag_scratch *sc, tag_result *r)
{
    if (!sc->mctx) {
        if (!(sc->mctx = pcre2_match_context_create(NULL)))
            return -1;
        pcre2_set_match_limit(sc->mctx, THX_MATCH_LIMIT);
        pcre2_set_depth_limit(sc->mctx, THX_DEPTH_LIMIT);
    }
    r->mentions.len = 0;
    r->cues.len = 0;
    sc->all.len = 0;
    if (r->nliterals < lx->nliterals) {
        free(r->literals);
        r->literals = calloc(lx->nliterals ? lx->nliterals : 1, 1);
        if (!r->literals)
            return -1;
        r->nliterals = lx->nliterals;
    } else if (r->nliterals) {
        memset(r->literals, 0, r->nliterals);
    }
    if (sc->capmap < n + 1) {
        free(sc->map);
        sc->capmap = n + 1 > 256 ? n + 1 : 256;
        if (!(sc->map = malloc(sc->capmap * sizeof *sc->map)))
            return -1;
    }
    if (normalise_into(s, n, &sc->norm, sc->map))
        return -1;
    const char *norm = sc->norm.ptr;
    for (size_t i = 0; i < sc->norm.len; i++) {
        bool start = i == 0 || !word_char((unsigned char)norm[i - 1]) ||
                     !word_char((unsigned char)norm[i]);
        if (start && norm[i] != ' ' && !after_letter_hyphen(s, sc->map[i]) &&
            walk_from(lx, sc, r, i))
            return -1;
    }
    if (find_endings(lx, sc) || run_regexes(lx, s, n, sc) || find_local(lx, s, n, local, sc))
        return -1;
    return choose_mentions(lx, sc, r);
}
