/* A sentence that opens with a study's aim: see aim.h. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "aim.h"
#include "util/util.h"

/* See aim.h. */
bool aim_opens(const char *s, size_t n)
{
    size_t a = 0, colon = 0;
    for (size_t p = 0; p < n && p < 40 && !colon; p++)
        if (s[p] == ':')
            colon = p + 1;
        else if (!isupper((unsigned char)s[p]) && s[p] != ' ' && s[p] != '&' && s[p] != '/')
            break;
    a = colon;
    while (a < n && is_space((unsigned char)s[a]))
        a++;
    if (a + 9 <= n && !strncasecmp(s + a, "in order ", 9))
        a += 9;
    if (a + 3 > n || strncasecmp(s + a, "to ", 3))
        return false;
    a += 3;
    static const char *const verbs[] = {"evaluate", "assess", "determine", "investigate",
                                        "examine", "test", "compare", "explore", "clarify",
                                        "elucidate", "analyze", "analyse", "study", NULL};
    for (const char *const *v = verbs; *v; v++) {
        size_t k = strlen(*v);
        if (a + k < n && !strncasecmp(s + a, *v, k) && !isalpha((unsigned char)s[a + k]))
            return true;
    }
    return false;
}

