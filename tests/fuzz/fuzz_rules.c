/*
 * Fuzz harness: the rule language (rules/): the input is one rule file, loaded with
 * thx_ruleset_load (read, parse, includes, macros, compile, gates); a rule set that
 * loads is then used as `therex check` and `therex lint` use it: extraction on each
 * example and counter sentence, then on all of them as one document, and lint with and
 * without --all. Beyond the public API it uses the faces rules/rules.h and util/util.h.
 *
 * The file is written into a fresh temporary directory that also holds base.rules (a
 * lexicon, cues and a macro), so that `include "base.rules"` works and an include of
 * the file itself is a cycle; both are removed once the rule set is loaded. An input
 * that includes a path with a '/' is skipped (returns -1): it would read files outside
 * that directory.
 *
 * Checks: the rule set loads iff no error was reported; every diagnostic prints.
 */
#include "fuzz.h"
#include "rules/rules.h"
#include "util/util.h"

#include <string.h>
#include <unistd.h>

/* mkdtemp's template, made once; the directory of one input, and its two files */
static char dir_template[4096];
static char dir[4096], path[4200], base[4200];

static const char BASE_RULES[] =
    "lexicon therapy\n"
    "  \"metformin\" MeSH:D008687 = glucophage\n"
    "  \"exosomes\" = EVs | \"extracellular vesicles\"\n"
    "end\n"
    "lexicon condition\n"
    "  \"polycystic ovary syndrome\" MeSH:D011085 tags endocrine = PCOS\n"
    "  \"stroke\"\n"
    "end\n"
    "lexicon effect\n"
    "  \"anti-fibrotic\" targets fibrosis predicate biolink:has_effect\n"
    "end\n"
    "cues negation\n"
    "  forward not | no   scope 6\n"
    "end\n"
    "cues hedge\n"
    "  forward may   scope 10\n"
    "end\n"
    "macro HAVE = (has|have|had)\n";

static int write_file(const char *p, const void *data, size_t n)
{
    FILE *f = fopen(p, "wb");
    if (!f)
        return -1;
    size_t k = fwrite(data, 1, n, f);
    return fclose(f) == 0 && k == n ? 0 : -1;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir_template, sizeof dir_template, "%s/thx-fuzz-rules-XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    return 0;
}

/* The input as dir/fuzz.rules beside dir/base.rules, in a fresh directory: it lives
 * only while the input runs (a crash leaves it behind, with the crash). */
static void make_files(const uint8_t *data, size_t size)
{
    strcpy(dir, dir_template);
    if (!mkdtemp(dir)) {
        perror("fuzz_rules: mkdtemp");
        abort();
    }
    snprintf(path, sizeof path, "%s/fuzz.rules", dir);
    snprintf(base, sizeof base, "%s/base.rules", dir);
    FUZZ_CHECK(write_file(base, BASE_RULES, sizeof BASE_RULES - 1) == 0);
    FUZZ_CHECK(write_file(path, data, size) == 0);
}

static void remove_files(void)
{
    unlink(path);
    unlink(base);
    rmdir(dir);
}

/* True when some line that mentions include also holds a '/'. */
static bool includes_a_path(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - s) : n;
        const char *slash = memchr(s + i, '/', e - i);
        for (size_t k = i; slash && k + 7 <= e; k++)
            if (memcmp(s + k, "include", 7) == 0)
                return true;
        i = e + 1;
    }
    return false;
}

/* Every example and counter sentence alone (as check runs them, but with all the rules:
 * check's one-rule mode is internal to claims/), then all of them together as one
 * abstract (as extract does), with one extractor. */
static void run_examples(const thx_ruleset *rs)
{
    thx_extractor *ex = thx_extractor_new(rs);
    FUZZ_CHECK(ex);
    strbuf all;
    sb_init(&all);
    thx_doc doc = {0};
    doc.id = "check";
    doc.title = "";
    for (size_t i = 0; i < rs->nrules; i++)
        for (size_t k = 0; k < rs->rules[i].nexamples; k++) {
            const char *sentence = rs->rules[i].examples[k].sentence;
            FUZZ_CHECK(sentence);
            doc.abstract = (char *)sentence;
            thx_triples ts;
            thx_triples_init(&ts);
            FUZZ_CHECK(thx_extractor_run(ex, &ts, &doc) == 0);
            thx_triples_free(&ts);
            sb_puts(&all, sentence);
            sb_putc(&all, ' ');
        }
    doc.abstract = all.ptr ? all.ptr : "";
    thx_triples ts;
    thx_triples_init(&ts);
    FUZZ_CHECK(thx_extractor_run(ex, &ts, &doc) == 0);
    thx_triples_free(&ts);
    thx_extractor_free(ex);
    sb_free(&all);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (includes_a_path((const char *)data, size))
        return -1;
    make_files(data, size);
    thx_diags diags;
    thx_diags_init(&diags);
    const char *paths[] = {path};
    thx_ruleset *rs = thx_ruleset_load(paths, 1, &diags);
    remove_files();
    FUZZ_CHECK(!rs == (thx_diags_count(&diags, THX_SEV_ERROR) > 0));
    fuzz_check_diags(&diags);
    thx_diags_free(&diags);
    if (rs) {
        run_examples(rs);
        for (int all = 0; all < 2; all++) {
            thx_diags lint;
            thx_diags_init(&lint);
            FUZZ_CHECK(rules_lint(rs, &lint, all) >= 0);
            fuzz_check_diags(&lint);
            thx_diags_free(&lint);
        }
    }
    thx_ruleset_free(rs);
    return 0;
}
