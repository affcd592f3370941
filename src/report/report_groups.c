/*
 * The grouping of a report (report_model.h): claims by therapy-condition pair, pairs by
 * therapy and by condition, with the distinct abstracts (doc.id) of each counted in all
 * and by kind (asserted, hedged, negated). The most-supported therapies, conditions and
 * pairs come first (most abstracts, then by name); claims keep their input order.
 */
#include <stdlib.h>
#include <string.h>

#include "report_model.h"

static int cmp_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

/* By therapy, then condition (none first), then input order. */
static int cmp_record(const void *pa, const void *pb)
{
    const rp_record *a = *(rp_record *const *)pa, *b = *(rp_record *const *)pb;
    int c = strcmp(rp_name(&a->therapy), rp_name(&b->therapy));
    if (c)
        return c;
    if (!a->condition.text != !b->condition.text)
        return a->condition.text ? 1 : -1;
    if (a->condition.text && (c = strcmp(rp_name(&a->condition), rp_name(&b->condition))))
        return c;
    return a->order < b->order ? -1 : a->order > b->order;
}

static bool same_pair(const rp_record *a, const rp_record *b)
{
    return !strcmp(rp_name(&a->therapy), rp_name(&b->therapy)) &&
           !a->condition.text == !b->condition.text &&
           (!a->condition.text || !strcmp(rp_name(&a->condition), rp_name(&b->condition)));
}

typedef struct {
    const char *doc;
    rp_kind kind;
} doc_kind;

static int cmp_doc_kind(const void *pa, const void *pb)
{
    const doc_kind *a = pa, *b = pb;
    int c = strcmp(a->doc, b->doc);
    return c ? c : (int)a->kind - (int)b->kind;
}

int rp_count(rp_record *const *recs, size_t n, rp_counts *c)
{
    memset(c, 0, sizeof *c);
    if (!n)
        return 0;
    doc_kind *dk = malloc(n * sizeof *dk);
    if (!dk)
        return -1;
    for (size_t i = 0; i < n; i++) {
        dk[i].doc = recs[i]->doc_id;
        dk[i].kind = rp_kind_of(recs[i]);
        c->kind_claims[dk[i].kind]++;
    }
    c->claims = n;
    qsort(dk, n, sizeof *dk, cmp_doc_kind);
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || strcmp(dk[i].doc, dk[i - 1].doc))
            c->docs++;
        if (i == 0 || strcmp(dk[i].doc, dk[i - 1].doc) || dk[i].kind != dk[i - 1].kind)
            c->kind_docs[dk[i].kind]++;
    }
    free(dk);
    return 0;
}

size_t report_documents(const report_data *r)
{
    rp_record **all = malloc((r->len + 1) * sizeof *all);
    rp_counts c = {0, {0, 0, 0}, 0, {0, 0, 0}};
    for (size_t i = 0; all && i < r->len; i++)
        all[i] = &r->items[i];
    if (all)
        rp_count(all, r->len, &c);
    free(all);
    return c.docs;
}

/* Most abstracts first, then most claims, then by name. */
static int cmp_support(const rp_counts *a, const rp_counts *b, const char *na, const char *nb)
{
    if (a->docs != b->docs)
        return a->docs > b->docs ? -1 : 1;
    if (a->claims != b->claims)
        return a->claims > b->claims ? -1 : 1;
    return cmp_str(na, nb);
}

static int cmp_pair_in_therapy(const void *pa, const void *pb)
{
    const rp_pair *a = *(rp_pair *const *)pa, *b = *(rp_pair *const *)pb;
    if (!a->condition != !b->condition) /* effect-only claims last */
        return a->condition ? -1 : 1;
    return cmp_support(&a->counts, &b->counts, a->condition ? rp_name(a->condition) : "",
                       b->condition ? rp_name(b->condition) : "");
}

static int cmp_pair_by_condition(const void *pa, const void *pb)
{
    const rp_pair *a = *(rp_pair *const *)pa, *b = *(rp_pair *const *)pb;
    int c = strcmp(rp_name(a->condition), rp_name(b->condition));
    return c ? c : cmp_support(&a->counts, &b->counts, rp_name(a->therapy), rp_name(b->therapy));
}

