/*
 * Internal interface shared by the corpus readers (reader.c, reader_common.c,
 * reader_stream.c, reader_jsonl.c, reader_xml.c, reader_medline.c, reader_pubmed_text.c,
 * reader_text.c). Internal to input/.
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
#include <stdint.h>
#include <zlib.h>

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

/* The descriptor of a MeSH heading as the formats write it (`*Neoplasms/drug therapy`,
 * `Exosomes / transplantation*`): without qualifiers and major-topic stars. */
const char *reader_mesh_descriptor(const char *s, size_t *n);
/* True when v holds s[0..n). */
bool reader_has_item(const str_vec *v, const char *s, size_t n);

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

/* ---- streams (reader_stream.c): a file or descriptor through zlib (plain or gzip) */

typedef struct {
    gzFile gz;
    char *buf;         /* bytes read ahead: buf[pos..len) not yet consumed */
    size_t pos, len, cap;
    bool eof, compressed, regular;
    uintmax_t size;    /* of a regular file, as stored */
    uintmax_t consumed;
    long lineno;       /* lines handed out by instream_line */
    int err;           /* errno value (EIO for a zlib error) once reading failed */
    char errmsg[128];
} instream;

/* Open a path, or a copy of a descriptor: 0 or an errno value (EISDIR for a directory). */
int instream_open(instream *s, const char *path);
int instream_open_fd(instream *s, int fd);
/* A stream over a copy of buf (not decompressed). */
int instream_open_buffer(instream *s, const char *buf, size_t len);
void instream_close(instream *s);
/* Makes up to `want` bytes available without consuming them; returns how many are. */
size_t instream_peek(instream *s, size_t want, const char **p);
/* Reads up to n bytes: their number, 0 at the end, -1 on an error. */
long instream_read(instream *s, char *dst, size_t n);
/* Reads the next line (without its '\n') into line: 1, or 2 when it was longer than
 * max (line then holds only part of it), 0 at the end, -1 on an error. */
int instream_line(instream *s, strbuf *line, size_t max);

/* ---- streaming readers: each call hands over up to max documents */

typedef struct xml_state xml_state;
/* The XML reader over `in` (url names it for libxml2); DeleteCitation PMIDs go to
 * *deleted. NULL when out of memory. */
xml_state *xml_open(instream *in, const char *url, str_vec *deleted);
void xml_free(xml_state *x);
/* Reads records until max documents were handed over or the file ends (*done). */
int xml_next(xml_state *x, const reader_ctx *ctx, size_t max, bool *done);

/* MEDLINE tagged format (reader_medline.c), one record at a time from lines. */
typedef struct {
    strbuf tag_value;  /* the field being read (continuation lines joined) */
    char tag[5];
    long field_line;
    long record_line;  /* first line of the record */
    size_t nrecords;
    thx_doc doc;
    str_vec kw, pt, mh;
    strbuf title, abstract;
    bool in_record;
    bool bad; /* a line of the record was no field: it is dropped */
} medline_state;
void medline_init(medline_state *m);
void medline_free(medline_state *m);
/* One line (without '\n'); lineno counts from 1. Hands over a document when a record
 * ends. Returns 0, THX_EINPUT (reported) or THX_ENOMEM. */
int medline_line(medline_state *m, const reader_ctx *ctx, const char *s, size_t n, long lineno);
/* The end of the file: hands over the last record. */
int medline_end(medline_state *m, const reader_ctx *ctx);
/* True when the text starts (after blank lines) with a MEDLINE field `PMID- `. */
bool medline_looks_like(const char *buf, size_t len);

/* JSON Lines, line by line (reader_jsonl.c). */
typedef struct {
    size_t nbad;
    bool any; /* a line that is not blank */
} jsonl_state;
int reader_jsonl_line(const reader_ctx *ctx, jsonl_state *st, const char *line, size_t len,
                      int lineno);
/* After the last line: the note about bad lines not shown. */
void reader_jsonl_end(const reader_ctx *ctx, const jsonl_state *st);

/* reader.c: checks a whole buffer and hands it to its format's reader (THX_FMT_AUTO:
 * by name, else detected); true when name ends in ext (ASCII case ignored). */
int reader_read_checked(const reader_ctx *c, const char *buf, size_t len, thx_format fmt);
bool reader_has_ext(const char *name, const char *ext);

int reader_medline(const reader_ctx *ctx, const char *buf, size_t len);
int reader_jsonl(const reader_ctx *ctx, const char *buf, size_t len);
int reader_pubmed_text(const reader_ctx *ctx, const char *buf, size_t len);
int reader_text(const reader_ctx *ctx, const char *buf, size_t len);

#endif
