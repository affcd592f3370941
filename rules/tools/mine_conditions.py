#!/usr/bin/env python3
"""Mine a condition lexicon from unannotated text: disease names of 1-4 words that the
text itself uses in the places where authors name a condition.

usage (from the repository root):
  python3 rules/tools/mine_conditions.py
  python3 rules/tools/mine_conditions.py --report      # also print every candidate with its counts

Reads ../shared/data/pubmed-10k/abstracts.tsv (title, abstract) and
../shared/data/ctgov-domain/trials.tsv (title, description, brief_summary); never the
evaluation files. Writes rules/lexicons/mined/conditions-mined.rules.

A phrase is a candidate when it fills the X of a context that names a condition:
  "patients/women/men/children/subjects ... with X", "diagnosed with X",
  "treatment/therapy of/for X", "management of X", "X patients", "incidence of X",
  "history of X", "suffering from X", "prevention of X", "risk of X".
X is the run of words between the context and a boundary (punctuation, a function
word, a number, a verb of the sentence); every final part of it of 1-4 words that starts
with a content word is a candidate ("severe chronic kidney disease" gives "kidney
disease", "chronic kidney disease" ...), and the count rules pick the real name: only
the part that recurs in other kinds of context survives.
A candidate must have a disease-like shape: its last word is a disease head (disease,
disorder, syndrome, failure, injury, deficiency ...) or ends like a disease
(-itis, -osis, -oma, -emia, -pathy, -ia, -ism ...). Its words must not be of the stop
lists below (measurements, outcomes, body parts, populations, procedures, study words),
it must not be a term of any lexicon in rules/ (those keep their ids and canonical
names, and therapy names are excluded that way), and it must add something: a phrase
with a part that a lexicon term or a shape entry of rules/lexicons/morphology already
recognises as a condition is dropped (therex finds that part already, and the scorer
accepts a part of the gold phrase).
It is kept when it is seen in at least MIN_DOCS documents in those contexts and in at
least MIN_KINDS different kinds of context, or in MIN_DOCS_ONE_KIND documents when only
one kind. Entries carry no ids (a surface form of the general lexicons, which has ids,
is never mined). The output is sorted, so runs are deterministic.
"""
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# the same sources, reading and sentence split as the therapy miner
from mine_therapies import SOURCES, read_docs, sentences, write_entries  # noqa: E402,F401
from harvest_lexicons import (MEDICAL_SUFFIXES, VAGUE_HEADS, DESCRIPTIVE_WORDS,  # noqa: E402
                              QUALIFIERS, match_key, singular)

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(REPO, 'rules', 'lexicons', 'mined', 'conditions-mined.rules')
MORPHOLOGY = os.path.join(REPO, 'rules', 'lexicons', 'morphology')
COMMAND = 'python3 rules/tools/mine_conditions.py'

MIN_DOCS = 2
MIN_KINDS = 2
MIN_DOCS_ONE_KIND = 4
MAX_WORDS = 4

TOKEN = r"[A-Za-z][A-Za-z0-9]*(?:['\u2019]s)?(?:-[A-Za-z0-9]+)*"
RUN = r'(?P<x>' + TOKEN + r'(?:\s+' + TOKEN + r'){0,7})'
PEOPLE = (r'(?:patients?|women|men|children|infants|neonates|newborns|subjects|adults|'
          r'individuals|persons|people|girls|boys|adolescents|participants|volunteers|'
          r'outpatients|inpatients|cases|mothers|pregnancies)')
