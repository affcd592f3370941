/*
 * Sentence splitter: cuts the text of one section (title or abstract) into sentences,
 * given as byte ranges [start, end) trimmed of surrounding white space. It makes one
 * forward pass over the bytes, allocates only when it appends a sentence, and looks
 * back or ahead a bounded number of bytes at the few places where a sentence may end.
 *
 * A sentence ends
 *  - after a run of . ? ! when white space follows and the next word opens a sentence:
 *    it starts with a capital, a digit, an opening quote or bracket, a non-ASCII
 *    letter ("α-Actinin"), or is a lower-case gene symbol holding a capital or digit
 *    ("mRNA", "p53", "miR-21"); closing quotes or brackets written right after the
 *    run stay with the sentence (as in  (n = 3).  and  "place fields."  );
 *  - after a bracketed group that ends in a full stop ("(See below.) Next");
 *  - at a paragraph break: a newline, then a line holding only white space;
 *  - before an all-caps section label ("... 763 controls RESULTS: The ...") that
 *    follows text without a full stop;
 *  - at the end of the text.
 * It does not end
 *  - inside numbers ("2.5", "p < 0.05"), at a decimal point followed by a stray space
 *    ("P < 0. 001", "61. 6 percent"), or before a lower-case word or , ; : (only white
 *    space may follow the end of a sentence), except in a section with no capital letter
 *    (lowercased text), where a lower-case word opens a sentence too;
 *  - inside balanced ( ) or [ ] ("[12].", "(Smith et al., 2019)."); a bracket that is
 *    not closed within BRACKET_SPAN bytes, or before a paragraph break, is a stray one
 *    and ignored, so that it cannot swallow the rest of the abstract;
 *  - after an abbreviation of the table below: "strong" ones (e.g., et al., vs., Fig.)
 *    never end a sentence; "weak" ones (min., No., etc., i.v.) are also words that end
 *    sentences, so they hold only when a number, a registry number or a bracket
 *    follows ("No. 5", "No. NCT0123", "b.i.d. (n = 6)"; "for 10 min. The" ends);
 *  - after a personal initial ("J. Smith", "A. B. Jones", "(S. H. Friend"): a single
 *    capital at the start of a sentence or bracket, after "by", or next to another
 *    initial; after any other word a single capital is a name of its own and ends the
 *    sentence ("vitamin A. The", "groups A and B. Group A ...");
 *  - after a section label standing alone ("BACKGROUND.", "Results.", "METHODS:" and a
 *    blank line) or a list number ("2."): it stays with the sentence that follows.
 * And no sentence is longer than THX_SENTENCE_MAX code points: a longer one is cut at
 * the last white space within CUT_BACK bytes before the limit, else after the last
 * punctuation there, else at the limit itself (between two code points).
 */
#include "reader.h"
#include "therex.h"
#include "util/util.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* A bracket still open after this many bytes is taken as a stray one. */
#define BRACKET_SPAN 400
/* Longest section label ("MEASUREMENTS AND MAIN RESULTS", "DESIGN, SETTING, AND
 * PARTICIPANTS"); longer runs of capitals are text, not labels. */
#define LABEL_MAX 48
/* Longest abbreviation, with its inner periods ("approx", "subsp"). */
#define ABBR_MAX 8
/* How far back from THX_SENTENCE_MAX a cut looks for a space or a punctuation mark. */
#define CUT_BACK 1024

enum { ABBR_WEAK = 0, ABBR_STRONG = 1, ABBR_FOLD = 2 /* compare ignoring case */ };

typedef struct {
    const char *word; /* without the final period */
    int flags;
} abbr;

