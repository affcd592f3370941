#!/usr/bin/env python3
"""Mine a therapy lexicon from unannotated text: single-word drug and procedure names
that the text itself states were given as treatment.

usage (from the repository root):
  python3 rules/tools/mine_therapies.py
  python3 rules/tools/mine_therapies.py --report      # also print every candidate with its counts

Reads ../shared/data/pubmed-10k/abstracts.tsv (title, abstract) and
../shared/data/ctgov-domain/trials.tsv (title, description, brief_summary); never the
evaluation files. Writes rules/lexicons/mined/therapies-mined.rules.

A word is a candidate when it fills the X of a context that states a treatment given:
  "treated with X", "received X", "randomized to X", "X was administered/given",
  "administration/infusion/dose of X", "X 20 mg", "mg of X", "X-treated", "X therapy",
  "X monotherapy". The word must be one token of 5+ letters (hyphen and digits allowed
  inside), not a word of the stop lists below or of rules/tools/harvest_lexicons.py, not
  shaped like a condition (-itis, -oma, -emia ...) or an adjective, and not already a
  term of any lexicon in rules/lexicons (those keep their ids and canonical names).
It is kept when it is seen in at least MIN_DOCS documents in those contexts and in at
least MIN_KINDS different kinds of context, or in MIN_DOCS_ONE_KIND documents when only
one kind, or in MIN_DOCS_STEM document when it ends in a drug stem (-mab, -vir ...), or
in one document of a strong context (STRONG_KINDS: "treated with X", "X 20 mg", "dose of
X" ...) when it is no English word: not in the word list /usr/share/dict/words (Debian
package wamerican; without it this last filter keeps nothing).
The output is sorted, so runs are deterministic.
"""
import collections
import csv
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harvest_lexicons import THERAPY_STOP, DRUG_SUFFIXES, stop_entries, match_key  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOURCES = [
    (os.path.join(REPO, '..', 'shared', 'data', 'pubmed-10k', 'abstracts.tsv'),
     ('title', 'abstract')),
    (os.path.join(REPO, '..', 'shared', 'data', 'ctgov-domain', 'trials.tsv'),
     ('title', 'description', 'brief_summary')),
]
OUT = os.path.join(REPO, 'rules', 'lexicons', 'mined', 'therapies-mined.rules')
COMMAND = 'python3 rules/tools/mine_therapies.py'

MIN_DOCS = 2
MIN_KINDS = 2
MIN_DOCS_ONE_KIND = 4
# a word with a drug stem of rules/tools/harvest_lexicons.py needs one document only
MIN_DOCS_STEM = 1
# a word no English dictionary lists needs one document of a context that names what was
# given, not one that only mentions a kind of treatment ("X therapy", "taking X")
STRONG_KINDS = {'treated-with', 'received', 'randomized-to', 'was-given', 'dose-of', 'x-mg',
                'mg-of', 'efficacy-of', 'treatment-with'}
MIN_LETTERS_RARE = 6
WORDS = '/usr/share/dict/words'

W = r'(?P<x>[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)?)(?![A-Za-z0-9-])'
# words allowed between a context word and X: form, route, dose adjectives
MOD = (r'(?:(?:a|an|the|oral|orally|intravenous|iv|i\.v\.|topical|subcutaneous|'
       r'intramuscular|inhaled|intranasal|intrathecal|single|daily|weekly|either|both|'
       r'low-dose|high-dose|adjuvant|adjunctive|additional|continuous|concomitant|'
       r'systemic|local|prophylactic|combined|open|repeated|standard|conventional)\s+)*')
END = r'\b(?=\s*(?:[,.;:()\[]|and\b|or\b|plus\b|alone\b|for\b|in\b|at\b|to\b|was\b|were\b|'\
      r'versus\b|vs\b|with\b|during\b|after\b|before\b|on\b|until\b|followed\b|\d|$))'
