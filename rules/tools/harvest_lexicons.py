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
  * Quality filters (stop lists below, each with its reason) drop generic words,
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

# ---------------------------------------------------------------------------
# Stop lists.  Entries are compared with match keys (see match_key), so list a
# word once, in the singular, without caring about case or hyphens.
# ---------------------------------------------------------------------------

# Condition forms that are too generic to name a condition on their own: they need a
# head or an organ to mean anything ("renal failure" is kept, bare "failure" is not),
# or they are everyday words that the corpora annotate only in a medical context;
# the last line holds processes and drug effects that are not conditions.
# Bare "pain", "tumor", "cancer", "infection", "inflammation" are kept: on their own
# they still name a condition a therapy claim can be about.
CONDITION_STOP = """
disease, disorder, syndrome, illness, condition, sickness, toxicity, cytotoxicity,
toxic, toxicosis, drug toxicity, adverse drug reaction, adverse reaction, adverse effect,
adverse event, side effect, drug reaction, injury, damage, lesion, death, mortality,
dysfunction, abnormality, anomaly, defect, deficiency, complication, symptom, sign,
pathology, degeneration, malformation, genetic defect, genetic disorder, genetic disease,
inherited disorder, inherited disease, hereditary disease, hereditary disorder,
autosomal recessive disorder, autosomal recessive disease, autosomal dominant disorder,
autosomal dominant disease, recessive disorder, dominant disorder, X-linked disorder,
X-linked disease, enzyme deficiency, enzymopathy, metabolic disorder, failure,
insufficiency, impairment, loss, arrest, obstruction, dilation, dilatation, retardation,
disability, handicap, weakness, confusion, rigidity, aggression, aggressiveness,
irritability, stress, dependence, abuse, withdrawal, poisoning, intoxication,
overdosage, hyper, hypo, mutation, carrier,
analgesia, carcinogenesis, tumorigenesis, stereotypy, rare disease,
platelet aggregation, penile erection, muscle contraction, insulin sensitivity,
rupture, sclerosis, salivation, retinal ganglion
"""

# Whole MeSH ids dropped from the condition lexicon: catch-all concepts that the
# corpora use for mentions they could not normalise; their forms would be
# mis-normalised synonyms of one another.
CONDITION_STOP_IDS = {
    'MeSH:D004194',  # "Disease" (generic)
    'MeSH:D030342',  # "Genetic Diseases, Inborn" (generic "genetic disorder")
    'MeSH:D064420',  # "Drug-Related Side Effects and Adverse Reactions" ("toxicity")
    'MeSH:D008661',  # "Metabolism, Inborn Errors" ("enzyme deficiency")
    'MeSH:D003643',  # "Death" ("cardiac death", "early death"): an outcome
    'MeSH:D020178',  # "advanced disease": a stage, not a condition
    'MeSH:D002908',  # "Chronic Disease" ("chronic disease"): generic
}

# Condition form patterns that describe a measurement or a change rather than name a
# condition ("increase in blood pressure", "a significant rise in ..."): the extractor
# has its own rules for effects on outcomes.
DESCRIPTIVE_WORDS = set("""
increase increases increased increasing decrease decreases decreased decreasing
reduction reductions reduced rise rises elevated elevation elevations drop drops
enlargement deterioration decline declines change changes alteration alterations
""".split())

# Last words that make a phrase vague rather than a condition name.
VAGUE_HEADS = set("""
involvement complication complications change changes alteration alterations effect
effects event events consequence consequences problem problems finding findings
activity process phenomena phenomenon response responses strain handicapped
ae aes ill type prone predisposition susceptibility
""".split())

# Prepositions other than "of" mark descriptive phrases ("abnormalities in the HDL",
# "hypertensive response to ..."), and phrases that start with a vague noun followed by
# "of" ("abnormality of CYP27") do not name a condition.
PREPOSITIONS = set("""
in within on at to by from after during for into upon among between under over
""".split())
VAGUE_FIRST = set("""
abnormality abnormalitie abnormal defect disorder disturbance damage injury lesion
impairment deficit dysfunction alteration
""".split())

# First words that only qualify a condition that is listed anyway
# ("severe hypotension" -> "hypotension"); such a form is dropped when the rest of
# the phrase is a form of the same id.
QUALIFIERS = set("""
severe mild moderate sporadic isolated possible probable suspected prolonged transient
significant marked documented new unexplained persistent clinical subclinical overt
frank apparent pronounced profound extensive massive fatal
""".split())

