/*
 * Folding mentions into one another before a sentence is matched (match.c builds the
 * masked sentence with them): a salt word into its drug ("metformin hydrochloride"), a
 * parenthesis that restates a mention ("mesenchymal stem cells (MSCs)", with the
 * abbreviation learned for the abstract), a shape mention into the listed name in its
 * parenthesis ("RAD001 (Everolimus)"), "transplantation of X" into X, a drug class into
 * the drug beside it ("the mTOR inhibitor everolimus"), and therapies given together
 * into one combination. Internal to claims/.
 */
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "fold.h"

/* The salt or ester word of a drug's name: "metformin hydrochloride", "glycopyrronium
 * bromide", "naproxen sodium", "fluphenazine decanoate". */
static bool is_salt(const char *w, size_t n)
{
    static const char *const salts[] = {
        "hydrochloride", "dihydrochloride", "hcl", "hydrobromide", "bromide", "sodium",
        "maleate", "mesylate", "mesilate", "sulfate", "sulphate", "citrate", "tartrate",
        "acetate", "phosphate", "succinate", "fumarate", "besylate", "besilate", "chloride",
        "nitrate", "lactate", "gluconate", "propionate", "dipropionate", "decanoate",
        "enanthate", "valerate", "palmitate", "tosylate", "oxalate", "hyclate", "trihydrate",
        "monohydrate", "dihydrate", "disodium", "pamoate"};
    for (size_t i = 0; i < sizeof salts / sizeof *salts; i++)
        if (strlen(salts[i]) == n && !strncasecmp(w, salts[i], n))
            return true;
    return false;
}

/* Widens therapy mention i over the salt word right after it, when no other mention
 * starts there. */
void fold_salt(match_ctx *m, const char *s, size_t n, size_t i)
{
    mention *me = &m->tags.mentions.items[i];
    if (me->type != SLOT_THERAPY || me->end >= n || s[me->end] != ' ')
        return;
    size_t w = me->end + 1, e = w;
    while (e < n && ((s[e] >= 'a' && s[e] <= 'z') || (s[e] >= 'A' && s[e] <= 'Z')))
        e++;
    if (e == w || !is_salt(s + w, e - w) || (e < n && (s[e] == '-' || s[e] == '/')))
        return;
    if (i + 1 < m->tags.mentions.len && m->tags.mentions.items[i + 1].start < e)
        return;
    me->end = e;
}

/* "RAD001 (everolimus)": a mention found by its shape takes the entry of the listed
 * term in the parenthesis folded into it, so the claim names the drug and its id. */
void adopt_listed_name(match_ctx *m, const lexicon *lx, size_t i)
{
    mention *outer = &m->tags.mentions.items[i];
    const mention *inner = &m->tags.mentions.items[i + 1];
    if (lx->entries[outer->entry].as_written && !lx->entries[inner->entry].as_written &&
        outer->with < 0) {
        outer->entry = inner->entry;
        outer->id = inner->id;
    }
}

/* End of a parenthesis after a mention that should fold into it, or 0. */
size_t folded_paren(const char *s, size_t n, size_t at, const mention_vec *mv, size_t i,
                    size_t *open)
{
    size_t p = at;
    while (p < n && s[p] == ' ')
        p++;
    if (p >= n || s[p] != '(')
        return 0;
    size_t close = p + 1;
    while (close < n && close - p <= 60 && s[close] != ')' && s[close] != '(')
        close++;
    if (close >= n || s[close] != ')' || close - p > 60)
        return 0;
    /* any mention inside must be of the same type (an abbreviation of it) */
    for (size_t j = i + 1; j < mv->len && mv->items[j].start < close; j++)
        if (mv->items[j].type != mv->items[i].type || mv->items[j].end > close)
            return 0;
    *open = p;
    return close + 1;
}

