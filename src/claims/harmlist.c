/* Harm lists: see harmlist.h. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "harmlist.h"
#include "util/util.h"

/* the nouns that name a therapy's harms */
static const char *const NOUNS[] = {"side effects", "side-effects", "side effect",
                                    "adverse effects", "adverse events", "adverse reactions",
                                    "adverse drug reactions", "toxicities", "toxicity",
                                    "toxic effects", NULL};
/* the words that open a list after the noun */
static const char *const OPENERS[] = {"include", "included", "includes", "including",
                                      "such as", "consisted of", "comprised", ":", NULL};
/* words (prefixes) of relief or contrast: the harms are then what the therapy spares */
static const char *const RELIEF[] = {
    "reduc", "decreas", "lower", "fewer", "less", "prevent", "alleviat", "attenuat",
    "ameliorat", "protect", "without", "no", "minimi", "avoid", "against", "mitigat",
    "improv", "reliev", "relief", "manag", "treat", "control", "counteract", "revers",
    "lack", "free", "absence", NULL};
/* words of contrast: what follows is no longer the list */
static const char *const CONTRAST[] = {"but", "whereas", "while", "although", "however",
                                       "despite", "yet", NULL};

/* The next word of s[*i..b) (letters, digits, hyphens), *i moved past it; its start in
 * *w and its length returned (0 at the end). Other bytes are skipped, but a ';' ends. */
static size_t next_word(const char *s, size_t *i, size_t b, size_t *w)
{
    while (*i < b && !isalnum((unsigned char)s[*i])) {
        if (s[*i] == ';')
            return 0;
        (*i)++;
    }
    *w = *i;
    while (*i < b && (isalnum((unsigned char)s[*i]) || s[*i] == '-'))
        (*i)++;
    return *i - *w;
}

static bool relief_word(const char *w, size_t n)
{
    for (size_t k = 0; RELIEF[k]; k++) {
        size_t m = strlen(RELIEF[k]);
        bool prefix = m >= 4 && strcmp(RELIEF[k], "less") && strcmp(RELIEF[k], "lack") &&
                      strcmp(RELIEF[k], "free");
        if (prefix ? n >= m && !strncasecmp(w, RELIEF[k], m) : n == m && !strncasecmp(w, RELIEF[k], m))
            return true;
    }
    return false;
}

/* True when s[a..b) holds a word of relief (or, contrast true, of contrast) or a ';'. */
static bool relief_in(const char *s, size_t a, size_t b, bool contrast)
{
    size_t i = a, w, n;
    while ((n = next_word(s, &i, b, &w)))
        if (contrast ? word_in_list(s + w, n, CONTRAST) : relief_word(s + w, n))
            return true;
    return i < b; /* stopped at a ';' */
}

/* The start of the (at most) k-th word before byte p of s. */
static size_t words_back(const char *s, size_t p, int k)
{
    while (p > 0 && k > 0) {
        while (p > 0 && !isalnum((unsigned char)s[p - 1]))
            p--;
        while (p > 0 && (isalnum((unsigned char)s[p - 1]) || s[p - 1] == '-'))
            p--;
        k--;
    }
    return p;
}

/* The length of the harm noun at s + i (a word start), or 0. */
static size_t noun_at(const char *s, size_t i, size_t b)
{
    if (i > 0 && isalnum((unsigned char)s[i - 1]))
        return 0;
    for (size_t k = 0; NOUNS[k]; k++) {
        size_t n = strlen(NOUNS[k]);
        if (i + n <= b && !strncasecmp(s + i, NOUNS[k], n) &&
            (i + n == b || !isalnum((unsigned char)s[i + n])))
            return n;
    }
    return 0;
}

/* Where the list opens when s[a..b), the words after a harm noun, opens one within
 * eight words (the byte after its opener), else 0. */
static size_t opens_list(const char *s, size_t a, size_t b)
{
    size_t i = a, w, n;
    for (int words = 0; words < 8 && i < b; words++) {
        size_t at = i;
        while (at < b && s[at] == ' ')
            at++;
        if (at < b && s[at] == ':')
            return at + 1;
        if (!(n = next_word(s, &i, b, &w)))
            return 0;
        for (size_t k = 0; OPENERS[k]; k++) {
            size_t m = strlen(OPENERS[k]);
            if (w + m <= b && !strncasecmp(s + w, OPENERS[k], m) &&
                (w + m == b || !isalnum((unsigned char)s[w + m])))
                return w + m;
        }
    }
    return 0;
}

/* True when s[a..b) is the rest of a list of modifiers the harm noun closes: at most
 * six words (letters only), commas, "and", "or". */
static bool list_rest(const char *s, size_t a, size_t b)
{
    int words = 0;
    for (size_t i = a; i < b; i++)
        if (isdigit((unsigned char)s[i]) || strchr(";:()[].", s[i]))
            return false;
    size_t i = a, w, n;
    while ((n = next_word(s, &i, b, &w)))
        if (++words > 6)
            return false;
    return true;
}

/* The byte offset in the UTF-8 text s of its code point cp (or its end). */
size_t harm_byte_at(const char *s, size_t cp)
{
    size_t i = 0;
    while (s[i] && cp--)
        for (i++; ((unsigned char)s[i] & 0xC0) == 0x80; i++)
            ;
    return i;
}

/* Whether the therapy at byte ts, between the list's opener and the outcome at os,
 * starts a claim of its own ("Adverse events included headache and dizziness, and
 * topiramate reduced migraine frequency"), unlike one inside a parenthesis of the list
 * ("anastomotic leaks (30 events in chemotherapy alone group vs 69 ...), and infections"). */
static bool own_clause(const char *s, size_t open, size_t ts, size_t os)
{
    if (ts < open || ts >= os)
        return false;
    int depth = 0;
    for (size_t i = open; i < ts; i++)
        depth += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
    return depth <= 0;
}

bool harm_listed(const thx_triple *t)
{
    const char *s = t->sentence.text;
    const thx_slot *o = t->condition.text ? &t->condition : &t->effect;
    size_t base = t->sentence.start;
    if (!s || !o->text || t->coref || o->start < base || t->therapy.start < base ||
        o->end > t->sentence.end || t->therapy.end > t->sentence.end)
        return false;
    size_t len = strlen(s), os = harm_byte_at(s, o->start - base),
           oe = harm_byte_at(s, o->end - base), ts = harm_byte_at(s, t->therapy.start - base);
    bool studied = t->predicate && !strcmp(t->predicate, "biolink:studied_to_treat");
    for (size_t i = 0; i < len; i++) {
        size_t n = noun_at(s, i, len);
        if (!n)
            continue;
        /* "Side effects attributable to mazindol included decreased appetite" */
        size_t open = i + n <= os ? opens_list(s, i + n, os) : 0;
        if (open && !own_clause(s, open, ts, os) &&
            !relief_in(s, words_back(s, i, 4), open, false) &&
            !relief_in(s, open, os, true))
            return true;
        /* "haematological, renal, hepatic and gastrointestinal toxicities in dogs
         * receiving CCNU" (the noun after the condition or its last word) */
        if (studied && ts >= i + n && os <= i && (oe <= i ? list_rest(s, oe, i) : i + n <= oe) &&
            !relief_in(s, words_back(s, os, 3), os, false) && !relief_in(s, i, ts, false))
            return true;
    }
    return false;
}
