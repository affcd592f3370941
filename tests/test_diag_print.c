/*
 * How diagnostics are printed (util/diag.c): `path:line:col: severity: message`, then the
 * source line and a caret under the column, counted in code points, tabs kept. A line
 * longer than the window (a JSON line of megabytes) is shown as a window around the
 * column with "..." where it was cut, the caret still under the right character.
 */
#include "support.h"
#include "therex.h"
#include "util/util.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static thx_docs docs;
static thx_diags diags;

static void setup(void)
{
    thx_docs_init(&docs);
    thx_diags_init(&diags);
}

static void teardown(void)
{
    thx_docs_free(&docs);
    thx_diags_free(&diags);
}

TestSuite(diag_print, .init = setup, .fini = teardown);

/* The diagnostics as the CLI prints them; caller frees. */
static char *printed_diags(void)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    thx_diags_print(&diags, f);
    fclose(f);
    return buf;
}

/* The source line and caret lines of the printed diagnostics (after the first line). */
static void printed_lines(char **shown, char **caret)
{
    char *out = printed_diags();
    size_t a = strcspn(out, "\n") + 1;
    size_t b = a + strcspn(out + a, "\n") + 1;
    size_t c = b + strcspn(out + b, "\n") + 1;
    cr_assert_eq(strlen(out), c, "three lines: %s", out);
    *shown = xstrndup(out + a, b - a - 1);
    *caret = xstrndup(out + b, c - b - 1);
    free(out);
}

/* The code point of `shown` above the caret. */
static const char *above_caret(const char *shown, const char *caret)
{
    const char *hat = strchr(caret, '^');
    cr_assert_not_null(hat);
    size_t col = (size_t)(hat - caret);
    for (size_t i = 0; i < col; i++) {
        cr_assert(*shown, "caret past the shown line");
        shown += utf8_seq(shown, strlen(shown));
    }
    return shown;
}

Test(diag_print, a_huge_bad_line_is_shown_as_a_window_around_the_column)
{
    size_t n = 10u << 20;
    strbuf b;
    sb_init(&b);
    sb_puts(&b, "{\"id\": \"x\", \"abstract\": \"");
    for (size_t i = 0; i < n / 2; i++)
        sb_puts(&b, i % 2 ? "\xCE\xB1" : "a");
    sb_puts(&b, "\" \"title\": \"\xCE\xB2\"}\n");
    cr_assert_eq(thx_read_buffer(&docs, b.ptr, b.len, "h.jsonl", THX_FMT_AUTO, &diags),
                 THX_EINPUT);
    cr_assert_eq(diags.len, 1);
    char *out = printed_diags();
    cr_assert_lt(strlen(out), 700, "%zu bytes printed", strlen(out));
    free(out);
    char *shown, *caret;
    printed_lines(&shown, &caret);
    cr_assert(strncmp(shown, "  ...", 5) == 0, "%s", shown);
    cr_assert(strstr(shown, "\"title\": \"\xCE\xB2\"}") != NULL, "the end of the line is shown");
    cr_assert_leq(utf8_count(shown, strlen(shown)), 2 + 3 + 120);
    /* jansson points at the end of the unexpected token: "title" */
    cr_assert(strncmp(above_caret(shown, caret), "\": \"", 4) == 0, "caret under %s",
              above_caret(shown, caret));
    free(shown);
    free(caret);
    sb_free(&b);
}

Test(diag_print, a_window_in_the_middle_of_a_long_line_has_dots_on_both_sides)
{
    strbuf line;
    sb_init(&line);
    for (int i = 0; i < 1000; i++)
        sb_puts(&line, i == 500 ? "X" : "\xC3\xA9");
    thx_diags_add(&diags, THX_SEV_ERROR, "p", 3, 501, line.ptr, "here");
    char *shown, *caret;
    printed_lines(&shown, &caret);
    size_t len = strlen(shown);
    cr_assert(strncmp(shown, "  ...", 5) == 0 && strcmp(shown + len - 3, "...") == 0, "%s",
              shown);
    cr_assert_eq(utf8_count(shown, len), 2 + 3 + 120 + 3);
    cr_assert_eq(*above_caret(shown, caret), 'X');
    free(shown);
    free(caret);
    sb_free(&line);
}

Test(diag_print, the_caret_counts_code_points_and_keeps_tabs)
{
    thx_diags_add(&diags, THX_SEV_ERROR, "p", 1, 4, "\xC3\xA9\t\xCE\xB1X", "here");
    char *out = printed_diags();
    cr_assert_str_eq(out, "p:1:4: error: here\n  \xC3\xA9\t\xCE\xB1X\n   \t ^\n");
    free(out);
    /* a column past the end puts the caret just after the line */
    thx_diags_free(&diags);
    thx_diags_add(&diags, THX_SEV_ERROR, "p", 1, 99, "ab", "here");
    out = printed_diags();
    cr_assert_str_eq(out, "p:1:99: error: here\n  ab\n    ^\n");
    free(out);
}
