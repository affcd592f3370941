/*
 * Fuzz harness: the MEDLINE tagged-format reader (input/reader_medline.c) through
 * thx_read_buffer with the format named, as `--input-format medline` does. Checks what
 * fuzz_read checks (fuzz.h).
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    thx_docs docs;
    thx_docs_init(&docs);
    fuzz_read(&docs, (const char *)data, size, "fuzz.nbib", THX_FMT_MEDLINE);
    thx_docs_free(&docs);
    return 0;
}
