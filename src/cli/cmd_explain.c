/*
 * therex explain [-r RULES] "SENTENCE" | --doc FILE: shows a rule author what the
 * extractor saw and decided, sentence by sentence: the lexicon mentions and cues found
 * (with cue scopes and the rule-file lines they come from), the masked sentence, each
 * rule tried (skipped by its gate, matched, or the pattern element where it stopped
 * matching), the conflict decisions, and the final triples with the rule of each.
 * Offsets are those of the JSON records (docs/output.md): code points from the start of
 * the section's text (title or abstract), end exclusive. --doc - reads standard input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims/claims.h"
#include "cli.h"
#include "util/util.h"

static const char *const type_names[SLOT_NTYPES] = {"therapy", "effect", "condition"};

/* The sentence being explained and the code points of its section before it: byte
 * offsets into the sentence are printed as the JSON records give them. */
static const char *cur_sentence;
static size_t cur_base;

static size_t cp(size_t byte_off)
{
    return cur_base + utf8_count(cur_sentence, byte_off);
}

static void print_masked(const char *masked, size_t n)
{
    fputs("  masked:    ", stdout);
    for (size_t i = 0; i < n; i++) {
        if (masked[i] == '\x01')
            fputs("<", stdout);
        else if (masked[i] == '\x02')
            fputs(">", stdout);
        else
            putchar(masked[i] == '\n' ? ' ' : masked[i]);
    }
    putchar('\n');
}

static void print_mentions(const thx_ruleset *rs, const match_ctx *m, const char *s)
{
    const mention_vec *mv = &m->tags.mentions;
    if (!mv->len)
        puts("  mentions:  none");
    for (size_t i = 0; i < mv->len; i++) {
        const mention *me = &mv->items[i];
        const lex_entry *e = &rs->lex.entries[me->entry];
        if (m->mention_at && m->mention_at[i] == SIZE_MAX)
            continue; /* folded into the mention before it: an abbreviation, a combination */
        char *combination = me->with >= 0 ? match_combination_name(&rs->lex, mv, me, s) : NULL;
        /* the id the triple carries: the entry's, or one taken from an entry of the same
         * span that lost the tie (lexicon_mention_id) */
        const char *id = combination ? NULL : lexicon_mention_id(&rs->lex, me);
        printf("  mention %zu: %-9s \"%.*s\" [%zu,%zu) -> %s%s%s%s  (%s:%d)\n", i,
               type_names[me->type], (int)(me->end - me->start), s + me->start, cp(me->start),
               cp(me->end), e->anaphor ? "(anaphor)" : combination ? combination : e->canonical,
               id ? " " : "", id ? id : "",
               combination ? " (combination)" : "", e->file ? e->file : "?", e->line);
        free(combination);
    }
}

static void print_cues(const thx_ruleset *rs, const match_ctx *m, const char *s, size_t n)
{
    for (size_t i = 0; i < m->tags.cues.len; i++) {
        const cue_hit *h = &m->tags.cues.items[i];
        const cue_def *d = &rs->cues[h->cue];
        static const char *const roles[] = {"forward", "backward", "pseudo", "stop"};
        printf("  cue:       %s %s \"%.*s\" [%zu,%zu)",
               d->kind == CUE_NEGATION    ? "negation"
               : d->kind == CUE_HEDGE     ? "hedge"
               : d->kind == CUE_OBJECTIVE ? "objective"
               : d->kind == CUE_DESIGN    ? "design"
                                          : "population",
               roles[d->role], (int)(h->end - h->start), s + h->start, cp(h->start), cp(h->end));
        size_t from, to;
        if (claims_cue_scope(rs, &m->tags, s, n, i, &from, &to))
            printf(" scope [%zu,%zu) \"%.*s\"", cp(from), cp(to), (int)(to - from), s + from);
        else if (d->role == CUE_FORWARD || d->role == CUE_BACKWARD)
            printf(" (cancelled by a pseudo trigger or a longer cue)");
        printf("  (%s:%d)\n", d->loc.file, d->loc.line);
    }
}

/* The first top-level element of p at which no prefix of the pattern matches; -2 when
 * a prefix gave up at the match limits (the same as extraction's). */
static long failing_step(const rule_pattern *p, const char *masked, size_t n)
{
    pcre2_match_data *md = pcre2_match_data_create(32, NULL);
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    if (mc) {
        pcre2_set_match_limit(mc, THX_MATCH_LIMIT);
        pcre2_set_depth_limit(mc, THX_DEPTH_LIMIT);
    }
    long fail = -1;
    for (size_t k = 0; md && mc && k < p->nsteps && fail == -1; k++) {
        int err;
        PCRE2_SIZE off;
        pcre2_code *code = pcre2_compile((PCRE2_SPTR)p->regex, p->step_re[k],
                                         PCRE2_CASELESS | PCRE2_DUPNAMES, &err, &off, NULL);
        if (!code)
            break;
        int rc = pcre2_match(code, (PCRE2_SPTR)masked, n, 0, 0, md, mc);
        if (rc < 0)
            fail = rc == PCRE2_ERROR_NOMATCH ? (long)k : -2;
        pcre2_code_free(code);
    }
    pcre2_match_context_free(mc);
    if (md)
        pcre2_match_data_free(md);
    return fail;
}

