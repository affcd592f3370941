/*
 * Harm lists: a claim whose outcome its own sentence lists among the therapy's harms is
 * no therapy claim. The list follows a harm noun ("side effects", "adverse events",
 * "toxicities", ...) and a word that opens it ("Side effects attributable to mazindol
 * included decreased appetite (36%), dry mouth (10%) ...": no "mazindol reduces
 * appetite"), or the harm noun closes it ("the incidence of haematological, renal, hepatic
 * and gastrointestinal toxicities in tumour-bearing dogs receiving CCNU": no "CCNU studied
 * for blood dyscrasia"). A word of relief near the harm noun ("reduced adverse events,
 * including nausea", "protects against toxicities") keeps the claim. Internal to
 * claims/ (harm.c calls it); reads only.
 */
#ifndef THX_HARMLIST_H
#define THX_HARMLIST_H

#include <stdbool.h>

#include "therex.h"

/* True when t's condition (its effect, for an effect-only claim) is listed in its
 * sentence among the harms of a therapy (see above). */
bool harm_listed(const thx_triple *t);

/* The byte offset in the UTF-8 text s of its code point cp (or its end). */
size_t harm_byte_at(const char *s, size_t cp);

#endif
