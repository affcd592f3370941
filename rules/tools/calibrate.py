#!/usr/bin/env python3
"""Confidence that means something: each rule's confidence is its measured precision.

usage (from the repository root):
  python3 rules/tools/calibrate.py [--therex PATH] [--k K] [--dry-run]
      measure every rule on half A of the development sets and on the reviewed sample,
      print the table, and write rules/calibration.rules (one `calibrate` line a rule)
  python3 rules/tools/calibrate.py --curve [--therex PATH]
      precision and recall of the pack as it is (rules/, calibration included) on half B
      of Rosario & Hearst dev and of the domain set, at --min-confidence 0 .. 0.9: the
      table of the README's "Confidence"
  python3 rules/tools/calibrate.py --sample N [--seed S] [--open] [--rule ID]
      N random pubmed-10k triples as rows of rules/tools/calibration/reviewed.tsv with an
      empty verdict, for a reviewer to judge and append (--open: only open-slot triples;
      --rule: only the triples of that rule id or family, e.g. a join the sets miss)

What is measured (a triple is a "hit" of its rule; "true" when it is right):
  seed       the seed abstract (../shared/seed, seed-gold.jsonl; pinned to half A)
  dom        half A of the domain set (build_corpus.py): triple level, as `therex eval`
             matches it (therapy, effect and condition)
  rh         half A of Rosario & Hearst dev: pair level (its gold has no effect labels,
             so gold and predicted effects are both set to "treats", and predictions
             without a condition, which it does not annotate, are left out)
  biored     half A of BioRED train (biored.py): a non-negated triple whose therapy and
             condition are both gold entities of its abstract is a hit, true when BioRED
             relates the pair (Negative_Correlation or Association); a harm triple
             (--harms) is true when BioRED says the chemical causes the disease
  reviewed   rules/tools/calibration/reviewed.tsv: triples of pubmed-10k judged by a
             person against ../shared/eval/GUIDELINES.md (format in its header); rows
             whose triple the current pack no longer gives as recorded are left out.
             Each counts --reviewed-weight times (default 4): it is the one measure on
             text nobody tuned on and in every part (pair, effect label, flags), where
             the development sets are studied text scored at pair or triple level, and
             their precision ran well above the reviewed one (0.85 stated against 0.59
             judged right on a 100-triple read of pubmed-10k, 2026-12-07). Rows of
             pubmed-10k sources whose abstracts may be those of a held-out evaluation
             set (HELD_OUT_SOURCES: semrep-gs308, biored) are neither counted nor drawn
The per-rule counts of the gold sets are those of `therex eval GOLD PRED --rules-table
--json` on the half-A files; half B is never read, so it stays an honest estimate (see
bench/README.md, halves.py). The rules run without calibration: a copy of rules/ without
calibration.rules (the counts do not depend on confidence, but a stale file cannot
matter then).

Confidence of a rule with H hits, T of them true = smoothed precision:
  family prior p_f = (T_f + K p_all) / (H_f + K) (family = the id before its first '.',
  pooled over the family's rules; p_all = T / H pooled over every rule)
  confidence = (T + K p_f) / (H + K), clipped to [0.05, 0.99], rounded to 2 decimals.
A rule with no hit gets its family's prior. The table also splits the hits by open
slots: a triple counts as open when its rule has a {therapy:open} or {condition:open}
pattern and that slot holds a phrase with no id whose name is its own text (what the
engine does with an open slot; a lexicon entry without id named as written can look the
same, so the split is close, not exact). Standard library only; reads ../shared (or
$THEREX_SHARED); runs a therex binary (--therex, $THEREX, else build/ or build-bench/).
"""
import argparse
import collections
import csv
import hashlib
import importlib.util
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "bench"))
from halves import half, base_id  # noqa: E402

RULES = os.path.join(REPO, "rules")
OUT = os.path.join(RULES, "calibration.rules")
REVIEWED = os.path.join(HERE, "calibration", "reviewed.tsv")
THRESHOLDS = (0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9)
REVIEWED_COLS = ("id", "doc", "sentence", "therapy", "effect", "condition", "flags", "rule",
                 "open", "drawn", "verdict", "note", "text")