/* An abbreviation: one word of 2 to 20 characters with a capital letter ("MSC-Exos",
 * "POI", "hUC-MSCs"), not a dose or a number. In lowercased text (a sentence with no
 * capital: tag_result.lowercased), one word of 2 to 8 letters, digits and hyphens that
 * starts with the long form's first letter ("non-small-cell-lung-cancer ( nsclc )",
 * "metformin (mf)"; not "metformin (oral)"). */
static bool is_abbreviation(const char *s, size_t n, bool lowercased, const char *long_form)
{
    bool capital = false;
    if (n < 2 || n > 20)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (is_space((unsigned char)s[i]) || s[i] == ',' || s[i] == ';' || s[i] == '=')
            return false;
        capital |= s[i] >= 'A' && s[i] <= 'Z';
    }
    if (capital || !lowercased || n > 8 || s[0] != long_form[0] || s[0] < 'a' || s[0] > 'z')
        return capital;
    for (size_t i = 0; i < n; i++)
        if (!is_ascii_alnum((unsigned char)s[i]) && s[i] != '-')
            return false;
    return true;
}

/* After an open therapy or condition phrase that ends at s[end], the abbreviation its
 * authors define for it, "individual cognitive stimulation therapy (iCST)": one word of
 * 2 to 12 letters, digits and hyphens that starts with a letter and holds a capital, in
 * parentheses. Returns the end of the parenthesis, else end. */
size_t open_defined_end(const char *s, size_t n, size_t end)
{
    size_t p = end;
    while (p < n && s[p] == ' ')
        p++;
    if (p >= n || s[p] != '(' || p + 1 >= n || !isalpha((unsigned char)s[p + 1]))
        return end;
    bool capital = false;
    size_t q = p + 1;
    while (q < n && q - p <= 12 && (is_ascii_alnum((unsigned char)s[q]) || s[q] == '-'))
        capital |= s[q] >= 'A' && s[q] <= 'Z', q++;
    if (q >= n || s[q] != ')' || q - p < 3 || !capital)
        return end;
    return q + 1;
}

/* "long form (ABBR)": the mention's text takes the abbreviation in, and an
 * abbreviation no lexicon knows is learned for the rest of the abstract. */
int note_abbreviation(match_ctx *m, const lexicon *lx, const char *s, mention *me,
                      size_t open, size_t fold, bool known)
{
    const char *a = s + open + 1;
    size_t n = fold - open - 2;
    while (m->tags.lowercased && n > 0 && *a == ' ') /* "( nsclc )", tokenised text */
        a++, n--;
    while (m->tags.lowercased && n > 0 && a[n - 1] == ' ')
        n--;
    if (!is_abbreviation(a, n, m->tags.lowercased, s + me->start))
        return 0;
    me->end = fold;
    if (known)
        return 0;
    if (VEC_PUSH_SLOT(&m->learned))
        return -1;
    char *text = xstrndup(a, n), *name = NULL;
    if (text && lx->entries[me->entry].as_written && !(name = lexicon_mention_name(lx, me, s))) {
        free(text);
        return -1;
    }
    if (!text)
        return -1;
    m->learned.items[m->learned.len++] = (local_term){text, me->entry, name, me->id};
    return 0;
}

/* Whether s[a, b), the text between two therapies, joins them into a combination; "and"
 * joins only after "combination of" or "combined" (first_start: where the first one
 * starts). "with" never does: "compared X with Y" is a comparison. */
static bool joins_combination(const char *s, size_t a, size_t b, size_t first_start)
{
    static const char *const joins[] = {"plus", "in combination with", "combined with",
                                        "together with", "+", "/"};
    while (a < b && s[a] == ' ')
        a++;
    while (b > a && s[b - 1] == ' ')
        b--;
    size_t k = b - a;
    for (size_t i = 0; i < sizeof joins / sizeof *joins; i++)
        if (strlen(joins[i]) == k && !strncasecmp(s + a, joins[i], k))
            return true;
    if (k == 3 && !strncasecmp(s + a, "and", 3)) {
        static const char *const before[] = {"combination of ", "combined ", "combination of the "};
        for (size_t i = 0; i < sizeof before / sizeof *before; i++) {
            size_t w = strlen(before[i]);
            if (first_start >= w && !strncasecmp(s + first_start - w, before[i], w))
                return true;
        }
    }
    return false;
}

