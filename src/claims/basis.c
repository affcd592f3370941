/* The base therapy of a document: see basis.h. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "background.h"
#include "basis.h"
#include "harm.h"
#include "setting.h"
#include "words.h"

void basis_free(basis_state *b)
{
    str_vec_free(&b->base);
    str_vec_free(&b->title);
    str_vec_free(&b->objective);
    str_vec_free(&b->arms);
    free(b->title_text);
    free(b->framed);
    memset(b, 0, sizeof *b);
}

/* A word that ends the reading back: setting_function_word's, a parenthesis, a
 * conjunction ("pain after surgery and radiotherapy": the frame is the first one's) or a
 * group of the trial. */
static bool stop_word(const char *s, size_t ws, size_t we)
{
    static const char *const more[] = {"and", "or", "plus", "group", "groups", "arm", "arms",
                                       NULL};
    return s[ws] == '(' || setting_function_word(s, ws, we) || words_in(s, ws, we, more);
}

/* The word that starts at or after a mention's start reads "post-" ("post-mastectomy"). */
static bool post_prefix(const char *s, size_t start)
{
    return start >= 5 && !strncasecmp(s + start - 5, "post-", 5) &&
           (start == 5 || !words_char(s[start - 6]));
}

/* What all the people received: "All received", "all patients underwent", "all 46
 * patients had", word by word back from byte pos. */
static bool all_received(const char *s, size_t pos)
{
    static const char *const verbs[] = {"received", "had", "underwent", "undergone",
                                        "receive", "undergo", "given", NULL};
    static const char *const people[] = {"patients", "subjects", "women", "men", "children",
                                         "neonates", "infants", "participants", "newborns",
                                         "cases", "the", "were", "of", "them", "these",
                                         "both", "groups", NULL};
    size_t ws, we;
    if (!words_prev(s, pos, &ws, &we) || !words_in(s, ws, we, verbs))
        return false;
    pos = ws;
    for (int k = 0; k < 4 && words_prev(s, pos, &ws, &we); k++) {
        if (words_is(s, ws, we, "all"))
            return true;
        bool number = s[ws] >= '0' && s[ws] <= '9';
        if (!number && !words_in(s, ws, we, people))
            return false;
        pos = ws;
    }
    return false;
}

/* Whether the setting word at byte at gives what people are given, which is as often an
 * arm of the trial ("the children receiving antimalarial drugs had fewer episodes ...
 * than the children receiving the placebo") as their base. */
static bool receiving_word(const char *s, size_t n, size_t at)
{
    size_t we = at;
    while (we < n && words_char(s[we]))
        we++;
    return words_is(s, at, we, "receiving");
}

bool basis_frame(const char *s, size_t n, const mention_vec *mv, int tm)
{
    if (tm < 0 || (size_t)tm >= mv->len || mv->items[tm].type != SLOT_THERAPY ||
        setting_caused_by(s, n, mv, tm))
        return false;
    size_t at;
    if ((setting_of(s, mv, tm, &at, NULL) && !receiving_word(s, n, at)) ||
        post_prefix(s, mv->items[tm].start))
        return true;
    static const char *const words[] = {"during", "after", "following", "under", "requiring",
                                        "require", "requires", "required", NULL};
    static const char *const fillers[] = {"a", "an", "the", NULL};
    size_t pos = mv->items[tm].start, ws, we;
    for (int k = 0; k <= 3 && words_prev(s, pos, &ws, &we); k++) {
        if (words_in(s, ws, we, words) || all_received(s, pos))
            return true;
        if (setting_in_mention(mv, ws, we) || stop_word(s, ws, we))
            return false;
        if (words_in(s, ws, we, fillers))
            k--;
        pos = ws;
    }
    return all_received(s, pos);
}

/* "treated with T", "treated by T", "T-treated": at most three words of its name between. */
static bool treated_with(const char *s, size_t n, const mention_vec *mv, int tm)
{
    size_t e = mv->items[tm].end;
    if (e + 8 <= n && !strncasecmp(s + e, "-treated", 8))
        return true;
    size_t pos = mv->items[tm].start, ws, we;
    for (int k = 0; k <= 3 && words_prev(s, pos, &ws, &we); k++) {
        if ((words_is(s, ws, we, "with") || words_is(s, ws, we, "by")) &&
            words_before_is(s, ws, "treated"))
            return true;
        if (setting_in_mention(mv, ws, we) || stop_word(s, ws, we))
            return false;
        pos = ws;
    }
    return false;
}

/* Whether mention tm is named as what the people had, strongly (basis_frame) or as what
 * they were given ("receiving T", "treated with T"), which restates their setting too. */
static bool framed_as_had(const char *s, size_t n, const mention_vec *mv, int tm)
{
    size_t at;
    return basis_frame(s, n, mv, tm) || treated_with(s, n, mv, tm) ||
           setting_of(s, mv, tm, &at, NULL);
}

