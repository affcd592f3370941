/* The lexical layer of the rule language: see rule_syntax.h. */
#include "rule_syntax.h"

#include <stdlib.h>
#include <string.h>

static bool word_stop(char c)
{
    return c == '\0' || c == ' ' || c == '\t' || c == '|' || c == '"';
}

static int scan_regex(const char *p, token *t)
{
    const char *q = p + 1;
    while (*q && *q != '/') {
        if (*q == '\\' && q[1])
            q++;
        q++;
    }
    if (*q != '/')
        return -1;
    t->kind = TK_REGEX;
    t->p = p + 1;
    t->n = (size_t)(q - p - 1);
    t->flags = q + 1;
    const char *f = q + 1;
    while (*f && strchr("imsxc", *f))
        f++;
    t->nflags = (size_t)(f - (q + 1));
    return (int)(f - p);
}

int syntax_tokenize(const char *line, const char *src, token *toks, size_t *ntoks,
                    thx_diags *diags, const src_loc *loc)
{
    size_t n = 0;
    const char *p = line;
    while (*p) {
        if (*p == ' ' || *p == '\t') {
            p++;
            continue;
        }
        if (n == SYNTAX_MAX_TOKENS) {
            rules_error(diags, loc, (int)(p - src) + 1, "line has too many items");
            return -1;
        }
        token *t = &toks[n++];
        memset(t, 0, sizeof *t);
        t->col = (int)(p - src) + 1;
        if (*p == '|' || *p == '=') {
            t->kind = *p == '|' ? TK_BAR : TK_EQ;
            t->p = p++;
            t->n = 1;
        } else if (*p == '"') {
            const char *q = strchr(p + 1, '"');
            if (!q) {
                rules_error(diags, loc, t->col, "unterminated \"phrase\"");
                return -1;
            }
            t->kind = TK_STRING;
            t->p = p + 1;
            t->n = (size_t)(q - p - 1);
            p = q + 1;
        } else if (*p == '/') {
            int len = scan_regex(p, t);
            if (len < 0) {
                rules_error(diags, loc, t->col, "unterminated /regex/");
                return -1;
            }
            p += len;
        } else {
            const char *q = p;
            while (!word_stop(*q))
                q++;
            t->kind = TK_WORD;
            t->p = p;
            t->n = (size_t)(q - p);
            p = q;
        }
    }
    *ntoks = n;
    return 0;
}

pcre2_code *syntax_compile_regex(const token *t, thx_diags *diags, const src_loc *loc,
                                 uint32_t extra_options, bool jit)
{
    uint32_t opts = PCRE2_CASELESS | extra_options;
    for (size_t i = 0; i < t->nflags; i++) {
        switch (t->flags[i]) {
        case 'c': opts &= ~(uint32_t)PCRE2_CASELESS; break;
        case 'x': opts |= PCRE2_EXTENDED; break;
        case 's': opts |= PCRE2_DOTALL; break;
        default: break;
        }
    }
    int err;
    PCRE2_SIZE off;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)t->p, t->n, opts, &err, &off, NULL);
    if (!code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        rules_error(diags, loc, t->col + 1 + (int)off, "bad regex: %s", (const char *)msg);
        return NULL;
    }
    if (!jit)
        return code;
    /* to match with: the same regex with its leading look-ahead moved behind the cheap
     * assertions that follow it and its alternatives gathered by first letter, when
     * that changes it, searched with an offset limit when it has a gate (lexicon.h);
     * errors were reported on the regex as written */
    char *hoisted = regex_hoist_lookahead(t->p, t->n);
    const char *re = hoisted ? hoisted : t->p;
    size_t len = hoisted ? strlen(hoisted) : t->n;
    char *factored = opts & PCRE2_EXTENDED ? NULL : regex_factor_alternatives(re, len);
    char *gate = regex_gate(t->p, t->n);
    if (factored || hoisted || gate) {
        strbuf fast;
        sb_init(&fast);
        if (factored || hoisted)
            sb_puts(&fast, factored ? factored : re);
        else
            sb_putn(&fast, t->p, t->n);
        pcre2_code *code2 = fast.len && sb_grow(&fast, 0) == 0
                                ? pcre2_compile((PCRE2_SPTR)fast.ptr, fast.len,
                                                opts | (gate ? PCRE2_USE_OFFSET_LIMIT : 0),
                                                &err, &off, NULL)
                                : NULL;
        sb_free(&fast);
        if (code2) {
            pcre2_code_free(code);
            code = code2;
        }
    }
    free(gate);
    free(hoisted);
    free(factored);
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
    return code;
}

