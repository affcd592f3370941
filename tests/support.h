/* Helpers shared by the Criterion tests: reading fixture files and running the CLI. */
#ifndef THX_TEST_SUPPORT_H
#define THX_TEST_SUPPORT_H
#include <stddef.h>

/* Reads a whole file (path relative to tests/ unless absolute); caller frees; NULL on error. */
char *read_fixture(const char *rel, size_t *len);
/* Runs `therex ARGS` through /bin/sh with cwd = dir (NULL: the source tree), capturing
 * standard output and standard error into the given buffers (caller frees);
 * returns the exit status, or -1 if it could not be run. */
int run_cli(const char *dir, const char *args, char **out, char **err);
#endif
