#!/usr/bin/env python3
"""Generate the vocabulary lexicons of therex from MeSH 2024 and the Disease Ontology.

usage (from the repository root):
  python3 rules/tools/gen_vocab.py              # writes rules/lexicons/vocab/*.rules
  python3 rules/tools/gen_vocab.py --report R   # also writes every dropped form, with
                                                # its reason and pubmed-10k documents, to R

Reads ../shared/data/vocab/mesh-2024 (terms.tsv, trees.tsv, pharmacological-actions.tsv),
../shared/data/vocab/disease-ontology (lexicon.tsv, xrefs.tsv), and, for the measurand
filter and for the casing of canonical names, ../shared/data/pubmed-10k/abstracts.tsv;
/usr/share/dict/words (Debian package wamerican) for the English-word filters. Python 3
standard library only; the output is deterministic (same input, same bytes).

Writes three files to rules/lexicons/vocab/, which load after every other lexicon of the
pack (a folder's own files load before its sub-folders, sub-folders in sorted order), so
that a hand-written, harvested or mined entry of the same span wins the tie (therex keeps
the earlier-loaded entry of two of equal span; the longest match still wins first):
  conditions-mesh.rules  MeSH descriptors of trees C (diseases) and F03 (mental disorders),
                         with the Disease Ontology terms of the diseases whose MeSH
                         cross-reference (xrefs.tsv) names them: one condition, one id
  conditions-do.rules    Disease Ontology diseases with no MeSH cross-reference: DOID ids,
                         and DO diseases cross-referenced to a MeSH supplementary concept
                         (MeSH:C...) or to a MeSH descriptor outside C/F03
  therapies-mesh.rules   MeSH descriptors of tree D (chemicals and drugs) with a
                         therapeutic pharmacological action (one filed under D27.505.954
                         "Therapeutic Uses"), the drug classes themselves (those actions),
                         vaccines (D20.215.894), and procedures of trees E02 (therapeutics)
                         and E04 (surgical procedures)
A form (a MeSH entry term or a DO label or synonym) is listed once in the three files: a
form that two ids claim goes to the one whose preferred name it is, else it is dropped.

The filters, each with its reason, are the constants and functions below marked FILTER.
"""
import argparse
import collections
import csv
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(REPO, '..', 'shared', 'data')
MESH_DIR = os.path.join(SHARED, 'vocab', 'mesh-2024')
DO_DIR = os.path.join(SHARED, 'vocab', 'disease-ontology')
P10K = os.path.join(SHARED, 'pubmed-10k', 'abstracts.tsv')
WORDS = '/usr/share/dict/words'
OUT_DIR = os.path.join(REPO, 'rules', 'lexicons', 'vocab')
COMMAND = 'python3 rules/tools/gen_vocab.py'
MESH_YEAR = '2024'
DO_RELEASE = '2026-07-31'

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lexicon_forms import entry_lines, match_key  # noqa: E402
from lexicon_stoplists import (THERAPY_STOP, stop_entries, CONDITION_STOP,  # noqa: E402
                               VAGUE_HEADS)
from lexicon_stoplists import THERAPY_FORM_STOP as HARVEST_THERAPY_FORM_STOP  # noqa: E402

csv.field_size_limit(1 << 30)

# --without NAME switches a filter off, to measure what it does (see FILTERS)
DISABLED = set()
FILTERS = {
    'excluded-descriptors': 'the descriptors and subtrees of CONDITION_EXCLUDE_* and '
                            'THERAPY_EXCLUDE_* (and diagnostic procedures)',
    'therapeutic-extra': 'the clinical classes of THERAPEUTIC_EXTRA',
    'classes': 'drug classes as therapies',
    'vaccines': 'vaccines as therapies',
    'do': 'the Disease Ontology',
    'short': 'forms of fewer than MIN_ALNUM letters and digits',
    'generic': 'GENERIC_FORMS', 'stop': 'FORM_STOP and the harvested stop lists',
    'outcome-head': 'OUTCOME_HEADS', 'code-english': 'code names that spell a word',
    'numbered': 'numbered DO loci', 'abbreviation-english': 'abbreviations that spell a word',
    'adjective-class': 'one-word adjective classes',
    'english': 'ENGLISH_STOP and English-word trade names',
    'stoplist': 'the shared therapy stop lists (THERAPY_STOP)',
    'measurand': 'measurands', 'names-its-condition': 'therapies named by their condition',
    'class-plurals': 'the plural-only regex synonyms of one-word adjective classes',
    'organ-metastasis': 'the ORGAN_METASTASIS forms ("liver metastases" as liver neoplasms)',
    'british': 'the British spellings of condition and therapy forms (BRITISH_SPELLINGS, '
               'BRITISH_THERAPY_SPELLINGS)',
}


# ---------------------------------------------------------------------------
# Which descriptors

# FILTER: condition subtrees that are no condition a therapy claim is about.
CONDITION_EXCLUDE_TREES = {
    'C23.550.288': 'Disease: the generic word ("disease", "disorder")',
    'C23.550.291': 'Disease Attributes: acute/chronic disease, disease progression, '
                   'recurrence, remission, convalescence: the course of a disease, no disease',
    'C23.550.260': 'Death: an outcome ("death", "sudden death"), not a condition treated',
    'C23.550.727': 'Neoplastic Processes: carcinogenesis, cell transformation, anaplasia: '
                   'processes studied as mechanism',
    'C23.550.362': 'Genomic Instability: a mechanism',
    'C23.550.210': 'Chromosome Aberrations: karyotype findings ("translocation", '
                   '"aneuploidy", "deletion"), measured, not treated',
    'C23.550.505': 'Intraoperative Complications: the setting of a harm',
    'C23.550.543': 'Long Term Adverse Effects: harms of a therapy',
    'C23.550.340': 'Extravasation of Diagnostic and Therapeutic Materials: harm',
    'C23.149': 'Morphological and Microscopic Findings: what a pathologist sees '
               '("inclusion bodies", "Lewy bodies")',
    'C23.888.144': 'Body Weight: "body weight", "weight loss", "weight gain" are outcomes '
                   'that effects name ("reduces body weight"); obesity is in C18 anyway',
    'C25.100': 'Drug-Related Side Effects and Adverse Reactions: harms of therapies, '
               'which GUIDELINES.md says are no therapy claims',
    'C22': 'Animal Diseases: veterinary ("cattle diseases"), and named by their species',
    'C04.697.650': 'Neoplasm Metastasis ("lymph node metastasis"): a course and a finding',
}

# FILTER: single condition descriptors that name no condition of their own.
CONDITION_EXCLUDE_IDS = {
    'D004194': 'Disease (generic)',
    'D013568': 'Syndrome (generic)',
    'D010335': 'Pathologic Processes (generic)',
    'D012816': 'Signs and Symptoms (generic)',
    'D020969': 'Disease Attributes (generic)',
    'D002908': 'Chronic Disease (generic)',
    'D000208': 'Acute Disease (generic)',
    'D035583': 'Rare Diseases (generic)',
    'D030342': 'Genetic Diseases, Inborn (generic "genetic disease")',
    'D009369': 'Neoplasms: bare "neoplasm", "tumor" and "cancer" are hand-written entries',
    'D009378': 'Neoplasms, Multiple Primary: a study population',
    'D009364': 'Neoplasm Recurrence, Local ("local recurrence"): a course',
    'D009362': 'Neoplasm Metastasis ("metastasis"): a course and a finding',
    'D020178': 'Neoplasm, Residual ("residual disease"): a finding',
    'D000072656': 'Tumor Burden: a measure',
    'D018450': 'Disease Progression: a course',
    'D012008': 'Recurrence: a course',
    'D012074': 'Remission, Spontaneous: a course',
    'D016638': 'Critical Illness: a setting ("critically ill patients")',
    'D007049': 'Iatrogenic Disease: a harm of care',
    'D064420': 'Drug-Related Side Effects and Adverse Reactions: harms',
    'D004342': 'Drug Hypersensitivity: a harm of a drug',
    'D056486': 'Chemical and Drug Induced Liver Injury: a harm of a drug',
    'D011183': 'Postoperative Complications: the setting of a harm',
    'D063130': 'Maternal Death: an outcome',
    'D054239': 'Perinatal Death: an outcome',
}

