/*
 * Extraction of one document: title and abstract are split into sentences, each
 * sentence is matched (match.c), conflicts and cues are settled (resolve.c), anaphors are
 * resolved (coref.c), and the winners become thx_triples with code-point offsets,
 * canonical names and stable ids.
 *
 * Ownership: triples own their strings; they borrow rule ids and file names from the
 * rule set, which must outlive them.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "background.h"
#include "basis.h"
#include "claims.h"
#include "classof.h"
#include "cohort.h"
#include "comparator.h"
#include "contra.h"
#include "complement.h"
#include "headnoun.h"
#include "coref.h"
#include "counselling.h"
#include "harm.h"
#include "harmuse.h"
#include "indication.h"
#include "joins.h"
#include "setting.h"
#include "members.h"
#include "aim.h"
#include "arms.h"
#include "feeding.h"
#include "compared.h"
#include "finding.h"
#include "population.h"
#include "target.h"
#include "probe.h"
#include "measured.h"
#include "role.h"
#include "modifier.h"
#include "specimen.h"
#include "threshold.h"
#include "topic.h"
#include "triple.h"
#include "zero.h"
#include "casereport.h"


/* ------------------------------------------------------------------ one sentence */


/* An open slot: the noun phrase as written, its lowercase form as the name; an
 * abbreviation defined after the phrase ("individual cognitive stimulation therapy
 * (iCST)", rule_slot.c) stays in the text and out of the name. */
static int fill_open(thx_slot *slot, const sent_ctx *sc, size_t a, size_t b, bool defined)
{
    if (sent_fill_span(slot, sc, a, b))
        return -1;
    size_t n = b - a;
    if (defined && n > 0 && sc->s[b - 1] == ')') {
        const char *open = NULL; /* the last '(': the defined abbreviation is the tail */
        for (const char *p = sc->s + b - 1; p > sc->s + a && !open; p--)
            if (p[-1] == '(')
                open = p - 1;
        if (open && open > sc->s + a) {
            n = (size_t)(open - (sc->s + a));
            while (n > 0 && (sc->s[a + n - 1] == ' ' || sc->s[a + n - 1] == '\t'))
                n--;
        }
    }
    slot->norm = lexicon_text_name(slot->text, n);
    return slot->norm ? 0 : -1;
}

/* Fills slot t of candidate c: a lexicon mention or an open span. */
static int fill_slot(thx_slot *slot, const sent_ctx *sc, const candidate *c, int t)
{
    if (c->mention[t] == MENTION_OPEN)
        return fill_open(slot, sc, c->span_start[t], c->span_end[t], t != SLOT_EFFECT);
    return sent_fill_mention(slot, sc, c->mention[t]);
}

/* The effect's canonical label: the rule's label with {effect} filled in by the effect
 * mention's name and {trigger} by the trigger's `labels` entry (else its text,
 * lowercase). */
static char *effect_label(const sent_ctx *sc, const candidate *c, const char *mention_norm)
{
    const char *label = c->label ? c->label : c->r->effect ? c->r->effect : "{effect}";
    strbuf b;
    sb_init(&b);
    for (const char *p = label; *p;) {
        if (!strncmp(p, "{effect}", 8)) {
            sb_puts(&b, mention_norm ? mention_norm : "");
            p += 8;
        } else if (!strncmp(p, "{trigger}", 9)) {
            const char *t = sc->s + c->trig_start;
            size_t tn = c->trig_end - c->trig_start;
            const char *named = rules_trigger_label(sc->rs, t, tn);
            if (named)
                sb_puts(&b, named);
            else
                for (size_t i = 0; i < tn; i++)
                    sb_putc(&b, (char)(t[i] >= 'A' && t[i] <= 'Z' ? t[i] + 32 : t[i]));
            p += 9;
        } else {
            sb_putc(&b, *p++);
        }
    }
    return sb_take(&b);
}

static int fill_effect(thx_triple *t, const sent_ctx *sc, const candidate *c)
{
    int mi = c->mention[SLOT_EFFECT];
    const char *mnorm = NULL;
    if (mi >= 0 || mi == MENTION_OPEN) {
        /* a mention, or an open outcome phrase ("reduced {effect:open}") */
        if (fill_slot(&t->effect, sc, c, SLOT_EFFECT))
            return -1;
        mnorm = t->effect.norm;
    } else if (sent_fill_span(&t->effect, sc, c->trig_start, c->trig_end)) {
        return -1;
    }
    char *label = effect_label(sc, c, mnorm);
    if (!label)
        return -1;
    free(t->effect.norm);
    t->effect.norm = label;
    return 0;
}

