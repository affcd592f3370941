/*
 * The text side of shared/eval/score.py for `therex eval`: words() (lowercase, tokens,
 * plural "s", stop words), word sets and same(), slot() of a predicted triple, and the
 * Python str()/repr() of JSON values that score.py's messages show, and the reading of
 * JSON Lines as load_jsonl() does (universal newlines, strip). Each function
 * follows the Python function of the same name line by line; where Python's Unicode
 * tables matter, the comment says how far the port goes. Owned by the evaluation
 * module (see score.h); nothing here prints or exits.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "score.h"

static const char *const stop_words[] = {"the", "a", "an", "of", "in", "on", "for", "with",
                                         "and", "or", "to", "by", "its", "their"};
static const char *const aux_words[] = {"have", "has", "had", "been", "be", "is", "are",
                                        "was", "were", "can", "could", "may", "might", "will",
                                        "would", "shall", "should", "also", "significantly"};

static bool in_list(const char *w, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(list[i]) == n && !memcmp(list[i], w, n))
            return true;
    return false;
}

/* Decodes one code point of well-formed UTF-8 (jansson checked it); returns its length. */
static size_t utf8_next(const unsigned char *p, uint32_t *c)
{
    if (p[0] < 0x80) {
        *c = p[0];
        return 1;
    }
    if (p[0] < 0xe0) {
        *c = (uint32_t)(p[0] & 0x1f) << 6 | (p[1] & 0x3f);
        return 2;
    }
    if (p[0] < 0xf0) {
        *c = (uint32_t)(p[0] & 0x0f) << 12 | (uint32_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
        return 3;
    }
    *c = (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3f) << 12 |
         (uint32_t)(p[2] & 0x3f) << 6 | (p[3] & 0x3f);
    return 4;
}

/* s.lower().replace("\u2019", "'") reduced to what the token regex can see: ASCII is
 * lowercased, U+2019 becomes an apostrophe, and every other code point is a separator,
 * except the only two whose Python lowercase holds ASCII: U+0130 ("i" + U+0307) and
 * the Kelvin sign U+212A ("k"). */
static int fold(strbuf *out, const char *s)
{
    int rc = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        uint32_t c;
        p += utf8_next(p, &c);
        if (c < 0x80)
            rc |= sb_putc(out, (char)ascii_lower((unsigned char)c));
        else if (c == 0x2019)
            rc |= sb_putc(out, '\'');
        else if (c == 0x212a)
            rc |= sb_putc(out, 'k');
        else
            rc |= sb_puts(out, c == 0x130 ? "i " : " ");
    }
    return rc;
}

static bool tok_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Appends one token of re.findall(r"[a-z0-9]+(?:'[a-z]+)?") after the plural and stop
 * word steps of words(). */
static int put_word(strbuf *out, const char *w, size_t n)
{
    if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's')
        n--;
    if (in_list(w, n, stop_words, sizeof stop_words / sizeof *stop_words))
        return 0;
    if (out->len && sb_putc(out, ' '))
        return -1;
    return sb_putn(out, w, n);
}

char *score_words(const char *s)
{
    strbuf low, out;
    sb_init(&low);
    sb_init(&out);
    int rc = fold(&low, s ? s : "");
    const char *t = low.ptr ? low.ptr : "";
    for (size_t i = 0; !rc && t[i];) {
        if (!tok_char(t[i])) {
            i++;
            continue;
        }
        size_t start = i;
        while (tok_char(t[i]))
            i++;
        if (t[i] == '\'' && t[i + 1] >= 'a' && t[i + 1] <= 'z')
            for (i++; t[i] >= 'a' && t[i] <= 'z'; i++)
                ;
        rc = put_word(&out, t + start, i - start);
    }
    sb_free(&low);
    if (rc) {
        sb_free(&out);
        return NULL;
    }
    return sb_take(&out);
}

