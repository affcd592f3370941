/* A participle after a determiner modifies its noun: see modifier.h. */
#include <string.h>
#include <strings.h>

#include "complement.h"
#include "modifier.h"
#include "resolve.h"
#include "words.h"

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

typedef struct {
    const thx_ruleset *rs;
    const match_ctx *m;
    const char *s;
    size_t n;
} sentence_ref;

/* Whether candidate c's trigger is a participle that names the people's measure: joined
 * by a hyphen to its noun ("reduced-EF heart failure"), or after "with", "and" or "or"
 * inside the scope of a population cue and before a noun, no determiner or phrase-ending
 * word ("patients with heart failure and reduced left ventricular ejection fraction"). */
static bool participle_of_people(const candidate *c, const void *ctx)
{
    const sentence_ref *r = ctx;
    const char *s = r->s;
    size_t ts = c->trig_start, te = c->trig_end, n = r->n;
    if (te > n || te < ts + 4 || strncasecmp(s + te - 2, "ed", 2))
        return false;
    for (size_t p = ts; p < te; p++)
        if (!is_ascii_alnum((unsigned char)s[p]))
            return false; /* one word only */
    if (te + 1 < n && s[te] == '-' && is_ascii_alnum((unsigned char)s[te + 1]))
        return true;
    size_t ws, we, ns = te, ne;
    static const char *const JOINS[] = {"with", "and", "or", NULL};
    static const char *const DETERMINERS[] = {"the", "a", "an", "its", "their", "this",
                                              "these", NULL};
    if (!words_prev(s, ts, &ws, &we) || !words_in(s, ws, we, JOINS))
        return false;
    while (ns < n && s[ns] == ' ')
        ns++;
    for (ne = ns; ne < n && words_char(s[ne]);)
        ne++;
    if (ne == ns || complement_stop(s, ns, ne) || words_in(s, ns, ne, DETERMINERS))
        return false; /* a verb of the clause: "were enrolled and randomized into" */
    const tag_result *tags = &r->m->tags;
    for (size_t i = 0; i < tags->cues.len; i++) {
        size_t from, to;
        if (r->rs->cues[tags->cues.items[i].cue].kind == CUE_POPULATION &&
            claims_cue_scope(r->rs, tags, s, n, i, &from, &to) && ts >= from && ts < to)
            return true;
    }
    return false;
}

void modifier_drop(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n)
{
    cands_drop_in(&m->cands, s, n, participle_in_object);
    sentence_ref r = {rs, m, s, n};
    cands_drop_if(&m->cands, participle_of_people, &r);
}