SOURCES = ("seed", "dom", "rh", "biored", "reviewed")
HARM_PREDICATES = ("biolink:causes", "biolink:contributes_to")


def die(msg):
    print(f"calibrate.py: {msg}", file=sys.stderr)
    sys.exit(2)


def shared_dir():
    d = os.environ.get("THEREX_SHARED") or os.path.join(os.path.dirname(REPO), "shared")
    if not os.path.isdir(os.path.join(d, "eval")):
        die(f"{d}/eval not found (the shared data sits beside the checkout; or set THEREX_SHARED)")
    return d


def find_therex(arg):
    for b in [arg, os.environ.get("THEREX")] + [os.path.join(REPO, d, "therex")
                                                 for d in ("build", "build-bench")]:
        if b and os.path.isfile(b) and os.access(b, os.X_OK):
            return os.path.abspath(b)
    die("no therex binary: build it (cmake --build build) or pass --therex PATH")


def run(cmd, **kw):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        die(f"failed ({r.returncode}): {' '.join(cmd)}")
    return r.stdout


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def plural(n, word):
    return f"{n} {word}" + ("" if n == 1 else "s")


# pubmed-10k sources whose abstracts may be those of a held-out set: the 308 abstracts of
# the SemRep gold standard, and BioRED abstracts (its test set is held out); their
# triples are neither drawn for review nor counted (as bench/gold/medline_draw.py).
HELD_OUT_SOURCES = ("semrep-gs308", "biored")


def held_out(doc):
    return doc.split(":", 1)[0] in HELD_OUT_SOURCES


def doc_of(t):
    d = t.get("doc")
    return base_id(d.get("id") if isinstance(d, dict) else d)


# ------------------------------------------------------------------ the data

def build_sets(shared, tmp, names):
    """The development sets as bench/eval.sh builds them: {name: (input, gold)}."""
    ev = os.path.join(shared, "eval")
    out = {}
    for name in names:
        inp, gold = os.path.join(tmp, name + ".jsonl"), os.path.join(tmp, name + "-gold.jsonl")
        if name == "seed":
            with open(os.path.join(shared, "seed", "000_26bbaf43c8e1c29a.txt"), encoding="utf-8") as f:
                parts = [p.strip() for p in f.read().split("\n\n")]
            write_jsonl(inp, [{"id": "seed", "title": parts[0], "abstract": parts[2]}])
            gold = os.path.join(ev, "seed-gold.jsonl")
        elif name == "dom":
            run([sys.executable, os.path.join(ev, "build_corpus.py"), os.path.join(ev, "domain-dev.jsonl"),
                 os.path.join(shared, "data", "pubmed-10k", "abstracts.tsv"), inp, gold])
        elif name == "rh":
            run([sys.executable, os.path.join(ev, "rosario_hearst.py"),
                 os.path.join(ev, "rosario-hearst", "dev.txt"), inp, gold])
        elif name == "biored":
            gold = os.path.join(tmp, "biored-gold.json")
            run([sys.executable, os.path.join(ev, "biored.py"), "corpus",
                 os.path.join(ev, "biored", "train.pubtator"), inp, gold])
        out[name] = (inp, gold)
    return out


def rule_ids(rules_dir):
    """Every rule id and join name of the pack's files, in file order."""
    ids = []
    for root, dirs, files in os.walk(rules_dir):
        dirs.sort()
        for f in sorted(files):
            if f.endswith(".rules") and os.path.join(root, f) != os.path.join(rules_dir, "calibration.rules"):
                with open(os.path.join(root, f), encoding="utf-8") as fh:
                    ids += re.findall(r"^\s*(?:rule|join)\s+(\S+)\s*$", fh.read(), re.M)
    return ids


def measuring_pack(tmp):
    """A copy of rules/ without its calibration: the rules as written."""
    pack = os.path.join(tmp, "pack")
    shutil.copytree(RULES, pack, ignore=shutil.ignore_patterns("tools", ".*", "calibration.rules"))
    return pack


