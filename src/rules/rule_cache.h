/*
 * The compiled rule pack as a byte image (rule_cache_encode.c, rule_cache_decode.c) and the cache file that
 * holds it (rule_cache.c): see thx_ruleset_load_cached in therex.h. Internal to rules/.
 *
 * The image holds what extraction reads: the lexicon (entries, tries, outputs, regex
 * synonyms, the gate automaton), the rules and their patterns (PCRE2 codes serialized
 * with pcre2_serialize_encode; JIT-compiled lazily after decoding, as after a load), cues,
 * joins, labels, gate literals and the interned source strings they point at. It leaves
 * out what only `check` and `lint` read: examples, macros, calibrations, lexicon terms as
 * written.
 */
#ifndef THX_RULE_CACHE_H
#define THX_RULE_CACHE_H

#include <stdint.h>

#include "rules.h"

/* ruleset.c: appends the *.rules files below dir to files, in load order (depth: 0). */
int rules_list_files(const char *dir, str_vec *files, int depth);

/* A 64-bit hash of n bytes, 8 at a time (not cryptographic: detects corruption and
 * change), continuing from h (start with 0). */
uint64_t cache_hash(const void *p, size_t n, uint64_t h);

/* Appends the image of rs to out. 0, or -1 when rs holds something the image cannot
 * (a pointer to a string the rule set does not own) or out of memory. */
int cache_encode(const thx_ruleset *rs, strbuf *out);
/* The rule set of an image, or NULL when it is malformed (checked bound by bound: a
 * damaged image never reads past its end) or out of memory. p must be a private,
 * read-only file map (as read_cache gives): the decoder hands its large arrays' pages back
 * to the kernel once copied out (madvise MADV_DONTNEED), which would zero heap memory. */
thx_ruleset *cache_decode(const uint8_t *p, size_t n);

#endif
