/*
 * A report's records: each JSON line of `therex extract` read into an rp_record
 * (report_model.h). A line is taken whole or not at all: a line that is not JSON or
 * lacks what the page shows is one error at its line and column.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "report_model.h"

report_data *report_new(void)
{
    return calloc(1, sizeof(report_data));
}

void rp_record_clear(rp_record *r)
{
    char **strs[] = {&r->id, &r->doc_id, &r->pmid, &r->doi, &r->title, &r->source,
                     &r->sentence.section, &r->sentence.text, &r->therapy.text,
                     &r->therapy.norm, &r->therapy.id, &r->effect.text, &r->effect.norm,
                     &r->effect.id, &r->condition.text, &r->condition.norm, &r->condition.id,
                     &r->predicate, &r->rule_id, &r->scope};
    for (size_t i = 0; i < sizeof strs / sizeof *strs; i++)
        free(*strs[i]);
    for (size_t i = 0; i < r->nevidence; i++) {
        free(r->evidence[i].section);
        free(r->evidence[i].text);
    }
    free(r->evidence);
    for (size_t i = 0; i < r->ncues; i++) {
        free(r->cues[i].kind);
        free(r->cues[i].text);
    }
    free(r->cues);
    memset(r, 0, sizeof *r);
}

void report_free(report_data *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->len; i++)
        rp_record_clear(&r->items[i]);
    free(r->items);
    free(r);
}

size_t report_records(const report_data *r)
{
    return r->len;
}

/* ------------------------------------------------------------------ reading */

typedef struct {
    const char *missing; /* the first key that is missing or of the wrong type */
    int nomem;
} reading;

/* A copy of o[key] when it is a string; NULL when it is null or absent and !required. */
static char *get_str(reading *rd, json_t *o, const char *key, bool required)
{
    json_t *v = o ? json_object_get(o, key) : NULL;
    if (json_is_string(v)) {
        char *s = xstrndup(json_string_value(v), json_string_length(v));
        if (!s)
            rd->nomem = 1;
        return s;
    }
    if (required || (v && !json_is_null(v)))
        if (!rd->missing)
            rd->missing = key;
    return NULL;
}

static size_t get_offset(reading *rd, json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_integer(v) || json_integer_value(v) < 0) {
        if (!rd->missing)
            rd->missing = key;
        return 0;
    }
    return (size_t)json_integer_value(v);
}

static bool get_bool(reading *rd, json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_boolean(v)) {
        if (!rd->missing)
            rd->missing = key;
        return false;
    }
    return json_is_true(v);
}

/* A slot object; null is allowed where `nullable` (the condition). */
static void get_slot(reading *rd, json_t *o, const char *key, bool nullable, rp_slot *s)
{
    json_t *v = json_object_get(o, key);
    if (nullable && json_is_null(v))
        return;
    if (!json_is_object(v)) {
        if (!rd->missing)
            rd->missing = key;
        return;
    }
    s->text = get_str(rd, v, "text", true);
    s->norm = get_str(rd, v, "norm", false);
    s->id = get_str(rd, v, "id", false);
    s->start = get_offset(rd, v, "start");
    s->end = get_offset(rd, v, "end");
}

static void get_sentence(reading *rd, json_t *v, const char *key, rp_sentence *s)
{
    if (!json_is_object(v)) {
        if (!rd->missing)
            rd->missing = key;
        return;
    }
    s->section = get_str(rd, v, "section", false);
    s->text = get_str(rd, v, "text", true);
    s->start = get_offset(rd, v, "start");
    s->end = get_offset(rd, v, "end");
}

