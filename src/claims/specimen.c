/* Cells studied and genes ablated, not given: see specimen.h. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "specimen.h"

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcasecmp(s + n - k, suffix);
}

/* The entry of mention me names a cell type, not a procedure that gives cells. */
static bool cell_entry(const thx_ruleset *rs, const mention *me)
{
    const char *name = rs->lex.entries[me->entry].canonical;
    static const char *const heads[] = {"cells",         "cell",          "fibroblasts",
                                        "chondrocytes",  "keratinocytes", "monocytes",
                                        "exosomes",      "extracellular vesicles"};
    bool cell = false;
    for (size_t i = 0; i < sizeof heads / sizeof *heads && !cell; i++)
        cell = ends_with(name, heads[i]) &&
               (strlen(name) == strlen(heads[i]) ||
                name[strlen(name) - strlen(heads[i]) - 1] == ' ');
    static const char *const given[] = {"therapy", "transplant", "vaccine", "CAR"};
    for (size_t i = 0; i < sizeof given / sizeof *given && cell; i++)
        cell = !strstr(name, given[i]);
    return cell;
}

/* A word: bytes that are no white space, less the punctuation around it. */
typedef struct {
    size_t start, end;
    bool clause_end; /* a ',', ';' or '.' right after it (the clause ends there) */
} word;

/* The word s[b..e) (no white space in it, e > b) less the punctuation around it, into w;
 * true. */
static bool trim_word(const char *s, size_t b, size_t e, word *w)
{
    w->clause_end = s[e - 1] == ',' || s[e - 1] == ';' || s[e - 1] == '.';
    while (e > b && strchr(",;.:()[]\"", s[e - 1]))
        e--;
    while (b < e && strchr("([\"", s[b]))
        b++;
    w->start = b;
    w->end = e;
    return true;
}

/* The word that ends at or before pos (white space skipped); false at the start. */
static bool word_before(const char *s, size_t pos, word *w)
{
    size_t e = pos;
    while (e > 0 && is_space((unsigned char)s[e - 1]))
        e--;
    if (e == 0)
        return false;
    size_t b = e;
    while (b > 0 && !is_space((unsigned char)s[b - 1]))
        b--;
    return trim_word(s, b, e, w);
}

/* The word that starts at or after pos (white space skipped); false at the end. */
static bool word_after(const char *s, size_t n, size_t pos, word *w)
{
    size_t b = pos;
    while (b < n && is_space((unsigned char)s[b]))
        b++;
    if (b >= n)
        return false;
    size_t e = b;
    while (e < n && !is_space((unsigned char)s[e]))
        e++;
    return trim_word(s, b, e, w);
}

static bool is(const char *s, const word *w, const char *x)
{
    return w->end - w->start == strlen(x) && !strncasecmp(s + w->start, x, w->end - w->start);
}

/* s[a..b) holds a word (or the part of one after a hyphen) that begins with a stem of
 * giving. */
static bool giving(const char *s, size_t a, size_t b)
{
    static const char *const stems[] = {
        "transplant", "infus",     "inject",      "implant",   "administ", "deliver",
        "therap",     "treat",     "engraft",     "graft",     "autolog",  "allogene",
        "allogenic",  "donor",     "receiv",      "given",     "use",      "seeded",
        "loaded",     "transfus",  "intraven",    "intracoronar", "intramyocard",
        "intrathecal", "intra-articular", "intraovarian", "cell-based"};
    for (size_t p = a; p < b; p++) {
        if (p > a && isalpha((unsigned char)s[p - 1]))
            continue;
        for (size_t i = 0; i < sizeof stems / sizeof *stems; i++) {
            size_t k = strlen(stems[i]);
            if (p + k <= b && !strncasecmp(s + p, stems[i], k))
                return true;
        }
    }
    return false;
}

