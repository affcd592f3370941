/* Document-level joins: see joins.h. */
#include <stdlib.h>
#include <string.h>

#include "joins.h"
#include "triple.h"

static bool meets(const lex_entry *effect, const lex_entry *condition)
{
    for (size_t i = 0; i < effect->targets.len; i++)
        for (size_t k = 0; k < condition->tags.len; k++)
            if (!strcmp(effect->targets.items[i], condition->tags.items[k]))
                return true;
    return false;
}

/* True when out already holds this document triple (the same claim joined twice). */
static bool already(const thx_triples *out, size_t from, const thx_triple *a, const thx_triple *b)
{
    for (size_t i = from; i < out->len; i++) {
        const thx_triple *t = &out->items[i];
        if (t->doc_scope && !strcmp(t->therapy.norm, a->therapy.norm) &&
            !strcmp(t->effect.norm, a->effect.norm) && !strcmp(t->condition.norm, b->condition.norm))
            return true;
    }
    return false;
}

int join_stamp(thx_triple *t, const rule_join *j, const char *doc_id)
{
    t->doc_scope = 1;
    t->rule_id = j->name;
    t->rule_file = j->loc.file;
    t->rule_line = j->loc.line;
    t->confidence = j->confidence;
    triple_make_id(t, doc_id);
    return t->predicate ? 0 : -1;
}

/* The joined triple of effect-only claim a and condition claim b. */
static int build_join(thx_triple *t, const thx_triple *a, const thx_triple *b,
                      const rule_join *j, const char *doc_id)
{
    memset(t, 0, sizeof *t);
    const thx_triple *first = a->sentence.sentence_index <= b->sentence.sentence_index ? a : b;
    const thx_triple *second = first == a ? b : a;
    t->evidence = calloc(2, sizeof *t->evidence);
    if (!t->evidence || evidence_copy(&t->sentence, &first->sentence))
        return -1;
    t->nevidence = 2;
    if (evidence_copy(&t->evidence[0], &first->sentence) ||
        evidence_copy(&t->evidence[1], &second->sentence) ||
        slot_copy(&t->therapy, &a->therapy) || slot_copy(&t->effect, &a->effect) ||
        slot_copy(&t->condition, &b->condition))
        return -1;
    t->predicate = xstrdup(j->predicate ? j->predicate : b->predicate);
    t->hedged = a->hedged || b->hedged;
    t->coref = a->coref || b->coref;
    return join_stamp(t, j, doc_id);
}

int joins_apply(thx_triples *out, size_t first, const thx_ruleset *rs, const thx_doc *doc,
                const join_infos *infos)
{
    size_t end = out->len;
    const lex_entry *entries = rs->lex.entries;
    for (size_t ji = 0; ji < rs->njoins; ji++) {
        if (rs->joins[ji].kind != JOIN_TARGETS)
            continue; /* title.condition: topic.c */
        for (size_t i = first; i < end; i++) {
            const join_info *ai = &infos->items[i - first];
            if (ai->has_condition || ai->effect_entry < 0 ||
                entries[ai->effect_entry].targets.len == 0)
                continue;
            for (size_t k = first; k < end; k++) {
                const join_info *bi = &infos->items[k - first];
                const thx_triple *a = &out->items[i], *b = &out->items[k];
                /* a negated claim joins nothing: its effect was not found */
                if (bi->condition_entry < 0 || a->negated || b->negated || b->doc_scope ||
                    strcmp(a->therapy.norm, b->therapy.norm) ||
                    !meets(&entries[ai->effect_entry], &entries[bi->condition_entry]) ||
                    already(out, end, a, b))
                    continue;
                if (VEC_PUSH_SLOT(out))
                    return THX_ENOMEM;
                /* out may have moved: take a and b again */
                a = &out->items[i];
                b = &out->items[k];
                thx_triple *t = &out->items[out->len];
                if (build_join(t, a, b, &rs->joins[ji], doc->id)) {
                    thx_triple_clear(t);
                    return THX_ENOMEM;
                }
                out->len++;
            }
        }
    }
    return 0;
}

void joins_drop(thx_triples *out, size_t first, join_infos *infos, const bool *drop)
{
    size_t end = out->len, kept = first;
    for (size_t i = first; i < end; i++) {
        if (drop[i - first]) {
            thx_triple_clear(&out->items[i]);
            continue;
        }
        out->items[kept] = out->items[i];
        infos->items[kept - first] = infos->items[i - first];
        kept++;
    }
    out->len = kept;
    infos->len = kept - first;
}
