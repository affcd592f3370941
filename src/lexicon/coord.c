/* Coordinated condition heads: see coord.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "coord.h"

#define NONE SIZE_MAX
#define MAX_CONJUNCT_WORDS 3 /* "type 1", "non insulin dependent" */
#define MAX_HEADS 8
#define MAX_SKIPPED 2 /* one-word items of a comma list that form no term */

static bool word_char(unsigned char c)
{
    return is_ascii_alnum(c) || c >= 0x80 || c == '\'';
}

/* The start of the word that ends at p (a hyphen inside it joins: "insulin-dependent"),
 * or p when none does. */
static size_t word_start(const char *s, size_t p)
{
    size_t q = p;
    while (q > 0 && (word_char((unsigned char)s[q - 1]) ||
                     (s[q - 1] == '-' && q >= 2 && q < p && word_char((unsigned char)s[q - 2]))))
        q--;
    return q;
}

static size_t skip_back_space(const char *s, size_t p)
{
    while (p > 0 && s[p - 1] == ' ')
        p--;
    return p;
}

/* True when s[a..b) is the word w. */
static bool is_word(const char *s, size_t a, size_t b, const char *w)
{
    return b - a == strlen(w) && !strncmp(s + a, w, b - a);
}

/* The end of the conjunct before "and", "or", "and/or" (a comma may come before the
 * conjunction: "A, B, and C") that ends right before byte p, or NONE. */
static size_t conjunction_before(const char *s, size_t p)
{
    size_t b = skip_back_space(s, p);
    if (b == p)
        return NONE;
    size_t a = word_start(s, b);
    if (is_word(s, a, b, "or") && a >= 4 && s[a - 1] == '/' && is_word(s, a - 4, a - 1, "and"))
        a -= 4;
    else if (!is_word(s, a, b, "and") && !is_word(s, a, b, "or"))
        return NONE;
    if (a == 0 || s[a - 1] != ' ')
        return NONE;
    size_t q = skip_back_space(s, a);
    if (q > 0 && s[q - 1] == ',')
        q = skip_back_space(s, q - 1);
    return q;
}

/* The condition term that phrase (capitals kept) is, or -1; *id: the id of another
 * condition term of the same text when the winner has none. */
static int listed_condition(const lexicon *lx, const strbuf *phrase, const char **id)
{
    int32_t node = 0;
    for (size_t i = 0; i < phrase->len && node >= 0; i++)
        node = trie_child(&lx->words, node, ascii_lower((unsigned char)phrase->ptr[i]));
    if (node < 0 || *trie_value(&lx->words, node) < 0)
        return -1;
    int best = -1;
    *id = NULL;
    for (int32_t o = *trie_value(&lx->words, node); o >= 0; o = lx->outputs[o].next) {
        const trie_output *out = &lx->outputs[o];
        if (out->kind != TERM_MENTION)
            continue;
        const lex_entry *e = &lx->entries[out->ref];
        if (e->type != SLOT_CONDITION || e->ignore || e->anaphor || e->as_written)
            continue;
        bool capitals = true;
        for (size_t i = 0; out->cased && out->cased[i] && i < phrase->len; i++)
            if (out->cased[i] >= 'A' && out->cased[i] <= 'Z' && phrase->ptr[i] != out->cased[i])
                capitals = false;
        if (!capitals)
            continue;
        if (best < 0 || out->ref < best)
            best = out->ref;
        if (e->id && !*id)
            *id = e->id;
    }
    if (best >= 0 && lx->entries[best].id)
        *id = NULL;
    return best;
}

/* True when a regex synonym of entry e (a shape: "impairment or dysfunction (named
 * function)") matches the whole of text. -1 when out of memory. */
static int shape_matches(const lexicon *lx, int e, const strbuf *text)
{
    for (size_t k = 0; k < lx->nregexes; k++) {
        if (lx->regexes[k].entry != e)
            continue;
        pcre2_match_data *md = pcre2_match_data_create_from_pattern(lx->regexes[k].code, NULL);
        if (!md)
            return -1;
        int rc = pcre2_match(lx->regexes[k].code, (PCRE2_SPTR)text->ptr, text->len, 0, 0, md,
                             NULL);
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        bool whole = rc >= 0 && ov[0] == 0 && ov[1] == text->len;
        pcre2_match_data_free(md);
        if (whole)
            return 1;
    }
    return 0;
}

