/* The treatment of a case report: see casereport.h. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "casereport.h"

static const char RULE[] = "join.case-report-treatment";

void case_free(case_state *c)
{
    for (size_t i = 0; i < c->len; i++) {
        slot_clear(&c->items[i].therapy);
        slot_clear(&c->items[i].effect);
        free(c->items[i].sentence.text);
    }
    free(c->items);
    memset(c, 0, sizeof *c);
}

/* Byte of the first case-insensitive occurrence of needle in s[0..n) as whole words (no
 * letter or digit on either side: "no" is not found in "normal", nor "for" in "form"), or
 * n. */
static size_t find_word(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if ((i == 0 || !is_ascii_alnum((unsigned char)s[i - 1])) &&
            (i + k == n || !is_ascii_alnum((unsigned char)s[i + k])) &&
            !strncasecmp(s + i, needle, k))
            return i;
    return n;
}

static bool has_any(const char *s, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (find_word(s, n, list[i]) < n)
            return true;
    return false;
}

/* Whether s[0..n) reports one patient. */
static bool reports_case(const char *s, size_t n)
{
    static const char *const CUES[] = {"case report", "a case of", "we report", "we describe",
                                       "we present", "is reported with", NULL};
    if (has_any(s, n, CUES))
        return true;
    for (size_t i = 0; i + 9 <= n; i++)
        if (!strncasecmp(s + i, "year-old ", 9) || !strncasecmp(s + i, "year old ", 9) ||
            !strncasecmp(s + i, "month-old ", 9))
            return true;
    return false;
}

/* The word before byte j of s (spaces skipped): its bytes [*a, *b); false when none. */
static bool word_before(const char *s, size_t j, size_t *a, size_t *b)
{
    while (j > 0 && s[j - 1] == ' ')
        j--;
    *b = j;
    while (j > 0 && is_ascii_alnum((unsigned char)s[j - 1]))
        j--;
    *a = j;
    return *b > *a;
}

static bool word_is(const char *s, size_t a, size_t b, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == b - a && !strncasecmp(s + a, list[i], b - a))
            return true;
    return false;
}

/* The end byte of the treatment verb group of s[0..n), "was/were (adverb)? treated
 * with", or 0; *at gets the start of its verb. Not "received", "was given" or "was
 * administered": in a report of an adverse reaction they name the culprit as often as
 * the remedy (half B's precision fell with them). */
static size_t treatment_verb(const char *s, size_t n, size_t *at)
{
    static const char *const PASSIVE[] = {"treated with", NULL};
    static const char *const AUX[] = {"was", "were", NULL};
    static const char *const ADVERB[] = {"then", "also", "subsequently", "successfully",
                                         "immediately", "promptly", "empirically", NULL};
    for (size_t v = 0; PASSIVE[v]; v++) {
        size_t i = find_word(s, n, PASSIVE[v]), a, b;
        if (i == n || !word_before(s, i, &a, &b))
            continue;
        if (word_is(s, a, b, ADVERB) && !word_before(s, a, &a, &b))
            continue;
        if (word_is(s, a, b, AUX)) {
            *at = i;
            return i + strlen(PASSIVE[v]);
        }
    }
    return 0;
}

/* Words of a sentence that is no treatment of the reported condition: a negation, a
 * failure, what came before it, an adverse event after it. */
static const char *const BANNED[] = {
    "not",     "no",      "without", "previously", "prior",   "had",     "before", "because",
    "despite", "developed", "failed", "history",   "due to",  "for",     "after",  "while",
    "resulting", "induced", "originally", "initially", "earlier", "formerly", NULL};

int case_note_sentence(case_state *c, const sent_ctx *sc)
{
    if (sc->section == THX_SEC_TITLE || !c->seen_abstract) {
        c->report = c->report || reports_case(sc->s, sc->n);
        c->seen_abstract = c->seen_abstract || sc->section == THX_SEC_ABSTRACT;
        if (sc->section == THX_SEC_TITLE)
            return 0;
    }
    size_t at, end;
    if (!c->report || !(end = treatment_verb(sc->s, sc->n, &at)) ||
        has_any(sc->s, sc->n, BANNED))
        return 0;
    const mention_vec *mv = &sc->m->tags.mentions;
    for (size_t k = 0; k < mv->len; k++)
        if (mv->items[k].type == SLOT_CONDITION)
            return 0; /* the sentence says what for itself */
    for (size_t k = 0; k < mv->len; k++) {
        const mention *me = &mv->items[k];
        if (me->type != SLOT_THERAPY || me->start < end ||
            sc->rs->lex.entries[me->entry].anaphor || sc->m->mention_at[k] == SIZE_MAX)
            continue;
        if (VEC_PUSH_SLOT(c))
            return -1;
        case_item *it = &c->items[c->len];
        memset(it, 0, sizeof *it);
        it->sentence = (thx_evidence){sc->index, sc->section, sc->cp_base,
                                      sent_cp_at(sc, sc->n), xstrndup(sc->s, sc->n)};
        c->len++;
        if (!it->sentence.text || sent_fill_mention(&it->therapy, sc, (int)k) ||
            sent_fill_span(&it->effect, sc, at, end))
            return -1;
    }
    return 0;
}

