/*
 * The names that documents without an id of their own are known by (README "Document
 * ids"): a document whose record carries an id or a PMID keeps it; any other (a plain
 * text file, a PubMed export without PMID, a JSON line without "id" or "pmid") is named
 * by its file's path relative to the corpus root, `--root DIR`, by default the current
 * folder, whatever way the file was reached on the command line (named itself, through
 * its folder or a folder above, with "./", "..", an absolute path or a symbolic link to
 * a folder on the way). A file outside the root is named by its absolute path. So a
 * rerun from the same folder gives the same document and triple ids, and a database
 * upserts. Used by cmd_extract.c (owned by the database/output module).
 */
#ifndef THX_DOC_IDS_H
#define THX_DOC_IDS_H

#include "walk.h"

/* The root's canonical path (caller frees), or NULL with errno set (a root that does
 * not exist or is not a folder: ENOTDIR). */
char *doc_ids_root(const char *root);

/* Rewrites each file's source (not standard input's) into its name relative to
 * root_real (from doc_ids_root). The folder part is resolved, the file's own name is
 * kept (a symbolic link to a file is named as the link). 0, or THX_ENOMEM. */
int doc_ids_rebase(walk_list *files, const char *root_real);

#endif
