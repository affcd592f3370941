/*
 * A pattern's core (rules_pattern_core, rule_core.c): the run of its regex without
 * look-arounds that holds two parts every match fills, searched before the whole regex.
 * What run is taken, when there is none, and that wherever a regex matches its core
 * matches too, on the masked text of a real sentence (pubmed-10k) and the regexes of
 * patterns as the compiler writes them.
 */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"

Test(core, takes_the_run_between_its_first_and_last_anchor)
{
    const char *cases[][2] = {
        /* "(in|among) (the|both)? {therapy}" after an open phrase's look-ahead */
        {"(?!\\s*x)\\s*(?:\\bin\\b|\\bamong\\b)\\s*(?:\\bthe\\b|\\bboth\\b)?\\s*(?<thx_t>\\x01T\\d+\\x02)\\s*(?=y)",
         "(?:\\bin\\b|\\bamong\\b)\\s*(?:\\bthe\\b|\\bboth\\b)?\\s*(?<thx_t>\\x01T\\d+\\x02)"},
        /* a gap fills nothing of its own: no anchor, but inside the run it stays */
        {"(?:(?:[^\\s\\x01]++|\\x01[EC]\\d+\\x02)\\s*+){0,5}?\\s*\\bin\\b\\s*(?:(?:[^\\s\\x01]++)\\s*){0,3}?\\s*\\x01C\\d+\\x02",
         "\\bin\\b\\s*(?:(?:[^\\s\\x01]++)\\s*){0,3}?\\s*\\x01C\\d+\\x02"},
        /* the run with more anchors wins */
        {"\\bof\\b\\s*\\bthe\\b(?=z)\\bwas\\b\\s*\\bgiven\\b\\s*\\bto\\b", "\\bwas\\b\\s*\\bgiven\\b\\s*\\bto\\b"},
        /* one anchor alone is no core: the gate has seen its word already */
        {"(?=abc)\\s*\\breduced\\b(?!x)", NULL},
        /* runs of one anchor apart, joined by a gap that takes whatever the parts between
         * them took ("$NOTARM {therapy+} $OGAP [(reduced)]") */
        {"(?<thx_t>\\x01T\\d+\\x02)\\s*(?=abc)\\s*\\breduced\\b",
         "(?<thx_t>\\x01T\\d+\\x02)(?s:.*?)\\breduced\\b"},
        /* a group whose every match starts with a cheap run lends it (a mention list:
         * "{therapy+}"), without its opening */
        {"(?=\\x01)(?<!versus )(?<thx_t>\\x01T\\d+\\x02(?:\\s*(?!x),\\s*\\x01T\\d+\\x02)*)(?!y)\\s*\\breduced\\b(?=z)\\s*\\bpain\\b",
         "\\x01T\\d+\\x02(?s:.*?)\\breduced\\b(?s:.*?)\\bpain\\b"},
        /* optional parts are no anchors */
        {"(?:\\bthe\\b)?\\s*(?:\\ba\\b)?\\s*\\bx\\b", NULL},
        /* whole regexes it cannot cut */
        {"\\bab\\b\\s*\\bcd\\b|\\bef\\b", NULL},                    /* a top-level alternative */
        {"(?i)\\bin\\b\\s*\\bthe\\b", NULL},                       /* options for what follows */
        /* a back reference reads a group elsewhere: no cheap part */
        {"\\bin\\b\\s*(a)\\1\\s*\\bthe\\b", "\\bin\\b\\s*(a)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *c = rules_pattern_core(cases[i][0]);
        if (cases[i][1])
            cr_expect(c && !strcmp(c, cases[i][1]), "%s: core '%s'", cases[i][0], c ? c : "(none)");
        else
            cr_expect_null(c, "%s: core '%s'", cases[i][0], c);
        free(c);
    }
}

/* Wherever a regex matches, its core matches at the same place: the core is a run of
 * the regex's parts, and the parts around it only look at the same text. */
Test(core, matches_wherever_the_regex_matches)
{
    /* "... the lower dose of <T> reduced pain in the <T> group" with mentions masked as the
     * matcher masks them (pubmed-10k style) */
    const char *text = "Pain scores were lower in the \x01T0\x02 group, and \x01T1\x02 reduced "
                       "the incidence of \x01" "C2\x02 among the \x01T3\x02 recipients.";
    const char *res[] = {
        "(?![0-9])\\s*(?:\\bin\\b|\\bamong\\b)\\s*(?:\\bthe\\b|\\bboth\\b)?\\s*(?<thx_t>\\x01T\\d+\\x02)\\s*(?:\\bgroup\\b|\\brecipients\\b)",
        "(?<thx_t>\\x01T\\d+\\x02)\\s*(?=\\s*reduced)\\s*\\breduced\\b\\s*(?:\\bthe\\b)?\\s*\\bincidence\\b\\s*\\bof\\b\\s*(?<thx_c>\\x01C\\d+\\x02)",
        /* runs apart, a lead among them: "$NOTARM {therapy+} $OGAP [(reduced)] ... {condition}" */
        "(?=\\x01)(?<!versus )(?<thx_t>\\x01T\\d+\\x02(?:\\s*(?!x),\\s*\\x01T\\d+\\x02)*)(?:(?!but\\b)\\S+\\s*){0,3}?\\s*\\breduced\\b(?=\\s)\\s*(?:\\S+\\s*){0,3}?(?<thx_c>\\x01C\\d+\\x02)",
    };
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    size_t n = strlen(text);
    for (size_t i = 0; i < sizeof res / sizeof *res; i++) {
        char *core = rules_pattern_core(res[i]);
        cr_assert_not_null(core, "%s", res[i]);
        int err;
        PCRE2_SIZE off;
        pcre2_code *a = pcre2_compile((PCRE2_SPTR)res[i], PCRE2_ZERO_TERMINATED,
                                      PCRE2_CASELESS | PCRE2_DUPNAMES, &err, &off, NULL);
        pcre2_code *b = pcre2_compile((PCRE2_SPTR)core, PCRE2_ZERO_TERMINATED,
                                      PCRE2_CASELESS | PCRE2_DUPNAMES, &err, &off, NULL);
        cr_assert(a && b, "%s -> %s", res[i], core);
        size_t matches = 0;
        for (PCRE2_SIZE at = 0; at < n; at++) {
            if (pcre2_match(a, (PCRE2_SPTR)text, n, at, PCRE2_ANCHORED, md, NULL) < 0)
                continue;
            matches++;
            PCRE2_SIZE end = pcre2_get_ovector_pointer(md)[1];
            /* the core matches inside the match */
            cr_expect_geq(pcre2_match(b, (PCRE2_SPTR)text, end, at, 0, md, NULL), 1,
                          "%s: no core '%s' in the match at %zu", res[i], core, at);
        }
        cr_expect_gt(matches, 0, "%s matches somewhere", res[i]);
        pcre2_code_free(a);
        pcre2_code_free(b);
        free(core);
    }
    pcre2_match_data_free(md);
}