static bool show_skipped;

static void explain_pattern(const thx_ruleset *rs, const rule *r, size_t k, const match_ctx *m,
                            unsigned present)
{
    const rule_pattern *p = &r->patterns[k];
    if (!match_gate_open(m, p, present) && !show_skipped)
        return;
    printf("  rule %s (%s:%d)", r->id, p->loc.file, p->loc.line);
    if (!match_gate_open(m, p, present)) {
        if ((p->need_types & present) != p->need_types)
            puts(": skipped, a slot type it needs has no mention");
        else
            printf(": skipped, its gate \"%s\" is not all in the sentence (\"a|b\": one of "
                   "them, \"&\": each)\n", p->gate_text ? p->gate_text : "?");
        return;
    }
    size_t hits = 0;
    for (size_t i = 0; i < m->cands.len; i++)
        hits += m->cands.items[i].r == r && m->cands.items[i].pattern == k;
    for (size_t i = 0; i < m->limits.len; i++)
        if (m->limits.items[i].r == r && m->limits.items[i].pattern == k) {
            PCRE2_UCHAR why[128] = "";
            pcre2_get_error_message(m->limits.items[i].error, why, sizeof why);
            printf(": gave up (%s), %zu candidate%s before that; the rest counts as no match\n",
                   (const char *)why, hits, hits == 1 ? "" : "s");
            return;
        }
    if (hits) {
        printf(": matched, %zu candidate%s\n", hits, hits == 1 ? "" : "s");
        return;
    }
    long step = failing_step(p, m->masked.ptr, m->masked.len);
    if (step < 0) {
        puts(step == -2 ? ": no match (a part of it gave up at the match limit)" : ": no match");
        return;
    }
    size_t a = p->step_src[step];
    size_t b = (size_t)step + 1 < p->nsteps ? p->step_src[step + 1] : strlen(p->source);
    while (b > a && p->source[b - 1] == ' ')
        b--;
    printf(": no match, stops at element %ld `%.*s` (column %zu)\n", step + 1, (int)(b - a),
           p->source + a, (size_t)p->loc.col + a);
    (void)rs;
}

static void print_candidate(const char *what, const candidate *c, const match_ctx *m,
                            const thx_ruleset *rs)
{
    printf("%s %s", what, c->r->id);
    for (int t = 0; t < SLOT_NTYPES; t++)
        if (c->mention[t] >= 0)
            printf(" %s=%s", type_names[t],
                   rs->lex.entries[m->tags.mentions.items[c->mention[t]].entry].canonical);
        else if (c->mention[t] == MENTION_OPEN)
            printf(" %s=[%zu,%zu)", type_names[t], cp(c->span_start[t]), cp(c->span_end[t]));
}

static void explain_sentence(const thx_ruleset *rs, match_ctx *m, const char *s, size_t n,
                             local_terms *local)
{
    m->limits.len = 0;
    match_sentence(m, rs, s, n, local, -1);
    learn_abbreviations(local, &m->learned);
    print_mentions(rs, m, s);
    for (size_t i = 0; i < m->tag.ngave_up; i++) /* regex synonyms past the match limits */
        for (size_t t = 0, k = m->tag.gave_up[i]; t < rs->nterms; t++)
            if (rs->terms[t].regex && k-- == 0) {
                printf("  lexicon:   regex synonym /%.*s/ gave up (match limit exceeded); "
                       "counted as no match  (%s:%d)\n", (int)rs->terms[t].n, rs->terms[t].text,
                       rs->terms[t].loc.file, rs->terms[t].loc.line);
                break;
            }
    print_cues(rs, m, s, n);
    unsigned present = match_present_types(m);
    print_masked(m->masked.ptr, m->masked.len);
    size_t skipped = 0;
    for (size_t i = 0; i < rs->nrules; i++)
        for (size_t k = 0; k < rs->rules[i].npatterns; k++) {
            skipped += !match_gate_open(m, &rs->rules[i].patterns[k], present);
            explain_pattern(rs, &rs->rules[i], k, m, present);
        }
    if (skipped && !show_skipped)
        printf("  rules:     %zu pattern%s skipped by their gates (--all lists them)\n", skipped,
               skipped == 1 ? "" : "s");
    conflict_vec trace = {0};
    claims_resolve(&m->cands, &trace);
    for (size_t i = 0; i < trace.len; i++) {
        print_candidate("  conflict: kept", &trace.items[i].winner, m, rs);
        print_candidate(" over", &trace.items[i].loser, m, rs);
        printf(" (%s)\n", trace.items[i].reason);
    }
    free(trace.items);
}