# Single words ending like adjectives ("hypertensive", "nephrotoxic", "parkinsonian",
# "C2-deficient") describe patients or drugs, not conditions; these nouns share the
# endings and are kept.
ADJ_SUFFIXES = ('ic', 'ical', 'ive', 'ed', 'ous', 'al', 'ian', 'ar', 'ary', 'ant',
                'ent', 'oid', 'ible', 'able', 'ful', 'less')
ADJ_NOUNS = set("""
colic tic panic withdrawal hospital sepsis
""".split())

# Suffixes of specific medical condition words ("pilomatricoma", "allodynia"): a
# single-word form seen only once is kept when it ends like this.
MEDICAL_SUFFIXES = ('itis', 'osis', 'oma', 'omas', 'emia', 'aemia', 'pathy', 'algia',
                    'plasia', 'trophy', 'uria', 'penia', 'ectasia', 'iasis', 'megaly',
                    'plegia', 'paresis', 'rrhea', 'rrhoea', 'rrhagia', 'sclerosis',
                    'cytosis', 'dynia', 'spasm', 'ataxia', 'phobia', 'mania', 'epsy',
                    'kinesia', 'tonia', 'rhythmia', 'cardia', 'ptosis', 'cele',
                    'stenosis', 'lithiasis')

# Therapy lexicon: BC5CDR "Chemical" covers far more than drugs.  Listed names
# (comma separated) are resolved to the MeSH id they are annotated with, and the whole
# id is dropped (all its synonyms with it).
THERAPY_STOP = {
    # elements, ions and simple inorganic compounds: measured, not given as therapy
    'element/ion': """
        calcium, sodium, potassium, magnesium, iron, zinc, copper, lead, barium, cadmium,
        mercury, manganese, aluminum, aluminium, arsenic, selenium, chromium, cobalt,
        nickel, strontium, chloride, bicarbonate, phosphate, sulfate, nitrate, nitrite,
        cyanide, fluoride, iodide, iodine, ammonia, ammonium, hydrogen, oxygen, nitrogen,
        carbon dioxide, carbon monoxide, ozone, chlorine, sulfur, water,
        hydrogen peroxide, sodium chloride, potassium chloride, calcium chloride,
        nitric oxide, superoxide, hydroxyl radical, peroxynitrite,
        reactive oxygen species, free radical, proton, phosphorus, platinum, silver,
        thallium, radiocalcium, aluminum chloride, BaCl2, cobalt chloride,
        sodium nitrite, ammonium salt, NH4Ac, peroxide, periodic acid, PO2, H2O,
        inorganic arsenic, lanthanum nitrate, LiCl, lithium chloride
    """,
    # endogenous metabolites, hormones, transmitters and lab markers: studied or
    # measured as a mechanism or outcome, not given as treatment
    'endogenous': """
        glucose, cholesterol, triglyceride, creatinine, creatine, urea,
        blood urea nitrogen, uric acid, bilirubin, lactate, pyruvate, glutamate,
        glutamine, aspartate, glycine, GABA, dopamine, serotonin, norepinephrine,
        acetylcholine, histamine, ATP, adenosine triphosphate, cyclic AMP, cAMP,
        cGMP, angiotensin, angiotensin II, aldosterone, corticosterone, prostaglandin,
        PGE2, prostaglandin E2, thromboxane, leukotriene, catecholamine,
        malondialdehyde, glutathione, arachidonic acid, fatty acid, lipid,
        phospholipid, homocysteine, galactose, fructose, sucrose, lactose, bile acid,
        bile salt, hormone, neurotransmitter, amino acid, peptide, protein,
        kynurenic acid, NAD, NADPH, HBsAg, HBeAg, hepatitis B surface antigen,
        NT-proBNP, troponin, cholecystokinin, substance P, neuropeptide Y, endothelin,
        bradykinin, beta-endorphin, enkephalin, dynorphin, hydroxyproline,
        phenylalanine, tyrosine, tryptophan, methionine, cysteine, citrulline,
        ornithine, taurine, choline, sphingomyelin, ceramide, ADP, alanine, amine,
        citrate, 3-hydroxybutyrate, aceto-acetate, gamma-carboxyglutamate, DOPAC, MHPG,
        5-hydroxyindoleacetic acid, GSSG, thromboxane B2, prostaglandin D2,
        prostaglandin E, PGF2alpha, cyclic nucleotide, ribonucleic acid, nucleoside,
        nucleotide, purine, xanthine, thymidine, uridine, uridine diphosphate,
        pentose phosphate, sugar alcohol, sterol, thiol, tachykinin, neurotensin,
        nociceptin, nocistatin, metallothionein, urotensin-II,
        calcitonin gene-related peptide, 11-deoxycortisol, PRL, prolactin,
        cholesteryl ester, oleic acid, taurocholic acid, taurodeoxycholic acid,
        glycinamide ribonucleotide, N-acetyl serotonin, PENK, Gly-Phe-Leu-Gly,
        monosodium glutamate, D-glucarate, pregnenolone sulphate, caproate,
        cholesteryl hemisuccinate, acetic acid, hexauronic acid, heparan sulphate,
        hip-his-Leu, helodermin, lipid hydroperoxide, maleate,
        myo-inositol-1-phosphate, oligodeoxynucleotide, thiamine pyrophosphate,
        p-coumaric acid, phenylacetic acid
    """,
    # substances of abuse and everyday psychoactives: exposures, not therapies
    'abuse': """
        cocaine, crack cocaine, heroin, methamphetamine, amphetamine, MDMA, ecstasy,
        ethanol, alcohol, nicotine, tobacco, cannabis, marijuana, THC,
        tetrahydrocannabinol, LSD, phencyclidine, caffeine, opium, cocaethylene,
        benzoylecgonine,
        mephedrone, methcathinone
    """,
    # environmental and occupational exposures, toxins and carcinogens
    'exposure/toxin': """
        smoking, particulate matter, bisphenol A, metolachlor, organophosphate,
        OP compound, TOTP, mipafox, chlorofluorocarbon, coniine, aconitine,
        aristolochic acid, apamin, acrolein, acetaldehyde, 2-acetylaminofluorene,
        3-methylcholanthrene, N-nitroso-N-methylurea, NDMA, FANFT, galactosamine,
        phenylhydrazine, PHZ, DSP4, flurothyl, p-chloroaniline, p-aminophenol,
        catechol, phenol, anthraquinone, pyrrolidine, pyrrolidone, trifluoroacetyl,
        s-limonene, BEA, lead acetate, hydrogen cyanamide, p-choloroaniline
    """,
    # bare chemical scaffolds: name a structure, not a medicine
    'scaffold': """
        benzamide, benzisoxazole, beta-carboline, pyrazolone
    """,
    # toxins and reagents used to induce disease models, lab tools, research ligands
    # and animal anaesthetics
    'model/reagent': """
        streptozotocin, alloxan, puromycin aminonucleoside, MPTP, 6-hydroxydopamine,
        lipopolysaccharide, carrageenan, formalin, monocrotaline, carbon tetrachloride,
        paraquat, rotenone, kainic acid, kainate, quinolinic acid, NMDA,
        N-methyl-D-aspartate, pentylenetetrazole, picrotoxin, bicuculline, MK-801,
        dizocilpine, L-NAME, L-NNA, L-NOARG, cycloheximide, PCPA,
        3-nitropropionic acid, thioacetamide, D-galactosamine, diazinon, chlorpyrifos,
        DDT, dimethyl sulfoxide, DMSO, methanol, acetone, chloroform, benzene, toluene,
        formaldehyde, xylene, Evans blue, trypan blue, eosin, fluorescein,
        cuprolinic blue, chloroacetaldehyde, acrylamide, diisopropylfluorophosphate,
        isatin, diethylnitrosamine, azoxymethane, dextran sulfate, ovalbumin,
        4HNE, 3NT, TBARs, thiobarbituric acid, propidium iodide, cresyl violet, TTC,
        urethane, chloralose, tricaine, 8-OH-DPAT, mCPP, quinpirole, quipazine,
        muscimol, spiperone, NECA, DMCM, beta-CCM, 4-DAMP, methoctramine, AP7, AIDA,
        MPEP, SCH 23390, SKF 38393, SKF-82958, CGS 21680, 8-cyclopentyltheophylline,
        8-phenyltheophylline, N6-cyclopentyladenosine, cirazoline, saralasin,
        BAY k-8644, AMN082, 3H-TBOB,
        formyl-methionyl-leucyl-phenylalanine, thioperamide, RAMH, naloxazone,
        des Arg10 HOE 140, 3-hydroxy-N-methylmorphinan, alpha-methyl-para-tyrosine,
        p-chlorophenylalamine, benzylacyclouridine, di-o-tolylguanidine,
        gamma-cholesteryloxybutyric acid, N-pyrimidinyl-2-phenoxyacetamide,
        8-bromo cyclic adenosine monophosphate, pentose phosphate,
        5-hydroxytryptaminergic agonist, serotonin 5-HT2, DL-Threo-dihydroxyphenylserine,
        alpha-fluoro-beta-alanine, 4-ene-VPA, desmethylfluoxetine, norpethidine,
        alpha-hydroxymetoprolol, simvastatin hydroxy acid, N-butyl-deoxynojirimycin,
        garcinielliptone FC, fangchinoline, glucaric acid, Hoechst 33342,
        hemicholinium-3, xylazine, ether, cholecystokinin octapeptide,
        3-mercaptopropionic acid, gum Arabic, propylene glycol, polyethylene glycol 400,
        3-methyladenine
    """,
    # diagnostic agents: given, but not as a treatment
    'diagnostic': """
        contrast medium, contrast, iohexol, iodixanol, iopamidol, gadolinium,
        diatrizoate, metrizoate, Renografin, Endografine, Vasurix polyvidone,
        99mTc-glucarate, Tc99m-sestamibi, MIBG, dimer-X, p-aminohippuric acid,
        indocyanine green, Hexabrix, hypaque 76, iopentol, iopromide, I-131 HA
    """,
    # vaccines named by their disease: the disease and "vaccine" stay two mentions, which
    # the rule improves.vaccine-against joins ("hepatitis B vaccine" prevents hepatitis B)
    'vaccine named by its disease': """
        hepatitis B vaccine, pertussis vaccine, hepatitis B vaccines, pertussis vaccines
    """,
}


