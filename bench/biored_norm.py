#!/usr/bin/env python3
"""BioRED half A: why a gold treats pair is not found by MeSH id (a normalisation check).

usage (from the repository root):
  python3 bench/biored_norm.py [--therex BIN] [-r RULES]... [--sets train,dev]
                               [--list N] [--entities]

For the half-A documents of BioRED train and dev (bench/halves.py; half B is never read),
runs `therex extract` and `therex explain --doc` over them and, for each gold
Chemical-Disease Negative_Correlation (treats) pair that the triples do not find by MeSH
id (biored.py's by_id figure), tells for each side what therex did with the gold
entity's mentions (PubTator offsets against the mentions of `explain`):

  gold-id    some mention of the document carries a gold id of the entity
  other-id   a mention overlapping a gold mention carries another id (listed)
  no-id      a mention overlapping a gold mention carries no id
  untagged   no mention overlaps any gold mention of the entity

(the first that holds, in this order). A pair whose two sides are gold-id is a frame or
join miss, not a normalisation one. It prints the table of (therapy side, condition
side) kinds, the count of each side's kind, then up to N (--list, default 40) of the
other-id / no-id / untagged sides with the gold mentions and therex's ids.
--entities also prints the same kinds for every gold chemical and disease entity of the
half-A documents (not only those of missed pairs): a wider view of the lexicon's reach.

Reads ../shared/eval/biored (THEREX_SHARED=dir replaces ../shared), as bench/eval.sh.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from halves import half  # noqa: E402

SHARED = os.environ.get('THEREX_SHARED') or os.path.join(HERE, '..', '..', 'shared')
BIORED = os.path.join(SHARED, 'eval', 'biored')
FILES = {'train': 'train.pubtator', 'dev': 'dev.pubtator'}
CHEM, DIS = 'ChemicalEntity', 'DiseaseOrPhenotypicFeature'
KINDS = ('gold-id', 'other-id', 'no-id', 'untagged')

MENTION_RE = re.compile(r'^  mention \d+: (\w+)\s+"(.*)" \[(\d+),(\d+)\) -> (.*?)  \((.*)\)$')
SENT_RE = re.compile(r'^sentence \d+ \((title|abstract) \[')
ID_RE = re.compile(r' ((?:MeSH|DOID|OMIM|UMLS|CHEBI|NCBI\w*|HP|MONDO):[\w.]+)$')


def read_pubtator(path):
    docs = collections.OrderedDict()
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\r\n')
            if not line:
                continue
            if '|t|' in line[:24] or '|a|' in line[:24]:
                pmid, kind, text = line.split('|', 2)
                d = docs.setdefault(pmid, {'title': '', 'abstract': '', 'ents': [], 'rels': []})
                d['title' if kind == 't' else 'abstract'] = text
                continue
            c = line.split('\t')
            d = docs.setdefault(c[0], {'title': '', 'abstract': '', 'ents': [], 'rels': []})
            if len(c) >= 6 and c[1].isdigit():
                ids = [i.strip() for i in re.split(r'[,|]', c[5]) if i.strip() and i.strip() != '-']
                d['ents'].append((int(c[1]), int(c[2]), c[3], c[4], ids))
            elif len(c) >= 4:
                d['rels'].append((c[1], c[2], c[3]))
    return docs


def run_therex(binary, rules, docs, tmp):
    inp = os.path.join(tmp, 'in.jsonl')
    with open(inp, 'w', encoding='utf-8') as f:
        for pmid, d in docs.items():
            f.write(json.dumps({'id': pmid, 'pmid': pmid, 'title': d['title'],
                                'abstract': d['abstract']}) + '\n')
    rargs = [a for r in rules for a in ('-r', r)]
    out = os.path.join(tmp, 'out.jsonl')
    subprocess.run([binary, 'extract', '-q', '-j', '2'] + rargs + [inp, '-o', out], check=True)
    triples = collections.defaultdict(list)
    with open(out, encoding='utf-8') as f:
        for line in f:
            r = json.loads(line)
            if r.get('condition') and not r.get('negated'):
                triples[str(r['doc']['id'])].append(r)
    ex = subprocess.run([binary, 'explain'] + rargs + ['--doc', inp], check=True,
                        capture_output=True, text=True).stdout
    mentions = collections.defaultdict(list)  # pmid -> (start, end, type, text, id, norm)
    pmid, base = None, 0
    for line in ex.splitlines():
        if line.startswith('== document '):
            pmid = line[len('== document '):].strip()
            continue
        m = SENT_RE.match(line)
        if m:
            base = 0 if m.group(1) == 'title' else len(docs[pmid]['title']) + 1
            continue
        m = MENTION_RE.match(line)
        if m and pmid:
            typ, text, s, e, norm, src = m.groups()
            im = ID_RE.search(norm)
            mid = im.group(1).split(':', 1)[1] if im else ''
            mentions[pmid].append((base + int(s), base + int(e), typ, text, mid,
                                   norm[:im.start()] if im else norm, src))
    return triples, mentions


def fold(s):
    s = ' '.join(s.lower().split())
    return s[:-1] if s.endswith('s') else s


def text_side(part, pid, types, spans, want):
    """The gold entity a triple's side names, as biored.py score finds it (id, else text)."""
    if types.get(pid) == want:
        return pid
    texts = {fold(part.get('text') or ''), fold(part.get('norm') or '')}
    for i, t in types.items():
        if t == want and texts & {fold(x) for _s, _e, x in spans[i]}:
            return i
    return None