# FILTER: pharmacological actions count as therapeutic when filed under "Therapeutic
# Uses" (D27.505.954): anti-infective, antineoplastic, cardiovascular agents ...; a
# chemical whose actions are all molecular mechanisms ("Enzyme Inhibitors"), physiological
# effects ("Vasoconstrictor Agents") or specialty uses ("Indicators and Reagents",
# "Insecticides", "Poisons", "Carcinogens") is studied or used, not given as a treatment.
THERAPEUTIC_TREE = 'D27.505.954'
THERAPEUTIC_TOP = 'D045506'  # "Therapeutic Uses" itself: generic
# ... and these clinical drug classes, which MeSH files under a physiological effect or a
# molecular mechanism, not under Therapeutic Uses: without them metformin, insulin,
# sitagliptin, vitamin D, alendronate, tacrolimus, rocuronium, botulinum toxin,
# furosemide, progesterone or deferoxamine would be no therapy. Chosen by the pubmed-10k
# documents in which the chemicals that have no Therapeutic Uses action are given
# ("treated with X", "X therapy", "dose of X"): every action with 10 or more such
# documents that is a class of medicines (not "Enzyme Inhibitors", "Sweetening Agents",
# "Trace Elements", "Antioxidants", "Immunologic Factors": reagents, foods, measurands).
THERAPEUTIC_EXTRA = {
    'D007004': 'Hypoglycemic Agents', 'D054795': 'Incretins',
    'D000097789': 'Glucagon-Like Peptide-1 Receptor Agonists',
    'D054873': 'Dipeptidyl-Peptidase IV Inhibitors',
    'D000077203': 'Sodium-Glucose Transporter 2 Inhibitors',
    'D014815': 'Vitamins', 'D014803': 'Vitamin B Complex',
    'D050071': 'Bone Density Conservation Agents',
    'D000077264': 'Calcium-Regulating Hormones and Agents', 'D057966': 'Calcimimetic Agents',
    'D007166': 'Immunosuppressive Agents', 'D065095': 'Calcineurin Inhibitors',
    'D003473': 'Neuromuscular Nondepolarizing Agents',
    'D009467': 'Neuromuscular Depolarizing Agents', 'D009465': 'Neuromuscular Agents',
    'D065087': 'Acetylcholine Release Inhibitors', 'D008916': 'Miotics',
    'D010277': 'Parasympathomimetics', 'D000931': 'Antidotes',
    'D020011': 'Protective Agents', 'D011837': 'Radiation-Protective Agents',
    'D011372': 'Progestins', 'D000728': 'Androgens', 'D004967': 'Estrogens',
    'D004965': 'Estrogen Antagonists', 'D020845': 'Selective Estrogen Receptor Modulators',
    'D000451': 'Mineralocorticoid Receptor Antagonists', 'D013956': 'Antithyroid Agents',
    'D004232': 'Diuretics', 'D004234': 'Diuretics, Osmotic',
    'D049994': 'Sodium Potassium Chloride Symporter Inhibitors',
    'D062686': 'Epithelial Sodium Channel Blockers',
    'D007502': 'Iron Chelating Agents', 'D017262': 'Siderophores',
    'D018491': 'Dopamine Agonists', 'D017367': 'Selective Serotonin Reuptake Inhibitors',
    'D055675': 'Viscosupplements',
}

# Drug classes of a molecular mechanism or physiological effect ("Angiotensin-Converting
# Enzyme Inhibitors", "Proton Pump Inhibitors", "Calcium Channel Blockers") are named
# as therapies when most of the chemicals that have the action have a therapeutic one too.
CLASS_MIN_MEMBERS = 3
CLASS_MIN_THERAPEUTIC = 0.6
CLASS_TREES = ('D27.505.519', 'D27.505.696')

VACCINE_TREE = 'D20.215.894'

# FILTER: therapy subtrees (E02, E04, D) that are no therapy of a claim.
THERAPY_EXCLUDE_TREES = {
    'E02.183': 'Clinical Protocols: a study design, not a therapy',
    'E02.208': 'Contraindications',
    'E02.760': 'Patient Care ("hospitalization", "nursing care"): the setting of care',
    'E02.765': 'Patient Care Bundles: organisation of care',
    'E02.770': 'Patient Isolation: infection control',
    'E02.782': 'Precision Medicine: a programme',
    'E02.785': 'Placebos: a comparator, not a therapy; the rules treat "placebo" '
               'in their own patterns',
    'E02.637': 'Non-Medical Prescribing: who prescribes',
    'E02.887': 'Retreatment: a course',
    'E02.990': 'Treatment Switching: a course',
    'E02.897': 'Secondary Prevention: a goal, not a therapy',
    'E02.919': 'Tertiary Prevention: a goal',
    'E02.875': 'Reproductive Techniques (IVF, ICSI, embryo transfer, insemination, '
               'ovulation induction): left out on purpose, as in therapies.rules: in '
               'this domain they are mostly the setting of a study',
    'E02.547': 'Hygiene ("hand hygiene", "oral hygiene"): prevention of exposure',
    'E02.148': 'Catheterization: access for care, mostly the setting of a complication '
               '("catheter-related infection")',
    'E02.585': 'Intubation: access for care, the setting of a complication',
    'E02.800': 'Punctures ("lumbar puncture"): diagnostic access',
    'E04.665': 'Punctures: diagnostic access',
    'E02.421': 'Feeding Methods ("breast feeding", "bottle feeding"): exposures of '
               'infants in most abstracts',
    'E02.792': 'Preservation, Biological (cryopreservation, tissue banking): lab technique',
    'E02.491': 'Glycemic Control: an outcome',
    'E04.074': 'Biopsy: diagnostic',
    'E04.510': 'Monitoring, Intraoperative: monitoring',
    'E04.604': 'Perioperative Care: the setting of surgery',
    'E04.614': 'Perioperative Period ("postoperative period"): a time',
    'E04.085': 'Body Modification, Non-Therapeutic (piercing, tattooing)',
    'E04.199': 'Device Removal: the end of a therapy',
    'E04.221': 'Dissection: a technique of any operation, and of anatomy',
    'E04.249': 'Elective Surgical Procedures: generic',
    'E04.030': 'Ambulatory Surgical Procedures: generic (a setting)',
    'E04.506': 'Minor Surgical Procedures: generic',
    'E04.582': 'Overlapping Surgery: scheduling',
    'E04.690': 'Reoperation: a course',
    'E04.708': 'Second-Look Surgery: a course',
    'E04.079': 'Bloodless Medical and Surgical Procedures: a policy',
    'D27.720': 'Specialty Uses of Chemicals (reagents, dyes, solvents, poisons)',
    'E02.319.267': 'Drug Administration Routes ("oral administration", "intravenous '
                   'injections"): how a drug is given, which the rules read around the drug',
    'E02.319.283': 'Drug Administration Schedule: a timing',
    'E02.319.300': 'Drug Delivery Systems (carriers, nanoparticles, pumps): a vehicle',
    'E02.319.305': 'Drug Dosage Calculations', 'E02.319.307': 'Drug Prescriptions',
    'E02.319.309': 'Drug Tapering: stopping', 'E02.319.243': 'Deprescriptions: stopping',
    'E02.319.335': 'Drug Therapy, Computer-Assisted', 'E02.319.490': 'Inappropriate Prescribing',
    'E02.319.529': 'Medication Errors', 'E02.319.698': 'Polypharmacy: a state of patients',
    'E02.319.703': 'Premedication: a timing', 'E02.319.890': 'Self Administration',
    'E02.319.900': 'Self Medication: a behaviour',
    'E02.190.901': 'Spiritual Therapies (magic, witchcraft, faith healing); yoga and '
                   'meditation stay through their mind-body tree numbers',
    'E02.190.262': 'Diffuse Noxious Inhibitory Control: a physiological phenomenon',
    'E02.190.044.555': 'Meridians: a concept of acupuncture, no therapy',
    'E02.041': 'Airway Management (intubation, laryngeal masks): part of anaesthesia care',
    'D27.505.954.578': 'Pharmaceutical Solutions (dialysis, ophthalmic, cardioplegic '
                       'solutions): vehicles',
    'D12.644.276.374.465': 'Interleukins: cytokines measured and studied as mechanism',
    'D12.776.467.374.465': 'Interleukins: cytokines measured and studied as mechanism',
}
# FILTER: a procedure that MeSH also files under Diagnosis (E01: endoscopy, colonoscopy,
# laryngoscopy, bronchoscopy, ERCP, sentinel node biopsy) examines the patient; the
# therapeutic uses of the instruments are named by what is done ("endoscopic resection",
# "polypectomy"), and the hand-written entries keep laparoscopy and hysteroscopy.
DIAGNOSTIC_TREE = 'E01'

