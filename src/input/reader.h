/*
 * Internal interface shared by the corpus readers (reader.c, reader_common.c,
 * reader_jsonl.c, reader_pubmed_text.c, reader_text.c). Internal to input/.
 *
 * reader.c checks a whole buffer (empty; for text formats binary and UTF-8), strips a
 * BOM, normalises line ends and dispatches to one format reader. Each format reader gets
 * the text (NUL-terminated, '\n' line ends only; valid UTF-8 without U+FEFF, except for
 * the JSON Lines reader, which checks each line itself) and a reader_ctx, builds thx_doc
 * values and hands them over with reader_push_doc.
 */
#ifndef THX_READER_H
#define THX_READER_H

#include "therex.h"
#include "util/util.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    thx_docs *out;
    const char *source; /* doc.source and base of generated ids */
    const char *dpath;  /* path named in diagnostics */
    thx_diags *diags;
} reader_ctx;

/* Moves v's strings (collected while a document is read) into *l, which must be
 * empty, and resets v. */
void str_vec_move(thx_strlist *l, str_vec *v);

/* Moves *d into ctx->out (d is reset). Fills what the format left empty: source,
 * id (PMID, else `fallback_id`), and empty title/abstract. Returns 0 or THX_ENOMEM;
 * on failure *d is freed. */
int reader_push_doc(const reader_ctx *ctx, thx_doc *d, const char *fallback_id);

/* Byte length of the line starting at s (up to '\n' or end). */
size_t reader_line_len(const char *s, const char *end);
/* Trims ASCII white space from both ends of s[0..*n); returns the new start. */
const char *reader_trim(const char *s, size_t *n);

/* True when s[0..n) starts with prefix. */
bool reader_starts_with(const char *s, size_t n, const char *prefix);

static inline bool reader_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* ---- PubMed text (reader_pubmed_lines.c classifies, reader_pubmed_text.c assembles) */

/* What a line, or a paragraph (its first line's kind, refined), is. */
typedef enum {
    K_BLANK,
    K_TEXT,
    K_CITATION,
    K_BULLET,
    K_HEADING,     /* "Publication types", "MeSH terms", ... */
    K_AUTHOR_INFO, /* "Author information:" */
    K_KEYWORDS,    /* "Keywords: a; b." */
    K_SKIP,        /* copyright, conflict of interest, [Article in ...] */
    K_IDS,         /* DOI:, PMID:, PMCID:, NIHMSID: */
    K_LINKS,       /* "Comment in" + indented citations (paragraphs only) */
} pm_kind;

typedef struct {
    const char *s; /* the line without its newline */
    size_t n;
    pm_kind k;
} pm_line;

typedef struct {
    size_t first, count; /* lines[first .. first+count) */
    pm_kind k;
} pm_para;

typedef struct {
    pm_line *items;
    size_t len, cap;
} pm_lines;

typedef struct {
    pm_para *items;
    size_t len, cap;
} pm_paras;

/* Splits buf into classified lines and paragraphs (runs of non-blank lines). */
int pubmed_split(pm_lines *lines, pm_paras *paras, const char *buf, size_t len);
/* True when the text is an author list: `Gibbons A.`, `Selman C(1), ..., Withers DJ.` */
bool pubmed_looks_like_authors(const char *s, size_t n);

/* True when the line is a PubMed citation line such as
 * `3. Science. 2010 Jan 8;327(5962):217-20.` (the `N. ` is optional). */
bool pubmed_is_citation(const char *s, size_t n);

/* thx_split_sentences, also giving in *cuts (when not NULL) how many sentences were cut
 * at THX_SENTENCE_MAX (sentence.c); reader_push_doc warns about them. */
int split_sentences_counted(thx_sentences *out, const char *text, size_t len, thx_section sec,
                            size_t *cuts);

/* thx_read_file with a bound of max bytes instead of THX_MAX_FILE_BYTES (for tests). */
int reader_read_file_max(thx_docs *out, const char *path, const char *source, thx_format fmt,
                         size_t max, thx_diags *diags);

int reader_jsonl(const reader_ctx *ctx, const char *buf, size_t len);
int reader_pubmed_text(const reader_ctx *ctx, const char *buf, size_t len);
int reader_text(const reader_ctx *ctx, const char *buf, size_t len);

#endif
