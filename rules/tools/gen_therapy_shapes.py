#!/usr/bin/env python3
"""Writes rules/lexicons/morphology/therapies.rules: the head-noun shapes of therapy noun
phrases. Run it again after adding two-word therapies such as "X therapy" or adjective-shaped
single words to the lexicons: it reads them so that the shapes never extend a listed term."""
import os
HERE = os.path.dirname(os.path.abspath(__file__))
LEX = os.path.join(HERE, "..", "lexicons")
HEADER = '# morphology/therapies.rules: therapies that no lexicon lists, found by the head noun of\n# their noun phrase: "systemic treatments", "antithrombotic agents", "bolus thrombolytic\n# infusions", "intraarterial lytic therapy", "combination therapy", "interventional\n# radiologic procedures", "percutaneous transhepatic biliary drainage", "autologous repair",\n# "artichoke leaf extract", "electrical nerve stimulation", "transpupillary thermotherapy".\n# A head noun (therapy, treatment, agents, drugs, infusion, injection, procedures ...) is a\n# therapy only with one to three modifiers that make it a specific intervention: words of\n# adjective shape (-al -ic -ive -ous -ar -ary), anti-/intra-/trans- words, "X-guided" and\n# "X-based" compounds, and nouns that name a kind of treatment (combination, replacement,\n# bolus, laser, pulse ...). A bare "treatment" or "therapy" is never a mention, so rules\n# that read those words ("X for the treatment of Y") keep working; nor is a head followed\n# by "of", "with", "by" or "using" ("infusion of MSCs", "treatment with HCQ": the therapy\n# comes after), nor one inside a longer phrase ("therapy-related", "treatment group").\n# Modifiers are never determiners, generic words (effective, standard, current, medical,\n# conventional, previous, therapeutic ...), timing words (postoperative, chronic), nor\n# adjectives that are conditions or properties themselves (diabetic, allergic, toxic,\n# neuroprotective): a condition before the head is never a modifier, so "asthma therapy"\n# and "cancer treatment" keep their condition mention (a longer match that starts earlier\n# would win the overlap). Repair, drainage, embolization, fixation, dilation and the like\n# are also outcomes or anatomy ("tubular repair", "venous drainage", "ventricular\n# dilation"), so they take only a surgical or interventional approach word first.\n# Loads after lexicons/ and lexicons/general/: a listed term of the same span wins, and\n# one that starts earlier keeps its span.\n'
FOOTER = '# Words with the ending above that are generic, not a therapy; and shape matches that are\n# no intervention.\nlexicon ignore\n  "not a therapy (generic)" = monotherapy | monotherapies | pharmacotherapy | pharmacotherapies\n    | "combination monotherapy"\nend\n'
STOP = """the a an this that these those such other its their our his her any all each both no
effective ineffective optimal suboptimal additional initial current usual conventional standard
potential appropriate alternative ideal special general typical actual total final original normal
regular clinical therapeutic therapeutical successive consecutive respective various previous
numerous serious similar particular popular primary secondary ordinary necessary preliminary
complementary auxiliary supplementary temporary comparative active inactive aggressive intensive
extensive expensive negative positive relative innovative definitive curative supportive
conservative empirical empiric specific nonspecific non-specific classic classical historical
critical practical logical technical individual annual mutual global maximal minimal experimental
fundamental vital crucial essential medical pharmacological pharmacologic preventive preventative
prophylactic chronic periodic systematic dramatic basic economic genetic diagnostic statistical
analytical postoperative preoperative perioperative intraoperative postnatal prenatal antenatal
neonatal continuous continual traditional natural several successive subsequent prior
sequential experimental animal human social financial national international commercial
official original radical identical beneficial successful useful harmful
diabetic asthmatic epileptic psychotic anemic anaemic hypertensive neoplastic cancerous tumoral
arthritic rheumatic ischemic ischaemic atopic allergic psoriatic septic toxic infectious
inflammatory malignant metastatic viral bacterial microbial causative etiologic etiological
aetiological pathogenic carcinogenic environmental chemical biological endogenous exogenous
cellular molecular regenerative angiogenic pro-angiogenic anti-apoptotic cytoprotective
neuroprotective cardioprotective hepatoprotective renoprotective nephroprotective trophic paracrine
contrast imaging several various invasive minimally noninvasive non-invasive principal rational central
pivotal universal efficacious attractive palliative symptomatic multimodal multi-modal
adjuvant neoadjuvant adjunctive adjunct salvage maintenance induction consolidation rescue
replacement add-on first-line second-line third-line post-consolidation hepatotoxic nephrotoxic
cardiotoxic ototoxic neurotoxic anxiogenic convulsant proconvulsant emetogenic ulcerogenic
diabetogenic hallucinogenic psychotomimetic recreational psychoactive addictive lipophilic
hydrophilic hypothetical pharmaceutical cost-effective gram-negative gram-positive hospital trial
survival removal withdrawal approval arrival interval signal proposal referral denial renewal
journal year years regular polar molar panic clinic topic objective incentive initiative native
summary ordinary contrary boundary invitational""".split()
ADJ_EXCL_PREFIX = ["transplant", "transient", "transition", "transfer", "antigen", "anticipat", "intrinsic"]
NOUNMODS = """bolus compression laser hormone enzyme oxygen fluid light antibody pulse stent reperfusion
chelation""".split()

