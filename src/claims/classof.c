/* A class named as what a therapy is: see classof.h. */
#include <string.h>
#include <strings.h>

#include "classof.h"
#include "words.h"

typedef struct {
    const match_ctx *m;
    const char *s;
} sentence;

static const char *const COPULA[] = {"is a", "is an", "was a", "was an", NULL};

static bool class_of(const candidate *c, const void *ctx)
{
    const sentence *x = ctx;
    int tm = c->mention[SLOT_THERAPY];
    if (tm == -1)
        return false;
    size_t at = words_phrase_before(x->s, c->span_start[SLOT_THERAPY], COPULA);
    if (at == (size_t)-1)
        return false;
    while (at > 0 && x->s[at - 1] == ' ')
        at--;
    const mention_vec *mv = &x->m->tags.mentions;
    for (size_t i = 0; i < mv->len; i++)
        if ((int)i != tm && mv->items[i].type == SLOT_THERAPY && mv->items[i].end == at)
            return true;
    return false;
}

void classof_drop(match_ctx *m, const char *s, size_t n)
{
    (void)n;
    sentence x = {m, s};
    cands_drop_if(&m->cands, class_of, &x);
}