bool mention_has_tag(const lexicon *lx, const mention *me, const char *tag)
{
    const str_vec *tags = &lx->entries[me->entry].tags;
    for (size_t k = 0; k < tags->len; k++)
        if (!strcmp(tags->items[k], tag))
            return true;
    return false;
}

/* "transplantation of <MSCs>": a therapy tagged `administration` (how a therapy is
 * given) followed by "of" and a therapy names that therapy; mention i takes the given
 * therapy's entry and span, so that the claim is about the MSCs, not about
 * "transplantation" (and its later mentions are found as MSCs). Returns the index of
 * the therapy folded in, or -1. */
int fold_administered(match_ctx *m, const lexicon *lx, const char *s, size_t i, size_t at)
{
    mention_vec *mv = &m->tags.mentions;
    if (i + 1 >= mv->len || mv->items[i].type != SLOT_THERAPY ||
        mv->items[i + 1].type != SLOT_THERAPY ||
        !mention_has_tag(lx, &mv->items[i], "administration") ||
        lx->entries[mv->items[i + 1].entry].anaphor)
        return -1;
    size_t a = at, b = mv->items[i + 1].start;
    while (a < b && s[a] == ' ')
        a++;
    if (b - a < 2 || strncasecmp(s + a, "of", 2))
        return -1;
    for (a += 2; a < b && s[a] == ' '; a++)
        ;
    if (b - a >= 4 && !strncasecmp(s + a, "the ", 4))
        a += 4;
    if (a != b)
        return -1;
    mv->items[i].entry = mv->items[i + 1].entry;
    mv->items[i].end = mv->items[i + 1].end;
    mv->items[i].name_start = mv->items[i + 1].name_start;
    mv->items[i].name_end = mv->items[i + 1].name_end;
    mv->items[i].name = mv->items[i + 1].name;
    mv->items[i].id = mv->items[i + 1].id;
    return (int)i + 1;
}

/* Whether mention me is a drug: a therapy that is no drug class and no anaphor. */
bool mention_is_drug(const lexicon *lx, const mention *me)
{
    return me->type == SLOT_THERAPY && !mention_has_tag(lx, me, "drug-class") &&
           !lx->entries[me->entry].anaphor;
}

static bool is_class(const lexicon *lx, const mention *me)
{
    return me->type == SLOT_THERAPY && mention_has_tag(lx, me, "drug-class");
}

/* Class mention c names drug d: it takes d's entry, id, name and span end. */
static void take_drug(mention *c, const mention *d)
{
    c->entry = d->entry;
    c->id = d->id;
    c->end = d->end;
    c->name_start = d->name_start;
    c->name_end = d->name_end;
    c->name = d->name;
}

/* "the <mTOR inhibitor> <everolimus>": a drug class (an entry tagged `drug-class`) after
 * "the" and right before a drug names that drug; mention i takes the drug's entry, id
 * and span end, as fold_administered does, so that the claim names the drug. */
void fold_class_before(match_ctx *m, const lexicon *lx, const char *s, size_t i)
{
    mention_vec *mv = &m->tags.mentions;
    mention *c = &mv->items[i];
    if (i + 1 >= mv->len || !is_class(lx, c) || !mention_is_drug(lx, &mv->items[i + 1]) ||
        c->start < 4 || strncasecmp(s + c->start - 4, "the ", 4) ||
        (c->start > 4 && !is_space((unsigned char)s[c->start - 5])))
        return;
    const mention *d = &mv->items[i + 1];
    for (size_t a = c->end; a < d->start; a++)
        if (s[a] != ' ')
            return;
    if (d->start == c->end)
        return;
    take_drug(c, d);
}

