/*
 * The page of a report (report.h): a header with the counts and the filter box, the
 * graph, the claims by therapy (each therapy's pairs, each pair's claims as asserted,
 * hedged and negated lists, every evidence sentence marked), and the pairs by condition
 * (a table linking to the pairs' claims). The page is one file: the style sheet and the
 * script are inline (report_assets.c), and nothing is loaded from anywhere. Everything
 * that comes from the input goes through rp_escape.
 */
#include <stdlib.h>
#include <string.h>

#include "report_model.h"

/* Details are open when the page is small enough to read whole. */
#define OPEN_ALL_BELOW 2000
#define OPEN_FIRST 15

static const char *const kind_name[3] = {"asserted", "hedged", "negated"};

static bool all_digits(const char *s)
{
    if (!s || !*s || strlen(s) > 12)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

static int counts(strbuf *b, const rp_counts *c)
{
    return sb_printf(b, "<span class=\"counts\">%zu abstract%s: %zu asserted, %zu hedged, "
                        "%zu negated</span>",
                     c->docs, c->docs == 1 ? "" : "s", c->kind_docs[RP_ASSERTED],
                     c->kind_docs[RP_HEDGED], c->kind_docs[RP_NEGATED]);
}

/* The names a claim is found by, besides its text (data-k). */
static int claim_keys(strbuf *b, const rp_record *r)
{
    int rc = rp_escape(b, rp_name(&r->therapy)) || sb_puts(b, " | ") ||
             rp_escape(b, rp_name(&r->effect));
    if (!rc && r->condition.text)
        rc = sb_puts(b, " | ") || rp_escape(b, rp_name(&r->condition));
    return rc;
}

static int claim_source(strbuf *b, const rp_record *r)
{
    int rc = sb_puts(b, "<p class=\"src\">effect: ") || rp_escape(b, rp_name(&r->effect));
    if (!rc && r->negated)
        rc = sb_puts(b, "<span class=\"flag neg\">negated</span>");
    if (!rc && r->hedged)
        rc = sb_puts(b, "<span class=\"flag hedge\">hedged</span>");
    if (!rc && r->coref)
        rc = sb_puts(b, "<span class=\"flag other\">anaphor</span>");
    if (!rc && r->scope && !strcmp(r->scope, "document"))
        rc = sb_puts(b, "<span class=\"flag other\">joined in the abstract</span>");
    if (!rc)
        rc = sb_puts(b, " &middot; ");
    if (!rc && all_digits(r->pmid))
        rc = sb_printf(b, "<a href=\"https://pubmed.ncbi.nlm.nih.gov/%s/\" target=\"_blank\" "
                          "rel=\"noopener noreferrer\">PMID %s</a>",
                       r->pmid, r->pmid);
    else if (!rc)
        rc = rp_escape(b, r->doc_id);
    if (!rc && r->title && *r->title)
        rc = sb_puts(b, " &middot; <i>") || rp_escape(b, r->title) || sb_puts(b, "</i>");
    if (!rc && r->rule_id)
        rc = sb_puts(b, " &middot; rule ") || rp_escape(b, r->rule_id);
    if (!rc && r->confidence >= 0)
        rc = sb_printf(b, " &middot; confidence %.2f", r->confidence);
    return rc || sb_puts(b, "</p>");
}

static int claim(strbuf *b, const rp_record *r)
{
    int rc = sb_printf(b, "<li class=\"claim %s\" id=\"x", kind_name[rp_kind_of(r)]) ||
             rp_escape(b, r->id) || sb_puts(b, "\" data-k=\"") || claim_keys(b, r) ||
             sb_puts(b, "\"><p class=\"sent\">") || rp_mark_sentence(b, r, &r->sentence) ||
             sb_puts(b, "</p>");
    for (size_t i = 0; i < r->nevidence && !rc; i++) {
        const rp_sentence *e = &r->evidence[i];
        if (e->start == r->sentence.start && e->end == r->sentence.end &&
            !strcmp(e->section ? e->section : "", r->sentence.section ? r->sentence.section : ""))
            continue; /* the claim's own sentence is shown already */
        rc = sb_puts(b, "<p class=\"sent ev\">&hellip; ") || rp_mark_sentence(b, r, e) ||
             sb_puts(b, "</p>");
    }
    return rc || claim_source(b, r) || sb_puts(b, "</li>\n");
}

static int pair_title(strbuf *b, const rp_pair *p, bool link)
{
    int rc = 0;
    if (link)
        rc = sb_printf(b, "<a href=\"#p%zu\">", p->index);
    rc = rc || rp_escape(b, rp_name(p->therapy)) || sb_puts(b, " &rarr; ");
    if (!rc && p->condition)
        rc = rp_escape(b, rp_name(p->condition));
    else if (!rc)
        rc = sb_puts(b, "<i>effects, no condition</i>");
    return rc || (link && sb_puts(b, "</a>"));
}

static int pair(strbuf *b, const rp_pair *p)
{
    int rc = sb_printf(b, "<div class=\"group pair\" id=\"p%zu\"><h4>", p->index) ||
             pair_title(b, p, false) || sb_putc(b, ' ') || counts(b, &p->counts) ||
             sb_puts(b, "</h4>\n");
    for (int k = 0; k < 3 && !rc; k++) {
        if (!p->counts.kind_claims[k])
            continue;
        rc = sb_printf(b, "<div class=\"group cat\"><h5 class=\"k%d\">%c%s: %zu claim%s in %zu "
                          "abstract%s</h5><ol class=\"claims\">\n",
                       k, kind_name[k][0] - 32, kind_name[k] + 1, p->counts.kind_claims[k],
                       p->counts.kind_claims[k] == 1 ? "" : "s", p->counts.kind_docs[k],
                       p->counts.kind_docs[k] == 1 ? "" : "s");
        for (size_t i = 0; i < p->n && !rc; i++)
            if ((int)rp_kind_of(p->claims[i]) == k)
                rc = claim(b, p->claims[i]);
        rc = rc || sb_puts(b, "</ol></div>\n");
    }
    return rc || sb_puts(b, "</div>\n");
}

static int group_head(strbuf *b, const rp_group *grp, char letter, bool open)
{
    int rc = sb_printf(b, "<details class=\"group\" id=\"%c%zu\"%s><summary><b>", letter,
                       grp->index, open ? " open" : "") ||
             rp_escape(b, rp_name(grp->slot)) || sb_puts(b, "</b>");
    if (!rc && grp->slot->id)
        rc = sb_puts(b, "<span class=\"oid\">") || rp_escape(b, grp->slot->id) ||
             sb_puts(b, "</span>");
    return rc || counts(b, &grp->counts) || sb_puts(b, "</summary>\n");
}

/* The distinct effects of a pair's claims, in order of first use. */
static int effects(strbuf *b, const rp_pair *p)
{
    int rc = 0;
    for (size_t i = 0; i < p->n && !rc; i++) {
        const char *e = rp_name(&p->claims[i]->effect);
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = !strcmp(rp_name(&p->claims[j]->effect), e);
        if (!seen)
            rc = (i && sb_puts(b, ", ")) || rp_escape(b, e);
    }
    return rc;
}

static int condition_group(strbuf *b, const rp_group *grp, bool open)
{
    int rc = group_head(b, grp, 'c', open) ||
             sb_puts(b, "<table><thead><tr><th>therapy</th><th>effects</th><th>abstracts</th>"
                        "<th>asserted</th><th>hedged</th><th>negated</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < grp->npairs && !rc; i++) {
        const rp_pair *p = grp->pairs[i];
        const size_t *kd = p->counts.kind_docs;
        rc = sb_puts(b, "<tr class=\"row\" data-k=\"") || rp_escape(b, rp_name(p->therapy)) ||
             sb_puts(b, " | ") || rp_escape(b, rp_name(p->condition)) ||
             sb_printf(b, "\"><td><a href=\"#p%zu\">", p->index) ||
             rp_escape(b, rp_name(p->therapy)) || sb_puts(b, "</a></td><td>") || effects(b, p) ||
             sb_printf(b, "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td>"
                          "<td class=\"n\">%zu</td><td class=\"n\">%zu</td></tr>\n",
                       p->counts.docs, kd[RP_ASSERTED], kd[RP_HEDGED], kd[RP_NEGATED]);
    }
    return rc || sb_puts(b, "</tbody></table></details>\n");
}

static int head(strbuf *b, const rp_groups *g, const char *title)
{
    const rp_counts *c = &g->all;
    int rc = sb_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"generator\" content=\"therex " THEREX_VERSION "\">\n"
                        "<title>Therapy claims") ||
             (title && (sb_puts(b, ": ") || rp_escape(b, title))) ||
             sb_printf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n"
                          "<h1>Therapy claims</h1>\n<p class=\"meta\">",
                       rp_css) ||
             (title && (rp_escape(b, title) || sb_puts(b, ": "))) ||
             sb_printf(b, "%zu claim%s from %zu abstract%s; %zu therap%s, %zu condition%s; claims "
                          "%zu asserted, %zu hedged, %zu negated.</p>\n",
                       c->claims, c->claims == 1 ? "" : "s", c->docs, c->docs == 1 ? "" : "s",
                       g->ntherapies, g->ntherapies == 1 ? "y" : "ies", g->nconditions,
                       g->nconditions == 1 ? "" : "s", c->kind_claims[RP_ASSERTED],
                       c->kind_claims[RP_HEDGED], c->kind_claims[RP_NEGATED]) ||
             sb_puts(b, "<p><input id=\"filter\" type=\"search\" placeholder=\"Filter: therapy, "
                        "condition, effect, any words of the sentence\" aria-label=\"filter\" "
                        "autocomplete=\"off\"><span id=\"shown\"></span></p>\n"
                        "<nav><a href=\"#graph\">Graph</a><a href=\"#by-therapy\">By therapy</a>"
                        "<a href=\"#by-condition\">By condition</a><span class=\"legend\">"
                        "<mark class=\"t\">therapy</mark><mark class=\"e\">effect</mark>"
                        "<mark class=\"c\">condition</mark><mark class=\"neg\">negation</mark>"
                        "<mark class=\"hedge\">hedge</mark></span></nav>\n</header>\n");
    return rc;
}

