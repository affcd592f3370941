/*
 * The cache of compiled rule packs (thx_ruleset_load_cached; src/rules/rule_cache.c):
 * a pack loaded from its cache extracts exactly what it extracts from its text; a cache
 * file that is damaged, truncated or stale (an included file changed) is not used but
 * written anew; --no-cache writes none. Runs the CLI with XDG_CACHE_HOME in a folder of
 * its own; old cache files are pruned. Input: the seed abstract (tests/fixtures/eval/seed-corpus.jsonl) with the
 * shipped pack, sentences of pubmed-10k under each kind of cue (tests/fixtures/cache-cues.jsonl:
 * population, objective, question, negation, hedge), and a small pack written here (from
 * tests/rules/unit.rules).
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "support.h"
#include "therex.h"

static char cache_home[4200];

static void setup(void)
{
    snprintf(cache_home, sizeof cache_home, "%s", tmp_path("xdg"));
    mkdir(cache_home, 0755);
}

/* The one cache file under cache_home/therex, or "" when none; its size into *size. */
static const char *cache_file(long *size)
{
    static char path[4600];
    char dir[4300];
    snprintf(dir, sizeof dir, "%s/therex", cache_home);
    path[0] = '\0';
    *size = -1;
    DIR *d = opendir(dir);
    if (!d)
        return path;
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.') {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            n++;
        }
    closedir(d);
    cr_assert_leq(n, 1, "one cache file, not %d", n);
    struct stat st;
    if (path[0] && stat(path, &st) == 0)
        *size = (long)st.st_size;
    return path;
}

static void remove_cache(void)
{
    long size;
    const char *p = cache_file(&size);
    if (*p)
        unlink(p);
    char dir[4300];
    snprintf(dir, sizeof dir, "%s/therex", cache_home);
    rmdir(dir);
}

/* therex extract -q -r RULES INPUT -o - with XDG_CACHE_HOME=cache_home; its output. */
static char *extract(const char *rules, const char *input, const char *more)
{
    char args[9000], *out = NULL, *err = NULL;
    snprintf(args, sizeof args, "extract -q %s -r '%s' '%s' -o -", more, rules, input);
    char env[4400];
    snprintf(env, sizeof env, "XDG_CACHE_HOME=%s", cache_home);
    putenv(env);
    int rc = run_cli(THX_TEST_DIR, args, &out, &err);
    unsetenv("XDG_CACHE_HOME");
    cr_assert_eq(rc, 0, "extract failed: %s", err ? err : "");
    free(err);
    cr_assert_not_null(out);
    return out;
}

static char *slurp_path(const char *path, size_t *len)
{
    char *s = read_fixture(path, len);
    cr_assert_not_null(s, "cannot read %s", path);
    return s;
}

static void flip_byte(const char *path, long at)
{
    FILE *f = fopen(path, "r+b");
    cr_assert_not_null(f);
    fseek(f, at, SEEK_SET);
    int c = fgetc(f);
    fseek(f, at, SEEK_SET);
    fputc(c ^ 0x5a, f);
    fclose(f);
}

#define SEED "fixtures/eval/seed-corpus.jsonl"

Test(cache, round_trip_extracts_what_the_text_does, .init = setup, .fini = remove_tmp_dir)
{
    char *plain = extract("../rules", SEED, "--no-cache");
    long size;
    cr_expect_str_eq(cache_file(&size), "", "--no-cache writes no cache");
    char *cold = extract("../rules", SEED, ""); /* compiles and writes the cache */
    const char *path = cache_file(&size);
    cr_assert_str_neq(path, "", "the first load writes a cache file");
    cr_expect_gt(size, 1000);
    char *warm = extract("../rules", SEED, ""); /* reads it */
    cr_expect_gt(strlen(plain), 100, "the seed gives triples");
    cr_expect_str_eq(cold, plain);
    cr_expect_str_eq(warm, plain);
    free(plain);
    free(cold);
    free(warm);
    /* every cue kind survives the image: a population cue once came back as negation */
    plain = extract("../rules", "fixtures/cache-cues.jsonl", "--no-cache");
    warm = extract("../rules", "fixtures/cache-cues.jsonl", "");
    cr_expect(strstr(plain, "collagenous colitis") && strstr(plain, "studied for") &&
                  strstr(plain, "\"negated\":true") && strstr(plain, "\"hedged\":true"),
              "the cue sentences lost their claims: %s", plain);
    cr_expect_str_eq(warm, plain);
    free(plain);
    free(warm);
    remove_cache();
}

