/*
 * Lexicon: typed terms (therapy, effect, condition) with canonical names, plus the cue
 * phrases and the rules' gate literals, all in one trie over normalised text
 * (ASCII case folded, hyphens and runs of white space as one space). A sentence is
 * scanned once, from every word start, and yields mentions, cue hits and the set of
 * gate literals present. Regex synonyms (few) are run with PCRE2 beside the trie.
 * lexicon.c builds the lexicon; tagger.c scans sentences with it.
 *
 * Ownership: the lexicon owns its entries, strings and compiled regexes; a tag_result
 * and a tag_scratch belong to the caller (one per thread) and are reused.
 */
#ifndef THX_LEXICON_H
#define THX_LEXICON_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "trie.h"
#include "util/util.h"

typedef enum { SLOT_THERAPY = 0, SLOT_EFFECT = 1, SLOT_CONDITION = 2, SLOT_NTYPES = 3 } slot_type;
typedef enum { TERM_MENTION = 0, TERM_CUE = 1, TERM_LITERAL = 2 } term_kind;

extern const char *const slot_type_names[SLOT_NTYPES];
/* Returns the slot type named (therapy, effect, condition) or -1. */
int slot_type_from_name(const char *name, size_t n);

typedef struct {
    slot_type type;
    char *canonical;
    char *id;        /* ontology id or NULL */
    char *predicate; /* Biolink predicate (effects) or NULL */
    str_vec tags;    /* conditions: what the condition involves (fibrosis, ...) */
    str_vec targets; /* effects: which condition tags the effect bears on */
    const char *file; /* interned by the rule set */
    int line;
    bool anaphor;    /* "They", "these vesicles": resolved to an earlier mention */
    bool pronoun;    /* "It": an anaphor only as its sentence's subject, resolved to the
                      * therapy that was the previous sentence's subject */
    bool ignore;     /* from `lexicon ignore`: covers its span so that no mention is
                      * found inside it ("mammalian target of rapamycin") */
    bool as_written; /* `as-written`: a shape ("deficiency (named)", "*itis") whose
                      * mentions are named by their own text, not by the entry */
} lex_entry;

/* What a trie node yields when a term ends there. */
typedef struct {
    term_kind kind;
    int ref;            /* entry index, cue index or literal id */
    const char *cased;  /* normalised form whose capitals must match, or NULL */
    int next;           /* next output of the same node, -1 ends */
} trie_output;

typedef struct {
    int entry;
    pcre2_code *code;
    char *gate; /* lowercase text every match contains ("a|b": one of them), or NULL:
                 * the regex runs on every sentence */
    bool capital_runs; /* it has a run of any capitals ("[A-Z]{2,5}", "[A-Z]+"): in
                        * lowercased text only its codes count (lowercase.c) */
    /* read from code's options once, when it is set (lexicon_regex_set_code) */
    bool caseless;     /* compiled PCRE2_CASELESS (no /c flag) */
    bool offset_limit; /* compiled PCRE2_USE_OFFSET_LIMIT */
} lex_regex;

typedef struct {
    lex_entry *entries;
    size_t nentries, capentries;
    trie words;  /* terms, cues and literals, walked from word starts; a node's value is
                  * the first of its outputs */
    trie gates;  /* the regexes' gate literals; a node's value is the first of its outputs */
    /* the gate trie as an Aho-Corasick automaton, rebuilt as each regex is added: one
     * step per byte of the sentence finds every gate literal in it */
    uint8_t gate_class[256];  /* byte -> class: 0 for a byte no gate literal holds */
    size_t gate_nclasses;
    int32_t *gate_next;       /* state * gate_nclasses + class -> state (states: nodes) */
    int32_t *gate_report;     /* per state: itself or the nearest state on its suffix
                               * chain that ends a literal, -1 when none */
    int32_t *gate_dict;       /* per state: the next such state after it, -1 ends */
    trie endings; /* word endings (*itis, *osis), reversed, walked back from word ends */
    trie_output *outputs;
    size_t noutputs, capoutputs;
    str_vec owned; /* strings the outputs point at */
    lex_regex *regexes;
    size_t nregexes, capregexes;
    size_t nliterals;
} lexicon;

typedef struct {
    slot_type type;
    int entry;
    size_t start, end; /* bytes in the sentence */
    bool weak;         /* found by a shape (a word ending *itis, a regex synonym, a word of an
                        * `as-written` entry): a listed term of the same span wins */
    int with;          /* a therapy given in combination with this one ("A plus B"), folded
                        * into its span when the sentence is masked; -1 when none */
    size_t name_start, name_end; /* the text that names it (an `as-written` entry's
                                  * name): its span, less what a fold added */
    const char *name; /* a learned abbreviation's name (local_term.name), or NULL */
    bool hidden;      /* a condition after "non" ("non-obese", "non-cystic fibrosis"): it
                       * covers its span, from "non", so that nothing inside is a mention */
    const char *id;   /* when its entry has no id: the id of an entry of the same type that
                       * matched the same span and lost the tie ("yoga" of a hand-written
                       * "physical therapy" carries the vocabulary's MeSH id), else of a
                       * listed term inside its span: a condition's head ("metastatic breast
                       * cancer" named by a shape carries breast cancer's id), a drug before
                       * "therapy" ("steroid therapy"); or NULL; owned by the lexicon. Read
                       * it with lexicon_mention_id. */
} mention;