/* A word that makes the cells after it a specimen: a genotype or a state, or "in". */
static bool specimen_word(const char *s, const word *w)
{
    static const char *const words[] = {"in", "within", "patient", "patients", "patients'",
                                        "senescent", "heterozygous", "heterozygote",
                                        "wild-type", "knockout", "mutant", "null"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (is(s, w, words[i]))
            return true;
    size_t k = w->end - w->start;
    const char *t = s + w->start;
    for (size_t p = 0; p + 3 <= k; p++)
        if (!strncmp(t + p, "-/-", 3) || !strncmp(t + p, "+/-", 3))
            return true;
    return (k > 10 && !strncasecmp(t + k - 10, "-deficient", 10)) ||
           (k > 5 && !strncasecmp(t + k - 5, "-null", 5)) ||
           (k > 9 && !strncasecmp(t + k - 9, "-knockout", 9));
}

static bool people_word(const char *s, const word *w)
{
    static const char *const words[] = {
        "patient", "patients", "mice",   "mouse", "rat",    "rats",     "subject",
        "subjects", "donors",  "individuals", "people", "women", "men", "children",
        "female",  "females",  "male",   "males", "controls"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (is(s, w, words[i]))
            return true;
    return false;
}

static bool specimen(const tag_result *tags, const char *s, size_t n, const mention *me)
{
    if (giving(s, me->start, me->end))
        return false;
    /* the clause around it: six words before, four after */
    word w;
    size_t pos = me->start;
    bool cue = false;
    for (int k = 0; k < 6 && word_before(s, pos, &w) && !w.clause_end; k++) {
        if (giving(s, w.start, w.end))
            return false;
        if (k < 3 && specimen_word(s, &w))
            cue = true;
        pos = w.start;
    }
    pos = me->end;
    bool skip_paren = true;
    word after[6];
    int na = 0;
    while (na < 6 && word_after(s, n, pos, &w)) {
        pos = w.end;
        while (pos < n && !is_space((unsigned char)s[pos]))
            pos++;
        if (skip_paren && na == 0 && s[w.start - 1] == '(') {
            skip_paren = false; /* "(PBMCs)" names it again */
            continue;
        }
        after[na++] = w;
        if (na <= 4 && giving(s, w.start, w.end))
            return false;
        if (w.clause_end)
            break;
    }
    if (cue)
        return true;
    int i = 0;
    if (na >= 2 && (is(s, &after[0], "derived") || is(s, &after[0], "isolated") ||
                    is(s, &after[0], "obtained")) &&
        is(s, &after[1], "from"))
        i = 2;
    else if (na >= 1 && (is(s, &after[0], "of") || is(s, &after[0], "from")))
        i = 1;
    else
        return false;
    for (int j = i; j < na && j < i + 5; j++)
        if (people_word(s, &after[j]))
            return true;
    size_t from = after[i - 1].end, to = na > i ? after[na - 1].end : from;
    for (size_t k = 0; k < tags->mentions.len; k++) {
        const mention *c = &tags->mentions.items[k];
        if (c->type == SLOT_CONDITION && !c->hidden && c->start >= from && c->start < to &&
            c->start - from <= 40)
            return true;
    }
    return false;
}

/* A word that names a gene or a gene product: letters with a digit ("Sox2", "p53",
 * "miR-301a", "Tsc1") or a lower-case letter next to an upper-case one past its first
 * ("PKCa", "mTOR"); not an abbreviation in capitals alone ("AF", "HCC"). */
static bool gene_word(const char *s, const word *w)
{
    size_t k = w->end - w->start;
    const char *t = s + w->start;
    if (k < 2 || k > 12)
        return false;
    bool digit = false, alpha = false, mixed = false;
    for (size_t p = 0; p < k; p++) {
        unsigned char c = (unsigned char)t[p];
        digit |= isdigit(c) != 0;
        alpha |= isalpha(c) != 0;
        unsigned char b = p ? (unsigned char)t[p - 1] : 0;
        if (p >= 1 && isupper(c) && islower(b)) /* "mTOR" */
            mixed = true;
        if (p >= 2 && islower(c) && isupper(b)) /* "PKCa"; not "Genetic" */
            mixed = true;
    }
    return alpha && (digit || mixed);
}

/* Mention me is a bare "ablation" of a gene, not the procedure: "genetic" or a gene
 * right before it ("Genetic ablation", "Nrf2 ablation", "oligodendrocyte-specific
 * ablation"), or "of" and a gene, "its" (regulator) or a disease-named gene ("of p53",
 * "of its negative regulator", "of tuberous sclerosis complex 1 (TSC1)") after it. */
static bool gene_ablation(const tag_result *tags, const char *s, size_t n, const mention *me)
{
    if (me->end - me->start != 8 || strncasecmp(s + me->start, "ablation", 8))
        return false;
    word w;
    if (word_before(s, me->start, &w) && !w.clause_end) {
        size_t k = w.end - w.start;
        if (is(s, &w, "genetic") || is(s, &w, "conditional") || gene_word(s, &w) ||
            (k > 9 && !strncasecmp(s + w.end - 9, "-specific", 9)))
            return true;
    }
    if (!word_after(s, n, me->end, &w) || !is(s, &w, "of"))
        return false;
    size_t pos = w.end;
    if (!word_after(s, n, pos, &w))
        return false;
    if (is(s, &w, "the"))
        if (!word_after(s, n, w.end, &w))
            return false;
    if (is(s, &w, "its") || gene_word(s, &w))
        return true;
    for (size_t k = 0; k < tags->mentions.len; k++) {
        const mention *c = &tags->mentions.items[k];
        if (c->type != SLOT_CONDITION || c->start != w.start)
            continue;
        word d; /* a number right after the condition: a gene named for it */
        if (word_after(s, n, c->end, &d) && isdigit((unsigned char)s[d.start]) &&
            d.end - d.start <= 2)
            return true;
    }
    return false;
}

void specimen_drop(match_ctx *m, const thx_ruleset *rs, const char *s, size_t n)
{
    candidate_vec *cs = &m->cands;
    size_t kept = 0;
    for (size_t i = 0; i < cs->len; i++) {
        int tm = cs->items[i].mention[SLOT_THERAPY];
        const mention *me = tm >= 0 ? &m->tags.mentions.items[tm] : NULL;
        if (me && ((cell_entry(rs, me) && specimen(&m->tags, s, n, me)) ||
                   gene_ablation(&m->tags, s, n, me)))
            continue;
        cs->items[kept++] = cs->items[i];
    }
    cs->len = kept;
}
