/*
 * Loading a rule set: expands directories into their *.rules files (sorted, so the
 * load order and therefore conflict order is the same on every machine), parses every
 * file, then compiles. Returns NULL when any file had an error; all errors are in diags.
 */
#include <dirent.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rule_cache.h"
#include "rule_load.h"

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Appends the *.rules files below dir to files: a folder's own files first (sorted),
 * then its sub-folders (sorted), so that a pack's specific lexicons load before the
 * general ones kept in a sub-folder, and win where two entries tie. */
int rules_list_files(const char *dir, str_vec *files, int depth)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    str_vec names = {0};
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.')
            str_vec_push(&names, e->d_name, strlen(e->d_name));
    closedir(d);
    if (names.len > 1)
        qsort(names.items, names.len, sizeof *names.items, cmp_str);
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < names.len; i++) {
            strbuf path;
            sb_init(&path);
            sb_printf(&path, "%s/%s", dir, names.items[i]);
            struct stat st;
            if (path.ptr && lstat(path.ptr, &st) == 0) {
                if (pass == 1 && S_ISDIR(st.st_mode) && depth < 16)
                    rules_list_files(path.ptr, files, depth + 1);
                else if (pass == 0 && S_ISREG(st.st_mode) && ends_with(path.ptr, ".rules"))
                    str_vec_push(files, path.ptr, path.len);
            }
            sb_free(&path);
        }
    str_vec_free(&names);
    return 0;
}

static char *strip_trailing_slash(const char *p)
{
    size_t n = strlen(p);
    while (n > 1 && p[n - 1] == '/')
        n--;
    return xstrndup(p, n);
}

/* Orders the diagnostics from `from` on by file (in the order files were first named),
 * then line and column: parse and compile errors of one line come together. Stable; a
 * note stays under the diagnostic it follows (it may point elsewhere). */
static void sort_diags(thx_diags *d, size_t from)
{
    size_t n = d->len - from, ng = 0;
    size_t *head = malloc((n + 1) * sizeof *head), *rank = malloc((n + 1) * sizeof *rank);
    thx_diag *out = malloc((n + 1) * sizeof *out);
    if (!head || !rank || !out) {
        free(head), free(rank), free(out);
        return; /* out of memory: left in the order they came */
    }
    for (size_t i = from; i < d->len; i++) {
        size_t f = from;
        while (strcmp(d->items[f].path, d->items[i].path))
            f++;
        rank[i - from] = f;
        if (i == from || d->items[i].severity != THX_SEV_NOTE)
            head[ng++] = i;
    }
    for (size_t i = 1; i < ng; i++) { /* insertion sort of the groups by their head */
        size_t x = head[i], j = i;
        for (; j > 0; j--) {
            size_t y = head[j - 1];
            const thx_diag *a = &d->items[x], *b = &d->items[y];
            bool before = rank[x - from] < rank[y - from] ||
                          (rank[x - from] == rank[y - from] &&
                           (a->line < b->line || (a->line == b->line && a->col < b->col)));
            if (!before)
                break;
            head[j] = y;
        }
        head[j] = x;
    }
    size_t k = 0;
    for (size_t g = 0; g < ng; g++) {
        size_t i = head[g];
        out[k++] = d->items[i];
        while (++i < d->len && d->items[i].severity == THX_SEV_NOTE && i != from)
            out[k++] = d->items[i];
    }
    memcpy(d->items + from, out, n * sizeof *out);
    free(head), free(rank), free(out);
}

thx_ruleset *thx_ruleset_load(const char *const *paths, size_t npaths, thx_diags *diags)
{
    thx_ruleset *rs = calloc(1, sizeof *rs);
    if (!rs || lexicon_init(&rs->lex)) {
        free(rs);
        return NULL;
    }
    size_t before = thx_diags_count(diags, THX_SEV_ERROR), first_diag = diags->len;
    for (size_t i = 0; i < npaths; i++) {
        char *path = strip_trailing_slash(paths[i]);
        struct stat st;
        if (!path) {
            break;
        } else if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            str_vec files = {0};
            rules_list_files(path, &files, 0);
            if (files.len == 0)
                thx_diags_add(diags, THX_SEV_ERROR, path, 0, 0, NULL, "no .rules files here");
            for (size_t k = 0; k < files.len; k++)
                rules_parse_file(rs, files.items[k], diags);
            str_vec_free(&files);
        } else {
            rules_parse_file(rs, path, diags);
        }
        free(path);
    }
    rules_calibrate_apply(rs, diags);
    /* compiled even after parse errors, so that one run shows every error */
    rules_compile(rs, diags);
    if (thx_diags_count(diags, THX_SEV_ERROR) > before) {
        sort_diags(diags, first_diag);
        thx_ruleset_free(rs);
        return NULL;
    }
    lexicon_compact(&rs->lex); /* only a speed-up: on failure the tries work as they are */
    return rs;
}

