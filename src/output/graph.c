/*
 * The triples as a property graph in the CSV files of `neo4j-admin database import`
 * (docs/output.md "Graph"): Therapy, Condition and Effect nodes keyed by their
 * canonical name (norm), with the ontology id as a property; one CLAIM relationship a
 * triple, Therapy -> Condition, typed by the predicate (biolink:treats -> TREATS), or
 * Therapy -> Effect (HAS_EFFECT) for an effect-only triple. Nodes are written sorted by
 * name, relationships in input order, so the files are the same on every run.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "util/util.h"

enum { N_THERAPY, N_CONDITION, N_EFFECT, N_KINDS };

static const struct {
    const char *file, *label, *header;
} node_files[N_KINDS] = {
    {"therapies.csv", "Therapy", "name:ID(Therapy),ontologyId,:LABEL\n"},
    {"conditions.csv", "Condition", "name:ID(Condition),ontologyId,:LABEL\n"},
    {"effects.csv", "Effect", "name:ID(Effect),:LABEL\n"},
};

#define REL_PROPS "tripleId,effect,predicate,negated:boolean,hedged:boolean,confidence:float,docId,pmid,sentence\n"
#define CLAIMS_HEADER ":START_ID(Therapy),:END_ID(Condition),:TYPE," REL_PROPS
#define EFFECTS_HEADER ":START_ID(Therapy),:END_ID(Effect),:TYPE," REL_PROPS

typedef struct {
    char *name, *id;
} node;

struct thx_graph {
    struct {
        node *items;
        size_t len, cap;
    } nodes[N_KINDS];
    strbuf claims, effects; /* relationship rows */
    size_t nclaims, neffects;
    size_t nnodes;          /* after thx_graph_write's dedupe */
};

thx_graph *thx_graph_new(void)
{
    return calloc(1, sizeof(thx_graph));
}

void thx_graph_free(thx_graph *g)
{
    if (!g)
        return;
    for (int k = 0; k < N_KINDS; k++) {
        for (size_t i = 0; i < g->nodes[k].len; i++) {
            free(g->nodes[k].items[i].name);
            free(g->nodes[k].items[i].id);
        }
        free(g->nodes[k].items);
    }
    sb_free(&g->claims);
    sb_free(&g->effects);
    free(g);
}

static int add_node(thx_graph *g, int kind, const char *name, const char *id)
{
    if (VEC_PUSH_SLOT(&g->nodes[kind]))
        return THX_ENOMEM;
    node n = {xstrdup(name), id ? xstrdup(id) : NULL};
    if (!n.name || (id && !n.id)) {
        free(n.name);
        free(n.id);
        return THX_ENOMEM;
    }
    g->nodes[kind].items[g->nodes[kind].len++] = n;
    return 0;
}

/* A CSV field as neo4j-admin reads it: quoted when it holds a comma or a quote (quotes
 * doubled); line breaks become spaces, so that no --multiline-fields is needed. */
static int field(strbuf *b, const char *s, bool last)
{
    int rc = 0;
    bool quote = s && s[strcspn(s, ",\"")];
    if (quote)
        rc = sb_putc(b, '"');
    for (const char *p = s ? s : ""; *p && !rc; p++)
        rc = *p == '"' ? sb_puts(b, "\"\"")
                       : sb_putc(b, (*p == '\n' || *p == '\r') ? ' ' : *p);
    if (quote && !rc)
        rc = sb_putc(b, '"');
    return rc ? rc : sb_putc(b, last ? '\n' : ',');
}

/* biolink:treats -> TREATS */
static int rel_type(strbuf *b, const char *predicate)
{
    const char *colon = strchr(predicate, ':');
    const char *p = colon ? colon + 1 : predicate;
    int rc = 0;
    for (; *p && !rc; p++)
        rc = sb_putc(b, is_ascii_alnum((unsigned char)*p) ? (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p) : '_');
    return rc ? rc : sb_putc(b, ',');
}

