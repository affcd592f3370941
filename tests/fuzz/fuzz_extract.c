/*
 * Fuzz harness: the extraction of documents with the shipped rule pack, as `therex
 * extract` does it: the input is read with the format detected (plain text, PubMed text
 * or JSON Lines; fuzz_read checks the reading), then the first few documents are
 * extracted with one extractor and every triple is written as JSON.
 *
 * The rule pack is loaded once: $THX_FUZZ_RULES, else the source tree's rules/.
 * Checks, for every triple: slots, cues and evidence lie inside their section and hold
 * the text found there at their code-point offsets; the JSON record parses and has
 * every key of the schema; and the first document, extracted again once the
 * extractor has run on them all, gives the same records.
 */
#include "fuzz.h"
#include "util/util.h"

#include <jansson.h>
#include <string.h>

#ifndef THX_SOURCE_DIR
#define THX_SOURCE_DIR "."
#endif

/* Documents of one input that are extracted (a JSON Lines input may hold many). */
#define MAX_DOCS 4

static thx_ruleset *rules;

static void free_rules(void)
{
    thx_ruleset_free(rules);
    rules = NULL;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *path = getenv("THX_FUZZ_RULES");
    if (!path || !*path)
        path = THX_SOURCE_DIR "/rules";
    thx_diags diags;
    thx_diags_init(&diags);
    rules = thx_ruleset_load(&path, 1, &diags);
    if (!rules) {
        thx_diags_print(&diags, stderr);
        fprintf(stderr, "fuzz_extract: cannot load the rules of %s\n", path);
        exit(1);
    }
    thx_diags_free(&diags);
    atexit(free_rules);
    return 0;
}

/* A section's text with the byte offset of every code point (and of its end). */
typedef struct {
    const char *s;
    size_t *at; /* at[k]: byte offset of code point k; at[ncp] = strlen */
    size_t ncp;
} section_map;

static void map_section(section_map *m, const char *s)
{
    size_t n = strlen(s);
    m->s = s;
    m->at = malloc((n + 1) * sizeof *m->at);
    FUZZ_CHECK(m->at);
    m->ncp = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            m->at[m->ncp++] = i;
    m->at[m->ncp] = n;
}

/* True when text is what the section holds at code points [start, end). */
static bool holds(const section_map *m, size_t start, size_t end, const char *text)
{
    if (!text || start > end || end > m->ncp)
        return false;
    size_t a = m->at[start], b = m->at[end];
    return strlen(text) == b - a && memcmp(m->s + a, text, b - a) == 0;
}

static void check_slot(const thx_slot *s, const section_map *sec, bool required)
{
    if (!s->text) {
        FUZZ_CHECK(!required);
        return;
    }
    FUZZ_CHECK(s->norm);
    /* a slot found through an anaphor may come from the other section */
    FUZZ_CHECK(holds(&sec[0], s->start, s->end, s->text) ||
               holds(&sec[1], s->start, s->end, s->text));
}

static json_t *key(json_t *o, const char *k, size_t size)
{
    json_t *v = json_object_get(o, k);
    FUZZ_CHECK(json_is_object(v) && json_object_size(v) == size);
    return v;
}

/* The record as written: valid JSON with every key of therex.triple/1. */
static void check_json(const char *text, const thx_triple *t)
{
    json_error_t err;
    json_t *o = json_loads(text, 0, &err);
    FUZZ_CHECK(json_is_object(o) && json_object_size(o) == 16);
    /* doc: five keys, and the metadata the input gave (journal, year, keywords,
     * publication_types, mesh_terms) */
    json_t *doc = json_object_get(o, "doc");
    FUZZ_CHECK(json_is_object(doc) && json_object_size(doc) >= 5 && json_object_size(doc) <= 10);
    key(o, "sentence", 5);
    key(o, "therapy", t->therapy.id ? 5 : 4);
    key(o, "effect", t->effect.id ? 5 : 4);
    if (t->condition.text)
        key(o, "condition", t->condition.id ? 5 : 4);
    else
        FUZZ_CHECK(json_is_null(json_object_get(o, "condition")));
    key(o, "rule", 3);
    json_t *cues = json_object_get(o, "cues"), *ev = json_object_get(o, "evidence");
    FUZZ_CHECK(json_array_size(cues) == t->ncues && json_array_size(ev) == t->nevidence);
    for (size_t i = 0; i < t->ncues; i++)
        FUZZ_CHECK(json_object_size(json_array_get(cues, i)) == 4);
    for (size_t i = 0; i < t->nevidence; i++)
        FUZZ_CHECK(json_object_size(json_array_get(ev, i)) == 5);
    json_decref(o);
}

