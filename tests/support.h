/* Helpers shared by the Criterion tests: reading fixture files and running the CLI. */
#ifndef THX_TEST_SUPPORT_H
#define THX_TEST_SUPPORT_H
#include <stdbool.h>
#include <stddef.h>

#include "therex.h"

/* Reads a whole file (path relative to tests/ unless absolute); caller frees; NULL on error. */
char *read_fixture(const char *rel, size_t *len);
/* Runs `therex ARGS` through /bin/sh with cwd = dir (NULL: the source tree), capturing
 * standard output and standard error into the given buffers (caller frees);
 * returns the exit status, or -1 if it could not be run. */
int run_cli(const char *dir, const char *args, char **out, char **err);

/* The path of NAME in a temporary folder made on first use (one per test process, under
 * /tmp): a static buffer that the next call overwrites. */
const char *tmp_path(const char *name);
/* Writes len bytes to tmp_path(name) and returns that path; asserts on failure. */
const char *write_tmp(const char *name, const char *bytes, size_t len);
/* Removes the temporary folder, when one was made and its files are gone (teardown). */
void remove_tmp_dir(void);

struct thx_ruleset;
/* The shipped rule pack (rules/ of the source tree), loaded from its text; asserts that
 * it loads. Free with thx_ruleset_free. */
struct thx_ruleset *load_shipped_pack(void);

/* A Criterion suite whose tests read the shipped pack in `rs` (loaded before each test,
 * freed after). Include <criterion/criterion.h> and therex.h first. */
#define SHIPPED_PACK_SUITE(suite)                                                          \
    static struct thx_ruleset *rs;                                                         \
    static void suite##_setup(void) { rs = load_shipped_pack(); }                          \
    static void suite##_teardown(void) { thx_ruleset_free(rs); }                           \
    TestSuite(suite, .init = suite##_setup, .fini = suite##_teardown)

/* Extracts a document "t" of this title and abstract with rs into ts (initialised here;
 * the caller frees it with thx_triples_free); asserts success. */
void extract_titled(const thx_ruleset *rs, const char *title, const char *abstract,
                    thx_triples *ts);
/* Extracts sentence, as the abstract of a document "t" with an empty title, with rs into
 * ts (initialised here; the caller frees it with thx_triples_free); asserts success. */
void extract_abstract(const thx_ruleset *rs, const char *sentence, thx_triples *ts);
/* The therapies (canonical names, in output order) claimed for condition (its canonical
 * name) in sentence, joined by ',': a static buffer that the next call overwrites. */
const char *therapies_for(const thx_ruleset *rs, const char *sentence, const char *condition);
/* The conditions (as written, in output order) claimed for therapy (its canonical name)
 * in sentence, joined by ',': the same static buffer. */
const char *conditions_for(const thx_ruleset *rs, const char *sentence, const char *therapy);

/* "effect|condition" of each triple of therapy (its text as written) in sentence, in
 * output order, joined by ','; with negated, each ends "|n" when negated, else "|". A
 * static buffer that the next call overwrites. */
const char *therapy_claims(const thx_ruleset *rs, const char *sentence, const char *therapy,
                           bool negated);
/* The same (without flags) of a document of this title and abstract, its title's triples
 * too. */
const char *titled_claims(const thx_ruleset *rs, const char *title, const char *abstract,
                          const char *therapy);
#endif