static const abbr ABBREVIATIONS[] = {
    /* strong: the next word continues the sentence, capitalised or not */
    {"e.g", ABBR_STRONG | ABBR_FOLD},    {"i.e", ABBR_STRONG | ABBR_FOLD},
    {"al", ABBR_STRONG},                 {"vs", ABBR_STRONG | ABBR_FOLD},
    {"cf", ABBR_STRONG | ABBR_FOLD},     {"viz", ABBR_STRONG | ABBR_FOLD},
    {"approx", ABBR_STRONG | ABBR_FOLD}, {"ca", ABBR_STRONG},
    {"esp", ABBR_STRONG},                {"incl", ABBR_STRONG},
    {"Fig", ABBR_STRONG | ABBR_FOLD},    {"Figs", ABBR_STRONG | ABBR_FOLD},
    {"Eq", ABBR_STRONG | ABBR_FOLD},     {"Eqs", ABBR_STRONG | ABBR_FOLD},
    {"Ref", ABBR_STRONG | ABBR_FOLD},    {"Refs", ABBR_STRONG | ABBR_FOLD},
    {"Suppl", ABBR_STRONG | ABBR_FOLD},  {"Dr", ABBR_STRONG},
    {"Drs", ABBR_STRONG},                {"Prof", ABBR_STRONG},
    {"Mr", ABBR_STRONG},                 {"Mrs", ABBR_STRONG},
    {"Ms", ABBR_STRONG},                 {"St", ABBR_STRONG},
    {"subsp", ABBR_STRONG},              {"cv", ABBR_STRONG},
    {"U.S", ABBR_STRONG},                {"U.K", ABBR_STRONG},
    {"Co", ABBR_STRONG},
    /* weak: also the last word of many sentences ("for 30 min. The") */
    {"No", ABBR_FOLD},                   {"Nos", ABBR_FOLD},
    {"Vol", ABBR_FOLD},                  {"resp", ABBR_FOLD},
    {"min", ABBR_FOLD},                  {"max", ABBR_FOLD},
    {"wt", ABBR_FOLD},                   {"sp", ABBR_WEAK},
    {"spp", ABBR_WEAK},                  {"var", ABBR_WEAK},
    {"etc", ABBR_FOLD},                  {"pp", ABBR_WEAK},
    {"p", ABBR_WEAK},                    {"Inc", ABBR_WEAK},
    {"Ltd", ABBR_WEAK},                  {"Corp", ABBR_WEAK},
    {"Jr", ABBR_WEAK},                   {"Jan", ABBR_WEAK},
    {"Feb", ABBR_WEAK},                  {"Mar", ABBR_WEAK},
    {"Apr", ABBR_WEAK},                  {"Jun", ABBR_WEAK},
    {"Jul", ABBR_WEAK},                  {"Aug", ABBR_WEAK},
    {"Sep", ABBR_WEAK},                  {"Sept", ABBR_WEAK},
    {"Oct", ABBR_WEAK},                  {"Nov", ABBR_WEAK},
    {"Dec", ABBR_WEAK},
};

/* Words of structured-abstract labels ("MATERIALS AND METHODS", "Results"). */
static const char *const LABEL_WORDS[] = {
    "background", "introduction", "context", "objective", "objectives", "aim", "aims",
    "purpose", "goal", "goals", "hypothesis", "rationale", "importance", "design",
    "study", "setting", "settings", "participants", "patients", "patient", "subjects",
    "materials", "material", "methods", "method", "methodology", "interventions",
    "intervention", "measurements", "measures", "main", "outcome", "outcomes",
    "results", "result", "findings", "observations", "discussion", "conclusion",
    "conclusions", "interpretation", "implications", "significance", "relevance",
    "limitations", "summary", "case", "report", "presentation", "experimental",
    "search", "strategy", "selection", "criteria", "data", "sources", "collection",
    "extraction", "analysis", "synthesis", "trial", "registration", "availability",
    "evidence", "clinical", "review", "research", "authors", "unassigned",
};
/* May join label words ("PATIENTS AND METHODS") but not begin a label. */
static const char *const LABEL_JOINERS[] = {"and", "of", "or"};

#define COUNT(a) (sizeof(a) / sizeof *(a))

