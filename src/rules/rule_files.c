/*
 * Rule files on disk: reading them, includes relative to the including file, each file
 * read once (by real path), include cycles reported with the whole chain.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rule_load.h"

/* ------------------------------------------------------------------ files */

static int read_whole(const char *path, char **out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    strbuf b;
    sb_init(&b);
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (sb_putn(&b, chunk, k)) {
            fclose(f);
            sb_free(&b);
            return -1;
        }
    int err = ferror(f);
    fclose(f);
    if (err) {
        sb_free(&b);
        return -1;
    }
    *out = sb_take(&b);
    return 0;
}

static void report_cycle(thx_diags *diags, const src_loc *from, int col, const char **chain,
                         size_t depth, const char *again)
{
    strbuf msg;
    sb_init(&msg);
    size_t first = 0;
    for (size_t i = 0; i < depth; i++)
        if (strcmp(chain[i * 2 + 1], again) == 0)
            first = i;
    for (size_t i = first; i < depth; i++)
        sb_printf(&msg, "%s -> ", chain[i * 2]);
    sb_puts(&msg, chain[first * 2]);
    rules_error(diags, from, col, "include cycle: %s", msg.ptr ? msg.ptr : "");
    sb_free(&msg);
}

/* chain holds (display name, real path) pairs of the files being parsed. */
int rules_include(thx_ruleset *rs, const char *path, thx_diags *diags, const char **chain,
                      size_t depth, const src_loc *from, int from_col)
{
    char *real = realpath(path, NULL);
    if (!real) {
        if (from)
            rules_error(diags, from, from_col, "cannot include '%s': %s", path, strerror(errno));
        else
            thx_diags_add(diags, THX_SEV_ERROR, path, 0, 0, NULL, "cannot read: %s",
                          strerror(errno));
        return THX_EIO;
    }
    for (size_t i = 0; i < depth; i++)
        if (strcmp(chain[i * 2 + 1], real) == 0) {
            report_cycle(diags, from, from_col, chain, depth, real);
            free(real);
            return THX_ERULES;
        }
    for (size_t i = 0; i < rs->loaded.len; i++)
        if (strcmp(rs->loaded.items[i], real) == 0) {
            free(real);
            return 0;
        }
    if (depth >= 64) {
        rules_error(diags, from, from_col, "includes nest deeper than 64 files");
        free(real);
        return THX_ERULES;
    }
    char *buf = NULL;
    if (read_whole(path, &buf)) {
        thx_diags_add(diags, THX_SEV_ERROR, path, 0, 0, NULL, "cannot read: %s", strerror(errno));
        free(real);
        return THX_EIO;
    }
    str_vec_push(&rs->loaded, real, strlen(real));
    const char *chain2[2 * 65];
    if (depth)
        memcpy(chain2, chain, depth * 2 * sizeof *chain);
    const char *file = rules_intern(rs, path, strlen(path));
    chain2[depth * 2] = file;
    chain2[depth * 2 + 1] = real;
    int rc = file ? rules_parse_buffer(rs, file, chain2, depth + 1, buf, diags, rules_include) : THX_ENOMEM;
    free(buf);
    free(real);
    return rc;
}

int rules_parse_file(thx_ruleset *rs, const char *path, thx_diags *diags)
{
    return rules_include(rs, path, diags, NULL, 0, NULL, 0);
}