# FILTER: single therapy descriptors that are generic words or no therapy.
THERAPY_EXCLUDE_IDS = {
    'D013812': 'Therapeutics ("therapy", "treatment"): the generic words',
    'D004358': 'Drug Therapy ("pharmacotherapy", "drug treatment"): generic',
    'D013514': 'Surgical Procedures, Operative ("surgery", "operation"): '
               'a hand-written entry in therapies.rules',
    'D020228': 'Pharmacologic Actions: generic',
    'D045506': 'Therapeutic Uses: generic',
    'D045504': 'Molecular Mechanisms of Pharmacological Action: generic',
    'D045505': 'Physiological Effects of Drugs: generic',
    'D003295': 'Convalescence: a course',
    'D011300': 'Premedication: a timing',
    'D019140': 'Self Medication: a behaviour',
    'D058005': 'Off-Label Use: a regulatory status',
    'D016032': 'Randomized Controlled Trials as Topic: a design',
    'D000072226': 'Conservative Treatment ("conservative management"): no therapy named',
    'D000067656': 'Operative Time: a measure',
    'D065227': 'Transplant Recipients: people',
    'D000074421': 'Deprescriptions: stopping a therapy',
    'D000072700': 'Conservative Treatment ("conservative management"): no therapy named',
    'D000203': 'Activities of Daily Living: a measure',
    'D007165': 'Immunosuppression Therapy ("immunosuppression"): mostly the state of '
               'immunosuppressed patients',
    'D015424': 'Reperfusion: the process of ischemia-reperfusion models',
    'D008026': 'Ligation: the way animal models induce disease ("coronary artery '
               'ligation"), and a step of molecular biology',
    'D016879': 'Salvage Therapy: a line of therapy, no therapy named',
    'D012074': 'Remission Induction: a goal',
    'D020360': 'Neoadjuvant Therapy: a timing, no therapy named',
    'D003131': 'Combined Modality Therapy: no therapy named',
    'D012648': 'Self Care: a behaviour',
    'D000529': 'Complementary Therapies: generic',
    'D008519': 'Medicine, Traditional: generic',
    'D059408': 'Pain Management: a goal ("for pain management")',
    'D054315': 'Oocyte Retrieval: a step of IVF, the setting of a study',
    'D007507': 'Therapeutic Irrigation ("lavage"): bronchoalveolar lavage is a sample',
    'D004638': 'Emergency Treatment: generic', 'D000093142': 'Bridge Therapy: generic',
    'D035703': 'Therapies, Investigational: generic',
    # research reagents and diagnostic agents that have a therapeutic action in MeSH
    'D011691': 'Puromycin: a selection reagent of cell culture',
    'D000077191': 'Wortmannin: a research kinase inhibitor',
    'D001973': 'Bromodeoxyuridine (BrdU): a label of proliferating cells',
    'D020891': 'Raclopride: a research and PET ligand',
    'D011070': 'Poly I-C: a research immune stimulant',
    'D016210': 'Methacholine: a diagnostic challenge agent',
    'D012310': 'Ristocetin: a laboratory reagent',
    'D003847': 'Deoxyglucose: a research glycolysis inhibitor and tracer',
    'D010835': 'Phytohemagglutinins: a laboratory mitogen',
    'D007371': 'Interferon-gamma: a cytokine measured and studied as mechanism',
    'D002328': 'Carisoprodol: its trade name "Soma" is the cell body',
    'D049088': 'Bariatrics: the medical specialty; the operations are "Bariatric Surgery"',
}


# ---------------------------------------------------------------------------
# Which forms

# FILTER: words that make a generic head; a form that is one of them alone (after its
# plural) names no condition or therapy: "Disease", "Syndrome", "Therapy", "Agents".
GENERIC_FORMS = set(match_key(w) for w in """
disease disorder syndrome illness condition sickness problem complication finding sign
symptom abnormality anomaly lesion injury damage defect deficiency insufficiency failure
dysfunction impairment pathology process state
therapy treatment therapeutic therapeutics intervention procedure operation surgery
technique method management care drug drugs medication medicine agent agents compound
preparation product substance chemical
""".split())

# FILTER: forms the pack's own rules need as plain words or as another type: effect and
# outcome words ("pain relief" is an effect), and study words that MeSH files as
# conditions or procedures ("relapse", "recurrence", "resistance").
FORM_STOP = set(match_key(w) for w in re.split(r'[,\n]', """
relapse, recurrence, remission, progression, resistance, tolerance, sensitivity,
response, toxicity, death, mortality, survival, morbidity, weight loss, weight gain,
pain relief, regression, healing, wound healing, recovery, prevention, screening,
diagnosis, prognosis, control, support, monitoring, follow-up, surveillance,
therapy, treatment, cure, rescue,
SCID
""") if w.strip())
# (SCID: "SCID mice", "NOD/SCID mice" are a mouse strain in most abstracts)

# FILTER: short forms. A form of at most 3 letters and digits ("ADD", "CAT", "Hip",
# "MS", "AD") is an abbreviation that biomedical text uses for many things, or an
# English word; therex matches it case-insensitively unless it has two capitals, and
# even then "PD" is Parkinson disease, progressive disease and peritoneal dialysis.
MIN_ALNUM = 4

# FILTER: long forms. MeSH keeps descriptive names of 7 words and more ("Malignant
# Tumor of the Breast of the Male") that abstracts do not write; they only cost memory.
MAX_WORDS = 6

# FILTER: abbreviations (all capitals) of up to 8 characters are matched case-
# sensitively; one that is an English word in capitals ("AIMS", "CASE", "CARE") would
# still take section labels and titles written in capitals, and one that two ids use
# is ambiguous; both are dropped.


def english_words():
    """Lowercase words of /usr/share/dict/words ('s forms dropped). Names written with a
    capital there (Addison, Alzheimer) are not English words for these filters."""
    try:
        with open(WORDS, encoding='utf-8', errors='replace') as f:
            return {w.strip() for w in f if w.strip() and w[0].islower() and "'" not in w}
    except OSError:
        sys.exit(f'gen_vocab: {WORDS} not found: install the Debian package wamerican')


