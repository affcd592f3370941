/*
 * Document ids relative to the corpus root (see doc_ids.h).
 */
#include "doc_ids.h"
#include "util/util.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *doc_ids_root(const char *root)
{
    char *real = realpath(root, NULL);
    struct stat st;
    if (real && (stat(real, &st) != 0 || !S_ISDIR(st.st_mode))) {
        free(real);
        errno = ENOTDIR;
        return NULL;
    }
    return real;
}

/* The name of path relative to root_real; caller frees; NULL when out of memory, or
 * when its folder cannot be resolved (errno set; the caller keeps the old name). */
static char *relative_name(const char *path, const char *root_real)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
    if (!dir)
        return NULL;
    char *real = realpath(dir, NULL);
    free(dir);
    if (!real)
        return NULL;
    size_t n = strlen(root_real);
    const char *rel = real; /* outside the root: the absolute path */
    if (!strcmp(real, root_real))
        rel = "";
    else if (n == 1 && root_real[0] == '/')
        rel = real + 1;
    else if (!strncmp(real, root_real, n) && real[n] == '/')
        rel = real + n + 1;
    strbuf b;
    sb_init(&b);
    int rc = *rel ? sb_printf(&b, "%s/%s", rel, base) : sb_puts(&b, base);
    free(real);
    if (rc) {
        sb_free(&b);
        errno = ENOMEM;
        return NULL;
    }
    return sb_take(&b);
}

int doc_ids_rebase(walk_list *files, const char *root_real)
{
    for (size_t i = 0; i < files->len; i++) {
        walk_entry *e = &files->items[i];
        if (e->is_stdin)
            continue;
        errno = 0;
        char *name = relative_name(e->path, root_real);
        if (!name) {
            if (errno == ENOMEM)
                return THX_ENOMEM;
            continue; /* a folder gone meanwhile: reading the file reports it */
        }
        free(e->source);
        e->source = name;
    }
    return 0;
}
