/*
 * therex: extract therapy claims (therapy -> effect -> condition) from abstracts.
 *
 * The public API of libtherex (link with `pkg-config --cflags --libs therex`; the
 * README's "Using the library" has a whole program). The pipeline: load a rule set
 * (thx_ruleset_load), read documents (thx_read_file, thx_read_buffer), extract each
 * document's triples (thx_extract, or an extractor per thread), write each triple as
 * JSON (thx_triple_to_json).
 *
 * Naming and results (after libgit2 and jansson):
 *  - names are thx_<module>_<verb>; out-parameters come first after the object;
 *  - functions that can fail return 0 (THX_OK) on success and a negative THX_E* code;
 *    constructors (*_new, *_load) return NULL instead; size/count getters cannot fail.
 *
 * Ownership:
 *  - every object made by a *_new / *_load function, and every list filled by a
 *    function (thx_docs, thx_triples, thx_sentences, thx_diags), is owned by the caller
 *    and released with the matching *_free; *_free(NULL) is a no-op; a list is set up
 *    with its *_init (or zeroed) before its first use, and may be filled again after
 *    *_free;
 *  - strings handed to the library are copied; strings handed back are borrowed from
 *    the object that holds them (valid until it is freed) unless the comment says
 *    "caller frees" (then with free());
 *  - a triple borrows its rule's id and file from the rule set: free the triples
 *    before the rule set. A triple does not borrow from its document.
 *
 * Threads: the library keeps no global state that a caller can see (no locale, no
 * environment, no current directory besides the paths it is given).
 *  - A loaded thx_ruleset is immutable and may be used by any number of threads at
 *    once (thx_extract, thx_extractor_new) without locking. (Patterns are JIT-compiled
 *    on first use, under the library's own lock.)
 *  - A thx_extractor belongs to one thread at a time; make one per thread.
 *  - thx_extract, the readers, the sentence splitter and thx_triple_to_json may run in
 *    several threads at once, each on its own output lists and diagnostics.
 *  - A list (thx_docs, thx_triples, thx_diags, ...) is not locked: one thread writes
 *    it at a time; reading it from several threads while no one writes it is safe.
 *
 * Errors: the library never prints and never exits. A function that fails returns
 * THX_ENOMEM (out of memory; whatever it was filling can still be freed as usual),
 * THX_EIO (a file could not be read), THX_EINPUT (bad input: the rest was used) or
 * THX_ERULES (bad rule files), and says where and why in the thx_diags list it was
 * given, one located message (path, line, column, source line) per problem, warnings
 * and notes included. The caller prints them (thx_diags_print writes them as
 * `path:line:col: error: message` with the line and a caret, as the CLI does) or reads
 * them (thx_diags_count, the items).
 */
#ifndef THEREX_H
#define THEREX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define THEREX_VERSION "0.1.0"
#define THEREX_SCHEMA "therex.triple/1"

enum {
    THX_OK = 0,
    THX_ENOMEM = -1,
    THX_EIO = -2,     /* a file could not be read or written */
    THX_EINPUT = -3,  /* input was malformed; details are in the diags */
    THX_ERULES = -4,  /* rule files had errors; details are in the diags */
};

/* ---------------------------------------------------------------- diagnostics */

typedef enum { THX_SEV_ERROR, THX_SEV_WARNING, THX_SEV_NOTE } thx_severity;

/* One located message. line and col count from 1; 0 means "not known".
 * src_line is the text of the offending line (without newline) or NULL. */
typedef struct {
    thx_severity severity;
    char *path;
    int line, col;
    char *message;
    char *src_line;
} thx_diag;

typedef struct {
    thx_diag *items;
    size_t len, cap;
} thx_diags;

