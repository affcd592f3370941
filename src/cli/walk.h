/*
 * Expanding the command line's input paths into the list of corpus files to read.
 * Owned by the corpus-readers module (used by the CLI only; not part of libtherex).
 */
#ifndef THX_WALK_H
#define THX_WALK_H

#include "therex.h"

#include <stddef.h>

typedef struct {
    char *path;   /* the path to open */
    char *source; /* the name put into doc.source: relative to the directory given,
                   * or the path as given for a file named explicitly */
} walk_entry;

typedef struct {
    walk_entry *items;
    size_t len, cap;
} walk_list;

void walk_list_init(walk_list *l);
void walk_list_free(walk_list *l);

/* Appends the files named by paths[0..n) to out, in the order given; a directory is
 * replaced by every corpus file below it (names ending in .txt .jsonl .ndjson .json
 * .text .abstract, hidden entries skipped, symlinked directories not followed), sorted
 * by source with strcmp. A file named explicitly is always taken. Missing or unreadable
 * paths are reported in diags and the others still listed. Returns 0, THX_EIO when
 * something was reported, or THX_ENOMEM. */
int walk_paths(const char *const *paths, size_t n, walk_list *out, thx_diags *diags);

#endif