/* True when s[a..b) overlaps a chosen mention or a span that the lexicon ignores or
 * hides ("mammalian target of rapamycin", "non-obese"). */
static bool covered(const lexicon *lx, const tag_scratch *sc, const tag_result *r, size_t a,
                    size_t b)
{
    for (size_t k = 0; k < r->mentions.len; k++)
        if (r->mentions.items[k].start < b && a < r->mentions.items[k].end)
            return true;
    for (size_t k = 0; k < sc->all.len; k++) {
        const mention *m = &sc->all.items[k];
        if ((m->hidden || lx->entries[m->entry].ignore) && m->start < b && a < m->end)
            return true;
    }
    return false;
}

typedef struct {
    const lexicon *lx;
    const char *s;
    const tag_scratch *sc;
    tag_result *r;
    int shape;   /* the entry of the mention whose head is shared, when it is a shape
                  * (`as-written`), else -1 */
    const char *alt; /* a one-word head's other form: its entry's one-word name
                      * ("stenosis" of "stenoses", which the lexicon's plurals miss) */
    strbuf joined, phrase, other;
} coord_ctx;

/* The conjunct of 1 to MAX_CONJUNCT_WORDS words (most first: "low back", "head and neck")
 * that ends at p and forms a listed condition with the head s[h..he): inserted as a
 * mention at index at; its start, or NONE when there is none. -1 in *err when out of
 * memory. */
static size_t add_conjunct(coord_ctx *c, size_t p, size_t h, size_t he, size_t at, int *err)
{
    const char *s = c->s;
    size_t starts[MAX_CONJUNCT_WORDS], nw = 0, a = p;
    while (nw < MAX_CONJUNCT_WORDS) { /* the starts of the words before p, one space apart */
        if (nw > 0 && (a == 0 || s[a - 1] != ' '))
            break;
        size_t w = word_start(s, nw > 0 ? a - 1 : a);
        if (w == (nw > 0 ? a - 1 : a))
            break;
        starts[nw++] = a = w;
    }
    for (size_t j = nw; j-- > 0;) {
        a = starts[j];
        if (covered(c->lx, c->sc, c->r, a, p))
            continue;
        c->joined.len = 0;
        if (sb_putn(&c->joined, s + a, p - a) || sb_putc(&c->joined, ' ') ||
            sb_putn(&c->joined, s + h, he - h) ||
            lexicon_normalise_into(c->joined.ptr, c->joined.len, &c->phrase, NULL)) {
            *err = -1;
            return NONE;
        }
        const char *id = NULL, *name = NULL;
        int e = listed_condition(c->lx, &c->phrase, &id);
        if (e < 0 && c->alt && !memchr(s + h, ' ', he - h)) {
            strbuf *alt = &c->other; /* the conjunct with the head's other form */
            alt->len = 0;
            if (sb_putn(alt, s + a, p - a) || sb_putc(alt, ' ') || sb_puts(alt, c->alt) ||
                lexicon_normalise_into(alt->ptr, alt->len, &c->phrase, NULL)) {
                *err = -1;
                return NONE;
            }
            e = listed_condition(c->lx, &c->phrase, &id);
        }
        if (e < 0 && c->shape >= 0) {
            int rc = shape_matches(c->lx, c->shape, &c->joined);
            if (rc > 0) { /* named as written: the conjunct with the head */
                char *own = lexicon_text_name(c->joined.ptr, c->joined.len);
                if (!own || VEC_PUSH_SLOT(&c->r->names)) {
                    free(own);
                    rc = -1;
                } else {
                    c->r->names.items[c->r->names.len++] = own;
                    name = own;
                    e = c->shape;
                }
            }
            if (rc < 0) {
                *err = -1;
                return NONE;
            }
        }
        if (e < 0)
            continue;
        mention_vec *v = &c->r->mentions;
        if (VEC_PUSH_SLOT(v)) {
            *err = -1;
            return NONE;
        }
        memmove(v->items + at + 1, v->items + at, (v->len - at) * sizeof *v->items);
        v->len++;
        v->items[at] = (mention){.type = SLOT_CONDITION, .entry = e, .start = a, .end = p,
                                 .with = -1, .name_start = a, .name_end = p, .id = id,
                                 .name = name};
        return a;
    }
    return NONE;
}

