#!/usr/bin/env python3
"""Mine a therapy lexicon from unannotated text: drug, product and procedure names that
the text itself states were given or done as treatment.

usage (from the repository root):
  python3 rules/tools/mine_therapies.py
  python3 rules/tools/mine_therapies.py --report      # also print every candidate with its counts
  python3 rules/tools/mine_therapies.py --therex=PATH # the therex binary (default: build/ or build-bench/)

Reads ../shared/data/pubmed-10k/abstracts.tsv (title, abstract) and
../shared/data/ctgov-domain/trials.tsv (title, description, brief_summary); never the
evaluation files. Writes rules/lexicons/mined/therapies-mined.rules (single words, below)
and rules/lexicons/mined/therapy-phrases-mined.rules (names of several words, at the end
of this docstring).

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

Names of several words (therapy-phrases-mined.rules) come in two kinds:
  procedures, 1 to PROC_MAX_WORDS words, in the contexts that say a procedure was done:
    "underwent/undergoing/undergo X", "scheduled for X", "received/receiving/required/
    requiring/needed X", "candidates/referred/eligible for X", "randomized to X",
    "X was/were performed/carried out/undertaken", "treated/managed with/by X"
    (not "after X": that is the setting of a study or of a harm). The last word is the
    head of an operation (-ectomy, -otomy, -ostomy, -plasty, -pexy, -desis, -rrhaphy,
    -tripsy) or of an intervention (PROC_HEADS: replacement, reconstruction, repair,
    resection, injection, infusion, block, stimulation ...); a bare head that does not
    name an operation by itself ("repair", "injection") needs a modifier. Diagnostic
    procedures (-scopy, -graphy, biopsy, imaging, test) are no heads.
  products, 2 or 3 words, in the contexts that name what was given: "treated with X",
    "received X", "randomized to X", "administration/infusion/injection/dose/
    supplementation of X", "X was administered/given/infused/injected"; the last word
    is the head of a product (PRODUCT_HEADS: concentrate, globulin, toxin, oil, juice,
    cream, inhibitor, blocker, a salt such as sulfate ...).
The words before the head are lowercase words or abbreviations in capitals: no stop
modifier (determiners, timing, urgency, laterality, generic words: PROC_STOP_MODS, which
are stripped at the start), no route alone (PROC_ROUTES), no diagnostic, laboratory,
control or access-device word (PROC_NOT_THERAPY). A phrase is kept when it is seen in a
context in PROC_MIN_CONTEXT_DOCS document(s) and written in PROC_MIN_DOCS documents, and
when the rules as they are (without therapy-phrases-mined.rules) give, in the carrier
sentence "They had X today.", no therapy mention of the whole phrase, no condition or
effect mention inside it (a condition before the head stays a condition: "hernia
repair"), no listed therapy with an id inside it (the mention keeps its id), and no
therapy mention that ends at its head ("laparoscopic cholecystectomy" stays
"cholecystectomy"): so the phrases are therapies no lexicon names yet, or the name of
what a listed word without an id was given by ("corticosteroid injection"). This runs
the therex binary.
"""
import collections
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harvest_lexicons import THERAPY_STOP, DRUG_SUFFIXES, stop_entries, match_key  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from therex_bin import therex_binary  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
THEREX_BUILDS = ('build', 'build-bench', 'build-release')  # where therex_binary looks, in order
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
            if not name.endswith('.rules') or path in (OUT, PROC_OUT):
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


# NORMALISATION: a mined word that is a MeSH 2024 entry term of exactly one descriptor of
# the chemicals and drugs (tree D) or of the therapeutic, surgical and dental procedures
# (E02, E04, E06) carries that descriptor's id ("acarbose", "collagenase", "taxane" as
# Taxoids, "pleurocentesis" as Thoracentesis): the vocabulary (gen_vocab.py) lists only
# the chemicals with a therapeutic action, and a word the text shows given is a therapy
# whatever MeSH says it does. Not organisms (B: "spirulina" names the alga) nor cells (A).
MESH_TERMS = os.path.join(REPO, '..', 'shared', 'data', 'vocab', 'mesh-2024', 'terms.tsv')
MESH_TREES = os.path.join(REPO, '..', 'shared', 'data', 'vocab', 'mesh-2024', 'trees.tsv')
MESH_ID_TREES = ('D', 'E02', 'E04', 'E06')


