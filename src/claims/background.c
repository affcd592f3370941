/* The background therapy of an add-on: see background.h. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "background.h"
#include "resolve.h"
#include "words.h"

/* The therapy mention nearest before byte pos, within one clause of 150 bytes, other
 * than skip; -1 when none. */
static int therapy_before(const char *s, const mention_vec *mv, size_t pos, int skip)
{
    for (int j = (int)mv->len - 1; j >= 0; j--) {
        const mention *me = &mv->items[j];
        if (me->end > pos || j == skip || me->type != SLOT_THERAPY)
            continue;
        if (pos - me->end > 150)
            return -1;
        for (size_t k = me->end; k < pos; k++)
            if (s[k] == '.' || s[k] == ';')
                return -1;
        return j;
    }
    return -1;
}

/* The first therapy mention that starts in s[from..to), other than skip; -1 when none. */
static int therapy_within(const mention_vec *mv, size_t from, size_t to, int skip)
{
    for (size_t j = 0; j < mv->len; j++) {
        const mention *me = &mv->items[j];
        if ((int)j != skip && me->type == SLOT_THERAPY && me->start >= from && me->end <= to)
            return (int)j;
    }
    return -1;
}

/* "X added to", "X as an add-on to", "X as an adjunct to", "X in addition to": the word
 * before "to" says X was added. */
