/* Reading a sentence word by word backwards: see words.h. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "words.h"
#include "util/util.h"

bool words_char(char c)
{
    return isalnum((unsigned char)c) || c == '-' || c == '/' || c == '\'' || c == '+' ||
           (unsigned char)c >= 0x80;
}

bool words_prev(const char *s, size_t pos, size_t *ws, size_t *we)
{
    size_t e = pos;
    while (e > 0 && s[e - 1] == ' ')
        e--;
    if (e == 0)
        return false;
    if (s[e - 1] == ')') {
        size_t b = e - 1;
        while (b > 0 && s[b - 1] != '(' && e - b < 80)
            b--;
        if (b == 0 || s[b - 1] != '(')
            return false;
        *ws = b - 1;
        *we = e;
        return true;
    }
    size_t b = e;
    while (b > 0 && words_char(s[b - 1]))
        b--;
    if (b == e)
        return false;
    *ws = b;
    *we = e;
    return true;
}

bool words_is(const char *s, size_t ws, size_t we, const char *w)
{
    return we - ws == strlen(w) && !strncasecmp(s + ws, w, we - ws);
}

bool words_in(const char *s, size_t ws, size_t we, const char *const *list)
{
    return word_in_list(s + ws, we - ws, list);
}

bool words_before_is(const char *s, size_t ws, const char *w)
{
    size_t ps, pe;
    return words_prev(s, ws, &ps, &pe) && words_is(s, ps, pe, w);
}

size_t words_phrase_before(const char *s, size_t to, const char *const *list)
{
    size_t p = to;
    while (p > 0 && s[p - 1] == ' ')
        p--;
    for (size_t i = 0; list[i]; i++) {
        size_t k = strlen(list[i]);
        if (p >= k && !strncasecmp(s + p - k, list[i], k) &&
            (p == k || !words_char(s[p - k - 1])))
            return p - k;
    }
    return (size_t)-1;
}

bool words_has(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    for (size_t i = 0; i + k <= n; i++)
        if ((i == 0 || !words_char(s[i - 1])) && !strncasecmp(s + i, p, k) &&
            (i + k == n || !words_char(s[i + k])))
            return true;
    return false;
}

bool words_has_any(const char *s, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (words_has(s, n, list[i]))
            return true;
    return false;
}
