/* A participle after a determiner modifies its noun: see modifier.h. */
#include <string.h>
#include <strings.h>

#include "modifier.h"

/* Whether w[0..n) starts with one of the stems of list (a verb in any form). */
static bool has_stem(const char *w, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++) {
        size_t k = strlen(list[i]);
        if (k <= n && !strncasecmp(w, list[i], k))
            return true;
    }
    return false;
}

static bool participle_in_object(const char *s, size_t n, const candidate *c)
{
    size_t ts = c->trig_start, te = c->trig_end;
    if (te > n || te < ts + 4 || strncasecmp(s + te - 2, "ed", 2))
        return false;
    for (size_t p = ts; p < te; p++)
        if (!is_ascii_alnum((unsigned char)s[p]) && s[p] != '-')
            return false; /* one word only */
    size_t db, de, vb, ve;
    if (!word_ending_at(s, ts, &db, &de) || !word_ending_at(s, db, &vb, &ve))
        return false;
    static const char *const DETERMINERS[] = {"the", "a", "an", "these", "this", "its", "their",
                                              NULL};
    if (!word_in_list(s + db, de - db, DETERMINERS))
        return false;
    static const char *const BEFORE[] = {"on", "of", "using", NULL};
    /* verbs that act on a noun phrase: their object, not their subject's result */
    static const char *const STEMS[] = {"revers", "restor", "prevent", "attenuat", "inhibit",
                                        "block", "abolish", "suppress", "normaliz", "normalis",
                                        "counteract", "ameliorat", "alleviat", "mitigat",
                                        "rescu", "correct", "oppos", "antagoniz", "antagonis",
                                        NULL};
    return word_in_list(s + vb, ve - vb, BEFORE) || has_stem(s + vb, ve - vb, STEMS);
}

void modifier_drop(match_ctx *m, const char *s, size_t n)
{
    cands_drop_in(&m->cands, s, n, participle_in_object);
}
