/* A therapy's indication in a report of its harm: see harmuse.h. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "harm.h"
#include "harmuse.h"
#include "util/util.h"
#include "words.h"

/* Does s[i..) start with phrase p (any case) ending at a word end? */
static bool phrase_at(const char *s, size_t n, size_t i, const char *p)
{
    size_t k = strlen(p);
    return i + k <= n && !strncasecmp(s + i, p, k) &&
           (i + k == n || !isalnum((unsigned char)s[i + k]));
}

static bool word_of(const char *s, size_t a, size_t b, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == b - a && !strncasecmp(s + a, list[i], b - a))
            return true;
    return false;
}

/* A word that names a harm right after a therapy ("spironolactone-induced", "ifosfamide
 * related encephalopathy", "cisapride-diltiazem interaction", "5-fluorouracil with the
 * complication of dehydration"). */
static const char *const HARM_AFTER[] = {
    "induced", "related", "associated", "toxicity", "toxicities", "interaction",
    "interactions", "complication", "complications", "poisoning", "intoxication",
    "overdose", "adverse", NULL};
/* words that may stand between the therapy and that word */
static const char *const LINK[] = {"therapy", "treatment", "use", "infusion",
                                   "administration", "with", "the", "of", "and", "a", NULL};

static bool harm_after(const char *s, size_t n, size_t p)
{
    bool hyphen = p < n && s[p] == '-';
    for (int words = 0; words < 5; words++) {
        while (p < n && (s[p] == ' ' || s[p] == '-'))
            p++;
        size_t a = p;
        while (p < n && (isalnum((unsigned char)s[p]) || s[p] == '\''))
            p++;
        if (p == a)
            return false;
        if (word_of(s, a, p, HARM_AFTER))
            return true;
        /* a second drug of an interaction: "cisapride-diltiazem interaction" */
        if (!word_of(s, a, p, LINK) && !(words == 0 && hyphen))
            return false;
    }
    return false;
}

/* A phrase that names a harm right before a therapy ("thromboembolic complications
 * associated with ATRA therapy"). */
static bool harm_before(const char *s, size_t p)
{
    static const char *const BEFORE[] = {"associated with", "caused by", "due to",
                                         "related to", "induced by", "complications of",
                                         "complication of", "toxicity of", "overdose of",
                                         "intoxication with", "poisoning with", NULL};
    return words_phrase_before(s, p, BEFORE) != (size_t)-1;
}

/* Does text name a harm of the therapy named name (see harmuse.h)? */
static bool harm_of(const char *text, const char *name)
{
    size_t n = strlen(text), k = name ? strlen(name) : 0;
    for (size_t i = 0; k && i + k <= n; i++)
        if ((i == 0 || !isalnum((unsigned char)text[i - 1])) && phrase_at(text, n, i, name) &&
            (harm_after(text, n, i + k) || harm_before(text, i)))
            return true;
    return false;
}

/* Does the sentence name what a study tests (a trial, efficacy): then studied for. */
static bool names_trial(const char *text)
{
    static const char *const TRIAL[] = {"trial", "trials", "randomized", "randomised",
                                        "randomly", "placebo", "efficacy", "effectiveness",
                                        "investigation", "investigations", NULL};
    return words_has_any(text, strlen(text), TRIAL);
}

static bool names_harm_of(const char *text, const thx_slot *therapy)
{
    return harm_of(text, therapy->text) || harm_of(text, therapy->norm);
}

static bool same_sentence(const thx_triple *a, const thx_triple *b)
{
    return a->sentence.section == b->sentence.section &&
           a->sentence.sentence_index == b->sentence.sentence_index;
}