/* The byte where the title's head ends: its first "in", "with", "induced by", ... */
static size_t head_end(const char *title)
{
    static const char *const BOUNDS[] = {" in ", " with ", " induced by ", " caused by ",
                                         " due to ", " after ", " following ", " during ",
                                         " secondary to ", " related to ", " associated ",
                                         ": ", NULL};
    size_t n = strlen(title), end = n;
    for (size_t i = 0; BOUNDS[i]; i++) {
        const char *p = strstr(title, BOUNDS[i]);
        if (p && (size_t)(p - title) < end)
            end = (size_t)(p - title);
    }
    return end;
}

/* Code points of title[0..byte). */
static size_t cp_of(const char *title, size_t byte)
{
    size_t cp = 0;
    for (size_t i = 0; i < byte; i++)
        cp += ((unsigned char)title[i] & 0xC0) != 0x80;
    return cp;
}

/* Whether title condition i is one the report is about: named in the title's head. */
static bool reported(const topic_state *topics, size_t i, const char *title)
{
    size_t head = cp_of(title, head_end(title));
    return topics->items[i].slot.end <= head;
}

static int build(thx_triple *t, const case_item *it, const topic_item *c, const char *doc_id)
{
    memset(t, 0, sizeof *t);
    t->evidence = calloc(2, sizeof *t->evidence);
    if (!t->evidence || evidence_copy(&t->sentence, &it->sentence))
        return -1;
    t->nevidence = 2;
    if (evidence_copy(&t->evidence[0], &c->sentence) ||
        evidence_copy(&t->evidence[1], &it->sentence) || slot_copy(&t->therapy, &it->therapy) ||
        slot_copy(&t->effect, &it->effect) || slot_copy(&t->condition, &c->slot))
        return -1;
    free(t->effect.norm);
    t->effect.norm = xstrdup("treats");
    t->predicate = xstrdup("biolink:treats");
    t->doc_scope = 1;
    t->rule_id = RULE;
    t->rule_file = "src/claims/casereport.c";
    t->rule_line = 0;
    t->confidence = 0.6;
    triple_make_id(t, doc_id);
    return t->effect.norm && t->predicate ? 0 : -1;
}

/* Whether out[end..] already holds this therapy's claim about condition c. */
static bool already(const thx_triples *out, size_t end, const case_item *it, const topic_item *c)
{
    for (size_t i = end; i < out->len; i++) {
        const thx_triple *t = &out->items[i];
        if (t->rule_id == RULE && t->therapy.norm && it->therapy.norm &&
            !strcasecmp(t->therapy.norm, it->therapy.norm) && t->condition.norm &&
            c->slot.norm && !strcasecmp(t->condition.norm, c->slot.norm))
            return true;
    }
    return false;
}

int case_apply(thx_triples *out, size_t first, const thx_doc *doc, join_infos *infos,
               const case_state *c, const topic_state *topics)
{
    if (!c->report || !c->len || !doc->title)
        return 0;
    size_t end = out->len;
    for (size_t k = 0; k < c->len; k++) {
        const case_item *it = &c->items[k];
        thx_triple probe = {.therapy = it->therapy};
        if (topic_in_title(topics, &it->therapy) ||
            topic_paired_or_harmful(out, first, end, &probe))
            continue;
        for (size_t i = 0; i < topics->len; i++) {
            const topic_item *ci = &topics->items[i];
            if (!reported(topics, i, doc->title) || already(out, end, it, ci))
                continue;
            if (VEC_PUSH_SLOT(out) || VEC_PUSH_SLOT(infos))
                return THX_ENOMEM;
            thx_triple *t = &out->items[out->len];
            if (build(t, it, ci, doc->id)) {
                thx_triple_clear(t);
                return THX_ENOMEM;
            }
            out->len++;
            infos->items[infos->len++] = (join_info){-1, ci->entry, true};
        }
    }
    return 0;
}