typedef struct {
    const char *s;
    size_t len;
    size_t start; /* first byte of the current sentence (never white space) */
    thx_sentences *out;
    thx_section sec;
    size_t cuts; /* sentences cut at THX_SENTENCE_MAX */
    bool lowercased; /* the section has no capital letter (lowercased_text) */
} splitter;

static bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(unsigned char c) { return is_ascii_alnum(c) && !is_digit(c); }
static bool is_term(unsigned char c) { return c == '.' || c == '?' || c == '!'; }

static size_t skip_space(const char *s, size_t i, size_t len)
{
    while (i < len && is_space((unsigned char)s[i]))
        i++;
    return i;
}

/* True when w[0, n) spells word, ignoring ASCII case when fold is set. */
static bool same_word(const char *word, const char *w, size_t n, bool fold)
{
    size_t i = 0;
    for (; i < n && word[i]; i++) {
        unsigned char a = (unsigned char)word[i], b = (unsigned char)w[i];
        if (fold ? ascii_lower(a) != ascii_lower(b) : a != b)
            return false;
    }
    return i == n && !word[i];
}

static bool word_in(const char *const *list, size_t count, const char *w, size_t n)
{
    for (size_t k = 0; k < count; k++)
        if (same_word(list[k], w, n, true))
            return true;
    return false;
}

/* The code point at s[i] (U+FFFD when malformed or cut off); *n gets its length. */
static uint32_t utf8_at(const char *s, size_t i, size_t len, size_t *n)
{
    const unsigned char *p = (const unsigned char *)s + i;
    size_t k = p[0] < 0x80   ? 1
               : p[0] >= 0xF8 ? 0
               : p[0] >= 0xF0 ? 4
               : p[0] >= 0xE0 ? 3
               : p[0] >= 0xC0 ? 2
                              : 0;
    *n = 1;
    if (k == 1)
        return p[0];
    if (k == 0 || k > len - i)
        return 0xFFFD;
    uint32_t cp = p[0] & (0x7Fu >> k);
    for (size_t j = 1; j < k; j++)
        cp = (cp << 6) | (p[j] & 0x3Fu);
    *n = k;
    return cp;
}

/* ------------------------------------------------------------ around a full stop */

/* Closing brackets and quotes written right after a full stop stay with the sentence:
 * ) ] " ' ’ ” ». Returns the index after them. */
static size_t skip_closers(const char *s, size_t i, size_t len)
{
    while (i < len) {
        size_t n;
        uint32_t cp = utf8_at(s, i, len, &n);
        if (!(cp == ')' || cp == ']' || cp == '"' || cp == '\'' || cp == 0x2019 ||
              cp == 0x201D || cp == 0xBB))
            break;
        i += n;
    }
    return i;
}

/* True when the word at s[i] starts in lower case but holds a capital or a digit: a
 * gene or molecule symbol ("mRNA", "p53", "miR-21", "pH"), which may begin a sentence. */
static bool is_lower_symbol(const char *s, size_t i, size_t len)
{
    size_t j = i;
    while (j < len && s[j] >= 'a' && s[j] <= 'z')
        j++;
    return j > i && j < len && is_ascii_alnum((unsigned char)s[j]);
}

/* True when a sentence can begin at s[i]: a capital, a digit, an opening bracket or
 * quote, a lower-case symbol, or a non-ASCII letter (not a sign such as ± × ≥ or a
 * closing quote). */
static bool opens_sentence(const char *s, size_t i, size_t len)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
        return is_upper(c) || is_digit(c) || c == '(' || c == '[' || c == '"' ||
               c == '\'' || is_lower_symbol(s, i, len);
    size_t n;
    uint32_t cp = utf8_at(s, i, len, &n);
    if (cp == 0x2018 || cp == 0x201C || cp == 0xAB) /* ‘ “ « */
        return true;
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD) /* Latin-1 signs, × ÷ */
        return false;
    return !(cp >= 0x2000 && cp <= 0x2BFF); /* punctuation, maths, arrows, shapes */
}

