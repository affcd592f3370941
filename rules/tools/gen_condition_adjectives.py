#!/usr/bin/env python3
"""Writes rules/lexicons/mined/condition-adjectives.rules: a condition named by its
adjective before the people who have it ("schizophrenic patients", "asthmatic children",
"epileptic women", "hypertensive subjects"), tagged as that condition ONLY in that
position.

usage (from the repository root):
  python3 rules/tools/gen_condition_adjectives.py [--report] [--therex=PATH]

Reads the condition lexicons of rules/lexicons (every file, the vocabularies included),
../shared/data/pubmed-10k/abstracts.tsv (title, abstract; never an evaluation file) and
runs a built therex (build-rel/, build/ or build-bench/, or --therex=PATH) to learn what
the pack makes of each word now.

1. Every single-word condition term of the lexicons (a lowercase word of 5 letters or
   more) gives its adjectives by the ending rules of ADJECTIVE_RULES (-ia -> -ic
   "schizophrenia/schizophrenic", -ension -> -ensive, -osis -> -otic, -itis -> -itic,
   -y -> -ic "neuropathy/neuropathic", -psy -> -ptic "epilepsy/epileptic", -ma -> -matic
   "asthma/asthmatic", -e -> -ous "migraine/migrainous", ...). The rules over-generate;
   the text decides.
2. An adjective is kept only when pubmed-10k writes it right before a noun of people or
   of a disease model (PEOPLE: patients, subjects, children, women ...; MODELS: rats,
   mice ...; optionally after one word of PEOPLE_MODIFIERS: "hypertensive elderly
   patients") in at least MIN_DOCS documents. It is tagged before people only (PEOPLE
   says why not before animals).
3. It is tagged as the condition its noun is tagged as today (the entry's canonical
   name and id, as `therex explain` shows them for the noun in a carrier sentence), by a
   regex synonym with a look-ahead for that noun: "schizophrenic" is schizophrenia in
   "schizophrenic patients" only; "ischemic damage", "hypertensive response", "psychotic
   symptoms" and "neuropathic pain" (a condition of its own, which keeps its entry) are
   left alone. The mention spans the adjective alone, so the people noun stays outside
   it for the rules and for the population guard ("<C> patients with <Y>").
4. Dropped, each with its reason in --report: an adjective the pack already tags as a
   condition before a people noun (obese, diabetic: their lexicon entries do it); one
   the pack tags as something else there (a therapy or an effect wins); one that two
   different conditions derive (ambiguous); a noun the pack does not tag as a condition
   by itself; and the adjectives of STOP, each with its reason (English words whose
   sense before a people noun is not the disease).
The output is sorted, so runs are deterministic.
"""
import collections
import csv
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from therex_bin import therex_binary  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
THEREX_BUILDS = ('build-rel', 'build', 'build-bench')  # where therex_binary looks, in order
LEX = os.path.join(REPO, 'rules', 'lexicons')
OUT = os.path.join(LEX, 'mined', 'condition-adjectives.rules')
PUBMED = os.path.join(REPO, '..', 'shared', 'data', 'pubmed-10k', 'abstracts.tsv')
COMMAND = 'python3 rules/tools/gen_condition_adjectives.py'

MIN_DOCS = 1

# (noun ending, adjective ending): the noun's ending replaced; the longest noun ending
# that applies is tried with every adjective ending listed for it, shorter endings too
ADJECTIVE_RULES = [
    ('ension', 'ensive'),     # hypertension -> hypertensive
    ('ession', 'essive'),     # depression -> depressive
    ('ession', 'essed'),      # depression -> depressed
    ('iasis', 'iatic'),       # psoriasis -> psoriatic
    ('osis', 'otic'),         # psychosis -> psychotic, cirrhosis -> cirrhotic
    ('sis', 'tic'),           # sepsis -> septic
    ('itis', 'itic'),         # arthritis -> arthritic, colitis -> colitic
    ('psia', 'ptic'),         # preeclampsia -> preeclamptic
    ('sia', 'stic'),          # dysplasia -> dysplastic
    ('xia', 'ctic'),          # cachexia -> cachectic
    ('ia', 'ic'),             # schizophrenia -> schizophrenic, anemia -> anemic
    ('ia', 'iac'),            # hemophilia -> hemophiliac
    ('ia', 'ed'),             # dementia -> demented
    ('psy', 'ptic'),          # epilepsy -> epileptic
    ('y', 'ic'),              # neuropathy -> neuropathic, allergy -> allergic
    ('oma', 'omatous'),       # glaucoma -> glaucomatous
    ('ma', 'matic'),          # asthma -> asthmatic
    ('ism', 'ic'),            # alcoholism -> alcoholic
    ('ism', 'istic'),         # autism -> autistic
    ('oidism', 'oid'),        # hypothyroidism -> hypothyroid
    ('ism', 'al'),            # hypogonadism -> hypogonadal
    ('ity', 'e'),             # obesity -> obese
    ('es', 'ic'),             # diabetes -> diabetic
    ('e', 'ous'),             # migraine -> migrainous
]

