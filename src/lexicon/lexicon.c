/*
 * Building the lexicon: entries, terms, word endings, regex synonyms and the gate
 * automaton (the sentence tagger that reads it is tagger.c): see lexicon.h.
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

int lexicon_normalise_into(const char *s, size_t n, strbuf *out, size_t *map)
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

char *lexicon_text_name(const char *text, size_t n)
{
    char *out = malloc(n + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        if (is_space(c)) {
            if (o > out && o[-1] != ' ')
                *o++ = ' ';
        } else {
            *o++ = (char)ascii_lower(c);
        }
    }
    while (o > out && o[-1] == ' ')
        o--;
    *o = '\0';
    return out;
}

char *lexicon_mention_name(const lexicon *lx, const mention *me, const char *s)
{
    if (me->name)
        return xstrdup(me->name);
    const lex_entry *e = &lx->entries[me->entry];
    return e->as_written ? lexicon_text_name(s + me->name_start, me->name_end - me->name_start)
                         : xstrdup(e->canonical);
}

const char *lexicon_mention_id(const lexicon *lx, const mention *me)
{
    const char *id = lx->entries[me->entry].id;
    return id ? id : me->id;
}

char *lexicon_normalise(const char *s, size_t n)
{
    strbuf b;
    sb_init(&b);
    if (lexicon_normalise_into(s, n, &b, NULL)) {
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
    for (int32_t o = *trie_value(t, node); o >= 0; o = lx->outputs[o].next) {
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
    int32_t *link = trie_value(t, node);
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

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_letter(char c)
{
    return is_ascii_alnum((unsigned char)c) && !is_digit(c);
}

/* Writes the other number of the phrase's last word into out, or "" when unsure. A
 * plural "s" follows a letter of its own word: a last word "S" ("Protein S") or "s" is
 * no plural, or "protein" would be a mention of Protein S. */
static void other_number(const char *w, size_t n, char *out, size_t cap)
{
    out[0] = '\0';
    if (n < 3 || n + 3 >= cap || !is_ascii_alnum((unsigned char)w[n - 1]))
        return;
    char last = w[n - 1], prev = w[n - 2];
    if (n > 4 && strcmp(w + n - 3, "ies") == 0)
        snprintf(out, cap, "%.*sy", (int)(n - 3), w);
    else if ((last == 's' || last == 'S') && !is_letter(prev))
        return;
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

/* Writes into out the phrase with the hyphen or space between a letter and a digit left
 * out ("omega 3 fatty acids" -> "omega3 fatty acids", "IL 12" -> "IL12"), or "" when it
 * has none. */
static void joined_digits(const char *w, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    bool joined = false;
    out[0] = '\0';
    if (n >= cap)
        return;
    for (size_t i = 0; i < n; i++) {
        if (w[i] == ' ' && i > 0 && i + 1 < n && is_letter(w[i - 1]) && is_digit(w[i + 1])) {
            joined = true;
            continue;
        }
        out[k++] = w[i];
    }
    out[joined ? k : 0] = '\0';
}

/* Inserts a normalised form and, with plurals, the other number of its last word. */
static int insert_numbers(lexicon *lx, const char *norm, term_kind kind, int ref, bool plurals)
{
    int rc = insert_form(lx, norm, kind, ref);
    size_t n = strlen(norm);
    if (rc == 0 && plurals && n < 512) {
        char other[600];
        other_number(norm, n, other, sizeof other);
        if (other[0])
            rc = insert_form(lx, other, kind, ref);
    }
    return rc;
}

int lexicon_add_term(lexicon *lx, const char *phrase, term_kind kind, int ref, bool plurals)
{
    char *norm = lexicon_normalise(phrase, strlen(phrase));
    if (!norm)
        return -1;
    int rc = insert_numbers(lx, norm, kind, ref, plurals);
    if (rc == 0 && kind == TERM_MENTION) {
        char joined[512];
        joined_digits(norm, strlen(norm), joined, sizeof joined);
        if (joined[0])
            rc = insert_numbers(lx, joined, kind, ref, plurals);
    }
    free(norm);
    return rc;
}

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
    if (trie_compact(&lx->words) || trie_compact(&lx->endings))
        return -1;
    trie_huge_pages(&lx->words);
    return 0;
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
            report[v] = *trie_value(t, (int32_t)v) >= 0 ? v : dict[v];
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

void lexicon_regex_set_code(lex_regex *r, pcre2_code *code)
{
    uint32_t all = 0, arg = 0;
    if (code) {
        pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS, &all);
        pcre2_pattern_info(code, PCRE2_INFO_ARGOPTIONS, &arg);
    }
    r->code = code;
    r->caseless = (all & PCRE2_CASELESS) != 0;
    r->offset_limit = (arg & PCRE2_USE_OFFSET_LIMIT) != 0;
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
    lexicon_regex_set_code(r, code);
    r->entry = entry;
    r->gate = regex_gate(src, n);
    r->capital_runs = lexicon_capital_runs(src, n);
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
