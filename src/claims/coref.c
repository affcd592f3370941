/*
 * Coreference of anaphors and pronouns: see coref.h.
 *
 * An anaphor (`anaphor They | "this treatment"` in a therapy lexicon, `anaphor "this
 * disease"` in a condition lexicon) stands for the last mention of its type named before
 * it: earlier in its sentence, else in an earlier sentence of the abstract; a plural
 * condition anaphor ("these symptoms") stands for each condition named there. A pronoun
 * (`pronoun It`, therapies only) stands for the therapy the previous sentence opened
 * with, and only when the pronoun opens its own sentence.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
    c->therapy.entry = c->condition.entry = c->subject.entry = c->arm.entry = -1;
}

void coref_free(coref_state *c)
{
    antecedent_clear(&c->therapy);
    antecedent_clear(&c->condition);
    antecedent_clear(&c->subject);
    antecedent_clear(&c->arm);
    for (size_t i = 0; i < c->nothers; i++)
        antecedent_clear(&c->others[i]);
    free(c->others);
    c->others = NULL;
    c->nothers = 0;
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

/* Fills slot from antecedent a (NULL: nothing to stand for): see coref_fill. */
static int fill_from(thx_triple *t, thx_slot *slot, const antecedent *a, int *entry)
{
    int rc = !a || slot_copy(slot, &a->slot) || add_evidence(t, &a->sentence) ? -1 : 0;
    if (a) {
        t->coref = 1;
        *entry = a->entry;
    }
    return rc;
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
    int rc = fill_from(t, slot, a, entry);
    antecedent_clear(&here);
    return rc;
}

/* Whether condition anaphor mi is plural: its last word ends in -s but not -ss
 * ("these clinical manifestations", "the skin symptoms"; not "this disease", "this
 * illness"). */
static bool plural(const sent_ctx *sc, int mi)
{
    const mention *me = &sc->m->tags.mentions.items[mi];
    const lex_entry *e = entry_of(sc, mi);
    if (me->type != SLOT_CONDITION || !e->anaphor || e->pronoun || me->end - me->start < 2)
        return false;
    const char *last = sc->s + me->end - 1;
    return (*last == 's' || *last == 'S') && last[-1] != 's' && last[-1] != 'S';
}

/* Whether mention k of the sentence names the lexicon entry of a mention after it and
 * before mi (it is named again later: the later one counts). */
static bool named_again(const sent_ctx *sc, int k, int mi)
{
    int entry = sc->m->tags.mentions.items[k].entry;
    for (int j = k + 1; j < mi; j++)
        if (names(sc, (size_t)j, SLOT_CONDITION) && sc->m->tags.mentions.items[j].entry == entry)
            return true;
    return false;
}

/* The n-th (from 0) condition named before mi in its sentence, counting back, one per
 * lexicon entry; -1 when there are fewer. */
static int nth_before(const sent_ctx *sc, int mi, size_t n)
{
    for (int k = mi - 1; k >= 0; k--)
        if (names(sc, (size_t)k, SLOT_CONDITION) && !named_again(sc, k, mi) && n-- == 0)
            return k;
    return -1;
}

size_t coref_count(const sent_ctx *sc, int mi)
{
    if (mi < 0 || !plural(sc, mi))
        return 1;
    if (named_before(sc, mi) >= 0) {
        size_t n = 1;
        while (nth_before(sc, mi, n) >= 0)
            n++;
        return n;
    }
    return 1 + sc->coref->nothers;
}