def open_rules(rules_dir):
    """{rule id: slot types it has an open pattern for} (therapy, condition)."""
    out = collections.defaultdict(set)
    for root, dirs, files in os.walk(rules_dir):
        for f in files:
            if not f.endswith(".rules"):
                continue
            cur = None
            with open(os.path.join(root, f), encoding="utf-8") as fh:
                for line in fh:
                    m = re.match(r"\s*rule\s+(\S+)", line)
                    if m:
                        cur = m.group(1)
                    m = re.match(r"\s*pattern\s+(.*)", line)
                    if m and cur:
                        out[cur].update(re.findall(r"\{(therapy|condition)\+?(?:#[\w-]+)?:open\}",
                                                   m.group(1)))
    return out


OPEN_RULES = {}  # filled by main(): open_rules(RULES)


def open_slots(t):
    """How many of the triple's therapy and condition look like open-slot phrases."""
    n = 0
    for slot in OPEN_RULES.get(t["rule"]["id"], ()):
        p = t.get(slot)
        if p and not p.get("id") and p.get("text"):
            text = re.sub(r"^(?:the|a|an|this|these)\s+", "", " ".join(p["text"].lower().split()))
            n += p.get("norm") == text
    return n


def extract(therex, pack, inp, out, *extra):
    run([therex, "extract", "-q", "-j", "2", "-r", pack, inp, "-o", out, *extra])
    return read_jsonl(out)


# ------------------------------------------------------------------ counting

class Counts:
    """hits and true by (rule, source, open slots)."""

    def __init__(self):
        self.c = collections.defaultdict(lambda: [0, 0])

    def add(self, rule, source, nopen, hits, true):
        e = self.c[(rule, source, nopen)]
        e[0] += hits
        e[1] += true

    def rule(self, rule, source=None):
        h = t = 0
        for (r, s, n), (hh, tt) in self.c.items():
            if r == rule and (source is None or s == source):
                h, t = h + hh, t + tt
        return h, t


def eval_by(therex, tmp, name, gold, preds, which, key):
    """Scores the predictions of half `which` of a score.py gold set with `therex eval
    --rules-table --json`, each prediction's rule id replaced by key(triple) so that the
    table counts hits and true by that key: returns ({key: (hits, true)}, documents).
    Rosario & Hearst: gold and predicted effects set to "treats" (its gold has none), and
    predictions without a condition (which it does not annotate) left out."""
    gold_h = [g for g in read_jsonl(gold) if half(g["doc"]) == which]
    pred_h = []
    for t in preds:
        if half(doc_of(t)) != which:
            continue
        if name == "rh":
            if not t.get("condition"):
                continue
            t = dict(t, effect=dict(t["effect"], text="treats", norm="treats"))
        pred_h.append(dict(t, rule=dict(t["rule"], id=key(t))))
    if name == "rh":
        gold_h = [dict(g, triples=[dict(x, effect="treats") for x in g["triples"]]) for g in gold_h]
    g = os.path.join(tmp, f"{name}-gold.{which}.jsonl")
    p = os.path.join(tmp, f"{name}-pred.{which}.jsonl")
    write_jsonl(g, gold_h)
    write_jsonl(p, pred_h)
    res = json.loads(run([therex, "eval", g, p, "--rules-table", "--json"]))
    return {r["rule"]: (r["hits"], r["true"]) for r in res.get("rules", [])}, \
        len({x["doc"] for x in gold_h})


def count_gold_set(therex, tmp, name, gold, preds, counts):
    """Half A of a score.py gold set, per rule and number of open slots."""
    by, docs = eval_by(therex, tmp, name, gold, preds, "A",
                       lambda t: f"{t['rule']['id']}\t{open_slots(t)}")
    for k, (h, t) in by.items():
        rid, _, nopen = k.partition("\t")
        counts.add(rid, name, int(nopen or 0), h, t)
    return docs


