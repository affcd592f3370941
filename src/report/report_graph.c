/*
 * The therapy-condition graph of the page: inline SVG, therapies in a column on the
 * left, conditions on the right, one curve per pair whose width grows with the pair's
 * abstracts and whose colour says whether its claims are mostly asserted, hedged or
 * negated. Only the best-supported therapies and conditions are drawn (GRAPH_NODES a
 * side, and of their pairs the GRAPH_EDGES with the most abstracts); each curve links
 * to its pair's claims, each node carries its name for the page's script (a click
 * filters the page by it).
 */
#include <stdlib.h>
#include <string.h>

#include "report_model.h"

#define GRAPH_NODES 30
#define GRAPH_EDGES 120
#define ROW 22
#define WIDTH 960
#define LEFT_X 330
#define RIGHT_X 630

/* The row of a group among the first GRAPH_NODES, or -1. */
static int row_of(const rp_group *groups, size_t n, const rp_slot *slot)
{
    for (size_t i = 0; i < n && i < GRAPH_NODES; i++)
        if (!strcmp(rp_name(groups[i].slot), rp_name(slot)))
            return (int)i;
    return -1;
}

/* One named dot; the conditions' groups are ordered by support. */
static int node(strbuf *b, const rp_group *grp, int row, bool left)
{
    int y = 20 + row * ROW;
    int rc = sb_printf(b, "<g class=\"node\" data-name=\"");
    rc = rc || rp_escape(b, rp_name(grp->slot));
    rc = rc || sb_printf(b, "\"><circle cx=\"%d\" cy=\"%d\" r=\"4\"/><text x=\"%d\" y=\"%d\" "
                            "text-anchor=\"%s\">",
                         left ? LEFT_X : RIGHT_X, y, left ? LEFT_X - 8 : RIGHT_X + 8, y + 4,
                         left ? "end" : "start");
    rc = rc || rp_escape(b, rp_name(grp->slot));
    rc = rc || sb_printf(b, " (%zu)</text><title>", grp->counts.docs);
    rc = rc || rp_escape(b, rp_name(grp->slot));
    rc = rc || sb_printf(b, ": %zu abstract%s</title></g>\n", grp->counts.docs,
                         grp->counts.docs == 1 ? "" : "s");
    return rc;
}

static const char *edge_class(const rp_counts *c)
{
    const size_t *k = c->kind_claims;
    if (k[RP_NEGATED] > k[RP_ASSERTED] && k[RP_NEGATED] >= k[RP_HEDGED])
        return "neg";
    if (k[RP_HEDGED] > k[RP_ASSERTED])
        return "hedge";
    return "pos";
}

typedef struct {
    const rp_pair *pair;
    int from, to; /* rows */
} edge;

/* Most abstracts first, then the pairs' order. */
static int cmp_edge(const void *pa, const void *pb)
{
    const edge *a = pa, *b = pb;
    if (a->pair->counts.docs != b->pair->counts.docs)
        return a->pair->counts.docs > b->pair->counts.docs ? -1 : 1;
    return a->pair->index < b->pair->index ? -1 : a->pair->index > b->pair->index;
}

static int curve(strbuf *b, const edge *e, size_t max_docs)
{
    const rp_pair *p = e->pair;
    int y1 = 20 + e->from * ROW, y2 = 20 + e->to * ROW;
    double w = 1 + 7.0 * (double)(p->counts.docs - 1) / (double)(max_docs > 1 ? max_docs - 1 : 1);
    int rc = sb_printf(b, "<a href=\"#p%zu\"><path class=\"edge %s\" stroke-width=\"%.1f\" "
                          "d=\"M%d %d C%d %d %d %d %d %d\"><title>",
                       p->index, edge_class(&p->counts), w, LEFT_X, y1, (LEFT_X + RIGHT_X) / 2,
                       y1, (LEFT_X + RIGHT_X) / 2, y2, RIGHT_X, y2);
    return rc || rp_escape(b, rp_name(p->therapy)) || sb_puts(b, " \xE2\x86\x92 ") ||
           rp_escape(b, rp_name(p->condition)) ||
           sb_printf(b, ": %zu abstract%s (%zu asserted, %zu hedged, %zu negated "
                        "claims)</title></path></a>\n",
                     p->counts.docs, p->counts.docs == 1 ? "" : "s",
                     p->counts.kind_claims[RP_ASSERTED], p->counts.kind_claims[RP_HEDGED],
                     p->counts.kind_claims[RP_NEGATED]);
}

int rp_graph_svg(strbuf *b, const rp_groups *g)
{
    size_t nt = 0, nc = g->nconditions < GRAPH_NODES ? g->nconditions : GRAPH_NODES;
    const rp_group *drawn[GRAPH_NODES]; /* therapies with a curve to a condition drawn */
    size_t nedges = 0;
    for (size_t i = 0; i < g->ntherapies && nt < GRAPH_NODES; i++)
        for (size_t j = 0; j < g->therapies[i].npairs; j++) {
            const rp_pair *p = g->therapies[i].pairs[j];
            if (p->condition && row_of(g->conditions, g->nconditions, p->condition) >= 0) {
                nedges += g->therapies[i].npairs;
                drawn[nt++] = &g->therapies[i];
                break;
            }
        }
    if (nc == 0)
        return sb_puts(b, "<p class=\"empty\">No claim names a condition: no graph.</p>\n");
    edge *edges = malloc((nedges + 1) * sizeof *edges);
    if (!edges)
        return -1;
    nedges = 0;
    for (size_t i = 0; i < nt; i++)
        for (size_t j = 0; j < drawn[i]->npairs; j++) {
            const rp_pair *p = drawn[i]->pairs[j];
            int to = p->condition ? row_of(g->conditions, g->nconditions, p->condition) : -1;
            if (to >= 0)
                edges[nedges++] = (edge){p, (int)i, to};
        }
    qsort(edges, nedges, sizeof *edges, cmp_edge);
    if (nedges > GRAPH_EDGES)
        nedges = GRAPH_EDGES;
    size_t rows = nt > nc ? nt : nc, max_docs = nedges ? edges[0].pair->counts.docs : 1;
    int rc = sb_printf(b, "<svg id=\"graph-svg\" xmlns=\"http://www.w3.org/2000/svg\" "
                          "viewBox=\"0 0 %d %zu\" width=\"%d\" height=\"%zu\" role=\"img\" "
                          "aria-label=\"therapy-condition graph\">\n",
                       WIDTH, rows * ROW + 20, WIDTH, rows * ROW + 20);
    /* the thinnest curves first, then the thicker ones over them, then the nodes */
    for (size_t i = nedges; i-- > 0 && !rc;)
        rc = curve(b, &edges[i], max_docs);
    free(edges);
    for (size_t i = 0; i < nt && !rc; i++)
        rc = node(b, drawn[i], (int)i, true);
    for (size_t i = 0; i < nc && !rc; i++)
        rc = node(b, &g->conditions[i], (int)i, false);
    return rc || sb_puts(b, "</svg>\n") ? -1 : 0;
}