def stop_entries(text):
    """Comma/newline separated stop-list entries as match keys."""
    return {match_key(e) for e in re.split(r'[,\n]', text) if e.strip()}


# Therapy MeSH ids dropped whole: grab-bag concepts whose forms are unrelated.
THERAPY_STOP_IDS = {
    'MeSH:D010936',  # "Plant Extracts": green tea, carrot seed extract, ... all one id
    'MeSH:D004364',  # "Pharmaceutical Preparations" (generic "drug")
}

# Single forms (not ids) dropped from the therapy lexicon: a generic or endogenous
# name attached to a drug id ("cortisol" under hydrocortisone), a vague class word,
# an everyday word ("luminal", "amino") or an author's clipping ("atorva", "bort").
THERAPY_FORM_STOP = """
cortisol, drug, agent, medication, compound, metabolite, extract, amino, luminal,
atorva, bort
"""

# Drug-name stems (INN/USAN): a single-word chemical form seen only once is kept when
# it ends like a drug name ("aripiprazole", "sunitinib").
DRUG_SUFFIXES = ('mab', 'nib', 'pril', 'sartan', 'olol', 'alol', 'ilol', 'azepam',
                 'zolam', 'dipine', 'statin', 'cillin', 'mycin', 'micin', 'floxacin',
                 'oxacin', 'azole', 'vir', 'tidine', 'prazole', 'triptan', 'setron',
                 'caine', 'profen', 'afil', 'parin', 'platin', 'rubicin', 'lukast',
                 'glitazone', 'gliptin', 'semide', 'thiazide', 'oxetine', 'apine',
                 'idone', 'barbital', 'dronate', 'triptyline', 'ipramine', 'fentanil',
                 'orphine', 'adol', 'olone', 'asone', 'isone', 'onide', 'cycline',
                 'conazole', 'plase', 'grel', 'xaban', 'gatran', 'tecan', 'taxel',
                 'trexate', 'fungin', 'sulfan', 'mustine', 'poetin', 'relin',
                 'pressin', 'tocin', 'oxacin', 'amide', 'tropium', 'curium',
                 'curonium', 'terol', 'flurane', 'zosin', 'tyline', 'pramine',
                 'peridol', 'azine', 'etine', 'oxone', 'codone', 'dazole', 'quine',
                 'racetam', 'gabalin', 'pentin', 'bital', 'zepam', 'fibrate', 'tinib',
                 'ciclib', 'lisib', 'parib', 'zomib', 'limus', 'sporin', 'ocin',
                 'uril', 'olamine', 'amycin', 'nidazole', 'andazole', 'oxib', 'coxib',
                 'ridone', 'lamide', 'tadine', 'lukast', 'navir', 'buvir', 'previr',
                 'citabine', 'uridine', 'arabine', 'fovir', 'cavir', 'mivir',
                 'amivir', 'etamol', 'azosin', 'mizole')

