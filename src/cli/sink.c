/*
 * The output of therex extract: standard output, a file written in place, or a
 * temporary file renamed over the target (see sink.h). Owned by the CLI.
 */
#include "sink.h"
#include "output/output.h"
#include "util/util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------------ signals */

/* The temporary file while one exists, for the signal handler (which may only make
 * async-signal-safe calls: unlink and raise). */
static char signal_tmp[PATH_MAX];
static volatile sig_atomic_t signal_tmp_set;
static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};

static void on_signal(int sig)
{
    if (signal_tmp_set)
        unlink(signal_tmp);
    /* SA_RESETHAND restored the default action: once this handler returns, the signal
     * raised here kills the process, whose status is then 128+sig */
    raise(sig);
}

static void catch_signals(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    for (size_t i = 0; i < sizeof cleanup_signals / sizeof *cleanup_signals; i++) {
        struct sigaction old, sa;
        /* a signal ignored when therex started (nohup, a background job) stays ignored */
        if (sigaction(cleanup_signals[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
            continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sa.sa_flags = SA_RESETHAND;
        sigemptyset(&sa.sa_mask);
        for (size_t j = 0; j < sizeof cleanup_signals / sizeof *cleanup_signals; j++)
            sigaddset(&sa.sa_mask, cleanup_signals[j]);
        sigaction(cleanup_signals[i], &sa, NULL);
    }
}

/* mkstemp with the signals held until the name is recorded for the handler. */
static int make_temporary(char *template)
{
    if (strlen(template) >= sizeof signal_tmp) {
        errno = ENAMETOOLONG;
        return -1;
    }
    catch_signals();
    sigset_t hold, old;
    sigemptyset(&hold);
    for (size_t i = 0; i < sizeof cleanup_signals / sizeof *cleanup_signals; i++)
        sigaddset(&hold, cleanup_signals[i]);
    sigprocmask(SIG_BLOCK, &hold, &old);
    int fd = mkstemp(template);
    int err = errno;
    if (fd >= 0) {
        memcpy(signal_tmp, template, strlen(template) + 1);
        signal_tmp_set = 1;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    errno = err;
    return fd;
}

/* Removes the temporary file (when remove) and forgets it. */
static void forget_temporary(sink *s, bool remove)
{
    if (remove && s->tmp_path)
        unlink(s->tmp_path);
    signal_tmp_set = 0;
    free(s->tmp_path);
    s->tmp_path = NULL;
}

/* ------------------------------------------------------------------ names */

/* Names of an open file rather than of a path (reopening them reaches that file). */
static bool names_open_file(const char *path)
{
    return !strcmp(path, "/dev/stdout") || !strcmp(path, "/dev/stderr") ||
           !strncmp(path, "/dev/fd/", 8) || !strncmp(path, "/proc/self/fd/", 14);
}

/* Follows symbolic links (at most 40) to the name a write reaches; caller frees; NULL
 * with errno set on failure. */
static char *follow_links(const char *path)
{
    char *p = xstrdup(path);
    for (int hops = 0; p; hops++) {
        struct stat st;
        if (lstat(p, &st) != 0 || !S_ISLNK(st.st_mode))
            return p;
        char target[PATH_MAX];
        ssize_t n = hops < 40 ? readlink(p, target, sizeof target - 1) : -1;
        if (n < 0) {
            if (hops >= 40)
                errno = ELOOP;
            free(p);
            return NULL;
        }
        target[n] = '\0';
        const char *slash = strrchr(p, '/');
        strbuf next; /* a relative target is relative to the link's folder */
        sb_init(&next);
        int rc = target[0] != '/' && slash ? sb_putn(&next, p, (size_t)(slash - p) + 1) : 0;
        if (rc == 0)
            rc = sb_puts(&next, target);
        free(p);
        if (rc) {
            sb_free(&next);
            break;
        }
        p = sb_take(&next);
    }
    errno = ENOMEM;
    return NULL;
}

/* Makes the missing folders above path. */
static int mkdirs_for(const char *path)
{
    char *dir = xstrdup(path);
    if (!dir) {
        errno = ENOMEM;
        return -1;
    }
    for (char *p = dir; *p; p++) {
        if (*p != '/' || p == dir || p[-1] == '/')
            continue;
        *p = '\0';
        int rc = mkdir(dir, 0777);
        int err = errno;
        *p = '/';
        if (rc != 0 && err != EEXIST) {
            free(dir);
            errno = err;
            return -1;
        }
    }
    free(dir);
    return 0;
}

bool sink_identity(const char *path, dev_t *dev, ino_t *ino)
{
    struct stat st;
    if (!strcmp(path, "-") || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    *dev = st.st_dev;
    *ino = st.st_ino;
    return true;
}

/* ------------------------------------------------------------------ opening */

/* Opens an existing file that is not replaced (a device, a FIFO, an open file). */
static int open_in_place(sink *s, const char *path, bool truncate)
{
    int fd = open(path, O_WRONLY | O_NOCTTY | (truncate ? O_TRUNC : 0));
    if (fd < 0)
        return errno;
    if (!(s->f = fdopen(fd, "w"))) {
        int err = errno;
        close(fd);
        return err;
    }
    return 0;
}

/* Opens NAME.tmp.XXXXXX beside target, with the mode (and owner) the result will have. */
static int open_replacement(sink *s, const char *target)
{
    struct stat old;
    bool exists = stat(target, &old) == 0;
    mode_t mode;
    if (exists) {
        mode = old.st_mode & 07777;
    } else {
        mode_t mask = umask(0); /* only the main thread runs here */
        umask(mask);
        mode = 0666 & ~mask;
        if (mkdirs_for(target))
            return errno;
    }
    strbuf tmp;
    sb_init(&tmp);
    if (sb_printf(&tmp, "%s.tmp.XXXXXX", target))
        return ENOMEM;
    int fd = make_temporary(tmp.ptr);
    if (fd < 0) {
        int err = errno;
        sb_free(&tmp);
        return err;
    }
    s->tmp_path = sb_take(&tmp);
    /* the owner first: chown clears the set-user-ID and set-group-ID bits */
    if (exists && (old.st_uid != geteuid() || old.st_gid != getegid()) &&
        fchown(fd, geteuid() == 0 ? old.st_uid : (uid_t)-1, old.st_gid) != 0) {
        /* not allowed (not root, or not in the group): the new file is ours */
    }
    int err = 0;
    if (fchmod(fd, mode) != 0)
        err = errno;
    else if (!(s->final_path = xstrdup(target)))
        err = ENOMEM;
    else if (!(s->f = fdopen(fd, "w")))
        err = errno;
    if (err) {
        close(fd);
        free(s->final_path);
        s->final_path = NULL;
        forget_temporary(s, true);
    }
    return err;
}

void sink_open_records(sink *s, int (*put)(void *ctx, const char *json),
                       int (*begin)(void *ctx, const char *doc_id), void *ctx)
{
    memset(s, 0, sizeof *s);
    s->put = put;
    s->begin = begin;
    s->ctx = ctx;
}

int sink_begin_document(sink *s, const char *doc_id)
{
    if (s->err)
        return -1;
    if (s->begin && s->begin(s->ctx, doc_id)) {
        s->err = EIO;
        return -1;
    }
    return 0;
}

int sink_open(sink *s, const char *path, int format)
{
    memset(s, 0, sizeof *s);
    s->format = format;
    int err = 0;
    if (!strcmp(path, "-")) {
        s->f = stdout;
    } else if (names_open_file(path)) {
        err = open_in_place(s, path, true);
    } else {
        char *target = follow_links(path);
        struct stat st;
        if (!target)
            err = errno;
        else if (stat(target, &st) != 0)
            err = errno == ENOENT ? open_replacement(s, target) : errno;
        else if (S_ISDIR(st.st_mode))
            err = EISDIR;
        else if (S_ISREG(st.st_mode))
            err = open_replacement(s, target);
        else
            err = open_in_place(s, path, false);
        free(target);
    }
    if (!err && format == SINK_JSON && fputs("[", s->f) == EOF)
        s->err = errno;
    if (!err && (format == SINK_CSV || format == SINK_TSV) &&
        fputs(thx_rows_header(format == SINK_CSV ? THX_ROWS_CSV : THX_ROWS_TSV), s->f) == EOF)
        s->err = errno;
    return err;
}

/* ------------------------------------------------------------------ writing */

/* Writes the triple's row: 0, or an errno value. */
static int put_row(sink *s, const char *json)
{
    thx_rec r;
    thx_diags d;
    thx_diags_init(&d);
    int rc = thx_rec_parse(&r, json, strlen(json), "<triple>", 1, &d);
    thx_diags_free(&d);
    if (rc)
        return rc == THX_ENOMEM ? ENOMEM : EINVAL; /* the writer's own JSON: not expected */
    strbuf b;
    sb_init(&b);
    rc = thx_rows_append(&r, s->format == SINK_CSV ? THX_ROWS_CSV : THX_ROWS_TSV, &b) ? ENOMEM
         : fputs(b.ptr, s->f) == EOF ? (errno ? errno : EIO)
                                     : 0;
    sb_free(&b);
    thx_rec_free(&r);
    return rc;
}

int sink_put(sink *s, const char *json)
{
    if (s->err)
        return -1;
    if (s->put || s->format == SINK_CSV || s->format == SINK_TSV) {
        int rc = s->put ? (s->put(s->ctx, json) ? EIO : 0) : put_row(s, json);
        if (rc) {
            s->err = rc;
            return -1;
        }
        s->written++;
        return 0;
    }
    bool array = s->format == SINK_JSON;
    if ((array && fputs(s->written ? ",\n" : "\n", s->f) == EOF) ||
        fputs(json, s->f) == EOF || (!array && fputc('\n', s->f) == EOF)) {
        s->err = errno ? errno : EIO;
        return -1;
    }
    s->written++;
    return 0;
}

int sink_close(sink *s, bool keep)
{
    int err = s->err;
    if (s->put)
        return err; /* the records' owner finishes them */
    if (keep && !err && s->format == SINK_JSON && fputs(s->written ? "\n]\n" : "]\n", s->f) == EOF)
        err = errno;
    if (s->f == stdout) {
        if (fflush(stdout) != 0 && !err)
            err = errno;
    } else if (!s->tmp_path) {
        if (fclose(s->f) != 0 && !err)
            err = errno;
    } else {
        if (keep && !err && (fflush(s->f) != 0 || fsync(fileno(s->f)) != 0))
            err = errno;
        if (fclose(s->f) != 0 && !err)
            err = errno;
        if (keep && !err && rename(s->tmp_path, s->final_path) != 0)
            err = errno;
        forget_temporary(s, !keep || err);
    }
    free(s->final_path);
    s->final_path = NULL;
    s->f = NULL;
    return err;
}