CONTEXTS = [
    ('treated-with', r'\btreated\s+(?:with|by)\s+' + MOD + W + END),
    ('received', r'\b(?:received|receiving|receive|underwent|undergoing|undergo|prescribed|'
     r'prescribing)\s+' + MOD + W + END),
    ('treatment-with', r'\b(?:treatment|therapy|management|prophylaxis|trials?)\s+with\s+' + MOD + W
     + END),
    # an appositive or copula that says what X is: "rifaximin, an antibiotic acting
    # locally", "Colchicine is an ancient drug with anti-fibrotic ..."
    ('is-a-drug', r'\b' + W + r'(?:\s*,|\s+(?:is|was))\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?'
     r'(?:drug|agent|antibiotic|inhibitor|antagonist|agonist|blocker|medication|analogue|analog|'
     r'antidepressant|antipsychotic|anticonvulsant|antiepileptic|antihistamine|antifungal|'
     r'antiviral|anticoagulant|antioxidant|vaccine|supplement|compound)s?\b'),
    ('randomized-to', r'\b(?:randomi[sz]ed|randomly\s+assigned|allocated|assigned)\s+to\s+'
     r'(?:receive\s+)?' + MOD + W + END),
    ('was-given', r'\b' + W + r'\s+(?:was|were|is|are)\s+(?:\w+ly\s+)?(?:administered|given|'
     r'infused|injected|instilled|prescribed)\b'),
    ('dose-of', r'\b(?:administration|infusion|injection|injections|dose|doses|dosage|'
     r'course|courses|regimen)\s+of\s+' + MOD + W + END),
    ('x-mg', r'\b' + W + r'\s*\(?\s*\d+(?:\.\d+)?\s*(?:mg|mcg|microg|µg|g|iu|IU|units?)\b'
     r'(?:/|\s+(?:daily|once|twice|per|every|bid|tid|qd|po|iv)\b)'),
    ('mg-of', r'\b(?:mg|mcg|microg|µg)(?:/kg|/m2|/day|/d)?\s+(?:of\s+)?' + W + END),
    ('x-treated', r'\b' + W + r'-treated\b'),
    ('x-therapy', r'\b' + W + r'\s+(?:therapy|monotherapy|treatment|prophylaxis)\b'),
    ('taking', r'\b(?:taking|take|takes|took|using|on)\s+' + MOD + W + r'\s+(?:for|to\s+treat|'
     r'therapy|treatment|daily|twice|once|alone)\b'),
    ('efficacy-of', r'\b(?:efficacy|effectiveness|efficacy\s+and\s+safety|safety\s+and\s+efficacy)'
     r'\s+of\s+' + MOD + W + r'\s+(?:in|for|to|on|as|compared|versus|vs|plus|with)\b'),
]
CONTEXT_RES = [(k, re.compile(p, re.I)) for k, p in CONTEXTS]
# words that fill those contexts but are no therapy name
STOP = set("""
patients patient subjects women children adults people group groups placebo vehicle saline
control controls either drug drugs agent agents medication medications medicine therapy
therapies treatment treatments surgery standard conventional combination combinations
different various other several these those their which whom there three four five
single double daily weekly months weeks years hours minutes days study studies trial
trials doses dosage dosages regimen regimens course courses cycles cycle intervention
interventions procedure procedures operation operations active usual current initial
first second third higher lower increasing increased decreased maximum minimum total
baseline follow further additional respectively including compared following during
after before within without between among about above below under until since while
where whether because however therefore although though those these same similar
oral intravenous topical systemic local general regional spinal epidural intrathecal
subcutaneous intramuscular inhaled intranasal rectal vaginal transdermal sublingual
high-dose low-dose long-term short-term first-line second-line maintenance induction
consolidation salvage rescue palliative curative supportive adjuvant neoadjuvant
prophylactic preventive empirical empiric definitive primary secondary initial
medical surgical conservative aggressive intensive continuous intermittent
hormone hormonal antibiotic antibiotics steroid steroids vitamin vitamins supplement
supplements insulin oxygen fluid fluids blood plasma serum cells cell tissue
radiation irradiation radiotherapy chemotherapy immunotherapy physiotherapy
laser light sham dummy matching matched active inactive identical mock
microg micrograms milligrams grams units unit doses dosing
access across add added adding analogue anesthesia anesthetic anti antibody appropriate
average begin behavior behaviour beta biopsy blocker bolus capsule capsules cesarean
coffee colonoscopy complete continue cytomegalovirus dairy direct discontinue endoscopy
entire every exposure extra extract feedback fixed follow front frontline fruit globulin
guide health history immediate important include inhibitor interleukin interview limit
longer measure mesylate hydrobromide hydrochloride acetate modern omega online open
overall patch prior anesthetic anaesthetic fixed-dose follow-up open-label in include measure third product program prompt protocol proven questionnaire regular
relapse repeat require routine satisfactory scale schedule separate short spray start
superior syringe tablet tablets tailor thereafter third threshold tracer triple
ultrasound ultraviolet undergo upfront video wastewater whose venipuncture azole plus
anandamide anhydrotetracycline trometamol alone aminotransferase anoikis
despite month throughout carcinogenesis collateralogenesis desmoids capsulatum endotoxin
endotoxin-control endothelin-1 granulocytes hamartin hypermobile angiography
echocardiography hysterosalpingogram chromohysteroscopy immunohistochemistry indium
laryngoscopy lymphoscintigraphy neutrophil nucleos palpatory phosphodiesterase
phosphokinase polysomnography preload prepartum pyrene sigmoidoscopy splenocytes
tetrahydropyridine ultrasonography uroflowmetry videofluoroscopy pentylenetetrezol
cerulein aminonucleoside ficoll hypaque diacetate valerate mofetil hexachloro-1 hmaxi-k
hsbaff trucut ultrabrief arginine lysine nanoparticles nanoparticle cellular guideline
guidelines period periods predict predicts lymphocyte lymphocytes
amide compounds cream minus practices proteasome region viruses vitro whereas oocyte
""".split())