static bool added_word(const char *s, size_t ws, size_t we)
{
    static const char *const words[] = {"added", "add-on", "adjunct", "adjunctive"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (words_is(s, ws, we, words[i]))
            return true;
    size_t ps, pe;
    return words_is(s, ws, we, "addition") && words_prev(s, ws, &ps, &pe) &&
           words_is(s, ps, pe, "in");
}

/* "the addition of X to", "adding X to": "addition of" or "adding" within the 8 words
 * before "to" (at byte to); the byte after it, or 0. */
static size_t addition_of_before(const char *s, size_t to)
{
    size_t pos = to, ws, we;
    for (int k = 0; k < 8 && words_prev(s, pos, &ws, &we); k++) {
        if (words_is(s, ws, we, "adding"))
            return we;
        if (words_is(s, ws, we, "of")) {
            size_t ps, pe;
            if (words_prev(s, ws, &ps, &pe) && words_is(s, ps, pe, "addition"))
                return we;
        }
        pos = ws;
    }
    return 0;
}

int background_addon(const char *s, size_t n, const mention_vec *mv, int tm)
{
    (void)n;
    if (tm < 0 || (size_t)tm >= mv->len || mv->items[tm].type != SLOT_THERAPY)
        return -1;
    /* "to", then at most 4 words before the therapy: "to EOC chemotherapy", "to stable
     * donepezil", "to standard therapy with dacarbazine", "to docetaxel and epirubicin" */
    size_t pos = mv->items[tm].start, ws, we;
    for (int k = 0; k <= 4 && words_prev(s, pos, &ws, &we); k++) {
        if (words_is(s, ws, we, "to")) {
            size_t as, ae;
            if (!words_prev(s, ws, &as, &ae))
                return -1;
            if (added_word(s, as, ae)) {
                int x = therapy_before(s, mv, as, tm);
                return x >= 0 ? x : -2;
            }
            size_t from = addition_of_before(s, ws);
            if (!from)
                return -1;
            int x = therapy_within(mv, from, ws, tm);
            return x >= 0 ? x : -2;
        }
        pos = ws;
    }
    return -1;
}

/* A word of s[from..to) says the partner is the base treatment: "combined with standard
 * oxytocics", "with second-line chemotherapy", "with background metformin" */
static bool base_words(const char *s, size_t from, size_t to)
{
    static const char *const words[] = {
        "standard", "background", "conventional", "usual", "second-line", "first-line",
        "ongoing", "stable", "existing", "current", "routine", "established", "baseline"};
    size_t pos = to, ws, we;
    while (pos > from && words_prev(s, pos, &ws, &we) && ws >= from) {
        for (size_t i = 0; i < sizeof words / sizeof *words; i++)
            if (words_is(s, ws, we, words[i]))
                return true;
        pos = ws;
    }
    return false;
}

/* The same therapy comes back later in the sentence as the control arm: "X combined with
 * Y ... than Y alone", "... versus Y monotherapy" */
static bool alone_later(const char *s, const mention_vec *mv, int tm)
{
    for (size_t j = (size_t)tm + 1; j < mv->len; j++) {
        const mention *me = &mv->items[j];
        if (me->entry != mv->items[tm].entry)
            continue;
        const char *e = s + me->end;
        while (*e == ' ')
            e++;
        if (!strncasecmp(e, "alone", 5) || !strncasecmp(e, "monotherapy", 11))
            return true;
    }
    return false;
}

int background_partner(const char *s, const mention_vec *mv, int tm)
{
    if (tm < 0 || (size_t)tm >= mv->len || mv->items[tm].type != SLOT_THERAPY)
        return -1;
    size_t pos = mv->items[tm].start, ws, we;
    for (int k = 0; k <= 3 && words_prev(s, pos, &ws, &we); k++) {
        if (words_is(s, ws, we, "with")) {
            size_t ps, pe;
            if (!words_prev(s, ws, &ps, &pe))
                return -1;
            bool partner = words_is(s, ps, pe, "combined") || words_is(s, ps, pe, "together") ||
                           words_is(s, ps, pe, "along") ||
                           ((words_is(s, ps, pe, "combination") ||
                             words_is(s, ps, pe, "conjunction")) &&
                            words_before_is(s, ps, "in"));
            if (!partner)
                return -1;
            int x = therapy_before(s, mv, ps, tm);
            if (x < 0 || mv->items[x].entry == mv->items[tm].entry)
                return -1;
            return base_words(s, ws, mv->items[tm].start) || alone_later(s, mv, tm) ? x : -1;
        }
        pos = ws;
    }
    return -1;
}

/* Therapy mention j is the arm that gives it alone or against placebo: "X alone", "X
 * monotherapy", "X with placebo", "X plus placebo", "X + placebo", "placebo plus X",
 * "placebo + X" */
static bool control_arm(const char *s, const mention *j)
{
    const char *e = s + j->end;
    while (*e == ' ')
        e++;
    if (!strncasecmp(e, "alone", 5) || !strncasecmp(e, "monotherapy", 11))
        return !words_char(e[!strncasecmp(e, "alone", 5) ? 5 : 11]);
    static const char *const joins[] = {"with", "plus", "+", "and"};
    for (size_t i = 0; i < sizeof joins / sizeof *joins; i++) {
        size_t k = strlen(joins[i]);
        if (!strncasecmp(e, joins[i], k) && e[k] == ' ') {
            const char *f = e + k;
            while (*f == ' ')
                f++;
            if (!strncasecmp(f, "placebo", 7) && !words_char(f[7]))
                return true;
        }
    }
    size_t ws, we;
    if (!words_prev(s, j->start, &ws, &we))
        return false;
    bool join = words_is(s, ws, we, "plus") || words_is(s, ws, we, "+") ||
                words_is(s, ws, we, "with") || words_is(s, ws, we, "and");
    size_t ps, pe;
    return join && words_prev(s, ws, &ps, &pe) && words_is(s, ps, pe, "placebo");
}

/* Mentions a and b name the same therapy in the same words ("COC" ... "COC"; not
 * "exercise" and "manual therapy", which one lexicon entry may join). */
static bool same_words(const char *s, const mention *a, const mention *b)
{
    return a->end - a->start == b->end - b->start &&
           !strncasecmp(s + a->start, s + b->start, a->end - a->start);
}

/* s[a..b) joins two therapies of one arm: parentheses (doses, abbreviations) aside, only
 * "with", "plus", "+", "and", "in combination with", "combined with", "in association
 * with", "along with", "together with", "-" or "/", and at least one of them; up to four
 * other words (a long form) may stand before a parenthesis that ends at b ("resveratrol
 * (40 mg/d) with monophasic contraceptive pill (COC)"). */
static bool combined_gap(const char *s, size_t a, size_t b)
{
    static const char *const joins[] = {"with", "plus", "+", "and", "combination",
                                        "combined", "association", "along", "together",
                                        "in", "-", "/"};
    size_t end = b;
    bool abbrev = end > a && s[end - 1] == '(';
    if (abbrev)
        end--;
    bool joined = false;
    int others = 0;
    for (size_t p = a; p < end;) {
        if (s[p] == ' ') {
            p++;
            continue;
        }
        if (s[p] == '(') { /* a parenthesis aside: "(40 mg/d)" */
            size_t q = p;
            while (q < end && s[q] != ')')
                q++;
            if (q >= end)
                return false;
            p = q + 1;
            continue;
        }
        size_t q = p;
        if (s[p] == '-' || s[p] == '/' || s[p] == '+')
            q = p + 1;
        else
            while (q < end && words_char(s[q]) && s[q] != '/' && s[q] != '+')
                q++;
        if (q == p)
            return false; /* a comma, a semicolon: another arm or clause */
        bool join = false;
        for (size_t i = 0; i < sizeof joins / sizeof *joins && !join; i++)
            join = words_is(s, p, q, joins[i]);
        if (join && others)
            return false; /* a long form is the last thing before its parenthesis */
        if (join)
            joined = true;
        else if (!abbrev || !joined || ++others > 4)
            return false;
        p = q;
    }
    return joined;
}

/* Mentions a and b name the same therapy: in the same words, or by one lexicon entry in
 * words of the same stem ("Exercises" ... "an Exercise Program"; not "exercise" and
 * "manual therapy", which one entry may join), or one heading a combination. */
static bool same_therapy(const char *s, const mention *a, const mention *b)
{
    if (same_words(s, a, b))
        return true;
    if (a->entry != b->entry)
        return false;
    /* the same first word, a plural aside, and no other: "Exercises" ... "an Exercise
     * Program" (not "insulin glargine" ... "basal insulin") */
    size_t ea = a->start, eb = b->start;
    while (ea < a->end && words_char(s[ea]))
        ea++;
    while (eb < b->end && words_char(s[eb]))
        eb++;
    size_t la = ea - a->start, lb = eb - b->start;
    if (la && tolower((unsigned char)s[a->start + la - 1]) == 's')
        la--;
    if (lb && tolower((unsigned char)s[b->start + lb - 1]) == 's')
        lb--;
    return la >= 4 && la == lb && !strncasecmp(s + a->start, s + b->start, la) &&
           (ea == a->end || eb == b->end);
}

/* The therapy joined to mention j in its arm, or -1: with chain, the next one of a
 * combination it heads or the head of the one it is folded into
 * ("capecitabine/docetaxel"); or one next to it across a combined_gap ("fotemustine and
 * dacarbazine", "X with COC"). */
static int joined_partner(const char *s, const mention_vec *mv, int j, bool chain)
{
    const mention *me = &mv->items[j];
    if (chain && me->with >= 0)
        return me->with;
    for (size_t h = 0; chain && h < mv->len; h++)
        for (int k = mv->items[h].with; k >= 0; k = mv->items[k].with)
            if (k == j)
                return (int)h;
    for (size_t k = 0; k < mv->len; k++) {
        const mention *x = &mv->items[k];
        if ((int)k == j || x->type != SLOT_THERAPY || same_therapy(s, x, me))
            continue;
        if ((x->end <= me->start && combined_gap(s, x->end, me->start)) ||
            (x->start >= me->end && combined_gap(s, me->end, x->start)))
            return (int)k;
    }
    return -1;
}

int background_both_arms(const char *s, const mention_vec *mv, int tm)
{
    if (tm < 0 || (size_t)tm >= mv->len || mv->items[tm].type != SLOT_THERAPY)
        return -1;
    const mention *me = &mv->items[tm];
    /* an arm of its own: alone, against placebo, or the arm a comparison names ("A + B
     * versus A", "r-hFSH/r-hLH compared with r-hFSH monotherapy") */
    bool control = control_arm(s, me), arm = !control && background_comparator(s, mv, tm) == 1;
    bool base = false;
    for (size_t j = 0; j < mv->len && !base; j++) {
        const mention *o = &mv->items[j];
        if ((int)j == tm || o->type != SLOT_THERAPY)
            continue;
        bool words = same_words(s, o, me);
        /* a combination is one of its own, the same only in the same words
         * ("brinzolamide/timolol versus dorzolamide/timolol") */
        if (!words && (me->with >= 0 || !same_therapy(s, o, me)))
            continue;
        bool o_control = control_arm(s, o);
        bool o_arm = !o_control && background_comparator(s, mv, (int)j) == 1;
        if ((control || arm) == (o_control || o_arm))
            continue;
        /* named by its entry, or an arm named by a comparison only ("A + B versus A"):
         * the other comes first, joined to another therapy in its arm, and no
         * combination of its own ("VAL/HCTZ 320/25 mg compared with VAL/HCTZ 160/12.5") */
        int plain = control || arm ? (int)j : tm, ctl = control || arm ? tm : (int)j;
        if ((!words || arm || o_arm) &&
            (mv->items[plain].start > mv->items[ctl].start ||
             ((arm || o_arm) && mv->items[plain].with >= 0) ||
             joined_partner(s, mv, plain, true) < 0))
            continue;
        base = true;
    }
    if (!base)
        return -1;
    if (control || arm) {
        /* "versus A and C": A is the base of the arm too, C what is added to it */
        int x = arm && me->with < 0 ? joined_partner(s, mv, tm, true) : -1;
        return x >= 0 ? x : -3;
    }
    /* the therapy added: one joined to it in its arm ("X with COC", "COC plus X"); not
     * the combination it heads ("r-hFSH/r-hLH"), which is the arm studied */
    int x = joined_partner(s, mv, tm, false);
    if (x >= 0)
        return x;
    /* or none named, when a joining word stands next to it ("Polyethylene Glycol and
     * Lactulose versus Lactulose Alone") */
    size_t ws, we;
    if (words_prev(s, me->start, &ws, &we) &&
        (words_is(s, ws, we, "and") || words_is(s, ws, we, "plus") || words_is(s, ws, we, "+") ||
         words_is(s, ws, we, "with")))
        return -2;
    return -1;
}

/* Words that may stand between a comparison word and the arm it names: "versus placebo
 * or other ACE-inhibitors", "compared with patients treated with X", "than the standard" */
static bool arm_filler(const char *s, size_t ws, size_t we)
{
    static const char *const words[] = {
        "placebo", "or", "and", "the", "a", "an", "other", "standard", "conventional",
        "usual", "current", "those", "patients", "receiving", "treated", "given", "with",
        "either", "alone"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (words_is(s, ws, we, words[i]))
            return true;
    return false;
}

int background_comparator(const char *s, const mention_vec *mv, int tm)
{
    if (tm < 0 || (size_t)tm >= mv->len || mv->items[tm].type != SLOT_THERAPY)
        return 0;
    size_t pos = mv->items[tm].start, ws, we;
    int arm = 1; /* "versus placebo or other ACE-inhibitors": a group of other drugs is
                  * the control, never a studied arm */
    for (int k = 0; k <= 4; k++) {
        size_t e = pos;
        while (e > 0 && s[e - 1] == ' ')
            e--;
        if (e >= 3 && s[e - 1] == '.' && !strncasecmp(s + e - 3, "vs", 2) &&
            (e == 3 || !words_char(s[e - 4])))
            return arm; /* "vs." */
        if (!words_prev(s, pos, &ws, &we))
            return 0;
        if (words_is(s, ws, we, "than") || words_is(s, ws, we, "instead"))
            return 2;
        if (words_is(s, ws, we, "versus") || words_is(s, ws, we, "vs"))
            return arm;
        if ((words_is(s, ws, we, "with") || words_is(s, ws, we, "to")) &&
            (words_before_is(s, ws, "compared") || words_before_is(s, ws, "comparison")))
            return arm;
        if (words_is(s, ws, we, "to")) {
            static const char *const strong[] = {
                "superior", "inferior", "non-inferior", "noninferior", "similar",
                "comparable", "equivalent", "alternative", "alternatives", "preferable"};
            for (size_t i = 0; i < sizeof strong / sizeof *strong; i++)
                if (words_before_is(s, ws, strong[i]))
                    return 2;
            return 0;
        }
        if (!arm_filler(s, ws, we))
            return 0;
        if (words_is(s, ws, we, "other"))
            arm = 2;
        pos = ws;
    }
    return 0;
}

/* The claim's trigger at byte trig follows mention me with no preposition between, as a
 * verb follows its subject ("isoflavone alone did not inhibit"; not "PTX alone in the
 * management of"). */
static bool verb_after(const char *s, const mention *me, size_t trig)
{
    if (trig < me->end)
        return false;
    static const char *const preps[] = {"in", "for", "of", "on", "to", "versus", "vs"};
    size_t pos = trig, ws, we;
    while (words_prev(s, pos, &ws, &we) && ws >= me->end) {
        for (size_t i = 0; i < sizeof preps / sizeof *preps; i++)
            if (words_is(s, ws, we, preps[i]))
                return false;
        pos = ws;
    }
    return true;
}

/* Byte pos is in the scope of a live objective cue ("To compare ..."). */
static bool in_objective(const thx_ruleset *rs, const tag_result *tags, const char *s, size_t n,
                         size_t pos)
{
    for (size_t i = 0; i < tags->cues.len; i++) {
        size_t from, to;
        if (rs->cues[tags->cues.items[i].cue].kind == CUE_OBJECTIVE &&
            claims_cue_scope(rs, tags, s, n, i, &from, &to) && pos >= from && pos < to)
            return true;
    }
    return false;
}

void background_retarget(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n)
{
    const mention_vec *mv = &m->tags.mentions;
    candidate_vec *cs = &m->cands;
    size_t kept = 0;
    for (size_t i = 0; i < cs->len; i++) {
        candidate c = cs->items[i];
        int x = background_addon(s, n, mv, c.mention[SLOT_THERAPY]);
        if (x == -2)
            continue;
        if (x == -1)
            x = background_partner(s, mv, c.mention[SLOT_THERAPY]);
        bool studied = c.r->predicate && !strcmp(c.r->predicate, "biolink:studied_to_treat");
        if (x == -1)
            x = background_both_arms(s, mv, c.mention[SLOT_THERAPY]);
        if (x == -2 || (x == -3 && (studied || !verb_after(s, &mv->items[c.mention[SLOT_THERAPY]],
                                                           c.trig_start) ||
                                    in_objective(rs, &m->tags, s, n,
                                                 mv->items[c.mention[SLOT_THERAPY]].start))))
            continue;
        if (x == -3)
            x = -1;
        int arm = background_comparator(s, mv, c.mention[SLOT_THERAPY]);
        if (arm == 2 || (arm == 1 && !studied))
            continue;
        if (x >= 0) {
            c.mention[SLOT_THERAPY] = x;
            c.span_start[SLOT_THERAPY] = mv->items[x].start;
            c.span_end[SLOT_THERAPY] = mv->items[x].end;
        }
        cs->items[kept++] = c;
    }
    cs->len = kept;
}