/* Checks one document's triples; returns their JSON records joined by newlines. */
static char *check_triples(const thx_triples *ts, const thx_doc *doc)
{
    section_map sec[2];
    map_section(&sec[THX_SEC_TITLE], doc->title);
    map_section(&sec[THX_SEC_ABSTRACT], doc->abstract);
    strbuf all;
    sb_init(&all);
    for (size_t i = 0; i < ts->len; i++) {
        const thx_triple *t = &ts->items[i];
        FUZZ_CHECK(strlen(t->id) == 16 && strspn(t->id, "0123456789abcdef") == 16);
        FUZZ_CHECK(t->sentence.section == THX_SEC_TITLE ||
                   t->sentence.section == THX_SEC_ABSTRACT);
        const section_map *own = &sec[t->sentence.section];
        FUZZ_CHECK(holds(own, t->sentence.start, t->sentence.end, t->sentence.text));
        check_slot(&t->therapy, sec, true);
        check_slot(&t->effect, sec, true);
        check_slot(&t->condition, sec, false);
        FUZZ_CHECK(t->predicate && t->rule_id && t->rule_file && t->rule_line > 0);
        FUZZ_CHECK(t->confidence >= 0 && t->confidence <= 1);
        for (size_t k = 0; k < t->ncues; k++) {
            FUZZ_CHECK(t->cues[k].kind);
            FUZZ_CHECK(holds(own, t->cues[k].start, t->cues[k].end, t->cues[k].text));
        }
        for (size_t k = 0; k < t->nevidence; k++) {
            const thx_evidence *e = &t->evidence[k];
            FUZZ_CHECK(e->section == THX_SEC_TITLE || e->section == THX_SEC_ABSTRACT);
            FUZZ_CHECK(holds(&sec[e->section], e->start, e->end, e->text));
        }
        char *json = thx_triple_to_json(t, doc);
        FUZZ_CHECK(json);
        check_json(json, t);
        sb_puts(&all, json);
        sb_putc(&all, '\n');
        free(json);
    }
    free(sec[0].at);
    free(sec[1].at);
    return sb_take(&all);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    thx_docs docs;
    thx_docs_init(&docs);
    fuzz_read(&docs, (const char *)data, size, "fuzz.txt", THX_FMT_AUTO);
    thx_extractor *ex = thx_extractor_new(rules);
    FUZZ_CHECK(ex);
    char *first = NULL;
    for (size_t i = 0; i < docs.len && i < MAX_DOCS; i++) {
        thx_triples ts;
        thx_triples_init(&ts);
        FUZZ_CHECK(thx_extractor_run(ex, &ts, &docs.items[i]) == 0);
        char *json = check_triples(&ts, &docs.items[i]);
        thx_triples_free(&ts);
        if (i == 0)
            first = json;
        else
            free(json);
    }
    if (first) {
        /* the scratch space the extractor keeps must not change the result */
        thx_triples again;
        thx_triples_init(&again);
        FUZZ_CHECK(thx_extractor_run(ex, &again, &docs.items[0]) == 0);
        char *json = check_triples(&again, &docs.items[0]);
        FUZZ_CHECK(strcmp(first, json) == 0);
        free(json);
        thx_triples_free(&again);
        free(first);
    }
    thx_extractor_free(ex);
    thx_docs_free(&docs);
    return 0;
}
