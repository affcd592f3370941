/*
 * Text that has lost its case: Rosario & Hearst and other sets come lowercased
 * ("radiotherapy is effective for palliation of symptoms associated with sclc ."), and
 * there a term that must match its capitals (NSCLC, UFT; lexicon.c, needs_case) never
 * would. In a sentence with no capital letter at all, the tagger lets such a term match
 * in lowercase (tagger.c), unless that is unsafe: a form shorter than three letters
 * ("ms" is milliseconds, not MS), or a word of its own ("aids", "pad", "mesh"), listed in
 * lowercase_words.h by rules/tools/gen_lowercase_words.py from the pack's cased terms.
 * A case-sensitive regex synonym (/c) also runs there on the sentence in capitals
 * (tagger.c, run_regexes): "bms-275291" is a code name as "BMS-275291" is.
 * Text with capitals keeps the capitals rule: the output of mixed-case text is unchanged.
 * Owned by the lexicon module; see lexicon.h.
 */
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>

#include "lowercase_words.h"

bool lexicon_text_lowercased(const char *s, size_t n)
{
    bool letter = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            return false;
        letter |= c >= 'a' && c <= 'z';
    }
    return letter;
}

bool lexicon_capital_runs(const char *src, size_t n)
{
    for (size_t i = 0; i + 4 < n; i++)
        if (!memcmp(src + i, "A-Z]", 4) && strchr("+*{", src[i + 4]))
            return true;
    return false;
}

static int by_word(const void *key, const void *item)
{
    return strcmp(key, *(const char *const *)item);
}

bool lexicon_lowercase_code_ok(const char *s, size_t n)
{
    char low[8];
    size_t k = 0;
    while (k < n && k < sizeof low - 1 && is_ascii_alnum((unsigned char)s[k]) &&
           !(s[k] >= '0' && s[k] <= '9'))
        low[k] = (char)ascii_lower((unsigned char)s[k]), k++;
    low[k] = '\0';
    bool digit = false;
    for (size_t i = k; i < n; i++)
        digit |= s[i] >= '0' && s[i] <= '9';
    return digit && !bsearch(low, lowercase_code_prefixes,
                             sizeof lowercase_code_prefixes / sizeof *lowercase_code_prefixes,
                             sizeof *lowercase_code_prefixes, by_word);
}

bool lexicon_lowercase_ok(const char *cased)
{
    char low[32];
    size_t n = strlen(cased), letters = 0;
    if (n >= sizeof low)
        return false;
    for (size_t i = 0; i < n; i++) {
        low[i] = (char)ascii_lower((unsigned char)cased[i]);
        letters += low[i] >= 'a' && low[i] <= 'z';
    }
    low[n] = '\0';
    return letters >= 3 &&
           !bsearch(low, lowercase_words, sizeof lowercase_words / sizeof *lowercase_words,
                    sizeof *lowercase_words, by_word);
}
