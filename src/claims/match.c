/*
 * Rule matching on one sentence: see match.h.
 *
 * The masked sentence keeps every byte of the sentence except mentions, which become
 * "\x01" T|E|C index "\x02". A parenthesis right after a mention that only restates it
 * ("mesenchymal stem cells (MSCs)", "aspirin (100 mg/day)") is folded into the
 * mention's token, so that patterns need not allow for abbreviations and doses.
 * Therapies given together ("cisplatin plus paclitaxel", "r-hFSH/r-hLH", "ribavirin in
 * combination with interferon", "the combination of tadalafil and finasteride") fold
 * into one token too: a combination is one intervention, and a claim about it is not a
 * claim about each drug alone.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fold.h"
#include "match.h"

static const char type_letter[SLOT_NTYPES] = {'T', 'E', 'C'};

void match_ctx_init(match_ctx *m)
{
    memset(m, 0, sizeof *m);
    tag_scratch_init(&m->tag);
    tag_result_init(&m->tags);
    sb_init(&m->masked);
}

void match_ctx_free(match_ctx *m)
{
    tag_scratch_free(&m->tag);
    tag_result_free(&m->tags);
    sb_free(&m->masked);
    free(m->anchor_m);
    free(m->anchor_o);
    free(m->mention_at);
    free(m->cands.items);
    local_terms_free(&m->learned);
    free(m->limits.items);
    free(m->lex_limits.items);
    free(m->patbits);
    free(m->toks);
    free(m->tok_at);
    if (m->md)
        pcre2_match_data_free(m->md);
    memset(m, 0, sizeof *m);
}

static int add_anchor(match_ctx *m, size_t masked, size_t orig)
{
    if (m->nanchors == m->capanchors) {
        size_t cap = m->capanchors ? m->capanchors * 2 : 64;
        size_t *a = realloc(m->anchor_m, cap * sizeof *a);
        if (!a)
            return -1;
        m->anchor_m = a;
        size_t *b = realloc(m->anchor_o, cap * sizeof *b);
        if (!b)
            return -1;
        m->anchor_o = b;
        m->capanchors = cap;
    }
    m->anchor_m[m->nanchors] = masked;
    m->anchor_o[m->nanchors++] = orig;
    return 0;
}

/* Sentence offset of masked offset pos; inside a token, the mention's start. */
static size_t to_orig(const match_ctx *m, size_t pos)
{
    size_t lo = 0, hi = m->nanchors;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (m->anchor_m[mid] <= pos)
            lo = mid;
        else
            hi = mid;
    }
    const char *masked = m->masked.ptr;
    size_t delta = pos - m->anchor_m[lo];
    /* anchors sit at token starts and ends; a token's inside maps to its start */
    if (pos > m->anchor_m[lo] && masked[m->anchor_m[lo]] == '\x01')
        delta = 0;
    return m->anchor_o[lo] + delta;
}

static int build_masked(match_ctx *m, const lexicon *lx, const char *s, size_t n)
{
    const mention_vec *mv = &m->tags.mentions;
    for (size_t i = 0; i < m->learned.len; i++) {
        free(m->learned.items[i].text);
        free(m->learned.items[i].name);
    }
    m->learned.len = 0;
    m->masked.len = 0;
    m->nanchors = 0;
    if (m->capmention_at < mv->len + 1) {
        free(m->mention_at);
        m->capmention_at = mv->len + 16;
        if (!(m->mention_at = malloc(m->capmention_at * sizeof *m->mention_at)))
            return -1;
    }
    size_t at = 0;
    for (size_t i = 0; i < mv->len; i++) {
        const mention *me = &mv->items[i];
        if (me->start < at) { /* folded into the previous token */
            m->mention_at[i] = SIZE_MAX;
            continue;
        }
        if (add_anchor(m, m->masked.len, at) || sb_putn(&m->masked, s + at, me->start - at))
            return -1;
        if (add_anchor(m, m->masked.len, me->start))
            return -1;
        m->mention_at[i] = m->masked.len;
        if (sb_printf(&m->masked, "\x01%c%zu\x02", type_letter[me->type], i))
            return -1;
        fold_administered(m, lx, s, i, me->end); /* may widen me to the therapy given */
        fold_class_before(m, lx, s, i);          /* "the mTOR inhibitor everolimus" */
        fold_named_analog(m, lx, s, i);          /* "the amylin analog pramlintide" */
        fold_salt(m, s, n, i);
        size_t open = 0, fold = folded_paren(s, n, me->end, mv, i, &open);
        bool paren = fold != 0;
        if (!fold)
            fold = fold_class_apposition(m, lx, s, n, i, me->end); /* ", an mTOR inhibitor," */
        if (!fold)
            fold = fold_description(m, lx, s, n, i, me->end); /* ", an amino acid that ...," */
        /* a listed name in a parenthesis names a shape mention; a class or role does not */
        bool known = paren && i + 1 < mv->len && mv->items[i + 1].start < fold;
        if (known)
            adopt_listed_name(m, lx, i);
        at = fold ? fold : me->end;
        if (fold && note_abbreviation(m, lx, s, &m->tags.mentions.items[i], open, fold, known))
            return -1;
        if (fold_combination(m, lx, s, n, i, &at))
            return -1;
    }
    if (add_anchor(m, m->masked.len, at) || sb_putn(&m->masked, s + at, n - at))
        return -1;
    return sb_grow(&m->masked, 0);
}

