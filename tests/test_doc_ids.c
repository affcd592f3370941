/*
 * Stable ids (README "Document ids"): a document without an id of its own is named by
 * its path relative to the corpus root (--root, default the current folder), so the
 * same file gets the same document and triple ids however it is named on the command
 * line: itself, through its folder or a folder above, with "./" or an absolute path.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support.h"

static char dir[64];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/thx-ids-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "mkdir -p %s/top/corpus/sub %s/elsewhere && cp %s/cases/formats/corpus/plain.txt "
             "%s/top/corpus/sub/plain.txt",
             dir, dir, THX_TEST_DIR, dir);
    cr_assert_eq(system(cmd), 0);
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        cr_log_warn("could not remove %s", dir);
}

TestSuite(doc_ids, .init = setup, .fini = teardown);

/* The triple and document ids of `therex extract -q -r unit.rules ARGS -o -` run in
 * cwd, "TRIPLE DOC" a line (doc.source, which names the file as it was reached, is left
 * out). */
static char *extract(const char *cwd, const char *args)
{
    char cmd[1024], *out = NULL, *err = NULL;
    snprintf(cmd, sizeof cmd, "extract -q -r %s/rules/unit.rules %s -o -", THX_TEST_DIR, args);
    int rc = run_cli(cwd, cmd, &out, &err);
    cr_assert_eq(rc, 0, "therex %s: exit %d: %s", cmd, rc, err);
    free(err);
    char *ids = calloc(strlen(out) + 1, 1);
    size_t n = 0;
    for (char *line = out, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
        *nl = '\0';
        json_t *v = json_loads(line, 0, NULL);
        cr_assert_not_null(v, "not JSON: %s", line);
        const char *tid = json_string_value(json_object_get(v, "id"));
        const char *did = json_string_value(json_object_get(json_object_get(v, "doc"), "id"));
        cr_assert(tid && did);
        n += (size_t)sprintf(ids + n, "%s %s\n", tid, did);
        json_decref(v);
    }
    free(out);
    cr_assert_gt(n, 0, "therex %s wrote no triples", cmd);
    return ids;
}

Test(doc_ids, the_same_file_named_any_way_has_the_same_ids)
{
    char top[128], abs_file[256], root[160];
    snprintf(top, sizeof top, "%s/top", dir);
    snprintf(abs_file, sizeof abs_file, "%s/corpus/sub/plain.txt", top);
    char *file = extract(top, "corpus/sub/plain.txt");
    cr_expect(strstr(file, " corpus/sub/plain.txt\n") != NULL, "%s", file);
    const char *others[] = {"corpus/sub", "corpus", ".", "./corpus/sub/plain.txt",
                            "corpus/sub/../sub/plain.txt", abs_file};
    for (size_t i = 0; i < sizeof others / sizeof *others; i++) {
        char *o = extract(top, others[i]);
        cr_expect_str_eq(o, file, "named as '%s', the records differ", others[i]);
        free(o);
    }
    /* from another folder, --root names the same root */
    char elsewhere[128], args[512];
    snprintf(elsewhere, sizeof elsewhere, "%s/elsewhere", dir);
    snprintf(root, sizeof root, "--root %s", top);
    snprintf(args, sizeof args, "%s %s", root, abs_file);
    char *o = extract(elsewhere, args);
    cr_expect_str_eq(o, file);
    free(o);
    snprintf(args, sizeof args, "--root ../top ../top/corpus");
    o = extract(elsewhere, args);
    cr_expect_str_eq(o, file);
    free(o);
    free(file);
}

Test(doc_ids, a_file_outside_the_root_is_named_by_its_absolute_path)
{
    char elsewhere[128], want[256];
    snprintf(elsewhere, sizeof elsewhere, "%s/elsewhere", dir);
    char *o = extract(elsewhere, "../top/corpus/sub/plain.txt");
    char *real = realpath(dir, NULL);
    snprintf(want, sizeof want, " %s/top/corpus/sub/plain.txt\n", real);
    cr_expect(strstr(o, want) != NULL, "want %s in %s", want, o);
    free(real);
    free(o);
}

Test(doc_ids, a_record_with_its_own_id_keeps_it)
{
    char *o = extract(THX_TEST_DIR, "cases/formats/corpus/two.jsonl");
    cr_expect(strstr(o, " sent-1\n") != NULL, "%s", o);
    cr_expect(strstr(o, " 12345\n") != NULL, "%s", o);
    free(o);
}

Test(doc_ids, a_root_that_is_not_a_folder_is_a_usage_error)
{
    char *err = NULL;
    cr_expect_eq(run_cli(THX_TEST_DIR, "extract --root nowhere cases/formats/corpus -o -",
                         NULL, &err), 2);
    cr_expect(strstr(err, "--root 'nowhere'") != NULL, "%s", err);
    free(err);
}