CONDITION_SUFFIXES = ('itis', 'osis', 'oses', 'oma', 'omas', 'emia', 'aemia', 'pathy',
                      'algia', 'plegia', 'trophy', 'penia', 'uria', 'cele', 'iasis',
                      'ism', 'isms', 'ness', 'ity', 'ities', 'ment', 'ments', 'tion',
                      'tions', 'sion', 'sions', 'ance', 'ence', 'ings', 'ing')
ADJ_SUFFIXES = ('ic', 'ical', 'ive', 'ed', 'ous', 'al', 'ary', 'ial', 'able', 'ible',
                'ful', 'less', 'ly', 'ent', 'ant')
# words that end like an adjective or noun of process but name a therapy
SUFFIX_KEEP = ('mab', 'nib', 'cin', 'mycin', 'cillin', 'azole', 'ine', 'ide', 'one',
               'ate', 'pril', 'sartan', 'olol', 'stat', 'vir', 'tant', 'fen', 'ectomy',
               'plasty', 'oscopy', 'pexy')


def lexicon_terms():
    """Every quoted or bare term of the existing lexicons, lowercased."""
    terms = set()
    root = os.path.join(REPO, 'rules')
    for dirpath, _, files in os.walk(root):
        for name in files:
            path = os.path.join(dirpath, name)
            if not name.endswith('.rules') or path == OUT:
                continue
            inside = False  # terms are read inside `lexicon ... end` blocks only: the
            for line in open(path, encoding='utf-8'):  # words of examples are no terms
                head = line.split()[:1]
                if head == ['lexicon']:
                    inside = True
                    continue
                if head == ['end'] or not inside or line.lstrip().startswith('#'):
                    inside = inside and head != ['end']
                    continue
                # the words inside a regex synonym are no terms ("/...|antihistamine|.../"
                # of the generated shapes reads this very list)
                line = re.sub(r'(?<![\w"])/(?:[^/\\]|\\.)+/c?', ' ', line)
                for q in re.findall(r'"([^"]+)"', line):
                    terms.add(match_key(q))
                for w in re.findall(r'(?<![/"\w-])([A-Za-z][\w-]+)(?![\w"/])', line):
                    terms.add(match_key(w))
    return terms


def sentences(text):
    return re.split(r'(?<=[.!?])\s+(?=[A-Z(])', text)


def read_docs():
    csv.field_size_limit(1 << 30)
    for path, fields in SOURCES:
        with open(path, encoding='utf-8', newline='') as f:
            for row in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE):
                yield ' '.join(row.get(k) or '' for k in fields)


def shape_ok(word):
    w = word.lower()
    first = w.split('-')[0]
    if len(re.sub(r'[^a-z]', '', w)) < 5 or {w, match_key(w), first, match_key(first)} & STOP:
        return False
    if re.fullmatch(r'[a-z]+\d*', w) is None and re.fullmatch(r'[a-z]+-[a-z0-9]+', w) is None:
        return False
    if w.endswith(SUFFIX_KEEP):
        return True
    return not w.endswith(CONDITION_SUFFIXES + ADJ_SUFFIXES)