static const char *predicate_of(const sent_ctx *sc, const candidate *c)
{
    if (c->predicate)
        return c->predicate;
    /* an effect-only claim that took its subjects' condition (attach_population) */
    if (c->r->predicate && c->mention[SLOT_CONDITION] >= 0 &&
        !strcmp(c->r->predicate, "biolink:has_effect"))
        return "biolink:ameliorates_condition";
    if (c->r->predicate)
        return c->r->predicate;
    int mi = c->mention[SLOT_EFFECT];
    if (mi >= 0) {
        const lex_entry *e = &sc->rs->lex.entries[sc->m->tags.mentions.items[mi].entry];
        if (e->predicate)
            return e->predicate;
    }
    return c->mention[SLOT_CONDITION] >= 0 ? "biolink:treats" : "biolink:has_effect";
}

static int fill_cues(thx_triple *t, const sent_ctx *sc, const claim_flags *f)
{
    t->negated = f->negated;
    t->hedged = f->hedged;
    if (!f->ncues)
        return 0;
    t->cues = calloc(f->ncues, sizeof *t->cues);
    if (!t->cues)
        return -1;
    for (size_t i = 0; i < f->ncues; i++) {
        const cue_hit *h = &sc->m->tags.cues.items[f->cue[i]];
        const cue_def *d = &sc->rs->cues[h->cue];
        thx_cue *q = &t->cues[t->ncues++];
        q->kind = xstrdup(d->kind == CUE_NEGATION ? "negation" : "hedge");
        q->text = xstrndup(sc->s + h->start, h->end - h->start);
        q->start = sent_cp_at(sc, h->start);
        q->end = sent_cp_at(sc, h->end);
        if (!q->kind || !q->text)
            return -1;
    }
    return 0;
}

/* Gives triple t the effect label and predicate given. 0 or -1 (out of memory). */
static int relabel(thx_triple *t, const char *effect, const char *predicate)
{
    char *label = xstrdup(effect), *pred = xstrdup(predicate);
    if (!label || !pred) {
        free(label);
        free(pred);
        return -1;
    }
    free(t->effect.norm);
    free(t->predicate);
    t->effect.norm = label;
    t->predicate = pred;
    return 0;
}

/* Builds candidate c's triple into t; *cond_entry gets the condition's lexicon entry (its
 * antecedent's for an anaphor: the nth-th one a plural anaphor stands for), -1 when none. */
