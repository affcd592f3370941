/*
 * Small internal helpers shared by every module: a growable byte buffer, a growable
 * array macro, string duplication and UTF-8 helpers. Nothing here prints or exits.
 */
#ifndef THX_UTIL_H
#define THX_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Growable NUL-terminated byte buffer; owns ptr. */
typedef struct {
    char *ptr;
    size_t len, cap;
} strbuf;

void sb_init(strbuf *b);
void sb_free(strbuf *b);
int sb_grow(strbuf *b, size_t extra);
int sb_putn(strbuf *b, const char *s, size_t n);
int sb_puts(strbuf *b, const char *s);
int sb_putc(strbuf *b, char c);
int sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the buffer to the caller (never NULL unless out of memory) and resets b. */
char *sb_take(strbuf *b);

/* Ensures room for one more element in a {items, len, cap} array; 0 or -1. */
#define VEC_PUSH_SLOT(v)                                                                  \
    (((v)->len < (v)->cap) ? 0                                                            \
                           : vec_grow_((void **)&(v)->items, &(v)->cap, sizeof(*(v)->items)))
int vec_grow_(void **items, size_t *cap, size_t elem);
/* The same for arrays kept as three separate fields (items, len, cap). */
#define VEC_PUSH_SLOT_N(items, len, cap)                                                 \
    (((len) < (cap)) ? 0 : vec_grow_((void **)&(items), &(cap), sizeof(*(items))))

/* Growable list of owned strings. */
typedef struct {
    char **items;
    size_t len, cap;
} str_vec;

/* Appends a copy of s[0..n); 0 or -1 (out of memory). */
int str_vec_push(str_vec *v, const char *s, size_t n);
void str_vec_free(str_vec *v);

char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* UTF-8 */
/* True when buf[0..len) is well-formed UTF-8; *bad gets the byte offset of the first
 * error otherwise. */
bool utf8_valid(const char *buf, size_t len, size_t *bad);
/* Number of code points in s[0..n). */
size_t utf8_count(const char *s, size_t n);
/* Length (1 to 4) of the well-formed UTF-8 sequence that begins s[0..n); 0 when s[0]
 * begins none (a stray or cut-off byte, an overlong form, a surrogate) or n is 0. */
size_t utf8_seq(const char *s, size_t n);
/* U+FFFD REPLACEMENT CHARACTER, which stands for each byte of malformed UTF-8. */
#define UTF8_REPLACEMENT "\xEF\xBF\xBD"
/* U+FEFF ZERO WIDTH NO-BREAK SPACE, the byte order mark. */
#define UTF8_BOM "\xEF\xBB\xBF"
/* Appends s[0..n) to out with every byte that begins no well-formed sequence replaced
 * by U+FFFD (one code point per bad byte, so columns and offsets stay countable).
 * Returns the number of bytes replaced, or -1 when out of memory. */
long utf8_sanitize(strbuf *out, const char *s, size_t n);

static inline bool is_ascii_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
static inline bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
/* Whether w[0..n) is, ignoring case, one of the words of list (NULL-terminated). */
bool word_in_list(const char *w, size_t n, const char *const *list);
/* The word (ASCII letters, digits and hyphens) that ends at s[e], white space before e
 * skipped: its bytes s[*b..*we); false when there is none (the text starts, or
 * punctuation comes first). */
bool word_ending_at(const char *s, size_t e, size_t *b, size_t *we);

static inline unsigned char ascii_lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* Every PCRE2 match runs under these limits, so that a pathological pattern in a rule
 * file costs at most a bounded amount of work per sentence instead of hanging a batch:
 * past them the match counts as no match (explain and lint point at such patterns). */
#define THX_MATCH_LIMIT 1000000u
#define THX_DEPTH_LIMIT 100000u

/* 64-bit FNV-1a, for stable ids. */
uint64_t fnv1a64(uint64_t h, const void *data, size_t n);
#define FNV1A64_INIT 0xcbf29ce484222325ULL

#endif