bool syntax_valid_predicate(const char *s, size_t n)
{
    if (n <= 8 || strncmp(s, "biolink:", 8) != 0)
        return false;
    for (size_t i = 8; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_'))
            return false;
    return true;
}

static char *trim_dup(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return xstrndup(s, n);
}

static int parse_flags(const char *s, int col, rule_expect *e, thx_diags *diags,
                       const src_loc *loc)
{
    e->negated = e->hedged = e->coref = 0;
    const char *p = s;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        const char *q = p;
        while (*q && *q != ' ' && *q != '\t')
            q++;
        size_t n = (size_t)(q - p);
        if (n == 0)
            break;
        if (n == 7 && memcmp(p, "negated", 7) == 0)
            e->negated = 1;
        else if (n == 6 && memcmp(p, "hedged", 6) == 0)
            e->hedged = 1;
        else if (n == 5 && memcmp(p, "coref", 5) == 0)
            e->coref = 1;
        else {
            rules_error(diags, loc, col + (int)(p - s),
                        "unknown flag '%.*s' (expected negated, hedged or coref)", (int)n, p);
            return -1;
        }
        p = q;
    }
    return 0;
}

int syntax_parse_expect(const char *s, int col, rule_expect *e, thx_diags *diags,
                        const src_loc *loc)
{
    const char *parts[5];
    size_t lens[5], np = 0;
    const char *p = s;
    while (np < 5) {
        const char *bar = strchr(p, '|');
        parts[np] = p;
        lens[np++] = bar ? (size_t)(bar - p) : strlen(p);
        if (!bar)
            break;
        p = bar + 1;
    }
    if (np < 3 || np > 4) {
        rules_error(diags, loc, col, "expected 'therapy | effect | condition' (condition '-' "
                                     "for none, then optionally '| negated hedged coref')");
        return -1;
    }
    e->therapy = trim_dup(parts[0], lens[0]);
    e->effect = trim_dup(parts[1], lens[1]);
    char *c = trim_dup(parts[2], lens[2]);
    if (c && strcmp(c, "-") == 0) {
        free(c);
        c = NULL;
    }
    e->condition = c;
    e->negated = e->hedged = e->coref = -1;
    if (np == 4) {
        char *flags = trim_dup(parts[3], lens[3]);
        int rc = flags ? parse_flags(flags, col + (int)(parts[3] - s), e, diags, loc) : -1;
        free(flags);
        if (rc)
            return -1;
    }
    if (!e->therapy || !*e->therapy || !e->effect || !*e->effect) {
        rules_error(diags, loc, col, "an expected triple needs a therapy and an effect");
        return -1;
    }
    return 0;
}

int syntax_check_groups(const char *s, thx_diags *diags, const src_loc *loc)
{
    const char *open[RULES_GROUP_NESTING + 1];
    size_t depth = 0;
    bool in_word = false;
    for (const char *p = s; *p; p++) {
        char c = *p;
        if (c == '"' || (c == '/' && !in_word)) {
            /* a phrase or a regex: its brackets are its own */
            const char *e = p + 1;
            while (*e && *e != c) {
                if (c == '/' && *e == '\\' && e[1])
                    e++;
                e++;
            }
            if (!*e)
                return 0; /* unterminated: the compiler says so */
            p = e;
            in_word = false;
        } else if (c == '(' || c == '[') {
            if (depth > RULES_GROUP_NESTING)
                return 0; /* too deep: the compiler says so */
            open[depth++] = p;
            in_word = false;
        } else if (c == ')' || c == ']') {
            if (depth == 0) {
                rules_error(diags, loc, loc->col + (int)(p - s), "unexpected '%c'", c);
                return -1;
            }
            const char *o = open[--depth];
            if ((c == ')') != (*o == '(')) {
                /* "[(a] b)": the innermost open group is the one left open */
                rules_error(diags, loc, loc->col + (int)(o - s),
                            "'%c' is not closed (a '%c' comes first, at column %d)", *o, c,
                            loc->col + (int)(p - s));
                return -1;
            }
            in_word = false;
        } else {
            in_word = !(c == ' ' || c == '\t' || c == '|' || c == '{' || c == '}');
        }
    }
    if (depth) {
        rules_error(diags, loc, loc->col + (int)(open[depth - 1] - s), "'%c' is not closed",
                    *open[depth - 1]);
        return -1;
    }
    return 0;
}