Test(cache, a_damaged_cache_file_is_rebuilt, .init = setup, .fini = remove_tmp_dir)
{
    const char *rules = THX_TEST_DIR "/rules/unit.rules";
    char *plain = extract(rules, SEED, "--no-cache");
    free(extract(rules, SEED, ""));
    long size;
    char path[4400];
    snprintf(path, sizeof path, "%s", cache_file(&size));
    cr_assert_str_neq(path, "");
    size_t n0;
    char *good = slurp_path(path, &n0);
    /* a byte of the header, of the middle and of the end; then a truncated file; then
     * an empty one */
    long spots[] = {12, size / 2, size - 3};
    for (size_t k = 0; k < sizeof spots / sizeof *spots; k++) {
        flip_byte(path, spots[k]);
        char *out = extract(rules, SEED, "");
        cr_expect_str_eq(out, plain, "output with byte %ld damaged", spots[k]);
        free(out);
        size_t n;
        char *now = slurp_path(path, &n);
        cr_expect(n == n0 && !memcmp(now, good, n), "byte %ld: the file is written anew",
                  spots[k]);
        free(now);
    }
    cr_assert_eq(truncate(path, size / 3), 0);
    char *out = extract(rules, SEED, "");
    cr_expect_str_eq(out, plain, "output with the file truncated");
    free(out);
    cr_assert_eq(truncate(path, 0), 0);
    out = extract(rules, SEED, "");
    cr_expect_str_eq(out, plain, "output with the file empty");
    free(out);
    size_t n;
    char *now = slurp_path(path, &n);
    cr_expect(n == n0 && !memcmp(now, good, n), "the empty file is written anew");
    free(now);
    free(good);
    free(plain);
    remove_cache();
}

Test(cache, a_changed_include_is_not_read_from_the_cache, .init = setup, .fini = remove_tmp_dir)
{
    size_t n;
    char *unit = read_fixture("rules/unit.rules", &n);
    cr_assert_not_null(unit);
    /* the pack: main.rules includes the therapy lexicon, which then changes */
    char *lex = strstr(unit, "lexicon condition");
    cr_assert_not_null(lex);
    write_tmp("lex.rules", unit, (size_t)(lex - unit));
    char main_rules[100000];
    int k = snprintf(main_rules, sizeof main_rules, "include \"lex.rules\"\n%s", lex);
    cr_assert_lt(k, (int)sizeof main_rules);
    char mainp[4300];
    snprintf(mainp, sizeof mainp, "%s", write_tmp("main.rules", main_rules, (size_t)k));
    char *before = extract(mainp, SEED, "");
    char *cached = extract(mainp, SEED, "");
    cr_expect_str_eq(cached, before);
    cr_expect(strstr(before, "\"exosomes\""), "exosomes are a therapy: %s", before);
    /* the id of exosomes changed in the included lexicon: a stale cache would give the
     * old one */
    cr_expect(strstr(before, "MeSH:D055354"), "exosomes' id: %s", before);
    char *changed = strdup(unit);
    char *e = strstr(changed, "\"exosomes\" MeSH:D055354");
    cr_assert_not_null(e);
    memcpy(e + strlen("\"exosomes\" MeSH:"), "D999999", 7);
    write_tmp("lex.rules", changed, (size_t)(lex - unit));
    char *after = extract(mainp, SEED, "");
    char *fresh = extract(mainp, SEED, "--no-cache");
    cr_expect_str_eq(after, fresh);
    cr_expect(strstr(after, "MeSH:D999999") && !strstr(after, "MeSH:D055354"),
              "the change is seen: %s", after);
    free(before);
    free(cached);
    free(after);
    free(fresh);
    free(changed);
    free(unit);
    remove_cache();
    unlink(tmp_path("lex.rules"));
    unlink(tmp_path("main.rules"));
}