import glob, re
HEADW = r"(therapy|therapies|treatment|treatments|agents|drugs|medication|medications|regimen|regimens|procedures|interventions|infusion|infusions|injection|injections|transfusion|transfusions|supplementation|supplements|prophylaxis|vaccine|vaccines|repair|drainage|embolization|reconstruction|fixation|decompression|dilation|dilatation|ligation|closure|stenting)"
listed = set()
for f in glob.glob(os.path.join(LEX, "**", "*.rules"), recursive=True):
    if "morphology/therapies" in f: continue
    for m in re.finditer(r'"([^"]+)"', open(f).read()):
        p = m.group(1).lower().split()
        if len(p) == 2 and re.fullmatch(HEADW, p[1]) and p[0] not in ("this", "these", "such", "x"):
            listed.add(p[0])
PAIRS = set()
for f in glob.glob(os.path.join(LEX, "**", "*.rules"), recursive=True):
    if "morphology/therapies" in f: continue
    for m in re.finditer(r'"([^"]+)"', open(f).read()):
        p = m.group(1).lower().split()
        if len(p) == 2 and re.fullmatch(HEADW, p[1]) and p[0] not in ("this", "these", "such", "x"):
            PAIRS.add(re.escape(p[0]).replace("\\-", "[-\\s]") + "\\s+" + (p[1][:-3] + "(?:y|ies)" if p[1].endswith("ies") else p[1][:-1] + "(?:y|ies)" if p[1].endswith("y") else p[1].rstrip("s") + "s?"))
SINGLE = set()
for f in glob.glob(os.path.join(LEX, "**", "*.rules"), recursive=True):
    if "morphology/therapies" in f: continue
    for blk in re.findall(r"^lexicon therapy\n(.*?)^end", open(f).read(), re.S | re.M):
        for m in re.finditer(r'"([^"]+)"|(?<=[=|]\s)([A-Za-z][\w-]*)', blk):
            w = (m.group(1) or m.group(2)).lower()
            if " " not in w and re.fullmatch(r"(?:[a-z0-9]+-)*[a-z]{2,}(?:al|ic|ive|ous|ar|ary)|(?:anti|intra|trans)-?[a-z]{3,}", w):
                SINGLE.add(re.escape(w).replace("\\-", "-"))
NOTLISTED = ("(?!(?:" + "|".join(sorted(PAIRS)) + ")(?![\\w-]))"
             "(?!(?:" + "|".join(sorted(SINGLE)) + "|[a-z]+barbital)s?\\s)")
stop = "(?!(?:" + "|".join(sorted(set(STOP), key=lambda w: (-len(w), w))) + ")(?![\\w-]))"
stop_pref = "(?!(?:" + "|".join(ADJ_EXCL_PREFIX) + "))"
adj = ("(?:(?:[a-z0-9]+-)*[a-z]{2,}(?:al|ic|ive|ous|ar|ary)"
       "|(?:anti|intra|trans)-?[a-z]{3,}"
       "|[a-z0-9]+-(?:guided|assisted|directed)"
       "|" + "|".join(NOUNMODS) + ")")
MOD = "(?:" + stop + stop_pref + adj + "(?![\\w-])\\s+)"
END = "(?![\\w-])(?!\\s+(?:of|with|by|using|group|groups|arm|arms|syndrome|failure|failures|resistance|response|responses|outcome|outcomes|effect|effects|period|duration|rate|rates|center|centers|centre|centres|options?|strategy|strategies|history|toxicity|naive)\\b)"
GEN_HEAD = ("(?:treatment\\s+modalities|therapeutic\\s+modalities|therapy\\s+modalities|therap(?:y|ies)|treatments?|agents|drugs|medications?"
            "|regimens?|procedures|interventions|supplementation"
            "|supplements|prophylaxis|vaccines?)")
