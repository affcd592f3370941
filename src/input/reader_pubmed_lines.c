/*
 * PubMed "Abstract" text, passes 1 and 2: every line gets a kind (citation, bullet,
 * DOI/PMID line, known heading, ...), and runs of non-blank lines become paragraphs
 * whose kind is their first line's, refined: a lone line before a bullet list is a
 * heading; a short line followed by indented lines (`Comment in`) is a block of links.
 * Also the shape test for author lists. reader_pubmed_text.c assembles the records.
 * Owned by the corpus-readers module.
 */
#include "reader.h"

#include <string.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---------------------------------------------------------------- pass 1: lines */

bool pubmed_is_citation(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && reader_is_digit(s[i]))
        i++;
    if (i > 0 && !(i + 1 < n && s[i] == '.' && s[i + 1] == ' '))
        i = 0; /* not a record number: the journal may start with digits ("3 Biotech") */
    else if (i > 0)
        i += 2;
    if (i >= n || !is_ascii_alnum((unsigned char)s[i]))
        return false;
    const char *dot = memchr(s + i, '.', n - i); /* journal abbreviations have no '.' */
    if (!dot || dot - (s + i) > 120)
        return false;
    size_t y = (size_t)(dot - s) + 2; /* the year after ". " */
    if (y + 4 > n || dot[1] != ' ' || !reader_is_digit(s[y]) || !reader_is_digit(s[y + 1]) ||
        !reader_is_digit(s[y + 2]) || !reader_is_digit(s[y + 3]))
        return false;
    if (!((s[y] == '1' && s[y + 1] == '9') || (s[y] == '2' && s[y + 1] == '0')))
        return false;
    if (y + 4 < n && !strchr(" ;:.", s[y + 4]))
        return false;
    return memchr(s + y, ';', n - y) || memchr(s + y, ':', n - y);
}

static bool is_bullet(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] == ' ')
        i++;
    return reader_starts_with(s + i, n - i, "\xE2\x80\xA2"); /* U+2022 BULLET */
}

static const char *const list_headings[] = {
    "Publication types", "MeSH terms",          "Substances",
    "Grants and funding", "Supplementary concepts", "Associated data",
    "Related information", "LinkOut - more resources", "Similar articles",
    "Cited by",          "References",          "Full text links",
};

static const char *const skip_prefixes[] = {
    "Copyright", "\xC2\xA9", "Conflict of interest statement", "[Article in ",
    "Collaborators:", "Investigators:", "Publisher:", /* the abstract in another language */
    "Declaration of competing interest", "Declaration of Competing Interest",
};

static const char *const id_prefixes[] = {"DOI: ", "PMID: ", "PMCID: ", "NIHMSID: "};

static bool matches_any(const char *s, size_t n, const char *const *list, size_t nlist,
                        bool exact)
{
    for (size_t i = 0; i < nlist; i++)
        if (exact ? (n == strlen(list[i]) && memcmp(s, list[i], n) == 0)
                  : reader_starts_with(s, n, list[i]))
            return true;
    return false;
}

static pm_kind classify_line(const char *s, size_t n)
{
    size_t tn = n;
    const char *t = reader_trim(s, &tn);
    if (tn == 0)
        return K_BLANK;
    if (is_bullet(s, n))
        return K_BULLET;
    if (t != s) /* indented: continuation of a heading block */
        return K_TEXT;
    if (pubmed_is_citation(t, tn))
        return K_CITATION;
    if (reader_starts_with(t, tn, "Author information:"))
        return K_AUTHOR_INFO;
    if (reader_starts_with(t, tn, "Keywords:"))
        return K_KEYWORDS;
    if (matches_any(t, tn, id_prefixes, NELEM(id_prefixes), false))
        return K_IDS;
    if (matches_any(t, tn, skip_prefixes, NELEM(skip_prefixes), false))
        return K_SKIP;
    if (matches_any(t, tn, list_headings, NELEM(list_headings), true))
        return K_HEADING;
    return K_TEXT;
}

static int split_lines(pm_lines *lines, const char *buf, size_t len)
{
    const char *end = buf + len;
    for (const char *p = buf; p < end;) {
        size_t n = reader_line_len(p, end);
        if (VEC_PUSH_SLOT(lines))
            return THX_ENOMEM;
        lines->items[lines->len++] = (pm_line){p, n, classify_line(p, n)};
        p += n < (size_t)(end - p) ? n + 1 : n;
    }
    return 0;
}