def mesh_ids():
    """match key -> MeSH descriptor ids of the trees MESH_ID_TREES whose entry term it is
    (un-inverted as gen_vocab.py does); empty when the vocabulary is absent."""
    if not os.path.exists(MESH_TERMS):
        return {}
    csv.field_size_limit(1 << 30)
    with open(MESH_TREES, encoding='utf-8', newline='') as f:
        wanted = {r['DescriptorUI'] for r in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE)
                  if r['TreeNumber'].startswith(MESH_ID_TREES)}
    ids = collections.defaultdict(set)
    with open(MESH_TERMS, encoding='utf-8', newline='') as f:
        for r in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE):
            if r['DescriptorUI'] in wanted:
                t = r['TermName']
                if ', ' in t:
                    t = ' '.join(reversed(t.split(', ')))
                ids[match_key(t)].add(r['DescriptorUI'])
    return ids


def write_entries(out, kept, ids=None):
    """Writes mined entries (form, documents, documents per context kind), each after a
    comment with its counts, with the MeSH id of the one descriptor that lists the form
    (ids: mesh_ids()), if any."""
    for form, ndocs, kinds in kept:
        detail = ' '.join(f'{k} {len(v)}' for k, v in sorted(kinds.items()))
        out.write(f'  # {ndocs} docs: {detail}\n')
        d = (ids or {}).get(match_key(form), ())
        out.write(f'  "{form}"' + (f' MeSH:{next(iter(d))}' if len(d) == 1 else '') + '\n')


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


# ---------------------------------------------------------------- procedures (phrases)
PROC_OUT = os.path.join(REPO, 'rules', 'lexicons', 'mined', 'therapy-phrases-mined.rules')
# a phrase must be seen in a procedure context in PROC_MIN_CONTEXT_DOCS document(s) and
# be written, anywhere in the text, in PROC_MIN_DOCS documents (a term, not a one-off)
PROC_MIN_CONTEXT_DOCS = 1
PROC_MIN_DOCS = 2
PROC_MAX_WORDS = 4
# head nouns of an operation or an intervention done to the patient; diagnostic
# procedures (-scopy, -graphy, biopsy, imaging, test ...) are left out on purpose
PROC_SUFFIX_HEADS = ('ectomy', 'ectomies', 'otomy', 'otomies', 'ostomy', 'ostomies',
                     'plasty', 'plasties', 'pexy', 'pexies', 'desis', 'rrhaphy', 'tripsy')
