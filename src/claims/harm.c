/* The harm guard: see harm.h. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "harm.h"
#include "harmlist.h"
#include "triple.h"

bool harm_predicate(const char *predicate)
{
    return predicate && (!strcmp(predicate, "biolink:causes") ||
                         !strcmp(predicate, "biolink:contributes_to"));
}

/* Two slots name the same thing: the same id where both have one, else the same
 * canonical name (ignoring case). */
bool harm_same_thing(const thx_slot *a, const thx_slot *b)
{
    if (a->id && b->id)
        return !strcmp(a->id, b->id);
    return a->norm && b->norm && !strcasecmp(a->norm, b->norm);
}

/* The condition of a claim is kin to a harm's when one canonical name is the other with
 * words before it: the harm "nausea and vomiting" (cisplatin-induced) and the claim
 * "vomiting", "artery calcification" and "calcification", "anemia" and "hemolytic
 * anemia". */
static bool ends_in_words(const char *longer, const char *shorter)
{
    size_t n = strlen(longer), k = strlen(shorter);
    return k > 0 && k < n && longer[n - k - 1] == ' ' && !strcasecmp(longer + n - k, shorter);
}

static bool kin_condition(const thx_slot *harm, const thx_slot *claim)
{
    if (harm_same_thing(harm, claim))
        return true;
    return harm->norm && claim->norm &&
           (ends_in_words(harm->norm, claim->norm) || ends_in_words(claim->norm, harm->norm));
}

bool harm_stated(const thx_triple *t)
{
    return harm_predicate(t->predicate) && !t->negated && t->condition.text;
}

/* True when a harm triple of out->items[first..end) names t's pair. */
static bool harmed(const thx_triples *out, size_t first, size_t end, const thx_triple *t)
{
    if (!t->condition.text)
        return false;
    for (size_t i = first; i < end; i++) {
        const thx_triple *h = &out->items[i];
        if (harm_stated(h) && harm_same_thing(&h->therapy, &t->therapy) &&
            kin_condition(&h->condition, &t->condition))
            return true;
    }
    return false;
}

/* The polarity of outcomes is the rule pack's (`cues outcome-bad` and `cues
 * outcome-good`, rules/outcomes-polarity.rules, each with its reasons): an effect label
 * "<verb> <object>" whose object ends in one of those phrases states a harm when the verb
 * moves it the bad way. Blood pressure is good to raise in hypotension or shock, so a
 * rise in it counts only on an effect-only claim. */
static const char *const LOWERING[] = {"reduces", "inhibits", "impairs", "attenuates",
                                       "suppresses", "shortens", NULL};
static const char *const RAISING[] = {"increases", "promotes", "induces", "prolongs", NULL};
/* a word of the object that turns it round: "reduces impaired shoulder function",
 * "increases blood pressure reduction" */
static const char *const TURNING[] = {
    "impaired", "impairment", "loss", "decline", "reduction", "reductions", "decrease",
    "deficit", "deficits", "dysfunction", "failure", "lowering", "control", "free",
    "variability", NULL};

/* True when text ends in phrase (or phrase with a plural "s") at a word boundary. */
static bool ends_in_phrase(const char *text, size_t n, const char *phrase)
{
    size_t k = strlen(phrase);
    for (int plural = 0; plural < 2; plural++) {
        size_t m = k + (size_t)plural;
        if (m > n || strncasecmp(text + n - m, phrase, k) ||
            (plural && (text[n - 1] != 's' || phrase[k - 1] == 's')))
            continue;
        if (m == n || !isalnum((unsigned char)text[n - m - 1]))
            return true;
    }
    return false;
}

/* A phrase with a capital after a lowercase letter ("eGFR") names its thing only as
 * written: "EGFR" is the receptor. */
static bool mixed_case(const char *p)
{
    for (; p[0] && p[1]; p++)
        if (islower((unsigned char)p[0]) && isupper((unsigned char)p[1]))
            return true;
    return false;
}

/* True when object (lowercase), or for a mixed-case phrase the effect as written,
 * ends in a phrase of the rule pack's polarity vocabulary of that kind. */
static bool ends_in_kind(const thx_ruleset *rs, cue_kind kind, const char *object,
                         const char *written)
{
    size_t n = strlen(object), wn = written ? strlen(written) : 0;
    for (size_t i = 0; i < rs->ncues; i++) {
        const char *ph = rs->cues[i].text;
        if (rs->cues[i].kind != kind)
            continue;
        if (!mixed_case(ph) ? ends_in_phrase(object, n, ph)
                            : wn >= strlen(ph) && !strcmp(written + wn - strlen(ph), ph) &&
                                  (wn == strlen(ph) ||
                                   !isalnum((unsigned char)written[wn - strlen(ph) - 1])))
            return true;
    }
    return false;
}

