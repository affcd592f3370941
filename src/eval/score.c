/*
 * `therex eval`'s scorer, a port of shared/eval/score.py (see score.h): reads the gold
 * and prediction JSON Lines files, places each sentence-scope prediction of an
 * annotated document on its best gold sentence (place()), then per gold sentence and
 * level keeps unique pairs, matches greedily one to one (match()), and tallies
 * precision, recall, flag accuracy, the FP/FN list and the per-rule table. Reading the
 * lines, words() and Python's formatting live in score_text.c. Owned by the evaluation
 * module; the caller owns the result. Nothing here prints or exits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "score.h"

#define NONE ((size_t)-1)

const char *const score_level_names[SCORE_NLEVELS] = {"pair", "effect", "triple"};

typedef struct {
    json_t *obj;      /* the gold line */
    char *key;        /* sentence_key(text) */
    score_wset words; /* the key's words */
    const json_t **preds; /* predictions placed here, in file order (owned by scorer) */
    size_t npreds, cap_preds;
} gold_sent;

typedef struct {
    char *id;      /* str(doc) */
    size_t *sents; /* indices into scorer.gold, in file order */
    size_t len, cap;
} gold_doc;

typedef struct {
    thx_diags *diags;
    gold_sent *gold;
    size_t ngold, cap_gold;
    gold_doc *docs; /* in order of first appearance, as score.py's dict */
    size_t ndocs, cap_docs;
    json_t **preds; /* the placed predictions */
    size_t npreds, cap_preds;
    score_result *res;
    size_t flags_ok[2]; /* negated, hedged */
    int rc;             /* the first failure */
} scorer;

static void fail(scorer *sc, int rc)
{
    if (rc && (!sc->rc || sc->rc == THX_EINPUT))
        sc->rc = rc;
}

/* ------------------------------------------------------------------ the gold file */

static gold_doc *find_doc(scorer *sc, const char *id)
{
    for (size_t i = 0; i < sc->ndocs; i++)
        if (!strcmp(sc->docs[i].id, id))
            return &sc->docs[i];
    return NULL;
}

static gold_doc *add_doc(scorer *sc, const json_t *docv)
{
    strbuf id;
    sb_init(&id);
    int rc = score_py_str(&id, docv);
    gold_doc *d = rc ? NULL : find_doc(sc, id.ptr);
    if (d || rc || VEC_PUSH_SLOT_N(sc->docs, sc->ndocs, sc->cap_docs)) {
        sb_free(&id);
        return d;
    }
    d = &sc->docs[sc->ndocs++];
    memset(d, 0, sizeof *d);
    d->id = sb_take(&id);
    return d;
}

/* What a gold line lacks ("doc", "text", "triples" of objects), or NULL. */
static const char *gold_lacks(const json_t *g)
{
    const json_t *ts = json_object_get(g, "triples");
    if (!json_object_get(g, "doc"))
        return "a \"doc\"";
    if (!json_is_string(json_object_get(g, "text")))
        return "a \"text\" string";
    if (!json_is_array(ts))
        return "a \"triples\" array";
    for (size_t i = 0; i < json_array_size(ts); i++)
        if (!json_is_object(json_array_get(ts, i)))
            return "triples that are all objects";
    return NULL;
}

static void add_gold(void *ctx, json_t *g, const char *path, int lineno)
{
    scorer *sc = ctx;
    const char *lacks = gold_lacks(g);
    if (lacks) {
        thx_diags_add(sc->diags, THX_SEV_ERROR, path, lineno, 1, NULL,
                      "a gold sentence needs %s", lacks);
        json_decref(g);
        fail(sc, THX_EINPUT);
        return;
    }
    gold_doc *d = add_doc(sc, json_object_get(g, "doc"));
    if (!d || VEC_PUSH_SLOT_N(sc->gold, sc->ngold, sc->cap_gold) ||
        VEC_PUSH_SLOT_N(d->sents, d->len, d->cap)) {
        json_decref(g);
        fail(sc, THX_ENOMEM);
        return;
    }
    gold_sent *s = &sc->gold[sc->ngold];
    memset(s, 0, sizeof *s);
    s->obj = g;
    s->key = score_words(json_string_value(json_object_get(g, "text")));
    d->sents[d->len++] = sc->ngold++;
    if (!s->key || score_wset_make(&s->words, s->key, false))
        fail(sc, THX_ENOMEM);
}

/* ------------------------------------------------------------------ predictions */

