"""Surface forms as therex matches them: match keys (lowercase, hyphen = space, trailing
plural stripped), singular and plural forms, abbreviations, code names and MeSH/OMIM ids.
Shared by harvest_lexicons.py and the miners; Python 3 standard library only."""
import re


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
    elif re.search(r'[a-z]s$', k) and not k.endswith(PLURAL_KEEP) and len(k) > 3:
        # as therex: a plural s follows a letter of its word ("protein s" is no plural)
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


def entry_lines(head, synonyms, width=100):
    """The lines of one lexicon entry as the generators write it: head (canonical name,
    id, tags...), then ' = syn | syn ...' wrapped at `width` columns, each further line
    starting '    | '. synonyms are already quoted as the rule language wants them."""
    if not synonyms:
        return [head]
    lines, line, first = [], head + ' =', True
    for s in synonyms:
        piece = (' ' if first else ' | ') + s
        if len(line) + len(piece) > width and not first:
            lines.append(line)
            line = '    | ' + s
        else:
            line += piece
        first = False
    lines.append(line)
    return lines
