#!/usr/bin/env python3
"""Harvest general condition and therapy lexicons (with MeSH/OMIM ids) for therex.

Reads PubTator-format corpora and writes two rule files in therex's lexicon syntax:

  rules/lexicons/general/conditions-general.rules   lexicon condition
      BC5CDR "Disease" mentions + NCBI disease corpus mentions, merged by MeSH/OMIM id
  rules/lexicons/general/drugs-general.rules        lexicon therapy
      BC5CDR "Chemical" mentions, minus endogenous substances, ions, solvents,
      substances of abuse and disease-model toxins

Usage (from the repository root):

  python3 rules/tools/harvest_lexicons.py [SOURCE ...] [--out-dir DIR]

SOURCE is a PubTator file or a folder searched recursively for them; the default is
../shared/data/lexicon-sources relative to the repository.  Python 3 standard library
only; the output is deterministic (same input, same bytes).

How an entry is built
  * Every annotated mention gives (surface form, id).  Ids are normalised to
    "MeSH:Dnnnnnn", "MeSH:Cnnnnnn" (MeSH supplementary concept) or "OMIM:nnnnnn";
    for a mention with several ids ("|" or "+") the first id is taken; "-1"
    (unnormalised) mentions are skipped.
  * Surface forms are grouped by a match key that mirrors how therex matches:
    lowercase, hyphens as spaces, spaces collapsed, a trailing plural stripped from the
    last word.  A key is assigned to the id it is most often annotated with; keys
    without a clear majority are dropped as ambiguous.
  * The canonical name of an id is its most frequent key (names before abbreviations
    and code names, ties alphabetical); the written form is the key's most frequent
    surface form, put in the singular (therex adds plurals itself) and lowercased
    unless a word is an acronym or a proper name (capitalised in most of its
    mid-sentence occurrences in the corpus text, or never written in lowercase there).
  * Abbreviations must have 3+ letters or digits, be seen in 2+ abstracts with the
    same id, never with another id (in either lexicon), and not be an English word.
  * `--explain` lists the ids dropped by the stop lists; `--check FILE...` validates
    rule files against the lexicon syntax (the output is always checked).
  * Quality filters (stop lists in lexicon_stoplists.py, each with its reason) drop generic words,
    descriptive phrases, coordinations, adjectives, ambiguous abbreviations, and for the
    therapy lexicon everything that is not given as a treatment.
"""

import argparse
import collections
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_SOURCE = os.path.join(REPO, '..', 'shared', 'data', 'lexicon-sources')
DEFAULT_OUT = os.path.join(REPO, 'rules', 'lexicons', 'general')
# MeSH 2024 descriptor terms: the ids of the corpora's older MeSH are brought up to date
# with them (promoted_ids)
MESH_TERMS = os.path.join(REPO, '..', 'shared', 'data', 'vocab', 'mesh-2024', 'terms.tsv')
COMMAND = 'python3 rules/tools/harvest_lexicons.py'

SOURCE_NOTE = {
    'condition': [
        'BC5CDR (BioCreative V CDR) corpus, Disease mentions, and the NCBI disease',
        'corpus, all mentions; both normalised to MeSH (MEDIC: MeSH + OMIM) by NCBI.',
    ],
    'therapy': [
        'BC5CDR (BioCreative V CDR) corpus, Chemical mentions normalised to MeSH by NCBI.',
    ],
}
LICENCE_NOTE = [
    'Licence: public domain, "United States Government Work" (NCBI/NLM); no',
    'restriction on use or reproduction.',
]
CITE_NOTE = {
    'condition': [
        'Please cite: Li J et al., BioCreative V CDR corpus (2015); Dogan RI, Leaman R,',
        'Lu Z, NCBI disease corpus, J Biomed Inform 47:1-10 (2014).',
    ],
    'therapy': [
        'Please cite: Li J et al., Annotating chemicals, diseases and their interactions',
        'in biomedical literature, BioCreative V workshop (2015).',
    ],
}

# The stop lists and the form rules (match keys, plurals, abbreviations, ids) live in
# lexicon_stoplists.py and lexicon_forms.py beside this script; the miners import them
# from here too.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lexicon_forms import (WORD_RE, entry_lines, match_key, is_plural_form, singular, strip_plural_s,
                           is_abbreviation, is_short_form, is_abbreviated, is_code, norm_id)  # noqa: E402,F401
