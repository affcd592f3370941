/*
 * The cache of compiled rule packs (thx_ruleset_load_cached, therex.h): one file per
 * pack, named by a hash of the paths given, of every rule file they name (path and
 * content), of the running program (/proc/self/exe: another build of therex, or of a
 * program linking libtherex, has caches of its own) and of therex's and PCRE2's
 * versions, holding the image of rule_cache_encode.c
 * behind a header:
 *
 *   magic "THXCACHE", format, sizes of the types the image holds, the name hash,
 *   therex and PCRE2 versions, the digest of every file the load read (includes too),
 *   those files' real paths, the image's length and hash, then the image.
 *
 * A cache file is mapped and checked field by field, then the included files are read
 * again and the image's hash computed: a file that is damaged, stale (an include
 * changed), truncated or written by another build is not used, and the pack is loaded
 * from its text and the cache written anew. Writers never share a file: each writes a
 * temporary file of its own and renames it into place, so a reader sees an old file or
 * a whole new one. Nothing is printed: a cache that cannot be read or written only
 * costs the load from text.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "rule_cache.h"

#define CACHE_MAGIC "THXCACHE"
#define CACHE_FORMAT 8 /* 2: regex synonyms kept as written; 3: regexes compiled in their
                          * faster forms (regex_rewrite.c); 4: a join's kind; 5: a regex
                          * synonym's capital runs (lexicon.h); 6: offset limits for
                          * callouts 200 and 201 (rules.h, lexicon.h); 7: a pattern's
                          * token order (rules.h); 8: word boundaries taken out of
                          * alternatives (regex_rewrite.c), trie values in the cells
                          * (trie.h) */

/* Hashes the content of the file at path into *h; -1 when it cannot be read whole (a
 * pipe, a device: such a pack is not cached). */
static int hash_file(const char *path, uint64_t *h)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return -1;
    if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
        close(fd);
        return -1;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    size_t got = 0;
    while (buf && got < (size_t)st.st_size) {
        ssize_t k = read(fd, buf + got, (size_t)st.st_size - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    close(fd);
    int rc = buf && got == (size_t)st.st_size ? 0 : -1;
    if (!rc) {
        *h = cache_hash(&got, sizeof got, *h);
        *h = cache_hash(buf, got, *h);
    }
    free(buf);
    return rc;
}

static uint64_t hash_str(const char *s, uint64_t h)
{
    return cache_hash(s, strlen(s) + 1, h);
}

static void versions(char therex[32], char pcre[32])
{
    memset(therex, 0, 32);
    memset(pcre, 0, 32);
    snprintf(therex, 32, "%s", THEREX_VERSION);
    char v[64] = "";
    pcre2_config(PCRE2_CONFIG_VERSION, v);
    memcpy(pcre, v, 31); /* "10.42 2022-12-11" */
}

/* The name hash: the paths as given, each rule file they name (path and content), the
 * versions. -1 when a file cannot be read (the load from text reports it). */
static int pack_key(const char *const *paths, size_t npaths, uint64_t *key)
{
    char tv[32], pv[32];
    versions(tv, pv);
    uint64_t h = cache_hash(CACHE_MAGIC, 8, CACHE_FORMAT);
    h = cache_hash(tv, 32, h);
    h = cache_hash(pv, 32, h);
    /* the program itself: a rebuild with another compiler or image layout, under the same
     * version number, must not read this build's cache */
    if (hash_file("/proc/self/exe", &h))
        return -1;
    for (size_t i = 0; i < npaths; i++) {
        h = hash_str(paths[i], h);
        struct stat st;
        if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            str_vec files = {0};
            size_t n = strlen(paths[i]);
            char *dir = xstrndup(paths[i], n);
            while (dir && n > 1 && dir[n - 1] == '/')
                dir[--n] = '\0';
            int rc = dir ? rules_list_files(dir, &files, 0) : -1;
            free(dir);
            for (size_t k = 0; k < files.len && !rc; k++) {
                h = hash_str(files.items[k], h);
                rc = hash_file(files.items[k], &h);
            }
            str_vec_free(&files);
            if (rc)
                return -1;
        } else if (hash_file(paths[i], &h)) {
            return -1;
        }
    }
    *key = h;
    return 0;
}

/* The digest of the files a load read (rs->loaded, real paths). */
static int loaded_digest(char *const *paths, size_t n, uint64_t *out)
{
    uint64_t h = 0;
    for (size_t i = 0; i < n; i++)
        if (hash_file(paths[i], &h))
            return -1;
    *out = h;
    return 0;
}

