/*
 * Coreference of anaphors and pronouns: see coref.h.
 *
 * An anaphor (`anaphor They | "this treatment"` in a therapy lexicon, `anaphor "this
 * disease"` in a condition lexicon) stands for the last mention of its type named before
 * it: earlier in its sentence, else in an earlier sentence of the abstract. A pronoun
 * (`pronoun It`, therapies only) stands for the therapy the previous sentence opened
 * with, and only when the pronoun opens its own sentence.
 */
#include <stdlib.h>
#include <string.h>

#include "coref.h"

static void antecedent_clear(antecedent *a)
{
    slot_clear(&a->slot);
    free(a->sentence.text);
    memset(a, 0, sizeof *a);
    a->entry = -1;
}

void coref_init(coref_state *c)
{
    memset(c, 0, sizeof *c);
    c->therapy.entry = c->condition.entry = c->subject.entry = -1;
}

void coref_free(coref_state *c)
{
    antecedent_clear(&c->therapy);
    antecedent_clear(&c->condition);
    antecedent_clear(&c->subject);
}

static const lex_entry *entry_of(const sent_ctx *sc, int mi)
{
    return &sc->rs->lex.entries[sc->m->tags.mentions.items[mi].entry];
}

bool coref_is_anaphor(const sent_ctx *sc, int mi)
{
    return mi >= 0 && entry_of(sc, mi)->anaphor;
}

/* Whether mention me opens its sentence: nothing before it but white space, or a section
 * label or an adverbial of up to three words with its comma ("RESULTS:", "Background.",
 * "Also,", "In addition,"). */
static bool opens_sentence(const sent_ctx *sc, const mention *me)
{
    const char *s = sc->s;
    size_t i = 0, end = me->start;
    while (i < end && is_space((unsigned char)s[i]))
        i++;
    if (i == end)
        return true;
    for (int words = 0; i < end && words < 3; words++) {
        size_t w = i;
        while (i < end && (is_ascii_alnum((unsigned char)s[i]) || s[i] == '-'))
            i++;
        if (i == w)
            return false;
        while (i < end && is_space((unsigned char)s[i]))
            i++;
        if (i < end && (s[i] == ',' || s[i] == ':' || s[i] == '.')) {
            i++;
            while (i < end && is_space((unsigned char)s[i]))
                i++;
            return i == end;
        }
    }
    return false;
}

/* Records mention mi of this sentence as an antecedent into a. */
static int set_antecedent(antecedent *a, const sent_ctx *sc, int mi)
{
    antecedent_clear(a);
    a->entry = sc->m->tags.mentions.items[mi].entry;
    a->sentence = (thx_evidence){sc->index, sc->section, sc->cp_base, sent_cp_at(sc, sc->n),
                                 xstrndup(sc->s, sc->n)};
    return a->sentence.text && !sent_fill_mention(&a->slot, sc, mi) ? 0 : -1;
}

/* Whether mention k names a mention of type t itself: not an anaphor, and not a therapy
 * folded into a combination ("atorvastatin" of "rapamycin plus atorvastatin"). */
static bool names(const sent_ctx *sc, size_t k, slot_type t)
{
    const mention *me = &sc->m->tags.mentions.items[k];
    return me->type == t && !sc->rs->lex.entries[me->entry].anaphor &&
           sc->m->mention_at[k] != SIZE_MAX;
}

/* The last mention before mi in this sentence that names one of mi's type, or -1. */
static int named_before(const sent_ctx *sc, int mi)
{
    slot_type t = sc->m->tags.mentions.items[mi].type;
    for (int k = mi - 1; k >= 0; k--)
        if (names(sc, (size_t)k, t))
            return k;
    return -1;
}

static antecedent *abstract_antecedent(const sent_ctx *sc, int mi)
{
    return sc->m->tags.mentions.items[mi].type == SLOT_CONDITION ? &sc->coref->condition
                                                                  : &sc->coref->therapy;
}

/* The antecedent of pronoun mi: the subject of the sentence before, when mi opens its
 * own sentence; else NULL. */
static const antecedent *pronoun_antecedent(const sent_ctx *sc, int mi)
{
    return opens_sentence(sc, &sc->m->tags.mentions.items[mi]) && sc->coref->subject.entry >= 0
               ? &sc->coref->subject
               : NULL;
}

bool coref_resolvable(const sent_ctx *sc, int mi)
{
    if (entry_of(sc, mi)->pronoun)
        return pronoun_antecedent(sc, mi) != NULL;
    return named_before(sc, mi) >= 0 || abstract_antecedent(sc, mi)->entry >= 0;
}

/* Adds sentence e to t's evidence unless it is t's own sentence or already there. */
static int add_evidence(thx_triple *t, const thx_evidence *e)
{
    if (e->sentence_index == t->sentence.sentence_index)
        return 0;
    for (size_t i = 0; i < t->nevidence; i++)
        if (t->evidence[i].sentence_index == e->sentence_index)
            return 0;
    thx_evidence *v = realloc(t->evidence, (t->nevidence + 1) * sizeof *v);
    if (!v)
        return -1;
    t->evidence = v;
    v[t->nevidence] = *e;
    v[t->nevidence].text = xstrdup(e->text);
    return v[t->nevidence++].text ? 0 : -1;
}

int coref_fill(thx_triple *t, thx_slot *slot, const sent_ctx *sc, int mi, int *entry)
{
    const antecedent *a;
    antecedent here = {.entry = -1};
    int k = -1;
    if (entry_of(sc, mi)->pronoun)
        a = pronoun_antecedent(sc, mi);
    else if ((k = named_before(sc, mi)) >= 0)
        a = set_antecedent(&here, sc, k) ? NULL : &here;
    else
        a = abstract_antecedent(sc, mi)->entry >= 0 ? abstract_antecedent(sc, mi) : NULL;
    int rc = !a || slot_copy(slot, &a->slot) || add_evidence(t, &a->sentence) ? -1 : 0;
    if (a) {
        t->coref = 1;
        *entry = a->entry;
    }
    antecedent_clear(&here);
    return rc;
}

/* Remembers the last mention of type t the sentence names into a. */
static int note_last(const sent_ctx *sc, slot_type t, antecedent *a)
{
    const mention_vec *mv = &sc->m->tags.mentions;
    for (size_t k = mv->len; k-- > 0;)
        if (names(sc, k, t))
            return set_antecedent(a, sc, (int)k);
    return 0;
}

/* Remembers the therapy the sentence opens with, for a pronoun that opens the next one;
 * a sentence that opens with an anaphor keeps the subject it had, any other forgets it. */
static int note_subject(const sent_ctx *sc)
{
    const mention_vec *mv = &sc->m->tags.mentions;
    const mention *first = mv->len ? &mv->items[0] : NULL;
    if (first && first->type == SLOT_THERAPY && opens_sentence(sc, first))
        return sc->rs->lex.entries[first->entry].anaphor ? 0
                                                         : set_antecedent(&sc->coref->subject, sc, 0);
    antecedent_clear(&sc->coref->subject);
    return 0;
}

int coref_note_sentence(const sent_ctx *sc)
{
    return note_last(sc, SLOT_THERAPY, &sc->coref->therapy) ||
                   note_last(sc, SLOT_CONDITION, &sc->coref->condition) || note_subject(sc)
               ? -1
               : 0;
}
