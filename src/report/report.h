/*
 * The curator's view (`therex report`): triple records (JSON Lines, docs/output.md) in,
 * one self-contained HTML page out: claims grouped by therapy and by condition with the
 * abstracts counted, asserted, hedged and negated claims apart, every evidence sentence
 * with its therapy, effect, condition and cues marked, PubMed links, a filter box and a
 * therapy-condition graph (inline SVG). The page loads nothing: its CSS and script are
 * inline, and every string of the input is HTML-escaped.
 *
 * Ownership: a report owns copies of everything it was given; the page is the caller's
 * to free. A report is used by one thread at a time. Nothing here prints: a bad record
 * is a diagnostic.
 */
#ifndef THX_REPORT_H
#define THX_REPORT_H

#include <stddef.h>

#include "therex.h"

typedef struct report_data report_data;

/* An empty report; NULL when out of memory. */
report_data *report_new(void);
void report_free(report_data *r);

/* Adds the triple record of one JSON line (len bytes, without its newline). A blank
 * line is skipped, and so are the "[" and "]" lines and the "," ending an object's line
 * of the array `therex extract -f json` writes (one object a line). A line that is not JSON, or not a triple record of the schema, adds
 * an error at path:lineno:col to diags and nothing to the report: THX_EINPUT. 0, or
 * THX_ENOMEM. */
int report_add_line(report_data *r, const char *line, size_t len, const char *path,
                        int lineno, thx_diags *diags);

/* How many records, and how many distinct documents (doc.id), were added. */
size_t report_records(const report_data *r);
size_t report_documents(const report_data *r);

/* The whole page (UTF-8, ending in a newline); title (may be NULL) is shown as given,
 * escaped. Caller frees; NULL when out of memory. */
char *report_html(const report_data *r, const char *title);

#endif