/* Where the next sentence begins if one ends at e: past white space, at a byte that
 * opens a sentence (in lowercased text, also a lowercase letter). 0 (never such a
 * place) when no sentence can end at e. */
static size_t next_sentence_at(const char *s, size_t e, size_t len, bool lowercased)
{
    if (e >= len || !is_space((unsigned char)s[e]))
        return 0;
    size_t n = skip_space(s, e, len);
    return n < len && (opens_sentence(s, n, len) || (lowercased && s[n] >= 'a' && s[n] <= 'z'))
               ? n
               : 0;
}

/* Text that has lost its case (the Rosario & Hearst sets): a lowercase letter and no
 * capital. There a lowercase word after a full stop opens the next sentence. */
static bool lowercased_text(const char *s, size_t len)
{
    bool letter = false;
    for (size_t i = 0; i < len; i++) {
        if (is_upper((unsigned char)s[i]))
            return false;
        letter |= s[i] >= 'a' && s[i] <= 'z';
    }
    return letter;
}

/* When the newline at s[i] is followed by a line of only white space (a paragraph
 * break), the index of the next non-space byte (or len); else 0. */
static size_t paragraph_break(const char *s, size_t i, size_t len)
{
    size_t j = i + 1;
    while (j < len && s[j] != '\n' && is_space((unsigned char)s[j]))
        j++;
    return j < len && s[j] == '\n' ? skip_space(s, j, len) : 0;
}

/* Index of the bracket that closes the one at s[i], or 0 when it is not closed within
 * BRACKET_SPAN bytes or before a paragraph break: a stray bracket, to be ignored.
 * ( and [ nest together, so that an interval "[0.5, 1)" is closed too. */
static size_t closing_bracket(const char *s, size_t i, size_t len)
{
    size_t end = len - i > BRACKET_SPAN ? i + BRACKET_SPAN : len, depth = 0;
    for (size_t j = i; j < end; j++) {
        if (s[j] == '(' || s[j] == '[')
            depth++;
        else if ((s[j] == ')' || s[j] == ']') && --depth == 0)
            return j;
        else if (s[j] == '\n' && paragraph_break(s, j, len))
            return 0;
    }
    return 0;
}

/* ------------------------------------------------------------ section labels */

typedef enum { LABEL_ALONE, LABEL_INLINE } label_kind;

/* True when s[a, b) reads as a section label: words of letters separated by white
 * space or / & , - within LABEL_MAX bytes. A label standing alone may be any words in
 * capitals (three letters or more) or LABEL_WORDS in any case ("Results"); one met
 * inside running text must be both, so that "HCC: hepatocellular ..." is none. */
static bool is_label(const char *s, size_t a, size_t b, label_kind kind)
{
    if (b <= a || b - a > LABEL_MAX)
        return false;
    size_t letters = 0;
    bool caps = true, known = true;
    for (size_t i = a; i < b;) {
        unsigned char c = (unsigned char)s[i];
        if (!is_alpha(c)) {
            if (!is_space(c) && c != '/' && c != '&' && c != ',' && c != '-' && c != '\'')
                return false;
            i++;
            continue;
        }
        size_t w = i;
        while (i < b && is_alpha((unsigned char)s[i]))
            caps &= is_upper((unsigned char)s[i++]);
        size_t n = i - w;
        known &= word_in(LABEL_WORDS, COUNT(LABEL_WORDS), s + w, n) ||
                 (letters > 0 && word_in(LABEL_JOINERS, COUNT(LABEL_JOINERS), s + w, n));
        letters += n;
    }
    if (kind == LABEL_INLINE)
        return caps && known && letters > 0;
    return (caps && letters >= 3) || (known && letters > 0);
}

/* True when the sentence so far, s[start, p), is only a section label ("BACKGROUND",
 * "Results", "AIMS:") or a list number ("2"): it stays with the sentence after it. */