# heads that name the operation by themselves: a single word is kept ("curettage")
PROC_OWN_HEADS = {
    'transplantation', 'adhesiolysis', 'neurolysis', 'thrombolysis', 'amputation',
    'debridement', 'cauterization', 'cauterisation', 'enucleation', 'curettage',
    'cardioversion', 'revascularization', 'revascularisation', 'reimplantation',
    'embolization', 'embolisation', 'stenting', 'grafting', 'sclerotherapy',
}
# heads that need a modifier to name a procedure ("valve replacement", "ACL
# reconstruction", "cataract extraction"; a bare "repair" or "removal" is no name)
PROC_HEADS = PROC_OWN_HEADS | {
    'transplant', 'resection', 'excision', 'repair', 'ablation', 'implantation',
    'replacement', 'reconstruction', 'bypass', 'drainage', 'irrigation', 'removal', 'extraction', 'decompression', 'fixation', 'injection',
    'infusion', 'block', 'stimulation', 'ligation', 'graft', 'surgery',
    'evacuation', 'transposition', 'banding', 'tamponade', 'fusion', 'coiling', 'clipping',
    'insertion', 'shunting', 'suturing', 'transection',
}
# dilation, occlusion, closure, release: also a finding or a measure ("cervical
# dilatation", "ventricular dilation", "ductus closure"), the approach shapes of
# lexicons/morphology/therapies.rules take them; transfusion: mostly an outcome
# counted ("reduced blood transfusion", "transfusion requirements")
# the contexts that say a procedure was done to patients
PROC_TOK = r'[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*'
PROC_NP = r'(?<![\w-])(?P<x>(?:' + PROC_TOK + r'\s+){0,5}?' + PROC_TOK + r')'
PROC_CONTEXTS = [
    # "patients who underwent X", "women undergoing X", "scheduled for elective X"
    ('underwent', re.compile(r'\b(?:underwent|undergoing|undergo|undergoes|undergone|'
                             r'scheduled\s+for)\s+' + PROC_NP
                             + r'(?=\s*(?:[,.;:()\[]|and\b|or\b|for\b|in\b|at\b|with\b|'
                             r'between\b|during\b|from\b|were\b|was\b|under\b|$))')),
    # "received a kidney transplant", "requiring surgical drainage", "candidates for X",
    # "randomized to X"
    ('received', re.compile(r'\b(?:received|receiving|required|requiring|require|needed|'
                            r'needing|candidates?\s+for|referred\s+for|eligible\s+for|'
                            r'(?:randomi[sz]ed|randomly\s+assigned|allocated)\s+to(?:\s+receive)?)\s+'
                            + PROC_NP + r'(?=\s*(?:[,.;:()\[]|and\b|or\b|for\b|in\b|at\b|'
                            r'with\b|versus\b|vs\b|during\b|were\b|was\b|$))')),
    # "X was performed", "X were carried out"
    ('performed', re.compile(PROC_NP + r'\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+'
                             r'(?:\w+ly\s+)?(?:performed|carried\s+out|undertaken)\b')),
    # "treated with X", "treated surgically by X", "managed by X"
    ('treated-by', re.compile(r'\b(?:treated|managed)\s+(?:\w+ly\s+)?(?:with|by)\s+'
                              + PROC_NP + r'(?=\s*(?:[,.;:()\[]|and\b|or\b|for\b|in\b|'
                              r'at\b|with\b|plus\b|alone\b|followed\b|$))')),
]
# words that are no part of a procedure's name: determiners, numbers, timing, urgency,
# success, laterality, size and generic words; they are stripped at the start of a
# phrase, and a phrase that holds one further in is dropped
PROC_STOP_MODS = set("""
a an the this these that those their his her its our either both each all any no only
one two three four five six seven first second third further additional subsequent
previous prior recent initial repeat repeated redo secondary primary early late delayed
immediate emergency emergent urgent elective planned scheduled successful unsuccessful
failed uncomplicated complicated simultaneous concomitant combined staged isolated
unilateral bilateral left right major minor extensive limited standard conventional
routine usual new novel same different other several various multiple
surgical operative therapeutic curative palliative prophylactic definitive adjuvant
neoadjuvant salvage rescue potentially when whereas while after before during then
also who which was were had has have being been patient patients women men children
infants group groups case cases similar such more most less least high low higher lower
fewer frequent infrequent long-term short-term prolonged brief
""".split())
# modifiers that make no therapy: a diagnostic or laboratory procedure, a control, a
# device put in or taken out for access ("catheter removal", "tube insertion"), a
# disease model ("cecal ligation" and puncture gives sepsis), a generic fluid, a tooth
# extraction (mostly the setting of analgesic trials), cardiopulmonary bypass (the
# support of an operation, its setting), a glucose infusion (a metabolic test, a clamp)
PROC_NOT_THERAPY = set("""
biopsy biopsies diagnostic exploratory staging screening test testing imaging dna rna
cdna protein gene genomic sample samples specimen specimens tissue tissues cell cells
oocyte oocytes sperm embryo embryos egg eggs data information contrast tracer dye
laboratory experimental animal mice mouse rat rats dog dogs pig pigs placebo sham
vehicle dummy mock saline solution solvent phenol chloroform catheter catheters tube
tubes cannula line lines port needle electrode electrodes drain drains cecal caecal
regular tooth teeth molar molars dental cardiopulmonary glucose
""".split())
# a route or site alone does not name what was given ("intramuscular injection")
PROC_ROUTES = set("""
intravenous intramuscular subcutaneous intradermal intraarterial intra-arterial
intralesional intrathecal intravitreal intraperitoneal intraarticular intra-articular
intracoronary intravesical intracavernous intracavernosal intraocular intranasal
epidural oral topical local systemic bolus peripheral central continuous iv im sc
""".split())
# left out on purpose as in lexicons/therapies.rules: in these abstracts mostly the
# setting of a study ("women undergoing controlled ovarian stimulation")
PROC_SETTINGS = ('ovarian stimulation', 'ovarian hyperstimulation', 'embryo transfer',
                 'sperm injection', 'insemination', 'fertilization', 'fertilisation')