# the nouns of people that the adjective must come right before. Not the animals of
# disease models ("epileptic rats", "hypertensive rats"): over pubmed-10k, 6 of the 11
# claims they gave were wrong, because animal studies name a strain or a model that is
# no target ("pilocarpine-treated epileptic rats": pilocarpine induces the epilepsy; the
# effects of AVP in spontaneously hypertensive rats; "epileptic animals ... given
# tracheotomies"); a model keeps its own cues ("rats with", "a rat model of").
PEOPLE = ('patients?', 'subjects?', 'children', 'child', 'women', 'woman', 'men', 'man',
          'individuals?', 'adults?', 'adolescents?', 'infants?', 'neonates?', 'newborns?',
          'persons?', 'people', 'participants?', 'volunteers?', 'outpatients?',
          'inpatients?', 'boys?', 'girls?', 'youths?', 'mothers?', 'pregnant women',
          'populations?', 'cohorts?')
# the animals of disease models: an adjective before them attests the form (it is the
# condition's adjective: "anemic cats", "neuropathic models"), but is not tagged there
MODELS = ('rats?', 'mice', 'mouse', 'animals?', 'dogs?', 'cats?', 'rabbits?', 'pigs?',
          'monkeys?', 'primates?', 'offspring', 'pups?', 'models?')
# nouns an adjective does not take, with the reason
NOT_BEFORE = {
    'depressed': (('newborns?', 'neonates?', 'infants?'),
                  'a depressed newborn is born with depressed vital functions (asphyxia), '
                  'not depression: "resuscitation of depressed newborns"'),
}
# one word that may stand between: "hypertensive elderly patients"
PEOPLE_MODIFIERS = ('adult', 'elderly', 'older', 'young', 'male', 'female', 'pediatric',
                    'paediatric', 'pregnant', 'postmenopausal', 'premenopausal',
                    'hospitalized', 'hospitalised', 'obese', 'diabetic', 'juvenile',
                    'adolescent', 'aged', 'untreated', 'treated')

# adjectives left out, each with its reason
STOP = {
    'traumatic': 'trauma names an injury of any kind; "traumatic patients" is no disease',
    'hypnotic': 'a drug class (sedative-hypnotic), not hypnosis',
    'critical': 'critical illness, not a condition of a named disease',
    'toxic': 'a property of a substance',
    'manic': 'an episode, not the disease (mania of bipolar disorder)',
    'fibrotic': 'fibrosis of which organ the adjective does not say',
    'necrotic': 'a state of tissue, not of people',
    'sclerotic': 'sclerosis of which kind (multiple, systemic) the adjective does not say',
    'stenotic': 'stenosis of which vessel or valve the adjective does not say',
    'thrombotic': 'thrombosis of which vessel the adjective does not say',
    'nephrotic': 'nephrotic syndrome, not the MeSH nephrosis the noun names',
    'hypoglycemic': 'a drug class (hypoglycemic agents) first; patients made so by insulin',
    'metastatic': 'the stage of a cancer that the adjective does not name ("metastatic '
                  'patients"): the target is the cancer',
    'hypothermic': 'hypothermia is also a therapy ("hypothermic rats" are often cooled on '
                   'purpose)',
}
# a derived form that is an English word (/usr/share/dict/words, Debian wamerican) without
# an adjective's ending is a noun of its own, not the condition's adjective ("alcohol" of
# alcoholism, "dwarf" of dwarfism)
DICT = '/usr/share/dict/words'
ADJECTIVE_ENDINGS = ('ic', 'ive', 'ous', 'al', 'ed', 'iac', 'oid', 'ar', 'ary')

TOKEN_RE = re.compile(r'"([^"]+)"|(?<![\w"/*-])([A-Za-z][A-Za-z-]*)(?![\w"/*-])')