static bool any_word(const char *const *list, const char *text)
{
    const char *p = text;
    while (*p) {
        while (*p && !isalnum((unsigned char)*p))
            p++;
        const char *w = p;
        while (*p && (isalnum((unsigned char)*p) || *p == '-'))
            p++;
        if (p > w && word_in_list(w, (size_t)(p - w), list))
            return true;
    }
    return false;
}

bool harm_outcome(const thx_ruleset *rs, const char *effect, const char *written,
                  bool has_condition)
{
    const char *sp = effect ? strchr(effect, ' ') : NULL;
    if (!sp || !sp[1])
        return false;
    size_t vn = (size_t)(sp - effect);
    const char *object = sp + 1;
    bool down = word_in_list(effect, vn, LOWERING), up = word_in_list(effect, vn, RAISING);
    if ((!down && !up) || any_word(TURNING, object))
        return false;
    if (down)
        return ends_in_kind(rs, CUE_OUTCOME_GOOD, object, written);
    size_t n = strlen(object);
    return ends_in_kind(rs, CUE_OUTCOME_BAD, object, written) ||
           (!has_condition &&
            (ends_in_phrase(object, n, "blood pressure") || ends_in_phrase(object, n, "bp")));
}

/* True when t is an effect-only outcome ("<raising or lowering verb> <object>", predicate
 * biolink:has_effect) of a therapy whose harm the document states, in its title or in
 * its abstract: in a study of "dexamethasone-induced hypertension", "Dexamethasone
 * significantly increased SBP and plasma H2O2 level" is the harm's course, no therapy
 * effect; so is "Acute morphine ... significantly attenuated hippocampal LTP" where the
 * abstract names "morphine-induced amnesia", and "azimilide increased APD" in a study of
 * drug-induced QT prolongation (reads 3 to 10 of pubmed-10k, "harm extracted"). */
static bool course_of_stated_harm(const thx_triples *out, size_t first, size_t end,
                                  const thx_triple *t)
{
    const char *e = t->effect.norm, *sp = e ? strchr(e, ' ') : NULL;
    if (t->condition.text || !sp || !t->predicate || strcmp(t->predicate, "biolink:has_effect"))
        return false;
    size_t vn = (size_t)(sp - e);
    if (!word_in_list(e, vn, LOWERING) && !word_in_list(e, vn, RAISING))
        return false;
    for (size_t i = first; i < end; i++) {
        const thx_triple *h = &out->items[i];
        if (harm_stated(h) && harm_same_thing(&h->therapy, &t->therapy))
            return true;
    }
    return false;
}

/* True when t claims that its therapy lowers a condition listed after a good the same
 * therapy loses under the same word: in "prenatal dexamethasone in rats results in a
 * reduction in glomerular number, glomerulosclerosis, and hypertension" the reduction is
 * the damage (an effect-only outcome that harm_outcome calls harmful, its object right
 * after t's effect word and before t's condition), and the conditions after it are more
 * of the damage. */
static bool listed_after_lost_good(const thx_ruleset *rs, const thx_triples *out,
                                   size_t first, size_t end, const thx_triple *t)
{
    const char *e = t->effect.norm;
    if (!t->condition.text || !e || !t->effect.text || strchr(e, ' ') ||
        !word_in_list(e, strlen(e), LOWERING))
        return false;
    for (size_t i = first; i < end; i++) {
        const thx_triple *h = &out->items[i];
        const char *he = h->effect.norm, *sp = he ? strchr(he, ' ') : NULL;
        if (h == t || h->condition.text || !sp || !h->effect.text ||
            h->sentence.section != t->sentence.section ||
            h->sentence.start != t->sentence.start || !harm_same_thing(&h->therapy, &t->therapy) ||
            !word_in_list(he, (size_t)(sp - he), LOWERING) || !harm_outcome(rs, he, h->effect.text, false))
            continue;
        if (h->effect.start >= t->effect.end && h->effect.start <= t->effect.end + 8 &&
            h->effect.end <= t->condition.start)
            return true;
    }
    return false;
}

/* True when t is an effect-only claim whose outcome names its own therapy: "L-lysine
 * treatment caused a significant increase in blood concentration of L-lysine", "The
 * plasma morphine concentration was also reduced in the morphine group" (pubmed-10k): a
 * drug's own level is pharmacokinetics, and a therapy named inside its outcome ("reducing
 * the duration of antibiotic treatment") is the setting, not the agent. No claim. */
