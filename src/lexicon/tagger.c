/*
 * The sentence tagger: walks the lexicon's trie from each word start, the reversed trie
 * back from each word end (word endings), runs the regex synonyms whose gate literal
 * the gate automaton saw, and keeps the longest mention at each place: see lexicon.h;
 * a condition whose modifier is coordinated with others ("breast and ovarian cancer")
 * then lends its head to them (coord.c). In a sentence with no capital letter, a term
 * that must match its capitals may match in lowercase (lowercase.c).
 * Owned by the lexicon module; lexicon.c builds what this file reads.
 *
 * Why a trie walked from word starts rather than PCRE2: an alternation of thousands of
 * terms scans at a few MB/s, a trie at hundreds.
 */
#include "coord.h"
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void tag_result_init(tag_result *r)
{
    memset(r, 0, sizeof *r);
}

void tag_result_free(tag_result *r)
{
    free(r->mentions.items);
    free(r->cues.items);
    free(r->literals);
    free(r->seen);
    str_vec_free(&r->names);
    tag_result_init(r);
}

void tag_scratch_init(tag_scratch *s)
{
    memset(s, 0, sizeof *s);
}

void tag_scratch_free(tag_scratch *s)
{
    sb_free(&s->norm);
    sb_free(&s->upper);
    free(s->regex_on);
    free(s->regex_last);
    free(s->map);
    free(s->all.items);
    free(s->gave_up);
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

/* weak: found by a shape (see mention.weak) */
static int push_mention(mention_vec *v, const lexicon *lx, int entry, size_t start, size_t end,
                        bool weak)
{
    if (VEC_PUSH_SLOT(v))
        return -1;
    v->items[v->len++] = (mention){.type = lx->entries[entry].type, .entry = entry,
                                   .start = start, .end = end, .weak = weak, .with = -1,
                                   .name_start = start, .name_end = end};
    return 0;
}

/* The length of the word w (with its space, as normalised: "non ", "anti ") that stands
 * right before ns, or 0. */
static size_t after_word(const char *norm, size_t ns, const char *w)
{
    size_t k = strlen(w);
    return ns >= k && !strncasecmp(norm + ns - k, w, k) &&
                   (ns == k || !word_char((unsigned char)norm[ns - k - 1]))
               ? k
               : 0;
}

/* A condition right after "non" ("non-obese", "non diabetic") is what the people do not
 * have; a therapy right after "anti" ("anti-androgen", "anti-estrogen") is what the drug
 * works against. Either is a hidden mention: it covers its span, so nothing inside it is
 * a mention, and a listed term of the same span ("non-Hodgkin lymphoma") wins. */
static size_t hidden_prefix(const lexicon *lx, const trie_output *o, const char *norm,
                            size_t ns)
{
    if (o->kind != TERM_MENTION)
        return 0;
    slot_type t = lx->entries[o->ref].type;
    return t == SLOT_CONDITION ? after_word(norm, ns, "non ")
           : t == SLOT_THERAPY ? after_word(norm, ns, "anti ")
                               : 0;
}

static int record_hit(const lexicon *lx, tag_scratch *sc, tag_result *r, const trie_output *o,
                      size_t ns, size_t ne)
{
    const char *norm = sc->norm.ptr;
    if (o->cased && !capitals_match(o->cased, norm + ns, ne - ns) &&
        !(r->lowercased && lexicon_lowercase_ok(o->cased)))
        return 0;
    size_t start = sc->map[ns], end = sc->map[ne - 1] + 1;
    size_t prefix = hidden_prefix(lx, o, norm, ns);
    if (prefix) {
        /* weak: a listed term of the same span ("non-Hodgkin lymphoma") wins */
        if (push_mention(&sc->all, lx, o->ref, sc->map[ns - prefix], end, true))
            return -1;
        sc->all.items[sc->all.len - 1].hidden = true;
        return 0;
    }
    switch (o->kind) {
    case TERM_MENTION:
        return push_mention(&sc->all, lx, o->ref, start, end, lx->entries[o->ref].as_written);
    case TERM_CUE:
        if (VEC_PUSH_SLOT(&r->cues))
            return -1;
        r->cues.items[r->cues.len++] = (cue_hit){o->ref, start, end};
        return 0;
    case TERM_LITERAL:
        if (!r->literals[o->ref]) {
            if (VEC_PUSH_SLOT_N(r->seen, r->nseen, r->capseen))
                return -1;
            r->seen[r->nseen++] = o->ref;
            r->literals[o->ref] = 1;
        }
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
        if (*trie_value(&lx->words, node) < 0)
            continue;
        if (i + 1 < n && word_char((unsigned char)norm[i + 1]) &&
            word_char((unsigned char)norm[i]))
            continue; /* not at a word end */
        for (int32_t o = *trie_value(&lx->words, node); o >= 0; o = lx->outputs[o].next)
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
        free(sc->regex_last);
        sc->capregex_on = 0;
        sc->regex_on = malloc(lx->nregexes);
        sc->regex_last = malloc(lx->nregexes * sizeof *sc->regex_last);
        if (!sc->regex_on || !sc->regex_last)
            return -1;
        sc->capregex_on = lx->nregexes;
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
            for (int32_t o = *trie_value(&lx->gates, x); o >= 0; o = lx->outputs[o].next) {
                sc->regex_on[lx->outputs[o].ref] = 1;
                sc->regex_last[lx->outputs[o].ref] = i;
            }
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
            for (int32_t o = *trie_value(&lx->endings, node); o >= 0; o = lx->outputs[o].next) {
                int e = lx->outputs[o].ref;
                if (push_mention(&sc->all, lx, e, sc->map[start], sc->map[i - 1] + 1, true))
                    return -1;
            }
        }
        start = i + 1;
    }
    return 0;
}

