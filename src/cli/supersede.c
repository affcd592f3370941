/*
 * The newest version of a PMID wins within a run: see supersede.h.
 */
#include "supersede.h"
#include "util/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void supersede_init(supersede *s)
{
    memset(s, 0, sizeof *s);
}

void supersede_free(supersede *s)
{
    free(s->bits);
    free(s->items);
    supersede_init(s);
}

/* The PMID of s when it is a positive decimal number below 2^32 without leading zeros. */
static uint32_t pmid_of(const char *s, size_t n)
{
    if (n == 0 || n > 10 || s[0] == '0')
        return 0;
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    return v > UINT32_MAX ? 0 : (uint32_t)v;
}

static supersede_entry *find(supersede *s, uint32_t pmid, bool add)
{
    if (add && (s->len + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        supersede_entry *items = calloc(cap, sizeof *items);
        if (!items)
            return NULL;
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->items[i].pmid)
                continue;
            size_t j = s->items[i].pmid * 2654435761u % cap;
            while (items[j].pmid)
                j = (j + 1) % cap;
            items[j] = s->items[i];
        }
        free(s->items);
        s->items = items;
        s->cap = cap;
    }
    if (!s->cap)
        return NULL;
    size_t j = pmid * 2654435761u % s->cap;
    while (s->items[j].pmid && s->items[j].pmid != pmid)
        j = (j + 1) % s->cap;
    if (!s->items[j].pmid) {
        if (!add)
            return NULL;
        s->items[j].pmid = pmid;
        s->len++;
    }
    return &s->items[j];
}

int supersede_note(supersede *s, const thx_doc *d, size_t lines)
{
    if (!d->pmid || !d->id || strcmp(d->id, d->pmid) != 0)
        return 0; /* not a document identified by its PMID */
    uint32_t p = pmid_of(d->pmid, strlen(d->pmid));
    if (!p)
        return 0;
    if (p >= s->nbits) {
        size_t nbits = s->nbits ? s->nbits : (size_t)1 << 26;
        while (nbits <= p)
            nbits *= 2;
        uint8_t *bits = realloc(s->bits, nbits / 8);
        if (!bits)
            return -1;
        memset(bits + s->nbits / 8, 0, (nbits - s->nbits) / 8);
        s->bits = bits;
        s->nbits = nbits;
    }
    uint8_t bit = (uint8_t)(1u << (p % 8));
    if (!(s->bits[p / 8] & bit)) {
        s->bits[p / 8] |= bit;
        return 0;
    }
    supersede_entry *e = find(s, p, true);
    if (!e)
        return -1;
    e->last = lines;
    s->versions++;
    return 0;
}

/* The entry of the line's document, when it is identified by a repeated PMID: the line
 * starts {"schema":...,"id":...,"doc":{"id":"N","pmid":"N", in the writer's key order. */
static supersede_entry *entry_of(supersede *s, const char *line)
{
    static const char key[] = "\"doc\":{\"id\":\"";
    const char *p = strstr(line, key);
    if (!p)
        return NULL;
    p += sizeof key - 1;
    const char *q = strchr(p, '"');
    if (!q)
        return NULL;
    size_t n = (size_t)(q - p);
    static const char pm[] = "\",\"pmid\":\"";
    if (strncmp(q, pm, sizeof pm - 1) != 0 || strncmp(q + sizeof pm - 1, p, n) != 0 ||
        q[sizeof pm - 1 + n] != '"')
        return NULL;
    uint32_t pmid = pmid_of(p, n);
    return pmid ? find(s, pmid, false) : NULL;
}

int supersede_apply(supersede *s, FILE *f, const char *path, size_t *removed)
{
    *removed = 0;
    if (!s->len)
        return 0;
    if (fflush(f) != 0)
        return errno;
    FILE *in = fopen(path, "r"); /* its own offset */
    if (!in)
        return errno;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int err = 0;
    /* pass 1: how many lines each repeated PMID has */
    rewind(in);
    while ((n = getline(&line, &cap, in)) > 0) {
        supersede_entry *e = entry_of(s, line);
        if (e)
            e->total++;
    }
    /* pass 2: the same lines, written over the file from its start, leaving out all but
     * the last version's; the write position never passes the read position */
    clearerr(in);
    if (fseeko(in, 0, SEEK_SET) != 0 || fseeko(f, 0, SEEK_SET) != 0)
        err = errno;
    off_t w = 0;
    while (!err && (n = getline(&line, &cap, in)) > 0) {
        supersede_entry *e = entry_of(s, line);
        if (e && ++e->seen <= e->total - (e->last < e->total ? e->last : e->total)) {
            ++*removed;
            continue;
        }
        if (fwrite(line, 1, (size_t)n, f) != (size_t)n)
            err = errno ? errno : EIO;
        w += n;
    }
    if (!err && ferror(in))
        err = errno ? errno : EIO;
    if (!err && (fflush(f) != 0 || ftruncate(fileno(f), w) != 0))
        err = errno;
    if (!err && fseeko(f, 0, SEEK_END) != 0)
        err = errno;
    free(line);
    fclose(in);
    return err;
}