/* ------------------------------------------------------------------ word sets */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int score_wset_make(score_wset *ws, const char *joined, bool stem)
{
    size_t max = 1;
    for (const char *p = joined; *p; p++)
        max += *p == ' ';
    ws->n = 0;
    ws->buf = xstrdup(joined);
    ws->w = malloc(max * sizeof *ws->w);
    if (!ws->buf || !ws->w) {
        score_wset_free(ws);
        return -1;
    }
    for (char *tok = ws->buf; *tok;) {
        char *sp = strchr(tok, ' ');
        if (sp)
            *sp = '\0';
        if (!stem || !in_list(tok, strlen(tok), aux_words, sizeof aux_words / sizeof *aux_words)) {
            if (stem && strlen(tok) > 4)
                tok[4] = '\0';
            ws->w[ws->n++] = tok;
        }
        if (!sp)
            break;
        tok = sp + 1;
    }
    qsort(ws->w, ws->n, sizeof *ws->w, cmp_str);
    size_t k = 0;
    for (size_t i = 0; i < ws->n; i++)
        if (k == 0 || strcmp(ws->w[k - 1], ws->w[i]))
            ws->w[k++] = ws->w[i];
    ws->n = k;
    return 0;
}

void score_wset_free(score_wset *ws)
{
    free(ws->buf);
    free(ws->w);
    ws->buf = NULL;
    ws->w = NULL;
    ws->n = 0;
}

size_t score_wset_common(const score_wset *a, const score_wset *b)
{
    size_t i = 0, j = 0, n = 0;
    while (i < a->n && j < b->n) {
        int c = strcmp(a->w[i], b->w[j]);
        n += c == 0;
        i += c <= 0;
        j += c >= 0;
    }
    return n;
}

/* same(a, b, stem): containment of word sets, or overlap >= 1/2. */
static int same(const char *a, const char *b, bool stem)
{
    char *ja = score_words(a), *jb = score_words(b);
    score_wset sa = {0}, sb = {0};
    int rc = -1;
    if (ja && jb && !score_wset_make(&sa, ja, stem) && !score_wset_make(&sb, jb, stem)) {
        size_t c = score_wset_common(&sa, &sb);
        if (!sa.n || !sb.n)
            rc = 0;
        else if (c == sa.n || c == sb.n)
            rc = 1;
        else
            rc = (double)c / (double)(sa.n + sb.n - c) >= 0.5;
    }
    free(ja);
    free(jb);
    score_wset_free(&sa);
    score_wset_free(&sb);
    return rc;
}

/* ------------------------------------------------------------------ slots */

score_forms score_slot(const json_t *obj, const char *key)
{
    score_forms f = {false, 0, {NULL, NULL}};
    const json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v)) {
        f.none = true;
    } else if (json_is_string(v)) {
        f.f[f.n++] = json_string_value(v);
    } else if (json_is_object(v)) {
        static const char *const keys[] = {"text", "norm"};
        for (int i = 0; i < 2; i++) {
            const char *s = json_string_value(json_object_get(v, keys[i]));
            if (s && *s)
                f.f[f.n++] = s;
        }
    }
    return f;
}

int score_any_same(const score_forms *forms, const char *gold, bool stem)
{
    for (size_t i = 0; i < forms->n; i++) {
        int r = same(forms->f[i], gold, stem);
        if (r)
            return r;
    }
    return 0;
}

const char *score_gold_str(const json_t *g, const char *key)
{
    return json_string_value(json_object_get(g, key));
}

bool score_truthy(const json_t *v)
{
    switch (v ? json_typeof(v) : JSON_NULL) {
    case JSON_TRUE:
        return true;
    case JSON_INTEGER:
        return json_integer_value(v) != 0;
    case JSON_REAL:
        return json_real_value(v) != 0.0;
    case JSON_STRING:
        return json_string_length(v) > 0;
    case JSON_ARRAY:
        return json_array_size(v) > 0;
    case JSON_OBJECT:
        return json_object_size(v) > 0;
    default:
        return false;
    }
}

/* ------------------------------------------------------------------ Python's repr */

/* str.isprintable() is false for the categories Cc Cf Cs Co Zl Zp Zs (but the space);
 * these are their ranges above ASCII (Python 3.11's tables). Unassigned code points
 * (Cn), which Python also escapes, are let through. */
