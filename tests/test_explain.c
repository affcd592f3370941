/*
 * therex explain against the JSON records: the offsets it prints are the records'
 * (code points from the start of the title or abstract, docs/output.md), the sentence
 * is printed whole on one line with its span, and --doc - reads standard input.
 * Fixture: tests/explain/unicode.jsonl (non-ASCII before the claim, a line break inside
 * the sentence), with tests/rules/unit.rules.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

#define DOC "explain/unicode.jsonl"

static json_t *first_record(void)
{
    char *out = NULL;
    cr_assert_eq(run_cli(THX_TEST_DIR, "extract -q -r rules/unit.rules " DOC " -o -", &out, NULL),
                 0);
    json_t *j = json_loads(out, JSON_DISABLE_EOF_CHECK, NULL);
    cr_assert_not_null(j, "%s", out);
    free(out);
    return j;
}

static long field(json_t *rec, const char *obj, const char *key)
{
    return (long)json_integer_value(json_object_get(json_object_get(rec, obj), key));
}

static void expect_same_offsets(const char *out, json_t *rec)
{
    char want[256];
    snprintf(want, sizeof want, "sentence 2 (abstract [%ld,%ld)): Exosomes have been used to "
                                "treat diseases such as erectile dysfunction.\n",
             field(rec, "sentence", "start"), field(rec, "sentence", "end"));
    cr_expect(strstr(out, want), "want %s in:\n%s", want, out);
    snprintf(want, sizeof want, "therapy   \"Exosomes\" [%ld,%ld)", field(rec, "therapy", "start"),
             field(rec, "therapy", "end"));
    cr_expect(strstr(out, want), "want %s in:\n%s", want, out);
    snprintf(want, sizeof want, "condition \"erectile dysfunction\" [%ld,%ld)",
             field(rec, "condition", "start"), field(rec, "condition", "end"));
    cr_expect(strstr(out, want), "want %s in:\n%s", want, out);
}

Test(explain, offsets_are_the_json_records_and_the_sentence_is_whole)
{
    json_t *rec = first_record();
    cr_expect_eq(field(rec, "therapy", "start"), 25); /* code points, not bytes (27) */
    char *out = NULL;
    cr_expect_eq(run_cli(THX_TEST_DIR, "explain -r rules/unit.rules --doc " DOC, &out, NULL), 0);
    expect_same_offsets(out, rec);
    cr_expect(strstr(out, "sentence 0 (title [0,27)): Über die Exosomen: a réview\n"), "%s", out);
    free(out);
    json_decref(rec);
}

Test(explain, doc_dash_reads_standard_input)
{
    json_t *rec = first_record();
    /* run_cli's standard input is /dev/null: a pipe of our own */
    char cmd[4096];
    const char *o = tmp_path("explain.out");
    snprintf(cmd, sizeof cmd, "cd '%s' && cat " DOC " | '%s' explain -r rules/unit.rules --doc - >'%s'",
             THX_TEST_DIR, THX_BINARY, o);
    cr_expect_eq(system(cmd), 0);
    char *out = read_fixture(o, NULL);
    cr_assert_not_null(out);
    expect_same_offsets(out, rec);
    free(out);
    remove(o);
    remove_tmp_dir();
    json_decref(rec);
}