/* The mention indexes of the tokens in masked[gs, ge). */
static size_t tokens_in(const match_ctx *m, size_t gs, size_t ge, int *out, size_t cap)
{
    size_t k = 0;
    const char *p = m->masked.ptr;
    for (size_t i = gs; i < ge && k < cap; i++)
        if (p[i] == '\x01')
            out[k++] = atoi(p + i + 2);
    return k;
}

static int push_candidate(match_ctx *m, const candidate *c)
{
    if (VEC_PUSH_SLOT(&m->cands))
        return -1;
    m->cands.items[m->cands.len++] = *c;
    return 0;
}

/* An open slot has two groups (a mention | a noun phrase): the one that was set. */
static int set_group(const rule_pattern *p, int t, const PCRE2_SIZE *ov)
{
    int g = p->group[t];
    if (ov[2 * g] == PCRE2_UNSET && p->open_group[t] && ov[2 * p->open_group[t]] != PCRE2_UNSET)
        return p->open_group[t];
    return g;
}

/* The trigger: [..] when the pattern has one, else the words between the first two
 * slots, else what follows the first slot. In masked offsets. */
static void find_trigger(const rule_pattern *p, const PCRE2_SIZE *ov, size_t *ts, size_t *te)
{
    if (p->trigger_group && ov[2 * p->trigger_group] != PCRE2_UNSET) {
        *ts = ov[2 * p->trigger_group];
        *te = ov[2 * p->trigger_group + 1];
        return;
    }
    size_t first_end = SIZE_MAX, first_start = SIZE_MAX, second = ov[1];
    for (int t = 0; t < SLOT_NTYPES; t++) {
        int g = p->group[t] ? set_group(p, t, ov) : 0;
        if (!g || ov[2 * g] == PCRE2_UNSET)
            continue;
        if (ov[2 * g] < first_start) {
            if (first_start != SIZE_MAX && first_start < second)
                second = first_start;
            first_start = ov[2 * g];
            first_end = ov[2 * g + 1];
        } else if (ov[2 * g] < second) {
            second = ov[2 * g];
        }
    }
    *ts = first_end == SIZE_MAX ? ov[0] : first_end;
    *te = second >= *ts ? second : *ts;
}

static void trim_span(const char *s, size_t *a, size_t *b)
{
    while (*a < *b && (is_space((unsigned char)s[*a]) || s[*a] == ','))
        (*a)++;
    while (*b > *a && (is_space((unsigned char)s[*b - 1]) || s[*b - 1] == ','))
        (*b)--;
}

#define MAX_ITEMS 32

/* Keeps the mentions items[0, n) whose lexicon entry carries tag; their new count. */
static size_t keep_tagged(const match_ctx *m, const lexicon *lx, const char *tag, int *items,
                          size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const str_vec *tags = &lx->entries[m->tags.mentions.items[items[i]].entry].tags;
        for (size_t j = 0; j < tags->len; j++)
            if (!strcmp(tags->items[j], tag)) {
                items[k++] = items[i];
                break;
            }
    }
    return k;
}

/* The PCRE2 callout after a {type#tag} slot (rule_compile.c numbers it by slot type): the
 * match goes on only when a mention the slot took carries the tag; otherwise PCRE2
 * backtracks and tries another mention. */
