"""Stop lists of the lexicon harvester and miners (harvest_lexicons.py, mine_*.py), each
with its reason. Python 3 standard library only."""
import re

from lexicon_forms import match_key, singular  # noqa: F401


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
