/*
 * therex extract's output and exit status end to end: nothing is replaced that is not
 * a regular file (devices, FIFOs, the target of a symbolic link), nothing is written
 * when the command line is wrong, no temporary file survives a failure or a signal,
 * modes follow the umask or the file replaced, a walked tree does not read its own
 * output, '-' reads standard input, and the exit codes are the documented ones.
 *
 * The tests that need a device node make a private one (mknod, root only) and write
 * there first, so that a regression replaces that node and never the machine's
 * /dev/null or /dev/full; without root they use /dev/null and /dev/full themselves
 * (which an unprivileged therex cannot replace).
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "support.h"

static char dir[64]; /* this test's scratch folder */

/* therex extract with the unit rules (-q: no summary) on the formats corpus */
#define EXTRACT "\"$THEREX\" extract -r \"$RULES\" "
#define EXTRACT_Q "\"$THEREX\" extract -q -r \"$RULES\" --root \"$CORPUS\" \"$CORPUS\" "

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/thx-out-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    setenv("THEREX", THX_BINARY, 1);
    setenv("RULES", THX_TEST_DIR "/rules/unit.rules", 1);
    setenv("CORPUS", THX_TEST_DIR "/cases/formats/corpus", 1);
    setenv("T", dir, 1);
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        cr_log_warn("could not remove %s", dir);
}

TestSuite(output, .init = setup, .fini = teardown);

/* Runs a shell script (with $THEREX, $RULES, $CORPUS and $T, the scratch folder, set);
 * the exit status, 128+N when the shell died of signal N. */