void thx_diags_init(thx_diags *d);
void thx_diags_free(thx_diags *d);
/* Appends a message (printf-style). src_line may be NULL. Returns 0 or THX_ENOMEM. */
int thx_diags_add(thx_diags *d, thx_severity sev, const char *path, int line, int col,
                  const char *src_line, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
size_t thx_diags_count(const thx_diags *d, thx_severity sev);
/* Writes every diagnostic as `path:line:col: error: message`, then the source line
 * and a caret under the column where both are known. */
void thx_diags_print(const thx_diags *d, FILE *out);

/* ---------------------------------------------------------------- documents */

typedef enum { THX_SEC_TITLE = 0, THX_SEC_ABSTRACT = 1 } thx_section;

typedef struct {
    char **items;
    size_t len;
} thx_strlist;

/* One abstract. All strings are UTF-8 and owned by the document; any may be NULL
 * except id, source and the two sections (which may be empty strings). */
typedef struct {
    char *id;      /* input's id, else PMID, else relative path (+ "#N" in multi-record files) */
    char *pmid;
    char *doi;
    char *source;  /* the input file, as given relative to the corpus root */
    char *title;
    char *abstract;
    char *journal; /* PubMed XML and MEDLINE: the journal's title */
    char *year;    /* PubMed XML and MEDLINE: the year of publication, "2019" */
    thx_strlist keywords, publication_types, mesh_terms;
} thx_doc;

typedef struct {
    thx_doc *items;
    size_t len, cap;
} thx_docs;

typedef enum {
    THX_FMT_AUTO = 0,
    THX_FMT_PUBMED_TEXT, /* PubMed "Abstract" text export */
    THX_FMT_JSONL,       /* {"id","title","abstract"|"text","pmid","doi"} a line */
    THX_FMT_TEXT,        /* one document a file */
    THX_FMT_PUBMED_XML,  /* PubmedArticleSet (efetch, baseline, update files) */
    THX_FMT_MEDLINE,     /* MEDLINE tagged format ("PMID- ", "TI  - ", ...; .nbib) */
} thx_format;

void thx_docs_init(thx_docs *d);
void thx_docs_free(thx_docs *d);
void thx_doc_free(thx_doc *d);

/* Parses name ("auto", "pubmed", "jsonl", "text", "xml", "medline"); returns -1 when
 * unknown. */
int thx_format_from_name(const char *name);
const char *thx_format_name(thx_format f);
/* Guesses the format of a buffer from its content. */
thx_format thx_format_detect(const char *buf, size_t len);

/* The most bytes of a text or PubMed text file, which are read whole (a few documents
 * each), and of one line of JSON Lines or MEDLINE. A larger regular text file is refused
 * before it is read; a pipe, FIFO, device (/dev/zero) or gzip file is read as a stream
 * and refused when it goes past the bound. Either way it is an error naming the file,
 * and nothing of it is kept (for a line: that line is skipped). PubMed XML, JSON Lines and
 * MEDLINE files are read a record at a time and have no size bound. */
#define THX_MAX_FILE_BYTES (256u << 20)

/* Reads all the documents of one file (thx_reader_open below, then thx_reader_next to
 * the end) and appends them to out. `source` is the name put into doc.source and used
 * for ids. Problems with the whole file (unreadable, larger than THX_MAX_FILE_BYTES,
 * empty, binary) return THX_EINPUT/THX_EIO with a diagnostic and add no document. A bad
 * record inside a multi-record file (a JSON line that is not a document, or holds
 * malformed UTF-8 or a NUL byte; a MEDLINE record with a line that is no field) is
 * reported at path:line:col and skipped, the others are kept; malformed PubMed XML stops
 * the file after the records before it (the return value is then THX_EINPUT, with
 * documents added). In text, PubMed and MEDLINE files each byte of malformed UTF-8
 * becomes U+FFFD, with a warning. U+FEFF (a byte order mark, also one left inside by
 * joined files) is taken out of every document's text. A document with a sentence cut
 * at THX_SENTENCE_MAX gets a warning. */
int thx_read_file(thx_docs *out, const char *path, const char *source, thx_format fmt,
                  thx_diags *diags);
/* The same over a buffer already in memory (for tests and embedding; not decompressed). */
int thx_read_buffer(thx_docs *out, const char *buf, size_t len, const char *source,
                    thx_format fmt, thx_diags *diags);

/* Reading a file document by document, with memory bounded whatever its size: PubMed
 * XML (plain or gzip), JSON Lines and MEDLINE are read a record at a time as documents
 * are asked for; text and PubMed text files (a few documents each) are read whole at
 * open, at most THX_MAX_FILE_BYTES. Any file may be gzip-compressed. The format is
 * `fmt`, or with THX_FMT_AUTO: JSON Lines for a name ending in .jsonl or .ndjson
 * (optionally .gz), else from the first bytes: `<` PubMed XML, `{` JSON Lines, a first
 * line `PMID- ` (or a name ending .nbib) MEDLINE, else text or PubMed text as
 * thx_format_detect says. A file that is not what its content says (XML that is not
 * PubMed XML or is malformed, a MEDLINE line that is no field) is an error naming the
 * file, line and record; what came before the error is still handed over.
 *
 * thx_reader_open always sets *out (free it with thx_reader_free) and returns 0, or
 * THX_EIO / THX_EINPUT / THX_ENOMEM when the file cannot be read at all or its whole
 * read failed (diagnostics added; the reader is then done, or, for THX_EINPUT in a text
 * file, still hands over the documents read). thx_reader_next appends at most max
 * documents to out: 0, or THX_EINPUT when a record was bad (reported and skipped; call
 * again for the rest), or THX_ENOMEM / THX_EIO (the reader is then done). Reading ends
 * when thx_reader_done says so. */
typedef struct thx_reader thx_reader;
int thx_reader_open(thx_reader **out, const char *path, const char *source, thx_format fmt,
                    thx_diags *diags);
/* The same over a descriptor (standard input), which is not closed; `source` names it. */
int thx_reader_open_fd(thx_reader **out, int fd, const char *source, thx_format fmt,
                       thx_diags *diags);
int thx_reader_next(thx_reader *r, thx_docs *out, size_t max, thx_diags *diags);
bool thx_reader_done(const thx_reader *r);
/* How far into the file reading has got, in bytes of the file as stored (compressed
 * bytes for gzip), for a progress display. */
uintmax_t thx_reader_position(const thx_reader *r);
/* The format the file is read as (after detection). */
thx_format thx_reader_format(const thx_reader *r);
/* The PMIDs of the DeleteCitation elements read so far (PubMed update files), in input
 * order; borrowed from the reader. */
thx_strlist thx_reader_deleted(const thx_reader *r);
void thx_reader_free(thx_reader *r);

/* ---------------------------------------------------------------- sentences */

/* A sentence of one section; start/end are byte offsets into that section's text. */
typedef struct {
    thx_section section;
    size_t start, end;
} thx_sentence;

typedef struct {
    thx_sentence *items;
    size_t len, cap;
} thx_sentences;

void thx_sentences_free(thx_sentences *s);
/* The longest sentence, in code points. A longer run of text without a sentence end
 * (a list of thousands of terms, text without stops) is cut into sentences of at most
 * this length, at a space where one is near the limit. Real sentences are far shorter;
 * the bound keeps the work and the output per sentence (each triple holds its sentence)
 * from growing with the square of a sentence's length. */
#define THX_SENTENCE_MAX 4096

/* Splits text (len bytes) into sentences, appending them with the given section.
 * Leading/trailing white space is not part of a sentence; no sentence is longer than
 * THX_SENTENCE_MAX code points. */
int thx_split_sentences(thx_sentences *out, const char *text, size_t len, thx_section sec);

/* ---------------------------------------------------------------- rules */

typedef struct thx_ruleset thx_ruleset;

/* Loads, resolves (includes, macros) and compiles rule files or directories (every
 * *.rules file below, sorted). Every error of every file goes into diags (warnings
 * too); returns NULL if there was any error (or when out of memory: then diags may hold
 * no error). The rule set is immutable and may be shared by threads; free it after
 * every triple and extractor made with it. */
thx_ruleset *thx_ruleset_load(const char *const *paths, size_t npaths, thx_diags *diags);
/* Like thx_ruleset_load, through a cache of compiled packs in cache_dir (NULL: the
 * default, thx_cache_dir()): the first load of a pack compiles it from its text and writes
 * it there; the next, with the same rule files (by content, includes too), the same
 * therex and PCRE2, maps the cache file (see docs/architecture.md). A damaged, stale or
 * foreign cache file is not used, and written anew; a pack whose load gave warnings is
 * not cached (they are given again at each load). The set holds what extraction reads:
 * not the rules' examples or what lint reads (use thx_ruleset_load for check and lint). */
thx_ruleset *thx_ruleset_load_cached(const char *const *paths, size_t npaths,
                                     const char *cache_dir, thx_diags *diags);
/* $XDG_CACHE_HOME/therex, else $HOME/.cache/therex, else NULL. Caller frees. */
char *thx_cache_dir(void);
void thx_ruleset_free(thx_ruleset *rs);
size_t thx_ruleset_rule_count(const thx_ruleset *rs);
size_t thx_ruleset_term_count(const thx_ruleset *rs);

/* ---------------------------------------------------------------- triples */

/* A slot of a triple: offsets in Unicode code points from the start of the section. */
typedef struct {
    char *text; /* as written; NULL when the slot is empty (condition of an effect-only claim) */
    char *norm; /* canonical name */
    char *id;   /* ontology id or NULL */
    size_t start, end;
} thx_slot;

typedef struct {
    char *kind; /* "negation" | "hedge" */
    char *text;
    size_t start, end; /* code points in the sentence's section */
} thx_cue;

typedef struct {
    size_t sentence_index; /* index into the document's sentence list */
    thx_section section;
    size_t start, end;     /* code points */
    char *text;
} thx_evidence;

typedef struct {
    char id[17];           /* stable 64-bit hash as hex */
    thx_evidence sentence;
    thx_slot therapy, effect, condition;
    char *predicate;
    int negated, hedged, coref;
    int doc_scope;         /* 0 = sentence, 1 = document */
    thx_evidence *evidence;
    size_t nevidence;
    thx_cue *cues;
    size_t ncues;
    const char *rule_id;   /* borrowed from the rule set */
    const char *rule_file; /* borrowed from the rule set */
    int rule_line;
    double confidence;
} thx_triple;

typedef struct {
    thx_triple *items;
    size_t len, cap;
} thx_triples;

void thx_triples_init(thx_triples *t);
void thx_triples_free(thx_triples *t);

/* Extracts the triples of one document, appending them in a deterministic order: 0, or
 * THX_ENOMEM (out can still be freed as usual). The rule set must
 * outlive the triples (they borrow rule ids and file names). Safe to call from several
 * threads with the same rule set (each with its own out); an extractor saves the
 * scratch space from call to call. */
int thx_extract(thx_triples *out, const thx_ruleset *rs, const thx_doc *doc);

/* The same with scratch space kept from document to document: one extractor per
 * thread (it is not shared), many documents each. The rule set must outlive it. */
typedef struct thx_extractor thx_extractor;
thx_extractor *thx_extractor_new(const thx_ruleset *rs); /* NULL when out of memory */
int thx_extractor_run(thx_extractor *ex, thx_triples *out, const thx_doc *doc);
/* The same, with warnings about the document appended to diags: a rule whose pattern gave
 * up on one of its sentences at PCRE2's match limits (what it matched there before that
 * stands, the rest counts as no match, so a claim may be missing), once per rule and
 * document, at the pattern's file and line, naming the document and the sentence. */
int thx_extractor_run_diags(thx_extractor *ex, thx_triples *out, const thx_doc *doc,
                            thx_diags *diags);
/* Options of an extractor (default 0):
 *  THX_EXTRACT_HARMS  also return the harm triples (predicate biolink:causes or
 *                     biolink:contributes_to: "cisplatin-induced nephrotoxicity"). They
 *                     are found either way: a therapy claim on a pair that the same
 *                     document states as a harm is never returned. */
enum { THX_EXTRACT_HARMS = 1u << 0 };
void thx_extractor_set_flags(thx_extractor *ex, unsigned flags);
void thx_extractor_free(thx_extractor *ex);

/* ---------------------------------------------------------------- writer */

/* Returns the triple as one JSON object in the key order of the schema, without a
 * newline; caller frees. Every key of the schema is written: malformed UTF-8 in a
 * string (a file name in Latin-1, say) is written as U+FFFD. NULL when out of memory or
 * when a value cannot be written at all (a confidence that is not a finite number, a
 * cue without text), never a record with a key left out. */
char *thx_triple_to_json(const thx_triple *t, const thx_doc *doc);

#ifdef __cplusplus
}
#endif
#endif