def proc_phrase(words):
    """The procedure name in a run of words that ends at a context, or None."""
    while words and words[0].lower() in PROC_STOP_MODS:
        words = words[1:]
    if not words or len(words) > PROC_MAX_WORDS:
        return None
    low = [w.lower() for w in words]
    head = low[-1]
    singular = head[:-1] if head.endswith('s') and head[:-1] in PROC_HEADS else head
    suffix = head.endswith(PROC_SUFFIX_HEADS)
    if not suffix and singular not in PROC_HEADS:
        return None
    if len(words) == 1 and not suffix and singular not in PROC_OWN_HEADS:
        return None
    for w, lw in zip(words, low):
        if lw in PROC_STOP_MODS or lw in PROC_NOT_THERAPY or lw in STOP_FUNCTION:
            return None
        # lowercase words, or an abbreviation in capitals ("ACL", "CABG"); no names
        if not (w == lw or re.fullmatch(r'[A-Z][A-Z0-9]{1,5}(?:-[A-Za-z0-9]+)?', w)):
            return None
        if re.fullmatch(r'[a-z]+ly', lw) or re.search(r'\d', lw) and not re.search(r'[a-z]', lw):
            return None
    if all(lw in PROC_ROUTES for lw in low[:-1]) and len(low) > 1 and not suffix \
            and singular not in PROC_OWN_HEADS:
        return None
    if any(p in ' '.join(low) for p in PROC_SETTINGS):
        return None
    # named in the singular (the trie matches the plural too)
    if singular != head:
        words[-1] = words[-1][:-1]
    elif head.endswith('ies') and head[:-3] + 'y' != head:
        words[-1] = words[-1][:-3] + 'y'
    return ' '.join(words)


STOP_FUNCTION = set("""
of in on at to for from by with without and or but nor than as into onto per via versus vs
is are be was were has have had do does did not
""".split())


def mine_procedure_phrases(docs, contexts, phrase_fn):
    """phrase -> context kind -> documents; and the lowercased phrase -> its forms."""
    hits = collections.defaultdict(lambda: collections.defaultdict(set))
    forms = collections.defaultdict(collections.Counter)
    for i, text in enumerate(docs):
        for sent in sentences(text):
            for kind, rx in contexts:
                for m in rx.finditer(sent):
                    words = m.group('x').split()
                    # the first word of a sentence may be capitalised
                    if m.start('x') == 0 and re.fullmatch(r'[A-Z][a-z-]+', words[0]):
                        words[0] = words[0].lower()
                    # "X was performed": the phrase starts after a boundary, a stop
                    # word or a function word, never inside a name
                    left = sent[:m.start('x')].rstrip()
                    start_ok = kind not in BACKWARD_KINDS or left == '' or left[-1] in ',;:(' \
                        or left.split()[-1].lower() in PROC_STOP_MODS | STOP_FUNCTION
                    for k in range(len(words)):
                        # not after "to": "required to prevent graft ..." is a verb
                        ok = start_ok if k == 0 else \
                            words[k - 1].lower() in PROC_STOP_MODS | STOP_FUNCTION \
                            and words[k - 1].lower() != 'to'
                        phrase = phrase_fn(words[k:]) if ok else None
                        if phrase:
                            key = phrase.lower()
                            hits[key][kind].add(i)
                            forms[key][phrase] += 1
                            break
    return hits, forms


