/*
 * What the pattern compiler reads ahead in pattern text, and the registry of gate
 * literals: a pattern runs only on sentences where the lexicon trie saw its gate.
 * Declared in rule_syntax.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rule_syntax.h"

/* True when s has a '|' outside groups, phrases and regexes: its alternatives make
 * every literal optional as far as gating is concerned. */
bool has_top_bar(const char *s)
{
    int depth = 0;
    for (const char *p = s; *p; p++) {
        if (*p == '"' || *p == '/') {
            const char *e = strchr(p + 1, *p);
            if (!e)
                return false;
            p = e;
        } else if (*p == '(' || *p == '[' || *p == '{') {
            depth++;
        } else if (*p == ')' || *p == ']' || *p == '}') {
            depth--;
        } else if (*p == '|' && depth == 0) {
            return true;
        }
    }
    return false;
}

/* When the group at p (just after '(') is a plain alternation of words and phrases,
 * returns the length of its shortest alternative (the group's text ends at *end);
 * else 0. */
size_t plain_alternation(const char *p, const char **end)
{
    size_t shortest = SIZE_MAX, cur = 0;
    for (; *p && *p != ')'; p++) {
        if (*p == '"') {
            const char *q = strchr(p + 1, '"');
            if (!q)
                return 0;
            cur += (size_t)(q - p - 1);
            p = q;
        } else if (*p == '|') {
            shortest = cur < shortest ? cur : shortest;
            cur = 0;
        } else if (strchr("{}@~$/([]?", *p)) {
            return 0;
        } else if (*p != ' ' && *p != '\t') {
            cur++;
        }
    }
    if (*p != ')' || p[1] == '?')
        return 0;
    shortest = cur < shortest ? cur : shortest;
    *end = p;
    return shortest;
}

/* The id of a gate literal, registered once per distinct text. */
int literal_id(thx_ruleset *rs, const char *s, size_t n)
{
    char *lit = lexicon_normalise(s, n);
    if (!lit)
        return -1;
    for (size_t i = 0; i < rs->literal_texts.len; i++)
        if (!strcmp(rs->literal_texts.items[i], lit)) {
            free(lit);
            return (int)i;
        }
    int id = (int)rs->lex.nliterals++;
    rs->nliterals = rs->lex.nliterals;
    if (str_vec_push(&rs->literal_texts, lit, strlen(lit)) ||
        lexicon_add_term(&rs->lex, lit, TERM_LITERAL, id, false))
        id = -1;
    free(lit);
    return id;
}

