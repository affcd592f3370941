/* The background therapy of an add-on: see background.h. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "background.h"
#include "resolve.h"

static bool word_char(char c)
{
    return isalnum((unsigned char)c) || c == '-' || c == '/' || c == '\'' || c == '+' ||
           (unsigned char)c >= 0x80;
}

/* The word that ends at or before *pos (spaces skipped): its start in *ws, its end in
 * *we; false at punctuation other than a parenthesis or at the sentence's start. */
static bool prev_word(const char *s, size_t pos, size_t *ws, size_t *we)
{
    size_t e = pos;
    while (e > 0 && s[e - 1] == ' ')
        e--;
    if (e == 0)
        return false;
    if (s[e - 1] == ')') { /* a parenthesis counts as one word: "interferon (IFN) to" */
        size_t b = e - 1;
        while (b > 0 && s[b - 1] != '(' && e - b < 80)
            b--;
        if (b == 0 || s[b - 1] != '(')
            return false;
        *ws = b - 1;
        *we = e;
        return true;
    }
    size_t b = e;
    while (b > 0 && word_char(s[b - 1]))
        b--;
    if (b == e)
        return false;
    *ws = b;
    *we = e;
    return true;
}

static bool is_word(const char *s, size_t ws, size_t we, const char *w)
{
    return we - ws == strlen(w) && !strncasecmp(s + ws, w, we - ws);
}

/* The word before s[ws..we) is w (spaces between). */
static bool word_before_is(const char *s, size_t ws, const char *w)
{
    size_t ps, pe;
    return prev_word(s, ws, &ps, &pe) && is_word(s, ps, pe, w);
}

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
        if (is_word(s, ws, we, words[i]))
            return true;
    size_t ps, pe;
    return is_word(s, ws, we, "addition") && prev_word(s, ws, &ps, &pe) &&
           is_word(s, ps, pe, "in");
}

/* "the addition of X to", "adding X to": "addition of" or "adding" within the 8 words
 * before "to" (at byte to); the byte after it, or 0. */