# FILTER: English words. A single-word form that /usr/share/dict/words lists in lowercase
# is an ordinary English word as well; most of those that MeSH and DO file as conditions
# and therapies are the disease in an abstract ("asthma", "gout", "stroke", "fever") and
# stay. Dropped are
#   - a trade name, lab code or abbreviation spelled as a word (lexical tag other than
#     NON/EPO): "Metric", "Predate", "Versed", "Emend", "Muse", "Serenade";
#   - the words below, each read in pubmed-10k (the --report lists every English-word
#     form with its documents): their everyday or laboratory sense is the common one.
ENGLISH_STOP = {
    # a tissue change, or a word of another sense, in most sentences
    'sclerosis': 'a tissue change; the diseases are "multiple/systemic sclerosis"',
    'strain': '"bacterial strains", "mouse strains"; also the sprain sense',
    'confusion': '"to avoid confusion"',
    'rupture': '"membrane rupture", plaque rupture: an event',
    'dissociation': '"dissociation constant", "dissociation of complexes"',
    'ganglion': 'the anatomical ganglion ("dorsal root ganglion")',
    'spastic': 'an adjective',
    'bend': 'a verb and a shape',
    'corn': 'the plant ("corn oil")',
    'crab': 'the animal', 'leech': 'the animal', 'tartar': 'cream of tartar, dental calculus',
    'arson': 'a crime', 'bewilderment': 'everyday', 'illusion': 'everyday, visual illusions',
    'gambling': 'gambling tasks of decision studies', 'debility': 'everyday',
    'fugue': 'music', 'mange': 'veterinary', 'scurf': 'everyday', 'muse': 'a verb',
    'idiocy': 'obsolete and offensive', 'mongolism': 'obsolete and offensive',
    # therapies: routes, steps of a procedure, lab words and minerals
    'injection': 'a route of administration ("injection of X"), not a therapy',
    'suggestion': 'everyday', 'suction': 'a step of a procedure, a lab device',
    'drainage': 'venous and lymphatic drainage: anatomy and physiology',
    'traction': '"gained traction"; a force', 'bath': 'water baths of the laboratory',
    'tattoo': 'body modification', 'tattooing': 'body modification',
    'ligature': 'a suture thread', 'marble': 'a mineral (calcium carbonate)',
    'limestone': 'a mineral', 'chalk': 'a mineral', 'calcite': 'a mineral',
    'dynamite': 'an explosive (a nitroglycerin synonym)', 'sublimate': 'a verb',
    'bromide': 'the anion of many salts ("ethidium bromide", "ipratropium bromide")',
    'adrenergic': 'an adjective ("adrenergic receptors")', 'psychedelic': 'an adjective',
    'purgative': 'an adjective', 'lipreading': 'a skill',
    'sorcery': 'no therapy', 'exorcism': 'no therapy', 'mesmerism': 'no therapy',
}


# FILTER: measurands. Endogenous substances (hormones, metabolites, electrolytes,
# vitamins) are given as therapy in some abstracts and measured in most: "glucose",
# "insulin", "cholesterol", "bilirubin", "cortisol", "estradiol". A chemical is dropped
# when pubmed-10k names it MEASURAND_RATIO times as often as a measured quantity ("serum
# X", "X levels", "concentration of X") as given ("treated with X", "X therapy", "dose of
# X"), over at least MEASURAND_MIN_DOCS documents; and the endogenous, element, abuse,
# toxin, reagent and diagnostic stop lists of lexicon_stoplists.py (shared with the
# harvested lexicon) drop a descriptor with any form on them.
MEASURAND_RATIO = 2.0
MEASURAND_MIN_DOCS = 5
MEASURE_BEFORE = set("""
serum plasma blood urinary urine circulating fasting intracellular extracellular
cellular tissue hepatic salivary fecal faecal cerebrospinal csf endogenous baseline
total free ionized ionised elevated high low higher lower increased decreased reduced
raised normal abnormal mean median peak level levels concentration concentrations
""".split())
MEASURE_AFTER = set("""
level levels concentration concentrations content secretion production synthesis
metabolism excretion uptake clearance ratio value values homeostasis release transport
signaling signalling receptor receptors deficiency
status measurement measurements assay test index flux turnover binding
""".split())
GIVEN_BEFORE = set("""
with receiving received receive given administered infused injected plus using
""".split())
GIVEN_AFTER = set("""
therapy treatment treatments administration supplementation supplement supplements
infusion infusions injection injections dose doses dosage regimen regimens monotherapy
group arm tablet tablets capsule capsules pill pills mg g mcg ug µg iu was were
""".split())
GIVEN_OF = set("""
administration supplementation infusion injection dose doses dosage use
""".split())

# FILTER: therapies named by an everyday word: a DO or MeSH drug synonym that is a
# food, a plant or a body substance rather than a drug name.
THERAPY_FORM_STOP = set(match_key(w) for w in re.split(r'[,\n]', """
vitamin, vitamins, hormone, hormones, protein, proteins, peptide, peptides, enzyme,
enzymes, antibody, antibodies, antigen, antigens, toxin, toxins, oxygen, water, salt,
alcohol, ethanol, smoke, tobacco, coffee, tea, milk, honey, sugar, fiber, fibre,
blood, plasma, serum, saline, air, light, heat, cold, ice
""") if w.strip())


# ---------------------------------------------------------------------------
# Reading

def read_tsv(path):
    with open(path, encoding='utf-8', newline='') as f:
        yield from csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE)


Term = collections.namedtuple('Term', 'form record_pref concept_pref tag source')


def read_mesh(folder):
    names, terms = {}, collections.defaultdict(list)
    for r in read_tsv(os.path.join(folder, 'terms.tsv')):
        d = r['DescriptorUI']
        names[d] = r['DescriptorName']
        terms[d].append(Term(r['TermName'], r['RecordPreferredTermYN'] == 'Y',
                             r['ConceptPreferredTermYN'] == 'Y', r['LexicalTag'], 'MeSH'))
    trees = collections.defaultdict(list)
    for r in read_tsv(os.path.join(folder, 'trees.tsv')):
        trees[r['DescriptorUI']].append(r['TreeNumber'])
        names.setdefault(r['DescriptorUI'], r['DescriptorName'])
    actions = collections.defaultdict(set)
    for r in read_tsv(os.path.join(folder, 'pharmacological-actions.tsv')):
        actions[r['DescriptorUI']].add(r['PharmActionUI'])
        names.setdefault(r['PharmActionUI'], r['PharmActionName'])
    return names, terms, trees, actions


def read_do(folder):
    terms = collections.defaultdict(list)
    labels = {}
    for r in read_tsv(os.path.join(folder, 'lexicon.tsv')):
        labels[r['doid']] = r['label']
        terms[r['doid']].append((r['scope'], r['text']))
    mesh = collections.defaultdict(set)
    for r in read_tsv(os.path.join(folder, 'xrefs.tsv')):
        m = re.fullmatch(r'MESH:([CD]\d+)', r['xref'])
        if m:
            mesh[r['doid']].add(m.group(1))
    return labels, terms, mesh


def under(trees, prefix):
    return any(t == prefix or t.startswith(prefix + '.') for t in trees)


# ---------------------------------------------------------------------------
# pubmed-10k: documents per form key, measurand and given contexts, casing

TOKEN_RE = re.compile(r"[A-Za-z0-9\u00b5]+(?:'[A-Za-z]+)?")


def tokens_of(text):
    text = text.replace('\u2019', "'").replace('\u2018', "'")
    return TOKEN_RE.findall(text)


class Corpus:
    """Counts, over pubmed-10k, the documents in which each wanted key occurs, the
    measured and given contexts of each, and the casing of words mid-sentence."""

    def __init__(self, path, wanted, maxlen):
        self.docs = collections.Counter()
        self.measured = collections.Counter()
        self.given = collections.Counter()
        self.capital = collections.Counter()
        self.lower = collections.Counter()
        prefixes = set()
        for k in wanted:
            ws = k.split()
            for i in range(1, len(ws)):
                prefixes.add(' '.join(ws[:i]))
        self.ndocs = 0
        if not os.path.exists(path):
            return
        for row in read_tsv(path):
            self.ndocs += 1
            text = (row.get('title') or '') + ' . ' + (row.get('abstract') or '')
            toks = tokens_of(text)
            for i, w in enumerate(toks):
                if w[0].isupper() and w[1:].islower():
                    if i > 0 and toks[i - 1] not in ('.',):
                        self.capital[w.lower()] += 1
                elif w.islower():
                    self.lower[w] += 1
            low = [t.lower() for t in toks]
            keys = [match_key(t) for t in low]
            seen = set()
            n = len(low)
            for i in range(n):
                phrase = ''
                for j in range(i, min(n, i + maxlen)):
                    if j > i and phrase not in prefixes:
                        break
                    key = (phrase + ' ' + keys[j]).strip()
                    if key in wanted:
                        if key not in seen:
                            seen.add(key)
                            self.docs[key] += 1
                        self._context(key, low, i, j)
                    phrase = (phrase + ' ' + low[j]).strip()

    def _context(self, key, low, i, j):
        before = low[i - 1] if i > 0 else ''
        before2 = low[i - 2] if i > 1 else ''
        after = low[j + 1] if j + 1 < len(low) else ''
        if before in MEASURE_BEFORE or after in MEASURE_AFTER or (
                before == 'of' and before2 in MEASURE_BEFORE):
            self.measured[key] += 1
        elif before in GIVEN_BEFORE or after in GIVEN_AFTER or (
                before == 'of' and before2 in GIVEN_OF) or (
                before == 'to' and before2 in ('randomized', 'randomised', 'assigned')):
            self.given[key] += 1


