/* What a sentence says a therapy is for: an established use, a prevention. See
 * indication.h. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "indication.h"
#include "util/util.h"
#include "words.h"

/* Does s[a..b) hold phrase p as whole words (any case)? */
static bool has_phrase(const char *s, size_t a, size_t b, const char *p)
{
    size_t k = strlen(p);
    for (size_t i = a; i + k <= b; i++)
        if (!strncasecmp(s + i, p, k) && (i == a || !words_char(s[i - 1])) &&
            (i + k == b || !words_char(s[i + k])))
            return true;
    return false;
}

static bool has_any(const char *s, size_t a, size_t b, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (has_phrase(s, a, b, list[i]))
            return true;
    return false;
}

bool indication_use(const char *s, const mention *t, const mention *cond)
{
    size_t a = t->end <= cond->start ? t->end : cond->end;
    size_t b = t->end <= cond->start ? cond->start : t->start;
    if (a > b || b - a > 120)
        return false;
    /* an approval, an indication, a use in practice (present or perfect: "was used" in
     * 20 patients is the study's methods) */
    static const char *const USE[] = {
        "approved", "indicated for", "is indicated", "are indicated", "licensed for",
        "is the standard", "are the standard", "remains the standard", "is a standard",
        "as the standard", "is standard", "treatment of choice", "therapy of choice",
        "drug of choice", "mainstay", "established treatment", "is recommended",
        "are recommended", "recommended for", "is used", "are used", "been used",
        "widely used", "commonly used", "frequently used",
        "routinely used", "often used", "currently used", "is prescribed", "are prescribed",
        "widely prescribed", "commonly prescribed", "is therapeutic", "are therapeutic", NULL};
    /* a comparison: the established use is the comparator's ("X was compared with the
     * standard treatment for Y"); a disease model is research, no use ("Rapamycin has
     * been widely used in different animal models of TSC-related epilepsy"). "First-line"
     * and "standard therapy" alone name a line of treatment or another drug ("X as
     * first-line therapy for Y: preliminary results", "X added to standard therapy with
     * dacarbazine"), no use: "is the standard" does. */
    static const char *const COMPARE[] = {"than", "compared", "comparison", "versus", "vs",
                                          "instead", "model", "models", NULL};
    return has_any(s, a, b, USE) && !has_any(s, a, b, COMPARE);
}

bool indication_prevention(const char *s, size_t n, const mention *cond)
{
    static const char *const AFTER[] = {"prevention", "prophylaxis", NULL};
    size_t p = cond->end;
    while (p < n && (s[p] == ' ' || s[p] == ')'))
        p++;
    size_t q = p;
    while (q < n && isalpha((unsigned char)s[q]))
        q++;
    bool prevented = false;
    size_t at = 0; /* where the prevention word starts */
    for (size_t i = 0; AFTER[i] && !prevented; i++)
        if (words_is(s, p, q, AFTER[i]))
            prevented = true, at = p;
    size_t ws, we;
    if (!prevented && word_ending_at(s, cond->start, &ws, &we)) {
        if (words_is(s, ws, we, "the") && !word_ending_at(s, ws, &ws, &we))
            return false;
        if (words_is(s, ws, we, "preventing") || words_is(s, ws, we, "prevent")) {
            prevented = true, at = ws;
        } else if (words_is(s, ws, we, "of") || words_is(s, ws, we, "against")) {
            size_t vs, ve;
            if (word_ending_at(s, ws, &vs, &ve) &&
                (words_is(s, vs, ve, "prevention") || words_is(s, vs, ve, "prophylaxis")))
                prevented = true, at = vs;
        }
    }
    if (!prevented)
        return false;
    /* "the treatment and prevention of Y", "management and prophylaxis of Y": both */
    size_t cs, ce;
    if (word_ending_at(s, at, &cs, &ce) && (words_is(s, cs, ce, "and") || words_is(s, cs, ce, "or"))) {
        size_t ks, ke;
        if (word_ending_at(s, cs, &ks, &ke) &&
            (words_is(s, ks, ke, "treatment") || words_is(s, ks, ke, "management") ||
             words_is(s, ks, ke, "therapy") || words_is(s, ks, ke, "treating")))
            return false;
    }
    return true;
}

bool indication_apposition(const char *s, const mention *t, size_t trig_start, size_t trig_end)
{
    static const char *const NOUNS[] = {"treatment", "therapy", "option", "cure", "remedy",
                                        "alternative", "approach", "agent", "drug", "adjunct",
                                        NULL};
    /* a study's or a review's subtitle: "X: a randomized trial of treatment for Y" */
    static const char *const STUDY[] = {"trial", "study", "review", "comparison", "analysis",
                                        "evaluation", "case", "report", "randomized",
                                        "randomised", "of", "update", NULL};
    if (t->end > trig_start || trig_start - t->end > 80 || !has_any(s, trig_start, trig_end, NOUNS))
        return false;
    size_t p = t->end;
    while (p < trig_start && s[p] == ' ')
        p++;
    if (p >= trig_start || (s[p] != ':' && s[p] != ','))
        return false;
    p++;
    int words = 0;
    bool article = false;
    while (p < trig_start) {
        while (p < trig_start && s[p] == ' ')
            p++;
        if (p == trig_start)
            break;
        size_t b = p;
        while (p < trig_start && (isalpha((unsigned char)s[p]) || s[p] == '-'))
            p++;
        if (p == b)
            return false; /* a digit, a parenthesis, a comma: no plain description */
        if (words == 0)
            article = words_is(s, b, p, "a") || words_is(s, b, p, "an");
        else if (has_any(s, b, p, STUDY))
            return false;
        words++;
    }
    return article && words <= 6;
}
