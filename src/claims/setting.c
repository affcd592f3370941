/* The setting of the people studied: see setting.h. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "background.h"
#include "harm.h"
#include "setting.h"
#include "words.h"

/* The setting words: the people undergo or receive what follows. */
static bool setting_word(const char *s, size_t ws, size_t we, bool *progressive)
{
    static const char *const words[] = {"undergoing", "receiving", "underwent", "undergone",
                                        "undergo"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (words_is(s, ws, we, words[i])) {
            *progressive = i < 2;
            return true;
        }
    return false;
}

bool setting_function_word(const char *s, size_t ws, size_t we)
{
    static const char *const words[] = {
        "of", "for", "in", "with", "to", "by", "at", "from", "on", "than", "versus", "vs",
        "who", "which", "that", "were", "was", "is", "are", "had", "has", "have", "been",
        "be", "not", "no", "after", "before", "during", "while", "following", "as", "into",
        "without", "patients", "their", "his", "her", "its", "either", "both", "but", NULL};
    /* a parenthesis aside: a dose, an abbreviation */
    return s[ws] != '(' && words_in(s, ws, we, words);
}

/* The mention of mv whose span ends at byte we and covers ws, or -1. */
static int mention_ending(const mention_vec *mv, size_t ws, size_t we)
{
    for (size_t j = 0; j < mv->len; j++)
        if (mv->items[j].end == we && mv->items[j].start <= ws)
            return (int)j;
    return -1;
}

bool setting_in_mention(const mention_vec *mv, size_t ws, size_t we)
{
    for (size_t j = 0; j < mv->len; j++)
        if (mv->items[j].start < we && ws < mv->items[j].end)
            return true;
    return false;
}

/* The setting word at byte ws follows a group of the trial, which is an arm, not the
 * people's circumstance: "the treatment group (TG) receiving systemic doxycycline",
 * "compared with those receiving placebo", "were randomized to undergo X". */
static bool arm_before(const char *s, size_t ws)
{
    static const char *const arms[] = {"group", "groups", "arm", "arms", "those", "cohort",
                                       "to", NULL}; /* "randomized to undergo X": an arm */
    size_t ps, pe;
    while (words_prev(s, ws, &ps, &pe) && s[ps] == '(')
        ws = ps;
    return words_prev(s, ws, &ps, &pe) && words_in(s, ps, pe, arms);
}

/* s[ws..we) is a noun of people. */
static bool people_word(const char *s, size_t ws, size_t we)
{
    static const char *const people[] = {
        "patients", "patient", "subjects", "women", "men", "children", "adults", "people",
        "individuals", "participants", "infants", "persons", "those", "volunteers", NULL};
    return words_in(s, ws, we, people);
}

/* The word before byte ws names people or ends their condition: "patients on
 * hemodialysis", "women with type 2 diabetes on metformin", "AIDS on tenofovir". */
static bool people_before(const char *s, const mention_vec *mv, size_t ws)
{
    size_t ps, pe;
    if (!words_prev(s, ws, &ps, &pe))
        return false;
    if (people_word(s, ps, pe))
        return true;
    int j = mention_ending(mv, ps, pe);
    return j >= 0 && mv->items[j].type == SLOT_CONDITION;
}

static bool setting_at(const char *s, const mention_vec *mv, int tm, size_t *at,
                       bool *progressive, int depth)
{
    static const char *const fillers[] = {"a", "an", "the", "also", NULL};
    size_t pos = mv->items[tm].start, ws, we;
    bool joined = false; /* the word after the one read is "and", "or", "plus" */
    for (int k = 0; k <= 4 && words_prev(s, pos, &ws, &we); k++) {
        if (setting_word(s, ws, we, progressive)) {
            *at = ws;
            return !arm_before(s, ws);
        }
        if (words_is(s, ws, we, "on") && people_before(s, mv, ws)) {
            *at = ws;
            *progressive = true;
            return true;
        }
        if (words_is(s, ws, we, "of") && words_before_is(s, ws, "because")) {
            *at = ws;
            *progressive = false;
            return true;
        }
        int j = mention_ending(mv, ws, we);
        if (j >= 0 && mv->items[j].type == SLOT_THERAPY && joined && depth < 3)
            return setting_at(s, mv, j, at, progressive, depth + 1);
        /* a condition right before the therapy names its kind ("undergoing tumour
         * nephrectomy", "receiving cancer chemotherapy") */
        bool kind = k == 0 && j >= 0 && mv->items[j].type == SLOT_CONDITION;
        if ((setting_in_mention(mv, ws, we) && !kind) || setting_function_word(s, ws, we))
            return false;
        joined = words_is(s, ws, we, "and") || words_is(s, ws, we, "or") ||
                 words_is(s, ws, we, "plus");
        if (words_in(s, ws, we, fillers))
            k--; /* at most four words besides the articles */
        pos = kind ? mv->items[j].start : ws;
    }
    return false;
}

bool setting_of(const char *s, const mention_vec *mv, int tm, size_t *at, bool *progressive)
{
    if (tm < 0 || (size_t)tm >= mv->len || mv->items[tm].type != SLOT_THERAPY)
        return false;
    bool p;
    return setting_at(s, mv, tm, at, progressive ? progressive : &p, 0);
}

bool setting_caused_by(const char *s, size_t n, const mention_vec *mv, int j)
{
    const mention *me = &mv->items[j];
    size_t e = me->end;
    if (e < n && (s[e] == '-' || s[e] == ' '))
        e++;
    static const char *const causes[] = {"induced", "associated", "related", "exposed"};
    for (size_t i = 0; i < sizeof causes / sizeof *causes; i++)
        if (e + strlen(causes[i]) <= n && !strncasecmp(s + e, causes[i], strlen(causes[i])))
            return true;
    size_t pos = me->start, ws, we;
    for (int k = 0; k <= 2 && words_prev(s, pos, &ws, &we); k++) {
        if (words_is(s, ws, we, "after") || words_is(s, ws, we, "following"))
            return true;
        pos = ws;
    }
    return false;
}

/* Mention me is what is taken from the people, not given to them: "peripheral blood
 * mononuclear cells (PBMCs) of ESRD patients on maintenance hemodialysis". */
static bool specimen_of(const char *s, size_t n, const mention *me)
{
    size_t e = me->end;
    while (e < n && (s[e] == ' ' || s[e] == ')')) /* the abbreviation inside its parenthesis too */
        e++;
    return (e + 3 <= n && !strncasecmp(s + e, "of ", 3)) ||
           (e + 5 <= n && !strncasecmp(s + e, "from ", 5));
}

/* The therapy the sentence is about, named before byte at and after no ';': itself no
 * setting and no comparator, not the same drug as tm, no cause, no anaphor, no specimen;
 * or -1. */
static int subject_before(const thx_ruleset *rs, const char *s, size_t n, const mention_vec *mv,
                          int tm, size_t at)
{
    for (int j = tm - 1; j >= 0; j--) {
        const mention *me = &mv->items[j];
        if (me->type != SLOT_THERAPY || me->end > at)
            continue;
        size_t a;
        if (setting_of(s, mv, j, &a, NULL) || background_comparator(s, mv, j) ||
            me->entry == mv->items[tm].entry || setting_caused_by(s, n, mv, j) ||
            rs->lex.entries[me->entry].anaphor || specimen_of(s, n, me))
            continue;
        for (size_t k = me->end; k < at; k++)
            if (s[k] == ';')
                return -1;
        return j;
    }
    return -1;
}

int setting_other(const thx_ruleset *rs, const char *s, size_t n, const mention_vec *mv, int tm)
{
    if (tm < 0 || (size_t)tm >= mv->len || mv->items[tm].type != SLOT_THERAPY)
        return -1;
    size_t at;
    if (!setting_of(s, mv, tm, &at, NULL))
        return -1;
    return subject_before(rs, s, n, mv, tm, at);
}

int setting_during(const thx_ruleset *rs, const char *s, size_t n, const mention_vec *mv, int tm)
{
    if (tm < 0 || (size_t)tm >= mv->len || mv->items[tm].type != SLOT_THERAPY)
        return -1;
    static const char *const words[] = {"during", "after", "following", NULL};
    static const char *const fillers[] = {"a", "an", "the", NULL};
    size_t pos = mv->items[tm].start, ws, we;
    for (int k = 0; k <= 2 && words_prev(s, pos, &ws, &we); k++) {
        if (words_in(s, ws, we, words)) {
            /* not a measure named by a therapy: "the exercise capacity after iloprost" */
            static const char *const measures[] = {"capacity", "performance", "tolerance",
                                                   "test", "testing", "intolerance", NULL};
            int j = subject_before(rs, s, n, mv, tm, ws);
            size_t ns = j >= 0 ? mv->items[j].end : 0, ne;
            while (j >= 0 && ns < n && s[ns] == ' ')
                ns++;
            for (ne = ns; j >= 0 && ne < n && words_char(s[ne]); ne++)
                ;
            if (j >= 0 && ne > ns && words_in(s, ns, ne, measures))
                return -1;
            return j;
        }
        if (setting_in_mention(mv, ws, we) || setting_function_word(s, ws, we))
            return -1;
        if (words_in(s, ws, we, fillers))
            k--;
        pos = ws;
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
bool setting_randomized(const char *s, size_t n, const mention_vec *mv, int tm)
{
    if (tm < 0 || (size_t)tm >= mv->len || mv->items[tm].type != SLOT_THERAPY)
        return false;
    const mention *me = &mv->items[tm];
    size_t at;
    if (!setting_of(s, mv, tm, &at, NULL))
        return false;
    /* the last two name what is added to the setting: "patients with type 2 diabetes on
     * metformin monotherapy received an add-on therapy with insulin glargine" */
    static const char *const verbs[] = {"randomized", "randomised", "randomly", "allocated",
                                        "assigned", "divided", "add-on", "adjunctive"};
    size_t verb = 0;
    bool added = false;
    for (size_t p = me->end; p < n && !verb && s[p] != ';'; p++) {
        if (p > 0 && isalpha((unsigned char)s[p - 1]))
            continue;
        for (size_t i = 0; i < sizeof verbs / sizeof *verbs && !verb; i++)
            if (p + strlen(verbs[i]) <= n && !strncasecmp(s + p, verbs[i], strlen(verbs[i]))) {
                verb = p + strlen(verbs[i]);
                added = i >= 6;
            }
    }
    if (!verb)
        return false;
    bool to = added; /* "to" or "into" within the next 60 bytes */
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


int setting_note_title(topic_state *topics, const thx_ruleset *rs, const match_ctx *m,
                       const char *s, size_t n)
{
    const mention_vec *mv = &m->tags.mentions;
    for (size_t k = 0; k < mv->len; k++) {
        const mention *me = &mv->items[k];
        size_t at;
        if (me->type != SLOT_THERAPY || rs->lex.entries[me->entry].anaphor ||
            setting_of(s, mv, (int)k, &at, NULL) || setting_caused_by(s, n, mv, (int)k))
            continue;
        const char *name = rs->lex.entries[me->entry].canonical;
        if (str_vec_push(&topics->studied, name, strlen(name)))
            return -1;
    }
    return 0;
}

/* Whether the sentence names a harm, or the onset of one ("a patient with renal disease
 * developed Coombs-positive hemolytic anemia while receiving cephalothin therapy",
 * "crystal deposition causing ureteric obstruction in patients with HIV undergoing
 * indinavir therapy", "cardiac complications in cancer patients undergoing
 * chemotherapy"). */
static bool harm_onset(const char *s, size_t n)
{
    static const char *const words[] = {"developed", "causing", "caused", "complication"};
    if (harm_named(s, n))
        return true;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        for (size_t i = 0, wl = strlen(words[k]); i + wl <= n; i++)
            if (!strncasecmp(s + i, words[k], wl) && (i == 0 || !isalpha((unsigned char)s[i - 1])))
                return true;
    return false;
}

/* Condition mention cm is what a measure in the people counts, not what their setting is
 * for: "<noun> of" before it, across a list of conditions ("symptoms of depression,
 * anxiety, pain, fatigue and sleep disturbances in women receiving chemotherapy", "the
 * occurrence of PONV on patients undergoing laparoscopic cholecystectomy", "the incidence
 * and severity of PVT in patients receiving intravenous fluids"). Not a change the
 * setting may have made ("regression of", "reduction of", "prevention of"). */
static bool measured_target(const char *s, const mention_vec *mv, int cm, size_t at)
{
    /* the people are named between it and their setting ("in women receiving"; not
     * "the severity of pain after receiving standard lidocaine") */
    bool people = false;
    size_t ws, we;
    for (size_t pos = at; !people && words_prev(s, pos, &ws, &we) && ws >= mv->items[cm].end;
         pos = ws)
        people = people_word(s, ws, we);
    if (!people)
        return false;
    static const char *const nouns[] = {"symptoms", "symptom", "incidence", "risk",
                                        "occurrence", "severity", "rate", "rates",
                                        "frequency", "prevalence", NULL};
    size_t pos = mv->items[cm].start;
    int modifiers = 0;
    for (int k = 0; k < 16; k++) {
        while (pos > 0 && s[pos - 1] == ' ')
            pos--;
        if (pos > 0 && s[pos - 1] == ',') {
            pos--;
            continue;
        }
        if (!words_prev(s, pos, &ws, &we))
            return false;
        if (words_is(s, ws, we, "of")) {
            size_t ns, ne;
            return words_prev(s, ws, &ns, &ne) && words_in(s, ns, ne, nouns);
        }
        int j = mention_ending(mv, ws, we);
        if (j >= 0 && mv->items[j].type == SLOT_CONDITION)
            ws = mv->items[j].start;
        else if (!words_is(s, ws, we, "and") && !words_is(s, ws, we, "or") &&
                 (setting_function_word(s, ws, we) || ++modifiers > 2))
            return false;
        pos = ws;
    }
    return false;
}

/* Whether the title studies therapies and the one named is none of them. */
static bool not_studied(const thx_ruleset *rs, const topic_state *topics, const mention *me)
{
    if (!topics || !topics->studied.len || rs->lex.entries[me->entry].anaphor)
        return false; /* "receiving these drugs": what an anaphor stands for is unknown */
    const char *name = rs->lex.entries[me->entry].canonical;
    for (size_t k = 0; k < topics->studied.len; k++)
        if (!strcasecmp(topics->studied.items[k], name))
            return false;
    return true;
}

void setting_drop(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n,
                  const topic_state *topics)
{
    const mention_vec *mv = &m->tags.mentions;
    candidate_vec *cs = &m->cands;
    int harm = -1; /* whether the sentence names a harm: read once, when first needed */
    size_t kept = 0;
    for (size_t i = 0; i < cs->len; i++) {
        const candidate *c = &cs->items[i];
        int tm = c->mention[SLOT_THERAPY], cm = c->mention[SLOT_CONDITION];
        size_t at;
        bool progressive = false;
        if (setting_other(rs, s, n, mv, tm) >= 0 || setting_during(rs, s, n, mv, tm) >= 0 ||
            setting_randomized(s, n, mv, tm))
            continue;
        if (tm >= 0 && cm >= 0 && setting_of(s, mv, tm, &at, &progressive)) {
            /* the people's condition, named before the setting ("patients with <Y>
             * receiving X"); not one X is given for ("undergoing X for <Y>") nor an
             * outcome of X's own ("patients receiving X improved ...") */
            bool people = mv->items[cm].end <= at;
            if (people && progressive && not_studied(rs, topics, &mv->items[tm]))
                continue;
            /* a studied-for claim of a setting in a sentence about a harm: the therapy
             * is what harmed them, or the circumstance of the harm */
            bool studied = c->r->predicate && !strcmp(c->r->predicate, "biolink:studied_to_treat");
            if (studied && harm < 0)
                harm = harm_onset(s, n);
            if (studied && (harm == 1 || (people && measured_target(s, mv, cm, at))))
                continue;
        }
        cs->items[kept++] = *c;
    }
    cs->len = kept;
}