# ---------------------------------------------------------------------------
# Forms

def uninvert(form):
    """MeSH writes many entry terms inverted at commas: "Neoplasms, Breast",
    "Leukemia, Myeloid, Acute", "Diabetes Mellitus, Type 2". The natural order reads
    the parts backwards: "Acute Myeloid Leukemia", "Type 2 Diabetes Mellitus". A comma
    between digits or inside a chemical name is no inversion (those forms are dropped
    by the punctuation filter)."""
    if ', ' not in form:
        return form
    parts = [p.strip() for p in form.split(', ')]
    if not all(re.fullmatch(r"[A-Za-z][A-Za-z0-9' -]*[A-Za-z0-9]|[A-Za-z]", p) for p in parts):
        return form  # "Aminobutyric Acid, gamma-", "DOM, 2,5-": left to the filters
    return ' '.join(reversed(parts))


def alnum(s):
    return sum(c.isalnum() for c in s)


def is_caps_abbreviation(form):
    return ' ' not in form and len(form) <= 8 and sum(c.isupper() for c in form) >= 2


# FILTER: the stop lists of the harvested lexicons (lexicon_stoplists.py, each with its
# reason there): condition forms too generic to name a condition alone ("failure",
# "injury", "carcinogenesis", "insulin sensitivity", "autosomal dominant disease"), and
# therapy forms that are class words or clippings ("agent", "extract", "luminal").
HARVEST_CONDITION_STOP = stop_entries(CONDITION_STOP)
HARVEST_THERAPY_STOP = stop_entries(HARVEST_THERAPY_FORM_STOP)

# FILTER: a form whose last word is one of these names an outcome, an effect or a vague
# group, not a condition or a therapy: "maternal death", "neurological manifestations",
# "pregnancy complications", "neuroprotective effect", "sedative effect" (MeSH entry
# terms of drug classes).
OUTCOME_HEADS = {match_key(w) for w in VAGUE_HEADS} | {
    'death', 'mortality', 'manifestation', 'effect', 'action', 'activity', 'use',
    'exposure', 'level', 'measurement', 'outcome'}

# disease words the condition filters leave to the hand-written lexicons, which still
# name a condition inside a therapy ("cancer vaccines", "tumor ablation")
GENERIC_DISEASE_WORDS = {'cancer', 'tumor', 'tumour', 'neoplasm', 'infection'}

ADJECTIVE_ENDINGS = ('ic', 'ive', 'al', 'ory', 'ary', 'ous', 'ar')

# The plural of such a class ("antihypertensives", "sedatives", "antiemetics",
# "anxiolytics") is a noun that names the drugs; the adjective-class filter drops the
# form because therex would match its singular too. The plural alone is kept as a regex
# synonym of the class (a whole word, never the singular), except for these plurals:
# FILTER: plural class words that name no therapy a claim is about
CLASS_PLURAL_STOP = {
    'contraceptives': 'an exposure or a risk factor in most abstracts ("oral '
                      'contraceptive use"), and contraception prevents no condition',
    'psychedelics': 'drugs of abuse in most abstracts',
    'narcotics': 'drugs of abuse and dependence in most abstracts',
    'emetics': 'given to induce vomiting', 'cathartics': 'bowel preparation',
    'purgatives': 'bowel preparation', 'antiseptics': 'hygiene of skin and surfaces',
    'miotics': 'eye examination', 'mydriatics': 'eye examination',
    'cycloplegics': 'eye examination',
    'adrenergics': 'a mechanism word', 'sympatholytics': 'a mechanism word',
    'sympathomimetics': 'a mechanism word', 'parasympathomimetics': 'a mechanism word',
    'lipocaic': 'obsolete', 'ataractics': 'obsolete',
}


def plural_regex(words):
    """A regex synonym that matches these plural words only (whole words)."""
    return '/(?<![\\w-])(?:' + '|'.join(sorted(words)) + ')(?![\\w-])/'

# FILTER: code names whose letters are an English word: "AT 10" (a trade name of
# dihydrotachysterol) is the "at 10" of "at 10 weeks", and therex matches a form with a
# space case-insensitively.
CODE_WORD_RE = re.compile(r'([A-Za-z]+)[ -]?\d[\w-]*')
NUMBERED_HEADS = set('type grade stage class factor group phase form variant trisomy'.split())
FUNCTION_WORDS = set("""
a an as at be by do go if in is it me my no of on or so to up us we per via and are but
for has had not the was day week month year dose
""".split())


