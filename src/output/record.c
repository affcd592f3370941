/*
 * A triple record (schema therex.triple/1, docs/output.md) read back from its JSON line,
 * for the sinks that take records apart: rows, the graph, the database tables. Every
 * key the sinks use is checked for its type; a record that lacks one is reported at
 * path:line:col and not used.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "util/util.h"

typedef struct {
    const char *path;
    int lineno;
    thx_diags *diags;
    const char *bad; /* the first key missing or of the wrong type */
} ctx;

static json_t *member(ctx *c, json_t *o, const char *key, const char *where)
{
    json_t *v = json_object_get(o, key);
    if (!v && !c->bad)
        c->bad = where;
    return v;
}

/* A string, or NULL for null (allowed when nullable). */
static const char *str_at(ctx *c, json_t *o, const char *key, const char *where, bool nullable)
{
    json_t *v = member(c, o, key, where);
    if (v && json_is_string(v))
        return json_string_value(v);
    if (!(v && nullable && json_is_null(v)) && !c->bad)
        c->bad = where;
    return NULL;
}

static long long int_at(ctx *c, json_t *o, const char *key, const char *where)
{
    json_t *v = member(c, o, key, where);
    if (v && json_is_integer(v))
        return (long long)json_integer_value(v);
    if (!c->bad)
        c->bad = where;
    return 0;
}

static bool bool_at(ctx *c, json_t *o, const char *key, const char *where)
{
    json_t *v = member(c, o, key, where);
    if (v && json_is_boolean(v))
        return json_is_true(v);
    if (!c->bad)
        c->bad = where;
    return false;
}

static json_t *obj_at(ctx *c, json_t *o, const char *key, const char *where, bool nullable)
{
    json_t *v = member(c, o, key, where);
    if (v && json_is_object(v))
        return v;
    if (!(v && nullable && json_is_null(v)) && !c->bad)
        c->bad = where;
    return NULL;
}

static void sentence_of(ctx *c, json_t *o, thx_rec_sentence *s, const char *where)
{
    if (!o)
        return;
    s->index = int_at(c, o, "index", where);
    s->section = str_at(c, o, "section", where, false);
    s->start = int_at(c, o, "start", where);
    s->end = int_at(c, o, "end", where);
    s->text = str_at(c, o, "text", where, false);
}

static void slot_of(ctx *c, json_t *o, thx_rec_slot *s, const char *where)
{
    if (!o)
        return;
    s->text = str_at(c, o, "text", where, false);
    s->norm = str_at(c, o, "norm", where, true);
    json_t *id = json_object_get(o, "id");
    s->id = id && json_is_string(id) ? json_string_value(id) : NULL;
    s->start = int_at(c, o, "start", where);
    s->end = int_at(c, o, "end", where);
}

static int fill(ctx *c, json_t *o, thx_rec *r)
{
    r->id = str_at(c, o, "id", "\"id\"", false);
    json_t *doc = obj_at(c, o, "doc", "\"doc\"", false);
    if (doc) {
        r->doc_id = str_at(c, doc, "id", "\"doc.id\"", false);
        r->pmid = str_at(c, doc, "pmid", "\"doc.pmid\"", true);
        r->doi = str_at(c, doc, "doi", "\"doc.doi\"", true);
        r->title = str_at(c, doc, "title", "\"doc.title\"", true);
        r->source = str_at(c, doc, "source", "\"doc.source\"", true);
    }
    sentence_of(c, obj_at(c, o, "sentence", "\"sentence\"", false), &r->sentence, "\"sentence\"");
    slot_of(c, obj_at(c, o, "therapy", "\"therapy\"", false), &r->therapy, "\"therapy\"");
    slot_of(c, obj_at(c, o, "effect", "\"effect\"", false), &r->effect, "\"effect\"");
    slot_of(c, obj_at(c, o, "condition", "\"condition\"", true), &r->condition, "\"condition\"");
    r->predicate = str_at(c, o, "predicate", "\"predicate\"", false);
    r->negated = bool_at(c, o, "negated", "\"negated\"");
    r->hedged = bool_at(c, o, "hedged", "\"hedged\"");
    r->coref = bool_at(c, o, "coref", "\"coref\"");
    r->scope = str_at(c, o, "scope", "\"scope\"", false);
    json_t *rule = obj_at(c, o, "rule", "\"rule\"", false);
    if (rule) {
        r->rule_id = str_at(c, rule, "id", "\"rule.id\"", false);
        r->rule_file = str_at(c, rule, "file", "\"rule.file\"", false);
        r->rule_line = int_at(c, rule, "line", "\"rule.line\"");
    }
    json_t *conf = member(c, o, "confidence", "\"confidence\"");
    if (conf && json_is_number(conf))
        r->confidence = json_number_value(conf);
    else if (!c->bad)
        c->bad = "\"confidence\"";
    json_t *cues = member(c, o, "cues", "\"cues\""), *ev = member(c, o, "evidence", "\"evidence\"");
    if (!json_is_array(cues) || !json_is_array(ev)) {
        if (!c->bad)
            c->bad = json_is_array(cues) ? "\"evidence\"" : "\"cues\"";
        return 0;
    }
    r->ncues = json_array_size(cues);
    r->nevidence = json_array_size(ev);
    r->cues = calloc(r->ncues + 1, sizeof *r->cues);
    r->evidence = calloc(r->nevidence + 1, sizeof *r->evidence);
    if (!r->cues || !r->evidence)
        return THX_ENOMEM;
    for (size_t i = 0; i < r->ncues; i++) {
        json_t *q = json_array_get(cues, i);
        if (!json_is_object(q)) {
            if (!c->bad)
                c->bad = "\"cues\"";
            continue;
        }
        r->cues[i].kind = str_at(c, q, "kind", "\"cues\"", false);
        r->cues[i].text = str_at(c, q, "text", "\"cues\"", false);
        r->cues[i].start = int_at(c, q, "start", "\"cues\"");
        r->cues[i].end = int_at(c, q, "end", "\"cues\"");
    }
    for (size_t i = 0; i < r->nevidence; i++) {
        json_t *e = json_array_get(ev, i);
        if (!json_is_object(e) && !c->bad)
            c->bad = "\"evidence\"";
        sentence_of(c, json_is_object(e) ? e : NULL, &r->evidence[i], "\"evidence\"");
    }
    return 0;
}

int thx_rec_parse(thx_rec *r, const char *line, size_t len, const char *path, int lineno,
                  thx_diags *diags)
{
    memset(r, 0, sizeof *r);
    json_error_t err;
    json_t *o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &err);
    if (!o) {
        thx_diags_add(diags, THX_SEV_ERROR, path, lineno, err.column > 0 ? err.column : 1,
                      NULL, "invalid JSON: %s", err.text);
        return THX_EINPUT;
    }
    r->json_ = o;
    ctx c = {path, lineno, diags, NULL};
    int rc = fill(&c, o, r);
    if (rc == 0 && c.bad) {
        thx_diags_add(diags, THX_SEV_ERROR, path, lineno, 1, NULL,
                      "not a therex triple record: %s is missing or of the wrong type", c.bad);
        rc = THX_EINPUT;
    }
    if (rc)
        thx_rec_free(r);
    return rc;
}

void thx_rec_free(thx_rec *r)
{
    free(r->cues);
    free(r->evidence);
    json_decref((json_t *)r->json_);
    memset(r, 0, sizeof *r);
}