/* str(doc.id if doc is a dict else doc), with doc = p.get("doc") or {}. */
static char *pred_doc_id(const json_t *p)
{
    const json_t *doc = json_object_get(p, "doc");
    if (!score_truthy(doc) || json_is_object(doc))
        doc = json_object_get(doc, "id");
    strbuf b;
    sb_init(&b);
    if (score_py_str(&b, doc)) {
        sb_free(&b);
        return NULL;
    }
    return sb_take(&b);
}

/* The annotated sentence the prediction came from (place()), or NONE. */
static size_t place(scorer *sc, const json_t *p, const gold_doc *d)
{
    const json_t *sent = json_object_get(p, "sentence");
    const char *text = score_truthy(sent) ? json_string_value(json_object_get(sent, "text")) : NULL;
    char *key = score_words(text);
    score_wset pw = {0};
    size_t best = NONE;
    double best_score = 0.0;
    if (!key || score_wset_make(&pw, key, false))
        fail(sc, THX_ENOMEM);
    for (size_t i = 0; !sc->rc && i < d->len; i++) {
        const gold_sent *s = &sc->gold[d->sents[i]];
        if (!s->words.n || !pw.n)
            continue;
        size_t c = score_wset_common(&s->words, &pw);
        double score = (double)c / (double)(s->words.n + pw.n - c);
        if (strstr(key, s->key) || strstr(s->key, key))
            score = 1.0 + score;
        if (score > best_score) {
            best = d->sents[i];
            best_score = score;
        }
    }
    free(key);
    score_wset_free(&pw);
    return best_score >= 0.5 ? best : NONE;
}

static void add_pred(void *ctx, json_t *p, const char *path, int lineno)
{
    scorer *sc = ctx;
    (void)path, (void)lineno;
    const json_t *scope = json_object_get(p, "scope");
    char *id = NULL;
    if (!scope || (json_is_string(scope) && !strcmp(json_string_value(scope), "sentence")))
        id = pred_doc_id(p);
    gold_doc *d = id ? find_doc(sc, id) : NULL;
    size_t s = d && !sc->rc ? place(sc, p, d) : NONE;
    free(id);
    if (s == NONE) {
        json_decref(p);
        return;
    }
    gold_sent *g = &sc->gold[s];
    if (VEC_PUSH_SLOT_N(sc->preds, sc->npreds, sc->cap_preds) ||
        VEC_PUSH_SLOT_N(g->preds, g->npreds, g->cap_preds)) {
        json_decref(p);
        fail(sc, THX_ENOMEM);
        return;
    }
    sc->preds[sc->npreds++] = p;
    g->preds[g->npreds++] = p;
}

/* ------------------------------------------------------------------ matching */

static bool hit(scorer *sc, int kind, const json_t *p, const json_t *g)
{
    score_forms t = score_slot(p, "therapy"), e = score_slot(p, "effect"),
                c = score_slot(p, "condition");
    int ok = score_any_same(&t, score_gold_str(g, "therapy"), false);
    if (ok > 0 && kind == SCORE_PAIR)
        ok = score_any_same(&c, score_gold_str(g, "condition"), false);
    else if (ok > 0)
        ok = score_any_same(&e, score_gold_str(g, "effect"), true);
    if (ok > 0 && kind == SCORE_TRIPLE) {
        const json_t *gc = json_object_get(g, "condition");
        if (!gc || json_is_null(gc))
            ok = c.none;
        else
            ok = score_any_same(&c, json_string_value(gc), false);
    }
    if (ok < 0)
        fail(sc, THX_ENOMEM);
    return ok > 0;
}

/* (therapy words, condition words) of a gold triple or of a prediction's first forms. */
static char *pair_key(const json_t *t, bool gold)
{
    score_forms th = score_slot(t, "therapy"), co = score_slot(t, "condition");
    char *a = score_words(gold ? score_gold_str(t, "therapy") : th.n ? th.f[0] : "");
    char *b = score_words(gold ? score_gold_str(t, "condition") : co.n ? co.f[0] : "");
    strbuf k;
    sb_init(&k);
    int rc = !a || !b || sb_printf(&k, "%s|%s", a, b);
    free(a);
    free(b);
    if (rc) {
        sb_free(&k);
        return NULL;
    }
    return sb_take(&k);
}