# contexts with X to the right: the run of words after the cue
RIGHT = [
    ('patients-with', r'\b' + PEOPLE + r'\s+(?:\w+\s+){0,2}?with\s+(?:(?:a|an|the|known|'
     r'confirmed|proven|documented|suspected|established|newly\s+diagnosed|'
     r'previously\s+untreated|untreated|biopsy-proven)\s+)*'),
    ('diagnosed-with', r'\b(?:diagnosed|diagnosis)\s+(?:with|of)\s+(?:(?:a|an|the)\s+)?'),
    ('treatment-of', r'\b(?:treatment|treatments|therapy|therapies|treating|treat|'
     r'cure|drug|drugs)\s+(?:of|for)\s+(?:(?:a|an|the|patients\s+with)\s+)?'),
    ('management-of', r'\b(?:management|control)\s+of\s+(?:(?:a|an|the)\s+)?'),
    ('incidence-of', r'\b(?:incidence|prevalence|occurrence|onset|development)\s+of\s+'
     r'(?:(?:a|an|the|new)\s+)?'),
    ('history-of', r'\b(?:history|histories)\s+of\s+(?:(?:a|an|the)\s+)?'),
    ('suffering-from', r'\b(?:suffering|suffer|suffered|suffers|affected)\s+(?:from|by)\s+'
     r'(?:(?:a|an|the)\s+)?'),
    ('prevention-of', r'\b(?:prevention|prevent|preventing|prophylaxis)\s+(?:of|against)?\s*'
     r'(?:(?:a|an|the)\s+)?'),
    ('risk-of', r'\b(?:risk|risks)\s+(?:of|for)\s+(?:developing\s+)?(?:(?:a|an|the)\s+)?'),
]
RIGHT_RES = [(k, re.compile(p + RUN, re.I)) for k, p in RIGHT]
# context with X to the left: the run of words before "patients" ...
LEFT_RE = re.compile(RUN + r'\s+(?:patients|subjects|cases|sufferers)\b', re.I)

# words that end the X of a right context (and start the X of a left context)
BOUNDARY = set("""
a an the of in on at to by for from with without within into onto upon over under after
before during since until than versus vs and or but nor as who whom whose which that
this these those there their its his her our your is are was were be been being has
have had do does did can could may might will would shall should must not no
treated receiving received undergoing underwent given taking using compared including
included especially such like due caused associated related secondary following
presenting admitted referred enrolled randomized randomised aged years year months
weeks days hours old per who while where when whereas because although though if
all any each every both either neither some many several most more less other another
same various different respectively between among across against via
""".split())
# a candidate's first word may not be one of these (they qualify rather than name)
FIRST_STOP = QUALIFIERS | set("""
acute chronic early late advanced recurrent refractory primary secondary active
uncontrolled controlled untreated treated stable unstable consecutive eligible elderly
older young adult adults pediatric paediatric female male pregnant hospitalized
hospitalised symptomatic asymptomatic high low high-risk low-risk increased decreased
previous prior current existing known confirmed suspected diagnosed established newly
first second third certain common rare major minor total overall major serious
life-threatening potential possible presumed clinically biopsy-proven histologically
moderate-to-severe mild-to-moderate end-stage long-term short-term long short
postoperative preoperative perioperative postpartum post-operative underlying concomitant
coexisting associated related non any specific such typical atypical difficult human
medical surgical clinical residual new incident prevalent relapsed relapsing progressive
metastatic invasive develop developed developing demonstrate demonstrated show showed
contralateral ipsilateral bilateral unilateral additional focal ultrasound
""".split())
# words a condition name does not contain: measurements, outcomes, body parts alone,
# populations, procedures, study words
WORD_STOP = set("""
patient patients subject subjects women woman men man children child infant infants
people persons person individuals population populations group groups cohort case cases
participant participants volunteer volunteers mother mothers neonate neonates adult adults
level levels rate rates ratio score scores index count counts concentration
concentrations value values measure measurement size volume time duration number
outcome outcomes survival mortality death deaths response responses remission relapse
recurrence progression activity function quality control management treatment
treatments therapy therapies surgery operation procedure procedures transplantation
transplant intervention interventions drug drugs dose doses medication study studies trial
trials analysis data result results model models effect effects use user users exposure
risk risks factor factors history incidence prevalence onset development diagnosis
prognosis screening test testing assessment evaluation status stage grade type types
symptom symptoms sign signs severity burden episode episodes event events complication
complications condition conditions problem problems disease-free progression-free
event-free pregnancy pregnancies birth births delivery deliveries labor labour
cell cells tissue tissues gene genes protein proteins receptor receptors expression
mutation mutations blood serum plasma urine sample samples mice rats rat mouse animal
animals model cancer-free residual measurable evaluable
""".split())
# modifiers that make "<modifier> disease|disorder|syndrome" a class of diseases or a
# tumour response, not a name (as in the "disease (named)" shape of morphology/clinical.rules)
GENERIC_MODIFIERS = set("""
reproductive multisystem rare human genetic infectious inflammatory autoimmune
degenerative neurodegenerative neurological neurologic systemic serious severe major
medical clinical complex fatal similar life-threatening stable progressive underlying
new metabolic chronic acute common other
""".split())
# last words that make a phrase a condition name; a generic head needs a modifier
# ("renal failure", "cord injury"): alone it is a fragment of a longer name
GENERIC_HEADS = set("""
disease diseases disorder disorders syndrome syndromes failure insufficiency deficiency
deficiencies dysfunction dysfunctions injury injuries infection infections lesion lesions
defect defects malformation malformations anomaly anomalies abnormality abnormalities
fracture fractures ulcer ulcers wound wounds burn burns cyst cysts polyp polyps stone
stones tumor tumors tumour tumours cancer cancers carcinoma carcinomas neoplasm neoplasms
malignancy malignancies metastasis metastases pain ache aches attack attacks arrest
seizure seizures palsy dependence abuse bleeding hemorrhage haemorrhage thrombosis
embolism aneurysm stenosis occlusion obstruction infarction infarct ischemia ischaemia
hypoxia fever fevers rupture delay retardation impairment loss virus sickness prolapse
reflux allergy allergies addiction infestation intoxication poisoning
""".split())
# heads that name a condition on their own
STANDALONE_HEADS = set("""
headache headaches hypertension hypotension obesity overweight infertility incontinence
constipation diabetes asthma stroke strokes epilepsy dementia depression anxiety insomnia
sepsis shock eczema acne colic bronchiolitis
""".split())
HEADS = GENERIC_HEADS | STANDALONE_HEADS
# "<process> failure" is an outcome of a treatment, not a condition ("treatment
# failure", "virologic failure", "fertilization failure")
OUTCOME_FAILURE = ('ion', 'ic', 'ical', 'ment')
# a candidate is a fragment of a longer name when at least this share of its occurrences
# follow one and the same word ("lateral sclerosis" after "amyotrophic")
FRAGMENT_SHARE = 0.5
# shapes of disease words: a single word ending so is a candidate as well as a head
SHAPE_SUFFIXES = tuple(MEDICAL_SUFFIXES) + (
    'itis', 'iasis', 'osis', 'emia', 'aemia', 'oma', 'omas', 'pathy', 'pathies', 'ia',
    'ism', 'isms', 'rrhea', 'rrhoea', 'plegia', 'paresis', 'sepsis')
