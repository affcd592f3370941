/*
 * Splits every abstract of a TSV file (columns source, id_type, id, title, abstract;
 * one header line) into sentences and prints the number of sentences and the speed
 * of thx_split_sentences alone, in MB/s. With -p it prints the sentences, one a line,
 * each record's after a "# source id" line, for eyeballing the splits.
 *
 * Not part of the build. From the top of the source tree:
 *   gcc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Iinclude -Isrc \
 *       bench/sentence_count.c src/input/sentence.c src/util/util.c -o /tmp/sentence_count
 *   /tmp/sentence_count /work/shared/data/pubmed-10k/abstracts.tsv
 */
#include "therex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsv_field.h"
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    int print = argc > 2 && strcmp(argv[1], "-p") == 0;
    const char *path = argv[print ? 2 : 1];
    if (!path) {
        fprintf(stderr, "usage: %s [-p] abstracts.tsv\n", argv[0]);
        return 2;
    }
    FILE *in = fopen(path, "r");
    if (!in) {
        perror(path);
        return 1;
    }
    char *line = NULL;
    size_t cap = 0, docs = 0, bytes = 0, count = 0;
    double spent = 0;
    thx_sentences ss = {0};
    for (long row = 0; getline(&line, &cap, in) > 0; row++) {
        char *text, *src, *id;
        size_t n = field(line, 4, &text);
        size_t ns = field(line, 0, &src), ni = field(line, 2, &id);
        if (row == 0)
            continue; /* header */
        ss.len = 0;
        double t0 = now();
        if (thx_split_sentences(&ss, text, n, THX_SEC_ABSTRACT) != THX_OK) {
            fprintf(stderr, "out of memory\n");
            return 1;
        }
        spent += now() - t0;
        docs++;
        bytes += n;
        count += ss.len;
        if (print) {
            printf("# %.*s %.*s\n", (int)ns, src, (int)ni, id);
            for (size_t k = 0; k < ss.len; k++)
                printf("%.*s\n", (int)(ss.items[k].end - ss.items[k].start),
                       text + ss.items[k].start);
        }
    }
    free(line);
    thx_sentences_free(&ss);
    fclose(in);
    fprintf(print ? stderr : stdout,
            "%zu abstracts, %zu sentences, %.1f MB in %.3f s: %.0f MB/s\n", docs, count,
            bytes / 1e6, spent, spent > 0 ? bytes / 1e6 / spent : 0.0);
    return 0;
}
