/*
 * Expanding input paths into corpus files (see walk.h): directories are walked
 * recursively without following symlinked directories, so link loops cannot recur;
 * the files of each directory given are sorted by their relative name. The output file
 * is left out of the walk, so that a corpus folder holding it is not read with its own
 * previous output; therex's temporary files (NAME.tmp.XXXXXX) never end in a corpus
 * extension. Owned by the corpus-readers module.
 */
#include "walk.h"
#include "util/util.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const corpus_exts[] = {".txt",  ".jsonl", ".ndjson", ".json", ".text",
                                          ".abstract", ".xml", ".nbib", ".gz"};

void walk_list_init(walk_list *l)
{
    l->items = NULL;
    l->len = l->cap = 0;
}

void walk_list_free(walk_list *l)
{
    for (size_t i = 0; i < l->len; i++) {
        free(l->items[i].path);
        free(l->items[i].source);
    }
    free(l->items);
    walk_list_init(l);
}

static bool is_corpus_name(const char *name)
{
    size_t n = strlen(name);
    if (name[0] == '.')
        return false;
    for (size_t i = 0; i < sizeof corpus_exts / sizeof corpus_exts[0]; i++) {
        size_t e = strlen(corpus_exts[i]);
        if (n > e && strcmp(name + n - e, corpus_exts[i]) == 0)
            return true;
    }
    return false;
}

static int add_entry(walk_list *l, const char *path, const char *source, bool is_stdin,
                     const struct stat *st)
{
    char *p = xstrdup(path), *s = xstrdup(source);
    if (!p || !s || VEC_PUSH_SLOT(l)) {
        free(p);
        free(s);
        return THX_ENOMEM;
    }
    uintmax_t size = st && S_ISREG(st->st_mode) ? (uintmax_t)st->st_size : 0;
    l->items[l->len++] = (walk_entry){p, s, is_stdin, size};
    return 0;
}

/* "a" + "b" -> "a/b"; an empty dir gives "b". Caller frees; NULL when out of memory. */
static char *join_path(const char *dir, const char *name)
{
    strbuf b;
    sb_init(&b);
    size_t n = strlen(dir);
    int rc = sb_puts(&b, dir);
    if (rc == 0 && n > 0 && dir[n - 1] != '/')
        rc = sb_putc(&b, '/');
    if (rc == 0)
        rc = sb_puts(&b, name);
    if (rc) {
        sb_free(&b);
        return NULL;
    }
    return sb_take(&b);
}

typedef struct {
    walk_list *out;
    const walk_skip *skip;
    thx_diags *diags;
} walker;

static int walk_dir(const walker *w, const char *dir, const char *rel);

/* One directory entry: recurse into real directories, take corpus files. */
static int walk_entry_at(const walker *w, const char *path, const char *rel, const char *name)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return 0; /* vanished meanwhile */
    if (S_ISDIR(st.st_mode))
        return walk_dir(w, path, rel);
    if (S_ISLNK(st.st_mode)) {
        if (stat(path, &st) != 0)
            /* a dangling link is listed, so that reading it reports the file by name */
            return is_corpus_name(name) ? add_entry(w->out, path, rel, false, NULL) : 0;
        if (S_ISDIR(st.st_mode)) {
            thx_diags_add(w->diags, THX_SEV_WARNING, path, 0, 0, NULL,
                          "symbolic link to a directory not followed");
            return 0;
        }
    }
    if (!S_ISREG(st.st_mode) || !is_corpus_name(name))
        return 0;
    if (w->skip && w->skip->set && st.st_dev == w->skip->dev && st.st_ino == w->skip->ino)
        return 0; /* the output (or a link to it) */
    return add_entry(w->out, path, rel, false, &st);
}

static int walk_dir(const walker *w, const char *dir, const char *rel)
{
    DIR *d = opendir(dir);
    if (!d) {
        thx_diags_add(w->diags, THX_SEV_ERROR, dir, 0, 0, NULL, "cannot open directory: %s",
                      strerror(errno));
        return THX_EIO;
    }
    int rc = 0;
    struct dirent *e;
    while (rc != THX_ENOMEM && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* ".", ".." and hidden entries */
        char *path = join_path(dir, e->d_name);
        char *child_rel = join_path(rel, e->d_name);
        int r = (path && child_rel) ? walk_entry_at(w, path, child_rel, e->d_name) : THX_ENOMEM;
        if (r && rc != THX_ENOMEM)
            rc = r;
        free(path);
        free(child_rel);
    }
    closedir(d);
    return rc;
}

static int cmp_source(const void *a, const void *b)
{
    return strcmp(((const walk_entry *)a)->source, ((const walk_entry *)b)->source);
}

/* The name of an explicitly given file: as given, without leading "./". */
static const char *given_name(const char *path)
{
    while (path[0] == '.' && path[1] == '/' && path[2])
        path += 2;
    return path;
}

/* A path named on the command line that stat() failed on with err. */
static void report_unreachable(thx_diags *diags, const char *path, int err)
{
    if (err == ENOENT)
        thx_diags_add(diags, THX_SEV_ERROR, path, 0, 0, NULL, "no such file or directory");
    else
        thx_diags_add(diags, THX_SEV_ERROR, path, 0, 0, NULL, "cannot access: %s", strerror(err));
}

static int walk_one(const walker *w, const char *path)
{
    walk_list *out = w->out;
    if (!strcmp(path, "-")) {
        for (size_t i = 0; i < out->len; i++)
            if (out->items[i].is_stdin)
                return 0; /* standard input is read once */
        return add_entry(out, "-", "<stdin>", true, NULL);
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        report_unreachable(w->diags, path, errno);
        return THX_EIO;
    }
    if (!S_ISDIR(st.st_mode))
        return add_entry(out, path, given_name(path), false, &st);
    size_t start = out->len;
    int rc = walk_dir(w, path, "");
    if (out->len > start)
        qsort(out->items + start, out->len - start, sizeof *out->items, cmp_source);
    return rc;
}

size_t walk_missing(const char *const *paths, size_t n, thx_diags *diags)
{
    size_t missing = 0;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") == 0 || stat(paths[i], &st) == 0)
            continue;
        missing++;
        report_unreachable(diags, paths[i], errno);
    }
    return missing;
}

int walk_paths(const char *const *paths, size_t n, const walk_skip *skip, walk_list *out,
               thx_diags *diags)
{
    walker w = {out, skip, diags};
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        int r = walk_one(&w, paths[i]);
        if (r == THX_ENOMEM)
            return r;
        if (r)
            rc = r;
    }
    return rc;
}
