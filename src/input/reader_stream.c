/*
 * Input streams for the readers (see reader.h): a file or descriptor read through
 * zlib, which passes plain files through unchanged and decompresses gzip (.gz, also
 * several members joined with cat), with a buffer in front so that the dispatcher can
 * look at the first bytes before choosing a reader, and a line reader for the
 * line-based formats. Memory is the buffer plus the longest line asked for. Below the
 * format readers and the dispatcher, calling neither. Owned by input/.
 */
#include "reader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define STREAM_CHUNK (256u << 10)

static int stream_from_fd(instream *s, int fd)
{
    memset(s, 0, sizeof *s);
    struct stat st;
    if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        int err = S_ISDIR(st.st_mode) ? EISDIR : errno;
        close(fd);
        return err;
    }
    s->regular = S_ISREG(st.st_mode);
    s->size = S_ISREG(st.st_mode) ? (uintmax_t)st.st_size : 0;
    s->gz = gzdopen(fd, "rb");
    if (!s->gz) {
        close(fd);
        return ENOMEM;
    }
    gzbuffer(s->gz, STREAM_CHUNK);
    return 0;
}

int instream_open(instream *s, const char *path)
{
    int fd = open(path, O_RDONLY | O_NOCTTY);
    if (fd < 0) {
        memset(s, 0, sizeof *s);
        return errno;
    }
    return stream_from_fd(s, fd);
}

int instream_open_fd(instream *s, int fd)
{
    int copy = dup(fd);
    if (copy < 0) {
        memset(s, 0, sizeof *s);
        return errno;
    }
    return stream_from_fd(s, copy);
}

int instream_open_buffer(instream *s, const char *buf, size_t len)
{
    memset(s, 0, sizeof *s);
    s->buf = malloc(len + 1);
    if (!s->buf)
        return ENOMEM;
    memcpy(s->buf, buf, len);
    s->len = len;
    s->cap = len + 1;
    s->eof = true;
    return 0;
}

void instream_close(instream *s)
{
    if (s->gz)
        gzclose(s->gz);
    free(s->buf);
    memset(s, 0, sizeof *s);
}

/* zlib's message without the "path: " it puts in front ("<fd:3>: unexpected end of
 * file"): the caller names the file itself. */
static const char *zmsg(const char *m)
{
    if (!m || !*m)
        return "read error";
    const char *sep = strstr(m, ": ");
    return sep && m[0] == '<' ? sep + 2 : m;
}

/* Reads more bytes into the buffer (keeping the unread ones): 1 when some came, 0 at
 * the end, -1 on an error (s->err, s->errmsg). */
static int refill(instream *s)
{
    if (s->eof || s->err || !s->gz)
        return s->err ? -1 : 0;
    if (s->pos > 0) {
        memmove(s->buf, s->buf + s->pos, s->len - s->pos);
        s->len -= s->pos;
        s->pos = 0;
    }
    if (s->cap - s->len < STREAM_CHUNK) {
        size_t cap = s->cap ? s->cap * 2 : STREAM_CHUNK;
        while (cap - s->len < STREAM_CHUNK)
            cap *= 2;
        char *b = realloc(s->buf, cap);
        if (!b) {
            s->err = ENOMEM;
            snprintf(s->errmsg, sizeof s->errmsg, "out of memory");
            return -1;
        }
        s->buf = b;
        s->cap = cap;
    }
    int k = gzread(s->gz, s->buf + s->len, STREAM_CHUNK);
    if (k < 0 || (k == 0 && !gzeof(s->gz))) {
        int zerr = 0;
        const char *m = gzerror(s->gz, &zerr);
        s->err = zerr == Z_ERRNO ? (errno ? errno : EIO) : EIO;
        snprintf(s->errmsg, sizeof s->errmsg, "%s",
                 zerr == Z_ERRNO ? strerror(s->err) : zmsg(m));
        return -1;
    }
    if (k == 0) {
        /* a gzip stream cut short reads as its end: zlib says so only here */
        int zerr = 0;
        const char *m = gzerror(s->gz, &zerr);
        if (zerr != Z_OK && zerr != Z_STREAM_END) {
            s->err = EIO;
            snprintf(s->errmsg, sizeof s->errmsg, "%s", zmsg(m));
            return -1;
        }
        s->eof = true;
        return 0;
    }
    s->compressed = !gzdirect(s->gz);
    s->len += (size_t)k;
    return 1;
}

size_t instream_peek(instream *s, size_t want, const char **p)
{
    while (s->len - s->pos < want && refill(s) > 0)
        ;
    *p = s->buf ? s->buf + s->pos : "";
    return s->len - s->pos;
}

long instream_read(instream *s, char *dst, size_t n)
{
    if (s->pos == s->len && refill(s) < 0)
        return -1;
    size_t k = s->len - s->pos < n ? s->len - s->pos : n;
    if (k)
        memcpy(dst, s->buf + s->pos, k);
    s->pos += k;
    s->consumed += k;
    return (long)k;
}

int instream_line(instream *s, strbuf *line, size_t max)
{
    line->len = 0;
    if (line->ptr)
        line->ptr[0] = '\0';
    bool any = false, toolong = false;
    for (;;) {
        if (s->pos == s->len) {
            int r = refill(s);
            if (r < 0)
                return -1;
            if (r == 0)
                break;
        }
        any = true;
        const char *p = s->buf + s->pos;
        size_t avail = s->len - s->pos;
        const char *nl = memchr(p, '\n', avail);
        size_t take = nl ? (size_t)(nl - p) : avail;
        if (!toolong && line->len + take > max)
            toolong = true;
        if (!toolong && sb_putn(line, p, take)) {
            s->err = ENOMEM;
            return -1;
        }
        s->pos += take + (nl ? 1 : 0);
        s->consumed += take + (nl ? 1 : 0);
        if (nl)
            break;
    }
    if (!any)
        return 0;
    s->lineno++;
    return toolong ? 2 : 1;
}