def form_reasons(form, english, kind, group=None):
    """FILTER: the reasons to drop a form (after un-inverting), in order."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 '\-+]*", form) or "''" in form:
        yield 'punctuation'  # commas, parentheses, slashes, dots: systematic chemical
        # names, notes ("(disorder)"), lists; abstracts write them otherwise
    if re.search(r"\s'|'\s|'$|-$|--", form):
        yield 'punctuation'
    key = match_key(form)
    words = key.split() or ['']
    if alnum(key) < MIN_ALNUM:
        yield 'short'
    if len(words) > MAX_WORDS or len(form) > 80:
        yield 'long'
    if not re.search(r'[A-Za-z]{2}', form):
        yield 'number'
    if key in GENERIC_FORMS:
        yield 'generic'
    if key in FORM_STOP:
        yield 'stop'
    if kind == 'therapy' and (key in THERAPY_FORM_STOP or key in HARVEST_THERAPY_STOP):
        yield 'stop'
    if kind == 'condition' and key in HARVEST_CONDITION_STOP:
        yield 'stop'
    if words[-1] in OUTCOME_HEADS:
        yield 'outcome-head'
    m = CODE_WORD_RE.fullmatch(form)
    if m and (m.group(1).lower() in FUNCTION_WORDS or (
            len(m.group(1)) <= 4 and m.group(1).lower() in english)):
        yield 'code-english'
    if (kind == 'condition' and re.search(r'[A-Za-z] \d+[A-Za-z]?$', form)
            and words[-2] not in NUMBERED_HEADS):
        # FILTER: a name followed by a number: DO numbers the loci of a disease
        # ("psoriasis 9", "tuberous sclerosis 1"), which abstracts write as the gene
        # (TSC1) or not at all, and the form would match "cataract 7 days after surgery"
        yield 'numbered'
    if is_caps_abbreviation(form) and form.lower().rstrip('s') in english | {'aim', 'case'}:
        yield 'abbreviation-english'
    if re.fullmatch(r'[A-Z]{1,2}\d{1,2}', form):
        yield 'short'  # "C3", "H2": a gene, a receptor, a stage
    if group == 'class' and len(words) == 1 and key.endswith(ADJECTIVE_ENDINGS):
        # FILTER: a drug class named by one word whose singular is an adjective
        # ("Antihypertensive(s)", "Anesthetics", "Adrenergic"): therex matches the
        # singular too, which qualifies other nouns ("antihypertensive effect", "anesthetic
        # management"); the pack's hand-written entries name the classes it needs
        yield 'adjective-class'


def form_reason(form, english, kind, group=None):
    """The first reason to drop a form that is not switched off with --without."""
    return next((r for r in form_reasons(form, english, kind, group) if r not in DISABLED), None)


def english_names():
    """Capitalised entries of the word list: proper names (Addison, Alzheimer, Parkinson)."""
    try:
        with open(WORDS, encoding='utf-8', errors='replace') as f:
            return {w.strip() for w in f if w[:1].isupper() and "'" not in w}
    except OSError:
        return set()


def display(form, corpus, names):
    """The form as written in the lexicon (its case matters to therex only for short
    forms with two capitals, which are kept as they are). MeSH writes every word with a
    capital; a word is lowercased unless it is an acronym or a mixed-case name
    ("HbA1c", "ReoPro"), or a proper name: written with a capital mid-sentence in
    pubmed-10k most of the time, or a capitalised entry of the word list (Addison,
    Alzheimer, Parkinson)."""
    def fix(m):
        w = m.group(0)
        if len(w) == 1 or any(c.isupper() for c in w[1:]) or not w[0].isupper():
            return w
        lw = w.lower()
        cap, low = corpus.capital[lw], corpus.lower[lw]
        if cap >= 2 and cap > 2 * low:
            return w
        if low == 0 and w in names:
            return w
        return lw
    return re.sub(r"[A-Za-z]+", fix, form)


# ---------------------------------------------------------------------------
# Building

Candidate = collections.namedtuple('Candidate', 'id kind form key rank source tag group')

# NORMALISATION: a metastasis named by the organ it grows in ("liver metastases", "bone
# metastasis") is a neoplasm of that organ, as MeSH indexes it (Liver Neoplasms/secondary)
# and as BioRED annotates it; MeSH lists no such entry term (Neoplasm Metastasis itself is
# excluded: CONDITION_EXCLUDE_IDS), so the bare "metastases" took the phrase's head and
# its organ was lost. Each organ word below gives "<word> metastasis" and "<word>
# metastases" (as entry terms, rank 2) to the organ's neoplasm descriptor; "brain
# metastases" is already a MeSH term of D001932. Not lymph nodes: Lymphatic Metastasis
# (D008207) is a course of a cancer, excluded with the subtree C04.697.650.
ORGAN_METASTASIS = {
    'D008113': ('liver', 'hepatic'),      # Liver Neoplasms
    'D008175': ('lung', 'pulmonary'),     # Lung Neoplasms
    'D001859': ('bone', 'skeletal'),      # Bone Neoplasms
    'D001932': ('cerebral',),             # Brain Neoplasms
    'D010534': ('peritoneal',),           # Peritoneal Neoplasms
    'D013120': ('spinal',),               # Spinal Neoplasms
}


def metastasis_candidates(cond, group):
    out = []
    for d, words in sorted(ORGAN_METASTASIS.items()):
        if d not in cond:
            continue
        for w in words:
            for form in (w + ' metastasis', w + ' metastases'):
                out.append(Candidate('MeSH:' + d, 'condition', form, match_key(form), 2,
                                     'MeSH', 'NON', group[d]))
    return out


# NORMALISATION: MeSH and DO spell in American English, and therex matches case, hyphens
# and plurals but not spelling: "uraemia", "haemorrhage", "oedema", "leukaemia",
# "oesophageal cancer", "tumour", "diarrhoea", "dyspnoea" (British and European authors)
# were no mention or only the shape fallback ("-aemia") without an id. Each condition
# form gets its British spelling as a further form of the same id (rank 2, so a form
# that MeSH or DO itself lists wins its key). Replacements apply inside a word, in order.
BRITISH_SPELLINGS = [  # (compiled with re.I)
    # -emia, -emic (anemia, uremic, ischemia, hypoglycemic), not systemic, epidemic,
    # endemic, academic, polemic, pandemic, chemical
    (re.compile(r'(?<=[a-z])(?<!a)(?<!syst)(?<!epid)(?<!end)(?<!acad)(?<!pol)(?<!pand)(?<!ch)'
                r'emi(?=as?\b|c\b|cs\b)', re.I), 'aemi'),
    (re.compile(r'\bhem(?=a|o)', re.I), 'haem'),           # hemorrhage, hematoma, hemolytic (not hemi-)
    (re.compile(r'(?<!o)edema', re.I), 'oedema'),           # edema, lymphedema, myxedema
    (re.compile(r'\besophag', re.I), 'oesophag'),           # esophagitis
    (re.compile(r'\btumor', re.I), 'tumour'),               # tumor(s)
    (re.compile(r'rrhea\b', re.I), 'rrhoea'),               # diarrhea, amenorrhea
    (re.compile(r'pnea\b', re.I), 'pnoea'),                 # dyspnea, apnea
    (re.compile(r'\bceliac', re.I), 'coeliac'),
    (re.compile(r'\bpediatric', re.I), 'paediatric'),
    (re.compile(r'\bgynecolog', re.I), 'gynaecolog'),
    (re.compile(r'(?<=[a-z])esthe', re.I), 'aesthe'),       # anesthesia, paresthesia
    (re.compile(r'\bfetal', re.I), 'foetal'),
    (re.compile(r'\bleukemi', re.I), 'leukaemi'),
]


# ... and drug names: "sulphasalazine", "sulphonylureas", "sulphadoxine", "oestrogen",
# "aluminium hydroxide", "hypoglycaemic agents", "haemodialysis" (the list above applies
# to therapy forms too: -aemi-, haem-, anaesthe-).
BRITISH_THERAPY_SPELLINGS = [
    (re.compile(r'sulf(?=[a-z])', re.I), 'sulph'),          # sulfate, sulfasalazine, sulfonylurea
    (re.compile(r'\bestr(?=o|a|i)', re.I), 'oestr'),        # estrogen, estradiol, estriol
    (re.compile(r'\baluminum\b', re.I), 'aluminium'),
    (re.compile(r'\bcesium\b', re.I), 'caesium'),
]


def british(form, kind='condition'):
    """The British spelling of a form, or None when it has no American spelling."""
    out = form
    rules = BRITISH_SPELLINGS + (BRITISH_THERAPY_SPELLINGS if kind == 'therapy' else [])
    for rx, rep in rules:
        out = rx.sub(lambda m: rep if m.group(0).islower() else rep.capitalize(), out)
    return out if out != form else None


def british_candidates(cands):
    """A condition or therapy form's British spelling, as a form of its id (rank 2)."""
    out = []
    for c in cands:
        b = british(c.form, c.kind)
        if b:
            out.append(c._replace(form=b, key=match_key(b), rank=2))
    return out


