/*
 * Acceptance on the seed abstract with the shipped rule pack (rules/): the seed as
 * JSON Lines with id "seed" (tests/fixtures/eval/seed-corpus.jsonl) scored against its
 * gold sentences (tests/fixtures/eval/seed-gold.jsonl, from shared/eval) by the same
 * scorer as score.py; and the seed in its own PubMed text format
 * (tests/fixtures/seed.txt) must give the same triples, with its DOI.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eval/score.h"
#include "support.h"

static char *extract_to_file(const char *input, char *path)
{
    strcpy(path, "/tmp/thx-seed-XXXXXX");
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    close(fd);
    char args[1024];
    snprintf(args, sizeof args, "extract -q -r ../rules %s -o %s", input, path);
    cr_assert_eq(run_cli(THX_TEST_DIR, args, NULL, NULL), 0, "extract %s failed", input);
    return path;
}

Test(seed, scores_at_least_the_acceptance_thresholds)
{
    char pred[64];
    extract_to_file("fixtures/eval/seed-corpus.jsonl", pred);
    score_result r;
    thx_diags d;
    thx_diags_init(&d);
    cr_assert_eq(score_files(&r, THX_TEST_DIR "/fixtures/eval/seed-gold.jsonl", pred, &d), 0);
    cr_expect_geq(r.level[SCORE_PAIR].precision, 0.9);
    cr_expect_geq(r.level[SCORE_PAIR].recall, 0.9);
    cr_expect_geq(r.level[SCORE_EFFECT].precision, 0.9);
    cr_expect_geq(r.level[SCORE_EFFECT].recall, 0.6);
    cr_expect_gt(r.flags_compared, 0);
    cr_expect_geq(r.negated_accuracy, 0.9);
    cr_expect_geq(r.hedged_accuracy, 0.9);
    score_result_free(&r);
    thx_diags_free(&d);
    unlink(pred);
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The triples of a prediction file as sorted "scope|therapy|effect|condition|flags"
 * lines; the DOI of its documents into doi (if asked). */
static char *claims_of(const char *path, char *doi, size_t cap)
{
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f);
    char line[65536];
    char *rows[512];
    size_t n = 0;
    while (fgets(line, sizeof line, f) && n < 512) {
        json_t *o = json_loads(line, 0, NULL);
        cr_assert_not_null(o);
        json_t *c = json_object_get(o, "condition");
        char row[1024];
        snprintf(row, sizeof row, "%s|%s|%s|%s|%d%d%d",
                 json_string_value(json_object_get(o, "scope")),
                 json_string_value(json_object_get(json_object_get(o, "therapy"), "norm")),
                 json_string_value(json_object_get(json_object_get(o, "effect"), "norm")),
                 json_is_null(c) ? "-" : json_string_value(json_object_get(c, "norm")),
                 json_is_true(json_object_get(o, "negated")),
                 json_is_true(json_object_get(o, "hedged")), json_is_true(json_object_get(o, "coref")));
        rows[n++] = strdup(row);
        const char *d = json_string_value(json_object_get(json_object_get(o, "doc"), "doi"));
        if (doi)
            snprintf(doi, cap, "%s", d ? d : "");
        json_decref(o);
    }
    fclose(f);
    qsort(rows, n, sizeof *rows, by_string);
    size_t total = 1;
    for (size_t i = 0; i < n; i++)
        total += strlen(rows[i]) + 1;
    char *all = calloc(total, 1);
    for (size_t i = 0; i < n; i++) {
        strcat(all, rows[i]);
        strcat(all, "\n");
        free(rows[i]);
    }
    return all;
}

Test(seed, text_format_gives_the_same_triples_with_its_doi)
{
    char a[64], b[64], doi[256] = "";
    extract_to_file("fixtures/eval/seed-corpus.jsonl", a);
    extract_to_file("fixtures/seed.txt", b);
    char *from_jsonl = claims_of(a, NULL, 0), *from_text = claims_of(b, doi, sizeof doi);
    cr_expect_gt(strlen(from_jsonl), 100);
    cr_expect_str_eq(from_text, from_jsonl);
    cr_expect_str_eq(doi, "10.1016/j.repbio.2020.07.002");
    free(from_jsonl);
    free(from_text);
    unlink(a);
    unlink(b);
}

Test(seed, document_join_gives_anti_fibrotic_but_not_pro_angiogenic_for_endometriosis)
{
    char a[64];
    extract_to_file("fixtures/seed.txt", a);
    char *rows = claims_of(a, NULL, 0);
    cr_expect(strstr(rows, "document|exosomes|anti-fibrotic|endometriosis|") != NULL, "%s", rows);
    cr_expect(strstr(rows, "document|exosomes|pro-angiogenic|endometriosis|") == NULL, "%s", rows);
    cr_expect(strstr(rows, "sentence|exosomes|induces cell proliferation|-|001") != NULL,
              "'They can induce ...' resolves to exosomes: %s", rows);
    free(rows);
    unlink(a);
}