int coref_fill_nth(thx_triple *t, thx_slot *slot, const sent_ctx *sc, int mi, size_t k,
                   int *entry)
{
    if (k == 0)
        return coref_fill(t, slot, sc, mi, entry);
    if (named_before(sc, mi) < 0)
        return fill_from(t, slot, k <= sc->coref->nothers ? &sc->coref->others[k - 1] : NULL,
                         entry);
    antecedent here = {.entry = -1};
    int at = nth_before(sc, mi, k);
    int rc = fill_from(t, slot, at >= 0 && !set_antecedent(&here, sc, at) ? &here : NULL, entry);
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

/* Remembers the other conditions the sentence names (after note_last), last named first,
 * one per lexicon entry, for a plural anaphor; a sentence that names none keeps them. */
static int note_others(const sent_ctx *sc)
{
    coref_state *c = sc->coref;
    int last = (int)sc->m->tags.mentions.len;
    if (nth_before(sc, last, 0) < 0)
        return 0;
    for (size_t i = 0; i < c->nothers; i++)
        antecedent_clear(&c->others[i]);
    c->nothers = 0;
    for (size_t n = 1;; n++) {
        int k = nth_before(sc, last, n);
        if (k < 0)
            return 0;
        antecedent *v = realloc(c->others, (c->nothers + 1) * sizeof *v);
        if (!v)
            return -1;
        c->others = v;
        antecedent *a = &v[c->nothers];
        memset(a, 0, sizeof *a);
        a->entry = -1;
        c->nothers++;
        if (set_antecedent(a, sc, k))
            return -1;
    }
}

int coref_note_sentence(const sent_ctx *sc)
{
    return note_last(sc, SLOT_THERAPY, &sc->coref->therapy) ||
                   note_last(sc, SLOT_CONDITION, &sc->coref->condition) || note_others(sc) ||
                   note_subject(sc)
               ? -1
               : 0;
}

/* Names of no active therapy: the control arm is never the studied one. */
static const char *const CONTROL[] = {"placebo", "control", "usual care", "standard care",
                                      "sham", "vehicle", "saline", "no treatment", NULL};

/* Whether the mention at byte at is the goal of what is studied, after "for" or "to" ("A
 * Video Messaging Mobile Phone Intervention for Smoking Cessation"), not the therapy. */
static bool goal(const char *s, size_t at)
{
    while (at > 0 && s[at - 1] == ' ')
        at--;
    return (at >= 4 && !strncasecmp(s + at - 4, " for", 4)) ||
           (at >= 3 && !strncasecmp(s + at - 3, " to", 3));
}

int coref_note_title_arm(const sent_ctx *sc, const str_vec *studied)
{
    if (!studied || !studied->len)
        return 0;
    sc->coref->arm_read = true;
    const char *one = studied->items[0];
    for (size_t i = 1; i < studied->len; i++)
        if (strcasecmp(studied->items[i], one))
            return 0; /* two therapies: which arm is which is not said */
    for (size_t k = 0; CONTROL[k]; k++)
        for (const char *p = one; *p; p++)
            if (!strncasecmp(p, CONTROL[k], strlen(CONTROL[k])))
                return 0;
    const mention_vec *mv = &sc->m->tags.mentions;
    for (size_t k = 0; k < mv->len; k++)
        if (names(sc, k, SLOT_THERAPY) &&
            !strcasecmp(sc->rs->lex.entries[mv->items[k].entry].canonical, one))
            return goal(sc->s, mv->items[k].start) ? 0 : set_antecedent(&sc->coref->arm, sc, (int)k);
    return 0;
}

bool coref_has_arm(const sent_ctx *sc)
{
    return sc->coref->arm.entry >= 0;
}

int coref_fill_arm(thx_triple *t, thx_slot *slot, const sent_ctx *sc, int *entry)
{
    return fill_from(t, slot, coref_has_arm(sc) ? &sc->coref->arm : NULL, entry);
}

int coref_note_objective_arm(const sent_ctx *sc)
{
    if (sc->coref->arm_read || sc->section != THX_SEC_ABSTRACT)
        return 0;
    const tag_result *tags = &sc->m->tags;
    bool objective = false;
    for (size_t i = 0; i < tags->cues.len && !objective; i++)
        objective = sc->rs->cues[tags->cues.items[i].cue].kind == CUE_OBJECTIVE;
    if (!objective)
        return 0;
    str_vec found = {0};
    int rc = 0;
    for (size_t k = 0; k < tags->mentions.len && !rc; k++)
        if (names(sc, k, SLOT_THERAPY)) {
            const char *name = sc->rs->lex.entries[tags->mentions.items[k].entry].canonical;
            rc = str_vec_push(&found, name, strlen(name));
        }
    sc->coref->arm_read = true; /* the first objective sentence only */
    rc = rc || coref_note_title_arm(sc, &found);
    str_vec_free(&found);
    return rc;
}
