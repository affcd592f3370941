/*
 * Triples and their slots, and the sentence being extracted (sent_ctx): the helpers
 * that the extractor (extract.c), coreference (coref.c) and the document joins
 * (joins.c) share. They sit below all three, so none of them calls another's helpers.
 *
 * Ownership: a thx_slot owns its text, norm and id; a thx_triple owns its slots,
 * cues and evidence (thx_triple_clear frees them). Rule ids and file names are
 * borrowed from the rule set, which must outlive the triples.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "triple.h"

void thx_triples_init(thx_triples *t)
{
    t->items = NULL;
    t->len = t->cap = 0;
}

void slot_clear(thx_slot *s)
{
    free(s->text);
    free(s->norm);
    free(s->id);
    memset(s, 0, sizeof *s);
}

bool slot_same(const thx_slot *a, const thx_slot *b)
{
    if (a->id && b->id)
        return !strcmp(a->id, b->id);
    return a->norm && b->norm && !strcasecmp(a->norm, b->norm);
}

int slot_copy(thx_slot *dst, const thx_slot *src)
{
    *dst = *src;
    dst->text = xstrdup(src->text);
    dst->norm = xstrdup(src->norm);
    dst->id = xstrdup(src->id);
    return (src->text && !dst->text) || (src->norm && !dst->norm) || (src->id && !dst->id) ? -1 : 0;
}

int evidence_copy(thx_evidence *dst, const thx_evidence *src)
{
    *dst = *src;
    dst->text = xstrdup(src->text);
    return dst->text ? 0 : -1;
}

void thx_triple_clear(thx_triple *t)
{
    free(t->sentence.text);
    slot_clear(&t->therapy);
    slot_clear(&t->effect);
    slot_clear(&t->condition);
    free(t->predicate);
    for (size_t i = 0; i < t->nevidence; i++)
        free(t->evidence[i].text);
    free(t->evidence);
    for (size_t i = 0; i < t->ncues; i++) {
        free(t->cues[i].kind);
        free(t->cues[i].text);
    }
    free(t->cues);
    memset(t, 0, sizeof *t);
}

void thx_triples_free(thx_triples *t)
{
    for (size_t i = 0; i < t->len; i++)
        thx_triple_clear(&t->items[i]);
    free(t->items);
    thx_triples_init(t);
}

/* ------------------------------------------------------------------ slots of a sentence */

size_t sent_cp_at(const sent_ctx *sc, size_t byte)
{
    return sc->cp_base + utf8_count(sc->s, byte);
}

int sent_fill_span(thx_slot *slot, const sent_ctx *sc, size_t a, size_t b)
{
    slot->text = xstrndup(sc->s + a, b - a);
    slot->start = sent_cp_at(sc, a);
    slot->end = sent_cp_at(sc, b);
    return slot->text ? 0 : -1;
}

int sent_fill_mention(thx_slot *slot, const sent_ctx *sc, int mi)
{
    const mention *me = &sc->m->tags.mentions.items[mi];
    if (me->with >= 0) {
        if (!(slot->norm = match_combination_name(&sc->rs->lex, &sc->m->tags.mentions, me, sc->s)))
            return -1;
        return sent_fill_span(slot, sc, me->start, me->end);
    }
    const char *id = lexicon_mention_id(&sc->rs->lex, me);
    slot->norm = lexicon_mention_name(&sc->rs->lex, me, sc->s);
    slot->id = id ? xstrdup(id) : NULL;
    if (!slot->norm || (id && !slot->id))
        return -1;
    return sent_fill_span(slot, sc, me->start, me->end);
}

static void hash_str(uint64_t *h, const char *s)
{
    *h = fnv1a64(*h, s ? s : "", s ? strlen(s) + 1 : 1);
}

static void hash_num(uint64_t *h, uint64_t v)
{
    *h = fnv1a64(*h, &(unsigned char[8]){(unsigned char)v, (unsigned char)(v >> 8),
                                         (unsigned char)(v >> 16), (unsigned char)(v >> 24),
                                         (unsigned char)(v >> 32), (unsigned char)(v >> 40),
                                         (unsigned char)(v >> 48), (unsigned char)(v >> 56)},
                 8);
}

/* A stable id: what identifies the claim, hashed the same on every machine. */
void triple_make_id(thx_triple *t, const char *doc_id)
{
    uint64_t h = FNV1A64_INIT;
    hash_str(&h, doc_id);
    hash_num(&h, t->sentence.sentence_index);
    hash_num(&h, t->nevidence ? t->evidence[t->nevidence - 1].sentence_index : 0);
    const thx_slot *slots[3] = {&t->therapy, &t->effect, &t->condition};
    for (int i = 0; i < 3; i++) {
        hash_num(&h, slots[i]->text ? slots[i]->start : UINT64_MAX);
        hash_num(&h, slots[i]->text ? slots[i]->end : UINT64_MAX);
    }
    hash_str(&h, t->effect.norm);
    hash_str(&h, t->rule_id);
    snprintf(t->id, sizeof t->id, "%016llx", (unsigned long long)h);
}