typedef struct {
    int cue;
    size_t start, end; /* bytes in the sentence */
} cue_hit;

typedef struct {
    mention *items;
    size_t len, cap;
} mention_vec;

typedef struct {
    cue_hit *items;
    size_t len, cap;
} cue_vec;

/* Terms an abstract defines for itself: an abbreviation in parentheses after a
 * mention ("exosomes derived from MSCs (MSC-Exos)") names the same entry in the rest of
 * the abstract. Matched with their capitals, as whole words. Owned by the caller. */
typedef struct {
    char *text;
    int entry;
    char *name; /* the name its long form had when that was named as written ("growth
                 * hormone deficiency (GHD)"), or NULL: the entry names it */
    const char *id; /* the id its long form carried (mention.id), or NULL */
} local_term;

typedef struct {
    local_term *items;
    size_t len, cap;
} local_terms;

void local_terms_free(local_terms *l);

typedef struct {
    mention_vec mentions; /* chosen: leftmost-longest, no overlaps, in text order */
    cue_vec cues;         /* all cue phrase hits, in text order */
    uint8_t *literals;    /* one byte per gate literal: present or not */
    size_t nliterals;
    int *seen;            /* the literals present, in the order first seen */
    size_t nseen, capseen;
    str_vec names;        /* the names of conjuncts found by a shape ("memory deficits" of
                           * "memory and cognitive deficits", coord.c), which their
                           * mentions' name points at; emptied by each lexicon_tag */
    bool lowercased;      /* the sentence has no capital letter (lowercase.c): its terms
                           * that must match their capitals matched in lowercase */
} tag_result;

typedef struct {
    strbuf norm;   /* normalised sentence, capitals kept */
    strbuf upper;  /* a lowercased sentence in capitals, for case-sensitive regexes */
    uint8_t *regex_on;  /* per lexicon regex: its gate was seen */
    size_t *regex_last; /* per lexicon regex: where its gate was seen last (the last byte
                         * of the literal): no match starts past it */
    size_t capregex_on;
    size_t *map;   /* norm offset -> sentence offset, len + 1 entries */
    size_t capmap;
    mention_vec all; /* every candidate before overlap resolution */
    pcre2_match_data *md;
    pcre2_match_context *mctx; /* match limits */
    size_t *gave_up; /* regexes (index in lx->regexes) that gave up at the match limits on */
    size_t ngave_up, capgave_up; /* the last sentence tagged: no match past that point */
} tag_scratch;

int lexicon_init(lexicon *lx);
void lexicon_free(lexicon *lx);
/* Adds an entry; returns its index or -1. Strings are copied. */
int lexicon_add_entry(lexicon *lx, slot_type type, const char *canonical, const char *id);
/* Adds a phrase for an entry / cue / literal; with plurals, the last word's singular
 * and plural forms too. Returns 0 or -1. */
int lexicon_add_term(lexicon *lx, const char *phrase, term_kind kind, int ref, bool plurals);
/* Adds a word ending for an entry: any word of letters that ends with it, with at
 * least three letters before it ("*itis": colitis, not "itis"). Returns 0 or -1. */
int lexicon_add_ending(lexicon *lx, const char *ending, int entry);
#define ENDING_MIN_STEM 3 /* letters a word ending needs before it */
/* Compacts the word and ending tries for speed once every term is in (see trie.h), the
 * word trie in huge pages (trie_huge_pages); tagging works without, and terms added
 * afterwards undo it. Returns 0 or -1. */
int lexicon_compact(lexicon *lx);
/* A gated regex synonym compiled with PCRE2_USE_OFFSET_LIMIT (rules/rule_syntax.c
 * compiles it so) is searched with the offset limit set to the last place its gate
 * literal was seen: no match starts past it, as every match must hold the literal;
 * PCRE2 would try each start left. (A callout at its start did the same, at the cost of
 * one call per start tried.) */
/* Takes ownership of code; src is the regex as written, from which the longest literal
 * every match must contain is taken as its gate. */
int lexicon_add_regex(lexicon *lx, pcre2_code *code, int entry, const char *src, size_t n);
/* Sets r->code and what the tagger reads of its options (caseless, offset_limit), so
 * that no sentence asks PCRE2 for them (lexicon_add_regex, and the cache's decoder). */
