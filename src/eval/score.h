/*
 * The scorer of shared/eval/score.py, ported to C for `therex eval`: loads a gold file
 * (one annotated sentence a line) and a prediction file (therex's JSON Lines output),
 * places each sentence-scope prediction on a gold sentence, matches predictions to gold
 * triples one to one at three levels (pair, effect, triple) and scores them exactly as
 * score.py does. Owned by the evaluation module (score.c); the CLI (cmd_eval.c) formats
 * the result. Nothing here prints or exits: file problems go into a thx_diags list.
 */
#ifndef THX_SCORE_H
#define THX_SCORE_H

#include <stdbool.h>

#include <jansson.h>

#include "therex.h"
#include "util/util.h"

enum { SCORE_PAIR, SCORE_EFFECT, SCORE_TRIPLE, SCORE_NLEVELS };

/* "pair", "effect", "triple": the level names in score.py's order. */
extern const char *const score_level_names[SCORE_NLEVELS];

typedef struct {
    double precision, recall, f1; /* rounded to 3 decimals as Python's round(x, 3) */
    size_t predicted, gold, matched;
} score_level;

/* A false hit (a predicted triple no gold triple took) or a miss (a gold triple no
 * prediction matched), at the triple level, in score.py's order. */
typedef struct {
    bool fp;    /* true: "FP" (predicted); false: "FN" (gold) */
    char *desc; /* "therapy | effect | condition" as score.py writes it */
    char *text; /* the gold sentence, cut to 200 code points */
} score_error;

/* The predictions of one rule (rule.id; "-" when a prediction names none) that fell on
 * annotated sentences. correct: those matched one to one to a gold triple by the
 * triple-level matching (the same matching that decides the FP lines), so the correct
 * counts add up to the triple level's matched count and hits - correct to its FPs. */
typedef struct {
    char *rule;
    size_t hits, correct;
} score_rule;

typedef struct {
    score_level level[SCORE_NLEVELS];
    size_t flags_compared;                    /* 0: both accuracies are None */
    double negated_accuracy, hedged_accuracy; /* rounded to 3 decimals */
    size_t sentences;                         /* gold lines */
    score_error *errors;
    size_t nerrors, cap_errors;
    score_rule *rules; /* sorted by rule id (byte order) */
    size_t nrules, cap_rules;
} score_result;

/* Scores pred_path against gold_path into *out (which the caller releases with
 * score_result_free, also after a failure). Every unreadable file and every bad line
 * (not JSON, not an object, a gold line without "doc", "text" or "triples") is
 * reported as path:line:col; then THX_EIO / THX_EINPUT is returned and *out is empty. */
int score_files(score_result *out, const char *gold_path, const char *pred_path,
                thx_diags *diags);
void score_result_free(score_result *r);

/* Python's round(x, 3): the double nearest to x correctly rounded to 3 decimals. */
double score_round3(double x);
/* Python's repr() of a float ("0.5", "1.0", "1e+16") into buf. */
void score_float_repr(char buf[32], double x);

/* ------------------------------------------------ shared by score.c and score_text.c
 * The Python side of score.py (score_text.c): reading JSON Lines, words(), same(),
 * slot() and Python's str()/repr() of JSON values. Functions returning int give 0, or -1 when out of
 * memory; those returning a string give a malloc'd string (caller frees), or NULL. */

/* Reads a JSON Lines file as score.py's load_jsonl(): lines end at \n, \r\n or \r
 * (Python's universal newlines, so the line numbers are score.py's), are stripped, and
 * blank ones skipped; each object goes to fn, which owns it. A bad line (not JSON, not
 * an object) is reported at path:line:col and skipped. Returns 0, THX_EINPUT when a
 * line was bad, or THX_EIO when the file could not be read. */
typedef void (*score_line_fn)(void *ctx, json_t *obj, const char *path, int lineno);
int score_read_jsonl(const char *path, thx_diags *diags, score_line_fn fn, void *ctx);

/* A set of words: sorted, without duplicates; w points into buf. */
typedef struct {
    char *buf;
    char **w;
    size_t n;
} score_wset;

/* " ".join(words(s)), score.py's sentence_key(); s may be NULL (no words). */
char *score_words(const char *s);
/* The set of the words of a score_words() string; stem: without the AUX words and
 * cut to 4 characters, as same(stem=True). */
int score_wset_make(score_wset *ws, const char *joined, bool stem);
void score_wset_free(score_wset *ws);
size_t score_wset_common(const score_wset *a, const score_wset *b);

/* All surface forms a predicted slot offers (slot(obj, key)): none when the key is
 * absent or null; otherwise 0 to 2 strings (text, norm) borrowed from the object. */
typedef struct {
    bool none;
    size_t n;
    const char *f[2];
} score_forms;

score_forms score_slot(const json_t *obj, const char *key);
/* any_same(forms, gold, stem): 1 or 0, -1 when out of memory. */
int score_any_same(const score_forms *forms, const char *gold, bool stem);
/* A gold field as a string for words(): its value when a string, else NULL. */
const char *score_gold_str(const json_t *g, const char *key);
/* Python's bool() of a JSON value (NULL: absent, false). */
bool score_truthy(const json_t *v);
/* str() of a JSON value as Python prints it (None, True, 3, 'a' inside lists). */
int score_py_str(strbuf *b, const json_t *v);
/* The description score.py prints for a false hit / for a miss. */
char *score_fp_desc(const json_t *pred);
char *score_fn_desc(const json_t *gold);
/* The first n code points of the UTF-8 string s. */
char *score_prefix(const char *s, size_t n);

#endif