# ---------------------------------------------------------------- products (phrases)
# Names of two or three words of a product given, in the contexts that name what was
# given: "treated with X", "received X", "randomized to X", "administration / infusion /
# injection / dose of X", "X was administered / given / infused". The last word must be
# the head noun of a product ("protein C concentrate", "anti-thymocyte globulin",
# "botulinum toxin", "magnesium sulfate", "fish oil", "COX inhibitor"); the words before
# it are lowercase words, abbreviations or single capitals, and none of the stop words.
# (no plasma, hormone, serum: also a sample or a level measured; no drops, formula,
# solution: a vehicle or a feed)
PRODUCT_HEADS = {
    'concentrate', 'concentrates', 'toxin', 'toxins', 'immunoglobulin', 'immunoglobulins',
    'globulin', 'antiserum', 'antitoxin', 'antivenom', 'antivenin', 'oil', 'oils',
    'juice', 'tea', 'powder', 'gel', 'cream', 'ointment', 'lotion', 'spray', 'emulsion',
    'decoction', 'granules', 'paste', 'inhibitor', 'inhibitors', 'blocker', 'blockers',
    'sulfate', 'sulphate', 'chloride', 'citrate', 'carbonate', 'gluconate',
    'bicarbonate', 'hydroxide', 'phosphate', 'oxide', 'lactate', 'fumarate',
    'succinate', 'tartrate', 'maleate', 'bromide', 'iodide', 'glycinate',
}
PRODUCT_CONTEXT_WORDS = (r'(?:treated\s+(?:\w+ly\s+)?(?:with|by)|received|receiving|'
                         r'(?:randomi[sz]ed|randomly\s+assigned|allocated)\s+to(?:\s+receive)?|'
                         r'(?:administration|infusion|infusions|injection|injections|dose|'
                         r'doses|supplementation|transfusion|transfusions)\s+of)')
PRODUCT_CONTEXTS = [
    ('given-x', re.compile(r'\b' + PRODUCT_CONTEXT_WORDS + r'\s+' + PROC_NP
                           + r'(?=\s*(?:[,.;:()\[]|and\b|or\b|for\b|in\b|at\b|to\b|'
                           r'with\b|versus\b|vs\b|during\b|were\b|was\b|plus\b|alone\b|'
                           r'daily\b|twice\b|once\b|\d|$))')),
    ('was-given', re.compile(PROC_NP + r'\s+(?:was|were)\s+(?:\w+ly\s+)?(?:administered|'
                             r'given|infused|injected|instilled)\b')),
]
BACKWARD_KINDS = {'performed', 'was-given'}


def product_phrase(words):
    """The product name in a run of words that ends at a context, or None."""
    while words and words[0].lower() in PROC_STOP_MODS | PROC_ROUTES:
        words = words[1:]
    if not 2 <= len(words) <= 3 or words[-1].lower() not in PRODUCT_HEADS:
        return None
    for w in words:
        lw = w.lower()
        if lw in PROC_STOP_MODS | PROC_ROUTES | PROC_NOT_THERAPY | STOP_FUNCTION \
                or re.fullmatch(r'[a-z]+ly', lw) or not re.search(r'[a-z]', lw):
            return None
        # lowercase words, abbreviations in capitals, a single capital ("protein C")
        if not (w == lw or re.fullmatch(r'[A-Z][A-Z0-9]{0,5}(?:-[A-Za-z0-9]+)?', w)):
            return None
    if words[-1].endswith('s') and words[-1][:-1].lower() in PRODUCT_HEADS:
        words = words[:-1] + [words[-1][:-1]]
    return ' '.join(words)