/* Does the document report a harm of t's therapy (see harmuse.h)? */
static bool harm_reported(const thx_triples *out, size_t first, const thx_doc *doc,
                          const thx_triple *t)
{
    /* a title is the study's topic unless it names the harm itself ("Intravenous
     * ribavirin treatment for severe adenovirus disease in immunocompromised children") */
    if (t->sentence.section == THX_SEC_TITLE)
        return names_harm_of(t->sentence.text, &t->therapy);
    bool reported = false;
    for (size_t i = first; i < out->len; i++) {
        const thx_triple *h = &out->items[i];
        if (!harm_stated(h) || !harm_same_thing(&h->therapy, &t->therapy))
            continue;
        if (same_sentence(h, t))
            return false; /* the harm guard's (given_for_harm) */
        reported = true;
    }
    if (reported)
        return true;
    return (doc->title && names_harm_of(doc->title, &t->therapy)) ||
           names_harm_of(t->sentence.text, &t->therapy);
}

/* Is the claim read off words that say what the therapy was given for ("taking X for
 * Y", "X therapy in Y patients", "Y patients treated with X", "who received X")? An
 * objective's verb ("to assess the effect of X on ... stroke") or "of" ("doses of NMDA
 * and pilocarpine ... resulting in status epilepticus") names what is tested or caused. */
static bool given_for(const thx_triple *t)
{
    static const char *const GIVEN[] = {"for", "in", "treated", "received", "receiving",
                                        "taking", "on", "given", NULL};
    if (!t->effect.text)
        return false;
    size_t a = 0;
    while (t->effect.text[a] && isalpha((unsigned char)t->effect.text[a]))
        a++;
    if (!word_of(t->effect.text, 0, a, GIVEN))
        return false;
    if (strcasecmp(t->effect.text, "in") || !t->therapy.text || !t->sentence.text)
        return true;
    /* "in" says what the therapy was given for only after the therapy as a treatment
     * ("complications associated with ATRA therapy in APL patients"; not "dobutamine can
     * provoke coronary spasm in some patients with coronary spastic angina") */
    static const char *const AS[] = {"therapy", "treatment", "use", "infusion", NULL};
    const char *s = t->sentence.text;
    size_t n = strlen(s), k = strlen(t->therapy.text);
    for (size_t i = 0; i + k <= n; i++) {
        if (strncmp(s + i, t->therapy.text, k))
            continue;
        size_t p = i + k;
        while (p < n && (s[p] == ' ' || s[p] == '-'))
            p++;
        size_t b = p;
        while (p < n && isalpha((unsigned char)s[p]))
            p++;
        if (word_of(s, b, p, AS))
            return true;
    }
    return false;
}

/* Is the condition named as the harm: at most three words after a harm word
 * ("Spironolactone-induced renal insufficiency and hyperkalemia")? */
static bool condition_harmed(const char *text, const char *condition)
{
    size_t n = strlen(text), k = strlen(condition);
    for (size_t i = 0; HARM_AFTER[i]; i++)
        for (size_t p = 0, h = strlen(HARM_AFTER[i]); p + h <= n; p++) {
            if (strncasecmp(text + p, HARM_AFTER[i], h))
                continue;
            size_t q = p + h;
            for (int words = 0; words <= 3 && q < n; words++) {
                while (q < n && (text[q] == ' ' || text[q] == '-'))
                    q++;
                if (q + k <= n && !strncasecmp(text + q, condition, k))
                    return true;
                while (q < n && text[q] != ' ' && text[q] != '-')
                    q++;
            }
        }
    return false;
}

int harm_use_apply(thx_triples *out, size_t first, const thx_doc *doc)
{
    for (size_t i = first; i < out->len; i++) {
        thx_triple *t = &out->items[i];
        if (!t->predicate || strcmp(t->predicate, "biolink:studied_to_treat") ||
            !t->condition.text || t->negated || t->hedged || !t->sentence.text ||
            !given_for(t) || names_trial(t->sentence.text) ||
            condition_harmed(t->sentence.text, t->condition.text) ||
            (doc->title && condition_harmed(doc->title, t->condition.text)) ||
            !harm_reported(out, first, doc, t))
            continue;
        char *label = xstrdup("treats"), *pred = xstrdup("biolink:treats");
        if (!label || !pred) {
            free(label);
            free(pred);
            return THX_ENOMEM;
        }
        free(t->effect.norm);
        free(t->predicate);
        t->effect.norm = label;
        t->predicate = pred;
    }
    return 0;
}
