/*
 * Fuzz harness: the PubMed XML reader (input/reader_xml.c, libxml2's SAX2 push parser)
 * through thx_read_buffer with the format named, as `--input-format xml` does. Checks
 * what fuzz_read checks (fuzz.h); a file of only DeleteCitation elements may give no
 * document without an error.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    thx_docs docs;
    thx_docs_init(&docs);
    fuzz_read(&docs, (const char *)data, size, "fuzz.xml", THX_FMT_PUBMED_XML);
    thx_docs_free(&docs);
    return 0;
}