static int build_triple(thx_triple *t, const sent_ctx *sc, const candidate *c, size_t nth,
                        int *cond_entry)
{
    memset(t, 0, sizeof *t);
    t->sentence.sentence_index = sc->index;
    t->sentence.section = sc->section;
    t->sentence.start = sc->cp_base;
    t->sentence.end = sent_cp_at(sc, sc->n);
    t->sentence.text = xstrndup(sc->s, sc->n);
    int tm = c->mention[SLOT_THERAPY], cm = c->mention[SLOT_CONDITION];
    if (!t->sentence.text)
        return -1;
    int therapy_entry; /* the joins match therapies by name, not by entry */
    bool anaphor = coref_is_anaphor(sc, tm);
    if (anaphor && arms_rule(c->r)) {
        if (coref_fill_arm(t, &t->therapy, sc, &therapy_entry))
            return -1;
    } else if (anaphor) {
        if (coref_fill(t, &t->therapy, sc, tm, &therapy_entry))
            return -1;
    } else if (fill_slot(&t->therapy, sc, c, SLOT_THERAPY)) {
        return -1;
    }
    if (fill_effect(t, sc, c))
        return -1;
    *cond_entry = cm >= 0 ? sc->m->tags.mentions.items[cm].entry : -1;
    if (coref_is_anaphor(sc, cm)) {
        if (coref_fill_nth(t, &t->condition, sc, cm, nth, cond_entry))
            return -1;
    } else if (cm != -1 && fill_slot(&t->condition, sc, c, SLOT_CONDITION)) {
        return -1;
    }
    t->predicate = xstrdup(predicate_of(sc, c));
    if (!t->predicate)
        return -1;
    claim_flags f;
    claims_flags(sc->rs, &sc->m->tags, sc->s, sc->n, c, &f);
    f.negated = f.negated || c->negate;
    /* an objective or a question states what a study tests, not what it found: "To
     * determine whether X prevents Y" is X studied for Y (GUIDELINES: effect); so does a
     * trial's title that no finite verb states ("Prevention of breast cancer with
     * tamoxifen: preliminary findings from the Italian randomised trial") */
    bool study = f.objective || (f.design && sc->section == THX_SEC_TITLE &&
                                 !claims_stated(sc->s, sc->n, c));
    /* a title that names an aim is a study's, design subtitle or not ("Study on the
     * Treatment of Tuberous Sclerosis with Rapamycin Nanomicelles ...", "... granisetron
     * ... in the prevention of nausea and vomiting ...") */
    study = study || (sc->section == THX_SEC_TITLE && claims_aim(sc->s, sc->n, c));
    /* a trial's title split at its full stop: "Neck pain in chronic whiplash syndrome
     * treated with botulinum toxin. A double-blind, placebo-controlled clinical trial." */
    if (!study && sc->section == THX_SEC_TITLE && sc->doc->title) {
        const char *after = sc->s + sc->n, *end = sc->doc->title + strlen(sc->doc->title);
        study = after >= sc->doc->title && after < end &&
                claims_design_after(after, (size_t)(end - after)) &&
                !claims_stated(sc->s, sc->n, c);
    }
    if (fill_cues(t, sc, &f))
        return -1;
    /* a methods section describes the study: "METHODS: ... four children with
     * risperidone-induced hyperprolactinemia treated with cabergoline"; with no condition
     * named, what the study tests is still studied for, with no condition (GUIDELINES,
     * effect; the mline gold: "Can early second-look tympanoplasty reduce the rate of
     * conversion to modified radical mastoidectomy?" is tympanoplasty | studied for | -,
     * not "reduces conversion") */
    study = study || sc->methods || aim_opens(sc->s, sc->n);
    /* a study verb whose object is an effect: "we investigated the antiinflammatory
     * effects of PIO" (aim.h) */
    study = study || (sc->section == THX_SEC_ABSTRACT && aim_object(sc->s, sc->n, c->trig_start));
    /* a cohort's description ("... database included 1560 cases with Y treated with X") */
    study = study || (sc->section == THX_SEC_ABSTRACT &&
                      cohort_described(sc->s, c->trig_start, c->trig_end));
    /* what the sentence says the therapy is for (indication.h): an established use is no
     * aim and no study ("... rapamycin, that is approved for epilepsy treatment"), and a
     * condition named as what is prevented makes a treats claim prevents */
    const mention *mv = sc->m->tags.mentions.items;
    bool use = tm >= 0 && cm >= 0 &&
               (indication_use(sc->s, &mv[tm], &mv[cm]) ||
                indication_apposition(sc->s, &mv[tm], c->trig_start, c->trig_end));
    bool harm = harm_predicate(t->predicate);
    int rc = 0;
    if (study && !use && !harm && strcmp(t->effect.norm, "studied for"))
        rc = relabel(t, "studied for", "biolink:studied_to_treat");
    else if (!study && use && !harm && !strcmp(t->effect.norm, "studied for"))
        rc = relabel(t, "treats", "biolink:treats");
    if (rc == 0 && cm >= 0 && !harm && !strcmp(t->effect.norm, "treats") &&
        indication_prevention(sc->s, sc->n, &mv[cm]))
        rc = relabel(t, "prevents", "biolink:preventative_for_condition");
    if (rc)
        return -1;
    t->rule_id = c->r->id;
    t->rule_file = c->r->loc.file;
    t->rule_line = c->r->loc.line;
    /* the rule's measured precision (rules/calibration.rules), open slots or not: the
     * triples whose therapy or condition is a phrase no lexicon lists are no less often
     * right than the others (README "Confidence") */
    t->confidence = c->r->confidence;
    triple_make_id(t, sc->doc->id);
    return 0;
}

/* Adds the sentence's new abbreviations to the abstract's own terms. */
int learn_abbreviations(local_terms *local, const local_terms *learned)
{
    for (size_t i = 0; i < learned->len; i++) {
        bool seen = false;
        for (size_t k = 0; k < local->len && !seen; k++)
            seen = !strcmp(local->items[k].text, learned->items[i].text);
        if (seen)
            continue;
        if (VEC_PUSH_SLOT(local))
            return -1;
        char *text = xstrdup(learned->items[i].text);
        char *name = learned->items[i].name ? xstrdup(learned->items[i].name) : NULL;
        if (!text || (learned->items[i].name && !name)) {
            free(text);
            free(name);
            return -1;
        }
        local->items[local->len++] = (local_term){text, learned->items[i].entry, name,
                                                  learned->items[i].id};
    }
    return 0;
}

/* An effect-only claim whose sentence names its subjects' condition ("X improved quality
 * of life for patients with Y") is a claim about Y, unless another claim of the sentence
 * already pairs the same therapy with a condition. */