/* Each build and pack has its own cache file: a new one removes the oldest beyond 8, and
 * temporary files an interrupted writer left behind an hour ago. */
Test(cache, old_cache_files_are_pruned, .init = setup, .fini = remove_tmp_dir)
{
    char dir[4300], path[4600];
    snprintf(dir, sizeof dir, "%s/therex", cache_home);
    cr_assert_eq(mkdir(dir, 0755), 0);
    struct timeval old[2] = {{1000000, 0}, {1000000, 0}};
    for (int i = 0; i < 10; i++) { /* 0000000000000000.thxc the oldest */
        snprintf(path, sizeof path, "%s/%016x.thxc", dir, i);
        FILE *f = fopen(path, "w");
        cr_assert_not_null(f);
        fclose(f);
        old[0].tv_sec = old[1].tv_sec = 1000000 + i;
        cr_assert_eq(utimes(path, old), 0);
    }
    snprintf(path, sizeof path, "%s/.0000000000000001.1.2.tmp", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fclose(f);
    cr_assert_eq(utimes(path, old), 0);
    free(extract(THX_TEST_DIR "/rules/unit.rules", SEED, ""));
    int n = 0, oldest = 0, tmp = 0;
    DIR *d = opendir(dir);
    cr_assert_not_null(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        n += strstr(e->d_name, ".thxc") != NULL;
        oldest += !strcmp(e->d_name, "0000000000000000.thxc");
        tmp += strstr(e->d_name, ".tmp") != NULL;
        if (e->d_name[0] != '.' || strstr(e->d_name, ".tmp")) {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
    }
    closedir(d);
    rmdir(dir);
    cr_expect_eq(n, 8, "8 cache files kept, not %d", n);
    cr_expect_eq(oldest, 0, "the oldest is removed");
    cr_expect_eq(tmp, 0, "the old temporary file is removed");
}

/* A regex synonym past the match limit is a warning, from a warm cache too: the image
 * keeps the regex synonyms as written (it once dropped them, and the warning with them).
 * tests/rules/lexicon-limit.rules, as in test_diagnostics.c. */
Test(cache, a_warm_cache_keeps_the_match_limit_warning, .init = setup, .fini = remove_tmp_dir)
{
    const char *slow = "Zzz aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac relieves headache, then b.";
    char text[400], path[4300], args[4500], env[4400];
    snprintf(text, sizeof text, "{\"id\": \"d1\", \"abstract\": \"%s Aspirin relieves headache.\"}\n",
             slow);
    snprintf(path, sizeof path, "%s", write_tmp("limit.jsonl", text, strlen(text)));
    snprintf(args, sizeof args, "extract -r rules/lexicon-limit.rules -o /dev/null '%s'", path);
    snprintf(env, sizeof env, "XDG_CACHE_HOME=%s", cache_home);
    putenv(env);
    for (int run = 0; run < 2; run++) { /* cold, then warm */
        char *out = NULL, *err = NULL;
        cr_expect_eq(run_cli(THX_TEST_DIR, args, &out, &err), 0);
        cr_expect(err && strstr(err, "rules/lexicon-limit.rules:6:12: warning: regex synonym "
                                     "/zzz (?:a|aa)+b/ of therapy 'slow' gave up on document "
                                     "'d1', sentence 0"),
                  "%s run: %s", run ? "warm" : "cold", err ? err : "(null)");
        free(out);
        free(err);
    }
    unsetenv("XDG_CACHE_HOME");
    long size;
    cr_expect_str_neq(cache_file(&size), "", "the warm run read a cache file");
    remove_cache();
}