static bool own_level(const thx_triple *t)
{
    const char *e = t->effect.norm, *sp = e ? strchr(e, ' ') : NULL, *x = t->therapy.text;
    size_t k = x ? strlen(x) : 0;
    if (t->condition.text || !sp || k < 3)
        return false;
    for (const char *p = sp + 1; *p; p++)
        if (!strncasecmp(p, x, k) && !isalnum((unsigned char)p[-1]) &&
            !isalnum((unsigned char)p[k]))
            return true;
    return false;
}

/* True when t only names what its therapy was given for, in a sentence that states the
 * therapy's harm: "Hepatotoxicity associated with sulfasalazine in inflammatory
 * arthritis", "Myasthenia gravis caused by penicillamine and chloroquine therapy for
 * rheumatoid arthritis" (case reports of a side effect: the disease treated is the
 * background, no finding). Only a `studied for` claim, or a `treats` read off the word
 * "treatment" or "therapy" alone, is such a reading. */
static bool given_for_harm(const thx_triples *out, size_t first, size_t end,
                           const thx_triple *t)
{
    static const char *const WEAK[] = {"treatment", "therapy", NULL};
    bool studied = t->predicate && !strcmp(t->predicate, "biolink:studied_to_treat");
    bool weak = t->effect.text && t->effect.norm && !strcmp(t->effect.norm, "treats") &&
                word_in_list(t->effect.text, strlen(t->effect.text), WEAK);
    if (!t->condition.text || (!studied && !weak))
        return false;
    for (size_t i = first; i < end; i++) {
        const thx_triple *h = &out->items[i];
        if (harm_stated(h) && h->sentence.section == t->sentence.section &&
            h->sentence.start == t->sentence.start && harm_same_thing(&h->therapy, &t->therapy) &&
            !kin_condition(&h->condition, &t->condition))
            return true;
    }
    return false;
}

/* True when s[a..b) holds at most three words and no word of relief or change for the
 * better ("resulted in reduced albuminuria", "Administration of ribavirin resulted in a
 * neutralization of viremia" are benefits). */
static bool short_plain_gap(const char *s, size_t a, size_t b)
{
    static const char *const RELIEF[] = {
        "reduced", "reduction", "lower", "lowered", "decreased", "less", "fewer", "improved",
        "improvement", "remission", "resolution", "relief", "regression", "recovery",
        "prevention", "better", "no", "not", "complete", "partial", "neutralization",
        "clearance", "disappearance", "normalization", "suppression", "elimination",
        "inhibition", "eradication", "decline", "drop", "fall", "control", "cure", NULL};
    int words = 0;
    for (size_t i = a; i < b;) {
        while (i < b && (s[i] == ' ' || s[i] == '-'))
            i++;
        size_t w = i;
        while (i < b && s[i] != ' ')
            i++;
        if (i > w && (++words > 3 || word_in_list(s + w, i - w, RELIEF) || s[w] == ';'))
            return false;
    }
    return true;
}

/* Whether the text s[a..b) between a therapy and its condition names the condition as
 * the therapy's result: "doxorubicin/kg, which resulted in albuminuria" (the verb at most
 * three words after the therapy), "X-related Y" (right after it; "X on lidocaine-induced
 * convulsions" names another agent's harm, which X is studied for). */
static bool result_between(const char *s, size_t a, size_t b)
{
    /* a verb of result within a few words of the therapy; a compound right after it */
    static const char *const RESULT[] = {
        " resulted in ", " results in ", " result in ", " resulting in ", " led to ",
        " leads to ", " leading to ", " caused ", " causes ", " causing ", NULL};
    static const char *const COMPOUND[] = {"-related ", "-associated ", "-induced ", NULL};
    for (size_t k = 0; COMPOUND[k]; k++) {
        size_t n = strlen(COMPOUND[k]);
        if (a + n <= b + 1 && !strncasecmp(s + a, COMPOUND[k], n - 1) &&
            (s[a + n - 1] == ' ' || a + n - 1 == b) && short_plain_gap(s, a + n - 1, b))
            return true;
    }
    for (size_t i = a; i < b; i++) {
        if (s[i] == ';')
            return false;
        for (size_t k = 0; RESULT[k]; k++) {
            size_t n = strlen(RESULT[k]);
            if (i + n <= b + 1 && !strncasecmp(s + i, RESULT[k], n - 1) &&
                (s[i + n - 1] == ' ' || i + n - 1 == b) && short_plain_gap(s, a, i) &&
                short_plain_gap(s, i + n - 1, b))
                return true;
        }
    }
    return false;
}

