/*
 * The fields of a line of pubmed-10k's abstracts.tsv (tab-separated, no quoting), for
 * the bench programs sentence_count.c and sentence_spans.c (not part of the build).
 */
#ifndef THX_BENCH_TSV_FIELD_H
#define THX_BENCH_TSV_FIELD_H
#include <string.h>

/* Points *f at the n-th tab-separated field of line (0-based); returns its length. */
static size_t field(char *line, int n, char **f)
{
    char *p = line;
    for (int k = 0; k < n && p; k++) {
        p = strchr(p, '\t');
        if (p)
            p++;
    }
    if (!p) {
        *f = line + strlen(line);
        return 0;
    }
    *f = p;
    return strcspn(p, "\t\r\n");
}

#endif
