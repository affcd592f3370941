/* Internal helpers: see util.h. */
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void sb_init(strbuf *b)
{
    b->ptr = NULL;
    b->len = b->cap = 0;
}

void sb_free(strbuf *b)
{
    free(b->ptr);
    sb_init(b);
}

int sb_grow(strbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->ptr, cap);
    if (!p)
        return -1;
    b->ptr = p;
    b->cap = cap;
    return 0;
}

int sb_putn(strbuf *b, const char *s, size_t n)
{
    if (sb_grow(b, n))
        return -1;
    if (n)
        memcpy(b->ptr + b->len, s, n);
    b->len += n;
    b->ptr[b->len] = '\0';
    return 0;
}

int sb_puts(strbuf *b, const char *s)
{
    return sb_putn(b, s, strlen(s));
}

int sb_putc(strbuf *b, char c)
{
    return sb_putn(b, &c, 1);
}

int sb_printf(strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || sb_grow(b, (size_t)n))
        return -1;
    va_start(ap, fmt);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

char *sb_take(strbuf *b)
{
    char *p = b->ptr ? b->ptr : calloc(1, 1);
    sb_init(b);
    return p;
}

int vec_grow_(void **items, size_t *cap, size_t elem)
{
    size_t ncap = *cap ? *cap * 2 : 8;
    void *p = realloc(*items, ncap * elem);
    if (!p)
        return -1;
    *items = p;
    *cap = ncap;
    return 0;
}

int str_vec_push(str_vec *v, const char *s, size_t n)
{
    char *copy = xstrndup(s, n);
    if (!copy || VEC_PUSH_SLOT(v)) {
        free(copy);
        return -1;
    }
    v->items[v->len++] = copy;
    return 0;
}

void str_vec_free(str_vec *v)
{
    for (size_t i = 0; i < v->len; i++)
        free(v->items[i]);
    free(v->items);
    v->items = NULL;
    v->len = v->cap = 0;
}

char *xstrdup(const char *s)
{
    return s ? xstrndup(s, strlen(s)) : NULL;
}

char *xstrndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

size_t utf8_seq(const char *buf, size_t n)
{
    const unsigned char *s = (const unsigned char *)buf;
    if (n == 0)
        return 0;
    unsigned char c = s[0];
    size_t k;
    uint32_t cp;
    if (c < 0x80)
        return 1;
    else if ((c & 0xE0) == 0xC0)
        k = 1, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0)
        k = 2, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0)
        k = 3, cp = c & 0x07;
    else
        return 0;
    if (k >= n)
        return 0;
    for (size_t j = 1; j <= k; j++) {
        if ((s[j] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[j] & 0x3F);
    }
    /* overlong forms, surrogates, out of range */
    if ((k == 1 && cp < 0x80) || (k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return 0;
    return k + 1;
}

bool utf8_valid(const char *buf, size_t len, size_t *bad)
{
    for (size_t i = 0; i < len;) {
        size_t k = utf8_seq(buf + i, len - i);
        if (!k) {
            if (bad)
                *bad = i;
            return false;
        }
        i += k;
    }
    return true;
}

long utf8_sanitize(strbuf *out, const char *s, size_t n)
{
    long bad = 0;
    size_t run = 0, i = 0;
    while (i < n) {
        size_t k = utf8_seq(s + i, n - i);
        if (k) {
            i += k;
            continue;
        }
        if (sb_putn(out, s + run, i - run) || sb_puts(out, UTF8_REPLACEMENT))
            return -1;
        bad++;
        run = ++i;
    }
    return sb_putn(out, s + run, n - run) ? -1 : bad;
}

size_t utf8_count(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

uint64_t fnv1a64(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

bool word_in_list(const char *w, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == n && !strncasecmp(w, *list, n))
            return true;
    return false;
}

bool word_ending_at(const char *s, size_t e, size_t *b, size_t *we)
{
    while (e > 0 && is_space((unsigned char)s[e - 1]))
        e--;
    size_t a = e;
    while (a > 0 && (is_ascii_alnum((unsigned char)s[a - 1]) || s[a - 1] == '-'))
        a--;
    if (a == e)
        return false;
    *b = a;
    *we = e;
    return true;
}