static bool printable(uint32_t c)
{
    static const uint32_t np[][2] = {
        {0x80, 0xa0},       {0xad, 0xad},       {0x600, 0x605},     {0x61c, 0x61c},
        {0x6dd, 0x6dd},     {0x70f, 0x70f},     {0x890, 0x891},     {0x8e2, 0x8e2},
        {0x1680, 0x1680},   {0x180e, 0x180e},   {0x2000, 0x200f},   {0x2028, 0x202f},
        {0x205f, 0x2064},   {0x2066, 0x206f},   {0x3000, 0x3000},   {0xd800, 0xf8ff},
        {0xfeff, 0xfeff},   {0xfff9, 0xfffb},   {0x110bd, 0x110bd}, {0x110cd, 0x110cd},
        {0x13430, 0x13438}, {0x1bca0, 0x1bca3}, {0x1d173, 0x1d17a}, {0xe0001, 0xe0001},
        {0xe0020, 0xe007f}, {0xf0000, 0xffffd}, {0x100000, 0x10fffd},
    };
    if (c < 0x20 || c == 0x7f)
        return false;
    for (size_t i = 0; c >= 0x80 && i < sizeof np / sizeof *np; i++)
        if (c >= np[i][0] && c <= np[i][1])
            return false;
    return true;
}

/* repr() of a str: single quotes unless the text has ' and no ", escapes as Python. */
static int repr_string(strbuf *b, const char *s)
{
    char q = strchr(s, '\'') && !strchr(s, '"') ? '"' : '\'';
    int rc = sb_putc(b, q);
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        uint32_t c;
        size_t n = utf8_next(p, &c);
        if (c == (uint32_t)q || c == '\\')
            rc |= sb_printf(b, "\\%c", (char)c);
        else if (c == '\t' || c == '\n' || c == '\r')
            rc |= sb_puts(b, c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r");
        else if (printable(c))
            rc |= sb_putn(b, (const char *)p, n);
        else
            rc |= sb_printf(b, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x",
                            (unsigned)c);
        p += n;
    }
    return rc | sb_putc(b, q);
}

static int py_repr(strbuf *b, const json_t *v);

static int repr_container(strbuf *b, const json_t *v)
{
    int rc = sb_putc(b, json_is_array(v) ? '[' : '{');
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++)
            rc |= (i ? sb_puts(b, ", ") : 0) | py_repr(b, json_array_get(v, i));
    } else {
        const char *key;
        const json_t *val;
        size_t i = 0;
        json_object_foreach((json_t *)v, key, val) {
            rc |= (i++ ? sb_puts(b, ", ") : 0) | repr_string(b, key) | sb_puts(b, ": ");
            rc |= py_repr(b, val);
        }
    }
    return rc | sb_putc(b, json_is_array(v) ? ']' : '}');
}

