/* Diagnostics list: located messages collected by every stage, printed by the caller. */
#include "therex.h"
#include "util.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void thx_diags_init(thx_diags *d)
{
    d->items = NULL;
    d->len = d->cap = 0;
}

void thx_diags_free(thx_diags *d)
{
    for (size_t i = 0; i < d->len; i++) {
        free(d->items[i].path);
        free(d->items[i].message);
        free(d->items[i].src_line);
    }
    free(d->items);
    thx_diags_init(d);
}

int thx_diags_add(thx_diags *d, thx_severity sev, const char *path, int line, int col,
                  const char *src_line, const char *fmt, ...)
{
    if (VEC_PUSH_SLOT(d))
        return THX_ENOMEM;
    strbuf msg;
    sb_init(&msg);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || sb_grow(&msg, (size_t)n))
        return THX_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(msg.ptr, (size_t)n + 1, fmt, ap);
    va_end(ap);
    msg.len = (size_t)n;
    thx_diag *g = &d->items[d->len++];
    g->severity = sev;
    g->path = xstrdup(path ? path : "<input>");
    g->line = line;
    g->col = col;
    g->message = sb_take(&msg);
    g->src_line = src_line ? xstrdup(src_line) : NULL;
    return 0;
}

size_t thx_diags_count(const thx_diags *d, thx_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < d->len; i++)
        n += d->items[i].severity == sev;
    return n;
}

static const char *sev_name(thx_severity s)
{
    return s == THX_SEV_ERROR ? "error" : s == THX_SEV_WARNING ? "warning" : "note";
}

/* Source lines are shown whole up to this many code points; a longer one (a JSON line
 * of megabytes) is shown as a window of this width around the column, with "..." where
 * it was cut, so that one diagnostic stays one screen line. */
#define SRC_WINDOW 120

/* The code points of line[0..n) from index a to b (a window), each malformed byte shown
 * as U+FFFD (one column, as the readers count it). */
static void put_window(FILE *out, const char *line, size_t n, size_t a, size_t b)
{
    size_t i = 0, cp = 0;
    while (i < n && cp < b) {
        size_t k = utf8_seq(line + i, n - i);
        if (cp >= a) {
            if (k)
                fwrite(line + i, 1, k, out);
            else
                fputs(UTF8_REPLACEMENT, out);
        }
        i += k ? k : 1;
        cp++;
    }
}

/* The blanks under line[a..col) that put a caret under column col: a tab where the line
 * has one, so that the caret lines up, else a space. */
static void put_caret(FILE *out, const char *line, size_t n, size_t a, size_t col)
{
    size_t i = 0, cp = 0;
    while (cp < col) {
        size_t k = i < n ? utf8_seq(line + i, n - i) : 1;
        if (cp >= a)
            fputc(i < n && line[i] == '\t' ? '\t' : ' ', out);
        i += k ? k : 1;
        cp++;
    }
    fputs("^\n", out);
}

/* Counts code points as put_window does: a malformed byte is one. */
static size_t cp_len(const char *s, size_t n)
{
    size_t cp = 0;
    for (size_t i = 0; i < n; cp++) {
        size_t k = utf8_seq(s + i, n - i);
        i += k ? k : 1;
    }
    return cp;
}

static void print_source(FILE *out, const thx_diag *g)
{
    size_t n = strlen(g->src_line), len = cp_len(g->src_line, n);
    /* the caret's column, from 0; one past the end at most (an error at the end) */
    size_t col = g->col > 0 ? (size_t)g->col - 1 : 0;
    if (col > len)
        col = len;
    size_t a = 0, b = len;
    if (len > SRC_WINDOW) {
        a = col > SRC_WINDOW / 2 ? col - SRC_WINDOW / 2 : 0;
        if (a + SRC_WINDOW > len)
            a = len - SRC_WINDOW;
        b = a + SRC_WINDOW;
    }
    fputs(a > 0 ? "  ..." : "  ", out);
    put_window(out, g->src_line, n, a, b);
    fputs(b < len ? "...\n" : "\n", out);
    if (g->col > 0) {
        fputs(a > 0 ? "     " : "  ", out);
        put_caret(out, g->src_line, n, a, col);
    }
}

void thx_diags_print(const thx_diags *d, FILE *out)
{
    for (size_t i = 0; i < d->len; i++) {
        const thx_diag *g = &d->items[i];
        fputs(g->path, out);
        if (g->line > 0) {
            fprintf(out, ":%d", g->line);
            if (g->col > 0)
                fprintf(out, ":%d", g->col);
        }
        fprintf(out, ": %s: %s\n", sev_name(g->severity), g->message);
        if (g->src_line && g->line > 0)
            print_source(out, g);
    }
}