static int tag_callout(pcre2_callout_block *cb, void *data)
{
    const match_ctx *m = data;
    const rule_pattern *p = m->check_p;
    int t = (int)cb->callout_number - 1;
    if (!p || t < 0 || t >= SLOT_NTYPES || !p->slot_tag[t])
        return 0;
    int g = p->group[t];
    if (g <= 0 || (uint32_t)g >= cb->capture_top || cb->offset_vector[2 * g] == PCRE2_UNSET)
        return 0;
    int items[MAX_ITEMS];
    size_t n = tokens_in(m, cb->offset_vector[2 * g], cb->offset_vector[2 * g + 1], items,
                         MAX_ITEMS);
    return keep_tagged(m, m->check_lx, p->slot_tag[t], items, n) ? 0 : 1;
}

static int emit_match(match_ctx *m, const lexicon *lx, const rule *r, size_t pi,
                      const PCRE2_SIZE *ov, const char *s)
{
    const rule_pattern *p = &r->patterns[pi];
    int items[SLOT_NTYPES][MAX_ITEMS];
    size_t nitems[SLOT_NTYPES];
    candidate c;
    memset(&c, 0, sizeof c);
    for (int t = 0; t < SLOT_NTYPES; t++) {
        int g = p->group[t];
        nitems[t] = 1;
        items[t][0] = -1;
        if (g && p->open[t])
            g = set_group(p, t, ov);
        if (!g || ov[2 * g] == PCRE2_UNSET)
            continue;
        if (p->open[t] && m->masked.ptr[ov[2 * g]] != '\x01') {
            items[t][0] = MENTION_OPEN;
            c.span_start[t] = to_orig(m, ov[2 * g]);
            /* a therapy or condition phrase takes in the abbreviation defined after it
             * (extract.c keeps it out of the name) */
            c.span_end[t] = to_orig(m, t == SLOT_EFFECT ? ov[2 * g + 1]
                                       : open_defined_end(m->masked.ptr, m->masked.len,
                                                          ov[2 * g + 1]));
            continue;
        }
        nitems[t] = tokens_in(m, ov[2 * g], ov[2 * g + 1], items[t], MAX_ITEMS);
        if (p->slot_tag[t])
            nitems[t] = keep_tagged(m, lx, p->slot_tag[t], items[t], nitems[t]);
        if (nitems[t] == 0)
            return 0;
    }
    if (items[SLOT_THERAPY][0] == -1)
        return 0; /* the therapy slot was optional and empty: no claim */
    c.r = r;
    c.pattern = pi;
    c.start = to_orig(m, ov[0]);
    c.end = to_orig(m, ov[1]);
    size_t ts, te;
    find_trigger(p, ov, &ts, &te);
    c.trig_start = to_orig(m, ts);
    c.trig_end = to_orig(m, te);
    trim_span(s, &c.trig_start, &c.trig_end);
    for (size_t a = 0; a < nitems[SLOT_THERAPY]; a++)
        for (size_t b = 0; b < nitems[SLOT_EFFECT]; b++)
            for (size_t d = 0; d < nitems[SLOT_CONDITION]; d++) {
                int pick[SLOT_NTYPES] = {items[SLOT_THERAPY][a], items[SLOT_EFFECT][b],
                                         items[SLOT_CONDITION][d]};
                for (int t = 0; t < SLOT_NTYPES; t++) {
                    c.mention[t] = pick[t];
                    if (pick[t] >= 0) {
                        c.span_start[t] = m->tags.mentions.items[pick[t]].start;
                        c.span_end[t] = m->tags.mentions.items[pick[t]].end;
                    }
                }
                if (push_candidate(m, &c))
                    return -1;
            }
    return 0;
}

bool match_gate_open(const match_ctx *m, const rule_pattern *p, unsigned present)
{
    if ((p->need_types & present) != p->need_types)
        return false;
    size_t from = 0;
    for (size_t g = 0; g < p->ngates; g++) {
        bool seen = false;
        for (size_t i = from; i < p->gate_ends[g] && !seen; i++)
            seen = p->gate_ids[i] < 0 || m->tags.literals[p->gate_ids[i]];
        if (!seen)
            return false;
        from = p->gate_ends[g];
    }
    return true;
}

/* Notes that pattern pi of r gave up at a PCRE2 limit (once per pattern). */
static int note_limit(match_ctx *m, const rule *r, size_t pi, int error)
{
    for (size_t i = 0; i < m->limits.len; i++)
        if (m->limits.items[i].r == r && m->limits.items[i].pattern == pi)
            return 0;
    if (VEC_PUSH_SLOT(&m->limits))
        return -1;
    m->limits.items[m->limits.len++] = (limit_hit){r, pi, 0, error};
    return 0;
}