int thx_graph_add(thx_graph *g, const thx_rec *r)
{
    const char *therapy = r->therapy.norm ? r->therapy.norm : r->therapy.text;
    const char *effect = r->effect.norm ? r->effect.norm : r->effect.text;
    if (!therapy || !effect)
        return 0; /* records always have both; nothing to link otherwise */
    bool to_condition = r->condition.text != NULL;
    const char *condition = to_condition ? (r->condition.norm ? r->condition.norm : r->condition.text) : NULL;
    int rc = add_node(g, N_THERAPY, therapy, r->therapy.id);
    if (!rc)
        rc = to_condition ? add_node(g, N_CONDITION, condition, r->condition.id)
                          : add_node(g, N_EFFECT, effect, NULL);
    strbuf *b = to_condition ? &g->claims : &g->effects;
    char conf[32];
    snprintf(conf, sizeof conf, "%.4g", r->confidence);
    if (!rc)
        rc = field(b, therapy, false);
    if (!rc)
        rc = field(b, to_condition ? condition : effect, false);
    if (!rc)
        rc = to_condition ? rel_type(b, r->predicate) : sb_puts(b, "HAS_EFFECT,");
    const char *props[] = {r->id, effect, r->predicate, r->negated ? "true" : "false",
                           r->hedged ? "true" : "false", conf, r->doc_id, r->pmid,
                           r->sentence.text};
    for (size_t i = 0; i < sizeof props / sizeof *props && !rc; i++)
        rc = field(b, props[i], i + 1 == sizeof props / sizeof *props);
    if (rc)
        return THX_ENOMEM;
    ++*(to_condition ? &g->nclaims : &g->neffects);
    return 0;
}

static int cmp_node(const void *a, const void *b)
{
    const node *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    if (c)
        return c;
    if (!x->id || !y->id) /* a node with an id first: its id is the one kept */
        return (x->id == NULL) - (y->id == NULL);
    return strcmp(x->id, y->id);
}

/* Writes dir/name from buf, through dir/name.tmp; 0 or errno. */
static int write_file(const char *dir, const char *name, const char *header, const strbuf *body,
                      char **err)
{
    strbuf path, tmp;
    sb_init(&path);
    sb_init(&tmp);
    int rc = 0;
    if (sb_printf(&path, "%s/%s", dir, name) || sb_printf(&tmp, "%s/%s.tmp", dir, name)) {
        rc = ENOMEM;
    } else {
        FILE *f = fopen(tmp.ptr, "w");
        if (!f ||
            fputs(header, f) == EOF || (body->len && fwrite(body->ptr, 1, body->len, f) != body->len))
            rc = errno ? errno : EIO;
        if (f && fclose(f) != 0 && !rc)
            rc = errno;
        if (!rc && rename(tmp.ptr, path.ptr) != 0)
            rc = errno;
        if (rc)
            remove(tmp.ptr);
    }
    if (rc) {
        strbuf m;
        sb_init(&m);
        sb_printf(&m, "cannot write '%s': %s", path.ptr ? path.ptr : name, strerror(rc));
        *err = sb_take(&m);
    }
    sb_free(&path);
    sb_free(&tmp);
    return rc ? THX_EIO : 0;
}

int thx_graph_write(thx_graph *g, const char *dir, char **err)
{
    *err = NULL;
    g->nnodes = 0;
    for (int k = 0; k < N_KINDS; k++) {
        qsort(g->nodes[k].items, g->nodes[k].len, sizeof(node), cmp_node);
        strbuf b;
        sb_init(&b);
        int rc = 0;
        for (size_t i = 0; i < g->nodes[k].len && !rc; i++) {
            const node *n = &g->nodes[k].items[i];
            if (i && !strcmp(n->name, g->nodes[k].items[i - 1].name))
                continue;
            g->nnodes++;
            rc = field(&b, n->name, false);
            if (!rc && k != N_EFFECT)
                rc = field(&b, n->id, false);
            if (!rc)
                rc = field(&b, node_files[k].label, true);
        }
        if (rc) {
            sb_free(&b);
            *err = xstrdup("out of memory");
            return THX_ENOMEM;
        }
        rc = write_file(dir, node_files[k].file, node_files[k].header, &b, err);
        sb_free(&b);
        if (rc)
            return rc;
    }
    int rc = write_file(dir, "claims.csv", CLAIMS_HEADER, &g->claims, err);
    return rc ? rc : write_file(dir, "has_effect.csv", EFFECTS_HEADER, &g->effects, err);
}

void thx_graph_counts(const thx_graph *g, size_t *nodes, size_t *rels)
{
    *nodes = g->nnodes;
    *rels = g->nclaims + g->neffects;
}