def count_docs(docs, keys):
    """In how many documents each phrase is written (word bounded, any case)."""
    counts = collections.Counter()
    by_first = collections.defaultdict(list)
    for key in keys:
        by_first[key.split()[0]].append(key)
    for text in docs:
        low = text.lower()
        seen = set()
        for first, group in by_first.items():
            if first not in low:
                continue
            for key in group:
                if re.search(r'(?<![\w-])' + re.escape(key) + r's?(?![\w-])', low):
                    seen.add(key)
        counts.update(seen)
    return counts


def current_mentions(phrases):
    """The mentions the rules give now (without the procedures file) for each phrase
    in a neutral carrier sentence: phrase -> [(type, start, end, has_id)]."""
    tmp = tempfile.mkdtemp(prefix='mine-proc-')
    try:
        rules = os.path.join(tmp, 'rules')
        shutil.copytree(os.path.join(REPO, 'rules'), rules,
                        ignore=lambda d, names: [n for n in names if n == os.path.basename(PROC_OUT)
                                                 or n == 'tools'])
        carrier = 'They had {} today.'
        docs = os.path.join(tmp, 'docs.jsonl')
        with open(docs, 'w', encoding='utf-8') as f:
            for n, p in enumerate(phrases):
                f.write(json.dumps({'id': f'p{n}', 'title': '',
                                    'abstract': carrier.format(p)}) + '\n')
        out = subprocess.run([therex_binary(THEREX_BUILDS), 'explain', '-r', rules, '--doc', docs],
                             capture_output=True, text=True, check=True).stdout
    finally:
        shutil.rmtree(tmp)
    result = {p: [] for p in phrases}
    parsed = set()
    current = None
    lead = len('They had ')
    for line in out.splitlines():
        m = re.match(r'sentence \d+ \(abstract(?: \[\d+,\d+\))?\): They had (.*) today\.$', line)
        if m:
            current = m.group(1)
            parsed.add(current)
            continue
        m = re.match(r'\s+mention \d+: (\w+)\s+".*" \[(\d+),(\d+)\) -> (.*)$', line)
        if m and current in result:
            has_id = re.search(r'\s[A-Za-z]+:[A-Za-z0-9]+\s+\(', m.group(4)) is not None
            result[current].append((m.group(1), int(m.group(2)) - lead,
                                    int(m.group(3)) - lead, has_id))
    missing = [p for p in phrases if p not in parsed]
    if missing:
        # explain's output changed shape: without its sentences every candidate would
        # pass the filter, so stop rather than write a wrong file
        sys.exit(f'mine_therapies.py: {len(missing)} of {len(phrases)} carrier sentences not '
                 f'found in the output of therex explain (first: {missing[0]!r}); '
                 'has its format changed?')
    return result


def mine_procedures(report, docs, contexts, phrase_fn):
    hits, forms = mine_procedure_phrases(docs, contexts, phrase_fn)
    candidates = [k for k, kinds in hits.items()
                  if len(set().union(*kinds.values())) >= PROC_MIN_CONTEXT_DOCS]
    ndocs = count_docs(docs, candidates)
    candidates = sorted(k for k in candidates if ndocs[k] >= PROC_MIN_DOCS)
    forms_of = {k: forms[k].most_common(1)[0][0] for k in candidates}
    mentions = current_mentions([forms_of[k] for k in candidates])
    kept = []
    for key in candidates:
        form = forms_of[key]
        ms = [m for m in mentions[form] if m[2] > 0 and m[1] < len(form)]
        why = None
        if any(t != 'therapy' for t, *_ in ms):
            why = 'holds a condition or effect'
        elif any(s <= 0 and e >= len(form) for t, s, e, _ in ms):
            why = 'known'
        elif any(has_id for *_, has_id in ms):
            why = 'holds a listed therapy with an id'
        elif any(e >= len(form) for t, s, e, _ in ms):
            # "laparoscopic cholecystectomy", "allogeneic transplantation": the head
            # is a mention already; a longer name would only rename it
            why = 'head known'
        kinds = hits[key]
        if report:
            print(f"{'KEEP' if why is None else 'drop'} {key:45s} docs {ndocs[key]:3d} "
                  + ' '.join(f'{k}:{len(v)}' for k, v in sorted(kinds.items()))
                  + (f'  ({why})' if why else ''))
        if why is None:
            kept.append((form, ndocs[key], kinds))
    return kept