/* unique(): keeps the first triple of each pair key, in place; returns the new count. */
static size_t unique(scorer *sc, const json_t **items, size_t n, bool gold)
{
    char **keys = calloc(n + 1, sizeof *keys);
    size_t out = 0;
    if (!keys) {
        fail(sc, THX_ENOMEM);
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        char *k = pair_key(items[i], gold);
        size_t j = 0;
        while (k && j < out && strcmp(keys[j], k))
            j++;
        if (!k)
            fail(sc, THX_ENOMEM);
        if (!k || j < out) {
            free(k);
            continue;
        }
        keys[out] = k;
        items[out++] = items[i];
    }
    for (size_t j = 0; j < out; j++)
        free(keys[j]);
    free(keys);
    return out;
}

/* The triples of one level on one sentence, and match()'s one-to-one pairing. */
typedef struct {
    const json_t **g, **p;
    size_t ng, np;
    size_t *gmatch; /* per gold triple: the index in p of its prediction, or NONE */
    bool *pused;
    size_t matched;
} level_run;

static void level_free(level_run *r)
{
    free(r->g);
    free(r->p);
    free(r->gmatch);
    free(r->pused);
}

static int level_setup(scorer *sc, level_run *r, int kind, const gold_sent *s)
{
    const json_t *ts = json_object_get(s->obj, "triples");
    size_t ng = json_array_size(ts);
    memset(r, 0, sizeof *r);
    r->g = calloc(ng + 1, sizeof *r->g);
    r->p = calloc(s->npreds + 1, sizeof *r->p);
    r->gmatch = calloc(ng + 1, sizeof *r->gmatch);
    r->pused = calloc(s->npreds + 1, sizeof *r->pused);
    if (!r->g || !r->p || !r->gmatch || !r->pused)
        return -1;
    for (size_t i = 0; i < ng; i++) {
        const json_t *g = json_array_get(ts, i);
        if (kind != SCORE_PAIR || score_truthy(json_object_get(g, "condition")))
            r->g[r->ng++] = g;
    }
    for (size_t i = 0; i < s->npreds; i++)
        if (kind != SCORE_PAIR || score_truthy(json_object_get(s->preds[i], "condition")))
            r->p[r->np++] = s->preds[i];
    if (kind == SCORE_PAIR) {
        r->ng = unique(sc, r->g, r->ng, true);
        r->np = unique(sc, r->p, r->np, false);
    }
    return 0;
}

static void match(scorer *sc, int kind, level_run *r)
{
    for (size_t gi = 0; gi < r->ng; gi++) {
        r->gmatch[gi] = NONE;
        for (size_t i = 0; i < r->np && !sc->rc; i++)
            if (!r->pused[i] && hit(sc, kind, r->p[i], r->g[gi])) {
                r->pused[i] = true;
                r->gmatch[gi] = i;
                r->matched++;
                break;
            }
    }
}

/* ------------------------------------------------------------------ the triple level */

static void tally_flags(scorer *sc, const level_run *r)
{
    static const char *const flags[2] = {"negated", "hedged"};
    for (size_t gi = 0; gi < r->ng; gi++) {
        if (r->gmatch[gi] == NONE)
            continue;
        sc->res->flags_compared++;
        for (int f = 0; f < 2; f++)
            sc->flags_ok[f] += score_truthy(json_object_get(r->p[r->gmatch[gi]], flags[f])) ==
                               score_truthy(json_object_get(r->g[gi], flags[f]));
    }
}

static void add_error(scorer *sc, bool fp, const json_t *t, const gold_sent *s)
{
    score_result *res = sc->res;
    if (VEC_PUSH_SLOT_N(res->errors, res->nerrors, res->cap_errors)) {
        fail(sc, THX_ENOMEM);
        return;
    }
    score_error *e = &res->errors[res->nerrors++];
    e->fp = fp;
    e->desc = fp ? score_fp_desc(t) : score_fn_desc(t);
    e->text = score_prefix(json_string_value(json_object_get(s->obj, "text")), 200);
    if (!e->desc || !e->text)
        fail(sc, THX_ENOMEM);
}

static void count_rule(scorer *sc, const json_t *p, bool correct)
{
    const char *id = json_string_value(json_object_get(json_object_get(p, "rule"), "id"));
    score_result *res = sc->res;
    size_t i = 0;
    id = id ? id : "-";
    while (i < res->nrules && strcmp(res->rules[i].rule, id))
        i++;
    if (i == res->nrules) {
        if (VEC_PUSH_SLOT_N(res->rules, res->nrules, res->cap_rules) ||
            !(res->rules[i].rule = xstrdup(id))) {
            fail(sc, THX_ENOMEM);
            return;
        }
        res->rules[i].hits = res->rules[i].correct = 0;
        res->nrules++;
    }
    res->rules[i].hits++;
    res->rules[i].correct += correct;
}