static bool only_label_so_far(const splitter *sp, size_t p)
{
    const char *s = sp->s;
    size_t a = sp->start, b = p;
    while (b > a && is_space((unsigned char)s[b - 1]))
        b--;
    if (b > a && s[b - 1] == ':')
        b--;
    if (b > a && b - a <= 2 && is_digit((unsigned char)s[a]) &&
        is_digit((unsigned char)s[b - 1]))
        return true;
    return is_label(s, a, b, LABEL_ALONE);
}

/* ------------------------------------------------------------ abbreviations, initials */

/* Start of the word before the full stop at s[p]: letters and inner periods ("e.g",
 * "al", "B.J"), at most ABBR_MAX bytes, standing on its own. p when there is none
 * (the stop follows a digit, a bracket, a longer word, "5min"). */
static size_t word_before(const char *s, size_t p)
{
    size_t t = p;
    while (t > 0 && p - t <= ABBR_MAX &&
           (is_alpha((unsigned char)s[t - 1]) || s[t - 1] == '.'))
        t--;
    if (t == p || p - t > ABBR_MAX || s[t] == '.' ||
        (t > 0 && is_ascii_alnum((unsigned char)s[t - 1])))
        return p;
    return t;
}

static const abbr *find_abbr(const char *w, size_t n)
{
    for (size_t k = 0; k < COUNT(ABBREVIATIONS); k++)
        if (same_word(ABBREVIATIONS[k].word, w, n, ABBREVIATIONS[k].flags & ABBR_FOLD))
            return &ABBREVIATIONS[k];
    return NULL;
}

/* True when the word at s[n] is a number, a registry number or a bracket ("5",
 * "NCT01856179", "(n = 6)"): after a weak abbreviation it continues the sentence
 * ("No. 5", "Dec. 30", "b.i.d. (n = 6)"). */
static bool number_follows(const char *s, size_t n, size_t len)
{
    if (is_digit((unsigned char)s[n]) || s[n] == '(' || s[n] == '[')
        return true;
    size_t i = n;
    while (i < len && is_alpha((unsigned char)s[i]))
        i++;
    size_t d = i;
    while (i < len && is_digit((unsigned char)s[i]))
        i++;
    return i - d >= 4;
}

/* True when s[t, p) is a capital or dotted capitals ("J", "B.J", "U.S"). */
static bool is_initials(const char *s, size_t t, size_t p)
{
    for (size_t i = t; i < p; i += 2)
        if (!is_upper((unsigned char)s[i]) || (i + 1 < p && s[i + 1] != '.'))
            return false;
    return (p - t) % 2 == 1;
}

/* True when the initials at s[t, p) belong to a person's name: at the start of the
 * sentence or of a bracket, after "by", or beside another initial ("A. B. Jones").
 * After any other word a capital is mostly a name of its own that ends the sentence
 * ("vitamin A. The", "groups A and B. Group A ..."). n is where the next word begins. */
static bool initials_of_name(const splitter *sp, size_t t, size_t n)
{
    const char *s = sp->s;
    if (t == sp->start || s[t - 1] == '(' || s[t - 1] == '[')
        return true;
    if (t >= 3 && is_space((unsigned char)s[t - 1]) &&
        (t == 3 || !is_alpha((unsigned char)s[t - 4]))) {
        if (s[t - 2] == '.' && is_upper((unsigned char)s[t - 3]))
            return true;
        if (ascii_lower((unsigned char)s[t - 3]) == 'b' && s[t - 2] == 'y')
            return true;
    }
    return is_upper((unsigned char)s[n]) && n + 1 < sp->len && s[n + 1] == '.';
}

/* Whether the full stop at s[p] ends the sentence, given that white space follows and
 * the word at s[n] could open the next one. */
