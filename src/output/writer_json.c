/*
 * The triple record (docs/output.md, schema therex.triple/1) as JSON, keys in the
 * schema's fixed order, through jansson. Callers write one object a line (JSON Lines)
 * or wrap them in an array.
 */
#include <jansson.h>
#include <stdlib.h>

#include "therex.h"

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *evidence_json(const thx_evidence *e)
{
    json_t *o = json_object();
    json_object_set_new(o, "index", json_integer((json_int_t)e->sentence_index));
    json_object_set_new(o, "section", json_string(e->section == THX_SEC_TITLE ? "title" : "abstract"));
    json_object_set_new(o, "start", json_integer((json_int_t)e->start));
    json_object_set_new(o, "end", json_integer((json_int_t)e->end));
    json_object_set_new(o, "text", json_string(e->text ? e->text : ""));
    return o;
}

static json_t *slot_json(const thx_slot *s)
{
    if (!s->text)
        return json_null();
    json_t *o = json_object();
    json_object_set_new(o, "text", json_string(s->text));
    json_object_set_new(o, "norm", str_or_null(s->norm));
    if (s->id)
        json_object_set_new(o, "id", json_string(s->id));
    json_object_set_new(o, "start", json_integer((json_int_t)s->start));
    json_object_set_new(o, "end", json_integer((json_int_t)s->end));
    return o;
}

static json_t *doc_json(const thx_doc *d)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(d->id ? d->id : ""));
    json_object_set_new(o, "pmid", str_or_null(d->pmid));
    json_object_set_new(o, "doi", str_or_null(d->doi));
    json_object_set_new(o, "title", str_or_null(d->title));
    json_object_set_new(o, "source", str_or_null(d->source));
    return o;
}

static json_t *cues_json(const thx_triple *t)
{
    json_t *a = json_array();
    for (size_t i = 0; i < t->ncues; i++) {
        json_t *c = json_object();
        json_object_set_new(c, "kind", json_string(t->cues[i].kind));
        json_object_set_new(c, "text", json_string(t->cues[i].text));
        json_object_set_new(c, "start", json_integer((json_int_t)t->cues[i].start));
        json_object_set_new(c, "end", json_integer((json_int_t)t->cues[i].end));
        json_array_append_new(a, c);
    }
    return a;
}

static json_t *triple_json(const thx_triple *t, const thx_doc *doc)
{
    json_t *o = json_object();
    json_object_set_new(o, "schema", json_string(THEREX_SCHEMA));
    json_object_set_new(o, "id", json_string(t->id));
    json_object_set_new(o, "doc", doc_json(doc));
    json_object_set_new(o, "sentence", evidence_json(&t->sentence));
    json_object_set_new(o, "therapy", slot_json(&t->therapy));
    json_object_set_new(o, "effect", slot_json(&t->effect));
    json_object_set_new(o, "condition", slot_json(&t->condition));
    json_object_set_new(o, "predicate", json_string(t->predicate ? t->predicate : ""));
    json_object_set_new(o, "negated", json_boolean(t->negated));
    json_object_set_new(o, "hedged", json_boolean(t->hedged));
    json_object_set_new(o, "cues", cues_json(t));
    json_object_set_new(o, "coref", json_boolean(t->coref));
    json_object_set_new(o, "scope", json_string(t->doc_scope ? "document" : "sentence"));
    json_t *ev = json_array();
    for (size_t i = 0; i < t->nevidence; i++)
        json_array_append_new(ev, evidence_json(&t->evidence[i]));
    json_object_set_new(o, "evidence", ev);
    json_t *r = json_object();
    json_object_set_new(r, "id", json_string(t->rule_id ? t->rule_id : ""));
    json_object_set_new(r, "file", json_string(t->rule_file ? t->rule_file : ""));
    json_object_set_new(r, "line", json_integer(t->rule_line));
    json_object_set_new(o, "rule", r);
    json_object_set_new(o, "confidence", json_real(t->confidence));
    return o;
}

char *thx_triple_to_json(const thx_triple *t, const thx_doc *doc)
{
    json_t *o = triple_json(t, doc);
    if (!o)
        return NULL;
    char *s = json_dumps(o, JSON_PRESERVE_ORDER | JSON_COMPACT | JSON_REAL_PRECISION(4));
    json_decref(o);
    return s;
}