def load_biored(shared):
    spec = importlib.util.spec_from_file_location("biored", os.path.join(shared, "eval", "biored.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def count_biored(shared, gold_path, preds, counts):
    """Half A of BioRED train, one verdict per triple whose two sides are gold entities."""
    biored = load_biored(shared)
    with open(gold_path, encoding="utf-8") as f:
        gold = json.load(f)
    docs = 0
    for pmid in gold:
        docs += half(pmid) == "A"
    for t in preds:
        pmid = doc_of(t)
        if half(pmid) != "A" or pmid not in gold or not t.get("condition") or t.get("negated"):
            continue
        g = gold[pmid]
        a = biored.side_id(t.get("therapy"), g, "ChemicalEntity", True)
        b = biored.side_id(t.get("condition"), g, "DiseaseOrPhenotypicFeature", True)
        if not (a and b):
            continue
        if t.get("predicate") in HARM_PREDICATES:
            right = [a, b] in g["causes"]
        else:
            right = [a, b] in g["treats"] or [a, b] in g["associated"]
        counts.add(t["rule"]["id"], "biored", open_slots(t), 1, int(right))
    return docs


def read_reviewed(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"))
    for n, r in enumerate(rows, 1):
        if r.get("verdict") not in ("right", "wrong", ""):
            die(f"{path}: row {n} after the header: verdict must be right or wrong (or empty "
                f"until judged), not {r.get('verdict')!r}")
    return rows


def triple_row(t):
    """A pubmed-10k triple as the identifying columns of reviewed.tsv."""
    c = t.get("condition") or {}
    flags = ",".join(f for f in ("negated", "hedged", "coref") if t.get(f)) or "-"
    return {"id": t["id"], "doc": doc_of(t), "sentence": str(t["sentence"]["index"]),
            "therapy": t["therapy"]["norm"], "effect": t["effect"]["norm"],
            "condition": c.get("norm") or "-", "flags": flags, "rule": t["rule"]["id"],
            "open": str(open_slots(t))}


def count_reviewed(rows, p10k, counts, weight=1):
    """The reviewed rows whose triple the pack still gives exactly so, each counted weight
    times; returns (used, stale). A triple judged twice (drawn again by a later read)
    counts once, by its first row."""
    current = {t["id"]: triple_row(t) for t in p10k}
    used = stale = 0
    seen = set()
    for r in rows:
        if r["id"] in seen:
            continue
        seen.add(r["id"])
        now = current.get(r["id"])
        if not now or any(now[k] != r[k] for k in now if k != "open"):
            stale += 1
            continue
        used += 1
        counts.add(r["rule"], "reviewed", int(now["open"]), weight,
                   weight * int(r["verdict"] == "right"))
    return used, stale


# ------------------------------------------------------------------ confidence

def family(rule):
    return rule.split(".", 1)[0]


def calibrate(ids, counts, k):
    """{rule: (confidence, hits, true)}, {family: (hits, true, prior)}, p_all."""
    per = {r: counts.rule(r) for r in ids}
    h_all = sum(v[0] for v in per.values())
    p_all = sum(v[1] for v in per.values()) / h_all if h_all else 0.5
    fams = collections.OrderedDict()
    for r in ids:
        f = fams.setdefault(family(r), [0, 0])
        f[0] += per[r][0]
        f[1] += per[r][1]
    priors = {f: (h, t, (t + k * p_all) / (h + k)) for f, (h, t) in fams.items()}
    out = {}
    for r in ids:
        h, t = per[r]
        c = (t + k * priors[family(r)][2]) / (h + k)
        out[r] = (round(min(0.99, max(0.05, c)), 2), h, t)
    return out, priors, p_all


def write_calibration(path, ids, conf, priors, p_all, sources, k, command):
    lines = [
        "# GENERATED by rules/tools/calibrate.py -- do not edit; run it again:",
        f"#   {command}",
        "# Each rule's confidence is its measured precision, smoothed toward its family's",
        f"# (the id before its first '.'): (true + {k:g} * family) / (hits + {k:g}), clipped to",
        "# [0.05, 0.99]; a rule with no hit gets its family's value.",
        "# Measured on half A of each development set (half B is the estimate; see",
        "# bench/README.md) and on the reviewed sample of pubmed-10k:",
    ]
    lines += [f"#   {s}" for s in sources]
    lines.append(f"# Pooled precision {p_all:.3f}; by family (hits, true, prior):")
    for f, (h, t, p) in priors.items():
        lines.append(f"#   {f:26} {int(h):5} {int(t):5}  {p:.2f}")
    lines.append("")
    for r in ids:
        c, h, t = conf[r]
        lines.append(f"calibrate {r} {c:.2f}" + (f"    # {int(t)}/{int(h)}" if h else "    # no hit"))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def print_table(ids, conf, counts, priors, p_all):
    w = max(len(r) for r in ids)
    head = f"{'rule':{w}}  " + "  ".join(f"{s:>8}" for s in SOURCES) + "  open    hits  true   conf"
    print(head)
    for r in ids:
        c, h, t = conf[r]
        cells = []
        for s in SOURCES:
            hh, tt = counts.rule(r, s)
            cells.append(f"{int(tt):>3}/{int(hh):<4}" if hh else f"{'-':>8}")
        nopen = sum(v[0] for (rr, _, n), v in counts.c.items() if rr == r and n)
        print(f"{r:{w}}  " + "  ".join(cells) + f"  {nopen:4}  {int(h):6}  {int(t):4}   {c:.2f}")
    print(f"\n{'family':{w}}  hits  true  precision  prior")
    for f, (h, t, p) in priors.items():
        print(f"{f:{w}}  {int(h):4}  {int(t):4}  " + (f"{t / h:9.3f}" if h else f"{'-':>9}") + f"  {p:5.2f}")
    print(f"{'(all)':{w}}  " + f"{'':4}  {'':4}  {p_all:9.3f}")


def print_open(counts):
    """Precision of triples with and without open slots: over every rule, and over the
    rules that gave both (so that the comparison is not one between rules)."""
    both = {r for (r, _, n) in counts.c if n} & {r for (r, _, n) in counts.c if not n}
    print("\nopen slots  rules          source     hits  true  precision")
    for scope, keep in (("all", lambda r: True), ("with both", lambda r: r in both)):
        for n in (0, 1, 2):
            for s in SOURCES + (None,):
                h = t = 0
                for (r, ss, nn), (hh, tt) in counts.c.items():
                    if nn == n and (s is None or ss == s) and keep(r):
                        h, t = h + hh, t + tt
                if h:
                    print(f"{n:10}  {scope:13}  {s or '(all)':8}  {h:5} {t:5}  {t / h:9.3f}")


# ------------------------------------------------------------------ the commands

def cmd_calibrate(args, therex, shared):
    ids = rule_ids(RULES)
    if len(set(ids)) != len(ids):
        die("a rule id or join name is used twice: therex check rules/ first")
    counts = Counts()
    sources = []
    with tempfile.TemporaryDirectory(prefix="calibrate-") as tmp:
        pack = measuring_pack(tmp)
        sets = build_sets(shared, tmp, ("seed", "dom", "rh", "biored"))
        for name in ("seed", "dom", "rh"):
            inp, gold = sets[name]
            preds = extract(therex, pack, inp, os.path.join(tmp, name + "-pred.jsonl"))
            docs = count_gold_set(therex, tmp, name, gold, preds, counts)
            sources.append(f"{name}: {SOURCE_NAMES[name]}, half A ({plural(docs, 'document')})")
        inp, gold = sets["biored"]
        preds = extract(therex, pack, inp, os.path.join(tmp, "biored-pred.jsonl"), "--harms")
        docs = count_biored(shared, gold, preds, counts)
        sources.append(f"biored: {SOURCE_NAMES['biored']}, half A ({plural(docs, 'document')})")
        rows = [r for r in read_reviewed(args.reviewed) if r["verdict"] and not held_out(r["doc"])]
        if rows:
            p10k = extract(therex, pack, pubmed_input(shared, tmp), os.path.join(tmp, "p10k.jsonl"))
            used, stale = count_reviewed(rows, p10k, counts, args.reviewed_weight)
            rel = os.path.relpath(args.reviewed, REPO)
            sources.append(f"reviewed: {rel}, {used} judged triples of pubmed-10k"
                           + (f" ({stale} stale rows left out)" if stale else "")
                           + f", each counted {args.reviewed_weight:g} times")
    conf, priors, p_all = calibrate(ids, counts, args.k)
    print_table(ids, conf, counts, priors, p_all)
    print_open(counts)
    print("\nsources:\n" + "\n".join("  " + s for s in sources))
    if not args.dry_run:
        command = ("python3 rules/tools/calibrate.py" + (f" --k {args.k:g}" if args.k != 5 else "")
                   + (f" --reviewed-weight {args.reviewed_weight:g}"
                      if args.reviewed_weight != 4 else ""))
        write_calibration(OUT, ids, conf, priors, p_all, sources, args.k, command)
        print(f"wrote {os.path.relpath(OUT, REPO)} ({len(ids)} rules and joins)")


SOURCE_NAMES = {
    "seed": "the seed abstract (seed-gold.jsonl), triple level",
    "dom": "domain-dev.jsonl, triple level",
    "rh": "Rosario & Hearst dev, pair level",
    "biored": "BioRED train (biored.py), pairs of gold entities",
}


def pubmed_input(shared, tmp):
    out = os.path.join(tmp, "p10k-input.jsonl")
    run([sys.executable, os.path.join(REPO, "bench", "tsv_to_jsonl.py"),
         os.path.join(shared, "data", "pubmed-10k", "abstracts.tsv"), out, "1"])
    return out


def cmd_curve(args, therex, shared):
    """Pair-level precision and recall (and the domain set's triple level) on half B."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="calibrate-") as tmp:
        sets = build_sets(shared, tmp, ("rh", "dom"))
        halves = {}
        for name, (inp, gold) in sets.items():
            g = os.path.join(tmp, name + "-gold.B.jsonl")
            write_jsonl(g, [x for x in read_jsonl(gold) if half(x["doc"]) == "B"])
            i = os.path.join(tmp, name + ".B.jsonl")
            write_jsonl(i, [x for x in read_jsonl(inp) if half(x["id"]) == "B"])
            halves[name] = (i, g)
        for th in THRESHOLDS:
            row = [th]
            for name in ("rh", "dom"):
                inp, gold = halves[name]
                out = os.path.join(tmp, f"{name}-{th}.jsonl")
                run([therex, "extract", "-q", "-j", "2", "-r", RULES, inp, "-o", out,
                     "--min-confidence", str(th)])
                res = json.loads(run([therex, "eval", gold, out, "--json"]))
                row.append(res)
            rows.append(row)
        docs = {n: len({x["doc"] for x in read_jsonl(g)}) for n, (_, g) in halves.items()}
        bins = reliability(therex, tmp, sets)
    print(f"half B: Rosario & Hearst dev {docs['rh']} sentences, domain set {docs['dom']} "
          f"abstracts (pair level; dom also triple level)\n")
    print("| min conf | rh pairs | rh P | rh R | dom pairs | dom P | dom R | dom triple P | dom triple R |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for th, rh, dom in rows:
        rp, dp, dt = rh["pair"], dom["pair"], dom["triple"]
        print(f"| {th:g} | {rp['predicted']} | {rp['precision']:.3f} | {rp['recall']:.3f} | "
              f"{dp['predicted']} | {dp['precision']:.3f} | {dp['recall']:.3f} | "
              f"{dt['precision']:.3f} | {dt['recall']:.3f} |")
    print("\nDoes a confidence mean its precision? Triples of half B (threshold 0) by"
          "\nconfidence: their mean confidence and the share that was right (rh: pair level,"
          "\ndom: triple level):\n")
    print("| confidence | triples | mean confidence | right |")
    print("|---|---:|---:|---:|")
    for label, n, mean, right in bins:
        print(f"| {label} | {n} | " + (f"{mean:.2f} | {right:.2f} |" if n else "- | - |"))


BINS = ((0.0, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


def bin_label(lo, hi):
    return f"{lo:g} to {hi:g}" if hi <= 1 else f"{lo:g} and up"


def reliability(therex, tmp, sets):
    """[(bin, triples, mean confidence, precision)] of the threshold-0 outputs of half B,
    scored as the calibration scores half A, plus a row for all of them."""
    hits = collections.Counter()
    true = collections.Counter()
    conf = collections.defaultdict(float)

    def key(t):
        c = t["confidence"]
        return next(bin_label(lo, hi) for lo, hi in BINS if lo <= c < hi)
    for name, (_, gold) in sets.items():
        preds = read_jsonl(os.path.join(tmp, f"{name}-0.jsonl"))
        by, _ = eval_by(therex, tmp, name, gold, preds, "B", key)
        for k, (h, t) in by.items():
            hits[k] += h
            true[k] += t
        for t in preds:
            if t.get("scope", "sentence") == "sentence" and (name != "rh" or t.get("condition")):
                conf[key(t)] += t["confidence"]
    out = []
    for lo, hi in BINS:
        k = bin_label(lo, hi)
        n = hits[k]
        out.append((k, n, conf[k] / n if n else 0, true[k] / n if n else 0))
    n = sum(hits.values())
    out.append(("all", n, sum(conf.values()) / n if n else 0, sum(true.values()) / n if n else 0))
    return out


def marked(t):
    """The sentence with [therapy] <effect> {condition} marked."""
    s = t["sentence"]
    text, base, marks = s["text"], s["start"], []
    if t.get("scope", "sentence") != "sentence":
        return text + " || " + " || ".join(e["text"] for e in t.get("evidence") or [])
    for name, (a, b) in (("therapy", "[]"), ("effect", "<>"), ("condition", "{}")):
        p = t.get(name)
        if p and isinstance(p.get("start"), int) and 0 <= p["start"] - base <= p["end"] - base <= len(text):
            marks += [(p["start"] - base, 1, a), (p["end"] - base, 0, b)]
    for pos, _, m in sorted(marks, reverse=True):
        text = text[:pos] + m + text[pos:]
    return " ".join(text.split())


def cmd_sample(args, therex, shared):
    """N random pubmed-10k triples not yet reviewed, as reviewed.tsv rows (no verdict)."""
    done = {r["id"] for r in read_reviewed(args.reviewed)}
    with tempfile.TemporaryDirectory(prefix="calibrate-") as tmp:
        pack = measuring_pack(tmp)
        p10k = extract(therex, pack, pubmed_input(shared, tmp), os.path.join(tmp, "p10k.jsonl"))
    def wanted(t):
        rid = t["rule"]["id"]
        return (t["id"] not in done and not held_out(doc_of(t)) and
                (not args.open or open_slots(t)) and
                (not args.rule or rid == args.rule or rid.startswith(args.rule + ".")))
    pool = sorted((t for t in p10k if wanted(t)), key=lambda t: t["id"])
    pick = random.Random(args.seed).sample(pool, min(args.sample, len(pool)))
    w = csv.writer(sys.stdout, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\",
                   lineterminator="\n")
    for t in pick:
        r = triple_row(t)
        how = "open" if args.open else f"rule {args.rule}" if args.rule else "random"
        r.update(drawn=f"{how} seed {args.seed}", verdict="",
                 note="", text=marked(t).replace("\t", " "))
        w.writerow([r[c] for c in REVIEWED_COLS])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__[__doc__.index("usage"):])
    ap.add_argument("--therex", help="the therex binary (default: $THEREX, build/, build-bench/)")
    ap.add_argument("--k", type=float, default=5.0, help="weight of the family prior (default 5)")
    ap.add_argument("--reviewed", default=REVIEWED, help="the reviewed sample (default: %(default)s)")
    ap.add_argument("--reviewed-weight", type=float, default=4.0,
                    help="how many development-set hits one reviewed triple counts for (default 4)")
    ap.add_argument("--dry-run", action="store_true", help="print the table, write nothing")
    ap.add_argument("--curve", action="store_true", help="the precision/recall table of half B")
    ap.add_argument("--sample", type=int, metavar="N", help="N pubmed-10k triples to review")
    ap.add_argument("--seed", type=int, default=1, help="seed of --sample (default 1)")
    ap.add_argument("--open", action="store_true", help="--sample only open-slot triples")
    ap.add_argument("--rule", help="--sample only triples of this rule id or family")
    args = ap.parse_args()
    if args.k <= 0:
        die("--k must be positive")
    OPEN_RULES.update(open_rules(RULES))
    shared = shared_dir()
    therex = find_therex(args.therex)
    if args.curve:
        cmd_curve(args, therex, shared)
    elif args.sample is not None:
        cmd_sample(args, therex, shared)
    else:
        cmd_calibrate(args, therex, shared)


if __name__ == "__main__":
    main()