static void print_triples(const thx_triples *ts, size_t sentence)
{
    for (size_t i = 0; i < ts->len; i++) {
        const thx_triple *t = &ts->items[i];
        if (t->sentence.sentence_index != sentence)
            continue;
        printf("  triple:    %s | %s | %s%s%s%s%s  [%s %s:%d, %.2f]\n", t->therapy.norm,
               t->effect.norm, t->condition.text ? t->condition.norm : "-",
               t->negated ? " (negated)" : "", t->hedged ? " (hedged)" : "",
               t->coref ? " (coref)" : "", t->doc_scope ? " (document)" : "", t->rule_id,
               t->rule_file, t->rule_line, t->confidence);
    }
}

static void explain_doc(const thx_ruleset *rs, const thx_doc *doc)
{
    thx_triples ts;
    thx_triples_init(&ts);
    thx_extract(&ts, rs, doc);
    const char *secs[2] = {doc->title ? doc->title : "", doc->abstract ? doc->abstract : ""};
    thx_sentences sents = {0};
    for (int k = 0; k < 2; k++)
        thx_split_sentences(&sents, secs[k], strlen(secs[k]), (thx_section)k);
    match_ctx m;
    match_ctx_init(&m);
    local_terms local = {0};
    for (size_t i = 0; i < sents.len; i++) {
        const thx_sentence *st = &sents.items[i];
        const char *s = secs[st->section] + st->start;
        size_t n = st->end - st->start;
        cur_sentence = s;
        cur_base = utf8_count(secs[st->section], st->start);
        /* the whole sentence on one line, with its span as the JSON record's */
        printf("sentence %zu (%s [%zu,%zu)): ", i,
               st->section == THX_SEC_TITLE ? "title" : "abstract", cur_base, cp(n));
        for (size_t k = 0; k < n; k++)
            putchar(s[k] == '\n' || s[k] == '\r' || s[k] == '\t' ? ' ' : s[k]);
        putchar('\n');
        explain_sentence(rs, &m, s, n, &local);
        print_triples(&ts, i);
    }
    for (size_t i = 0; i < ts.len; i++)
        if (ts.items[i].doc_scope) {
            printf("document:\n");
            print_triples(&ts, ts.items[i].sentence.sentence_index);
            break;
        }
    local_terms_free(&local);
    match_ctx_free(&m);
    thx_sentences_free(&sents);
    thx_triples_free(&ts);
}

int cmd_explain(int argc, char **argv)
{
    const char *rules[64], *doc_path = NULL, *sentence = NULL;
    size_t nrules = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            puts("usage: therex explain [-r RULES]... [--all] \"SENTENCE\"\n"
                 "       therex explain [-r RULES]... [--all] --doc FILE\n"
                 "Shows the mentions, cues, rules tried, conflicts and triples;\n"
                 "--all also lists the patterns that their gates skipped.\n"
                 "Offsets are the JSON records': code points from the start of the\n"
                 "title or abstract. --doc - reads standard input.");
            return 0;
        } else if (!strcmp(argv[i], "--all")) {
            show_skipped = true;
        } else if ((!strcmp(argv[i], "-r") || !strcmp(argv[i], "--rules")) && i + 1 < argc &&
                   nrules < 64) {
            rules[nrules++] = argv[++i];
        } else if (!strcmp(argv[i], "--doc") && i + 1 < argc) {
            doc_path = argv[++i];
        } else if (argv[i][0] == '-' || sentence) {
            cli_error("unexpected argument '%s' (see therex explain --help)", argv[i]);
            return EXIT_USAGE;
        } else {
            sentence = argv[i];
        }
    }
    if (!sentence == !doc_path) {
        cli_error("explain needs a sentence or --doc FILE");
        return EXIT_USAGE;
    }
    thx_ruleset *rs = cli_load_rules(rules, nrules);
    if (!rs)
        return EXIT_RULES;
    thx_docs docs;
    thx_docs_init(&docs);
    thx_diags d;
    thx_diags_init(&d);
    int rc = 0;
    if (doc_path && !strcmp(doc_path, "-")) /* standard input, read as a bounded stream */
        rc = thx_read_file(&docs, "/dev/stdin", "<stdin>", THX_FMT_AUTO, &d);
    else if (doc_path)
        rc = thx_read_file(&docs, doc_path, doc_path, THX_FMT_AUTO, &d);
    else
        rc = thx_read_buffer(&docs, sentence, strlen(sentence), "sentence", THX_FMT_TEXT, &d);
    thx_diags_print(&d, stderr);
    for (size_t i = 0; i < docs.len; i++) {
        if (docs.len > 1)
            printf("== document %s\n", docs.items[i].id);
        explain_doc(rs, &docs.items[i]);
    }
    thx_diags_free(&d);
    thx_docs_free(&docs);
    thx_ruleset_free(rs);
    return rc ? EXIT_SKIPPED : 0;
}