from lexicon_stoplists import (CONDITION_STOP, CONDITION_STOP_IDS, DESCRIPTIVE_WORDS,
                               VAGUE_HEADS, PREPOSITIONS, VAGUE_FIRST, QUALIFIERS,
                               ADJ_SUFFIXES, ADJ_NOUNS, MEDICAL_SUFFIXES, THERAPY_STOP,
                               stop_entries, THERAPY_STOP_IDS, THERAPY_FORM_STOP,
                               DRUG_SUFFIXES, AMBIGUOUS_ABBREVIATIONS, ENGLISH_WORDS)  # noqa: E402,F401


# ---------------------------------------------------------------------------
# Reading PubTator files

Mention = collections.namedtuple('Mention', 'kind form ids composite doc')


def pubtator_files(sources):
    out = []
    for src in sources:
        if os.path.isdir(src):
            for root, dirs, files in os.walk(src):
                dirs.sort()
                for name in sorted(files):
                    out.append(os.path.join(root, name))
        else:
            out.append(src)
    result = []
    for path in out:
        try:
            with open(path, encoding='utf-8') as fh:
                head = fh.read(4096)
        except (OSError, UnicodeDecodeError):
            continue
        if re.search(r'^\d+\|t\|', head, flags=re.M):
            result.append(path)
    return result


def read_corpora(paths):
    """Return (mentions, texts): mentions as Mention tuples, texts as a list of
    (text, [(start, end)]) per document for casing and word statistics."""
    mentions = []
    texts = []
    seen_docs = set()
    for path in paths:
        with open(path, encoding='utf-8') as fh:
            blocks = fh.read().split('\n\n')
        for block in blocks:
            lines = [l for l in block.split('\n') if l.strip()]
            if not lines:
                continue
            title = abstract = ''
            pmid = None
            anns = []
            for line in lines:
                m = re.match(r'^(\d+)\|([ta])\|(.*)$', line)
                if m:
                    pmid = m.group(1)
                    if m.group(2) == 't':
                        title = m.group(3)
                    else:
                        abstract = m.group(3)
                    continue
                parts = line.split('\t')
                if len(parts) >= 6 and parts[1].isdigit():
                    anns.append(parts)
            # NCBI disease holds one document twice (PMID 8528200): count it once.
            doc_key = (pmid, title)
            if doc_key in seen_docs:
                continue
            seen_docs.add(doc_key)
            text = title + ' ' + abstract
            spans = []
            for p in anns:
                start, end, form, typ, idfield = int(p[1]), int(p[2]), p[3], p[4], p[5]
                spans.append((start, end))
                if typ == 'Chemical':
                    kind = 'therapy'
                elif typ in ('Disease', 'SpecificDisease', 'DiseaseClass', 'Modifier',
                             'CompositeMention'):
                    kind = 'condition'
                else:
                    continue
                raw_ids = re.split(r'[|+,]', idfield)
                ids = [norm_id(r) for r in raw_ids]
                ids = [i for i in ids if i]
                if not ids:
                    continue
                composite = (len(raw_ids) > 1 or typ == 'CompositeMention'
                             or len(p) >= 7)
                form = ' '.join(form.split())
                mentions.append(Mention(kind, form, ids, composite, pmid))
            texts.append((text, title, spans))
    return mentions, texts


def word_stats(texts):
    """Casing and free-use statistics of words in the corpus text.

    capital[w]: mid-sentence occurrences of word w (lowercased) written Capitalised, in
    abstracts only (some titles are in Title Case); lower[w]: occurrences written in
    lowercase anywhere; free_lower[w]: lowercase occurrences outside annotated spans."""
    capital = collections.Counter()
    lower = collections.Counter()
    free_lower = collections.Counter()
    for text, title, spans in texts:
        for m in WORD_RE.finditer(text):
            w = m.group(0)
            lw = w.lower()
            if w == lw:
                lower[lw] += 1
                if not any(s <= m.start() < e for s, e in spans):
                    free_lower[lw] += 1
                continue
            if m.start() <= len(title):
                continue
            before = text[:m.start()].rstrip()
            if not before or before[-1] in '.!?:':
                continue  # sentence-initial: casing says nothing
            if w[0].isupper() and w[1:].islower():
                capital[lw] += 1
    return capital, lower, free_lower