typedef struct {
    char magic[8];
    uint64_t format;
    uint64_t sizes; /* sizes of the types the image copies raw, packed */
    uint64_t key;
    char therex[32], pcre[32];
    uint64_t digest;    /* of the files read */
    uint64_t ndeps;     /* their paths follow, each length + bytes padded to 8 */
    uint64_t deps_len;  /* bytes of that list */
    uint64_t image_len;
    uint64_t image_hash;
} cache_header;

static uint64_t type_sizes(void)
{
    return (uint64_t)sizeof(trie_edge) | (uint64_t)sizeof(trie_cell) << 8 |
           (uint64_t)sizeof(size_t) << 16 | (uint64_t)sizeof(int) << 24 |
           (uint64_t)sizeof(double) << 32 | (uint64_t)sizeof(cache_header) << 40 |
           (uint64_t)(*(const uint16_t *)"\x01\x02" == 0x0201) << 56;
}

static char *cache_path(const char *dir, uint64_t key, const char *suffix)
{
    strbuf b;
    sb_init(&b);
    if (sb_printf(&b, "%s/%016llx%s", dir, (unsigned long long)key, suffix)) {
        sb_free(&b);
        return NULL;
    }
    return sb_take(&b);
}

/* The rule set of the cache file at path when it is whole and current, else NULL. */
static thx_ruleset *read_cache(const char *path, uint64_t key)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return NULL;
    if (fstat(fd, &st) || !S_ISREG(st.st_mode) || (size_t)st.st_size < sizeof(cache_header)) {
        close(fd);
        return NULL;
    }
    size_t size = (size_t)st.st_size;
    void *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED)
        return NULL;
    thx_ruleset *rs = NULL;
    cache_header h;
    memcpy(&h, map, sizeof h);
    char tv[32], pv[32];
    versions(tv, pv);
    const uint8_t *deps = (const uint8_t *)map + sizeof h;
    size_t left = size - sizeof h;
    if (memcmp(h.magic, CACHE_MAGIC, 8) || h.format != CACHE_FORMAT || h.sizes != type_sizes() ||
        h.key != key || memcmp(h.therex, tv, 32) || memcmp(h.pcre, pv, 32) ||
        h.deps_len > left || h.image_len != left - h.deps_len || h.ndeps > h.deps_len / 8)
        goto done;
    /* the files read, includes too, must be as they were */
    str_vec files = {0};
    bool ok = true;
    for (size_t i = 0, at = 0; i < h.ndeps && ok; i++) {
        uint64_t n;
        ok = at + 8 <= h.deps_len;
        if (ok)
            memcpy(&n, deps + at, 8);
        ok = ok && n <= h.deps_len - at - 8 && !memchr(deps + at + 8, 0, n) &&
             !str_vec_push(&files, (const char *)deps + at + 8, n);
        at += 8 + (ok ? n + (8 - n % 8) % 8 : 0);
    }
    uint64_t digest = 0;
    ok = ok && files.len == h.ndeps && !loaded_digest(files.items, files.len, &digest) &&
         digest == h.digest;
    str_vec_free(&files);
    const uint8_t *image = deps + h.deps_len;
    if (ok && cache_hash(image, h.image_len, 0) == h.image_hash)
        rs = cache_decode(image, h.image_len);
done:
    munmap(map, size);
    return rs;
}

static int mkdirs(const char *dir)
{
    char *p = xstrdup(dir);
    if (!p)
        return -1;
    for (char *s = p + 1; *s; s++)
        if (*s == '/') {
            *s = '\0';
            if (mkdir(p, 0777) && errno != EEXIST) {
                free(p);
                return -1;
            }
            *s = '/';
        }
    int rc = mkdir(p, 0777) && errno != EEXIST ? -1 : 0;
    free(p);
    return rc;
}

