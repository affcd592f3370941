/*
 * The triple record (docs/output.md, schema therex.triple/1) as JSON, keys in the
 * schema's fixed order, through jansson. Callers write one object a line (JSON Lines)
 * or wrap them in an array.
 *
 * No key is ever left out: jansson refuses a string that is not UTF-8 (a file name
 * with Latin-1 bytes, say) and a real that is not finite, and json_object_set_new then
 * drops the key without a word. So every string goes through str_json, which writes
 * U+FFFD for each byte of malformed UTF-8, and every value and every insertion is
 * checked: any failure makes the whole record fail (NULL), never a record without a
 * required key.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "therex.h"
#include "util/util.h"

/* Builds the record; `failed` is set by the first value or insertion that fails. */
typedef struct {
    int failed;
} builder;

/* A JSON string of s, malformed UTF-8 replaced by U+FFFD. NULL when out of memory. */
static json_t *str_json(const char *s)
{
    size_t n = strlen(s);
    if (utf8_valid(s, n, NULL))
        return json_stringn(s, n);
    strbuf b;
    sb_init(&b);
    json_t *v = utf8_sanitize(&b, s, n) < 0 ? NULL : json_stringn(b.ptr, b.len);
    sb_free(&b);
    return v;
}

static json_t *str_or_null(const char *s)
{
    return s ? str_json(s) : json_null();
}

/* A required string: NULL is a failure, not a missing key. */
static json_t *str_req(builder *bd, const char *s)
{
    if (!s) {
        bd->failed = 1;
        return NULL;
    }
    return str_json(s);
}

/* o[key] = v (stolen), or marks the record failed when v is NULL or cannot be set.
 * json_object_set_new releases v itself when it fails. */
static void set(builder *bd, json_t *o, const char *key, json_t *v)
{
    if (!o)
        json_decref(v);
    if (!v || !o || json_object_set_new(o, key, v))
        bd->failed = 1;
}

static void append(builder *bd, json_t *a, json_t *v)
{
    if (!a)
        json_decref(v);
    if (!v || !a || json_array_append_new(a, v))
        bd->failed = 1;
}

static json_t *new_object(builder *bd)
{
    json_t *o = json_object();
    if (!o)
        bd->failed = 1;
    return o;
}

static json_t *new_array(builder *bd)
{
    json_t *a = json_array();
    if (!a)
        bd->failed = 1;
    return a;
}

static json_t *evidence_json(builder *bd, const thx_evidence *e)
{
    json_t *o = new_object(bd);
    set(bd, o, "index", json_integer((json_int_t)e->sentence_index));
    set(bd, o, "section", json_string(e->section == THX_SEC_TITLE ? "title" : "abstract"));
    set(bd, o, "start", json_integer((json_int_t)e->start));
    set(bd, o, "end", json_integer((json_int_t)e->end));
    set(bd, o, "text", str_json(e->text ? e->text : ""));
    return o;
}

static json_t *slot_json(builder *bd, const thx_slot *s)
{
    if (!s->text)
        return json_null();
    json_t *o = new_object(bd);
    set(bd, o, "text", str_json(s->text));
    set(bd, o, "norm", str_or_null(s->norm));
    if (s->id)
        set(bd, o, "id", str_json(s->id));
    set(bd, o, "start", json_integer((json_int_t)s->start));
    set(bd, o, "end", json_integer((json_int_t)s->end));
    return o;
}

/* A list of strings, as an array. */
static json_t *list_json(builder *bd, const thx_strlist *l)
{
    json_t *a = new_array(bd);
    for (size_t i = 0; i < l->len; i++)
        append(bd, a, str_req(bd, l->items[i]));
    return a;
}

/* The document's metadata keys (journal, year, keywords, publication_types, mesh_terms)
 * are written only when the input gave them (PubMed XML, MEDLINE, PubMed text), so that
 * records of inputs without them stay as they were. */
static json_t *doc_json(builder *bd, const thx_doc *d)
{
    json_t *o = new_object(bd);
    set(bd, o, "id", str_json(d->id ? d->id : ""));
    set(bd, o, "pmid", str_or_null(d->pmid));
    set(bd, o, "doi", str_or_null(d->doi));
    set(bd, o, "title", str_or_null(d->title));
    set(bd, o, "source", str_or_null(d->source));
    if (d->journal)
        set(bd, o, "journal", str_json(d->journal));
    if (d->year)
        set(bd, o, "year", str_json(d->year));
    if (d->keywords.len)
        set(bd, o, "keywords", list_json(bd, &d->keywords));
    if (d->publication_types.len)
        set(bd, o, "publication_types", list_json(bd, &d->publication_types));
    if (d->mesh_terms.len)
        set(bd, o, "mesh_terms", list_json(bd, &d->mesh_terms));
    return o;
}

static json_t *cues_json(builder *bd, const thx_triple *t)
{
    json_t *a = new_array(bd);
    for (size_t i = 0; i < t->ncues; i++) {
        json_t *c = new_object(bd);
        set(bd, c, "kind", str_req(bd, t->cues[i].kind));
        set(bd, c, "text", str_req(bd, t->cues[i].text));
        set(bd, c, "start", json_integer((json_int_t)t->cues[i].start));
        set(bd, c, "end", json_integer((json_int_t)t->cues[i].end));
        append(bd, a, c);
    }
    return a;
}

static json_t *triple_json(builder *bd, const thx_triple *t, const thx_doc *doc)
{
    json_t *o = new_object(bd);
    set(bd, o, "schema", json_string(THEREX_SCHEMA));
    set(bd, o, "id", str_json(t->id));
    set(bd, o, "doc", doc_json(bd, doc));
    set(bd, o, "sentence", evidence_json(bd, &t->sentence));
    set(bd, o, "therapy", slot_json(bd, &t->therapy));
    set(bd, o, "effect", slot_json(bd, &t->effect));
    set(bd, o, "condition", slot_json(bd, &t->condition));
    set(bd, o, "predicate", str_json(t->predicate ? t->predicate : ""));
    set(bd, o, "negated", json_boolean(t->negated));
    set(bd, o, "hedged", json_boolean(t->hedged));
    set(bd, o, "cues", cues_json(bd, t));
    set(bd, o, "coref", json_boolean(t->coref));
    set(bd, o, "scope", json_string(t->doc_scope ? "document" : "sentence"));
    json_t *ev = new_array(bd);
    for (size_t i = 0; i < t->nevidence; i++)
        append(bd, ev, evidence_json(bd, &t->evidence[i]));
    set(bd, o, "evidence", ev);
    json_t *r = new_object(bd);
    set(bd, r, "id", str_json(t->rule_id ? t->rule_id : ""));
    set(bd, r, "file", str_json(t->rule_file ? t->rule_file : ""));
    set(bd, r, "line", json_integer(t->rule_line));
    set(bd, o, "rule", r);
    /* json_real refuses NaN and infinities */
    set(bd, o, "confidence", json_real(t->confidence));
    return o;
}

char *thx_triple_to_json(const thx_triple *t, const thx_doc *doc)
{
    builder bd = {0};
    json_t *o = triple_json(&bd, t, doc);
    char *s = NULL;
    if (!bd.failed)
        s = json_dumps(o, JSON_PRESERVE_ORDER | JSON_COMPACT | JSON_REAL_PRECISION(4));
    json_decref(o);
    return s;
}