def english_words():
    """The lowercased words of the system word list, or an empty set without one."""
    try:
        with open(WORDS, encoding='utf-8', errors='replace') as f:
            return {w.strip().lower().removesuffix("'s") for w in f}
    except OSError:
        return set()


def main():
    report = '--report' in sys.argv
    english = english_words()
    stop = set()
    for text in THERAPY_STOP.values():
        stop |= stop_entries(text)
    known = lexicon_terms()
    hits = collections.defaultdict(lambda: collections.defaultdict(set))  # key -> kind -> docs
    forms = collections.defaultdict(collections.Counter)
    for i, text in enumerate(read_docs()):
        for sent in sentences(text):
            for kind, rx in CONTEXT_RES:
                for m in rx.finditer(sent):
                    x = m.group('x')
                    if not shape_ok(x):
                        continue
                    # a capitalised word is kept only at a sentence start: mid-sentence
                    # capitals are names, places, trial acronyms
                    if x[0].isupper() and m.start('x') > 0 and not x.isupper():
                        continue
                    if x.isupper():
                        continue
                    key = match_key(x)
                    hits[key][kind].add(i)
                    forms[key][x.lower()] += 1
    kept = []
    for key, kinds in sorted(hits.items()):
        if key in stop or key in known:
            continue
        ndocs = len(set().union(*kinds.values()))
        nkinds = len(kinds)
        stem = key.endswith(DRUG_SUFFIXES)
        rare = (bool(english) and key not in english and key.split()[0] not in english
                and len(re.sub(r'[^a-z]', '', key)) >= MIN_LETTERS_RARE
                and any(k in STRONG_KINDS for k in kinds))
        # an English word of the word list ("adequate", "assess", "donor") fills these
        # contexts by syntax alone; drug names that are English words are in the
        # curated and harvested lexicons already
        common = bool(english) and key in english and not stem and not key.startswith('anti')
        ok = not common and (ndocs >= MIN_DOCS and nkinds >= MIN_KINDS
                             or ndocs >= MIN_DOCS_ONE_KIND
                             or stem and ndocs >= MIN_DOCS_STEM or rare)
        if report:
            print(f"{'KEEP' if ok else 'drop'} {key:30s} docs {ndocs:3d} kinds {nkinds} "
                  f"{'stem ' if stem else ''}"
                  + ' '.join(f'{k}:{len(v)}' for k, v in sorted(kinds.items())))
        if ok:
            kept.append((forms[key].most_common(1)[0][0], ndocs, kinds))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w', encoding='utf-8') as out:
        out.write(f"""# therapies-mined.rules: single-word therapy names mined from unannotated text
# (pubmed-10k abstracts, ctgov-domain trials) by the contexts that state a treatment
# given ("treated with X", "received X", "X was administered", "dose of X", "X 20 mg",
# "X therapy" ...). GENERATED FILE: do not edit by hand; change the stop lists or
# filters of rules/tools/mine_therapies.py and regenerate with
#   {COMMAND}
# (run from the repository root). Filters: at least {MIN_DOCS} documents in {MIN_KINDS} kinds
# of context, or {MIN_DOCS_ONE_KIND} documents in one, or {MIN_DOCS_STEM} with a drug stem
# (-mab, -vir ...), or one document of a strong context for a word of {MIN_LETTERS_RARE}+
# letters that /usr/share/dict/words does not list; no word of the stop lists, no
# condition or adjective shape, no term of another lexicon. Entries carry no ids. Each entry is
# preceded by a comment: documents, then documents per context.
# {len(kept)} entries.
lexicon therapy
""")
        for form, ndocs, kinds in kept:
            detail = ' '.join(f'{k} {len(v)}' for k, v in sorted(kinds.items()))
            out.write(f'  # {ndocs} docs: {detail}\n')
            out.write(f'  "{form}"\n')
        out.write('end\n')
    print(f'{len(kept)} entries written to {os.path.relpath(OUT, REPO)}', file=sys.stderr)


if __name__ == '__main__':
    main()