def write_procedures(procedures, products):
    with open(PROC_OUT, 'w', encoding='utf-8') as out:
        out.write(f"""# therapy-phrases-mined.rules: names of therapies of several words, mined from
# unannotated text (pubmed-10k abstracts, ctgov-domain trials). GENERATED FILE: do not
# edit by hand; change rules/tools/mine_therapies.py and regenerate with
#   {COMMAND}
# (run from the repository root; it runs the therex binary of build/ or build-bench/).
# Two kinds, each named by its own text (no id):
# - operations and interventions of 1 to {PROC_MAX_WORDS} words, by the contexts that say a
#   procedure was done: "underwent/undergoing X", "scheduled for X", "received/required
#   X", "candidates for X", "randomized to X", "X was/were performed/carried
#   out/undertaken", "treated/managed with/by X". X ends in the head noun of an operation
#   (-ectomy, -otomy, -ostomy, -plasty, -pexy, -desis, -rrhaphy, -tripsy) or of an
#   intervention (replacement, reconstruction, repair, resection, injection, infusion,
#   block, stimulation ...); diagnostic procedures (-scopy, -graphy, biopsy, imaging) are
#   no heads.
# - products of 2 or 3 words, by the contexts that name what was given: "treated with
#   X", "received X", "randomized to X", "administration/infusion/dose of X", "X was
#   administered/given"; X ends in the head noun of a product (concentrate, globulin,
#   toxin, oil, juice, cream, inhibitor, blocker, a salt: sulfate, chloride ...).
# Filters: seen in a context in {PROC_MIN_CONTEXT_DOCS}+ document and written in {PROC_MIN_DOCS}+ documents; no stop
# modifier (determiners, timing, urgency, laterality, routes, generic words) and no
# diagnostic, laboratory or control word; and, by what the rules (without this file) find
# in "They had X today.": not already one therapy mention, no condition or effect mention
# inside (a condition before the head stays a condition: "hernia repair"), no listed
# therapy with an id inside (it keeps its id), and no therapy mention ending at the head
# ("laparoscopic cholecystectomy" stays "cholecystectomy"). Each entry is preceded by a
# comment: documents written in, then documents per context.
# {len(procedures)} procedures, {len(products)} products.
lexicon therapy
""")
        for title, kept in (('procedures', procedures), ('products', products)):
            out.write(f'# ---------------------------------------------------------------- {title}\n')
            write_entries(out, kept)
        out.write('end\n')
    print(f'{len(procedures)} + {len(products)} entries written to '
          f'{os.path.relpath(PROC_OUT, REPO)}', file=sys.stderr)


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
# condition or adjective shape, no term of another lexicon. An entry carries the MeSH id
# of the one descriptor of trees D, E02, E04 or E06 (MeSH 2024) that lists it, if any.
# Each entry is preceded by a comment: documents, then documents per context.
# {len(kept)} entries.
lexicon therapy
""")
        write_entries(out, kept, mesh_ids())
        out.write('end\n')
    print(f'{len(kept)} entries written to {os.path.relpath(OUT, REPO)}', file=sys.stderr)
    docs = list(read_docs())
    write_procedures(mine_procedures(report, docs, PROC_CONTEXTS, proc_phrase),
                     mine_procedures(report, docs, PRODUCT_CONTEXTS, product_phrase))


if __name__ == '__main__':
    main()
