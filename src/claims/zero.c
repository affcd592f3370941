/* The zero anaphor of a continuation: see zero.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "harm.h"
#include "joins.h"
#include "zero.h"

/* A word of the sentence: bytes [a, b). */
typedef struct {
    size_t a, b;
} word;

enum { MAX_WORDS = 64, MAX_SUBJECT = 16, MAX_REST = 12 };

static size_t words_of(const char *s, size_t n, word *w, size_t max)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < max;) {
        if (!is_ascii_alnum((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t a = i;
        while (i < n && (is_ascii_alnum((unsigned char)s[i]) || s[i] == '-' || s[i] == '\''))
            i++;
        w[k++] = (word){a, i};
    }
    return k;
}

static bool word_in(const char *s, const word *w, const char *const *list)
{
    size_t n = w->b - w->a;
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && !strncasecmp(s + w->a, list[i], n))
            return true;
    return false;
}

/* Openers of a continuation, before their comma, and the adverbs of its verb group. */
static const char *const OPENERS[] = {"In addition", "Additionally", "Similarly", "Likewise",
                                      "Moreover", "Furthermore", "Also", "Besides", NULL};
static const char *const ADVERBS[] = {
    "also",      "similarly", "likewise",    "further",  "significantly", "markedly",
    "greatly",   "dramatically", "substantially", "partially", "partly", "completely",
    "effectively", "remarkably", "clearly",  "all",      "both",          "considerably",
    "strongly",  "largely",   "almost",      "fully",    "concomitantly", "simultaneously",
    NULL};
/* What the unwritten therapy did to the conditions: it lessened them. */
static const char *const VERBS[] = {
    "suppressed", "reduced",   "attenuated", "ameliorated", "alleviated", "decreased",
    "inhibited",  "prevented", "reversed",   "improved",    "lowered",    "diminished",
    "abolished",  "blocked",   "normalized", "normalised",  "relieved",   "mitigated",
    "lessened",   "corrected", "eliminated", "abrogated",   "blunted",    "counteracted",
    NULL};
/* Words that make the sentence something else than a continuation of the therapy's
 * effect: negation, a comparison, a control arm, a relative clause. */
static const char *const BANNED[] = {
    "not",     "no",      "neither", "nor",     "without",  "placebo",   "control",
    "controls", "vehicle", "untreated", "sham",  "compared", "than",      "whereas",
    "while",   "but",     "however", "which",   "that",     "only",      "if",
    "whether", "because", "although", "by", NULL};
/* What a continuation's antecedent claim did: it moved something the good way. */
static const char *const GOOD[] = {
    "reduces",   "attenuates", "alleviates", "ameliorates", "suppresses", "inhibits",
    "prevents",  "improves",   "reverses",   "decreases",   "lowers",     "protects",
    "relieves",  "mitigates",  "treats",     "abolishes",   "blocks",     "diminishes",
    NULL};

static bool good_claim(const thx_triple *t)
{
    const char *e = t->effect.norm;
    if (!e || t->negated || t->doc_scope || harm_predicate(t->predicate))
        return false;
    size_t n = strcspn(e, " ");
    for (size_t i = 0; GOOD[i]; i++)
        if (strlen(GOOD[i]) == n && !strncmp(e, GOOD[i], n))
            return true;
    return false;
}

/* The index in out of the previous sentence's (last) claim when its claims all name one
 * therapy and each moves something the good way, and the abstract names it as no harm's
 * cause; else SIZE_MAX. An index, not a pointer: out may move as triples are added. */
static size_t antecedent_claim(const thx_triples *out, size_t first, size_t mine,
                               const sent_ctx *sc)
{
    const thx_triple *found = NULL;
    size_t at = SIZE_MAX;
    for (size_t i = first; i < mine; i++) {
        const thx_triple *t = &out->items[i];
        if (t->doc_scope || t->sentence.sentence_index + 1 != sc->index)
            continue;
        if (t->sentence.section != sc->section || !good_claim(t) ||
            (found && !slot_same(&found->therapy, &t->therapy)))
            return SIZE_MAX;
        found = t;
        at = i;
    }
    for (size_t i = first; found && i < mine; i++)
        if (harm_predicate(out->items[i].predicate) &&
            slot_same(&out->items[i].therapy, &found->therapy))
            return SIZE_MAX;
    return at;
}

/* Whether therapy mention me is a harm's cause modifying a condition: "<T>-induced",
 * "<T> induced", a word of its name between ("puromycin aminonucleoside-induced"). */
static bool cause_modifier(const char *s, size_t n, const mention *me)
{
    size_t i = me->end;
    for (int words = 0; words < 2; words++) {
        if (i < n && (s[i] == ' ' || s[i] == '-'))
            i++;
        if (i + 7 <= n && !strncasecmp(s + i, "induced", 7))
            return true;
        while (i < n && is_ascii_alnum((unsigned char)s[i]))
            i++;
    }
    return false;
}

/* The bytes [*a, *b) of the subject and the byte range of the verb of a continuation,
 * or false when the sentence is none. */
static bool continuation(const char *s, size_t n, size_t *a, size_t *b, word *verb)
{
    word w[MAX_WORDS];
    size_t nw = words_of(s, n, w, MAX_WORDS);
    if (nw == MAX_WORDS || nw < 3)
        return false;
    size_t k = 0;
    for (size_t o = 0; OPENERS[o]; o++) {
        size_t len = strlen(OPENERS[o]);
        if (len < n && !strncasecmp(s, OPENERS[o], len) && s[len] == ',') {
            while (k < nw && w[k].a < len)
                k++;
            break;
        }
    }
    size_t aux = k;
    while (aux < nw && !word_in(s, &w[aux], (const char *const[]){"was", "were", NULL}))
        aux++;
    if (aux == nw || aux == k || aux - k > MAX_SUBJECT)
        return false;
    size_t v = aux + 1;
    while (v < nw && word_in(s, &w[v], ADVERBS))
        v++;
    if (v == nw || !word_in(s, &w[v], VERBS) || nw - v - 1 > MAX_REST)
        return false;
    for (size_t i = k; i < nw; i++)
        if (word_in(s, &w[i], BANNED))
            return false;
    *a = w[k].a;
    *b = w[aux].a;
    *verb = w[v];
    return true;
}

static int build(thx_triple *t, const thx_triple *ante, const sent_ctx *sc, int cm,
                 const word *verb, const char *label)
{
    memset(t, 0, sizeof *t);
    t->sentence = (thx_evidence){sc->index, sc->section, sc->cp_base, sent_cp_at(sc, sc->n),
                                 xstrndup(sc->s, sc->n)};
    t->evidence = calloc(1, sizeof *t->evidence);
    if (!t->sentence.text || !t->evidence)
        return -1;
    t->nevidence = 1;
    if (evidence_copy(&t->evidence[0], &ante->sentence) ||
        slot_copy(&t->therapy, &ante->therapy) ||
        sent_fill_span(&t->effect, sc, verb->a, verb->b) ||
        sent_fill_mention(&t->condition, sc, cm))
        return -1;
    free(t->effect.norm);
    t->effect.norm = xstrdup(label);
    t->predicate = xstrdup(strcmp(label, "prevents") ? "biolink:ameliorates_condition"
                                                     : "biolink:preventative_for_condition");
    if (!t->effect.norm || !t->predicate)
        return -1;
    t->hedged = ante->hedged;
    t->coref = 1;
    t->rule_id = "coref.zero-continuation";
    t->rule_file = "src/claims/zero.c";
    t->rule_line = 0;
    t->confidence = 0.6;
    triple_make_id(t, sc->doc->id);
    return 0;
}

int zero_continue(thx_triples *out, size_t mine, const sent_ctx *sc)
{
    size_t a, b;
    word verb;
    if (mine != out->len || sc->section != THX_SEC_ABSTRACT || sc->index == 0 ||
        !continuation(sc->s, sc->n, &a, &b, &verb))
        return 0;
    size_t first = out->len - sc->infos->len; /* the abstract's first triple */
    size_t ante = antecedent_claim(out, first, mine, sc);
    if (ante == SIZE_MAX)
        return 0;
    const mention_vec *mv = &sc->m->tags.mentions;
    size_t nc = 0;
    for (size_t k = 0; k < mv->len; k++) {
        const mention *me = &mv->items[k];
        if (me->type == SLOT_THERAPY) {
            thx_slot named = {0};
            bool cause = me->start >= a && me->end <= b && cause_modifier(sc->s, sc->n, me);
            if (!cause || sent_fill_mention(&named, sc, (int)k))
                return 0; /* a therapy of its own, or out of memory: no continuation */
            bool same = slot_same(&named, &out->items[ante].therapy);
            slot_clear(&named);
            if (same)
                return 0; /* "<T>-induced": its own therapy is the harm's cause */
        } else if (me->type == SLOT_CONDITION && me->start >= a && me->end <= b &&
                   !sc->rs->lex.entries[me->entry].anaphor && sc->m->mention_at[k] != SIZE_MAX) {
            nc++;
        }
    }
    const char *label = rules_trigger_label(sc->rs, sc->s + verb.a, verb.b - verb.a);
    if (!nc || !label)
        return 0;
    for (size_t k = 0; k < mv->len; k++) {
        const mention *me = &mv->items[k];
        if (me->type != SLOT_CONDITION || me->start < a || me->end > b ||
            sc->rs->lex.entries[me->entry].anaphor || sc->m->mention_at[k] == SIZE_MAX)
            continue;
        if (VEC_PUSH_SLOT(out) || VEC_PUSH_SLOT(sc->infos))
            return THX_ENOMEM;
        thx_triple *t = &out->items[out->len];
        if (build(t, &out->items[ante], sc, (int)k, &verb, label)) {
            thx_triple_clear(t);
            return THX_ENOMEM;
        }
        out->len++;
        sc->infos->items[sc->infos->len++] = (join_info){-1, me->entry, true};
    }
    return 0;
}
