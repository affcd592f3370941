/*
 * The newest version of a PMID wins within a run (README "PubMed XML and MEDLINE").
 * Documents are extracted and written in input order as they stream past; a document
 * whose id is its PMID and whose PMID was already written is a newer version (PubMed
 * update files revise earlier records). supersede_note() remembers, for such PMIDs only,
 * how many triple lines the latest version wrote (a bitmap of the PMIDs seen, a few MB
 * for all of PubMed, and a small table of the repeated ones). At the end,
 * supersede_apply() filters the output file in place: of the lines of a repeated PMID it
 * keeps the last version's. Only a JSON Lines output in a regular file can be filtered;
 * for standard output, devices and -f json the caller says that earlier versions remain.
 * Used by cmd_extract.c only.
 */
#ifndef THX_SUPERSEDE_H
#define THX_SUPERSEDE_H

#include "therex.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

typedef struct {
    uint32_t pmid;
    size_t last;  /* lines the latest version wrote */
    size_t total; /* lines of the PMID in the output (counted by supersede_apply) */
    size_t seen;
} supersede_entry;

typedef struct {
    uint8_t *bits; /* PMIDs written so far */
    size_t nbits;
    supersede_entry *items; /* open addressing by PMID; pmid 0 = empty */
    size_t len, cap;
    size_t versions; /* documents that replaced an earlier version */
} supersede;

void supersede_init(supersede *s);
void supersede_free(supersede *s);
/* A document was written with `lines` triples: 0, or -1 when out of memory. */
int supersede_note(supersede *s, const thx_doc *d, size_t lines);
/* Leaves out, in the JSON Lines file f (open for writing, positioned at its end; `path`
 * names it, to read it), the lines of the earlier versions of each repeated PMID. *removed gets their
 * number. Returns 0 or an errno value. */
int supersede_apply(supersede *s, FILE *f, const char *path, size_t *removed);

#endif