void lexicon_regex_set_code(lex_regex *r, pcre2_code *code);
/* The longest literal (3 characters or more, lowercased) that every match of regex
 * src must contain, or "a|b|c" when every match contains one of those, or NULL.
 * Caller frees. */
char *regex_required_literal(const char *src, size_t n);
/* The gate of regex synonym src: its required literal, or when it has none of 3
 * characters, a shorter one ("[Ii]t" gives "it"), the prefixes of a group of short
 * alternatives ("(?:GS|MK)\\d" gives "gs|mk"), or a required digit ("0|1|...|9"); NULL
 * when every match need contain none of those. Caller frees. */
char *regex_gate(const char *src, size_t n);
/* Regex src with its leading look-ahead moved behind the cheap assertions that follow
 * it (\b, \B, look-behinds): "(?=(?:\w+\s+){1,3}therapy)\b(?<![\w-])..." becomes
 * "\b(?<![\w-])(?=(?:\w+\s+){1,3}therapy)...". Assertions at one place hold or fail
 * together in any order and capture nothing here, so the regex matches the same text;
 * but PCRE2, which tries every start, now reads the look-ahead only where the cheap ones
 * hold (at word starts) instead of at every character. NULL when there is nothing to
 * move (no leading look-ahead, nothing cheap after it, a quantifier, a capture). Caller
 * frees. */
char *regex_hoist_lookahead(const char *src, size_t n);
/* Regex src with the alternatives of each group that start with the same letter or
 * digit gathered, and a first character they share taken out: "(?!(?:therapy|trial|
 * the|a))" becomes "(?!(?:t(?:herapy|rial|he)|a))", which PCRE2 reads in a few steps
 * where it tried every word. The same text matches, with the same groups: only
 * alternatives that start alike can match at one place, and they keep their order; a
 * group in a look-behind, one holding a capture, and regexes with \Q, (*VERB), (?x),
 * comments or an option set inside a group ("(?i)") are left as they are. NULL when
 * nothing changes. Caller frees. (regex_rewrite.c, with regex_hoist_lookahead) */
char *regex_factor_alternatives(const char *src, size_t n);
/* Normalises a phrase as the trie sees it (caller frees). */
char *lexicon_normalise(const char *s, size_t n);
/* The name (a triple's `norm`) of mention me of sentence s: a learned abbreviation's
 * name (me->name), else its entry's canonical name, or for an `as-written` entry its own
 * text (name_start..name_end) lowercased, each run of white space as one space. Caller
 * frees; NULL when out of memory. */
char *lexicon_mention_name(const lexicon *lx, const mention *me, const char *s);
/* The id of mention me: its entry's, else the one it carries from an entry of the same
 * span (me->id), else NULL. */
const char *lexicon_mention_id(const lexicon *lx, const mention *me);
/* The text's own name: lowercased, white space runs as one space (caller frees). */
char *lexicon_text_name(const char *text, size_t n);
/* Normalises s into out (capitals kept), recording for each output byte the input
 * offset in map (if not NULL; map needs n + 1 slots). Leading and trailing separators
 * are dropped. Returns 0 or -1. */
int lexicon_normalise_into(const char *s, size_t n, strbuf *out, size_t *map);

/* lowercase.c: text that has lost its case */

/* True when s[0..n) has a lowercase ASCII letter and no capital one. */
bool lexicon_text_lowercased(const char *s, size_t n);
/* True when a term that must match its capitals (cased, as trie_output.cased) may match
 * its lowercase form in lowercased text: three letters or more, and not a word of its
 * own ("aids" of AIDS, "pad" of PAD; lowercase_words.h). */
bool lexicon_lowercase_ok(const char *cased);
/* True when regex src has a run of any capitals: a class of capitals repeated ("[A-Z]{2,5}",
 * "[A-Z]+", "[A-Z]*"). Such a /c shape says "written in capitals", which lowercased text
 * no longer shows: there only its matches that lexicon_lowercase_code_ok are kept. */
bool lexicon_capital_runs(const char *src, size_t n);
/* True when s[0..n), a match of such a shape in lowercased text, is a code: it has a
 * digit, and its leading letters are not those of a code written in mixed case in real
 * text ("ser1387", "rs6235", "mir-155": lowercase_words.h). */
bool lexicon_lowercase_code_ok(const char *s, size_t n);

/* tagger.c */

void tag_result_init(tag_result *r);
void tag_result_free(tag_result *r);
void tag_scratch_init(tag_scratch *s);
void tag_scratch_free(tag_scratch *s);
/* Scans s[0..n) and fills r (cleared first); local (may be NULL) adds the abstract's own
 * terms; a condition whose modifier is coordinated with others ("breast and ovarian
 * cancer") lends its head to them (coord.h). Returns 0 or -1 (out of memory). */
int lexicon_tag(const lexicon *lx, const char *s, size_t n, const local_terms *local,
                tag_scratch *scratch, tag_result *r);


#endif