# Abbreviations that the corpora use for one id but that biomedical text commonly
# uses for something else (the corpora cannot show this); dropped from both lexicons.
AMBIGUOUS_ABBREVIATIONS = """
APC (antigen-presenting cell, APC gene), ALD (alcoholic liver disease),
ARF (acute respiratory failure), BMD (bone mineral density),
CRF (corticotropin-releasing factor, case report form), DDS (dapsone, drug delivery),
NDP (gene), PDS (pigment dispersion syndrome, PDS gene), PLS (partial least squares),
SLS (sodium lauryl sulfate), TDP (TDP-43), OCRL (gene), CHM (Chinese herbal medicine),
IVF (in vitro fertilisation), AAP (American Academy of Pediatrics),
ADR (adverse drug reaction), ASA (ASA physical status), CYP (cytochrome P450),
DES (drug-eluting stent), DPH, PPA, SNP (single nucleotide polymorphism),
TAC (transverse aortic constriction), TMP (trimethoprim),
GTN (gestational trophoblastic neoplasia), CCK-8 (cell counting kit-8),
Sch, Pilo, dex (clippings)
"""

# Common English words.  Matching in therex is case-insensitive, so an abbreviation
# such as "WAS" (Wiskott-Aldrich syndrome), "HIT" or "AIDS" would match the ordinary
# word; single-word forms on this list are dropped from both lexicons.  (The script
# also treats a short form as a word when the corpus text uses it in lowercase
# outside annotations.)
ENGLISH_WORDS = set("""
all and any are arm art ask bad bag ban bar bat bed bet big bit box boy bus but buy
can cap car cat cow cry cup cut dad day den did die dig dim dog dot dry due ear eat
egg end era eve eye fan far fat fed fee few fig fit fix fly for fox fun fur gap gas
get god got gum gun gut guy had ham has hat her hid him hip his hit hot how hub hug
ice ill its jam jar jet job joy key kid kit lab lad lag lap law lay leg let lid lie
lip lit log lot low mad man map mat may men met mix mob mom mud mug nap net new nod
nor not now nut oak odd off oil old one our out owl own pad pan pat pay pea pen per
pet pie pig pin pit pop pot put rat raw red rib rid rim rip rod row rub rug run sad
sat saw say sea see set sew she shy sin sip sit six ski sky sly son sow soy spa spy
sum sun tab tag tan tap tar tea ten the tie tin tip toe ton too top toy try tub two
use van vat via vow war was way web wet who why wig win wit won yes yet you zoo ace
aid aim air ale ant ape arc ash ate awe axe bay bee bib bow bud bug cab cod cot cub
cue dam dew dip doe dub dud dug dye eel elf elk emu fad fin fir fog fry gag gel gem
gin gnu hay hem hen hex hog hop hue hut icy ink inn ion ivy jab jaw jog jot keg kin
lax lea lob lop lug mar mop nab nag nip oar oat ode opt orb ore owe pal paw peg pew
ply pod pry pub pug pun pup pus rag ram rap ray rot rue rye sac sag sap sob sod sop
sty sub tad tat tax tow tug urn vet vex wad wag wax wry yak yam yap yaw yen yew zap
zen zip
able acid aids also area arms back ball band bank base bear beat been best bill bind
bite blow blue body bold bone book born both call calm came camp card care case
cast cell chat chip city clip club coat code cold come cook cool cope copy core cost
crew cure dark data date dead deal dear deep dose down draw drop drug dust duty each
earn ease east easy edge else even ever exit face fact fail fair fall farm fast fear
feel file fill film find fine fire firm fish flat flow fold food foot form free from
fuel full fund gain game gate gave gear gene gift girl give glad goal goes gold gone
good grow hair half hall hand hang hard harm hate have head heal hear heat held help
here hero hide high hill hint hold hole home hope host hour huge hunt hurt idea into
iron item join joke jump jury just keep kept kick kill kind king knee knew know lack
lady laid lake land lane last late lead leaf lean left lend less life lift like line
link list live load loan lock long look lord lose loss lost loud love luck made mail
main make male mall many mark mass meal mean meat meet menu mere mild milk mind mine
miss mode mood moon more most move much must name near neck need news next nice none
nose note once only open over pace pack page paid pair pale palm park part pass past
path peak pick pile pill pine pink pipe plan play plot plus poll pool poor port pose
post pull pure push race rage rain rank rare rate read real rear rely rent rest rice
rich ride ring rise risk road rock role roll roof room root rope rose rule rush safe
said sake sale salt same sand save seat seed seek seem seen self sell send sent sham
ship shop shot show shut sick side sign sing sink site size slip slow snow soft soil
sold sole some song soon sort soul spot star stay step stop such suit sure take tale
talk tall tank tape task team tear tell tend term test text than that them then they
thin this thus tide tile till time tiny told toll tone tool tour town tree trip true
tune turn twin type unit upon used user vary vast very view vote wage wait wake walk
wall want warm warn wash wave weak wear week well went were west what when whom wide
wife wild will wind wine wing wire wise wish with wood word wore work yard yeah year
your zero zone mice rats cats dogs pigs lamb calf bull mast 
about above after again agent alert alive allow alone along among anger angle apply
arise aside avoid award aware basic beach begin below birth black blind block blood
board brain brave bread break brief bring broad brown build burst cable carry catch
cause chain chair cheap check chest chief child civil claim class clean clear climb
clock close cloud coach coast could count court cover crack craft crash cream crime
cross crowd crown curve cycle daily dance delay depth dirty doubt dozen draft drama
dream dress drink drive early earth eight empty enemy enjoy enter entry equal error
event every exact exist extra faith false fault field fight final first flash fleet
floor focus force frame fresh front fruit funny giant given glass grade grand grant
grass great green gross group guard guess guest guide happy heart heavy hence horse
hotel house human ideal image index inner input issue joint judge knife label labor
large laser later laugh layer learn least leave legal level light limit local loose
lower lucky lunch major maker march match maybe mayor metal might minor model money
month moral motor mount mouse mouth movie music never night noise north novel nurse
occur ocean offer often order other ought owner paint panel paper party peace phase
phone photo piece pilot pitch place plain plane plant plate point pound power press
price pride prime print prior prize proof proud prove queen quick quiet quite radio
raise range rapid ratio reach ready refer relax reply right river rough round route
royal rural scale scene scope score sense serve seven shall shape share sharp sheet
shelf shell shift shirt shoot short shown sight since skill sleep slide small smart
smile smoke solid solve sorry sound south space spare speak speed spend spent split
sport staff stage stake stand start state steam steel stick still stock stone store
storm story strip study stuff style sugar suite super sweet table taken taste teach
thank theme there these thick thing think third those three throw tight title today
topic total touch tough tower track trade train treat trend trial truck truly trust
truth twice under union unity until upper upset urban usage usual valid value video
visit vital voice waste watch water wheel where which while white whole whose woman
women world worry worse worst worth would write wrong young youth
""".split())

