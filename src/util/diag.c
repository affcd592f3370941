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
        if (g->src_line && g->line > 0) {
            fprintf(out, "  %s\n", g->src_line);
            if (g->col > 0) {
                fputs("  ", out);
                /* keep tabs so the caret lines up under the column */
                for (int k = 0; k < g->col - 1 && g->src_line[k]; k++)
                    fputc(g->src_line[k] == '\t' ? '\t' : ' ', out);
                fputs("^\n", out);
            }
        }
    }
}