/* The matches of regex k in subject[0..n), from start to end, as mentions; with
 * codes_only, only those that lexicon_lowercase_code_ok. */
static int match_regex(const lexicon *lx, size_t k, const char *subject, size_t n,
                       bool codes_only, tag_scratch *sc)
{
    size_t at = 0;
    while (at < n) {
        int rc = pcre2_match(lx->regexes[k].code, (PCRE2_SPTR)subject, n, at, 0, sc->md, sc->mctx);
        if (rc < 0 && rc != PCRE2_ERROR_NOMATCH) { /* the match limits: noted */
            if (VEC_PUSH_SLOT_N(sc->gave_up, sc->ngave_up, sc->capgave_up))
                return -1;
            sc->gave_up[sc->ngave_up++] = k;
        }
        if (rc < 0)
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
        if (ov[1] <= ov[0]) {
            at = ov[0] + 1;
            continue;
        }
        if ((!codes_only || lexicon_lowercase_code_ok(subject + ov[0], ov[1] - ov[0])) &&
            push_mention(&sc->all, lx, lx->regexes[k].entry, ov[0], ov[1], true))
            return -1;
        at = ov[1];
    }
    return 0;
}

/* Whether regex k was compiled to match its capitals (the rule language's /c flag). */
static bool case_sensitive(const lexicon *lx, size_t k)
{
    return !lx->regexes[k].caseless;
}

/* In lowercased text (tag_result.lowercased) a case-sensitive regex also runs on the
 * sentence in capitals, so that a shape written in capitals ("(?:BMS|GSK)-?\d{3,7}")
 * finds "bms-275291"; a shape that needs lowercase letters after a capital (a genus,
 * an eponym: "[A-Z][a-z]+") finds nothing there, as it should; a shape of any capitals
 * ("[A-Z]{2,5}-?\d{3,6}") keeps only codes ("gsk256066", not "ser1387" nor "the
 * lesions"). */
