/* The title's condition: see topic.h. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "harm.h"
#include "topic.h"

void topic_free(topic_state *t)
{
    for (size_t i = 0; i < t->len; i++) {
        slot_clear(&t->items[i].slot);
        free(t->items[i].sentence.text);
    }
    free(t->items);
    str_vec_free(&t->therapies);
    str_vec_free(&t->studied);
    memset(t, 0, sizeof *t);
}

int topic_note_sentence(const sent_ctx *sc)
{
    if (!sc->topic || sc->section != THX_SEC_TITLE)
        return 0;
    topic_state *t = sc->topic;
    const mention_vec *mv = &sc->m->tags.mentions;
    for (size_t k = 0; k < mv->len; k++) {
        const mention *me = &mv->items[k];
        /* named as itself: no anaphor (a therapy folded into a combination counts) */
        if (sc->rs->lex.entries[me->entry].anaphor ||
            (me->type == SLOT_CONDITION && sc->m->mention_at[k] == SIZE_MAX))
            continue;
        if (me->type == SLOT_THERAPY) {
            const char *name = sc->rs->lex.entries[me->entry].canonical;
            if (str_vec_push(&t->therapies, name, strlen(name)))
                return -1;
            continue;
        }
        if (me->type != SLOT_CONDITION)
            continue;
        if (VEC_PUSH_SLOT(t))
            return -1;
        topic_item *it = &t->items[t->len];
        memset(it, 0, sizeof *it);
        it->entry = me->entry;
        it->sentence = (thx_evidence){sc->index, sc->section, sc->cp_base, sent_cp_at(sc, sc->n),
                                      xstrndup(sc->s, sc->n)};
        t->len++;
        if (!it->sentence.text || sent_fill_mention(&it->slot, sc, (int)k))
            return -1;
    }
    return 0;
}

/* True when text ends in tail after a space ("intracerebral hemorrhage", "hemorrhage"). */
static bool ends_in_words(const char *text, const char *tail)
{
    size_t n = strlen(text), k = strlen(tail);
    return k > 0 && k < n && text[n - k - 1] == ' ' && !strcasecmp(text + n - k, tail);
}

/* Two title conditions name one condition: the same id, the same name, or one written
 * as the other with words before it ("hemorrhage" and "intracerebral hemorrhage"). */
static bool same_condition(const thx_slot *a, const thx_slot *b)
{
    if (a->id && b->id && !strcmp(a->id, b->id))
        return true;
    if (a->norm && b->norm && !strcasecmp(a->norm, b->norm))
        return true;
    return ends_in_words(a->text, b->text) || ends_in_words(b->text, a->text);
}

/* The one condition of the title (the longest way it is written), or NULL when it names
 * none or more than one. */
static const topic_item *title_condition(const topic_state *t)
{
    const topic_item *best = NULL;
    for (size_t i = 0; i < t->len; i++) {
        for (size_t k = 0; k < i; k++)
            if (!same_condition(&t->items[i].slot, &t->items[k].slot))
                return NULL;
        if (!best || strlen(t->items[i].slot.text) > strlen(best->slot.text))
            best = &t->items[i];
    }
    return best;
}

/* Effect labels that move a condition the good way: "reduces ...", "improves ...",
 * "neuroprotective", "beneficial". Not "increases", "promotes", "induces": what they
 * raise may be the harm itself. */
static bool good_effect(const char *e)
{
    static const char *const VERBS[] = {
        "reduces", "improves", "restores", "prevents", "attenuates", "preserves",
        "alleviates", "ameliorates", "reverses", "relieves", "beneficial", "anti-tumor",
        NULL};
    if (!e)
        return false;
    size_t n = strcspn(e, " ");
    for (size_t i = 0; VERBS[i]; i++)
        if (strlen(VERBS[i]) == n && !strncmp(e, VERBS[i], n))
            return true;
    static const char suffix[] = "protective";
    size_t k = sizeof suffix - 1;
    return n == strlen(e) && n > k && !strcmp(e + n - k, suffix);
}