static int cmp_group(const void *pa, const void *pb)
{
    const rp_group *a = pa, *b = pb;
    return cmp_support(&a->counts, &b->counts, rp_name(a->slot), rp_name(b->slot));
}

/* The distinct abstracts of a group's pairs. */
static int count_group(rp_group *grp)
{
    size_t n = 0;
    for (size_t i = 0; i < grp->npairs; i++)
        n += grp->pairs[i]->n;
    rp_record **recs = malloc((n + 1) * sizeof *recs);
    if (!recs)
        return -1;
    n = 0;
    for (size_t i = 0; i < grp->npairs; i++)
        for (size_t j = 0; j < grp->pairs[i]->n; j++)
            recs[n++] = grp->pairs[i]->claims[j];
    int rc = rp_count(recs, n, &grp->counts);
    free(recs);
    return rc;
}

/* Runs of pairs[] with the same therapy (or condition) as groups. */
static int make_groups(rp_pair **pairs, size_t n, bool by_condition, rp_group **out,
                       size_t *nout)
{
    *out = calloc(n + 1, sizeof **out);
    *nout = 0;
    if (!*out)
        return -1;
    for (size_t i = 0; i < n;) {
        const rp_slot *key = by_condition ? pairs[i]->condition : pairs[i]->therapy;
        size_t j = i + 1;
        while (j < n && !strcmp(rp_name(by_condition ? pairs[j]->condition : pairs[j]->therapy),
                                rp_name(key)))
            j++;
        rp_group *grp = &(*out)[(*nout)++];
        grp->slot = key;
        grp->pairs = pairs + i;
        grp->npairs = j - i;
        if (!by_condition)
            qsort(grp->pairs, grp->npairs, sizeof *grp->pairs, cmp_pair_in_therapy);
        if (count_group(grp))
            return -1;
        i = j;
    }
    qsort(*out, *nout, sizeof **out, cmp_group);
    for (size_t i = 0; i < *nout; i++)
        (*out)[i].index = i;
    return 0;
}

int rp_group_report(const report_data *r, rp_groups *g)
{
    memset(g, 0, sizeof *g);
    size_t n = r->len;
    g->sorted = malloc((n + 1) * sizeof *g->sorted);
    g->pairs = calloc(n + 1, sizeof *g->pairs);
    g->pair_refs = malloc(2 * (n + 1) * sizeof *g->pair_refs);
    if (!g->sorted || !g->pairs || !g->pair_refs)
        return -1;
    for (size_t i = 0; i < n; i++)
        g->sorted[i] = &r->items[i];
    if (rp_count(g->sorted, n, &g->all))
        return -1;
    qsort(g->sorted, n, sizeof *g->sorted, cmp_record);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && same_pair(g->sorted[i], g->sorted[j]))
            j++;
        rp_pair *p = &g->pairs[g->npairs];
        p->therapy = &g->sorted[i]->therapy;
        p->condition = g->sorted[i]->condition.text ? &g->sorted[i]->condition : NULL;
        p->claims = g->sorted + i;
        p->n = j - i;
        p->index = g->npairs++;
        if (rp_count(p->claims, p->n, &p->counts))
            return -1;
        i = j;
    }
    /* by therapy: the pairs are in therapy order already */
    rp_pair **by_t = g->pair_refs, **by_c = g->pair_refs + n + 1;
    size_t nc = 0;
    for (size_t i = 0; i < g->npairs; i++) {
        by_t[i] = &g->pairs[i];
        if (g->pairs[i].condition)
            by_c[nc++] = &g->pairs[i];
    }
    qsort(by_c, nc, sizeof *by_c, cmp_pair_by_condition);
    if (make_groups(by_t, g->npairs, false, &g->therapies, &g->ntherapies) ||
        make_groups(by_c, nc, true, &g->conditions, &g->nconditions))
        return -1;
    return 0;
}

void rp_groups_free(rp_groups *g)
{
    free(g->sorted);
    free(g->pairs);
    free(g->pair_refs);
    free(g->therapies);
    free(g->conditions);
    memset(g, 0, sizeof *g);
}