/* The masked start of the last token a match of p can take for its first required
 * token (rule_pattern.order): the last of that type with the rest of the order after it.
 * No match starts past it. SIZE_MAX when p requires none. */
static size_t order_limit(const match_ctx *m, const rule_pattern *p)
{
    if (!p->norder)
        return SIZE_MAX;
    size_t i = m->ntoks;
    for (size_t k = p->norder; k-- > 0;) {
        while (i > 0 && m->toks[i - 1] != p->order[k])
            i--;
        if (i == 0)
            return 0; /* not held: order_open said so first */
        i--;
    }
    return m->tok_at[i];
}

static int run_pattern(match_ctx *m, const lexicon *lx, const rule *r, size_t pi, const char *s)
{
    const rule_pattern *p = &r->patterns[pi];
    const char *masked = m->masked.ptr;
    size_t len = m->masked.len, at = 0;
    m->check_lx = lx;
    m->check_p = p;
    pcre2_code *code = rules_pattern_code(p);
    if (p->core) { /* the pattern cannot match where its core matches nowhere */
        pcre2_set_callout(m->tag.mctx, NULL, NULL);
        pcre2_set_offset_limit(m->tag.mctx, PCRE2_UNSET);
        if (pcre2_match(p->core, (PCRE2_SPTR)masked, len, 0, 0, m->md, m->tag.mctx) ==
            PCRE2_ERROR_NOMATCH)
            return 0;
    }
    pcre2_set_callout(m->tag.mctx, tag_callout, m);
    /* a pattern that needs a therapy: no match starts past the last therapy token, nor
     * past the last token its first required one can be (order_limit) */
    size_t limit = order_limit(m, p);
    pcre2_set_offset_limit(m->tag.mctx, !p->offset_limit ? PCRE2_UNSET
                                        : limit < m->last_therapy ? limit
                                                                  : m->last_therapy);
    while (at <= len) {
        int rc = pcre2_match(code, (PCRE2_SPTR)masked, len, at, 0, m->md, m->tag.mctx);
        if (rc < 0) /* past the match limits: no match, and noted for a warning */
            return rc == PCRE2_ERROR_NOMATCH ? 0 : note_limit(m, r, pi, rc);
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
        if (emit_match(m, lx, r, pi, ov, s))
            return -1;
        at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    return 0;
}

/* The type of each token of the masked sentence, in order: every "\x01" followed by a
 * type letter in either case, as the patterns' caseless regexes read it (a control
 * character of the text itself may count too, which only lets a pattern run); and the
 * start of the last therapy token, 0 when none (m->last_therapy). */
static int list_tokens(match_ctx *m)
{
    const char *p = m->masked.ptr;
    size_t n = m->masked.len;
    m->ntoks = 0;
    m->last_therapy = 0;
    for (const char *q = n ? memchr(p, '\x01', n) : NULL; q && (size_t)(q - p) + 1 < n;
         q = memchr(q + 1, '\x01', n - (size_t)(q + 1 - p))) {
        char letter = (char)(q[1] | 0x20);
        int t = letter == 't' ? SLOT_THERAPY : letter == 'e' ? SLOT_EFFECT
                : letter == 'c' ? SLOT_CONDITION : -1;
        if (t < 0)
            continue;
        if (m->ntoks == m->captoks) {
            size_t cap = m->captoks ? m->captoks * 2 : 32;
            uint8_t *a = realloc(m->toks, cap * sizeof *a);
            if (!a)
                return -1;
            m->toks = a;
            size_t *b = realloc(m->tok_at, cap * sizeof *b);
            if (!b)
                return -1;
            m->tok_at = b;
            m->captoks = cap;
        }
        m->tok_at[m->ntoks] = (size_t)(q - p);
        m->toks[m->ntoks++] = (uint8_t)t;
        if (t == SLOT_THERAPY)
            m->last_therapy = (size_t)(q - p);
    }
    return 0;
}

/* Whether the sentence's tokens hold the pattern's required ones in its order
 * (rule_pattern.order): when they do not, no match is possible. */
static bool order_open(const match_ctx *m, const rule_pattern *p)
{
    size_t i = 0;
    for (size_t k = 0; k < p->norder; k++, i++) {
        while (i < m->ntoks && m->toks[i] != p->order[k])
            i++;
        if (i == m->ntoks)
            return false;
    }
    return true;
}

unsigned match_present_types(const match_ctx *m)
{
    unsigned present = 0;
    for (size_t i = 0; i < m->tags.mentions.len; i++)
        present |= 1u << m->tags.mentions.items[i].type;
    return present;
}

/* The patterns whose filter literal the sentence holds, and those without one, in rule
 * and pattern order (the order of the loop below: candidates come out the same). */
static int run_indexed(match_ctx *m, const thx_ruleset *rs, const char *s, unsigned present)
{
    size_t nw = rs->npatwords;
    if (m->cappatbits < nw) {
        free(m->patbits);
        m->cappatbits = 0;
        if (!(m->patbits = malloc(nw * sizeof *m->patbits)))
            return -1;
        m->cappatbits = nw;
    }
    uint64_t *bits = m->patbits;
    memcpy(bits, rs->pat_always, nw * sizeof *bits);
    for (size_t i = 0; i < m->tags.nseen; i++) {
        int l = m->tags.seen[i];
        for (uint32_t k = rs->lit_start[l]; k < rs->lit_start[l + 1]; k++)
            bits[rs->lit_pats[k] / 64] |= (uint64_t)1 << (rs->lit_pats[k] % 64);
    }
    for (size_t w = 0; w < nw; w++)
        for (uint64_t b = bits[w]; b; b &= b - 1) {
            size_t p = w * 64 + (size_t)__builtin_ctzll(b);
            const pattern_filter *f = &rs->filters[p];
            if ((f->need_types & present) != f->need_types)
                continue;
            const rule *r = &rs->rules[rs->pat_rule[p]];
            size_t k = rs->pat_index[p];
            if (order_open(m, &r->patterns[k]) && match_gate_open(m, &r->patterns[k], present) &&
                run_pattern(m, &rs->lex, r, k, s))
                return -1;
        }
    return 0;
}

int match_sentence(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n,
                   const local_terms *local, long only)
{
    m->cands.len = 0;
    if (lexicon_tag(&rs->lex, s, n, local, &m->tag, &m->tags))
        return -1;
    for (size_t i = 0; i < m->tag.ngave_up; i++) {
        if (VEC_PUSH_SLOT(&m->lex_limits))
            return -1;
        m->lex_limits.items[m->lex_limits.len++] =
            (limit_hit){NULL, m->tag.gave_up[i], 0, PCRE2_ERROR_MATCHLIMIT};
    }
    if (!m->md && !(m->md = pcre2_match_data_create(32, NULL)))
        return -1;
    unsigned present = match_present_types(m);
    /* built even without a therapy: it learns the sentence's abbreviations */
    if (build_masked(m, &rs->lex, s, n))
        return -1;
    if (!(present & (1u << SLOT_THERAPY)) && !rs->open_therapy)
        return 0; /* every pattern needs a therapy */
    if (list_tokens(m))
        return -1;
    if (only < 0 && rs->lit_start)
        return run_indexed(m, rs, s, present);
    /* the filters settle most patterns from one small array before their gates are
     * read (they hold conditions of the gate, no more) */
    const pattern_filter *f = rs->filters;
    for (size_t i = 0; i < rs->nrules; i++) {
        const rule *r = &rs->rules[i];
        if (only >= 0 && (size_t)only != i) {
            f += f ? r->npatterns : 0;
            continue;
        }
        for (size_t k = 0; k < r->npatterns; k++, f += f != NULL) {
            if (f && ((f->need_types & present) != f->need_types ||
                      (f->literal >= 0 && !m->tags.literals[f->literal])))
                continue;
            if (order_open(m, &r->patterns[k]) && match_gate_open(m, &r->patterns[k], present) &&
                run_pattern(m, &rs->lex, r, k, s))
                return -1;
        }
    }
    return 0;
}

void cands_drop_if(candidate_vec *cs, bool (*drop)(const candidate *c, const void *ctx),
                   const void *ctx)
{
    size_t kept = 0;
    for (size_t i = 0; i < cs->len; i++)
        if (!drop(&cs->items[i], ctx))
            cs->items[kept++] = cs->items[i];
    cs->len = kept;
}

typedef struct {
    const char *s;
    size_t n;
    bool (*drop)(const char *s, size_t n, const candidate *c);
} text_test;

static bool text_drop(const candidate *c, const void *ctx)
{
    const text_test *tt = ctx;
    return tt->drop(tt->s, tt->n, c);
}

void cands_drop_in(candidate_vec *cs, const char *s, size_t n,
                   bool (*drop)(const char *s, size_t n, const candidate *c))
{
    text_test tt = {s, n, drop};
    cands_drop_if(cs, text_drop, &tt);
}