/* Whether the document already pairs the therapy with a condition (a negated claim
 * too: "allopurinol did not prevent hypertension"), or names it as the cause of a harm: then the title's condition is not simply the one it was given for. */
bool topic_paired_or_harmful(const thx_triples *out, size_t first, size_t end,
                              const thx_triple *a)
{
    for (size_t i = first; i < end; i++) {
        const thx_triple *t = &out->items[i];
        if (!slot_same(&t->therapy, &a->therapy))
            continue;
        if (harm_predicate(t->predicate) || t->condition.text)
            return true;
    }
    return false;
}

/* Whether the title names the therapy, or one of a combination's ("dexamethasone +
 * atorvastatin"): then the title's condition may be the therapy's harm ("ESRD after
 * liver transplantation") or the model it induces ("dexamethasone-induced
 * hypertension"), and a claim of the title itself says how they meet. */
bool topic_in_title(const topic_state *topics, const thx_slot *therapy)
{
    const char *name = therapy->norm;
    while (name && *name) {
        const char *plus = strstr(name, " + ");
        size_t n = plus ? (size_t)(plus - name) : strlen(name);
        for (size_t i = 0; i < topics->therapies.len; i++)
            if (strlen(topics->therapies.items[i]) == n &&
                !strncasecmp(topics->therapies.items[i], name, n))
                return true;
        name = plus ? plus + 3 : NULL;
    }
    return false;
}

/* True when out[end..] already holds this therapy's claim about the title's condition. */
static bool already(const thx_triples *out, size_t end, const thx_triple *a)
{
    for (size_t i = end; i < out->len; i++)
        if (out->items[i].doc_scope && slot_same(&out->items[i].therapy, &a->therapy))
            return true;
    return false;
}

static int build(thx_triple *t, const thx_triple *a, const topic_item *c, const rule_join *j,
                 const char *doc_id)
{
    memset(t, 0, sizeof *t);
    t->evidence = calloc(2, sizeof *t->evidence);
    if (!t->evidence || evidence_copy(&t->sentence, &c->sentence))
        return -1;
    t->nevidence = 2;
    if (evidence_copy(&t->evidence[0], &c->sentence) ||
        evidence_copy(&t->evidence[1], &a->sentence) || slot_copy(&t->therapy, &a->therapy) ||
        slot_copy(&t->effect, &a->effect) || slot_copy(&t->condition, &c->slot))
        return -1;
    t->predicate = xstrdup(j->predicate ? j->predicate : "biolink:ameliorates_condition");
    t->hedged = a->hedged;
    t->coref = a->coref;
    return join_stamp(t, j, doc_id);
}

int topic_apply(thx_triples *out, size_t first, const thx_ruleset *rs, const thx_doc *doc,
                join_infos *infos, const topic_state *topics)
{
    const topic_item *c = title_condition(topics);
    if (!c)
        return 0;
    size_t end = out->len;
    for (size_t ji = 0; ji < rs->njoins; ji++) {
        if (rs->joins[ji].kind != JOIN_TITLE)
            continue;
        for (size_t i = first; i < end; i++) {
            const thx_triple *a = &out->items[i];
            /* a coref claim already reaches across sentences for its therapy: a second
             * reach for its condition is one too many ("the treatment group had better
             * economic advantage" of another intervention) */
            if (a->condition.text || a->negated || a->doc_scope || a->coref ||
                a->sentence.section == THX_SEC_TITLE || harm_predicate(a->predicate) ||
                !good_effect(a->effect.norm) || topic_in_title(topics, &a->therapy) ||
                topic_paired_or_harmful(out, first, end, a) ||
                already(out, end, a))
                continue;
            if (VEC_PUSH_SLOT(out) || VEC_PUSH_SLOT(infos))
                return THX_ENOMEM;
            a = &out->items[i]; /* out may have moved */
            thx_triple *t = &out->items[out->len];
            if (build(t, a, c, &rs->joins[ji], doc->id)) {
                thx_triple_clear(t);
                return THX_ENOMEM;
            }
            out->len++;
            infos->items[infos->len++] = (join_info){-1, c->entry, true};
        }
    }
    return 0;
}
