/*
 * Rule files on disk: reading them, includes relative to the including file, each file
 * read once (by real path), include cycles reported with the whole chain.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rule_load.h"

/* ------------------------------------------------------------------ files */

/* Reads a rule file whole: a regular file or a pipe, at most RULES_FILE_MAX bytes
 * (include "/dev/zero" would never end). Returns 0, or -1 with why[] telling what went
 * wrong. */
static int read_whole(const char *path, char **out, size_t *len, char *why, size_t nwhy)
{
    struct stat st;
    /* a device is not even opened (opening one may do something) */
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
        snprintf(why, nwhy, S_ISDIR(st.st_mode) ? "it is a directory" : "not a regular file");
        return -1;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || fstat(fd, &st)) {
        snprintf(why, nwhy, "%s", strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    why[0] = '\0';
    if (S_ISDIR(st.st_mode))
        snprintf(why, nwhy, "it is a directory");
    else if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode))
        snprintf(why, nwhy, "not a regular file");
    strbuf b;
    sb_init(&b);
    char chunk[65536];
    ssize_t k = 0;
    bool big = S_ISREG(st.st_mode) && st.st_size > RULES_FILE_MAX;
    while (!why[0] && !big && (k = read(fd, chunk, sizeof chunk)) != 0) {
        if (k < 0 && errno != EINTR)
            snprintf(why, nwhy, "%s", strerror(errno));
        else if (k > 0 && b.len + (size_t)k > RULES_FILE_MAX)
            big = true;
        else if (k > 0 && sb_putn(&b, chunk, (size_t)k))
            snprintf(why, nwhy, "%s", strerror(ENOMEM));
    }
    close(fd);
    if (big)
        snprintf(why, nwhy, "larger than %d MB, the most a rule file may have",
                 RULES_FILE_MAX >> 20);
    if (!why[0] && sb_putn(&b, "", 0)) /* terminated even when empty */
        snprintf(why, nwhy, "%s", strerror(ENOMEM));
    if (why[0]) {
        sb_free(&b);
        return -1;
    }
    *len = b.len;
    *out = sb_take(&b);
    return 0;
}

/* Rule files are UTF-8 text: reports the first NUL byte or malformed UTF-8 sequence at
 * its line and (byte) column, the line shown with such bytes as '?'. Returns 0 or -1. */
static int check_text(thx_diags *diags, const char *file, const char *buf, size_t len)
{
    size_t bad = 0;
    const char *nul = memchr(buf, '\0', len);
    bool utf8 = utf8_valid(buf, nul ? (size_t)(nul - buf) : len, &bad);
    if (utf8 && !nul)
        return 0;
    if (utf8)
        bad = (size_t)(nul - buf);
    size_t start = bad, line = 1;
    while (start > 0 && buf[start - 1] != '\n')
        start--;
    for (size_t i = 0; i < start; i++)
        line += buf[i] == '\n';
    const char *nl = memchr(buf + bad, '\n', len - bad);
    size_t end = nl ? (size_t)(nl - buf) : len;
    if (end > start && buf[end - 1] == '\r')
        end--;
    char *shown = end - start <= 240 ? xstrndup(buf + start, end - start) : NULL;
    for (size_t i = 0; shown && i < end - start; i++)
        if (shown[i] == '\0' || (unsigned char)shown[i] >= 0x80)
            shown[i] = '?'; /* the line as far as the terminal can show it */
    if (shown)
        shown[end - start] = '\0';
    thx_diags_add(diags, THX_SEV_ERROR, file, (int)line, (int)(bad - start) + 1, shown,
                  utf8 ? "a NUL byte: a rule file is UTF-8 text"
                       : "invalid UTF-8: a rule file is UTF-8 text");
    free(shown);
    return -1;
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
    size_t len = 0;
    char why[128];
    if (read_whole(path, &buf, &len, why, sizeof why)) {
        if (from)
            rules_error(diags, from, from_col, "cannot include '%s': %s", path, why);
        else
            thx_diags_add(diags, THX_SEV_ERROR, path, 0, 0, NULL, "cannot read: %s", why);
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
    int rc = !file                              ? THX_ENOMEM
             : check_text(diags, file, buf, len) ? THX_ERULES
                                                 : rules_parse_buffer(rs, file, chain2, depth + 1, buf, diags, rules_include);
    free(buf);
    free(real);
    return rc;
}

int rules_parse_file(thx_ruleset *rs, const char *path, thx_diags *diags)
{
    return rules_include(rs, path, diags, NULL, 0, NULL, 0);
}
