/*
 * Fuzz harness: the PubMed "Abstract" text reader (input/reader_pubmed_lines.c,
 * reader_pubmed_text.c) through thx_read_buffer with the format named, as `--input-format` does; the
 * whole-input checks of reader.c (empty, binary, UTF-8, BOM, CRLF) run first. Checks
 * what fuzz_read checks (fuzz.h).
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    thx_docs docs;
    thx_docs_init(&docs);
    fuzz_read(&docs, (const char *)data, size, "fuzz.txt", THX_FMT_PUBMED_TEXT);
    thx_docs_free(&docs);
    return 0;
}