/* "the <amylin> analog <pramlintide>", "the <somatostatin> analog <octreotide>": a
 * therapy followed by "analog", "analogue", "agonist", "antagonist" or "mimetic" and a
 * drug names that drug, the first a class in apposition before it (read 13 of
 * pubmed-10k: "Adjunctive mealtime use of the amylin analog pramlintide improves
 * postprandial hyperglycemia" is no claim of amylin); mention i takes the drug's entry,
 * id and span end, as fold_class_before does. */
void fold_named_analog(match_ctx *m, const lexicon *lx, const char *s, size_t i)
{
    static const char *const kinds[] = {"analog", "analogue", "agonist", "antagonist",
                                        "mimetic", NULL};
    mention_vec *mv = &m->tags.mentions;
    mention *c = &mv->items[i];
    if (i + 1 >= mv->len || c->type != SLOT_THERAPY || lx->entries[c->entry].anaphor ||
        !mention_is_drug(lx, &mv->items[i + 1]))
        return;
    const mention *d = &mv->items[i + 1];
    size_t a = c->end;
    while (a < d->start && (s[a] == ' ' || s[a] == '-'))
        a++;
    size_t b = a;
    while (b < d->start && isalpha((unsigned char)s[b]))
        b++;
    if (b == a || b == d->start || !word_in_list(s + a, b - a, kinds))
        return;
    for (; b < d->start; b++)
        if (s[b] != ' ')
            return;
    take_drug(c, d);
}

/* "<everolimus>, an <mTOR inhibitor>,": a drug class in apposition after drug mention i
 * folds into the drug's token; so does the therapy that names its role ("<miltefosine>
 * as a promising <antifungal>"); returns the end of the text folded (after the closing
 * comma, or the role's end), or 0. The drug's own span, name and id stay its own. */
size_t fold_class_apposition(const match_ctx *m, const lexicon *lx, const char *s,
                             size_t n, size_t i, size_t at)
{
    const mention_vec *mv = &m->tags.mentions;
    if (i + 1 >= mv->len || !mention_is_drug(lx, &mv->items[i]))
        return 0;
    const mention *c = &mv->items[i + 1];
    size_t a = at;
    /* "<miltefosine> as a promising <antifungal> drug candidate": the therapy after "as
     * a" is the role the drug plays, whatever its kind, and no comma need close it */
    bool role = a + 6 <= n && !strncmp(s + a, " as a", 5) && (s[a + 5] == ' ' || s[a + 5] == 'n');
    if (role) { /* "as a", "as an": never "as well as <Y>", whose Y is a therapy of its own */
        if (c->type != SLOT_THERAPY || lx->entries[c->entry].anaphor)
            return 0;
        a += 4;
    } else {
        if (!is_class(lx, c) || a >= n || s[a] != ',')
            return 0;
        for (a++; a < n && s[a] == ' '; a++)
            ;
    }
    if (a + 2 <= c->start && !strncasecmp(s + a, "a ", 2))
        a += 2;
    else if (a + 3 <= c->start && !strncasecmp(s + a, "an ", 3))
        a += 3;
    else
        return 0;
    /* up to three words of kind before the class: "a type I <interferon receptor
     * antagonist>", "a selective <5-HT6 receptor antagonist>", "a novel oral <...>" */
    for (int w = 0; w < 3 && a < c->start; w++) {
        size_t b = a;
        while (b < c->start && (isalnum((unsigned char)s[b]) || s[b] == '-'))
            b++;
        if (b == a || b >= c->start || s[b] != ' ')
            return 0;
        a = b + 1;
    }
    if (a != c->start)
        return 0;
    if (role)
        return c->end;
    size_t e = c->end;
    while (e < n && s[e] == ' ')
        e++;
    return e < n && s[e] == ',' ? e + 1 : 0;
}