/* The words before therapy mention tm name it as an arm: people without it ("compared
 * to patients not undergoing surgery", "without insulin detemir"), or what they were
 * randomised to ("randomized to resistance training", "allocated to receive X"). */
static bool arm_before(const char *s, const mention_vec *mv, int tm)
{
    static const char *const given[] = {"undergoing", "receiving", "undergo", "receive",
                                        "undergone", "received", "a", "an", "the", NULL};
    static const char *const verbs[] = {"randomized", "randomised", "assigned", "allocated",
                                        "randomly", NULL};
    size_t pos = mv->items[tm].start, ws, we;
    for (int k = 0; k < 3 && words_prev(s, pos, &ws, &we); k++) {
        if (words_is(s, ws, we, "without"))
            return true;
        if (words_is(s, ws, we, "to")) {
            size_t ps, pe;
            return words_prev(s, ws, &ps, &pe) && words_in(s, ps, pe, verbs);
        }
        if (!words_in(s, ws, we, given) || setting_in_mention(mv, ws, we))
            return false;
        if (words_before_is(s, ws, "not"))
            return true;
        pos = ws;
    }
    return false;
}

/* Whether therapy mention tm is named as an arm of the trial: the other arm of a
 * comparison (background_comparator), or "T group", "T arm", or next to another therapy
 * across "or", "versus", "vs" ("tiotropium or salmeterol"). */
static bool arm_named(const char *s, size_t n, const mention_vec *mv, int tm)
{
    if (background_comparator(s, mv, tm) || arm_before(s, mv, tm))
        return true;
    static const char *const arms[] = {"group", "groups", "arm", "arms", "cohort", NULL};
    static const char *const joins[] = {"or", "versus", "vs", "vs.", NULL};
    size_t ws = mv->items[tm].end, we;
    while (ws < n && s[ws] == ' ')
        ws++;
    for (we = ws; we < n && words_char(s[we]); we++)
        ;
    if (we > ws && words_in(s, ws, we, arms))
        return true;
    if (we < n && s[we] == '.')
        we++; /* "vs." */
    for (size_t j = 0; we > ws && words_in(s, ws, we, joins) && j < mv->len; j++) {
        size_t k = we;
        while (k < n && s[k] == ' ')
            k++;
        if (mv->items[j].type == SLOT_THERAPY && mv->items[j].start == k)
            return true;
    }
    return false;
}

/* Whether the sentence states the study's objective (an objective cue). */
static bool objective_sentence(const sent_ctx *sc)
{
    const tag_result *tags = &sc->m->tags;
    for (size_t i = 0; i < tags->cues.len; i++)
        if (sc->rs->cues[tags->cues.items[i].cue].kind == CUE_OBJECTIVE)
            return true;
    return false;
}

/* The list of the study's own therapies a sentence adds to: the title's, the first
 * objective sentence's (an objective cue: "The objective of this study was to understand
 * the efficacy of honey ..."; not a later one of the methods, "Oral mucositis was
 * assessed using the RTOG (Radiation Therapy Oncology Group) grading system"), or none. */
static str_vec *own_list(basis_state *b, const sent_ctx *sc)
{
    if (sc->section == THX_SEC_TITLE)
        return &b->title;
    return !b->objective_read && objective_sentence(sc) ? &b->objective : NULL;
}

/* Pushes the name mention k gives in a triple (lexicon_mention_name) onto v. */
static int push_name(str_vec *v, const sent_ctx *sc, size_t k)
{
    char *name = lexicon_mention_name(&sc->rs->lex, &sc->m->tags.mentions.items[k], sc->s);
    int rc = name ? str_vec_push(v, name, strlen(name)) : -1;
    free(name);
    return rc;
}

int basis_note_sentence(basis_state *b, const sent_ctx *sc)
{
    const mention_vec *mv = &sc->m->tags.mentions;
    str_vec *own = own_list(b, sc);
    for (size_t k = 0; k < mv->len; k++) {
        const mention *me = &mv->items[k];
        int tm = (int)k;
        /* named as itself: no anaphor, no therapy folded into a combination */
        if (me->type != SLOT_THERAPY || sc->rs->lex.entries[me->entry].anaphor ||
            sc->m->mention_at[k] == SIZE_MAX)
            continue;
        if (arm_named(sc->s, sc->n, mv, tm) && push_name(&b->arms, sc, k))
            return -1;
        if (basis_frame(sc->s, sc->n, mv, tm)) {
            if (push_name(&b->base, sc, k))
                return -1;
        } else if (own && !framed_as_had(sc->s, sc->n, mv, tm) &&
                   !setting_caused_by(sc->s, sc->n, mv, tm) && push_name(own, sc, k)) {
            return -1;
        }
    }
    b->objective_read = b->objective_read || own == &b->objective;
    if (sc->section == THX_SEC_TITLE && !b->title_text &&
        !(b->title_text = xstrndup(sc->s, sc->n)))
        return -1;
    return 0;
}

