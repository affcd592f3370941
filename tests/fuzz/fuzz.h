/*
 * What every fuzz harness of tests/fuzz shares. A harness is one C file that defines the
 * two libFuzzer entry points below; it is linked either with libFuzzer (fuzz_<name>,
 * clang, -DTHEREX_FUZZ=ON) or with replay.c (replay_<name>, any compiler), which feeds
 * it the files of its seed corpus and of tests/fuzz/regressions/<name>/ once each.
 *
 * A harness checks what must hold for any input (the library's promises in therex.h)
 * with FUZZ_CHECK, which aborts: libFuzzer saves the input as a crash, replay fails.
 * It frees everything it made, so LeakSanitizer sees every leak of the library.
 */
#ifndef THX_FUZZ_H
#define THX_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Optional, as in libFuzzer: a harness that needs set-up (the rule pack) defines it. */
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                                  \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                      \
        }                                                                                 \
    } while (0)

/* common.c: checks shared by the harnesses. */
#include "therex.h"

/* Every document from docs->items[from] on: id, source and both sections present, and
 * every string well-formed UTF-8 (the readers promise it; the writer relies on it). */
void fuzz_check_docs(const thx_docs *docs, size_t from);
/* Every diagnostic has a path and a message; line and col are not negative. Each is
 * printed (to /dev/null) as the CLI prints it, caret line included. */
void fuzz_check_diags(const thx_diags *diags);
/* The sentences of text[0..len) (one section): in order, not overlapping, inside the
 * text, trimmed, and nothing but white space outside them; well-formed UTF-8 when the
 * text is. */
void fuzz_check_sentences(const thx_sentences *s, const char *text, size_t len,
                          thx_section sec);
/* Reads buf[0..len) with thx_read_buffer into docs and checks the result: the return
 * code agrees with the diagnostics (an error is reported iff THX_EINPUT), the documents
 * as fuzz_check_docs, the diagnostics as fuzz_check_diags. Returns the return code. */
int fuzz_read(thx_docs *docs, const char *buf, size_t len, const char *source,
              thx_format fmt);
/* True when s[0..n) is well-formed UTF-8. */
int fuzz_utf8_ok(const char *s, size_t n);

#endif
