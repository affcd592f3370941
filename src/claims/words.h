/*
 * Reading a sentence word by word backwards, for the guards that look at the few words
 * before a mention (background.c, setting.c). Internal to claims/.
 */
#ifndef THX_WORDS_H
#define THX_WORDS_H

#include <stdbool.h>
#include <stddef.h>

/* A byte of a word: letters, digits, '-', '/', '\'', '+' and any non-ASCII byte. */
bool words_char(char c);

/* The word that ends at or before *pos (spaces skipped): its start in *ws, its end in
 * *we; false at punctuation other than a parenthesis or at the sentence's start. A
 * parenthesis counts as one word: "interferon (IFN) to". */
bool words_prev(const char *s, size_t pos, size_t *ws, size_t *we);

/* s[ws..we) is the word w (any case). */
bool words_is(const char *s, size_t ws, size_t we, const char *w);

/* s[ws..we) is one of the words of list (NULL-terminated, any case). */
bool words_in(const char *s, size_t ws, size_t we, const char *const *list);

/* The word before s[ws..we) is w (spaces between). */
bool words_before_is(const char *s, size_t ws, const char *w);

/* Where the first phrase of list (NULL-terminated, any case) that ends right before
 * s[..to) (spaces skipped) starts, at a word start; (size_t)-1 when none ("compared
 * with" before a therapy, "is an" before a class). */
size_t words_phrase_before(const char *s, size_t to, const char *const *list);

/* Does s[0..n) hold phrase p (any case) as whole words? */
bool words_has(const char *s, size_t n, const char *p);

/* Does s[0..n) hold one of the phrases of list (NULL-terminated), as words_has? */
bool words_has_any(const char *s, size_t n, const char *const *list);

#endif