# ---------------------------------------------------------------------------

WORD_RE = re.compile(r'[A-Za-z]+')
PLURAL_KEEP = ('ss', 'us', 'is')


def match_key(form):
    """Normalise a form the way therex matches: lowercase, hyphen = space, collapsed
    spaces, trailing plural of the last word stripped."""
    k = form.lower().replace('-', ' ')
    k = ' '.join(k.split())
    if k.endswith('ies') and len(k) > 4:
        k = k[:-3] + 'y'
    elif re.search(r'(sses|xes|shes|[^a]ches)$', k) and len(k) > 5:
        k = k[:-2]
    elif k.endswith('s') and not k.endswith(PLURAL_KEEP) and len(k) > 3:
        k = k[:-1]
    return k


def is_plural_form(form):
    return match_key(form) != ' '.join(form.lower().replace('-', ' ').split())


# plural-looking names that are not plurals
NOT_PLURAL = {'mumps', 'rickets', 'measles', 'hives', 'yaws', 'rabies', 'scabies',
              'series', 'species', 'diabetes', 'herpes', 'pointes', 'feces', 'faeces',
              'caries', 'pubes', 'ascites', 'tabes', 'facies', 'paresis', 'ataxias'}


# singular endings in -e whose plural is a plain -s ("syndromes", "headaches")
SINGULAR_E = ('ome', 'ase', 'ache', 'ide', 'ure', 'ate', 'ine', 'ene', 'one', 'ile',
              'ule', 'ope', 'yte', 'ade', 'ice', 'ance', 'ence', 'ite', 'ose', 'ape',
              'age', 'oke', 'ake', 'ipe', 'ype', 'ive')