# words shaped like a disease that are not one
SHAPE_STOP = set("""
diagnosis prognosis apoptosis homeostasis hemostasis haemostasis mitosis meiosis osmosis
symbiosis anastomosis hypnosis endocytosis exocytosis phagocytosis ketosis metamorphosis
stroma diploma aroma genoma chroma soma stigmata criteria bacteria media india california
ammonia militia mania utopia euphoria nostalgia academia malaysia indonesia tunisia
australia austria colombia nigeria gambia zambia namibia ethiopia georgia virginia
pennsylvania philadelphia arabia asia patagonia scandinavia lithuania slovakia slovenia
croatia serbia macedonia bulgaria romania estonia latvia armenia mongolia cambodia
liberia algeria somalia bolivia tanzania kenya sardinia sicily catalonia andalusia
mechanism mechanisms metabolism organism organisms polymorphism polymorphisms
dimorphism mutualism parallelism realism tourism journalism criticism optimism pessimism
mechanism skepticism scepticism chimerism mosaicism nationalism racism antagonism agonism synergism
heterogeneity anesthesia anaesthesia analgesia normoglycemia euglycemia normocalcemia
normokalemia glycemia hyperglycemia-induced insignia regalia paraphernalia memorabilia
mammalia trivia inertia dementia-free hernia-free placenta pneumonia-free
encyclopedia multimedia militia ammonia sepsis-free luteal
""".split())