static void get_lists(reading *rd, json_t *o, rp_record *r)
{
    json_t *ev = json_object_get(o, "evidence"), *cues = json_object_get(o, "cues");
    if (json_is_array(ev) && json_array_size(ev)) {
        if (!(r->evidence = calloc(json_array_size(ev), sizeof *r->evidence)))
            rd->nomem = 1;
        for (size_t i = 0; r->evidence && i < json_array_size(ev); i++, r->nevidence++)
            get_sentence(rd, json_array_get(ev, i), "evidence", &r->evidence[i]);
    }
    if (json_is_array(cues) && json_array_size(cues)) {
        if (!(r->cues = calloc(json_array_size(cues), sizeof *r->cues)))
            rd->nomem = 1;
        for (size_t i = 0; r->cues && i < json_array_size(cues); i++, r->ncues++) {
            json_t *c = json_array_get(cues, i);
            if (!json_is_object(c)) {
                if (!rd->missing)
                    rd->missing = "cues";
                continue;
            }
            r->cues[i].kind = get_str(rd, c, "kind", true);
            r->cues[i].text = get_str(rd, c, "text", true);
            r->cues[i].start = get_offset(rd, c, "start");
            r->cues[i].end = get_offset(rd, c, "end");
        }
    }
}

static void read_record(reading *rd, json_t *o, rp_record *r)
{
    json_t *doc = json_object_get(o, "doc"), *rule = json_object_get(o, "rule");
    json_t *conf = json_object_get(o, "confidence");
    r->id = get_str(rd, o, "id", true);
    if (!json_is_object(doc) && !rd->missing)
        rd->missing = "doc";
    r->doc_id = get_str(rd, doc, "id", true);
    r->pmid = get_str(rd, doc, "pmid", false);
    r->doi = get_str(rd, doc, "doi", false);
    r->title = get_str(rd, doc, "title", false);
    r->source = get_str(rd, doc, "source", false);
    get_sentence(rd, json_object_get(o, "sentence"), "sentence", &r->sentence);
    get_slot(rd, o, "therapy", false, &r->therapy);
    get_slot(rd, o, "effect", false, &r->effect);
    get_slot(rd, o, "condition", true, &r->condition);
    r->predicate = get_str(rd, o, "predicate", false);
    r->scope = get_str(rd, o, "scope", false);
    r->negated = get_bool(rd, o, "negated");
    r->hedged = get_bool(rd, o, "hedged");
    json_t *coref = json_object_get(o, "coref");
    r->coref = json_is_true(coref);
    r->rule_id = json_is_object(rule) ? get_str(rd, rule, "id", false) : NULL;
    r->confidence = json_is_number(conf) ? json_number_value(conf) : -1;
    get_lists(rd, o, r);
}

int report_add_line(report_data *r, const char *line, size_t len, const char *path,
                        int lineno, thx_diags *diags)
{
    size_t lead = 0;
    while (lead < len && is_space((unsigned char)line[lead]))
        lead++;
    while (len > lead && is_space((unsigned char)line[len - 1]))
        len--;
    /* the array of `therex extract -f json`: "[", one object a line ending in ",", "]" */
    if (len - lead == 1 && (line[lead] == '[' || line[lead] == ']'))
        return 0;
    if (len > lead && line[len - 1] == ',' && line[lead] == '{')
        len--;
    if (lead == len)
        return 0;
    json_error_t err;
    json_t *o = json_loadb(line + lead, len - lead, 0, &err);
    if (!o) {
        int col = (int)lead + (err.column > 0 ? err.column : 1);
        return thx_diags_add(diags, THX_SEV_ERROR, path, lineno, col, NULL, "not JSON: %s",
                             err.text) ? THX_ENOMEM : THX_EINPUT;
    }
    if (!json_is_object(o)) {
        json_decref(o);
        return thx_diags_add(diags, THX_SEV_ERROR, path, lineno, (int)lead + 1, NULL,
                             "not a triple record (a JSON object of docs/output.md)")
                   ? THX_ENOMEM : THX_EINPUT;
    }
    if (VEC_PUSH_SLOT(r)) {
        json_decref(o);
        return THX_ENOMEM;
    }
    rp_record *rec = &r->items[r->len];
    memset(rec, 0, sizeof *rec);
    reading rd = {NULL, 0};
    read_record(&rd, o, rec);
    json_decref(o);
    if (rd.nomem || rd.missing) {
        rp_record_clear(rec);
        if (rd.nomem)
            return THX_ENOMEM;
        return thx_diags_add(diags, THX_SEV_ERROR, path, lineno, (int)lead + 1, NULL,
                             "not a triple record: \"%s\" is missing or not of its type "
                             "(docs/output.md)", rd.missing) ? THX_ENOMEM : THX_EINPUT;
    }
    rec->order = r->len++;
    return 0;
}