static int attach_population(const sent_ctx *sc)
{
    candidate_vec *cs = &sc->m->cands;
    int *took = NULL; /* the condition each candidate takes, -1 none; applied after the
                       * scan, so that only the rules' own pairs count as pairs */
    for (size_t i = 0; i < cs->len; i++) {
        candidate *c = &cs->items[i];
        int k = claims_population(sc->rs, &sc->m->tags, sc->s, sc->n, c);
        if (k < 0)
            continue;
        bool paired = false;
        for (size_t j = 0; j < cs->len && !paired; j++)
            paired = cs->items[j].mention[SLOT_THERAPY] == c->mention[SLOT_THERAPY] &&
                     cs->items[j].mention[SLOT_CONDITION] != -1;
        if (paired)
            continue;
        if (!took) {
            took = malloc(cs->len * sizeof *took);
            if (!took)
                return -1;
            for (size_t j = 0; j < cs->len; j++)
                took[j] = -1;
        }
        took[i] = k;
    }
    for (size_t i = 0; took && i < cs->len; i++)
        if (took[i] >= 0) {
            candidate *c = &cs->items[i];
            const mention *m = &sc->m->tags.mentions.items[took[i]];
            c->mention[SLOT_CONDITION] = took[i];
            c->span_start[SLOT_CONDITION] = m->start;
            c->span_end[SLOT_CONDITION] = m->end;
        }
    free(took);
    return 0;
}

static int extract_sentence(thx_triples *out, sent_ctx *sc, long only)
{
    if (match_sentence(sc->m, sc->rs, sc->s, sc->n, sc->local, only) ||
        learn_abbreviations(sc->local, &sc->m->learned))
        return THX_ENOMEM;
    if (attach_population(sc) || members_expand(sc->m, sc->s, sc->n))
        return THX_ENOMEM;
    specimen_drop(sc->m, sc->rs, sc->s, sc->n);
    modifier_drop(sc->m, sc->rs, sc->s, sc->n);
    contra_drop(sc->m, sc->s, sc->n);
    probe_drop(sc->m, sc->s, sc->n);
    measured_drop(sc->m, sc->s, sc->n);
    comparator_drop(sc->m, sc->s, sc->n);
    counselling_drop(sc->m, sc->s, sc->n);
    threshold_drop(sc->m, sc->s, sc->n);
    role_retarget(sc->m, sc->rs, sc->s, sc->n);
    background_retarget(sc->m, sc->rs, sc->s, sc->n);
    classof_drop(sc->m, sc->s, sc->n); /* after the retargets: they may name the subject */
    feeding_drop(sc->m, sc->rs, sc->s, sc->n);
    setting_drop(sc->m, sc->rs, sc->s, sc->n, sc->section == THX_SEC_ABSTRACT ? sc->topic : NULL);
    population_yield(sc->m, sc->rs, sc->s, sc->n);
    target_over_population(sc->m, sc->rs, sc->s, sc->n);
    finding_relabel(sc->m, sc->rs, sc->s, sc->n);
    finding_object(sc->m, sc->rs, sc->s, sc->n);
    compared_relabel(sc->m, sc->rs, sc->s, sc->n);
    arms_direction(sc->m, sc->s, sc->n);
    claims_resolve(&sc->m->cands, NULL);
    complement_extend(sc->m, sc->s, sc->n);
    headnoun_extend(sc->m, sc->s, sc->n);
    size_t mine = out->len;
    for (size_t i = 0; i < sc->m->cands.len; i++) {
        const candidate *c = &sc->m->cands.items[i];
        int tm = c->mention[SLOT_THERAPY], cm = c->mention[SLOT_CONDITION];
        if ((coref_is_anaphor(sc, tm) && !coref_resolvable(sc, tm)) ||
            (coref_is_anaphor(sc, cm) && !coref_resolvable(sc, cm)) ||
            (coref_is_anaphor(sc, tm) && arms_rule(c->r) && !coref_has_arm(sc)))
            continue; /* an anaphor with nothing to stand for (an arm: the title's one) */
        /* a plural condition anaphor gives one triple per condition it stands for */
        size_t n = coref_is_anaphor(sc, cm) ? coref_count(sc, cm) : 1;
        for (size_t k = 0; k < n; k++) {
            if (VEC_PUSH_SLOT(out) || VEC_PUSH_SLOT(sc->infos))
                return THX_ENOMEM;
            thx_triple *t = &out->items[out->len];
            int cond_entry;
            if (build_triple(t, sc, c, k, &cond_entry)) {
                thx_triple_clear(t);
                return THX_ENOMEM;
            }
            out->len++;
            if (sc->basis && basis_note_triple(sc->basis, sc, tm, t, out->len - 1))
                return THX_ENOMEM;
            sc->infos->items[sc->infos->len++] = (join_info){
                c->mention[SLOT_EFFECT] >= 0 ? sc->m->tags.mentions.items[c->mention[SLOT_EFFECT]].entry : -1,
                cond_entry, cm != -1};
        }
    }
    if (only < 0 && zero_continue(out, mine, sc)) /* a link across sentences: no rule's own */
        return THX_ENOMEM;
    if (sc->section == THX_SEC_TITLE && sc->topic &&
        (setting_note_title(sc->topic, sc->rs, sc->m, sc->s, sc->n) ||
         coref_note_title_arm(sc, &sc->topic->studied)))
        return THX_ENOMEM;
    if (coref_note_objective_arm(sc) || (sc->basis && basis_note_sentence(sc->basis, sc)))
        return THX_ENOMEM;
    return coref_note_sentence(sc) || topic_note_sentence(sc) ? THX_ENOMEM : 0;
}

