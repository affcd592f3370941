/*
 * Fuzz harness: the sentence splitter (input/sentence.c), thx_split_sentences on the
 * raw bytes (any bytes: the splitter must stay inside the buffer it is given, which is
 * not NUL-terminated here), once as a title, then again as an abstract appended to the
 * same list. Checks what fuzz_check_sentences checks (fuzz.h), and that the second
 * call appends the same cuts.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    thx_sentences s = {0};
    FUZZ_CHECK(thx_split_sentences(&s, text, size, THX_SEC_TITLE) == 0);
    fuzz_check_sentences(&s, text, size, THX_SEC_TITLE);
    size_t n = s.len;
    FUZZ_CHECK(thx_split_sentences(&s, text, size, THX_SEC_ABSTRACT) == 0);
    FUZZ_CHECK(s.len == 2 * n);
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(s.items[n + i].section == THX_SEC_ABSTRACT);
        FUZZ_CHECK(s.items[n + i].start == s.items[i].start);
        FUZZ_CHECK(s.items[n + i].end == s.items[i].end);
    }
    thx_sentences_free(&s);
    return 0;
}