static bool full_stop_ends(const splitter *sp, size_t p, size_t n)
{
    const char *s = sp->s;
    /* "P < 0. 05", "Z = 6. 97": a decimal point followed by a stray space */
    if (p > 0 && is_digit((unsigned char)s[p - 1]) && n == p + 2 &&
        is_digit((unsigned char)s[n]))
        return false;
    size_t t = word_before(s, p);
    if (t == p)
        return true;
    /* after an abbreviation a lower-case symbol continues the sentence ("i.m. tPA") */
    bool symbol = s[n] >= 'a' && s[n] <= 'z';
    const abbr *a = find_abbr(s + t, p - t);
    if (a)
        return !(a->flags & ABBR_STRONG) && !symbol && !number_follows(s, n, sp->len);
    if (is_initials(s, t, p))
        return !symbol && !initials_of_name(sp, t, n);
    if (memchr(s + t, '.', p - t)) /* i.v., a.m., Ph.D.: weak */
        return !symbol && !number_follows(s, n, sp->len);
    return true;
}

/* ------------------------------------------------------------ the pass */

/* ------------------------------------------------------------ length bound */

/* The byte index after THX_SENTENCE_MAX code points from s[a], or end when s[a, end)
 * holds no more. */
static size_t limit_at(const char *s, size_t a, size_t end)
{
    size_t cp = 0, i = a;
    for (; i < end; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && cp++ == THX_SENTENCE_MAX)
            return i;
    return end;
}

/* Where to cut a sentence that starts at a and reaches the limit at lim: after the last
 * white space within CUT_BACK bytes before lim, else after the last ASCII punctuation
 * mark there (a list "a,b,c,..."), else at lim, which is between two code points. */
static size_t cut_point(const char *s, size_t a, size_t lim)
{
    size_t floor = lim - a > CUT_BACK ? lim - CUT_BACK : a + 1;
    for (size_t w = lim; w > floor; w--)
        if (is_space((unsigned char)s[w - 1]))
            return w;
    for (size_t w = lim; w > floor; w--) {
        unsigned char c = (unsigned char)s[w - 1];
        if (c < 0x80 && c > ' ' && !is_ascii_alnum(c))
            return w;
    }
    return lim;
}

static int push(splitter *sp, size_t a, size_t b)
{
    if (VEC_PUSH_SLOT(sp->out))
        return THX_ENOMEM;
    sp->out->items[sp->out->len++] = (thx_sentence){sp->sec, a, b};
    return 0;
}

/* Appends s[start, end) without its trailing white space (nothing when empty), cut
 * into pieces of at most THX_SENTENCE_MAX code points, and moves start to the first
 * non-space byte after end. */
static int emit(splitter *sp, size_t end)
{
    size_t b = end;
    while (b > sp->start && is_space((unsigned char)sp->s[b - 1]))
        b--;
    /* bytes bound code points: only a sentence of more bytes than the limit can be over */
    while (b - sp->start > THX_SENTENCE_MAX) {
        size_t lim = limit_at(sp->s, sp->start, b);
        if (lim == b)
            break;
        size_t c = cut_point(sp->s, sp->start, lim), e = c;
        while (e > sp->start && is_space((unsigned char)sp->s[e - 1]))
            e--;
        if (push(sp, sp->start, e))
            return THX_ENOMEM;
        sp->cuts++;
        sp->start = skip_space(sp->s, c, b);
    }
    if (b > sp->start && push(sp, sp->start, b))
        return THX_ENOMEM;
    sp->start = skip_space(sp->s, end, sp->len);
    return 0;
}

/* At a run of . ? ! beginning at i. */
static int at_terminator(splitter *sp, size_t i, size_t *next)
{
    const char *s = sp->s;
    size_t e = i;
    while (e < sp->len && is_term((unsigned char)s[e]))
        e++;
    e = skip_closers(s, e, sp->len);
    *next = e;
    size_t n = next_sentence_at(s, e, sp->len, sp->lowercased);
    if (!n || only_label_so_far(sp, i) || (s[i] == '.' && !full_stop_ends(sp, i, n)))
        return 0;
    int rc = emit(sp, e);
    *next = sp->start;
    return rc;
}