static int write_all(int fd, const void *p, size_t n)
{
    const char *s = p;
    while (n) {
        ssize_t k = write(fd, s, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        s += k;
        n -= (size_t)k;
    }
    return 0;
}

#define CACHE_KEEP 8 /* cache files kept: a new one removes the oldest beyond these */

/* Removes the oldest cache files of dir beyond CACHE_KEEP (by modification time), and
 * temporary files an interrupted writer left more than an hour ago: each build of therex
 * and each pack has its own file, which would otherwise pile up. */
static void prune(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct {
        time_t t;
        char name[64];
    } keep[CACHE_KEEP + 1];
    size_t n = 0;
    struct dirent *e;
    time_t now = time(NULL);
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        bool tmp = len > 4 && e->d_name[0] == '.' && !strcmp(e->d_name + len - 4, ".tmp");
        if (len >= 64 || (!tmp && (len != 21 || strcmp(e->d_name + 16, ".thxc"))))
            continue;
        struct stat st;
        strbuf b;
        sb_init(&b);
        if (sb_printf(&b, "%s/%s", dir, e->d_name) || stat(b.ptr, &st)) {
            sb_free(&b);
            continue;
        }
        if (tmp) {
            if (now - st.st_mtime > 3600)
                unlink(b.ptr);
        } else {
            /* keep the CACHE_KEEP newest: insert, and remove the oldest when one too many */
            size_t i = n++;
            while (i > 0 && keep[i - 1].t < st.st_mtime) {
                keep[i] = keep[i - 1];
                i--;
            }
            keep[i].t = st.st_mtime;
            memcpy(keep[i].name, e->d_name, len + 1);
            if (n > CACHE_KEEP) {
                strbuf old;
                sb_init(&old);
                if (!sb_printf(&old, "%s/%s", dir, keep[CACHE_KEEP].name))
                    unlink(old.ptr);
                sb_free(&old);
                n = CACHE_KEEP;
            }
        }
        sb_free(&b);
    }
    closedir(d);
}

/* Writes rs's cache file: a temporary file of this process, renamed into place. */
static void write_cache(const thx_ruleset *rs, const char *dir, uint64_t key)
{
    cache_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, CACHE_MAGIC, 8);
    h.format = CACHE_FORMAT;
    h.sizes = type_sizes();
    h.key = key;
    versions(h.therex, h.pcre);
    if (loaded_digest(rs->loaded.items, rs->loaded.len, &h.digest))
        return;
    strbuf deps, image;
    sb_init(&deps);
    sb_init(&image);
    static const char zero[8];
    int err = 0;
    for (size_t i = 0; i < rs->loaded.len && !err; i++) {
        uint64_t n = strlen(rs->loaded.items[i]);
        err = sb_putn(&deps, (const char *)&n, 8) || sb_putn(&deps, rs->loaded.items[i], n) ||
              sb_putn(&deps, zero, (8 - n % 8) % 8);
    }
    h.ndeps = rs->loaded.len;
    h.deps_len = deps.len;
    if (!err && !cache_encode(rs, &image)) {
        h.image_len = image.len;
        h.image_hash = cache_hash(image.ptr, image.len, 0);
        char *final = cache_path(dir, key, ".thxc");
        strbuf tmp;
        sb_init(&tmp);
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        sb_printf(&tmp, "%s/.%016llx.%ld.%ld.tmp", dir, (unsigned long long)key, (long)getpid(),
                  (long)ts.tv_nsec);
        int fd = final && tmp.ptr && !mkdirs(dir)
                     ? open(tmp.ptr, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)
                     : -1;
        if (fd >= 0) {
            bool ok = !write_all(fd, &h, sizeof h) && !write_all(fd, deps.ptr, deps.len) &&
                      !write_all(fd, image.ptr, image.len);
            ok = !close(fd) && ok;
            if (!ok || rename(tmp.ptr, final))
                unlink(tmp.ptr);
            else
                prune(dir);
        }
        sb_free(&tmp);
        free(final);
    }
    sb_free(&deps);
    sb_free(&image);
}

char *thx_cache_dir(void)
{
    const char *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    strbuf b;
    sb_init(&b);
    if (x && x[0] == '/')
        sb_printf(&b, "%s/therex", x);
    else if (home && *home)
        sb_printf(&b, "%s/.cache/therex", home);
    else
        return NULL;
    return sb_take(&b);
}

thx_ruleset *thx_ruleset_load_cached(const char *const *paths, size_t npaths,
                                     const char *cache_dir, thx_diags *diags)
{
    char *dir = cache_dir ? xstrdup(cache_dir) : thx_cache_dir();
    uint64_t key = 0;
    if (!dir || !*dir || pack_key(paths, npaths, &key)) {
        free(dir);
        return thx_ruleset_load(paths, npaths, diags);
    }
    char *path = cache_path(dir, key, ".thxc");
    thx_ruleset *rs = path ? read_cache(path, key) : NULL;
    free(path);
    if (!rs) {
        size_t before = diags->len;
        rs = thx_ruleset_load(paths, npaths, diags);
        if (rs && diags->len == before) /* a pack with warnings is loaded from text */
            write_cache(rs, dir, key);
    }
    free(dir);
    return rs;
}
