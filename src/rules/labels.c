/*
 * Effect labels of trigger words (`labels` blocks, parsed by rule_parse_lexicon.c): the
 * lookup that an effect label "{trigger}" uses (claims/extract.c). Read-only on the rule
 * set; below the parser and the loader.
 */
#include <stdbool.h>

#include "rules.h"

/* Whether form (lowercase, single spaces) is text[0..n) compared as such. */
static bool same_form(const char *form, const char *text, size_t n)
{
    size_t i = 0;
    while (i < n && (text[i] == ' ' || text[i] == '\t'))
        i++;
    while (n > i && (text[n - 1] == ' ' || text[n - 1] == '\t'))
        n--;
    for (; i < n; i++, form++) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ' || c == '\t') {
            if (*form != ' ')
                return false;
            while (i + 1 < n && (text[i + 1] == ' ' || text[i + 1] == '\t'))
                i++;
        } else if (*form != (char)(c >= 'A' && c <= 'Z' ? c + 32 : c)) {
            return false;
        }
    }
    return *form == '\0';
}

const char *rules_trigger_label(const thx_ruleset *rs, const char *text, size_t n)
{
    for (size_t i = 0; i < rs->label_forms.len; i++)
        if (same_form(rs->label_forms.items[i], text, n))
            return rs->label_names.items[i];
    return NULL;
}