# heads that follow an eponym: "Fabry disease", "Brugada syndrome", "Ewing sarcoma"
EPONYM_HEADS = (r"'?\s+(disease|syndrome|anomaly|sarcoma|tumou?r|lymphoma|ataxia|"
                r"dystrophy|palsy|anemia|anaemia|contracture|malformation|disorder)\b")


def display_form(form, capital, lower):
    """Lowercase a form except acronyms and proper names."""
    def fix(m):
        w = m.group(0)
        if len(w) == 1 or any(c.isupper() for c in w[1:]):
            return w  # letter or acronym/mixed case: "hepatitis B", "HIV", "CsA", "TdP"
        if w[0].isupper():
            lw = w.lower()
            rest = form[m.end():]
            eponym = (rest.startswith(("'s", "s ")) or re.match(r'-[A-Z][a-z]', rest)
                      or re.search(r'[A-Z][a-z]+-$', form[:m.start()])
                      or re.match(EPONYM_HEADS, rest))
            if capital[lw] >= 2 and capital[lw] > 2 * lower[lw]:
                return w  # proper name: "Parkinson", "Duchenne", "Wilms"
            if lower[lw] == 0 and (capital[lw] or eponym):
                return w  # never written in lowercase: "Bechterew's", "Aarskog-Scott"
            return lw
        return w
    return WORD_RE.sub(fix, form)


# ---------------------------------------------------------------------------
# Filters

def has_adj_ending(word):
    w = word.lower()
    if w in ADJ_NOUNS:
        return False
    return w.endswith(ADJ_SUFFIXES) and len(w) > 3


def form_reject_reason(form, kind, stop_keys):
    """Reason to drop a surface form outright (before counting), or None."""
    key = match_key(form)
    words = key.split()
    if '"' in form:
        return 'quote'
    if len(form) < 3:
        return 'short'
    if not re.search(r'[A-Za-z]', form) or sum(c.isalpha() for c in form) < 2:
        return 'number'
    if re.search(r'^\W|[^\w\')]$', form):
        return 'punctuation'  # "colorectal cancer,", "G6PD A-"
    if re.search(r'[()\[\]{};:/]', form) or ', ' in form or re.search(r'\w- |\s-\w', form):
        return 'punctuation'
    if re.search(r'\b(and|or|nor|versus|vs|with|without|plus)\b', form, flags=re.I):
        return 'coordination'
    if len(words) > 5:
        return 'long'
    if key in stop_keys:
        return 'stop'
    if words and words[0] in ('a', 'an', 'the', 'any', 'some', 'this', 'these', 'their',
                              'its', 'such', 'his', 'her', 'our', 'all', 'other'):
        return 'determiner'
    if words and words[0] == 'stage':
        return 'descriptive'  # "stage III disease"
    if set(words) & {'no', 'not', 'only', 'without', 'reduces', 'causes', 'induces',
                     'impairs', 'increases', 'decreases'}:
        return 'descriptive'  # annotation fragments: "no eyes", "Addison only"
    if any(w == 'the' and i > 0 and words[i - 1] != 'of' for i, w in enumerate(words)):
        return 'descriptive'  # "impaired the memory"
    if ' ' in form and len(re.findall(r'\b[A-Z]{4,}\b', form)) >= 2:
        return 'shouting'  # "HEREDITARY MULTIFOCAL RELAPSING INFLAMMATION"
    if kind == 'condition':
        if set(words) & DESCRIPTIVE_WORDS:
            return 'descriptive'
        if words and words[-1] in VAGUE_HEADS:
            return 'vague'
        if set(words) & PREPOSITIONS:
            return 'descriptive'
        if len(words) > 1 and words[0] in VAGUE_HEADS | VAGUE_FIRST and 'of' in words:
            return 'vague'
        if words and has_adj_ending(words[-1]) and not is_abbreviation(form):
            return 'adjective'
    if kind == 'therapy':
        if re.search(r'\w,\w|\d\'|\[|\bH\]', form):
            return 'systematic'
    return None


def english_word(key, free_lower):
    return key in ENGLISH_WORDS or (' ' not in key and free_lower[key] >= 2 and len(key) <= 5)


# ---------------------------------------------------------------------------