int basis_note_triple(basis_state *b, const sent_ctx *sc, int tm, const thx_triple *t, size_t i)
{
    const mention_vec *mv = &sc->m->tags.mentions;
    bool had = tm >= 0 && framed_as_had(sc->s, sc->n, mv, tm);
    if (!had && t->therapy.norm && !t->coref && !harm_predicate(t->predicate)) {
        /* the study's own therapy, named by an open slot too ("Honey Mitigates ...") */
        str_vec *own = own_list(b, sc);
        if (own && str_vec_push(own, t->therapy.norm, strlen(t->therapy.norm)))
            return -1;
    }
    if (!had)
        return 0;
    if (b->nframed == b->cap) {
        size_t cap = b->cap ? 2 * b->cap : 8;
        size_t *p = realloc(b->framed, cap * sizeof *p);
        if (!p)
            return -1;
        b->framed = p;
        b->cap = cap;
    }
    b->framed[b->nframed++] = i;
    return 0;
}

static bool has(const str_vec *v, const char *name)
{
    for (size_t k = 0; name && k < v->len; k++)
        if (!strcasecmp(v->items[k], name))
            return true;
    return false;
}

/* A name of a kind of therapy, which names no other intervention than the base it may
 * be ("Is the advanced age a contraindication to GERD laparoscopic surgery?" of
 * "patients underwent total laparoscopic fundoplication for GERD"). */
static bool generic(const char *name)
{
    static const char *const names[] = {"surgery", "laparoscopy", "therapy", "treatment",
                                        "surgical procedures, operative", NULL};
    for (size_t k = 0; names[k]; k++)
        if (!strcasecmp(name, names[k]))
            return true;
    return false;
}

/* Whether the title or an objective sentence studies a therapy that is no base, named
 * as one (not a kind of therapy). */
static bool studies_another(const basis_state *b)
{
    const str_vec *lists[] = {&b->title, &b->objective};
    for (size_t l = 0; l < 2; l++)
        for (size_t k = 0; k < lists[l]->len; k++)
            if (!has(&b->base, lists[l]->items[k]) && !generic(lists[l]->items[k]))
                return true;
    return false;
}

/* Whether the title names therapy t in the words of the triple, where the lexicon may
 * not ("Gankyrin induces ... sorafenib resistance in hepatocellular carcinoma": "patients
 * undergoing sorafenib treatment for HCC" is its subject), and not as a base ("... after
 * mastectomy", "under Home Phototherapy": one of the two words before it says so). */
static bool title_words(const basis_state *b, const thx_triple *t)
{
    static const char *const base[] = {"during", "after", "following", "under", "undergoing",
                                       "receiving", "requiring", "post", "post-", NULL};
    const char *w = t->therapy.text, *title = b->title_text;
    size_t k = w ? strlen(w) : 0;
    if (!title || k < 3)
        return false;
    for (size_t p = 0; title[p]; p++) {
        if (strncasecmp(title + p, w, k) || (p && words_char(title[p - 1]) && title[p - 1] != '-') ||
            words_char(title[p + k]))
            continue;
        size_t pos = p, ws, we;
        bool framed = p && title[p - 1] == '-' && p >= 5 && !strncasecmp(title + p - 5, "post-", 5);
        for (int j = 0; j < 2 && !framed && words_prev(title, pos, &ws, &we); j++, pos = ws)
            framed = words_in(title, ws, we, base);
        if (!framed)
            return true;
    }
    return false;
}

static bool framed(const basis_state *b, size_t i)
{
    for (size_t k = 0; k < b->nframed; k++)
        if (b->framed[k] == i)
            return true;
    return false;
}

int basis_filter(thx_triples *out, size_t first, join_infos *infos, const basis_state *b)
{
    if (!b->base.len || !studies_another(b) || out->len == first)
        return 0;
    bool *drop = calloc(out->len - first, sizeof *drop);
    if (!drop)
        return THX_ENOMEM;
    for (size_t i = first; i < out->len; i++) {
        const thx_triple *t = &out->items[i];
        const char *name = t->therapy.norm;
        bool studied = t->predicate && !strcmp(t->predicate, "biolink:studied_to_treat");
        drop[i - first] = !t->doc_scope && has(&b->base, name) && !has(&b->title, name) &&
                          !has(&b->objective, name) && !has(&b->arms, name) &&
                          !title_words(b, t) && (studied || framed(b, i));
    }
    joins_drop(out, first, infos, drop);
    free(drop);
    return 0;
}