def side_kind(ent_ids, spans, ms):
    """The kind of one gold entity (its ids, its mention spans) given therex's mentions."""
    if any(m[4] in ent_ids for m in ms):
        return 'gold-id', []
    over = [m for m in ms for (s, e, _t) in spans if m[0] < e and s < m[1]]
    if any(m[4] for m in over):
        return 'other-id', over
    if over:
        return 'no-id', over
    return 'untagged', []


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--therex', default=os.environ.get('THEREX', 'build-rel/therex'))
    ap.add_argument('-r', '--rules', action='append', default=[])
    ap.add_argument('--sets', default='train,dev')
    ap.add_argument('--list', type=int, default=40)
    ap.add_argument('--entities', action='store_true')
    args = ap.parse_args(argv)
    table = collections.Counter()
    sides = collections.Counter()
    ents_kind = collections.Counter()
    details = []
    ent_details = []
    npairs = nfound = ntext = 0
    text_table = collections.Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for s in args.sets.split(','):
            docs = read_pubtator(os.path.join(BIORED, FILES[s]))
            docs = collections.OrderedDict((k, v) for k, v in docs.items() if half(k) == 'A')
            triples, mentions = run_therex(args.therex, args.rules, docs, tmp)
            for pmid, d in docs.items():
                types, spans = {}, collections.defaultdict(list)
                for (st, en, text, typ, ids) in d['ents']:
                    for i in ids:
                        types.setdefault(i, typ)
                        spans[i].append((st, en, text))
                claimed, by_text = set(), set()
                for r in triples.get(pmid, []):
                    a = (r['therapy'].get('id') or '').split(':')[-1]
                    b = (r['condition'].get('id') or '').split(':')[-1]
                    claimed.add((a, b))
                    by_text.add((text_side(r['therapy'], a, types, spans, CHEM),
                                 text_side(r['condition'], b, types, spans, DIS)))
                ms = mentions.get(pmid, [])
                pairs = set()
                for (typ, a, b) in d['rels']:
                    if typ != 'Negative_Correlation':
                        continue
                    if {types.get(a), types.get(b)} != {CHEM, DIS}:
                        continue
                    chem, dis = (a, b) if types[a] == CHEM else (b, a)
                    pairs.add((chem, dis))
                for chem, dis in sorted(pairs):
                    npairs += 1
                    if (chem, dis) in claimed:
                        nfound += 1
                        continue
                    kc, oc = side_kind({chem}, spans[chem], ms)
                    kd, od = side_kind({dis}, spans[dis], ms)
                    if (chem, dis) in by_text:
                        ntext += 1
                        text_table[(kc, kd)] += 1
                    table[(kc, kd)] += 1
                    sides[('therapy', kc)] += 1
                    sides[('condition', kd)] += 1
                    for role, k, ent, over in (('therapy', kc, chem, oc), ('condition', kd, dis, od)):
                        if k != 'gold-id':
                            details.append((role, k, s, pmid, ent, sorted({t for _s, _e, t in spans[ent]}),
                                            sorted({(m[3], m[2], m[4] or '-', m[5]) for m in over})))
                if args.entities:
                    for i, typ in types.items():
                        if typ not in (CHEM, DIS):
                            continue
                        k, over = side_kind({i}, spans[i], ms)
                        ents_kind[(typ, k)] += 1
                        if k != 'gold-id':
                            ent_details.append((typ, k, s, pmid, i, sorted({t for _s, _e, t in spans[i]}),
                                                sorted({(m[3], m[2], m[4] or '-', m[5]) for m in over})))
    print(f'half A, sets {args.sets}: {npairs} gold treats pairs, {nfound} found by id, '
          f'{npairs - nfound} not')
    for title, t in (('not found by id', table), (f'found by text only ({ntext})', text_table)):
        print(f'\n(therapy side, condition side) of the pairs {title}:')
        print(f'{"therapy":10} ' + ' '.join(f'{k:>9}' for k in KINDS))
        for kc in KINDS:
            print(f'{kc:10} ' + ' '.join(f'{t[(kc, kd)]:9d}' for kd in KINDS))
    print('\nsides: ' + '; '.join(f'{role} ' + ', '.join(f'{k} {sides[(role, k)]}' for k in KINDS)
                                  for role in ('therapy', 'condition')))
    npairs_of = collections.Counter((d[3], d[4]) for d in details)
    seen = set()
    print(f'\nsides not gold-id, with the number of missed pairs they are in (first {args.list}):')
    n = 0
    for role, k, s, pmid, ent, texts, over in sorted(details, key=lambda x: (x[1], x[0], x[3])):
        if (pmid, ent) in seen:
            continue
        seen.add((pmid, ent))
        if n >= args.list:
            break
        n += 1
        got = '; '.join(f'"{t}" {ty} {i} ({norm})' for t, ty, i, norm in over)
        print(f'  {k:8} {role:9} {npairs_of[(pmid, ent)]} {s}:{pmid} {ent} {texts}'
              + (f'  therex: {got}' if got else ''))
    if args.entities:
        print('\nevery gold entity of half A:')
        for typ in (CHEM, DIS):
            print(f'  {typ:27} ' + ', '.join(f'{k} {ents_kind[(typ, k)]}' for k in KINDS))
        for typ, k, s, pmid, ent, texts, over in sorted(ent_details, key=lambda x: (x[0], x[1], x[3])):
            got = '; '.join(f'"{t}" {ty} {i} ({norm})' for t, ty, i, norm in over)
            print(f'  {k:8} {typ[:4]} {s}:{pmid} {ent} {texts}' + (f'  therex: {got}' if got else ''))
    return 0


if __name__ == '__main__':
    sys.exit(main())