def shares_stem(key, others):
    """True when a phrase shares a content word (first 5 letters) with another one."""
    stems = {w[:5] for w in key.split() if len(w) >= 4}
    return any(stems & {w[:5] for w in o.split() if len(w) >= 4} for o in others)


def build(mentions, texts, stats_out, explain=None):
    capital, lower, free_lower = word_stats(texts)

    ambiguous_abbr = {match_key(re.sub(r'\(.*?\)', '', e))
                      for e in re.split(r',\s*(?![^()]*\))', AMBIGUOUS_ABBREVIATIONS)
                      if e.strip()}
    stop_cond = stop_entries(CONDITION_STOP)
    stop_therapy_forms = stop_entries(THERAPY_FORM_STOP)
    therapy_stop_names = {}
    for cat, names in THERAPY_STOP.items():
        for k in stop_entries(names):
            therapy_stop_names.setdefault(k, cat)

    # all keys each kind is annotated with, before filtering (collision checks)
    raw_keys = {'condition': set(), 'therapy': set()}
    for m in mentions:
        raw_keys[m.kind].add(match_key(m.form))

    # count (key -> id -> n) and (key -> surface -> n)
    key_ids = {'condition': collections.defaultdict(collections.Counter),
               'therapy': collections.defaultdict(collections.Counter)}
    key_forms = {'condition': collections.defaultdict(collections.Counter),
                 'therapy': collections.defaultdict(collections.Counter)}
    key_composite = collections.Counter()  # (kind, key) -> mentions with several ids
    key_docs = collections.defaultdict(set)  # (kind, key, id) -> documents
    dropped = collections.Counter()
    for m in mentions:
        stop = stop_cond if m.kind == 'condition' else stop_therapy_forms
        reason = form_reject_reason(m.form, m.kind, stop)
        if reason:
            dropped[(m.kind, reason)] += 1
            continue
        k = match_key(m.form)
        key_ids[m.kind][k][m.ids[0]] += 1
        key_forms[m.kind][k][m.form] += 1
        if m.composite:
            key_composite[(m.kind, k)] += 1
        key_docs[(m.kind, k, m.ids[0])].add(m.doc)

    # abbreviation ids across both lexicons: an abbreviation used for two ids anywhere
    # is ambiguous
    abbr_ids = collections.defaultdict(set)
    for kind in key_ids:
        for k, ids in key_ids[kind].items():
            for f in key_forms[kind][k]:
                if is_short_form(f, capital):
                    abbr_ids[k].update(ids)
                    break

    lexicons = {}
    for kind in ('condition', 'therapy'):
        by_id = collections.defaultdict(dict)  # id -> key -> count
        forms_of = key_forms[kind]
        for k, ids in key_ids[kind].items():
            total = sum(ids.values())
            (top, n), = ids.most_common(1)
            ranked = ids.most_common()
            abbr = any(is_short_form(f, capital) for f in forms_of[k])
            single = ' ' not in k
            if abbr:
                if len(abbr_ids[k]) > 1:
                    dropped[(kind, 'abbr-ambiguous')] += total
                    continue
                alnum = sum(c.isalnum() for c in k)
                if alnum < 3:
                    dropped[(kind, 'abbr-short')] += total
                    continue
                if len(key_docs[(kind, k, top)]) < 2:
                    # seen in one abstract only: an author's ad-hoc abbreviation
                    dropped[(kind, 'abbr-rare')] += total
                    continue
                if english_word(k, free_lower) or english_word(k.replace(' ', ''), free_lower):
                    dropped[(kind, 'abbr-english')] += total
                    continue
                if k in ambiguous_abbr:
                    dropped[(kind, 'abbr-known-ambiguous')] += total
                    continue
            else:
                if len(ranked) > 1 and ranked[1][1] * 3 >= n * 2:
                    # no clear majority (top id has < 60%)
                    dropped[(kind, 'ambiguous')] += total
                    continue
                if single and k in ENGLISH_WORDS:
                    dropped[(kind, 'english')] += total
                    continue
                if single and n < 2:
                    word = k
                    ok = (word.endswith(MEDICAL_SUFFIXES) if kind == 'condition'
                          else word.endswith(DRUG_SUFFIXES))
                    if not ok or len(word) < 6:
                        dropped[(kind, 'single-once')] += total
                        continue
            if kind == 'therapy' and k in raw_keys['condition']:
                dropped[(kind, 'collides-with-condition')] += total
                if explain:
                    print(f'collision: therapy form {k!r} is also a condition form',
                          file=explain)
                continue
            by_id[top][k] = n

        # drop whole ids
        stop_ids = set(CONDITION_STOP_IDS if kind == 'condition' else THERAPY_STOP_IDS)
        if kind == 'therapy':
            stop_reason = {}
            for k, cat in therapy_stop_names.items():
                if k in key_ids['therapy']:
                    (top, n), = key_ids['therapy'][k].most_common(1)
                    # a short form only when it is a main form of the id, so that a
                    # stray abbreviation ("AMP" for ampicillin) cannot take a drug
                    short = any(is_short_form(f, capital) for f in key_forms['therapy'][k])
                    if not short or n * 4 >= sum(by_id.get(top, {}).values()):
                        stop_ids.add(top)
                        stop_reason[top] = cat
        for i in sorted(stop_ids):
            if i in by_id:
                dropped[(kind, 'stop-id')] += sum(by_id[i].values())
                if explain:
                    why = stop_reason.get(i, 'id list') if kind == 'therapy' else 'id list'
                    print(f'stop {kind} {i} ({why}): ' + ', '.join(
                        sorted(by_id[i], key=lambda k: -by_id[i][k])[:6]), file=explain)
                del by_id[i]

        entries = []
        for i, keys in by_id.items():
            # drop "severe X" when X is a form of the same id
            for k in list(keys):
                ws = k.split()
                if len(ws) > 1 and ws[0] in QUALIFIERS and ' '.join(ws[1:]) in keys:
                    del keys[k]
            if not keys:
                continue
            # a form seen once that shares no word with a more frequent form of the id
            # is more likely an annotator's loose normalisation ("loss of creativity"
            # as cognitive impairment) than a synonym
            frequent = [k for k in keys if keys[k] >= 2]
            if frequent:
                for k in list(keys):
                    if keys[k] == 1 and not shares_stem(k, frequent):
                        dropped[(kind, 'loose-synonym')] += 1
                        del keys[k]

            def rank(k):
                main = sorted(forms_of[k], key=lambda f: (-forms_of[k][f], f))[0]
                abbr = is_abbreviation(main) or is_code(main) or is_abbreviated(main)
                # forms annotated with several ids ("hemorrhagic cystitis" as
                # hemorrhage + cystitis) name the id only in part
                comp = key_composite[(kind, k)] * 2 > keys[k]
                return (abbr, comp, -keys[k], k)
            ordered = sorted(keys, key=rank)
            written = []
            written_keys = set()
            for k in ordered:
                variants = collections.Counter()
                for f, c in forms_of[k].items():
                    variants[singular(display_form(f, capital, lower))] += c
                best = sorted(variants, key=lambda v: (is_plural_form(v) and not
                                                        is_abbreviation(v),
                                                        -variants[v], v))[0]
                if match_key(best) not in written_keys:
                    written_keys.add(match_key(best))
                    written.append(best)
            if kind == 'therapy' and (is_abbreviation(written[0]) or is_code(written[0])):
                # no name among the forms: "ADP", "PRL", "AH6809" are lab shorthand
                dropped[(kind, 'no-name')] += sum(keys.values())
                continue
            entries.append((written[0], i, written[1:], sum(keys.values())))
        entries.sort(key=lambda e: (e[0].lower(), e[0], e[1]))
        lexicons[kind] = entries

    if stats_out:
        for (kind, reason), n in sorted(dropped.items()):
            print(f'dropped {kind:9s} {reason:24s} {n:6d} mentions', file=stats_out)
    return lexicons