def singular(form):
    """Singular of a form whose last word is a regular lowercase plural, so that
    therex's own plural generation covers the plural: "tumours" -> "tumour",
    "allergies" -> "allergy"; names, acronyms and irregular forms are left alone."""
    m = re.search(r'([A-Za-z]+)$', form)
    if not m:
        return form
    w = m.group(1)
    if not w.islower() or w in NOT_PLURAL or len(w) < 5 or w.endswith(('ans', 'ens')):
        return form  # ... and Latin participles: "bronchiolitis obliterans"
    if w.endswith('ies'):
        s = w[:-3] + 'y'
    elif re.search(r'(sses|xes|shes|[^a]ches)$', w):
        s = w[:-2]
    elif w.endswith(('oses', 'eses', 'stases')):
        return form  # Greek plurals: "psychoses", "metastases"
    elif re.search(r'[^suieo]s$', w) or (w.endswith('es') and w[:-1].endswith(SINGULAR_E)):
        s = w[:-1]
    else:
        return form
    return form[:m.start()] + s


def strip_plural_s(form):
    return form[:-1] if re.search(r'[A-Z]{2,}s$', form) else form


def is_abbreviation(form):
    """All-caps short form such as "MI", "ALS", "5-FU", "MSCs" (plural s allowed)."""
    f = strip_plural_s(form)
    if ' ' in f or re.search(r'[a-z]', f):
        return False
    letters = sum(c.isalpha() for c in f)
    return 1 <= letters <= 5


