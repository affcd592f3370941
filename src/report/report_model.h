/*
 * The records a report holds and how they are grouped (internal to src/report/).
 * report_record.c reads records, report_groups.c groups them, report_escape.c escapes
 * and marks text, report_graph.c draws the graph, report_html.c writes the page.
 */
#ifndef THX_REPORT_MODEL_H
#define THX_REPORT_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "report.h"
#include "util/util.h"

/* Strings are owned by the record (all UTF-8: jansson checked them). */
typedef struct {
    char *text, *norm, *id; /* text NULL: no such slot (an effect-only claim's condition) */
    size_t start, end;      /* code points in the section */
} rp_slot;

typedef struct {
    char *section; /* "title" | "abstract" */
    size_t start, end;
    char *text;
} rp_sentence;

typedef struct {
    char *kind, *text; /* kind "negation" | "hedge" */
    size_t start, end;
} rp_cue;

typedef enum { RP_ASSERTED = 0, RP_HEDGED = 1, RP_NEGATED = 2 } rp_kind;

typedef struct {
    size_t order; /* input order */
    char *id, *doc_id, *pmid, *doi, *title, *source;
    rp_sentence sentence;
    rp_sentence *evidence;
    size_t nevidence;
    rp_slot therapy, effect, condition;
    char *predicate, *rule_id, *scope;
    bool negated, hedged, coref;
    double confidence;
    rp_cue *cues;
    size_t ncues;
} rp_record;

/* negated wins over hedged */
static inline rp_kind rp_kind_of(const rp_record *r)
{
    return r->negated ? RP_NEGATED : r->hedged ? RP_HEDGED : RP_ASSERTED;
}

/* The name a slot is grouped under: its norm, else its text. */
static inline const char *rp_name(const rp_slot *s)
{
    return s->norm && *s->norm ? s->norm : s->text ? s->text : "";
}

/* Distinct abstracts, all and by kind. */
typedef struct {
    size_t docs, kind_docs[3], claims, kind_claims[3];
} rp_counts;

/* The claims of one therapy-condition pair (condition NULL: effect-only claims). */
typedef struct {
    const rp_slot *therapy, *condition; /* of the pair's first claim */
    rp_record **claims;                  /* borrowed from the report's index, input order */
    size_t n;
    rp_counts counts;
    size_t index; /* its anchor: #pN */
} rp_pair;

/* A therapy (its pairs) or a condition (pointers to pairs). */
typedef struct {
    const rp_slot *slot;
    rp_pair **pairs;
    size_t npairs;
    rp_counts counts;
    size_t index; /* its anchor: #tN or #cN */
} rp_group;

typedef struct {
    rp_pair *pairs;
    size_t npairs;
    rp_group *therapies, *conditions;
    size_t ntherapies, nconditions;
    rp_record **sorted; /* every record, by therapy, condition, input order */
    rp_pair **pair_refs; /* storage of the groups' pair lists */
    rp_counts all;
} rp_groups;

struct report_data {
    rp_record *items;
    size_t len, cap;
};

/* report_record.c: frees one record's strings. */
void rp_record_clear(rp_record *r);

/* report_groups.c: the grouping of a report's records; 0 or -1 (out of memory). */
int rp_group_report(const report_data *r, rp_groups *g);
void rp_groups_free(rp_groups *g);
/* Counts the distinct documents of n records, all and by kind. */
int rp_count(rp_record *const *recs, size_t n, rp_counts *c);

/* report_escape.c */
/* Appends s HTML-escaped (& < > " '), fit for text and quoted attributes. */
int rp_escape(strbuf *b, const char *s);
/* Appends the sentence HTML-escaped, with each slot of r and each cue that lies in it
 * (by its offsets, and its text found there) wrapped in <mark class="...">. */
int rp_mark_sentence(strbuf *b, const rp_record *r, const rp_sentence *s);

/* report_graph.c: the therapy-condition graph as inline SVG. */
int rp_graph_svg(strbuf *b, const rp_groups *g);

/* report_assets.c: the page's inline CSS and script. */
extern const char rp_css[];
extern const char rp_script[];

#endif