static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int sh(const char *fmt, ...)
{
    char script[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(script, sizeof script, fmt, ap);
    va_end(ap);
    int st = system(script);
    if (st == -1)
        return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* A file of the scratch folder; caller frees; "" when missing. */
static char *scratch(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *s = read_fixture(path, NULL);
    return s ? s : calloc(1, 1);
}

static mode_t lmode(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 ? st.st_mode : 0;
}

/* How many names in folder d contain ".tmp." (therex's temporary files). */
static int temporaries(const char *d)
{
    DIR *dd = opendir(d);
    if (!dd)
        return 0;
    int n = 0;
    for (struct dirent *e; (e = readdir(dd));)
        n += strstr(e->d_name, ".tmp.") != NULL;
    closedir(dd);
    return n;
}

/* The triples of the formats corpus as therex writes them to standard output. */
static char *reference(void)
{
    cr_assert_eq(sh(EXTRACT_Q "-o - >\"$T/ref\""), 0);
    char *ref = scratch("ref");
    cr_assert_gt(strlen(ref), 1000);
    return ref;
}

/* A character device of our own with the numbers of `like` (as root), else NULL. */
static const char *private_device(const char *like, char *buf, size_t cap)
{
    struct stat st;
    if (geteuid() != 0 || stat(like, &st) != 0)
        return NULL;
    snprintf(buf, cap, "%s/%s", dir, strrchr(like, '/') + 1);
    if (mknod(buf, S_IFCHR | 0666, st.st_rdev) != 0) {
        cr_log_warn("mknod %s: %s; testing %s only", buf, strerror(errno), like);
        return NULL;
    }
    return buf;
}

Test(output, a_character_device_is_written_not_replaced)
{
    char buf[128];
    const char *mine = private_device("/dev/null", buf, sizeof buf);
    if (mine) {
        cr_assert_eq(sh(EXTRACT "\"$CORPUS\" -o '%s' 2>\"$T/err\"", mine),
                     0);
        cr_assert(S_ISCHR(lmode(mine)), "%s was replaced (mode %o)", mine, lmode(mine));
        cr_assert_eq(temporaries(dir), 0);
        char *err = scratch("err");
        cr_expect(strstr(err, "13 triples -> ") != NULL, "%s", err);
        free(err);
    }
    /* only now, with the private node intact (or unprivileged), the real one */
    cr_assert_eq(sh(EXTRACT_Q "-o /dev/null"), 0);
    cr_assert(S_ISCHR(lmode("/dev/null")), "/dev/null is no longer a character device");
    cr_expect_eq(temporaries("/dev"), 0);
}

Test(output, a_full_device_is_an_output_failure_without_summary)
{
    char buf[128];
    const char *full = private_device("/dev/full", buf, sizeof buf);
    if (!full)
        full = "/dev/full";
    int rc = sh(EXTRACT "\"$CORPUS\" -o '%s' 2>\"$T/err\"", full);
    cr_assert(S_ISCHR(lmode(full)), "%s was replaced", full);
    char *err = scratch("err"), want[256];
    snprintf(want, sizeof want, "therex: error: cannot write '%s': No space left on device", full);
    cr_expect_eq(rc, 4, "exit status %d: %s", rc, err);
    cr_expect(strstr(err, want) != NULL, "%s", err);
    cr_expect(strstr(err, "triples ->") == NULL, "a summary after a failure: %s", err);
    free(err);
    /* standard output that cannot be written is the same failure */
    rc = sh(EXTRACT "\"$CORPUS\" -o - >'%s' 2>\"$T/err\"", full);
    err = scratch("err");
    cr_expect_eq(rc, 4, "exit status %d: %s", rc, err);
    cr_expect(strstr(err, "cannot write to standard output: No space left on device") != NULL,
              "%s", err);
    cr_expect(strstr(err, "triples ->") == NULL, "%s", err);
    free(err);
}

Test(output, a_fifo_is_written_to_its_reader)
{
    char *ref = reference();
    char fifo[128];
    snprintf(fifo, sizeof fifo, "%s/pipe", dir);
    cr_assert_eq(mkfifo(fifo, 0600), 0);
    /* the reader is there first (the output, some 12 kB, fits in the pipe) */
    int fd = open(fifo, O_RDONLY | O_NONBLOCK);
    cr_assert_geq(fd, 0);
    cr_assert_eq(sh(EXTRACT_Q "-o \"$T/pipe\""), 0);
    cr_expect(S_ISFIFO(lmode(fifo)), "the FIFO was replaced");
    size_t cap = strlen(ref) + 4096, n = 0;
    char *got = calloc(cap, 1);
    for (ssize_t k; n < cap - 1 && (k = read(fd, got + n, cap - 1 - n)) > 0;)
        n += (size_t)k;
    close(fd);
    cr_expect_str_eq(got, ref, "the reader got %zu bytes", n);
    cr_expect_eq(temporaries(dir), 0);
    free(got);
    free(ref);
}

Test(output, a_symbolic_link_is_kept_and_its_target_replaced)
{
    char *ref = reference();
    cr_assert_eq(sh("cd \"$T\" && mkdir data && echo old >data/real.jsonl && chmod 640 "
                    "data/real.jsonl && ln -s data/real.jsonl link.jsonl && "
                    "ln -s data/new.jsonl dangling.jsonl"), 0);
    cr_assert_eq(sh("cd \"$T\" && " EXTRACT_Q "-o link.jsonl"),
                 0);
    char path[256];
    snprintf(path, sizeof path, "%s/link.jsonl", dir);
    cr_expect(S_ISLNK(lmode(path)), "the link was replaced by a file");
    snprintf(path, sizeof path, "%s/data/real.jsonl", dir);
    cr_expect_eq(lmode(path) & 07777, 0640, "the target's mode was changed to %o",
                 lmode(path) & 07777);
    char *got = scratch("data/real.jsonl");
    cr_expect_str_eq(got, ref);
    free(got);
    /* a dangling link: its target is created, as the shell's > would */
    cr_assert_eq(sh("cd \"$T\" && umask 022 && " EXTRACT_Q
                    "-o dangling.jsonl"), 0);
    snprintf(path, sizeof path, "%s/dangling.jsonl", dir);
    cr_expect(S_ISLNK(lmode(path)), "the dangling link was replaced by a file");
    got = scratch("data/new.jsonl");
    cr_expect_str_eq(got, ref);
    free(got);
    snprintf(path, sizeof path, "%s/data", dir);
    cr_expect_eq(temporaries(dir) + temporaries(path), 0);
    free(ref);
}

Test(output, new_files_follow_the_umask_and_replaced_files_keep_mode_and_owner)
{
    char path[256];
    snprintf(path, sizeof path, "%s/new.jsonl", dir);
    cr_assert_eq(sh("umask 002 && " EXTRACT_Q "-o \"$T/new.jsonl\""),
                 0);
    cr_expect_eq(lmode(path) & 07777, 0664, "mode %o under umask 002", lmode(path) & 07777);
    cr_assert_eq(sh("umask 077 && " EXTRACT_Q "-o \"$T/private.jsonl\""),
                 0);
    snprintf(path, sizeof path, "%s/private.jsonl", dir);
    cr_expect_eq(lmode(path) & 07777, 0600, "mode %o under umask 077", lmode(path) & 07777);
    /* an existing file keeps its mode whatever the umask */
    snprintf(path, sizeof path, "%s/old.jsonl", dir);
    cr_assert_eq(sh("echo old >\"$T/old.jsonl\" && chmod 604 \"$T/old.jsonl\""), 0);
    cr_assert_eq(sh("umask 077 && " EXTRACT_Q "-o \"$T/old.jsonl\""),
                 0);
    cr_expect_eq(lmode(path) & 07777, 0604, "mode %o, was 604", lmode(path) & 07777);
    if (geteuid() != 0) {
        cr_log_info("not root: the owner of a replaced file is not tested");
        return;
    }
    cr_assert_eq(chown(path, 4321, 4322), 0);
    cr_assert_eq(sh(EXTRACT_Q "-o \"$T/old.jsonl\""), 0);
    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    cr_expect(st.st_uid == 4321 && st.st_gid == 4322, "owner %d:%d, was 4321:4322",
              (int)st.st_uid, (int)st.st_gid);
    cr_expect_eq(st.st_mode & 07777, 0604);
}

Test(output, a_missing_input_is_a_usage_error_and_nothing_is_written)
{
    cr_assert_eq(sh("mkdir \"$T/out\" && echo previous >\"$T/out/triples.jsonl\""), 0);
    int rc = sh(EXTRACT "corpsu -o \"$T/out/triples.jsonl\" 2>\"$T/err\"");
    char *err = scratch("err"), *out = scratch("out/triples.jsonl");
    cr_expect_eq(rc, 2, "exit status %d: %s", rc, err);
    cr_expect(strstr(err, "corpsu: error: no such file or directory") != NULL, "%s", err);
    cr_expect(strstr(err, "triples ->") == NULL, "%s", err);
    cr_expect_str_eq(out, "previous\n", "the previous output was replaced");
    free(err), free(out);
    /* among good paths too, and the default corpus/ where there is none */
    rc = sh(EXTRACT_Q "gone.txt -o \"$T/out/triples.jsonl\" "
            "2>/dev/null");
    out = scratch("out/triples.jsonl");
    cr_expect_eq(rc, 2);
    cr_expect_str_eq(out, "previous\n");
    free(out);
    rc = sh("cd \"$T/out\" && " EXTRACT "2>\"$T/err\"");
    err = scratch("err");
    cr_expect_eq(rc, 2, "no corpus/: exit status %d: %s", rc, err);
    cr_expect(strstr(err, "corpus: error: no such file or directory") != NULL, "%s", err);
    free(err);
    char path[256];
    snprintf(path, sizeof path, "%s/out", dir);
    cr_expect_eq(temporaries(path), 0);
    snprintf(path, sizeof path, "%s/out/out", dir);
    cr_expect(lmode(path) == 0, "out/ was created although nothing was written");
}

Test(output, a_bad_output_path_is_an_error_that_leaves_nothing)
{
    cr_assert_eq(sh("mkdir \"$T/d\""), 0);
    char path[256];
    /* an existing directory: an output failure, named, before any work */
    int rc = sh("cd \"$T\" && " EXTRACT "\"$CORPUS\" -o d 2>err");
    char *err = scratch("err");
    cr_expect_eq(rc, 4, "exit status %d: %s", rc, err);
    cr_expect(strstr(err, "therex: error: cannot write 'd': Is a directory") != NULL, "%s", err);
    cr_expect(strstr(err, "triples ->") == NULL, "%s", err);
    free(err);
    /* a name ending in '/' or an empty name: usage errors */
    rc = sh("cd \"$T\" && " EXTRACT "\"$CORPUS\" -o sub/ 2>err");
    err = scratch("err");
    cr_expect_eq(rc, 2, "exit status %d: %s", rc, err);
    cr_expect(strstr(err, "'sub/'") != NULL, "%s", err);
    free(err);
    snprintf(path, sizeof path, "%s/sub", dir);
    cr_expect(lmode(path) == 0, "sub/ was created");
    rc = sh("cd \"$T\" && " EXTRACT "\"$CORPUS\" -o '' 2>err");
    err = scratch("err");
    cr_expect_eq(rc, 2, "exit status %d: %s", rc, err);
    cr_expect(strstr(err, "-o needs a file name") != NULL, "%s", err);
    free(err);
    rc = sh("cd \"$T\" && " EXTRACT "\"$CORPUS\" --output= 2>err");
    cr_expect_eq(rc, 2);
    /* a folder that cannot be made */
    rc = sh("cd \"$T\" && touch f && " EXTRACT "\"$CORPUS\" -o f/x.jsonl 2>err");
    err = scratch("err");
    cr_expect_eq(rc, 4, "exit status %d: %s", rc, err);
    cr_expect(strstr(err, "cannot write 'f/x.jsonl': Not a directory") != NULL, "%s", err);
    free(err);
    snprintf(path, sizeof path, "%s/d", dir);
    cr_expect_eq(temporaries(dir) + temporaries(path), 0, "a temporary file was left behind");
}

/* Starts `therex extract` reading the FIFO $T/<name>.jsonl (made here) and writing
 * odir/t.jsonl, its standard error into $T/err; returns once the temporary file is
 * there (therex then waits for a writer of the FIFO). */
static pid_t start_on_fifo(const char *name, const char *odir, const char *out)
{
    char fifo[128], err[128];
    snprintf(fifo, sizeof fifo, "%s/%s.jsonl", dir, name);
    snprintf(err, sizeof err, "%s/err", dir);
    cr_assert_eq(mkfifo(fifo, 0600), 0);
    pid_t pid = fork();
    cr_assert_geq(pid, 0);
    if (pid == 0) {
        /* a child of a shell started in the background may inherit ignored signals */
        signal(SIGINT, SIG_DFL), signal(SIGTERM, SIG_DFL), signal(SIGHUP, SIG_DFL);
        int fd = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd < 0 || dup2(fd, 2) < 0)
            _exit(126);
        execl(THX_BINARY, "therex", "extract", "-q", "-r", THX_TEST_DIR "/rules/unit.rules", fifo,
              "-o", out, (char *)NULL);
        _exit(127);
    }
    int waited = 0;
    struct timespec tick = {0, 20 * 1000 * 1000};
    while (temporaries(odir) == 0 && waited++ < 500) /* 10 s */
        nanosleep(&tick, NULL);
    cr_expect_eq(temporaries(odir), 1, "no temporary file appeared");
    return pid;
}

static int wait_status(pid_t pid)
{
    int st;
    cr_assert_eq(waitpid(pid, &st, 0), pid);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Starts therex on a FIFO nobody writes to, waits for its temporary file, sends sig. */
static void interrupt(int sig)
{
    char name[16], out[160], odir[128];
    snprintf(name, sizeof name, "never%d", sig);
    snprintf(odir, sizeof odir, "%s/o%d", dir, sig);
    snprintf(out, sizeof out, "%s/t.jsonl", odir);
    pid_t pid = start_on_fifo(name, odir, out);
    kill(pid, sig);
    int status = wait_status(pid);
    cr_expect_eq(status, 128 + sig, "signal %d: exit status %d", sig, status);
    cr_expect_eq(temporaries(odir), 0, "signal %d left the temporary file", sig);
    cr_expect(lmode(out) == 0, "an output was written");
}

Test(output, a_signal_removes_the_temporary_file_and_the_status_is_128_plus_it, .timeout = 60)
{
    interrupt(SIGTERM); /* 143 */
    interrupt(SIGINT);  /* 130 */
    interrupt(SIGHUP);  /* 129 */
}

/* The temporary file is made, then the output's name becomes a folder before the end:
 * the rename fails, and the temporary file must not stay. */
Test(output, a_failed_rename_leaves_no_temporary_file, .timeout = 60)
{
    char odir[128], out[160];
    snprintf(odir, sizeof odir, "%s/o", dir);
    snprintf(out, sizeof out, "%s/t.jsonl", odir);
    pid_t pid = start_on_fifo("in", odir, out);
    cr_assert_eq(sh("mkdir \"$T/o/t.jsonl\" && touch \"$T/o/t.jsonl/keep\""), 0);
    /* now the input: opening the FIFO lets therex go on */
    cr_assert_eq(sh("cp \"$CORPUS/two.jsonl\" \"$T/in.jsonl\""), 0);
    int status = wait_status(pid);
    char *err = scratch("err");
    cr_expect_eq(status, 4, "exit status %d: %s", status, err);
    cr_expect(strstr(err, "cannot write '") != NULL && strstr(err, "t.jsonl': ") != NULL, "%s",
              err);
    free(err);
    cr_expect_eq(temporaries(odir), 0, "the failed rename left the temporary file");
}

Test(output, a_walked_tree_does_not_read_its_own_output)
{
    /* with a temporary file another run left behind */
    cr_assert_eq(sh("cp -r \"$CORPUS\" \"$T/c\" && mkdir \"$T/c/out\" && echo "
                    "'{\"id\":\"x\",\"text\":\"stale\"}' >\"$T/c/out/t.jsonl.tmp.AbC123\""), 0);
    for (int run = 0; run < 2; run++) {
        int rc = sh("cd \"$T/c\" && " EXTRACT ". -o out/triples.jsonl "
                    "2>\"$T/err%d\" && cp out/triples.jsonl \"$T/run%d\"", run, run);
        char name[16];
        snprintf(name, sizeof name, "err%d", run);
        char *err = scratch(name);
        cr_expect_eq(rc, 0, "run %d: exit status %d: %s", run, rc, err);
        cr_expect(strstr(err, "therex: 3 files, 4 documents, 13 triples -> out/triples.jsonl\n") !=
                  NULL, "run %d read something else: %s", run, err);
        free(err);
    }
    char *one = scratch("run0"), *two = scratch("run1");
    cr_expect_str_eq(one, two);
    cr_expect_gt(strlen(one), 1000);
    free(one), free(two);
    /* through a symbolic link to the output too */
    int rc = sh("cd \"$T/c\" && ln -s out/triples.jsonl latest.jsonl && \"$THEREX\" extract -r "
                "\"$RULES\" . -o latest.jsonl 2>\"$T/err\"");
    char *err = scratch("err");
    cr_expect_eq(rc, 0, "%s", err);
    cr_expect(strstr(err, "therex: 3 files, 4 documents, 13 triples") != NULL, "%s", err);
    free(err);
}

Test(output, a_dash_reads_standard_input_once)
{
    int rc = sh("cat \"$CORPUS/two.jsonl\" | " EXTRACT "- -o \"$T/o\" "
                "2>\"$T/err\"");
    char *out = scratch("o"), *err = scratch("err");
    cr_expect_eq(rc, 0, "exit status %d: %s", rc, err);
    cr_expect(strstr(out, "\"id\":\"sent-1\"") != NULL, "JSON Lines detected: %s", out);
    cr_expect(strstr(out, "\"source\":\"<stdin>\"") != NULL, "%s", out);
    cr_expect(strstr(err, "therex: 1 file, 2 documents,") != NULL, "%s", err);
    free(out), free(err);
    /* '-' twice among files: standard input is read once */
    rc = sh(EXTRACT "- \"$CORPUS/plain.txt\" - -o \"$T/o\" "
            "<\"$CORPUS/seed.txt\" 2>\"$T/err\"");
    out = scratch("o"), err = scratch("err");
    cr_expect_eq(rc, 0, "exit status %d: %s", rc, err);
    cr_expect(strstr(err, "therex: 2 files, 2 documents,") != NULL, "%s", err);
    cr_expect(strstr(out, "\"source\":\"<stdin>\"") != NULL, "%s", out);
    free(out), free(err);
    /* a bad input on standard input is named so, and skipped */
    rc = sh("printf 'caf\\000e\\n' | " EXTRACT "- \"$CORPUS/plain.txt\" "
            "-o \"$T/o\" 2>\"$T/err\"");
    err = scratch("err");
    cr_expect_eq(rc, 1, "exit status %d: %s", rc, err);
    cr_expect(strstr(err, "<stdin>: error: binary file") != NULL, "%s", err);
    free(err);
}

/* The exit codes of README "Exit codes", `therex extract --help` and docs/therex.1. */
Test(output, exit_codes)
{
    cr_expect_eq(sh(EXTRACT_Q "-o - >/dev/null"), 0);
    cr_expect_eq(sh("cd '" THX_TEST_DIR "/cases/bad-input' && \"$THEREX\" extract -q -r "
                    "\"$RULES\" corpus -o - >/dev/null 2>&1"), 1);
    cr_expect_eq(sh("\"$THEREX\" extract -q --jobs 0 \"$CORPUS\" 2>/dev/null"), 2);
    cr_expect_eq(sh("\"$THEREX\" extract -q -r \"$RULES\" \"$T/none\" 2>/dev/null"), 2);
    cr_expect_eq(sh("\"$THEREX\" extract -q -r '" THX_TEST_DIR "/bad-rules/bad-regex' \"$CORPUS\" "
                    "-o \"$T/x\" 2>/dev/null"), 3);
    cr_expect_eq(sh(EXTRACT_Q "-o \"$T\" 2>/dev/null"), 4);
    /* 128+N: a_signal_removes_the_temporary_file_and_the_status_is_128_plus_it */
}

/* Each line of `therex extract --help` naming an option or an exit code is in the man
 * page; the man page is well-formed and installed under share/man/man1. */
Test(output, the_man_page_agrees_with_help_and_is_installed)
{
    cr_assert_eq(sh("\"$THEREX\" extract --help >\"$T/help\""), 0);
    char *help = scratch("help"), *man = read_fixture(THX_SOURCE_DIR "/docs/therex.1", NULL);
    cr_assert_not_null(man, "docs/therex.1 is missing");
    /* the man page writes '-' as '\-' */
    for (char *r = man, *w = man;; r++) {
        if (r[0] == '\\' && r[1] == '-')
            r++;
        if (!(*w++ = *r))
            break;
    }
    cr_expect(strstr(help, "exit status:") != NULL, "%s", help);
    for (char *ls, *line = strtok_r(help, "\n", &ls); line; line = strtok_r(NULL, "\n", &ls)) {
        char word[64] = "";
        if (sscanf(line, " %63s", word) != 1)
            continue;
        if (word[0] == '-') {
            /* every option the line names */
            char copy[512];
            snprintf(copy, sizeof copy, "%s", line);
            for (char *save, *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
                if (t[0] != '-' || !(t[1] == '-' || (t[1] >= 'a' && t[1] <= 'z')))
                    continue;
                t[strcspn(t, ",=)")] = '\0';
                cr_expect(strstr(man, t) != NULL, "option %s is not in docs/therex.1", t);
            }
        } else if (word[0] >= '0' && word[0] <= '9') {
            char code[80];
            snprintf(code, sizeof code, ".B %s", word);
            cr_expect(strstr(man, code) != NULL, "exit status %s is not in docs/therex.1", word);
        }
    }
    free(help), free(man);
    if (sh("command -v groff >/dev/null") == 0) {
        cr_expect_eq(sh("groff -man -ww -z '" THX_SOURCE_DIR "/docs/therex.1' 2>\"$T/w\""), 0);
        char *w = scratch("w");
        cr_expect_str_eq(w, "", "groff warnings: %s", w);
        free(w);
    } else {
        cr_log_info("no groff: the man page's syntax is not checked");
    }
    char bin[1024];
    snprintf(bin, sizeof bin, "%s", THX_BINARY);
    *strrchr(bin, '/') = '\0';
    cr_assert_eq(sh("cmake --install '%s' --prefix \"$T/inst\" >/dev/null", bin), 0);
    char man1[256];
    snprintf(man1, sizeof man1, "%s/inst/share/man/man1/therex.1", dir);
    cr_expect(S_ISREG(lmode(man1)), "not installed as share/man/man1/therex.1");
}