/* At ( or [: nothing inside a closed bracket ends the sentence, so the pass jumps over
 * it; a group that ends in a full stop may end it ("(See below.) Next"). */
static int at_bracket(splitter *sp, size_t i, size_t *next)
{
    size_t j = closing_bracket(sp->s, i, sp->len);
    *next = j ? j + 1 : i + 1;
    if (!j || !is_term((unsigned char)sp->s[j - 1]))
        return 0;
    size_t e = skip_closers(sp->s, j + 1, sp->len);
    size_t n = next_sentence_at(sp->s, e, sp->len, sp->lowercased);
    if (!n || (sp->s[j - 1] == '.' && !full_stop_ends(sp, j - 1, n))) /* "(s.d.) 25" */
        return 0;
    int rc = emit(sp, e);
    *next = sp->start;
    return rc;
}

/* At a newline: a paragraph break ends the sentence unless that is a lone label. */
static int at_newline(splitter *sp, size_t i, size_t *next)
{
    if (!paragraph_break(sp->s, i, sp->len) || only_label_so_far(sp, i))
        return 0;
    int rc = emit(sp, i);
    *next = sp->start;
    return rc;
}

/* At a capital after white space inside a sentence: a section label such as
 * "RESULTS:" begins a sentence even when the text before it lacks a full stop. */
static int at_capital(splitter *sp, size_t i, size_t *next)
{
    const char *s = sp->s;
    if (i + 1 >= sp->len || !is_upper((unsigned char)s[i + 1]))
        return 0;
    /* the label begins at the first of its words ("MATERIALS AND METHODS:") */
    unsigned char before = i >= 2 ? (unsigned char)s[i - 2] : ' ';
    if (is_upper(before) || before == '/' || before == '&' || before == ',' ||
        before == '-' || before == '\'')
        return 0;
    size_t c = i;
    while (c < sp->len && c - i <= LABEL_MAX &&
           (is_upper((unsigned char)s[c]) || s[c] == ' ' || s[c] == '/' || s[c] == '&' ||
            s[c] == ',' || s[c] == '-' || s[c] == '\''))
        c++;
    if (c >= sp->len || s[c] != ':' || !is_label(s, i, c, LABEL_INLINE))
        return 0;
    int rc = emit(sp, i);
    *next = sp->start;
    return rc;
}

int split_sentences_counted(thx_sentences *out, const char *text, size_t len, thx_section sec,
                            size_t *cuts)
{
    if (!out || (!text && len))
        return THX_EINPUT;
    splitter sp = {text, len, skip_space(text, 0, len), out, sec, 0,
                   lowercased_text(text, len)};
    for (size_t i = sp.start; i < len;) {
        size_t next = i + 1;
        int rc = 0;
        switch (text[i]) {
        case '.':
        case '?':
        case '!':
            rc = at_terminator(&sp, i, &next);
            break;
        case '(':
        case '[':
            rc = at_bracket(&sp, i, &next);
            break;
        case '\n':
            rc = at_newline(&sp, i, &next);
            break;
        default:
            if (i > sp.start && is_upper((unsigned char)text[i]) &&
                is_space((unsigned char)text[i - 1]))
                rc = at_capital(&sp, i, &next);
        }
        if (rc)
            return rc;
        i = next;
    }
    int rc = emit(&sp, len);
    if (cuts)
        *cuts = sp.cuts;
    return rc;
}

int thx_split_sentences(thx_sentences *out, const char *text, size_t len, thx_section sec)
{
    return split_sentences_counted(out, text, len, sec, NULL);
}

void thx_sentences_free(thx_sentences *s)
{
    if (!s)
        return;
    free(s->items);
    s->items = NULL;
    s->len = s->cap = 0;
}