static size_t addition_of_before(const char *s, size_t to)
{
    size_t pos = to, ws, we;
    for (int k = 0; k < 8 && prev_word(s, pos, &ws, &we); k++) {
        if (is_word(s, ws, we, "adding"))
            return we;
        if (is_word(s, ws, we, "of")) {
            size_t ps, pe;
            if (prev_word(s, ws, &ps, &pe) && is_word(s, ps, pe, "addition"))
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
    for (int k = 0; k <= 4 && prev_word(s, pos, &ws, &we); k++) {
        if (is_word(s, ws, we, "to")) {
            size_t as, ae;
            if (!prev_word(s, ws, &as, &ae))
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
    while (pos > from && prev_word(s, pos, &ws, &we) && ws >= from) {
        for (size_t i = 0; i < sizeof words / sizeof *words; i++)
            if (is_word(s, ws, we, words[i]))
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
    for (int k = 0; k <= 3 && prev_word(s, pos, &ws, &we); k++) {
        if (is_word(s, ws, we, "with")) {
            size_t ps, pe;
            if (!prev_word(s, ws, &ps, &pe))
                return -1;
            bool partner = is_word(s, ps, pe, "combined") || is_word(s, ps, pe, "together") ||
                           is_word(s, ps, pe, "along") ||
                           ((is_word(s, ps, pe, "combination") ||
                             is_word(s, ps, pe, "conjunction")) &&
                            word_before_is(s, ps, "in"));
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
        return !word_char(e[!strncasecmp(e, "alone", 5) ? 5 : 11]);
    static const char *const joins[] = {"with", "plus", "+", "and"};
    for (size_t i = 0; i < sizeof joins / sizeof *joins; i++) {
        size_t k = strlen(joins[i]);
        if (!strncasecmp(e, joins[i], k) && e[k] == ' ') {
            const char *f = e + k;
            while (*f == ' ')
                f++;
            if (!strncasecmp(f, "placebo", 7) && !word_char(f[7]))
                return true;
        }
    }
    size_t ws, we;
    if (!prev_word(s, j->start, &ws, &we))
        return false;
    bool join = is_word(s, ws, we, "plus") || is_word(s, ws, we, "+") ||
                is_word(s, ws, we, "with") || is_word(s, ws, we, "and");
    size_t ps, pe;
    return join && prev_word(s, ws, &ps, &pe) && is_word(s, ps, pe, "placebo");
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
            while (q < end && word_char(s[q]) && s[q] != '/' && s[q] != '+')
                q++;
        if (q == p)
            return false; /* a comma, a semicolon: another arm or clause */
        bool join = false;
        for (size_t i = 0; i < sizeof joins / sizeof *joins && !join; i++)
            join = is_word(s, p, q, joins[i]);
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

int background_both_arms(const char *s, const mention_vec *mv, int tm)
{
    if (tm < 0 || (size_t)tm >= mv->len || mv->items[tm].type != SLOT_THERAPY)
        return -1;
    const mention *me = &mv->items[tm];
    bool control = control_arm(s, me), base = false;
    for (size_t j = 0; j < mv->len && !base; j++)
        base = (int)j != tm && mv->items[j].type == SLOT_THERAPY &&
               same_words(s, &mv->items[j], me) && control_arm(s, &mv->items[j]) != control;
    if (!base)
        return -1;
    if (control)
        return -3;
    /* the therapy added: one joined to it in its arm ("X with COC", "COC plus X") */
    for (size_t j = 0; j < mv->len; j++) {
        const mention *x = &mv->items[j];
        if ((int)j == tm || x->type != SLOT_THERAPY || same_words(s, x, me))
            continue;
        if ((x->end <= me->start && combined_gap(s, x->end, me->start)) ||
            (x->start >= me->end && combined_gap(s, me->end, x->start)))
            return (int)j;
    }
    /* or none named, when a joining word stands next to it ("Polyethylene Glycol and
     * Lactulose versus Lactulose Alone") */
    size_t ws, we;
    if (prev_word(s, me->start, &ws, &we) &&
        (is_word(s, ws, we, "and") || is_word(s, ws, we, "plus") || is_word(s, ws, we, "+") ||
         is_word(s, ws, we, "with")))
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
        if (is_word(s, ws, we, words[i]))
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
            (e == 3 || !word_char(s[e - 4])))
            return arm; /* "vs." */
        if (!prev_word(s, pos, &ws, &we))
            return 0;
        if (is_word(s, ws, we, "than") || is_word(s, ws, we, "instead"))
            return 2;
        if (is_word(s, ws, we, "versus") || is_word(s, ws, we, "vs"))
            return arm;
        if ((is_word(s, ws, we, "with") || is_word(s, ws, we, "to")) &&
            (word_before_is(s, ws, "compared") || word_before_is(s, ws, "comparison")))
            return arm;
        if (is_word(s, ws, we, "to")) {
            static const char *const strong[] = {
                "superior", "inferior", "non-inferior", "noninferior", "similar",
                "comparable", "equivalent", "alternative", "alternatives", "preferable"};
            for (size_t i = 0; i < sizeof strong / sizeof *strong; i++)
                if (word_before_is(s, ws, strong[i]))
                    return 2;
            return 0;
        }
        if (!arm_filler(s, ws, we))
            return 0;
        if (is_word(s, ws, we, "other"))
            arm = 2;
        pos = ws;
    }
    return 0;
}

/* A word that makes the therapy after it the setting of the people studied: "in patients
 * undergoing CABG", "women receiving chemotherapy", "initiated because of renal
 * transplantation"; its start in *at. */
static bool setting_before(const char *s, size_t pos, size_t *at)
{
    static const char *const words[] = {"undergoing", "underwent", "undergone", "undergo",
                                        "receiving"};
    static const char *const fillers[] = {"a", "an", "the", "elective", "emergency",
                                          "planned", "major", "minor", "primary", "also"};
    size_t ws, we;
    for (int k = 0; k <= 2 && prev_word(s, pos, &ws, &we); k++) {
        for (size_t i = 0; i < sizeof words / sizeof *words; i++)
            if (is_word(s, ws, we, words[i])) {
                *at = ws;
                return true;
            }
        if (is_word(s, ws, we, "of") && word_before_is(s, ws, "because")) {
            *at = ws;
            return true;
        }
        bool filler = false;
        for (size_t i = 0; i < sizeof fillers / sizeof *fillers && !filler; i++)
            filler = is_word(s, ws, we, fillers[i]);
        if (!filler)
            return false;
        pos = ws;
    }
    return false;
}

/* Therapy mention j is a cause or a time, not the subject: "Acetaminophen-induced ALF",
 * "pethidine-associated seizure", "ARI after high-dose melphalan" */
static bool caused_by(const char *s, const mention_vec *mv, int j)
{
    const mention *me = &mv->items[j];
    const char *e = s + me->end;
    if (*e == '-' || *e == ' ')
        e++;
    static const char *const causes[] = {"induced", "associated", "related", "exposed"};
    for (size_t i = 0; i < sizeof causes / sizeof *causes; i++)
        if (!strncasecmp(e, causes[i], strlen(causes[i])))
            return true;
    size_t pos = me->start, ws, we;
    for (int k = 0; k <= 2 && prev_word(s, pos, &ws, &we); k++) {
        if (is_word(s, ws, we, "after") || is_word(s, ws, we, "following"))
            return true;
        pos = ws;
    }
    return false;
}

int background_setting(const char *s, const mention_vec *mv, int tm)
{
    if (tm < 0 || (size_t)tm >= mv->len || mv->items[tm].type != SLOT_THERAPY)
        return -1;
    size_t at;
    if (!setting_before(s, mv->items[tm].start, &at))
        return -1;
    /* the therapy the sentence is about: one named before the setting, itself no
     * setting and no comparator */
    for (int j = tm - 1; j >= 0; j--) {
        const mention *me = &mv->items[j];
        if (me->type != SLOT_THERAPY || me->end > at)
            continue;
        size_t a;
        if (setting_before(s, me->start, &a) || background_comparator(s, mv, j) ||
            me->entry == mv->items[tm].entry || caused_by(s, mv, j))
            continue;
        for (size_t k = me->end; k < at; k++)
            if (s[k] == ';')
                return -1;
        return j;
    }
    return -1;
}

/* Whether therapy mention tm is the setting of people randomised to something else:
 * "patients undergoing elective craniotomy for brain tumors were randomized into three
 * groups ... to receive dexamethasone", "patients ... who had begun receiving antibiotics
 * were randomized to receive Lactobacillus or placebo" (read 6 of pubmed-10k,
 * "background therapy": the base treatment of everyone). After the setting comes
 * "randomized", "randomly", "allocated", "assigned" or "divided", then "to" or "into",
 * another therapy named after it as an arm, and the setting's named no more (not "143
 * receiving tiropramide ... were randomly allocated to either tiropramide or
 * octylonium"; nor, with no therapy as an arm, "patients undergoing elective aortic
 * valve replacement for aortic stenosis were randomly assigned to either moderate
 * hypothermic or mild hypothermic CPB"). */
static bool randomized_setting(const char *s, size_t n, const mention_vec *mv, int tm)
{
    if (tm < 0 || (size_t)tm >= mv->len || mv->items[tm].type != SLOT_THERAPY)
        return false;
    const mention *me = &mv->items[tm];
    size_t at;
    if (!setting_before(s, me->start, &at))
        return false;
    static const char *const verbs[] = {"randomized", "randomised", "randomly", "allocated",
                                        "assigned", "divided"};
    size_t verb = 0;
    for (size_t p = me->end; p < n && !verb && s[p] != ';'; p++) {
        if (p > 0 && isalpha((unsigned char)s[p - 1]))
            continue;
        for (size_t i = 0; i < sizeof verbs / sizeof *verbs && !verb; i++)
            if (!strncasecmp(s + p, verbs[i], strlen(verbs[i])))
                verb = p + strlen(verbs[i]);
    }
    if (!verb)
        return false;
    bool to = false; /* "to" or "into" within the next 60 bytes */
    for (size_t p = verb; p + 4 <= n && p < verb + 60 && !to; p++)
        to = s[p] == ' ' && (!strncasecmp(s + p, " to ", 4) ||
                             (p + 6 <= n && !strncasecmp(s + p, " into ", 6)));
    if (!to)
        return false;
    bool other = false; /* an arm of its own named after the verb */
    for (size_t j = 0; j < mv->len; j++) {
        const mention *a = &mv->items[j];
        if (a->start < verb || a->type != SLOT_THERAPY)
            continue;
        if (a->entry == me->entry)
            return false;
        other = true;
    }
    return other;
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
    while (prev_word(s, pos, &ws, &we) && ws >= me->end) {
        for (size_t i = 0; i < sizeof preps / sizeof *preps; i++)
            if (is_word(s, ws, we, preps[i]))
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
        if (x == -1 && (background_setting(s, mv, c.mention[SLOT_THERAPY]) >= 0 ||
                        randomized_setting(s, n, mv, c.mention[SLOT_THERAPY])))
            continue;
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
