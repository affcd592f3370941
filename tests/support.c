/* Helpers shared by the Criterion tests: see support.h. */
#include "support.h"
#include "therex.h"

#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t k;
    while (buf && (k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (cap - n - 1 == 0) {
            char *p = realloc(buf, cap *= 2);
            if (!p) {
                free(buf);
                buf = NULL;
            }
            buf = p;
        }
    }
    fclose(f);
    if (!buf)
        return NULL;
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

char *read_fixture(const char *rel, size_t *len)
{
    char path[4096];
    if (rel[0] == '/')
        snprintf(path, sizeof path, "%s", rel);
    else
        snprintf(path, sizeof path, "%s/%s", THX_TEST_DIR, rel);
    return slurp(path, len);
}

int run_cli(const char *dir, const char *args, char **out, char **err)
{
    char outp[] = "/tmp/thx-test-out-XXXXXX", errp[] = "/tmp/thx-test-err-XXXXXX";
    int fo = mkstemp(outp), fe = mkstemp(errp);
    if (fo < 0 || fe < 0)
        return -1;
    close(fo);
    close(fe);
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s' %s >'%s' 2>'%s' </dev/null",
             dir ? dir : THX_SOURCE_DIR, THX_BINARY, args, outp, errp);
    int st = system(cmd);
    if (out)
        *out = slurp(outp, NULL);
    if (err)
        *err = slurp(errp, NULL);
    unlink(outp);
    unlink(errp);
    if (st == -1 || !WIFEXITED(st))
        return -1;
    return WEXITSTATUS(st);
}

static char tmpdir[] = "/tmp/thx-test-XXXXXX";
static int have_tmpdir;
static char tmppath[4200];

const char *tmp_path(const char *name)
{
    if (!have_tmpdir) {
        cr_assert_not_null(mkdtemp(tmpdir));
        have_tmpdir = 1;
    }
    snprintf(tmppath, sizeof tmppath, "%s/%s", tmpdir, name);
    return tmppath;
}

const char *write_tmp(const char *name, const char *bytes, size_t len)
{
    const char *path = tmp_path(name);
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(bytes, 1, len, f), len);
    fclose(f);
    return path;
}

void remove_tmp_dir(void)
{
    if (have_tmpdir)
        rmdir(tmpdir);
}

struct thx_ruleset *load_shipped_pack(void)
{
    const char *paths[] = {THX_SOURCE_DIR "/rules"};
    thx_diags d;
    thx_diags_init(&d);
    thx_ruleset *rs = thx_ruleset_load(paths, 1, &d);
    thx_diags_free(&d);
    cr_assert_not_null(rs, "the shipped rules do not load");
    return rs;
}

void extract_titled(const thx_ruleset *rs, const char *title, const char *abstract,
                    thx_triples *ts)
{
    thx_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "t";
    doc.title = (char *)title;
    doc.abstract = (char *)abstract;
    thx_triples_init(ts);
    cr_assert_eq(thx_extract(ts, rs, &doc), 0);
}

void extract_abstract(const thx_ruleset *rs, const char *sentence, thx_triples *ts)
{
    extract_titled(rs, "", sentence, ts);
}

/* What the triples of sentence say of key, joined by ',' (a static buffer that the
 * next call overwrites): THERAPIES, the therapies (canonical names) of condition key;
 * CONDITIONS, the conditions (as written) of therapy key; CLAIMS, "effect|condition" of
 * each triple of therapy key (its text as written), and with FLAGGED "|n" or "|" after
 * each (negated or not). */
enum { THERAPIES, CONDITIONS, CLAIMS, FLAGGED };

/* Appends s to the string out of cap bytes, cut to fit. */
static void put(char *out, size_t cap, const char *s)
{
    size_t l = strlen(out);
    if (l + 1 < cap)
        strncat(out, s, cap - l - 1);
}

static const char *slots_for(const thx_ruleset *rs, const char *title, const char *sentence,
                             const char *key, int what)
{
    thx_triples ts;
    extract_titled(rs, title, sentence, &ts);
    static char out[512];
    out[0] = 0;
    for (size_t i = 0; i < ts.len; i++) {
        const thx_triple *t = &ts.items[i];
        const char *by = what == THERAPIES    ? t->condition.norm
                         : what == CONDITIONS ? t->therapy.norm
                                              : t->therapy.text;
        if ((what < CLAIMS && !t->condition.text) || !by || strcmp(by, key))
            continue;
        if (out[0])
            put(out, sizeof out, ",");
        const char *first = what == THERAPIES    ? t->therapy.norm
                            : what == CONDITIONS ? t->condition.text
                                                 : t->effect.norm;
        put(out, sizeof out, first);
        if (what >= CLAIMS) {
            put(out, sizeof out, "|");
            if (t->condition.text)
                put(out, sizeof out, t->condition.text);
        }
        if (what == FLAGGED)
            put(out, sizeof out, t->negated ? "|n" : "|");
    }
    thx_triples_free(&ts);
    return out;
}

const char *therapies_for(const thx_ruleset *rs, const char *sentence, const char *condition)
{
    return slots_for(rs, "", sentence, condition, THERAPIES);
}

const char *conditions_for(const thx_ruleset *rs, const char *sentence, const char *therapy)
{
    return slots_for(rs, "", sentence, therapy, CONDITIONS);
}

const char *therapy_claims(const thx_ruleset *rs, const char *sentence, const char *therapy,
                           bool negated)
{
    return slots_for(rs, "", sentence, therapy, negated ? FLAGGED : CLAIMS);
}

const char *titled_claims(const thx_ruleset *rs, const char *title, const char *abstract,
                          const char *therapy)
{
    return slots_for(rs, title, abstract, therapy, CLAIMS);
}