static void score_sentence(scorer *sc, const gold_sent *s)
{
    for (int kind = 0; kind < SCORE_NLEVELS && !sc->rc; kind++) {
        level_run r;
        if (level_setup(sc, &r, kind, s)) {
            level_free(&r);
            fail(sc, THX_ENOMEM);
            return;
        }
        match(sc, kind, &r);
        score_level *l = &sc->res->level[kind];
        l->gold += r.ng;
        l->predicted += r.np;
        l->matched += r.matched;
        if (kind == SCORE_TRIPLE) {
            tally_flags(sc, &r);
            for (size_t i = 0; i < r.np; i++)
                if (!r.pused[i])
                    add_error(sc, true, r.p[i], s);
            for (size_t gi = 0; gi < r.ng; gi++)
                if (r.gmatch[gi] == NONE)
                    add_error(sc, false, r.g[gi], s);
            for (size_t i = 0; i < r.np; i++)
                count_rule(sc, r.p[i], r.pused[i]);
        }
        level_free(&r);
    }
}

/* ------------------------------------------------------------------ the result */

/* Python's round(x, 3): the double nearest the correctly rounded decimal. */
double score_round3(double x)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.3f", x);
    return strtod(buf, NULL);
}

static int cmp_rule(const void *a, const void *b)
{
    return strcmp(((const score_rule *)a)->rule, ((const score_rule *)b)->rule);
}

static void finish(scorer *sc)
{
    score_result *res = sc->res;
    for (int k = 0; k < SCORE_NLEVELS; k++) {
        score_level *l = &res->level[k];
        double p = l->predicted ? (double)l->matched / (double)l->predicted : 0.0;
        double r = l->gold ? (double)l->matched / (double)l->gold : 0.0;
        double f = p + r != 0.0 ? 2 * p * r / (p + r) : 0.0;
        l->precision = score_round3(p);
        l->recall = score_round3(r);
        l->f1 = score_round3(f);
    }
    size_t n = res->flags_compared;
    res->negated_accuracy = n ? score_round3((double)sc->flags_ok[0] / (double)n) : 0.0;
    res->hedged_accuracy = n ? score_round3((double)sc->flags_ok[1] / (double)n) : 0.0;
    res->sentences = sc->ngold;
    if (res->nrules)
        qsort(res->rules, res->nrules, sizeof *res->rules, cmp_rule);
}

static void scorer_free(scorer *sc)
{
    for (size_t i = 0; i < sc->ngold; i++) {
        json_decref(sc->gold[i].obj);
        free(sc->gold[i].key);
        score_wset_free(&sc->gold[i].words);
        free(sc->gold[i].preds);
    }
    for (size_t i = 0; i < sc->ndocs; i++) {
        free(sc->docs[i].id);
        free(sc->docs[i].sents);
    }
    for (size_t i = 0; i < sc->npreds; i++)
        json_decref(sc->preds[i]);
    free(sc->gold);
    free(sc->docs);
    free(sc->preds);
}

void score_result_free(score_result *r)
{
    for (size_t i = 0; i < r->nerrors; i++) {
        free(r->errors[i].desc);
        free(r->errors[i].text);
    }
    for (size_t i = 0; i < r->nrules; i++)
        free(r->rules[i].rule);
    free(r->errors);
    free(r->rules);
    memset(r, 0, sizeof *r);
}

int score_files(score_result *out, const char *gold_path, const char *pred_path,
                thx_diags *diags)
{
    scorer sc;
    memset(&sc, 0, sizeof sc);
    memset(out, 0, sizeof *out);
    sc.diags = diags;
    sc.res = out;
    fail(&sc, score_read_jsonl(gold_path, diags, add_gold, &sc));
    if (sc.rc != THX_ENOMEM)
        fail(&sc, score_read_jsonl(pred_path, diags, add_pred, &sc));
    for (size_t d = 0; d < sc.ndocs && !sc.rc; d++)
        for (size_t i = 0; i < sc.docs[d].len; i++)
            score_sentence(&sc, &sc.gold[sc.docs[d].sents[i]]);
    if (!sc.rc)
        finish(&sc);
    else
        score_result_free(out);
    scorer_free(&sc);
    return sc.rc;
}