def read_mesh_terms(path):
    """MeSH descriptor terms: lowercased term -> the descriptor ids that list it."""
    import csv
    csv.field_size_limit(1 << 30)
    ids = collections.defaultdict(set)
    with open(path, encoding='utf-8', newline='') as fh:
        rows = csv.reader(fh, delimiter='\t')
        next(rows)
        for row in rows:
            ids[row[3].lower()].add(row[0])
    return ids


def promoted_ids(lexicons, mesh_ids, stats_out=None):
    """NORMALISATION: the corpora were normalised to the MeSH of their year, when many drugs
    were supplementary concepts (capecitabine C110904, bortezomib C400082, topiramate
    C052342) that MeSH has since made descriptors (D000069287, D000069286, D000077236) and
    whose old ids it no longer lists; therex's vocabulary lexicons (gen_vocab.py) and
    annotators of today use the descriptor. An entry with a supplementary-concept id
    (MeSH:C...) whose canonical name is a term of exactly one MeSH 2024 descriptor takes
    that descriptor's id; a name no descriptor lists, or that two list, keeps its id."""
    out = {}
    for kind, entries in lexicons.items():
        new = []
        n = 0
        for canon, i, syns, count in entries:
            if i.startswith('MeSH:C'):
                ds = mesh_ids.get(canon.lower(), set())
                if len(ds) == 1:
                    i = 'MeSH:' + next(iter(ds))
                    n += 1
            new.append((canon, i, syns, count))
        out[kind] = new
        if stats_out:
            print(f'{kind}: {n} supplementary-concept ids now MeSH 2024 descriptors',
                  file=stats_out)
    return out


