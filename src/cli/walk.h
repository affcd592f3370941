/*
 * Expanding the command line's input paths into the list of corpus files to read.
 * Owned by the corpus-readers module (used by the CLI only; not part of libtherex).
 */
#ifndef THX_WALK_H
#define THX_WALK_H

#include "therex.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct {
    char *path;    /* the path to open ("-" for standard input) */
    char *source;  /* relative to the directory given, the path as given for a file
                    * named explicitly, "<stdin>" for "-" (the sort key); extract then
                    * makes it the name documents without an id get (doc_ids.h) */
    bool is_stdin; /* "-": read standard input */
    uintmax_t size; /* bytes, of a regular file (0 otherwise), for --progress */
} walk_entry;

/* A file never taken from a walked directory: the output (device and inode). */
typedef struct {
    bool set;
    dev_t dev;
    ino_t ino;
} walk_skip;

typedef struct {
    walk_entry *items;
    size_t len, cap;
} walk_list;

void walk_list_init(walk_list *l);
void walk_list_free(walk_list *l);

/* Reports each of paths[0..n) that does not exist or cannot be reached ("-", standard
 * input, always can) in diags; returns how many. */
size_t walk_missing(const char *const *paths, size_t n, thx_diags *diags);

/* Appends the files named by paths[0..n) to out, in the order given; "-" is standard
 * input, listed once however often it is named; a directory is replaced by every
 * corpus file below it (names ending in .txt .jsonl .ndjson .json .text .abstract
 * .xml .nbib .gz (.xml.gz, .jsonl.gz ...),
 * hidden entries skipped, symlinked directories not followed, the file `skip` names
 * left out), sorted by source with strcmp. A file named explicitly is always taken.
 * Missing or unreadable paths are reported in diags and the others still listed.
 * Returns 0, THX_EIO when something was reported, or THX_ENOMEM. */
int walk_paths(const char *const *paths, size_t n, const walk_skip *skip, walk_list *out,
               thx_diags *diags);

#endif