def lexicon_words():
    """Single lowercase words of 5 letters or more that a condition lexicon lists (as a
    canonical name or a synonym), with the files that list them."""
    words = collections.defaultdict(set)
    for path in sorted(glob.glob(os.path.join(LEX, '**', '*.rules'), recursive=True)):
        if os.path.abspath(path) == os.path.abspath(OUT):
            continue
        text = open(path, encoding='utf-8').read()
        for block in re.findall(r'^lexicon condition\n(.*?)^end', text, re.S | re.M):
            for line in block.splitlines():
                line = line.strip()
                if not line or line.startswith('#'):
                    continue
                line = re.sub(r'/(?:[^/\\]|\\.)*/c?', ' ', line)  # regex synonyms
                head, _, syns = line.partition('=')
                parts = []
                m = re.match(r'\|?\s*("[^"]+"|\S+)', head)
                if m and not head.lstrip().startswith('|'):
                    parts.append(m.group(1).strip('"'))
                    rest = syns
                else:
                    rest = line
                for q, w in TOKEN_RE.findall(rest):
                    parts.append(q or w)
                for p in parts:
                    if re.fullmatch(r'[a-z]{5,}', p):
                        words[p].add(os.path.relpath(path, REPO))
    return words


def adjectives(noun):
    out = set()
    for nend, aend in ADJECTIVE_RULES:
        if noun.endswith(nend) and len(noun) - len(nend) >= 3:
            out.add(noun[:len(noun) - len(nend)] + aend)
    out.discard(noun)
    return out


PEOPLE_RE = re.compile(r'(?<![\w-])([A-Za-z]+)(?=\s+(?:(?:' + '|'.join(PEOPLE_MODIFIERS)
                       + r')\s+)?(?:' + '|'.join(PEOPLE + MODELS) + r')(?![\w-]))', re.I)


def attested(adjs):
    """adjective -> documents of pubmed-10k where it stands before a people noun, and
    one example phrase."""
    docs, example = collections.Counter(), {}
    csv.field_size_limit(1 << 30)
    with open(PUBMED, encoding='utf-8', newline='') as f:
        for row in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE):
            text = (row.get('title') or '') + ' ' + (row.get('abstract') or '')
            seen = set()
            for m in PEOPLE_RE.finditer(text):
                a = m.group(1).lower()
                if a not in adjs:
                    continue
                seen.add(a)
                example.setdefault(a, text[m.start():m.end() + 30].split('.')[0])
            docs.update(seen)
    return docs, example


def mentions_now(phrases):
    """What the pack (without this generator's file) tags in "They saw PHRASE today.":
    phrase -> [(type, text, name, id or None, as_written)]."""
    tmp = tempfile.mkdtemp(prefix='gen-cadj-')
    try:
        rules = os.path.join(tmp, 'rules')
        shutil.copytree(os.path.join(REPO, 'rules'), rules,
                        ignore=lambda d, names: [n for n in names if n == 'tools' or
                                                 n == os.path.basename(OUT)])
        docs = os.path.join(tmp, 'docs.jsonl')
        with open(docs, 'w', encoding='utf-8') as f:
            for n, p in enumerate(phrases):
                f.write(json.dumps({'id': f'p{n}', 'title': '',
                                    'abstract': f'They saw {p} today.'}) + '\n')
        out = subprocess.run([therex_binary(THEREX_BUILDS), 'explain', '-r', rules,
                              '--doc', docs], capture_output=True, text=True,
                             check=True).stdout
        result = {p: [] for p in phrases}
        current = None
        for line in out.splitlines():
            m = re.match(r'sentence \d+ \(abstract[^:]*\): They saw (.*) today\.$', line)
            if m:
                current = m.group(1)
                continue
            m = re.match(r'\s+mention \d+: (\w+)\s+"(.*)" \[\d+,\d+\) -> (.*?)'
                         r'(?:\s+([A-Za-z]+:[A-Za-z0-9]+))?\s+\(([^:()]+):(\d+)\)$', line)
            if m and current in result:
                src = m.group(5)
                try:
                    src_line = open(src, encoding='utf-8').read().splitlines()[int(m.group(6)) - 1]
                except (OSError, IndexError):
                    src_line = ''
                result[current].append((m.group(1), m.group(2), m.group(3), m.group(4),
                                        ' as-written ' in src_line))
    finally:
        shutil.rmtree(tmp)
    return result