def quote(s):
    if re.fullmatch(r'[A-Za-z][A-Za-z0-9]*', s):
        return s
    return '"' + s + '"'


def render(kind, entries, inputs):
    name = {'condition': 'conditions-general', 'therapy': 'drugs-general'}[kind]
    out = []
    out.append(f'# {name}.rules: general {kind} lexicon with MeSH/OMIM ids, harvested from')
    out.append('# annotated biomedical corpora.  GENERATED FILE: do not edit by hand;')
    out.append('# change rules/tools/harvest_lexicons.py (stop lists, filters) and regenerate with')
    out.append(f'#   {COMMAND}')
    out.append('# (run from the repository root; reads ../shared/data/lexicon-sources and')
    out.append('# ../shared/data/vocab/mesh-2024/terms.tsv).')
    out.append('#')
    out.append('# Source: ' + SOURCE_NOTE[kind][0])
    for line in SOURCE_NOTE[kind][1:]:
        out.append('#   ' + line)
    out.append('# Files: ' + ', '.join(inputs[:3]))
    for i in range(3, len(inputs), 3):
        out.append('#   ' + ', '.join(inputs[i:i + 3]))
    for line in LICENCE_NOTE + CITE_NOTE[kind]:
        out.append('# ' + line)
    out.append('# Filtered for precision (generic words, descriptive phrases, adjectives,')
    out.append('# ambiguous or one-paper abbreviations' + (
        ', and chemicals not given as treatment:' if kind == 'therapy' else '):'))
    out.append('# endogenous substances, ions, solvents, substances of abuse, model toxins,'
               if kind == 'therapy' else
               '# the stop lists and the reason for each are in the script.')
    if kind == 'therapy':
        out.append('# reagents, diagnostic agents); the stop lists are in the script.')
    out.append('#')
    out.append('# Entry: "canonical" ID = synonyms.  Canonical = the most frequent form of the')
    out.append('# id; ids are MeSH descriptors (MeSH:D...; a supplementary concept that MeSH 2024')
    out.append('# made a descriptor takes the descriptor), MeSH supplementary concepts')
    out.append('# (MeSH:C...) or OMIM (OMIM:...).  Case, hyphen/space and plural variants are')
    out.append('# not listed: therex matches them itself.')
    # therex lint: the overlaps with the pack's own lexicons are meant (docs/rules.md)
    out.append("#lint-ok-file two-entries: a term that the pack's own lexicons (loaded earlier) list under another entry is theirs, by design")
    nsyn = sum(len(e[2]) for e in entries)
    out.append(f'# {len(entries)} entries, {nsyn} synonyms.')
    out.append(f'lexicon {kind}')
    for canon, i, syns, _n in entries:
        out.extend(entry_lines(f'  {quote_always(canon)} {i}', [quote(s) for s in syns]))
    out.append('end')
    return '\n'.join(out) + '\n'


def quote_always(s):
    return '"' + s + '"'


ITEM = r'(?:"[^"]+"|[A-Za-z][A-Za-z0-9]*)'
ID = r'(?:MeSH:[DC]\d+|OMIM:\d+)'
ENTRY_RE = re.compile(r'^\s+"[^"]+"\s+' + ID + r'(?:\s+=\s+' + ITEM + r'(?:\s+\|\s+' + ITEM
                      + r')*)?\s*$')
