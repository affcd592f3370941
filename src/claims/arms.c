/* Arm figures: which way the studied arm's percentage lies (see arms.h). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arms.h"

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* Reads a number that ends at byte e (exclusive) of s, at or after byte lo: digits with
 * one decimal point ('.' or the middle dot "·"); its value, or -1 when there is none. */
static double number_before(const char *s, size_t lo, size_t e)
{
    size_t b = e;
    bool point = false;
    while (b > lo) {
        if (is_digit(s[b - 1])) {
            b--;
        } else if (!point && s[b - 1] == '.' && b - 1 > lo && is_digit(s[b - 2])) {
            point = true;
            b--;
        } else if (!point && b >= lo + 3 && (unsigned char)s[b - 2] == 0xC2 &&
                   (unsigned char)s[b - 1] == 0xB7 && is_digit(s[b - 3])) {
            point = true; /* "·": U+00B7 */
            b -= 2;
        } else {
            break;
        }
    }
    if (b == e || (b > lo && (is_letter(s[b - 1]) || s[b - 1] == '-')))
        return -1; /* no number, or the tail of a word ("IL-6", "CD34") */
    char buf[32];
    size_t k = 0;
    for (size_t i = b; i < e && k + 1 < sizeof buf; i++) {
        if ((unsigned char)s[i] == 0xC2) {
            buf[k++] = '.';
            i++;
        } else {
            buf[k++] = s[i];
        }
    }
    buf[k] = '\0';
    return strtod(buf, NULL);
}

/* The percentages of s[a..b): the value before each '%', the last one (last true) or the
 * first one, and where its '%' stands (*at); -1 when there is none. */
static double percentage(const char *s, size_t a, size_t b, bool last, size_t *at)
{
    double v = -1;
    for (size_t p = a; p < b; p++) {
        if (s[p] != '%')
            continue;
        size_t e = p;
        while (e > a && s[e - 1] == ' ')
            e--;
        double x = number_before(s, a, e);
        if (x < 0)
            continue;
        v = x;
        *at = p;
        if (!last)
            return v;
    }
    return v;
}

int arms_not_significant(const char *s, size_t n)
{
    int found = -1;
    for (size_t p = 0; p < n; p++) {
        if ((s[p] != 'p' && s[p] != 'P') || (p > 0 && (is_letter(s[p - 1]) || is_digit(s[p - 1]))))
            continue;
        size_t q = p + 1;
        if (q < n && is_letter(s[q]))
            continue;
        while (q < n && s[q] == ' ')
            q++;
        /* the relation: = < > <= >= ≤ ≥ (UTF-8 E2 89 A4 / A5) */
        int rel = 0; /* 1 below, 2 equal, 3 above */
        if (q < n && s[q] == '=') {
            rel = 2;
            q++;
        } else if (q < n && s[q] == '<') {
            rel = 1;
            q += (q + 1 < n && s[q + 1] == '=') ? 2 : 1;
        } else if (q < n && s[q] == '>') {
            rel = 3;
            q += (q + 1 < n && s[q + 1] == '=') ? 2 : 1;
        } else if (q + 2 < n && (unsigned char)s[q] == 0xE2 && (unsigned char)s[q + 1] == 0x89 &&
                   ((unsigned char)s[q + 2] == 0xA4 || (unsigned char)s[q + 2] == 0xA5)) {
            rel = (unsigned char)s[q + 2] == 0xA4 ? 1 : 3;
            q += 3;
        } else {
            continue;
        }
        while (q < n && s[q] == ' ')
            q++;
        size_t e = q;
        if (e < n && s[e] == '0')
            e++;
        if (e < n && s[e] == '.')
            e++;
        while (e < n && is_digit(s[e]))
            e++;
        if (e == q || (e == q + 1 && s[q] == '.'))
            continue;
        char buf[32];
        size_t k = e - q < sizeof buf - 1 ? e - q : sizeof buf - 1;
        memcpy(buf, s + q, k);
        buf[k] = '\0';
        double v = strtod(buf, NULL);
        if ((rel == 1 && v <= 0.05) || (rel == 2 && v < 0.05))
            return 0;
        found = 1;
    }
    return found;
}

/* Stems of a harm: an outcome that rises with the therapy and holds one is a harm of the
 * therapy ("The incidence of thrombotic events was 7% in the epoetin alfa arm vs 3% in
 * the control arm"), no claim. */