/* Whether the text s[a..b) between a condition and its therapy names the therapy as its
 * cause: "albuminuria associated with doxorubicin", "Y induced by (the) X". */
static bool cause_between(const char *s, size_t a, size_t b)
{
    static const char *const CAUSE[] = {"associated with", "induced by", "caused by",
                                        "due to", "secondary to", "attributed to", NULL};
    while (a < b && s[a] == ' ')
        a++;
    for (size_t k = 0; CAUSE[k]; k++) {
        size_t n = strlen(CAUSE[k]);
        if (a + n <= b && !strncasecmp(s + a, CAUSE[k], n) && short_plain_gap(s, a + n, b))
            return true;
    }
    return false;
}

/* True when t is a `studied for` claim whose condition its own sentence states as the
 * therapy's result: "Light microscopic evidence of renal damage was seen above a dose of
 * 0.5 mg doxorubicin/kg, which resulted in albuminuria" is no study of doxorubicin for
 * albuminuria (read 11 of pubmed-10k, "harm as target"). The words between name the
 * result ("resulted in", "led to", "caused", "X-related Y") or the cause ("Y associated
 * with X", "Y induced by X"), with at most three plain words next to the far slot. */
static bool stated_as_result(const thx_triple *t)
{
    const char *s = t->sentence.text;
    if (!t->condition.text || !s || t->coref || !t->predicate ||
        strcmp(t->predicate, "biolink:studied_to_treat") ||
        t->therapy.start < t->sentence.start || t->condition.start < t->sentence.start ||
        t->therapy.end > t->sentence.end || t->condition.end > t->sentence.end)
        return false;
    size_t base = t->sentence.start;
    if (t->therapy.end <= t->condition.start)
        return result_between(s, harm_byte_at(s, t->therapy.end - base),
                              harm_byte_at(s, t->condition.start - base));
    if (t->condition.end <= t->therapy.start)
        return cause_between(s, harm_byte_at(s, t->condition.end - base),
                             harm_byte_at(s, t->therapy.start - base));
    return false;
}

int harm_filter(const thx_ruleset *rs, thx_triples *out, size_t first, join_infos *infos,
                bool keep_harms)
{
    size_t end = out->len;
    bool any = false;
    for (size_t i = first; i < end && !any; i++) {
        const thx_triple *t = &out->items[i];
        any = harm_predicate(t->predicate) ||
              harm_outcome(rs, t->effect.norm, t->effect.text, t->condition.text != NULL) ||
              own_level(t) || stated_as_result(t) || harm_listed(t);
    }
    if (!any)
        return 0;
    /* decide first, then compact: every decision reads the harm triples as found */
    bool *drop = calloc(end - first, sizeof *drop);
    if (!drop)
        return THX_ENOMEM;
    for (size_t i = first; i < end; i++) {
        const thx_triple *t = &out->items[i];
        if (harm_predicate(t->predicate))
            drop[i - first] = !keep_harms;
        else
            drop[i - first] = harm_outcome(rs, t->effect.norm, t->effect.text, t->condition.text != NULL) ||
                              harmed(out, first, end, t) ||
                              course_of_stated_harm(out, first, end, t) ||
                              listed_after_lost_good(rs, out, first, end, t) ||
                              given_for_harm(out, first, end, t) || stated_as_result(t) ||
                              own_level(t) || harm_listed(t);
    }
    joins_drop(out, first, infos, drop);
    free(drop);
    return 0;
}

/* A word of harm anywhere in the sentence (see harm.h; "triazolam ... induced ... mania
 * in a depressed elderly woman"). "toxic" and "induced" count inside a word too
 * ("nephrotoxicity", "cisplatin-induced"); the others only where a word starts, so
 * "because of" is not "cause of". */
bool harm_named(const char *s, size_t n)
{
    static const struct {
        const char *text;
        bool inside; /* may start inside a word */
    } harms[] = {{"adverse", false}, {"toxic", true},      {"harmful", false},
                 {"side effect", false}, {"induced", true}, {"due to", false},
                 {"caused by", false}, {"cause of", false},  {"fatal", false}};
    for (size_t k = 0; k < sizeof harms / sizeof *harms; k++)
        for (size_t i = 0, hl = strlen(harms[k].text); i + hl <= n; i++)
            if ((harms[k].inside || i == 0 || !isalpha((unsigned char)s[i - 1])) &&
                !strncasecmp(s + i, harms[k].text, hl))
                return true;
    return false;
}