/* The conjuncts of mention i (see coord.h); 0 or -1. */
static int split_one(coord_ctx *c, size_t i)
{
    const char *s = c->s;
    mention m = c->r->mentions.items[i];
    if (m.type != SLOT_CONDITION || m.hidden)
        return 0;
    const lex_entry *me = &c->lx->entries[m.entry];
    c->shape = me->as_written ? m.entry : -1;
    c->alt = !me->as_written && me->canonical && !strchr(me->canonical, ' ') ? me->canonical
                                                                             : NULL;
    size_t heads[MAX_HEADS], nh = 0;
    size_t p = conjunction_before(s, m.start);
    if (p != NONE) { /* "A and <B HEAD>": the words after the first, longest first */
        for (size_t k = m.start; k < m.end && nh < MAX_HEADS; k++)
            if (s[k] == ' ' && k + 1 < m.end && s[k + 1] != ' ')
                heads[nh++] = k + 1;
    } else if (m.start >= 2 && s[m.start - 1] == ' ' && s[m.start - 2] != ' ') {
        /* "A and B <HEAD>", B no part of a listed term with the head: the whole mention */
        size_t b = word_start(s, m.start - 1);
        if (b == m.start - 1 || covered(c->lx, c->sc, c->r, b, m.start - 1))
            return 0;
        p = conjunction_before(s, b);
        if (p == NONE)
            return 0;
        heads[nh++] = m.start;
    }
    /* the listed terms with the longest head first ("type 1" + "diabetes mellitus"), then
     * the mention's shape with the shortest ("breast" + "cancers", not + "colorectal
     * cancers": a shape takes any of its words) */
    int shape = c->shape, err = 0;
    for (int pass = 0; pass < (shape >= 0 ? 2 : 1); pass++) {
        c->shape = pass ? shape : -1;
        for (size_t x = 0; x < nh; x++) {
            size_t h = heads[pass ? nh - 1 - x : x];
            size_t a = add_conjunct(c, p, h, m.end, i, &err);
            if (err)
                return -1;
            while (a != NONE) { /* "A, B and": the items before, while they are conditions */
                size_t q = skip_back_space(s, a);
                if (q == 0 || s[q - 1] != ',')
                    break;
                size_t end = skip_back_space(s, q - 1);
                a = add_conjunct(c, end, h, m.end, i, &err);
                /* a one-word item that forms no listed term ("colorectal, breast,
                 * pancreaticobiliary, gastric ... cancers") is passed over, up to
                 * MAX_SKIPPED in a row, when a comma comes before it too */
                for (int k = 0; a == NONE && !err && k < MAX_SKIPPED; k++) {
                    size_t w = word_start(s, end);
                    if (w == end || covered(c->lx, c->sc, c->r, w, end))
                        break;
                    size_t q2 = skip_back_space(s, w);
                    if (q2 == 0 || s[q2 - 1] != ',')
                        break;
                    end = skip_back_space(s, q2 - 1);
                    a = add_conjunct(c, end, h, m.end, i, &err);
                }
                if (err)
                    return -1;
            }
            if (c->r->mentions.items[i].start != m.start)
                return 0; /* conjuncts found with this head */
        }
    }
    return 0;
}

int coord_split(const lexicon *lx, const char *s, size_t n, const tag_scratch *sc,
                tag_result *r)
{
    (void)n;
    coord_ctx c = {.lx = lx, .s = s, .sc = sc, .r = r};
    sb_init(&c.joined);
    sb_init(&c.phrase);
    sb_init(&c.other);
    int rc = 0;
    for (size_t i = r->mentions.len; i-- > 0 && rc == 0;)
        rc = split_one(&c, i);
    sb_free(&c.joined);
    sb_free(&c.phrase);
    sb_free(&c.other);
    return rc;
}