char *report_html(const report_data *r, const char *title)
{
    rp_groups g;
    strbuf b;
    sb_init(&b);
    int rc = rp_group_report(r, &g) || head(&b, &g, title) ||
             sb_puts(&b, "<section id=\"graph\"><h2>Therapy&ndash;condition graph</h2>\n"
                         "<p class=\"meta\">The best-supported therapies (left) and conditions "
                         "(right), with the number of abstracts; a curve's width grows with its "
                         "abstracts, its colour is what most of its claims are (green asserted, "
                         "amber hedged, red negated). Click a name to filter by it, a curve to "
                         "see its claims.</p>\n") ||
             rp_graph_svg(&b, &g) || sb_puts(&b, "</section>\n<section id=\"by-therapy\">"
                                                 "<h2>By therapy</h2>\n");
    bool open_all = g.all.claims < OPEN_ALL_BELOW;
    for (size_t i = 0; i < g.ntherapies && !rc; i++) {
        const rp_group *t = &g.therapies[i];
        rc = group_head(&b, t, 't', open_all || i < OPEN_FIRST);
        for (size_t j = 0; j < t->npairs && !rc; j++)
            rc = pair(&b, t->pairs[j]);
        rc = rc || sb_puts(&b, "</details>\n");
    }
    rc = rc || sb_puts(&b, "</section>\n<section id=\"by-condition\"><h2>By condition</h2>\n");
    for (size_t i = 0; i < g.nconditions && !rc; i++)
        rc = condition_group(&b, &g.conditions[i], open_all || i < OPEN_FIRST);
    rc = rc || (g.all.claims == 0 && sb_puts(&b, "<p class=\"empty\">No claims.</p>\n")) ||
         sb_printf(&b, "</section>\n<script>\n%s</script>\n</body>\n</html>\n", rp_script);
    rp_groups_free(&g);
    if (rc) {
        sb_free(&b);
        return NULL;
    }
    return sb_take(&b);
}