def is_short_form(form, capital=None):
    """Abbreviation or clipped name ("Dex", "Pilo", "CsA", "AmB"): an all-caps
    abbreviation, or a single token of at most 4 letters written with a capital inside
    or capitalised mid-sentence (plain lowercase words such as "pain" or "gout" are
    not short forms)."""
    if is_abbreviation(form):
        return True
    if ' ' in form or sum(c.isalpha() for c in form) > 4:
        return False
    if any(c.isupper() for c in form[1:]):
        return True
    return bool(capital and form[:1].isupper() and capital[form.lower()] > 0)


CODE_RE = re.compile(r'^[A-Za-z]{1,6}[- ]?\d[\d-]*[A-Za-z]?(?: \d[\d-]*)?$|^\d[A-Za-z]+$')


def is_abbreviated(form):
    """A name built on an acronym ("cis-RA", "alpha-TC", "CCK-8", "D-MED"): ranked after
    full names when the canonical name is chosen."""
    toks = re.findall(r'[A-Za-z]+', form)
    if not any(sum(c.isupper() for c in t) >= 2 for t in toks):
        return False
    return not any(len(t) >= 5 and t.islower() and t not in
                   ('alpha', 'gamma', 'delta', 'trans') for t in toks)


def is_code(form):
    """Laboratory code name of a compound: "AH6809", "CGS 21680", "Ro 16-6028"."""
    return bool(CODE_RE.match(form))


def norm_id(raw):
    raw = raw.strip()
    if not raw or raw == '-1':
        return None
    raw = re.sub(r'^MESH:', '', raw, flags=re.I)
    if re.fullmatch(r'[DC]\d+', raw):
        return 'MeSH:' + raw
    m = re.fullmatch(r'OMIM:\s*(\d+)', raw, flags=re.I)
    if m:
        return 'OMIM:' + m.group(1)
    return None


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
    out.append('# (run from the repository root; reads ../shared/data/lexicon-sources).')
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
    out.append('# id; ids are MeSH descriptors (MeSH:D...), MeSH supplementary concepts')
    out.append('# (MeSH:C...) or OMIM (OMIM:...).  Case, hyphen/space and plural variants are')
    out.append('# not listed: therex matches them itself.')
    nsyn = sum(len(e[2]) for e in entries)
    out.append(f'# {len(entries)} entries, {nsyn} synonyms.')
    out.append(f'lexicon {kind}')
    for canon, i, syns, _n in entries:
        head = f'  {quote_always(canon)} {i}'
        if not syns:
            out.append(head)
            continue
        line = head + ' ='
        parts = [quote(s) for s in syns]
        first = True
        for p in parts:
            piece = (' ' if first else ' | ') + p
            if len(line) + len(piece) > 100 and not first:
                out.append(line)
                line = '    | ' + p
            else:
                line += piece
            first = False
        out.append(line)
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