static int py_repr(strbuf *b, const json_t *v)
{
    char num[32];
    switch (v ? json_typeof(v) : JSON_NULL) {
    case JSON_STRING:
        return repr_string(b, json_string_value(v));
    case JSON_INTEGER:
        return sb_printf(b, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    case JSON_REAL:
        score_float_repr(num, json_real_value(v));
        return sb_puts(b, num);
    case JSON_TRUE:
        return sb_puts(b, "True");
    case JSON_FALSE:
        return sb_puts(b, "False");
    case JSON_ARRAY:
    case JSON_OBJECT:
        return repr_container(b, v);
    default:
        return sb_puts(b, "None");
    }
}

int score_py_str(strbuf *b, const json_t *v)
{
    return json_is_string(v) ? sb_puts(b, json_string_value(v)) : py_repr(b, v);
}

/* The str() of slot(t, key): None, or a list of quoted strings. */
static int put_forms(strbuf *b, const score_forms *f)
{
    if (f->none)
        return sb_puts(b, "None");
    int rc = sb_putc(b, '[');
    for (size_t i = 0; i < f->n; i++)
        rc |= (i ? sb_puts(b, ", ") : 0) | repr_string(b, f->f[i]);
    return rc | sb_putc(b, ']');
}

static char *take_or_null(strbuf *b, int rc)
{
    if (rc) {
        sb_free(b);
        return NULL;
    }
    return sb_take(b);
}

char *score_fp_desc(const json_t *pred)
{
    static const score_forms none = {true, 0, {NULL, NULL}};
    score_forms t = score_slot(pred, "therapy"), e = score_slot(pred, "effect"),
                c = score_slot(pred, "condition");
    strbuf b;
    sb_init(&b);
    int rc = put_forms(&b, &t) | sb_puts(&b, " | ") | put_forms(&b, &e) | sb_puts(&b, " | ");
    rc |= put_forms(&b, score_truthy(json_object_get(pred, "condition")) ? &c : &none);
    return take_or_null(&b, rc);
}

char *score_fn_desc(const json_t *gold)
{
    strbuf b;
    sb_init(&b);
    int rc = score_py_str(&b, json_object_get(gold, "therapy")) | sb_puts(&b, " | ") |
             score_py_str(&b, json_object_get(gold, "effect")) | sb_puts(&b, " | ") |
             score_py_str(&b, json_object_get(gold, "condition"));
    return take_or_null(&b, rc);
}

char *score_prefix(const char *s, size_t n)
{
    size_t i = 0;
    for (size_t cps = 0; s[i]; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80 && cps++ == n)
            break;
    return xstrndup(s, i);
}

/* ------------------------------------------------------------------ reading */

#define MAX_SRC_LINE 300 /* longer bad lines are reported without their text */

static bool py_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

/* One line: stripped as str.strip() (ASCII white space), skipped when blank, else
 * parsed and handed to fn; 0 or THX_EINPUT. */
static int one_line(const char *path, int lineno, char *s, size_t n, thx_diags *diags,
                    score_line_fn fn, void *ctx)
{
    size_t lead = 0;
    while (lead < n && py_space(s[lead]))
        lead++;
    while (n > lead && py_space(s[n - 1]))
        n--;
    if (n == lead)
        return 0;
    json_error_t err;
    json_t *obj = json_loadb(s + lead, n - lead, JSON_ALLOW_NUL, &err);
    if (obj && json_is_object(obj)) {
        fn(ctx, obj, path, lineno);
        return 0;
    }
    s[n] = '\0';
    int col = obj ? 1 : (int)lead + (err.column > 0 ? err.column : 1);
    thx_diags_add(diags, THX_SEV_ERROR, path, lineno, col, n <= MAX_SRC_LINE ? s : NULL,
                  "%s%s", obj ? "not a JSON object" : "not JSON: ", obj ? "" : err.text);
    json_decref(obj);
    return THX_EINPUT;
}

int score_read_jsonl(const char *path, thx_diags *diags, score_line_fn fn, void *ctx)
{
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    int lineno = 0, rc = 0;
    while (f && (got = getline(&line, &cap, f)) >= 0) {
        char *seg = line, *end = line + got;
        for (;;) {
            char *cr = memchr(seg, '\r', (size_t)(end - seg));
            size_t n = (size_t)((cr ? cr : end) - seg);
            if (one_line(path, ++lineno, seg, n, diags, fn, ctx))
                rc = THX_EINPUT;
            if (!cr || cr + 1 == end || (cr[1] == '\n' && cr + 2 == end))
                break;
            seg = cr + 1;
        }
    }
    if (!f || ferror(f)) {
        thx_diags_add(diags, THX_SEV_ERROR, path, 0, 0, NULL, "cannot read: %s", strerror(errno));
        rc = THX_EIO;
    }
    free(line);
    if (f)
        fclose(f);
    return rc;
}

/* ------------------------------------------------------------------ floats */

/* Python's float repr: the shortest digits that read back to x, in fixed notation for
 * exponents -4..15 (always with a decimal point), else as 1.5e-05 / 1e+16. */
void score_float_repr(char buf[32], double x)
{
    if (isnan(x) || isinf(x)) {
        snprintf(buf, 32, "%s", isnan(x) ? "nan" : x < 0 ? "-inf" : "inf");
        return;
    }
    char e[40], digits[24], *o = buf;
    for (int p = 0; p < 17; p++) {
        snprintf(e, sizeof e, "%.*e", p, x);
        if (strtod(e, NULL) == x)
            break;
    }
    const char *q = e + (e[0] == '-');
    size_t nd = 0;
    for (; *q != 'e'; q++)
        if (*q != '.')
            digits[nd++] = *q;
    int exp = atoi(q + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    if (e[0] == '-')
        *o++ = '-';
    if (exp < -4 || exp >= 16) {
        snprintf(o, 28, "%c%s%.*se%c%02d", digits[0], nd > 1 ? "." : "", (int)nd - 1,
                 digits + 1, exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    } else if (exp < 0) {
        snprintf(o, 28, "0.%.*s%.*s", -exp - 1, "0000", (int)nd, digits);
    } else if ((size_t)exp + 1 >= nd) {
        snprintf(o, 28, "%.*s%.*s.0", (int)nd, digits, exp + 1 - (int)nd, "0000000000000000");
    } else {
        snprintf(o, 28, "%.*s.%.*s", exp + 1, digits, (int)nd - exp - 1, digits + exp + 1);
    }
}
