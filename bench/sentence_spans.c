/*
 * Prints every sentence of every record of a TSV file (columns source, id_type, id,
 * title, abstract; one header line) as therex splits it (thx_split_sentences, title and
 * abstract apart, as therex extract does), one a line:
 *     source <TAB> id <TAB> title|abstract <TAB> start <TAB> end
 * with start/end byte offsets into the field. bench/gold/medline_draw.py builds it and
 * draws the sentences of bench/gold/medline-sentences.jsonl from its output.
 *
 * Not part of the build. From the top of the source tree:
 *   gcc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Iinclude -Isrc \
 *       bench/sentence_spans.c src/input/sentence.c src/util/util.c -o /tmp/sentence_spans
 *   /tmp/sentence_spans /work/shared/data/pubmed-10k/abstracts.tsv
 */
#include "therex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsv_field.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s abstracts.tsv\n", argv[0]);
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    static const char *names[] = {"title", "abstract"};
    static const thx_section secs[] = {THX_SEC_TITLE, THX_SEC_ABSTRACT};
    char *line = NULL;
    size_t cap = 0;
    thx_sentences ss = {0};
    for (long row = 0; getline(&line, &cap, in) > 0; row++) {
        if (row == 0)
            continue; /* header */
        char *src, *id;
        size_t ns = field(line, 0, &src), ni = field(line, 2, &id);
        for (int k = 0; k < 2; k++) {
            char *text;
            size_t n = field(line, 3 + k, &text);
            ss.len = 0;
            if (thx_split_sentences(&ss, text, n, secs[k]) != THX_OK) {
                fprintf(stderr, "out of memory\n");
                return 1;
            }
            for (size_t s = 0; s < ss.len; s++)
                printf("%.*s\t%.*s\t%s\t%zu\t%zu\n", (int)ns, src, (int)ni, id, names[k],
                       ss.items[s].start, ss.items[s].end);
        }
    }
    thx_sentences_free(&ss);
    free(line);
    fclose(in);
    return 0;
}