static int run_regexes(const lexicon *lx, const char *s, size_t n, bool lowercased,
                       tag_scratch *sc)
{
    sc->ngave_up = 0;
    if (!lx->nregexes)
        return 0;
    if (scan_gates(lx, s, n, sc))
        return -1;
    if (!sc->md && !(sc->md = pcre2_match_data_create(16, NULL)))
        return -1;
    pcre2_set_callout(sc->mctx, NULL, NULL); /* a callout written in a regex: ignored */
    bool upper = false;
    for (size_t k = 0; k < lx->nregexes; k++) {
        if (!sc->regex_on[k])
            continue;
        /* no match starts past the last place of the gate (lexicon.h) */
        pcre2_set_offset_limit(sc->mctx, lx->regexes[k].gate && lx->regexes[k].offset_limit
                                             ? sc->regex_last[k]
                                             : PCRE2_UNSET);
        if (match_regex(lx, k, s, n, false, sc))
            return -1;
        if (!lowercased || !case_sensitive(lx, k))
            continue;
        if (!upper) { /* the sentence in capitals, made once: the same offsets */
            sc->upper.len = 0;
            if (sb_putn(&sc->upper, s, n))
                return -1;
            for (size_t i = 0; i < n; i++)
                if (sc->upper.ptr[i] >= 'a' && sc->upper.ptr[i] <= 'z')
                    sc->upper.ptr[i] = (char)(sc->upper.ptr[i] - 32);
            upper = true;
        }
        if (match_regex(lx, k, sc->upper.ptr, n, lx->regexes[k].capital_runs, sc))
            return -1;
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

/* The id of the first candidate after the winner i (in sort order: strong before weak,
 * then the earlier-loaded) that spans the same text with an entry of the same type and
 * an id, or NULL: a hand-written entry without an id that wins the tie ("physical
 * therapy" listing yoga) still names the term's id (the vocabulary's "yoga"). */
static const char *shadowed_id(const lexicon *lx, const mention_vec *all, size_t i)
{
    const mention *w = &all->items[i];
    for (size_t k = i + 1; k < all->len; k++) {
        const mention *x = &all->items[k];
        if (x->start != w->start || x->end != w->end)
            break;
        const lex_entry *e = &lx->entries[x->entry];
        if (e->id && x->type == w->type && !x->hidden && !e->ignore && !e->anaphor)
            return e->id;
    }
    return NULL;
}

/* True when s[a..b) is, less white space at its ends, one of the head words a therapy
 * phrase adds to the drug it names ("steroid therapy", "anticoagulant treatment"). */
static bool therapy_head_word(const char *s, size_t a, size_t b)
{
    static const char *const heads[] = {"therapy", "therapies", "treatment", "treatments",
                                        NULL};
    while (a < b && (s[a] == ' ' || s[a] == '-'))
        a++;
    while (b > a && s[b - 1] == ' ')
        b--;
    return word_in_list(s + a, b - a, heads);
}

/* True when s[a..b) is only words that tell a condition's course, stage, severity or
 * cause, not its kind: "metastatic", "locally advanced", "early-stage", "chronic",
 * "congenital", "cisplatin-induced". MeSH gives none of them a descriptor of its own
 * (Breast Neoplasms indexes "metastatic breast cancer"), unlike the words of a site or
 * a pathogen ("renal", "hippocampal", "MRSA"), which narrow the head into another
 * descriptor (Kidney Neoplasms is no mere Neoplasms). */
static bool course_words(const char *s, size_t a, size_t b)
{
    static const char *const words[] = {
        "advanced", "metastatic", "recurrent", "early", "early-stage", "late-stage",
        "end-stage", "primary", "invasive", "localized", "localised", "locally",
        "inoperable", "unresectable", "resectable", "operable", "refractory", "relapsed",
        "castration-resistant", "hormone-refractory", "chronic", "acute", "subacute",
        "severe", "mild", "moderate", "moderate-to-severe", "mild-to-moderate", "persistent",
        "progressive", "congenital", "inherited", "hereditary", "familial", "idiopathic",
        "uncontrolled", "established", "new-onset", "malignant", "benign", NULL};
    static const char *const causes[] = {"-induced", "-related", "-associated"};
    bool any = false;
    while (a < b) {
        while (a < b && s[a] == ' ')
            a++;
        size_t e = a;
        while (e < b && s[e] != ' ')
            e++;
        if (e == a)
            break;
        bool ok = word_in_list(s + a, e - a, words);
        for (size_t k = 0; !ok && k < sizeof causes / sizeof *causes; k++) {
            size_t n = strlen(causes[k]);
            ok = e - a > n + 1 && !strncasecmp(s + e - n, causes[k], n);
        }
        if (!ok)
            return false;
        any = true;
        a = e;
    }
    return any;
}

/* The id of an id-less winner i from a listed term inside its span, or NULL:
 * - a condition named by a shape or an entry without an id whose head is a listed
 *   condition with one, and whose other words tell only its course, stage, severity or
 *   cause (course_words: "metastatic breast cancer", "locally advanced rectal cancer",
 *   "congenital antithrombin deficiency", "cadmium-induced liver damage"): the head
 *   names it, as MeSH indexes it;
 * - a therapy that is a listed drug with an id followed by "therapy" or "treatment"
 *   ("steroid therapy", "corticosteroid therapy" of a hand-written class entry). */
static const char *inner_id(const lexicon *lx, const mention_vec *all, size_t i, const char *s)
{
    const mention *w = &all->items[i];
    const mention *best = NULL;
    for (size_t k = 0; k < all->len; k++) {
        const mention *x = &all->items[k];
        const lex_entry *e = &lx->entries[x->entry];
        if (k == i || x->type != w->type || !e->id || x->hidden || e->ignore || e->anaphor ||
            x->start < w->start || x->end > w->end || (x->start == w->start && x->end == w->end))
            continue;
        if (w->type == SLOT_CONDITION && x->end == w->end && x->start > w->start &&
            course_words(s, w->start, x->start) && (!best || x->start < best->start))
            best = x;
        else if (w->type == SLOT_THERAPY && x->start == w->start &&
                 therapy_head_word(s, x->end, w->end))
            best = x;
    }
    return best ? lx->entries[best->entry].id : NULL;
}

static int choose_mentions(const lexicon *lx, tag_scratch *sc, tag_result *r, const char *s)
{
    if (sc->all.len > 1)
        qsort(sc->all.items, sc->all.len, sizeof *sc->all.items, by_start_then_longest);
    size_t covered = 0;
    for (size_t i = 0; i < sc->all.len; i++) {
        const mention *m = &sc->all.items[i];
        if (m->start < covered)
            continue;
        covered = m->end;
        if (lx->entries[m->entry].ignore || m->hidden)
            continue;
        if (VEC_PUSH_SLOT(&r->mentions))
            return -1;
        mention *chosen = &r->mentions.items[r->mentions.len++];
        *chosen = *m;
        if (!lx->entries[m->entry].id && !lx->entries[m->entry].anaphor && !chosen->id)
            chosen->id = shadowed_id(lx, &sc->all, i);
        if (!lx->entries[m->entry].id && !lx->entries[m->entry].anaphor && !chosen->id)
            chosen->id = inner_id(lx, &sc->all, i, s);
    }
    return 0;
}

void local_terms_free(local_terms *l)
{
    for (size_t i = 0; i < l->len; i++) {
        free(l->items[i].text);
        free(l->items[i].name);
    }
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
            if (!left || !right)
                continue;
            if (push_mention(&sc->all, lx, e, i, i + tn, false))
                return -1;
            sc->all.items[sc->all.len - 1].name = local->items[k].name;
            sc->all.items[sc->all.len - 1].id = local->items[k].id;
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
    for (size_t i = 0; i < r->names.len; i++)
        free(r->names.items[i]);
    r->names.len = 0;
    sc->all.len = 0;
    if (r->nliterals < lx->nliterals) {
        free(r->literals);
        r->literals = calloc(lx->nliterals ? lx->nliterals : 1, 1);
        if (!r->literals)
            return -1;
        r->nliterals = lx->nliterals;
    } else {
        for (size_t i = 0; i < r->nseen; i++) /* the rest are clear */
            r->literals[r->seen[i]] = 0;
    }
    r->nseen = 0;
    if (sc->capmap < n + 1) {
        free(sc->map);
        sc->capmap = n + 1 > 256 ? n + 1 : 256;
        if (!(sc->map = malloc(sc->capmap * sizeof *sc->map)))
            return -1;
    }
    if (lexicon_normalise_into(s, n, &sc->norm, sc->map))
        return -1;
    r->lowercased = lexicon_text_lowercased(s, n);
    const char *norm = sc->norm.ptr;
    for (size_t i = 0; i < sc->norm.len; i++) {
        bool start = i == 0 || !word_char((unsigned char)norm[i - 1]) ||
                     !word_char((unsigned char)norm[i]);
        if (start && norm[i] != ' ' && !after_letter_hyphen(s, sc->map[i]) &&
            walk_from(lx, sc, r, i))
            return -1;
    }
    if (find_endings(lx, sc) || run_regexes(lx, s, n, r->lowercased, sc) || find_local(lx, s, n, local, sc))
        return -1;
    if (choose_mentions(lx, sc, r, s))
        return -1;
    return coord_split(lx, s, n, sc, r);
}