/* "<L-lysine>, an amino acid that interferes with NO production, as an add-on treatment
 * for schizophrenia": a description in apposition after drug mention i, opened by "a" or
 * "an", closed by a comma within 14 words, with no mention in it, folds into the drug's
 * token as a class does, when a preposition follows it: the drug's complement in an
 * objective or a title ("the efficacy of <arimoclomol>, a heat shock protein co-inducer
 * ..., in patients with ALS"). Before a verb the description is left alone (read over
 * pubmed-10k: there the verb frames misread more than they gain). Returns the end of
 * the closing comma, or 0. */
size_t fold_description(const match_ctx *m, const lexicon *lx, const char *s, size_t n,
                        size_t i, size_t at)
{
    const mention_vec *mv = &m->tags.mentions;
    if (!mention_is_drug(lx, &mv->items[i]) || at + 4 > n || s[at] != ',')
        return 0;
    size_t a = at + 1;
    while (a < n && s[a] == ' ')
        a++;
    if (a + 2 <= n && !strncasecmp(s + a, "a ", 2))
        a += 2;
    else if (a + 3 <= n && !strncasecmp(s + a, "an ", 3))
        a += 3;
    else
        return 0;
    size_t limit = i + 1 < mv->len ? mv->items[i + 1].start : n;
    int words = 1;
    size_t e = a;
    for (; e < n && e < limit && s[e] != ','; e++) {
        if (s[e] == ';' || s[e] == '(' || s[e] == ')' || s[e] == ':' || s[e] == '.')
            return 0;
        if (s[e] == ' ' && e > a && s[e - 1] != ' ' && ++words > 14)
            return 0;
    }
    if (e + 1 >= n || s[e] != ',' || e >= limit || s[e + 1] != ' ')
        return 0; /* "1,5-benzothiazepine": no closing comma */
    size_t after = e + 1;
    while (after < n && s[after] == ' ')
        after++;
    static const char *const preps[] = {"in ", "on ", "for ", "as ", "with ", "against ",
                                        "among ", "at ", "after ", "during ", "versus ",
                                        "vs ", "vs. ", "compared "};
    for (size_t k = 0; k < sizeof preps / sizeof *preps; k++)
        if (!strncasecmp(s + after, preps[k], strlen(preps[k])))
            return e + 1;
    return 0;
}

/* Folds the therapies after mention i that are given in combination with it into its
 * span, with their own abbreviations ("plus atorvastatin (ATV)"); *at becomes the end of
 * the text the token now covers. Anaphors never combine: they stand for a therapy. */
int fold_combination(match_ctx *m, const lexicon *lx, const char *s, size_t n,
                     size_t i, size_t *at)
{
    mention_vec *mv = &m->tags.mentions;
    if (mv->items[i].type != SLOT_THERAPY || lx->entries[mv->items[i].entry].anaphor)
        return 0;
    size_t last = i;
    for (size_t j = i + 1; j < mv->len; j++) {
        mention *next = &mv->items[j];
        if (next->start < *at)
            continue; /* folded already (a parenthesis) */
        if (next->type != SLOT_THERAPY || lx->entries[next->entry].anaphor ||
            next->start - *at > 24 || !joins_combination(s, *at, next->start, mv->items[i].start))
            break;
        size_t open = 0, fold = folded_paren(s, n, next->end, mv, j, &open);
        bool known = j + 1 < mv->len && mv->items[j + 1].start < fold;
        if (fold && note_abbreviation(m, lx, s, next, open, fold, known))
            return -1;
        mv->items[last].with = (int)j;
        last = j;
        *at = fold ? fold : next->end;
        mv->items[i].end = *at;
    }
    return 0;
}

char *match_combination_name(const lexicon *lx, const mention_vec *mv, const mention *me,
                             const char *s)
{
    strbuf b;
    sb_init(&b);
    for (const mention *k = me;; k = &mv->items[k->with]) {
        char *name = lexicon_mention_name(lx, k, s);
        bool bad = !name || sb_puts(&b, name) || (k->with >= 0 && sb_puts(&b, " + "));
        free(name);
        if (bad) {
            sb_free(&b);
            return NULL;
        }
        if (k->with < 0)
            return sb_take(&b);
    }
}