static void free_rule(rule *r)
{
    free(r->id);
    free(r->effect);
    free(r->predicate);
    for (size_t k = 0; k < r->npatterns; k++) {
        free(r->patterns[k].source);
        for (int t = 0; t < SLOT_NTYPES; t++)
            free(r->patterns[k].slot_tag[t]);
        free(r->patterns[k].regex);
        free(r->patterns[k].gate_text);
        free(r->patterns[k].gate_ids);
        free(r->patterns[k].gate_ends);
        free(r->patterns[k].step_src);
        free(r->patterns[k].step_re);
        pcre2_code_free(r->patterns[k].code);
        pcre2_code_free(r->patterns[k].core);
    }
    free(r->patterns);
    for (size_t k = 0; k < r->nexamples; k++) {
        rule_example *ex = &r->examples[k];
        for (size_t j = 0; j < ex->nexpects; j++) {
            free(ex->expects[j].therapy);
            free(ex->expects[j].effect);
            free(ex->expects[j].condition);
        }
        free(ex->expects);
        free(ex->sentence);
    }
    free(r->examples);
}

void thx_ruleset_free(thx_ruleset *rs)
{
    if (!rs)
        return;
    for (size_t i = 0; i < rs->nrules; i++)
        free_rule(&rs->rules[i]);
    free(rs->rules);
    for (size_t i = 0; i < rs->nmacros; i++) {
        free(rs->macros[i].name);
        free(rs->macros[i].body);
    }
    free(rs->macros);
    for (size_t i = 0; i < rs->ncues; i++)
        free(rs->cues[i].text);
    free(rs->cues);
    for (size_t i = 0; i < rs->njoins; i++) {
        free(rs->joins[i].name);
        free(rs->joins[i].predicate);
    }
    free(rs->joins);
    for (size_t i = 0; i < rs->ncalibrations; i++)
        free(rs->calibrations[i].id);
    free(rs->calibrations);
    free(rs->terms);
    free(rs->marks);
    for (size_t i = 0; i < rs->nstrings; i++)
        free(rs->strings[i]);
    free(rs->strings);
    str_vec_free(&rs->loaded);
    str_vec_free(&rs->label_forms);
    str_vec_free(&rs->label_names);
    str_vec_free(&rs->literal_texts);
    free(rs->filters);
    free(rs->lit_start);
    free(rs->lit_pats);
    free(rs->pat_rule);
    free(rs->pat_index);
    free(rs->pat_always);
    lexicon_free(&rs->lex);
    free(rs);
}

size_t thx_ruleset_rule_count(const thx_ruleset *rs)
{
    return rs->nrules;
}

size_t thx_ruleset_term_count(const thx_ruleset *rs)
{
    return rs->lex.nentries;
}

static pthread_mutex_t jit_lock = PTHREAD_MUTEX_INITIALIZER;

/* The JIT-compiled code of the core of regex (rule_core.c), or NULL: none, or it does
 * not compile (the pattern then runs without). Compiled as rule_pattern_code.c compiles
 * the pattern, without the offset limit (the core is searched in the whole sentence). */
static pcre2_code *core_code(const char *regex)
{
    char *core = rules_pattern_core(regex);
    if (!core)
        return NULL;
    /* in the faster form that matches the same, as the pattern's code (lexicon.h) */
    char *factored = regex_factor_alternatives(core, strlen(core));
    int err;
    PCRE2_SIZE off;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)(factored ? factored : core),
                                     PCRE2_ZERO_TERMINATED, PCRE2_CASELESS | PCRE2_DUPNAMES,
                                     &err, &off, NULL);
    free(factored);
    free(core);
    if (code)
        pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
    return code;
}

pcre2_code *rules_pattern_code(const rule_pattern *p)
{
    /* jitted is the one field that changes after load: the rule set is otherwise read-only */
    rule_pattern *q = (rule_pattern *)p;
    if (!atomic_load_explicit(&q->jitted, memory_order_acquire)) {
        pthread_mutex_lock(&jit_lock);
        if (!atomic_load_explicit(&q->jitted, memory_order_relaxed)) {
            pcre2_jit_compile(q->code, PCRE2_JIT_COMPLETE);
            /* an anchored pattern ("/^/ ...") is tried at one place: no core pays there */
            uint32_t all = 0;
            pcre2_pattern_info(q->code, PCRE2_INFO_ALLOPTIONS, &all);
            q->core = all & PCRE2_ANCHORED ? NULL : core_code(q->regex);
            atomic_store_explicit(&q->jitted, true, memory_order_release);
        }
        pthread_mutex_unlock(&jit_lock);
    }
    return q->code;
}