def regex_of(adj):
    not_before = ''
    if adj in NOT_BEFORE:
        not_before = ('(?!\\s+(?:(?:' + '|'.join(PEOPLE_MODIFIERS) + ')\\s+)?(?:'
                      + '|'.join(NOT_BEFORE[adj][0]) + ')(?![\\w-]))')
    return ('/(?<![\\w-])' + adj + '(?=\\s+(?:(?:' + '|'.join(PEOPLE_MODIFIERS) + ')\\s+)?(?:'
            + '|'.join(PEOPLE) + ')(?![\\w-]))' + not_before + '/')


def main():
    report = '--report' in sys.argv[1:]
    english = set(open(DICT, encoding='utf-8').read().split())
    words = lexicon_words()
    derived = collections.defaultdict(set)  # adjective -> nouns
    for noun in words:
        for a in adjectives(noun):
            derived[a].add(noun)
    docs, example = attested(set(derived))
    cands = sorted(a for a in derived if docs[a] >= MIN_DOCS)
    nouns = sorted({n for a in cands for n in derived[a]})
    now = mentions_now([f'{a} patients' for a in cands] + nouns)
    kept = collections.defaultdict(list)  # (name, id) -> [(adj, docs, example, nouns)]
    for a in cands:
        why = None
        ms = [m for m in now[f'{a} patients'] if m[1].lower().startswith(a)]
        targets = {}
        for n in sorted(derived[a]):
            cs = [m for m in now[n] if m[0] == 'condition' and m[1].lower() == n]
            if cs:
                t, text, name, mid, aw = cs[0]
                targets[n] = (n if aw else name, None if aw else mid)
        if a in STOP:
            why = 'stop: ' + STOP[a]
        elif any(m[0] == 'condition' for m in ms):
            why = 'tagged as a condition already'
        elif a in english and not a.endswith(ADJECTIVE_ENDINGS):
            why = 'an English word that is no adjective: a noun of its own'
        elif ms:
            why = 'tagged as a ' + ms[0][0] + ' already'
        elif not targets:
            why = 'its noun is no condition of the pack by itself'
        elif len(set(targets.values())) > 1:
            why = 'ambiguous: ' + ', '.join(f'{n} -> {t[0]}' for n, t in sorted(targets.items()))
        if report:
            print(f"{'KEEP' if why is None else 'drop'} {a:20s} docs {docs[a]:3d}  "
                  f"{'/'.join(sorted(derived[a]))}  \"{example[a]}\""
                  + (f'  ({why})' if why else f'  -> {list(targets.values())[0]}'))
        if why is None:
            kept[list(targets.values())[0]].append((a, docs[a], example[a],
                                                    sorted(targets)))
    write(kept)


def write(kept):
    with open(OUT, 'w', encoding='utf-8') as out:
        out.write(f"""# condition-adjectives.rules: a condition named by its adjective right before the people
# who have it ("schizophrenic patients", "asthmatic children", "epileptic women"),
# tagged as that condition in that position only (not before animals: see the
# script's PEOPLE for why): "ischemic damage",
# "hypertensive response", "psychotic symptoms" and "neuropathic pain" are no population
# condition, and each regex looks ahead for the people noun. The mention spans the
# adjective alone. GENERATED FILE: do not edit by hand; change
# rules/tools/gen_condition_adjectives.py (its ending rules, people nouns and stop list,
# each with its reason) and regenerate with
#   {COMMAND}
# (run from the repository root; it runs a built therex). Adjectives are derived from
# the single-word condition terms of the lexicons by ending (-ia -> -ic, -osis -> -otic,
# -itis -> -itic, -y -> -ic, -ension -> -ensive, -ma -> -matic, -e -> -ous ...) and kept
# when pubmed-10k writes them before a people or model noun in {MIN_DOCS} document(s) or more; each
# entry is the condition (name and id) that the pack tags its noun as.
# Each synonym is preceded by a comment: documents, the noun, an example.
lexicon condition
""")
        for (name, mid), adjs in sorted(kept.items()):
            for a, n, ex, nouns in sorted(adjs):
                out.write(f'  # {a}: {n} docs ({"/".join(nouns)}): "{ex}"\n')
            out.write(f'  "{name}"' + (f' {mid}' if mid else '') + ' =\n')
            for a, *_ in sorted(adjs):
                out.write(f'    | {regex_of(a)}\n')
        out.write('end\n')


if __name__ == '__main__':
    main()