/* ---------------------------------------------------------------- pass 2: paragraphs */

/* `Comment in` / `Erratum in` / `Update of` followed by indented lines. */
static bool is_links_block(const pm_lines *lines, const pm_para *p)
{
    const pm_line *head = &lines->items[p->first];
    if (p->count < 2 || head->n > 60 || memchr(head->s, '.', head->n))
        return false;
    for (size_t i = 1; i < p->count; i++)
        if (head[i].n == 0 || (head[i].s[0] != ' ' && head[i].s[0] != '\t'))
            return false;
    return true;
}

/* A new paragraph starts after a blank line, and at any identifier line. */
static int group_paragraphs(pm_paras *paras, const pm_lines *lines)
{
    for (size_t i = 0; i < lines->len; i++) {
        pm_kind k = lines->items[i].k;
        if (k == K_BLANK)
            continue;
        pm_para *last = paras->len ? &paras->items[paras->len - 1] : NULL;
        bool joins = last && last->first + last->count == i &&
                     (k == K_IDS) == (last->k == K_IDS);
        if (joins) {
            last->count++;
            continue;
        }
        if (VEC_PUSH_SLOT(paras))
            return THX_ENOMEM;
        paras->items[paras->len++] = (pm_para){i, 1, k};
    }
    for (size_t i = 0; i < paras->len; i++) {
        pm_para *p = &paras->items[i];
        if (p->k == K_TEXT && is_links_block(lines, p))
            p->k = K_LINKS;
        else if (p->k == K_TEXT && p->count == 1 && i + 1 < paras->len &&
                 paras->items[i + 1].k == K_BULLET)
            p->k = K_HEADING;
    }
    return 0;
}

/* ---------------------------------------------------------------- author lists */

/* `A`, `DQ`, `J-P`, `Ö`: capitals (any non-ASCII letter accepted) and hyphens. */
static bool is_initials(const char *w, size_t n)
{
    if (n == 0 || n > 8)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (!(c >= 'A' && c <= 'Z') && c != '-' && c < 0x80)
            return false;
    }
    return true;
}

static bool is_group_name(const char *s, size_t n)
{
    static const char *const words[] = {"Group", "Consortium", "Collaborat", "Investigators",
                                        "Committee", "Network", "Team", "Society"};
    for (size_t i = 0; i < NELEM(words); i++)
        for (size_t k = 0; k + strlen(words[i]) <= n; k++)
            if (memcmp(s + k, words[i], strlen(words[i])) == 0)
                return true;
    return false;
}

/* One name of an author list: `Rosengren AH(1)`, `Li DQ`, or a group name. */
static bool is_author_item(const char *s, size_t n)
{
    s = reader_trim(s, &n);
    if (n == 0 || memchr(s, '.', n) || memchr(s, ':', n))
        return false;
    if (is_group_name(s, n))
        return true;
    size_t words = 0;
    bool initials = false;
    for (size_t i = 0; i < n;) {
        size_t w = 0;
        while (i + w < n && s[i + w] != ' ' && s[i + w] != '(')
            w++;
        if (w > 5 && s[i] >= 'a' && s[i] <= 'z' && !memchr(s + i, '-', w))
            return false; /* a long lower-case word: prose, not a particle like "van" */
        initials |= words > 0 && is_initials(s + i, w);
        words += w > 0;
        i += w;
        while (i < n && s[i] != ' ')
            i++; /* the rest of a word, e.g. "(1)" */
        i++;
    }
    return words >= 2 && words <= 6 && initials;
}

/* `Gibbons A.` or `Selman C(1), Tullet JM, ..., Withers DJ.` */
bool pubmed_looks_like_authors(const char *s, size_t n)
{
    if (n == 0 || s[n - 1] != '.')
        return false;
    n--;
    while (n > 0) {
        size_t k = 0;
        int depth = 0; /* `Smith J(1,2)`: no split inside the parentheses */
        for (; k < n && (depth > 0 || (s[k] != ',' && s[k] != ';')); k++)
            depth += (s[k] == '(') - (s[k] == ')');
        if (!is_author_item(s, k))
            return false;
        s += k < n ? k + 1 : k;
        n -= k < n ? k + 1 : k;
    }
    return true;
}

/* ---------------------------------------------------------------- entry */

int pubmed_split(pm_lines *lines, pm_paras *paras, const char *buf, size_t len)
{
    int rc = split_lines(lines, buf, len);
    return rc ? rc : group_paragraphs(paras, lines);
}