def lexicon_items():
    """The items of every lexicon block in rules/ (but this file): quoted phrases and
    bare words as match keys (all kinds, and the condition ones apart), the word endings (`*itis`) and regexes of the
    condition lexicons, and the terms of the ignore lexicons."""
    terms, endings, regexes, ignore = set(), set(), [], set()
    condition_terms = set()
    root = os.path.join(REPO, 'rules')
    for dirpath, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            if not name.endswith('.rules') or path == OUT:
                continue
            kind = None
            for line in open(path, encoding='utf-8'):
                s = line.strip()
                if not s or s.startswith('#'):
                    continue
                m = re.match(r'lexicon\s+(\w+)', s)
                if m:
                    kind = m.group(1)
                    continue
                if s == 'end':
                    kind = None
                    continue
                if kind is None:
                    continue
                for rx, flags in re.findall(r'(?<![\w"])/(.+?)/(c?)(?=\s|$)', s):
                    s = s.replace('/' + rx + '/' + flags, ' ')
                    if kind == 'condition':
                        try:
                            regexes.append(re.compile(rx, 0 if flags else re.I))
                        except re.error:
                            pass
                items = [match_key(q) for q in re.findall(r'"([^"]+)"', s)]
                s = re.sub(r'"[^"]*"', ' ', s)
                segments = re.split(r'[=|]', s)
                # the canonical segment holds ids and tags: only its first bare word
                first = segments[0].split()
                if first and not line.lstrip().startswith('|') and '"' not in line.split('=')[0]:
                    items.append(match_key(first[0]) if not first[0].startswith('*') else first[0])
                for seg in segments[1:] if '=' in line or line.lstrip().startswith('|') else []:
                    w = seg.strip()
                    if re.fullmatch(r'\*?[A-Za-z][\w\'-]*', w):
                        items.append(w if w.startswith('*') else match_key(w))
                for it in items:
                    if it.startswith('*'):
                        if kind == 'condition':
                            endings.add(it[1:].lower())
                    elif kind == 'ignore':
                        ignore.add(it)
                    else:
                        terms.add(it)
                        if kind == 'condition':
                            condition_terms.add(it)
    return terms, condition_terms, endings, regexes, ignore


def words_of(run):
    return run.split()


def first_clause_words(run, right):
    """The words of a run up to its first boundary (right context) or after its last
    boundary (left context)."""
    ws = words_of(run)
    out = []
    seq = ws if right else list(reversed(ws))
    for w in seq:
        lw = w.lower()
        if lw in BOUNDARY or re.search(r'\d', lw) and not re.fullmatch(r'[a-z]+-?\d[a-z]?', lw):
            break
        out.append(w)
    return out if right else list(reversed(out))


def shaped(word):
    w = word.lower()
    if w in SHAPE_STOP or len(w) < 6:
        return False
    return w.endswith(SHAPE_SUFFIXES)


def head_ok(words):
    last = words[-1].lower()
    if last in GENERIC_HEADS:
        if len(words) < 2:
            return False
        if (len(words) == 2 and last.rstrip('s') in ('disease', 'disorder', 'syndrome')
                and words[0].lower() in GENERIC_MODIFIERS):
            return False
        return not (last == 'failure' and words[-2].lower().endswith(OUTCOME_FAILURE))
    if last in STANDALONE_HEADS:
        return True
    return shaped(last)


def word_ok(w, i, n):
    lw = w.lower()
    if lw in WORD_STOP or lw in DESCRIPTIVE_WORDS or lw in VAGUE_HEADS and i == n - 1:
        return False
    if i == 0 and (lw in FIRST_STOP or lw.split('-')[0] in FIRST_STOP):
        return False
    # a capitalised word inside a phrase is a name (place, trial, eponym) only when it
    # carries a possessive: eponyms are spelled "Crohn's disease"
    if i == 0 and w[0].isupper() and not w.isupper() and n == 1:
        return True
    if w.isupper() and len(w) > 1:
        return False  # abbreviations are ambiguous without their expansion
    return True


def candidates(ws):
    """Final parts of 1..MAX_WORDS words of a clause."""
    for n in range(1, min(MAX_WORDS, len(ws)) + 1):
        part = ws[len(ws) - n:]
        if not head_ok(part):
            continue
        if all(word_ok(w, i, n) for i, w in enumerate(part)):
            yield part


def known_part(key, form, terms, endings, regexes, ignore):
    """A contiguous part of the phrase that a term, a word ending or a regex of a
    condition lexicon already recognises."""
    ws = key.split()
    for i in range(len(ws)):
        for j in range(i + 1, len(ws) + 1):
            if ' '.join(ws[i:j]) in terms:
                return ' '.join(ws[i:j])
    for w in ws:
        if w in ignore:
            continue
        for e in sorted(endings):
            for end in (e, e + 's', e + 'es'):
                if w.endswith(end) and len(w) - len(end) >= 3 and w.isalpha():
                    return '*' + e
    for rx in regexes:
        m = rx.search(form)
        if m and m.group(0).strip():
            return m.group(0)
    return None


