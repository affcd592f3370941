/* The harm guard: see harm.h. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "harm.h"
#include "triple.h"

bool harm_predicate(const char *predicate)
{
    return predicate && (!strcmp(predicate, "biolink:causes") ||
                         !strcmp(predicate, "biolink:contributes_to"));
}

/* Two slots name the same thing: the same id where both have one, else the same
 * canonical name (ignoring case). */
static bool same_thing(const thx_slot *a, const thx_slot *b)
{
    if (a->id && b->id)
        return !strcmp(a->id, b->id);
    return a->norm && b->norm && !strcasecmp(a->norm, b->norm);
}

static bool is_harm(const thx_triple *t)
{
    return harm_predicate(t->predicate) && !t->negated && t->condition.text;
}

/* True when a harm triple of out->items[first..end) names t's pair. */
static bool harmed(const thx_triples *out, size_t first, size_t end, const thx_triple *t)
{
    if (!t->condition.text)
        return false;
    for (size_t i = first; i < end; i++) {
        const thx_triple *h = &out->items[i];
        if (is_harm(h) && same_thing(&h->therapy, &t->therapy) &&
            same_thing(&h->condition, &t->condition))
            return true;
    }
    return false;
}

int harm_filter(thx_triples *out, size_t first, join_infos *infos, bool keep_harms)
{
    size_t end = out->len, kept = first;
    bool any = false;
    for (size_t i = first; i < end && !any; i++)
        any = harm_predicate(out->items[i].predicate);
    if (!any)
        return 0;
    /* decide first, then compact: every decision reads the harm triples as found */
    bool *drop = calloc(end - first, sizeof *drop);
    if (!drop)
        return THX_ENOMEM;
    for (size_t i = first; i < end; i++) {
        const thx_triple *t = &out->items[i];
        drop[i - first] = harm_predicate(t->predicate) ? !keep_harms : harmed(out, first, end, t);
    }
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
    free(drop);
    return 0;
}