class Builder:
    def __init__(self, args):
        self.args = args
        self.dropped = collections.Counter()   # (kind, reason) -> forms
        self.dropped_forms = []                # (reason, kind, id, form)
        self.english = english_words()
        self.names = english_names()

    def drop(self, reason, kind, ident, form):
        self.dropped[(kind, reason)] += 1
        self.dropped_forms.append((reason, kind, ident, form))

    # -- descriptors ---------------------------------------------------------
    def select(self, names, terms, trees, actions):
        """The condition and therapy descriptors, and the excluded ones with the reason."""
        cond, ther, excluded = {}, {}, {}

        def excluded_by(tr, relevant, table):
            """The reason when every relevant tree number lies under an excluded subtree."""
            rel = [t for t in tr if relevant(t)]
            reasons = [next((r for p, r in table.items() if under([t], p)), None) for t in rel]
            return reasons[0] if rel and all(reasons) else None

        def is_condition_tree(t):
            return t.startswith('C') or under([t], 'F03')

        for d in sorted(terms):
            tr = trees.get(d, [])
            if not any(is_condition_tree(t) for t in tr):
                continue
            why = CONDITION_EXCLUDE_IDS.get(d) or excluded_by(tr, is_condition_tree,
                                                              CONDITION_EXCLUDE_TREES)
            if 'excluded-descriptors' in DISABLED:
                why = None
            if why:
                excluded[d] = ('condition', why)
            else:
                cond[d] = 'C/F03'
        # therapeutic actions, and the mechanism classes whose chemicals mostly have one
        all_actions = set().union(*actions.values())
        therapeutic = {pa for pa in all_actions
                       if (under(trees.get(pa, []), THERAPEUTIC_TREE)
                           or (pa in THERAPEUTIC_EXTRA and 'therapeutic-extra' not in DISABLED))
                       and pa != THERAPEUTIC_TOP
                       and not under(trees.get(pa, []), 'D27.505.954.578')}
        members = collections.defaultdict(list)
        for d, pas in actions.items():
            for pa in pas:
                members[pa].append(d)
        classes = set(therapeutic)
        for pa, ms in members.items():
            if pa in classes or not any(under(trees.get(pa, []), t) for t in CLASS_TREES):
                continue
            k = sum(1 for m in ms if actions[m] & therapeutic)
            if len(ms) >= CLASS_MIN_MEMBERS and k >= CLASS_MIN_THERAPEUTIC * len(ms):
                classes.add(pa)
        self.classes = classes
        for d in sorted(terms):
            if d in cond:
                continue  # a descriptor in a condition tree stays a condition
            tr = trees.get(d, [])
            if d in classes:
                source = 'class'
            elif any(t.startswith('D') for t in tr) and actions.get(d, set()) & therapeutic:
                source = 'drug'
            elif under(tr, VACCINE_TREE):
                source = 'vaccine'
            elif under(tr, 'E02') or under(tr, 'E04'):
                source = 'procedure'
            else:
                continue
            relevant = ((lambda t: t.startswith(('E02', 'E04'))) if source == 'procedure'
                        else (lambda t: t.startswith('D')))
            why = THERAPY_EXCLUDE_IDS.get(d) or excluded_by(tr, relevant, THERAPY_EXCLUDE_TREES)
            if not why and source == 'procedure' and under(tr, DIAGNOSTIC_TREE):
                why = 'diagnostic procedure (also filed under E01 Diagnosis)'
            if 'excluded-descriptors' in DISABLED:
                why = None
            if (source == 'class' and 'classes' in DISABLED) or (
                    source == 'vaccine' and 'vaccines' in DISABLED):
                continue
            if why:
                excluded[d] = ('therapy', why)
            else:
                ther[d] = source
        self.group = dict(cond)
        self.group.update(ther)
        return cond, ther, excluded, therapeutic

    # -- forms of a descriptor -----------------------------------------------
    def mesh_candidates(self, d, kind, terms):
        out = []
        for t in terms[d]:
            form = uninvert(t.form)
            rank = 0 if t.record_pref else (1 if t.concept_pref else 2)
            out.append(Candidate('MeSH:' + d, kind, form, match_key(form), rank, 'MeSH',
                                 t.tag, self.group[d]))
        return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--mesh', default=MESH_DIR)
    ap.add_argument('--do', default=DO_DIR)
    ap.add_argument('--corpus', default=P10K)
    ap.add_argument('--out-dir', default=OUT_DIR)
    ap.add_argument('--report', help='write every dropped and kept form with its reason '
                    'and pubmed-10k documents to this file')
    ap.add_argument('--without', action='append', default=[], choices=sorted(FILTERS),
                    metavar='FILTER', help='switch a filter off, to measure what it does '
                    '(with --out-dir elsewhere): ' + ', '.join(sorted(FILTERS)))
    args = ap.parse_args(argv)
    DISABLED.update(args.without)
    build(args)
    return 0


def build(args):
    b = Builder(args)
    names, terms, trees, actions = read_mesh(args.mesh)
    do_labels, do_terms, do_mesh = read_do(args.do)
    cond, ther, excluded, therapeutic = b.select(names, terms, trees, actions)

    # ---- candidates: MeSH forms
    cands = []
    for d, src in cond.items():
        cands += b.mesh_candidates(d, 'condition', terms)
    for d, src in ther.items():
        cands += b.mesh_candidates(d, 'therapy', terms)
    if 'organ-metastasis' not in DISABLED:
        cands += metastasis_candidates(cond, b.group)

    # ---- candidates: DO forms, under their MeSH id where a cross-reference names one
    excluded_ids = {'MeSH:' + d for d in excluded}
    do_target = {}
    for doid in sorted(do_terms) if 'do' not in DISABLED else ():
        xs = sorted(do_mesh.get(doid, ()))
        ds = [x for x in xs if x in cond]
        label_key = match_key(do_labels[doid])
        if ds:
            # several descriptors: the one with the DO label among its forms, else the first
            pick = [x for x in ds if label_key in {match_key(uninvert(t.form)) for t in terms[x]}]
            target = 'MeSH:' + (pick or ds)[0]
        elif any(x.startswith('D') and ('MeSH:' + x in excluded_ids or not trees.get(x))
                 for x in xs):
            # FILTER: a DO disease cross-referenced to a descriptor the filters exclude, or
            # to a category heading of MeSH (no tree number: "Neoplasms", "Infections",
            # "Mental Disorders"): generic, its terms would bring the generic words back
            for scope, text in do_terms[doid]:
                b.drop('do-excluded-descriptor', 'condition', doid, text)
            continue
        elif xs:
            # a supplementary concept (C...) or a descriptor outside C/F03
            target = 'MeSH:' + (sorted(x for x in xs if x.startswith('D')) or xs)[0]
        else:
            target = doid
        do_target[doid] = target
        for scope, text in do_terms[doid]:
            if scope not in ('LABEL', 'EXACT'):
                b.drop('do-not-synonym', 'condition', doid, text)
                continue
            rank = 0 if scope == 'LABEL' else 2
            cands.append(Candidate(target, 'condition', text, match_key(text), rank,
                                   'DO:' + doid, 'DO', 'disease'))

    if 'british' not in DISABLED:
        cands += british_candidates(cands)

    # ---- pubmed-10k counts for the corpus filters and the report (every candidate)
    corpus = Corpus(args.corpus, {c.key for c in cands}, MAX_WORDS)

    # ---- form filters
    kept = []
    plurals = collections.defaultdict(set)  # id -> plural class words (CLASS_PLURAL_STOP)
    for c in cands:
        why = form_reason(c.form, b.english, c.kind, c.group)
        if why:
            b.drop(why, c.kind, c.id, c.form)
            word = c.form.lower()
            if (why == 'adjective-class' and 'class-plurals' not in DISABLED
                    and word.endswith('s') and match_key(word) != word
                    and word not in CLASS_PLURAL_STOP):
                plurals[c.id].add(word)
        else:
            kept.append(c)
    cands = kept

    # ---- English words
    kept = []
    for c in cands:
        word = c.form.lower()
        if ('english' not in DISABLED and ' ' not in c.key
                and not is_caps_abbreviation(c.form)
                and (word in b.english or c.key in b.english)):
            if c.key in ENGLISH_STOP or word in ENGLISH_STOP:
                b.drop('english-stop', c.kind, c.id, c.form)
                continue
            if c.tag not in ('NON', 'EPO', 'DO'):
                b.drop('english-trade-name', c.kind, c.id, c.form)
                continue
        kept.append(c)
    cands = kept

    # ---- the shared stop lists (a descriptor with any form on them), and measurands
    # (each form on its own: "cortisol" is measured, "hydrocortisone" given)
    stop_names = {}
    for cat, text in THERAPY_STOP.items():
        for k in stop_entries(text):
            stop_names.setdefault(k, cat)
    by_id = collections.defaultdict(list)
    for c in cands:
        by_id[c.id].append(c)
    drop_ids = {}
    for i, cs in by_id.items():
        if cs[0].kind != 'therapy':
            continue
        cats = sorted({stop_names[c.key] for c in cs if c.key in stop_names})
        if cats and 'stoplist' not in DISABLED:
            drop_ids[i] = 'stoplist-' + re.sub(r'[/ ]', '-', cats[0])
    kept = []
    for c in cands:
        if c.id in drop_ids:
            b.drop(drop_ids[c.id], c.kind, c.id, c.form)
        elif ('measurand' not in DISABLED and c.kind == 'therapy'
              and c.group in ('drug', 'class', 'vaccine')
              and corpus.docs[c.key] >= MEASURAND_MIN_DOCS
              and corpus.measured[c.key] >= MEASURAND_RATIO * max(corpus.given[c.key], 1)):
            b.drop('measurand', c.kind, c.id, c.form)
        else:
            kept.append(c)
    cands = kept

    # ---- one id per key
    claims = collections.defaultdict(list)
    for c in cands:
        claims[c.key].append(c)
    kept = []
    for key, cs in claims.items():
        ids = {c.id for c in cs}
        if len(ids) == 1:
            kept.append(min(cs, key=lambda c: (c.rank, c.source != 'MeSH', c.form)))
            continue
        mesh_cs = [c for c in cs if c.source == 'MeSH']
        pool = mesh_cs or cs  # a MeSH term beats a DO synonym of another id
        best = min(c.rank for c in pool)
        top = {c.id for c in pool if c.rank == best}
        if len(top) == 1:
            (tid,) = top
            kept.append(min((c for c in pool if c.id == tid), key=lambda c: (c.rank, c.form)))
            for c in cs:
                if c.id != tid:
                    b.drop('claimed-by-other-id', c.kind, c.id, c.form)
        else:
            for c in cs:
                b.drop('ambiguous', c.kind, c.id, c.form)
    cands = kept

    # ---- FILTER: a therapy named by its condition ("influenza vaccines", "hernia
    # repair", "cataract extraction", "anti-anxiety agents"), or a vaccine named by its
    # pathogen ("HIV vaccine", "rotavirus vaccines": MeSH organisms, tree B), stays two
    # mentions, as in the hand-written lexicons: the condition or pathogen a claim is
    # about is then a mention of its own, and the rules join them ("vaccine against
    # influenza", improves.vaccine-against)
    cond_keys = {c.key for c in cands if c.kind == 'condition'} | GENERIC_DISEASE_WORDS
    organism_keys = {match_key(uninvert(t.form)) for d, tr in trees.items()
                     if any(x.startswith('B') for x in tr) for t in terms.get(d, ())}
    kept = []
    for c in cands:
        ws = c.key.split()
        named = cond_keys | organism_keys if c.group == 'vaccine' else cond_keys
        if 'names-its-condition' not in DISABLED and c.kind == 'therapy' and any(
                ' '.join(ws[i:j]) in named
                for i in range(len(ws)) for j in range(i + 1, len(ws) + 1)
                if j - i < len(ws)):
            b.drop('names-its-condition', c.kind, c.id, c.form)
        else:
            kept.append(c)
    cands = kept

    # ---- entries
    entries = collections.defaultdict(list)
    for c in cands:
        entries[c.id].append(c)
    out = {'conditions-mesh': [], 'conditions-do': [], 'therapies-mesh': []}
    for i, cs in entries.items():
        cs.sort(key=lambda c: (c.rank, c.source != 'MeSH', len(c.form), c.form))
        kind = cs[0].kind
        if kind == 'therapy':
            fname = 'therapies-mesh'
        elif i.startswith('MeSH:D') and i[5:] in cond:
            fname = 'conditions-mesh'
        else:
            fname = 'conditions-do'
        forms = []
        seen = set()
        for c in cs:
            f = display(c.form, corpus, b.names)
            if c.key not in seen:
                seen.add(c.key)
                forms.append(f)
        out[fname].append((forms[0], i, forms[1:], cs))
    for v in out.values():
        v.sort(key=lambda e: (e[0].lower(), e[0], e[1]))

    os.makedirs(args.out_dir, exist_ok=True)
    stats = {}
    for fname, ents in out.items():
        text = render(fname, ents, plurals)
        with open(os.path.join(args.out_dir, fname + '.rules'), 'w', encoding='utf-8') as f:
            f.write(text)
        stats[fname] = (len(ents), sum(1 + len(e[2]) for e in ents))
        print(f'{fname}.rules: {stats[fname][0]} entries, {stats[fname][1]} forms',
              file=sys.stderr)
    for (kind, reason), n in sorted(b.dropped.items()):
        print(f'dropped {kind:9s} {reason:34s} {n:7d} forms', file=sys.stderr)
    if args.report:
        write_report(args.report, b, corpus, out)