static const char *const HARM_STEMS[] = {
    "event", "complication", "adverse", "mortality", "death", "toxicit", "infection",
    "relapse", "recurrence", "bleeding", "haemorrhage", "hemorrhage", "failure", "thrombo",
    "nausea", "vomiting", "pain", "side effect", "injur", "damage", "reoperation",
    "readmission", "dropout", "withdrawal", "discontinuation", NULL};

static bool names_harm(const char *s, size_t a, size_t b)
{
    for (size_t p = a; p < b; p++) {
        if (p > a && is_letter(s[p - 1]))
            continue; /* only where a word starts */
        for (size_t k = 0; HARM_STEMS[k]; k++) {
            size_t l = strlen(HARM_STEMS[k]);
            if (p + l <= b && !strncasecmp(s + p, HARM_STEMS[k], l))
                return true;
        }
    }
    return false;
}

/* Whether the therapy mention t names an arm: one of the two words after it is "group",
 * "groups", "arm", "arms", "cohort" or "recipients" ("the vitamin C group", "the JQJT
 * tablets group"), or it is such an arm itself ("the intervention group"), an anaphor
 * that stands only for the one therapy the title studies (extract.c, coref.h): the last
 * therapy named before it is too often another word of the abstract (pubmed-10k: "LH", a
 * hormone the trial measured, for "the treatment group"). */
static bool arm_named(const char *s, size_t n, const mention *t)
{
    static const char *const ARM[] = {"groups", "group", "arms", "arm", "cohort", "recipients",
                                      NULL};
    for (size_t k = 0; ARM[k]; k++) {
        size_t l = strlen(ARM[k]);
        if (t->end - t->start > l && !strncasecmp(s + t->end - l, ARM[k], l) &&
            !is_letter(s[t->end - l - 1]))
            return true; /* an anaphor arm: the title's therapy (coref_note_title_arm) */
    }
    size_t e = t->end;
    size_t p = e;
    for (int w = 0; w < 2 && p < n; w++) {
        while (p < n && (s[p] == ' ' || s[p] == '-'))
            p++;
        size_t q = p;
        while (q < n && is_letter(s[q]))
            q++;
        for (size_t k = 0; ARM[k]; k++)
            if (q - p == strlen(ARM[k]) && !strncasecmp(s + p, ARM[k], q - p))
                return true;
        if (q == p)
            return false;
        p = q;
    }
    return false;
}

bool arms_rule(const rule *r)
{
    return !strncmp(r->id, "arms.", 5);
}

void arms_direction(match_ctx *m, const char *s, size_t n)
{
    candidate_vec *cs = &m->cands;
    size_t w = 0;
    int ns = -2; /* the sentence's p values, read once */
    for (size_t i = 0; i < cs->len; i++) {
        candidate *c = &cs->items[i];
        int tm = c->mention[SLOT_THERAPY];
        bool keep = true;
        if (tm >= 0 && arms_rule(c->r)) {
            const mention *t = &m->tags.mentions.items[tm];
            /* the studied arm's figure comes right before its arm; the other arm's
             * after it, or (the control named first) at the start of the match */
            size_t at_mine = 0, at_theirs = 0;
            double mine = percentage(s, c->start, t->start, true, &at_mine);
            double theirs = percentage(s, t->end, c->end, false, &at_theirs);
            if (theirs < 0) {
                theirs = percentage(s, c->start, t->start, false, &at_theirs);
                if (at_theirs == at_mine)
                    theirs = -1;
            }
            if (mine < 0 || theirs < 0 || mine == theirs || !arm_named(s, n, t))
                keep = false;
            else if (mine > theirs && c->mention[SLOT_CONDITION] != -1)
                keep = false; /* the condition rose with the therapy: a harm */
            else if (mine > theirs && c->mention[SLOT_EFFECT] != -1 &&
                     names_harm(s, c->span_start[SLOT_EFFECT], c->span_end[SLOT_EFFECT]))
                keep = false; /* a harm rose with the therapy */
            else if (mine > theirs)
                c->label = "increases {effect}";
            if (keep) {
                if (ns == -2)
                    ns = arms_not_significant(s, n);
                /* "was similar in both groups (10.5% ... and 10.6% ...)": no difference */
                size_t tl = c->trig_end - c->trig_start;
                bool same = (tl >= 7 && !strncasecmp(s + c->trig_start, "similar", 7)) ||
                            (tl >= 10 && !strncasecmp(s + c->trig_start, "comparable", 10));
                c->negate = ns == 1 || same;
            }
        }
        if (keep)
            cs->items[w++] = *c;
    }
    cs->len = w;
}
