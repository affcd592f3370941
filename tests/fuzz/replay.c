/*
 * Replay mode of a fuzz harness, for any compiler: runs LLVMFuzzerTestOneInput once on
 * every file named on the command line or found (recursively, sorted) in a directory
 * named there; hidden files and README* are skipped. Each input is copied into a
 * buffer of its exact size, as libFuzzer does, so that the sanitizers see any read past
 * its end. ctest runs it over a harness's seed corpus and its regressions.
 *
 *   replay_<name> PATH...     exit 0 when every input ran; 1 if a path is unreadable
 *                             or there was no input at all (a crash aborts)
 */
#include "fuzz.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>

static size_t ninputs;
static bool failed;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        failed = true;
        return;
    }
    size_t len = 0, cap = 4096;
    char *buf = malloc(cap);
    size_t k;
    while (buf && (k = fread(buf + len, 1, cap - len, f)) > 0) {
        len += k;
        if (len == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger)
                free(buf);
            buf = bigger;
        }
    }
    bool err = ferror(f) || !buf;
    fclose(f);
    /* the exact size: a read past the end is a heap overflow */
    uint8_t *exact = err ? NULL : malloc(len ? len : 1);
    if (!exact) {
        fprintf(stderr, "replay: %s: cannot read\n", path);
        failed = true;
        free(buf);
        return;
    }
    memcpy(exact, buf, len);
    free(buf);
    printf("replay: %s (%zu bytes)\n", path, len);
    fflush(stdout);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    ninputs++;
}

static void run_path(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        failed = true;
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        run_file(path);
        return;
    }
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        failed = true;
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || strncmp(e->d_name, "README", 6) == 0)
            continue;
        if (n == cap) {
            char **more = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof *names);
            if (!more)
                break;
            names = more;
        }
        names[n] = malloc(strlen(path) + strlen(e->d_name) + 2);
        if (!names[n])
            break;
        sprintf(names[n], "%s/%s", path, e->d_name);
        n++;
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        run_path(names[i]);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    for (int i = 1; i < argc; i++)
        run_path(argv[i]);
    printf("replay: %zu input%s\n", ninputs, ninputs == 1 ? "" : "s");
    if (ninputs == 0)
        fprintf(stderr, "replay: no input to run\n");
    return failed || ninputs == 0 ? 1 : 0;
}
