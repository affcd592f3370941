/* A sentence that opens with a study's aim: see aim.h. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "aim.h"
#include "util/util.h"
#include "words.h"

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


/* The end of the word that starts at s[a] (letters, digits, '-', '/', ...). */
static size_t word_end(const char *s, size_t n, size_t a)
{
    while (a < n && words_char(s[a]))
        a++;
    return a;
}

/* Skips spaces from a. */
static size_t skip_spaces(const char *s, size_t n, size_t a)
{
    while (a < n && is_space((unsigned char)s[a]))
        a++;
    return a;
}

/* Is the verb's object at a "the", at most four words, a noun of effect, then "of" or
 * "that"? */
static bool effect_object(const char *s, size_t n, size_t a)
{
    static const char *const nouns[] = {"effect", "effects", "efficacy", "effectiveness",
                                        "ability", "potential", "benefit", "benefits", "role",
                                        "impact", "usefulness", "value", "utility", NULL};
    a = skip_spaces(s, n, a);
    size_t e = word_end(s, n, a);
    if (!words_is(s, a, e, "the"))
        return false;
    for (int w = 0; w < 5; w++) {
        a = skip_spaces(s, n, e);
        e = word_end(s, n, a);
        if (e == a)
            return false; /* punctuation ends the object */
        if (words_in(s, a, e, nouns)) {
            size_t b = skip_spaces(s, n, e), f = word_end(s, n, b);
            return words_is(s, b, f, "of") || words_is(s, b, f, "that");
        }
    }
    return false;
}

/* See aim.h. */
bool aim_object(const char *s, size_t n, size_t trig)
{
    static const char *const verbs[] = {
        "investigated", "examined", "evaluated", "assessed", "explored", "studied",
        "tested", "investigate", "examine", "evaluate", "assess", "explore", "study", "test",
        "investigates", "examines", "evaluates", "assesses", "explores", "studies", "tests",
        "investigating", "examining", "evaluating", "assessing", "exploring", "studying",
        "testing", NULL};
    /* a finding reported between the aim and the trigger ends the aim, and so does a
     * relative clause of what is known ("the role of erdosteine, an expectorant agent,
     * which has also antioxidant properties"), as the objective cues' stop words do
     * (rules/cues.rules) */
    static const char *const findings[] = {
        "found", "showed", "shown", "revealed", "demonstrated", "suggest", "suggests",
        "concluded", "conclude", "indicated", "observed", "resulted", "reduced", "improved",
        "increased", "decreased", "which", "who", NULL};
    bool aim = false;
    if (trig > n)
        trig = n;
    for (size_t a = 0; a < trig;) {
        if (!words_char(s[a])) {
            if (s[a] == ';')
                aim = false;
            a++;
            continue;
        }
        size_t e = word_end(s, n, a);
        if (words_in(s, a, e, verbs) && effect_object(s, n, e))
            aim = true;
        else if (aim && words_in(s, a, e, findings))
            aim = false;
        a = e;
    }
    return aim;
}