/* ------------------------------------------------------------------ documents */

int extract_doc(thx_triples *out, const thx_ruleset *rs, const thx_doc *doc, match_ctx *m,
                long only, unsigned flags)
{
    const char *secs[2] = {doc->title ? doc->title : "", doc->abstract ? doc->abstract : ""};
    thx_sentences sents = {0};
    for (int k = 0; k < 2; k++)
        if (thx_split_sentences(&sents, secs[k], strlen(secs[k]), (thx_section)k)) {
            thx_sentences_free(&sents);
            return THX_ENOMEM;
        }
    int rc = 0;
    coref_state coref;
    coref_init(&coref);
    join_infos infos = {0};
    topic_state topics = {0};
    case_state cases = {0};
    basis_state basis = {0};
    local_terms local = {0};
    size_t cp = 0, byte = 0, first = out->len;
    thx_section cur = THX_SEC_TITLE;
    bool methods = false; /* the abstract's last section label was a methods one */
    m->limits.len = 0;
    m->lex_limits.len = 0;
    for (size_t i = 0; i < sents.len && rc == 0; i++) {
        const thx_sentence *st = &sents.items[i];
        if (st->section != cur) {
            cur = st->section;
            cp = byte = 0;
        }
        const char *sec = secs[st->section];
        cp += utf8_count(sec + byte, st->start - byte);
        byte = st->start;
        int label = claims_section_label(sec + st->start, st->end - st->start);
        if (st->section != THX_SEC_ABSTRACT)
            methods = false;
        else if (label >= 0)
            methods = label == 1;
        sent_ctx sc = {.rs = rs, .doc = doc, .s = sec + st->start, .n = st->end - st->start,
                       .cp_base = cp, .index = i, .section = st->section,
                       .methods = methods, .m = m,
                       .coref = &coref, .local = &local, .infos = &infos,
                       .topic = &topics, .basis = &basis};
        size_t limits = m->limits.len, lex_limits = m->lex_limits.len;
        rc = extract_sentence(out, &sc, only);
        if (rc == 0 && case_note_sentence(&cases, &sc))
            rc = THX_ENOMEM;
        for (size_t k = limits; k < m->limits.len; k++)
            m->limits.items[k].sentence = i;
        for (size_t k = lex_limits; k < m->lex_limits.len; k++)
            m->lex_limits.items[k].sentence = i;
    }
    /* before the title's joins: a base therapy's claim seeds none */
    if (rc == 0 && only < 0)
        rc = basis_filter(out, first, &infos, &basis);
    /* before the harm guard: it reads the harm triples, and guards the joined ones too */
    if (rc == 0 && only < 0)
        rc = topic_apply(out, first, rs, doc, &infos, &topics);
    /* before the harm guard, which drops the harm triples it reads */
    if (rc == 0 && only < 0)
        rc = harm_use_apply(out, first, doc);
    if (rc == 0 && only < 0)
        rc = case_apply(out, first, doc, &infos, &cases, &topics);
    if (rc == 0 && only < 0)
        rc = harm_filter(rs, out, first, &infos, flags & THX_EXTRACT_HARMS);
    if (rc == 0 && only < 0)
        rc = joins_apply(out, first, rs, doc, &infos);
    free(infos.items);
    topic_free(&topics);
    case_free(&cases);
    basis_free(&basis);
    local_terms_free(&local);
    coref_free(&coref);
    thx_sentences_free(&sents);
    return rc;
}