def fragment(key, prev, hits, terms):
    """The longer name that a candidate is part of: the candidate follows one word in
    most of its occurrences, and that word and the candidate are a lexicon term or seen
    in MIN_DOCS documents themselves ("spinal cord injury" for "cord injury"; not
    "early-stage adhesive capsulitis", seen once, for "adhesive capsulitis")."""
    word, n = max(prev.items(), key=lambda kv: (kv[1], kv[0]))
    if not word or n < FRAGMENT_SHARE * sum(prev.values()):
        return None
    longer = match_key(word + ' ' + key)
    if longer in terms or longer in hits and len(set().union(*hits[longer].values())) >= MIN_DOCS:
        return longer
    return None


def main():
    report = '--report' in sys.argv
    terms, condition_terms, endings, regexes, ignore = lexicon_items()
    hits = collections.defaultdict(lambda: collections.defaultdict(set))  # key -> kind -> docs
    forms = collections.defaultdict(collections.Counter)
    before = collections.defaultdict(collections.Counter)  # key -> word before it
    for i, text in enumerate(read_docs()):
        for sent in sentences(text):
            found = []
            for kind, rx in RIGHT_RES:
                for m in rx.finditer(sent):
                    found.append((kind, first_clause_words(m.group('x'), True)))
            for m in LEFT_RE.finditer(sent):
                found.append(('x-patients', first_clause_words(m.group('x'), False)))
            for kind, ws in found:
                ws = [w.rstrip(",.;:") for w in ws]
                if not ws:
                    continue
                for part in candidates(ws):
                    form = ' '.join(part)
                    key = match_key(form)
                    prev = ws[len(ws) - len(part) - 1].lower() if len(part) < len(ws) else ''
                    before[key][prev if prev not in FIRST_STOP else ''] += 1
                    hits[key][kind].add(i)
                    forms[key][form if form[0].isupper() and not form[1:2].isupper()
                               and "'" in form else form.lower()] += 1
    kept = []
    dropped = collections.Counter()
    for key, kinds in sorted(hits.items()):
        ndocs = len(set().union(*kinds.values()))
        nkinds = len(kinds)
        ok = ndocs >= MIN_DOCS and nkinds >= MIN_KINDS or ndocs >= MIN_DOCS_ONE_KIND
        form = forms[key].most_common(1)[0][0]
        why = ''
        if key in terms:
            why = 'known'
        elif fragment(key, before[key], hits, terms):
            why = f'fragment of "{fragment(key, before[key], hits, terms)}"'
        else:
            part = known_part(key, form, condition_terms, endings, regexes, ignore)
            if part:
                why = f'has known part "{part}"'
        if report:
            print(f"{'KEEP' if ok and not why else 'drop'} {key:40s} docs {ndocs:3d} kinds "
                  f"{nkinds} " + ' '.join(f'{k}:{len(v)}' for k, v in sorted(kinds.items()))
                  + (f'  [{why}]' if why else ''))
        if why:
            dropped[why.split(' "')[0]] += 1
            continue
        if ok:
            kept.append((singular(form), ndocs, kinds))
    kept.sort(key=lambda e: (match_key(e[0]), e[0]))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w', encoding='utf-8') as out:
        out.write(f"""# conditions-mined.rules: condition names of 1-{MAX_WORDS} words mined from unannotated
# text (pubmed-10k abstracts, ctgov-domain trials) by the contexts that name a condition
# ("patients with X", "diagnosed with X", "treatment of X", "management of X",
# "X patients", "incidence of X", "history of X", "suffering from X", "prevention of X",
# "risk of X"). GENERATED FILE: do not edit by hand; change the stop lists or filters
# of rules/tools/mine_conditions.py and regenerate with
#   {COMMAND}
# (run from the repository root). Filters: a disease head or shape (disease, failure,
# injury ...; -itis, -osis, -ia ...), at least {MIN_DOCS} documents in {MIN_KINDS} kinds of
# context or {MIN_DOCS_ONE_KIND} documents in one; no word of the stop lists (measurements,
# outcomes, populations, procedures); no term of another lexicon and no part that a
# lexicon term or a morphology shape already recognises. Entries carry no ids.
# Each entry is preceded by a comment: documents, then documents per context.
# {len(kept)} entries.
lexicon condition
""")
        write_entries(out, kept)
        out.write('end\n')
    print(f'{len(kept)} entries written to {os.path.relpath(OUT, REPO)} '
          f'(dropped: {dict(sorted(dropped.items()))})', file=sys.stderr)


if __name__ == '__main__':
    main()