def write_report(path, b, corpus, out):
    with open(path, 'w', encoding='utf-8') as f:
        def order(x):
            return (x[0], -corpus.docs[match_key(x[3])], x[3])
        for reason, kind, ident, form in sorted(b.dropped_forms, key=order):
            k = match_key(form)
            f.write(f'drop\t{reason}\t{kind}\t{ident}\t{form}\t{corpus.docs[k]}\t'
                    f'{corpus.measured[k]}\t{corpus.given[k]}\n')
        for fname, ents in out.items():
            for canon, i, syns, cs in ents:
                for c in cs:
                    f.write(f'keep\t{fname}\t{c.kind}\t{i}\t{c.form}\t{corpus.docs[c.key]}\t'
                            f'{corpus.measured[c.key]}\t{corpus.given[c.key]}\t{c.tag}\t'
                            f'{c.rank}\t{c.group}\n')


def quote(s):
    return '"' + s + '"'


HEADERS = {
    'conditions-mesh': ('condition', [
        'MeSH descriptors of trees C (diseases) and F03 (mental disorders), with the',
        'Disease Ontology labels and exact synonyms of the diseases cross-referenced to them',
        '(xrefs.tsv): a DO term under a MeSH descriptor carries the MeSH id.']),
    'conditions-do': ('condition', [
        'Disease Ontology diseases not cross-referenced to a MeSH descriptor of C/F03:',
        'DOID ids, or the MeSH id of the supplementary concept (MeSH:C...) or descriptor',
        'their cross-reference names.']),
    'therapies-mesh': ('therapy', [
        'MeSH descriptors of tree D with a therapeutic pharmacological action (filed under',
        'D27.505.954 Therapeutic Uses), the drug classes (those actions, and mechanism',
        'classes whose chemicals are mostly therapeutic), vaccines (D20.215.894), and',
        'procedures of trees E02 (therapeutics) and E04 (surgical procedures).']),
}


def render(fname, ents, plurals=None):
    kind, lines = HEADERS[fname]
    out = [f'# {fname}.rules: {kind} vocabulary with ontology ids.  GENERATED FILE: do not',
           '# edit by hand; change the filters of rules/tools/gen_vocab.py and regenerate with',
           f'#   {COMMAND}',
           '# (run from the repository root; reads ../shared/data/vocab, ../shared/data/pubmed-10k',
           '# and /usr/share/dict/words of the Debian package wamerican).',
           '#']
    out += ['# ' + line for line in lines]
    out += ['#',
            f'# Sources: NLM Medical Subject Headings (MeSH) {MESH_YEAR}, descriptors',
            f'#   (desc{MESH_YEAR}, mtrees{MESH_YEAR}, pharmacological actions); licence:',
            f'#   "NLM MeSH {MESH_YEAR}, filtered": public data of the U.S. National Library of',
            '#   Medicine, free to use; the terms were filtered.']
    if kind == 'condition':
        out += [f'# Human Disease Ontology, release {DO_RELEASE} (labels, exact synonyms, MeSH',
                '#   cross-references); licence CC0 1.0.']
    out += ['#',
            '# This folder loads after every other lexicon of the pack: a hand-written,',
            '# harvested or mined entry of the same span wins (the earlier-loaded entry wins a',
            '# tie); the filters and the reason for each are in the script.',
            '# Case, hyphen/space and plural variants are not listed: therex matches them.',
            # therex lint: the overlaps with earlier lexicons are meant (docs/rules.md)
            "#lint-ok-file two-entries: a term that a lexicon loaded earlier lists under another entry is that entry's, by design"]
    nforms = sum(1 + len(e[2]) for e in ents)
    out.append(f'# {len(ents)} entries, {nforms} forms.')
    out.append(f'lexicon {kind}')
    for canon, i, syns, cs in ents:
        line = f'  {quote(canon)} {i}'
        if cs[0].group == 'class':
            # a drug class (a MeSH pharmacological action): the tag lets a rule or the
            # tagger tell a class from a drug ("everolimus, an mTOR inhibitor, ...")
            line += ' tags drug-class'
        syns = [quote(s) for s in syns]
        if plurals and plurals.get(i):
            syns.append(plural_regex(plurals[i]))
        out.extend(entry_lines(line, syns))
    out.append('end')
    return '\n'.join(out) + '\n'


if __name__ == '__main__':
    sys.exit(main())