CONT_RE = re.compile(r'^\s*\|\s+' + ITEM + r'(?:\s+\|\s+' + ITEM + r')*\s*$')


def check_file(path):
    """Validate a lexicon rule file; return a list of problems (empty when valid):
    every line is a comment, "lexicon X", "end", an entry or a "|" continuation of an
    entry; quotes are balanced; no form is listed twice (after match_key)."""
    problems = []
    inside = None
    can_continue = False
    seen = {}
    with open(path, encoding='utf-8') as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip('\n')
            where = f'{path}:{n}'
            if line.count('"') % 2:
                problems.append(f'{where}: unbalanced quotes')
            if line.strip().startswith('#'):
                continue
            m = re.fullmatch(r'lexicon\s+(\w+)\s*', line)
            if m:
                if inside:
                    problems.append(f'{where}: lexicon inside lexicon {inside}')
                inside, can_continue = m.group(1), False
                continue
            if line.strip() == 'end':
                if not inside:
                    problems.append(f'{where}: end without lexicon')
                inside, can_continue = None, False
                continue
            if inside and ENTRY_RE.match(line):
                can_continue = ' = ' in line
            elif inside and can_continue and CONT_RE.match(line):
                pass
            else:
                problems.append(f'{where}: not a comment, lexicon, end, entry or '
                                f'continuation: {line!r}')
                continue
            body = line.split(' = ', 1)[1] if ' = ' in line else ''
            forms = re.findall(r'"([^"]+)"', line.split(' = ', 1)[0]) if \
                ENTRY_RE.match(line) else []
            forms += [a or b for a, b in re.findall(r'"([^"]+)"|(?<![\w"])([A-Za-z][A-Za-z0-9]*)(?![\w"])',
                                                    body if ENTRY_RE.match(line) else line)]
            for f in forms:
                k = match_key(f)
                if k in seen:
                    problems.append(f'{where}: form {f!r} already listed at line {seen[k]}')
                seen[k] = n
    if inside:
        problems.append(f'{path}: lexicon {inside} not closed with end')
    return problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('sources', nargs='*', default=[DEFAULT_SOURCE],
                    help='PubTator files or folders (default: %(default)s)')
    ap.add_argument('--out-dir', default=DEFAULT_OUT,
                    help='where to write the .rules files (default: rules/lexicons/general)')
    ap.add_argument('--quiet', action='store_true', help='no statistics on stderr')
    ap.add_argument('--explain', action='store_true',
                    help='list dropped ids and colliding forms on stderr')
    ap.add_argument('--check', nargs='+', metavar='RULES',
                    help='only validate the syntax of these rule files, then exit')
    args = ap.parse_args(argv)
    if args.check:
        problems = [p for f in args.check for p in check_file(f)]
        for p in problems:
            print(p, file=sys.stderr)
        print(f'{len(args.check)} file(s) checked, {len(problems)} problem(s)')
        return 1 if problems else 0

    paths = pubtator_files(args.sources)
    if not paths:
        ap.error('no PubTator files found in ' + ', '.join(args.sources))
    mentions, texts = read_corpora(paths)
    lex = build(mentions, texts, None if args.quiet else sys.stderr,
                sys.stderr if args.explain else None)
    lex = promoted_ids(lex, read_mesh_terms(MESH_TERMS), None if args.quiet else sys.stderr)
    inputs = sorted(os.path.basename(p) for p in paths)
    os.makedirs(args.out_dir, exist_ok=True)
    for kind, fname in (('condition', 'conditions-general.rules'),
                        ('therapy', 'drugs-general.rules')):
        inp = [p for p in inputs if kind == 'condition' or p.startswith('CDR')]
        text = render(kind, lex[kind], inp)
        out_path = os.path.join(args.out_dir, fname)
        with open(out_path, 'w', encoding='utf-8') as fh:
            fh.write(text)
        problems = check_file(out_path)
        if problems:
            print('\n'.join(problems), file=sys.stderr)
            return 1
        if not args.quiet:
            nsyn = sum(len(e[2]) for e in lex[kind])
            print(f'{fname}: {len(lex[kind])} entries, {nsyn} synonyms', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