ROUTE = ("(?:intravenous|intramuscular|subcutaneous|intradermal|intra-?arterial|intralesional|intrathecal"
         "|intravitreal|intraperitoneal|intra-?articular|intracoronary|intravesical|intracavernous|intracavernosal"
         "|epidural|oral|topical|local|systemic|bolus|peripheral|central)(?![\\w-])")
START = "\\b(?<![\\w-])(?<!\\ba\\s)(?<!\\ban\\s)(?<!\\bas\\s)(?<!al\\s|ic\\s|us\\s|ar\\s|ry\\s)(?<!(?<!\\bf)ive\\s)"
generic = "/" + START + MOD + "{0,2}" + NOTLISTED + MOD + GEN_HEAD + END + "/"
generic_b = "/" + START + MOD + "{0,2}" + NOTLISTED + "(?!" + ROUTE + ")" + MOD + "(?:infusions?|injections?|transfusions?)" + END + "/"

APPROACH = ("(?:percutaneous|transcatheter|transarterial|transhepatic|transvenous|transjugular|endovascular"
            "|endoscopic|laparoscopic|thoracoscopic|arthroscopic|hysteroscopic|endobronchial|intravascular"
            "|intra-?arterial|[a-z]+-guided|[a-z]+-assisted|surgical|operative|open|autologous|selective"
            "|superselective|microsurgical|microvascular|radiologic(?:al)?|interventional|balloon|pneumatic"
            "|internal|external|transanal|transurethral|transvaginal|transabdominal|robotic|tension-free|mesh"
            "|minimally\\s+invasive)")
SPEC_HEAD = ("(?:repair|drainage|emboli[sz]ation|reconstruction|fixation|decompression|dilation|dilatation"
             "|ligation|closure|stenting)")
ADJ2 = "(?:" + stop + stop_pref + "(?:(?:[a-z0-9]+-)*[a-z]{2,}(?:al|ic|ive|ous|ar|ary)|artery|vein|variceal|band|biliary|bile\\s+duct|tubal|mesh)(?![\\w-])\\s+)"
approach = "/\\b(?<![\\w-])" + NOTLISTED + APPROACH + "\\s+" + "(?:" + ADJ2 + "{0,1}" + NOTLISTED + ADJ2 + ")?" + SPEC_HEAD + END.replace("of|with", "with") + "/"

PREP = "(?:aqueous|ethanolic|methanolic|hydroalcoholic|hydro-alcoholic|alcoholic|ethanol|methanol|herbal|botanical|standardi[sz]ed|polyphenolic|plant|leaf|leaves|root|seed|bark|fruit|flower|rhizome|herb)"
WORD = "(?:(?!(?:the|a|an|of|and|or|with|in|on|for|to|by|from|nuclear|cell|cellular|protein|tissue|cytoplasmic|whole-cell|brain|liver|yeast|bacterial|this|these|that|its|their)(?![\\w-]))[a-z][a-z-]+\\s+)"
extract = "/\\b(?<![\\w-])" + WORD + "{0,2}" + PREP + "\\s+" + WORD + "{0,2}extracts?" + END + "/"
herbal = "/\\b(?:multi-herb|multi-ingredient|herbal|botanical|dietary|nutritional|vitamin|mineral|antioxidant)\\s+(?:herbal\\s+)?supplements?" + END + "/"
pumps = "/\\b(?:(?:pneumatic|intermittent|sequential)\\s+)?(?:compression|infusion|insulin|intra-?aortic\\s+balloon|balloon)\\s+pumps?\\b(?!-)/"
stim = ("/\\b(?:(?:transcutaneous|percutaneous|transcranial|functional|neuromuscular|chronic|repetitive)\\s+)?"
        "(?:electrical|electric|magnetic)\\s+(?:(?:muscle|nerve|vagus\\s+nerve|vagal|spinal\\s+cord|brain)\\s+)?stimulation\\b(?!-)/"
        "\n    | /\\b(?:deep\\s+brain|vagus\\s+nerve|vagal\\s+nerve|spinal\\s+cord|sacral\\s+nerve|phrenic\\s+nerve)\\s+stimulation\\b(?!-)/")

out = open(os.path.join(LEX, "morphology", "therapies.rules"), "w")
out.write(HEADER)
out.write("lexicon therapy\n")
out.write('  "therapy phrase (by head noun)" = ' + generic + "\n    | " + generic_b + "\n")
out.write('  "procedure phrase (by approach)" = ' + approach + "\n")
out.write('  "plant extract (by shape)" = ' + extract + "\n    | " + herbal + "\n")
out.write('  "device (pump)" = ' + pumps + "\n")
out.write('  "neurostimulation (by shape)" = ' + stim + "\n")
out.write('  "therapy word (by ending)" = *otherapy | *otherapies\n')
out.write("end\n\n")
out.write(FOOTER)
